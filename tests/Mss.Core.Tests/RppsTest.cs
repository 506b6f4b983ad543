using System.Text;
using FsCheck.Xunit;

namespace Mss.Core.Tests;

[Properties(Arbitrary = [typeof(IdentifierGenerators)], MaxTest = 500)]
public class RppsTest
{
    // BAL-6: 11 digits; the Luhn digit is reported, never refused.
    [Theory]
    [InlineData("10000000009", true)]
    [InlineData("79927398713", true)]
    [InlineData("10000000000", false)] // ANS test identities fail Luhn: still accepted (BAL-6)
    [InlineData("00000000000", true)]
    public void TryParse_ElevenDigits_Accepted_LuhnReported(string text, bool luhn)
    {
        Assert.True(Rpps.TryParse(text, out Rpps rpps));
        Assert.Equal(text, rpps.ToString());
        Assert.Equal(luhn, rpps.HasValidLuhn);
        Assert.Equal(HealthIdentifierError.None, Rpps.Validate(text));
        Assert.Equal(rpps, Rpps.Parse(Encoding.UTF8.GetBytes(text)));
    }

    [Theory]
    [InlineData("", HealthIdentifierError.Empty)]
    [InlineData("1000000000", HealthIdentifierError.Length)]
    [InlineData("100000000090", HealthIdentifierError.Length)]
    [InlineData("810000000009", HealthIdentifierError.Length)] // an IdNat_PS is not an RPPS
    [InlineData(" 10000000009", HealthIdentifierError.Length)]
    [InlineData("1000000000A", HealthIdentifierError.Character)]
    [InlineData("1000000000 ", HealthIdentifierError.Character)]
    [InlineData("-1000000000", HealthIdentifierError.Character)]
    [InlineData("１0000000009", HealthIdentifierError.Character)] // full-width digit
    [InlineData("1000000000٩", HealthIdentifierError.Character)] // Arabic-Indic digit
    public void Validate_Refused_WithFirstError(string text, HealthIdentifierError expected)
    {
        Assert.Equal(expected, Rpps.Validate(text));
        Assert.Equal(expected, Rpps.Validate(Encoding.UTF8.GetBytes(text)));
        Assert.False(Rpps.TryParse(text, out Rpps rpps));
        Assert.True(rpps.IsDefault);
        var ex = Assert.Throws<HealthIdentifierFormatException>(() => Rpps.Parse(text));
        Assert.Equal(expected, ex.Error);
        Assert.Equal(HealthIdentifierKind.Rpps, ex.Kind);
    }

    [Fact]
    public void Parse_Null_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => Rpps.Parse((string)null!));
        Assert.False(Rpps.TryParse((string?)null, out _));
    }

    [Fact]
    public void Default_IsNoRpps()
    {
        Rpps none = default;
        Assert.True(none.IsDefault);
        Assert.Equal(string.Empty, none.ToString());
        Assert.False(none.HasValidLuhn);
        Assert.NotEqual(Rpps.Parse("00000000000"), none);
        Assert.Contains("IdNat_PS", Assert.Throws<InvalidOperationException>(() => none.ToIdNatPs()).Message, StringComparison.Ordinal);
    }

    // BAL-6: RPPS → IdNat_PS is "8" + the 11 digits, and back.
    [Theory]
    [InlineData("10000000009", "810000000009")]
    [InlineData("00000000000", "800000000000")]
    public void ToIdNatPs_PrefixesEight_AndRoundTrips(string rpps, string idNat)
    {
        IdNatPs id = Rpps.Parse(rpps).ToIdNatPs();
        Assert.Equal(idNat, id.ToString());
        Assert.True(id.TryGetRpps(out Rpps back));
        Assert.False(id.TryGetAdeli(out Adeli noAdeli));
        Assert.True(noAdeli.IsDefault);
        Assert.Equal(rpps, back.ToString());
    }

    [Fact]
    public void TryFormat_SmallBuffer_False_AndUnknownFormat_Throws()
    {
        Rpps rpps = Rpps.Parse("10000000009");
        Assert.False(rpps.TryFormat(new char[10], out int written));
        Assert.Equal(0, written);
        Span<byte> utf8 = stackalloc byte[11];
        Assert.True(rpps.TryFormat(utf8, out int bytes));
        Assert.Equal("10000000009", Encoding.ASCII.GetString(utf8.Slice(0, bytes)));
        Assert.Throws<FormatException>(() => rpps.ToString("X", null));
    }

    [Property]
    public bool RoundTrips_AndLuhnAgreesWithReference(RppsText text)
    {
        Rpps rpps = Rpps.Parse(text.Value);
        return rpps.ToString() == text.Value
            && rpps.HasValidLuhn == IdentifierReference.Luhn(text.Value)
            && Rpps.TryParse(Encoding.ASCII.GetBytes(text.Value), out Rpps utf8) && utf8 == rpps
            && IdNatPs.Parse("8" + text.Value).TryGetRpps(out Rpps viaIdNat) && viaIdNat == rpps;
    }

    // Try… never throws, agrees with Validate, and UTF-8 agrees with UTF-16.
    [Property(MaxTest = 2000)]
    public bool TryParse_NeverThrows_AgreesWithValidate(string? s)
    {
        bool ok = Rpps.TryParse(s, out Rpps rpps);
        HealthIdentifierError error = Rpps.Validate(s.AsSpan());
        byte[] utf8 = Encoding.UTF8.GetBytes(s ?? string.Empty);
        return ok == (error == HealthIdentifierError.None)
            && Rpps.Validate(utf8) == error
            && (ok ? rpps.ToString() == s : rpps.IsDefault);
    }

    // BAL-6: the surface Rpps shares with the other identifiers (operators, span and UTF-8 parsing, "G", default).
    [Fact]
    public void Surface_ParseFormatCompare()
    {
        IdentifierSurface.Check<Rpps>(
            "10000000009",
            "79927398713",
            "1000000000X",
            HealthIdentifierError.Character,
            "s",
            Rpps.Parse,
            s => Rpps.Parse(s),
            utf8 => Rpps.Parse(utf8),
            Rpps.TryParse,
            Rpps.TryParse,
            (x, y) => x == y,
            (x, y) => x != y);
    }
}
