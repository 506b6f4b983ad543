namespace Mss.Core.Transport.Tests;

/// <summary>REF1-4: a French sentence for every TrustFailure, none for an undefined value.</summary>
public class TransportTextTest
{
    public static TheoryData<TrustFailure> AllFailures => new(Enum.GetValues<TrustFailure>());

    [Theory]
    [MemberData(nameof(AllFailures))]
    public void Describe_EveryValue_AFrenchSentenceOfItsOwn(TrustFailure failure)
    {
        string text = TransportText.Describe(failure);
        Assert.False(string.IsNullOrWhiteSpace(text));
        Assert.Equal(1, Enum.GetValues<TrustFailure>().Count(f => TransportText.Describe(f) == text));
        Assert.Contains(failure == TrustFailure.None ? "vérifié" : "Connexion refusée", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_UndefinedValue_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TransportText.Describe((TrustFailure)99));

    [Fact]
    public void Exception_CarriesTheTrustAndItsSentence()
    {
        var e = new MssConnectionException(TrustFailure.Revoked, null);
        Assert.Equal(TrustFailure.Revoked, e.Trust);
        Assert.Equal(TransportText.Describe(TrustFailure.Revoked), e.Message);
        Assert.Equal(TrustFailure.None, new MssConnectionException("x").Trust);
        Assert.Equal(TrustFailure.None, new MssConnectionException().Trust);
    }
}
