using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Mss.Core.Tests;

[Properties(Arbitrary = [typeof(IdentifierGenerators)], MaxTest = 500)]
public class IdNatPsTest
{
    // BAL-6: "8" + RPPS (12) or "0" + ADELI (10).
    [Theory]
    [InlineData("810000000009", true, true)]
    [InlineData("810000000000", true, false)] // Luhn anomaly of the embedded RPPS, accepted
    [InlineData("0123456782", false, true)]
    [InlineData("0123456789", false, false)]
    public void TryParse_Valid_TellsWhichIdentifier(string text, bool isRpps, bool luhn)
    {
        Assert.True(IdNatPs.TryParse(text, out IdNatPs id));
        Assert.Equal(text, id.ToString());
        Assert.Equal(isRpps, id.IsRpps);
        Assert.Equal(!isRpps, id.IsAdeli);
        Assert.Equal(isRpps ? HealthIdentifierKind.Rpps : HealthIdentifierKind.Adeli, id.EmbeddedKind);
        Assert.Equal(luhn, id.HasValidLuhn);
    }

    [Theory]
    [InlineData("", HealthIdentifierError.Empty)]
    [InlineData("10000000009", HealthIdentifierError.Length)] // a bare RPPS
    [InlineData("123456782", HealthIdentifierError.Length)] // a bare ADELI
    [InlineData("8100000000090", HealthIdentifierError.Length)]
    [InlineData("81000000000X", HealthIdentifierError.Character)]
    [InlineData("X10000000009", HealthIdentifierError.Character)] // Character comes before Prefix
    [InlineData("310000000009", HealthIdentifierError.Prefix)]
    [InlineData("910000000009", HealthIdentifierError.Prefix)] // 9 is a digit: a prefix error, not a character error
    [InlineData("010000000009", HealthIdentifierError.Prefix)] // 12 characters need 8
    [InlineData("8123456782", HealthIdentifierError.Prefix)] // 10 characters need 0
    public void Validate_Refused_WithFirstError(string text, HealthIdentifierError expected)
    {
        Assert.Equal(expected, IdNatPs.Validate(text));
        Assert.Equal(expected, IdNatPs.Validate(Encoding.UTF8.GetBytes(text)));
        var ex = Assert.Throws<HealthIdentifierFormatException>(() => IdNatPs.Parse(text));
        Assert.Equal(expected, ex.Error);
        Assert.Equal(HealthIdentifierKind.IdNatPs, ex.Kind);
        Assert.DoesNotContain(text.Length == 0 ? "\0" : text, ex.Message, StringComparison.Ordinal);
    }

    // BAL-6: both conversions.
    [Fact]
    public void FromRpps_And_FromAdeli_BuildTheTwoShapes()
    {
        Assert.Equal("879927398713", IdNatPs.FromRpps(Rpps.Parse("79927398713")).ToString());
        Assert.Equal("0999999998", IdNatPs.FromAdeli(Adeli.Parse("999999998")).ToString());
        Assert.Throws<ArgumentException>(() => IdNatPs.FromRpps(default));
        Assert.Throws<ArgumentException>(() => IdNatPs.FromAdeli(default));
    }

    [Fact]
    public void Default_IsNoIdentifier()
    {
        IdNatPs none = default;
        Assert.True(none.IsDefault);
        Assert.False(none.IsRpps);
        Assert.False(none.IsAdeli);
        Assert.False(none.TryGetRpps(out _));
        Assert.False(none.TryGetAdeli(out _));
        Assert.Equal(string.Empty, none.ToString());
        Assert.Throws<InvalidOperationException>(() => none.EmbeddedKind);
    }

    // An RPPS-based and an ADELI-based identifier with the same digits are different values.
    [Fact]
    public void SameDigits_DifferentShapes_NotEqual()
    {
        IdNatPs fromRpps = IdNatPs.FromRpps(Rpps.Parse("00123456782"));
        IdNatPs fromAdeli = IdNatPs.FromAdeli(Adeli.Parse("123456782"));
        Assert.NotEqual(fromRpps, fromAdeli);
        Assert.True(fromRpps != fromAdeli);
    }

    [Property]
    public bool Rpps_RoundTripsThroughIdNatPs(RppsText text)
    {
        IdNatPs id = Rpps.Parse(text.Value).ToIdNatPs();
        Span<char> chars = stackalloc char[12];
        return id.ToString() == "8" + text.Value
            && id.TryFormat(chars, out int written) && written == 12 && chars.ToString() == id.ToString()
            && IdNatPs.Parse(id.ToString()) == id
            && id.HasValidLuhn == IdentifierReference.Luhn(text.Value)
            && id.TryGetRpps(out Rpps back) && back.ToString() == text.Value;
    }

    [Property(MaxTest = 2000)]
    public bool TryParse_NeverThrows_AgreesWithValidate(string? s)
    {
        bool ok = IdNatPs.TryParse(s, out IdNatPs id);
        HealthIdentifierError error = IdNatPs.Validate(s.AsSpan());
        return ok == (error == HealthIdentifierError.None)
            && IdNatPs.Validate(Encoding.UTF8.GetBytes(s ?? string.Empty)) == error
            && (ok ? id.ToString() == s : id.IsDefault);
    }

    // Near-valid inputs: any prefix digit and 10 or 12 digits; only 8/12 and 0/10 pass.
    [Property]
    public Property AnyPrefix_OnlyEightTwelveAndZeroTen_Accepted()
    {
        Gen<string> texts = from prefix in Gen.Choose(0, 9)
                            from length in Gen.Elements(9, 11)
                            from digits in IdentifierReference.Digits(length)
                            select prefix.ToString(System.Globalization.CultureInfo.InvariantCulture) + digits;
        return Prop.ForAll(texts.ToArbitrary(), s =>
            IdNatPs.TryParse(s, out _) == ((s[0] == '8' && s.Length == 12) || (s[0] == '0' && s.Length == 10)));
    }

    // BAL-6: the surface IdNatPs shares with the other identifiers (operators, span and UTF-8 parsing, "G", default).
    [Fact]
    public void Surface_ParseFormatCompare()
    {
        IdentifierSurface.Check<IdNatPs>(
            "879927398713",
            "0999999998",
            "87992739871X",
            HealthIdentifierError.Character,
            "s",
            IdNatPs.Parse,
            s => IdNatPs.Parse(s),
            utf8 => IdNatPs.Parse(utf8),
            IdNatPs.TryParse,
            IdNatPs.TryParse,
            (x, y) => x == y,
            (x, y) => x != y);
    }
}
