using System.Text;
using FsCheck.Xunit;

namespace Mss.Core.Tests;

[Properties(Arbitrary = [typeof(IdentifierGenerators)], MaxTest = 500)]
public class FinessTest
{
    // BAL-6: 9 alphanumeric characters; Luhn reported for all-digit values only.
    [Theory]
    [InlineData("750000010", true, true)]
    [InlineData("130780539", true, true)]
    [InlineData("130780530", true, false)] // Luhn anomaly, accepted (BAL-6)
    [InlineData("2A0000012", false, false)] // Corsica: letters, no Luhn
    [InlineData("ABCDEFGHI", false, false)]
    [InlineData("ZZZZZZZZZ", false, false)]
    public void TryParse_NineAlphanumerics_Accepted(string text, bool numeric, bool luhn)
    {
        Assert.True(Finess.TryParse(text, out Finess finess));
        Assert.Equal(text, finess.ToString());
        Assert.Equal(numeric, finess.IsNumeric);
        Assert.Equal(luhn, finess.HasValidLuhn);
        Assert.Equal(finess, Finess.Parse(Encoding.UTF8.GetBytes(text)));
    }

    [Theory]
    [InlineData("", HealthIdentifierError.Empty)]
    [InlineData("75000001", HealthIdentifierError.Length)]
    [InlineData("7500000100", HealthIdentifierError.Length)]
    [InlineData("2a0000012", HealthIdentifierError.Character)] // canonical is upper case
    [InlineData("75000001-", HealthIdentifierError.Character)]
    [InlineData("75000001É", HealthIdentifierError.Character)]
    [InlineData("75000001 ", HealthIdentifierError.Character)]
    public void Validate_Refused_WithFirstError(string text, HealthIdentifierError expected)
    {
        Assert.Equal(expected, Finess.Validate(text));
        Assert.Equal(expected, Finess.Validate(Encoding.UTF8.GetBytes(text)));
        var ex = Assert.Throws<HealthIdentifierFormatException>(() => Finess.Parse(text));
        Assert.Equal(expected, ex.Error);
        Assert.Equal(HealthIdentifierKind.Finess, ex.Kind);
    }

    [Fact]
    public void Default_IsNoFiness()
    {
        Finess none = default;
        Assert.True(none.IsDefault);
        Assert.False(none.IsNumeric);
        Assert.False(none.HasValidLuhn);
        Assert.Equal(string.Empty, none.ToString());
        Assert.NotEqual(Finess.Parse("000000000"), none);
    }

    [Property]
    public bool RoundTrips_LuhnOnDigitsOnly(FinessText text)
    {
        Finess finess = Finess.Parse(text.Value);
        bool numeric = text.Value.All(char.IsAsciiDigit);
        Span<byte> utf8 = stackalloc byte[9];
        return finess.ToString() == text.Value
            && finess.IsNumeric == numeric
            && finess.HasValidLuhn == (numeric && IdentifierReference.Luhn(text.Value))
            && finess.TryFormat(utf8, out int written) && written == 9 && Encoding.ASCII.GetString(utf8) == text.Value
            && Finess.Parse(utf8) == finess;
    }

    [Property(MaxTest = 2000)]
    public bool TryParse_NeverThrows_AgreesWithValidate(string? s)
    {
        bool ok = Finess.TryParse(s, out Finess finess);
        HealthIdentifierError error = Finess.Validate(s.AsSpan());
        return ok == (error == HealthIdentifierError.None)
            && Finess.Validate(Encoding.UTF8.GetBytes(s ?? string.Empty)) == error
            && (ok ? finess.ToString() == s : finess.IsDefault);
    }

    // BAL-6: the surface Finess shares with the other identifiers (operators, span and UTF-8 parsing, "G", default).
    [Fact]
    public void Surface_ParseFormatCompare()
    {
        IdentifierSurface.Check<Finess>(
            "2A0000012",
            "750000010",
            "2a0000012",
            HealthIdentifierError.Character,
            "s",
            Finess.Parse,
            s => Finess.Parse(s),
            utf8 => Finess.Parse(utf8),
            Finess.TryParse,
            Finess.TryParse,
            (x, y) => x == y,
            (x, y) => x != y);
    }
}
