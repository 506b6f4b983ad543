using System.Text;
using FsCheck.Xunit;

namespace Mss.Core.Tests;

[Properties(Arbitrary = [typeof(IdentifierGenerators)], MaxTest = 500)]
public class AdeliTest
{
    // BAL-6: 9 digits; the Luhn digit is reported, never refused.
    [Theory]
    [InlineData("123456782", true)]
    [InlineData("999999998", true)]
    [InlineData("123456789", false)]
    [InlineData("000000000", true)]
    public void TryParse_NineDigits_Accepted_LuhnReported(string text, bool luhn)
    {
        Assert.True(Adeli.TryParse(text, out Adeli adeli));
        Assert.Equal(text, adeli.ToString());
        Assert.Equal(luhn, adeli.HasValidLuhn);
        Assert.Equal(adeli, Adeli.Parse(Encoding.UTF8.GetBytes(text)));
    }

    [Theory]
    [InlineData("", HealthIdentifierError.Empty)]
    [InlineData("12345678", HealthIdentifierError.Length)]
    [InlineData("1234567820", HealthIdentifierError.Length)] // an IdNat_PS is not an ADELI
    [InlineData("12345678é", HealthIdentifierError.Character)]
    [InlineData("1234 5678", HealthIdentifierError.Character)]
    [InlineData("12345678\U0001D7CE", HealthIdentifierError.Length)] // a mathematical digit is two UTF-16 units: 10 characters
    [InlineData("1234567\U0001D7CE", HealthIdentifierError.Character)]
    public void Validate_Refused_WithFirstError(string text, HealthIdentifierError expected)
    {
        Assert.Equal(expected, Adeli.Validate(text));
        Assert.Equal(expected, Adeli.Validate(Encoding.UTF8.GetBytes(text)));
        var ex = Assert.Throws<HealthIdentifierFormatException>(() => Adeli.Parse(text));
        Assert.Equal(expected, ex.Error);
        Assert.Equal(HealthIdentifierKind.Adeli, ex.Kind);
    }

    [Fact]
    public void Default_IsNoAdeli()
    {
        Adeli none = default;
        Assert.True(none.IsDefault);
        Assert.Equal(string.Empty, none.ToString());
        Assert.NotEqual(Adeli.Parse("000000000"), none);
        Assert.Contains("IdNat_PS", Assert.Throws<InvalidOperationException>(() => none.ToIdNatPs()).Message, StringComparison.Ordinal);
    }

    // BAL-6: ADELI → IdNat_PS is "0" + the 9 digits, and back.
    [Fact]
    public void ToIdNatPs_PrefixesZero_AndRoundTrips()
    {
        IdNatPs id = Adeli.Parse("123456782").ToIdNatPs();
        Assert.Equal("0123456782", id.ToString());
        Assert.True(id.IsAdeli);
        Assert.False(id.TryGetRpps(out Rpps noRpps));
        Assert.True(noRpps.IsDefault);
        Assert.True(id.TryGetAdeli(out Adeli back));
        Assert.Equal("123456782", back.ToString());
    }

    [Property]
    public bool RoundTrips_AndLuhnAgreesWithReference(AdeliText text)
    {
        Adeli adeli = Adeli.Parse(text.Value);
        return adeli.ToString() == text.Value
            && adeli.HasValidLuhn == IdentifierReference.Luhn(text.Value)
            && adeli.ToIdNatPs().ToString() == "0" + text.Value
            && IdNatPs.Parse("0" + text.Value).TryGetAdeli(out Adeli back) && back == adeli;
    }

    [Property(MaxTest = 2000)]
    public bool TryParse_NeverThrows_AgreesWithValidate(string? s)
    {
        bool ok = Adeli.TryParse(s, out Adeli adeli);
        HealthIdentifierError error = Adeli.Validate(s.AsSpan());
        return ok == (error == HealthIdentifierError.None)
            && Adeli.Validate(Encoding.UTF8.GetBytes(s ?? string.Empty)) == error
            && (ok ? adeli.ToString() == s : adeli.IsDefault);
    }

    // BAL-6: the surface Adeli shares with the other identifiers (operators, span and UTF-8 parsing, "G", default).
    [Fact]
    public void Surface_ParseFormatCompare()
    {
        IdentifierSurface.Check<Adeli>(
            "123456782",
            "999999998",
            "12345678",
            HealthIdentifierError.Length,
            "s",
            Adeli.Parse,
            s => Adeli.Parse(s),
            utf8 => Adeli.Parse(utf8),
            Adeli.TryParse,
            Adeli.TryParse,
            (x, y) => x == y,
            (x, y) => x != y);
    }
}
