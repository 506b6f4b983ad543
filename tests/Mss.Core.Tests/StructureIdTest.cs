using System.Text;
using FsCheck.Xunit;

namespace Mss.Core.Tests;

public class StructureIdTest
{
    // BAL-6: IdNat_Struct = TRE_G07 prefix + identifier (0 ADELI-rang, 1 FINESS, 2 SIREN, 3 SIRET, 4 RPPS-rang).
    [Theory]
    [InlineData("1770816478", StructureIdKind.Finess, "770816478", true)]  // DOMAIN.md BAL-6's example
    [InlineData("1580008803", StructureIdKind.Finess, "580008803", true)]  // IG example Organization-481677 (PHARMACIE NOLOT)
    [InlineData("1754567860", StructureIdKind.Finess, "754567860", false)] // IG example Organization-158480: Luhn anomaly, accepted
    [InlineData("12A0000012", StructureIdKind.Finess, "2A0000012", false)] // Corsican FINESS: letters, no Luhn
    [InlineData("2264403106", StructureIdKind.Siren, "264403106", true)]   // FR Core's example Organization: 2 + SIREN
    [InlineData("373282932000074", StructureIdKind.Siret, "73282932000074", true)]
    [InlineData("326440310600017", StructureIdKind.Siret, "26440310600017", false)] // Luhn anomaly, accepted
    [InlineData("410005531586003", StructureIdKind.CabinetRpps, "10005531586003", true)] // IG example Organization-548812 (CABINET SAINT ANTOINE)
    [InlineData("012345678201", StructureIdKind.CabinetAdeli, "12345678201", false)]
    public void TryParse_Prefixes_Accepted(string text, StructureIdKind kind, string identifier, bool luhn)
    {
        Assert.True(StructureId.TryParse(text, out StructureId id));
        Assert.Equal(kind, id.Kind);
        Assert.Equal(text, id.ToString());
        Assert.Equal(identifier, id.Identifier);
        Assert.Equal(luhn, id.HasValidLuhn);
        Assert.Equal(id, StructureId.Parse(text));
        Assert.True(StructureId.TryParse(Encoding.UTF8.GetBytes(text), out StructureId fromUtf8));
        Assert.Equal(id, fromUtf8);
        Assert.Equal(HealthIdentifierError.None, StructureId.Validate(text));
    }

    [Fact]
    public void FromFiness_IsOnePlusFiness()
    {
        StructureId id = StructureId.FromFiness(Finess.Parse("770816478"));
        Assert.Equal("1770816478", id.ToString());
        Assert.Equal(StructureId.Parse("1770816478"), id);
        Assert.True(id.TryGetFiness(out Finess finess));
        Assert.Equal("770816478", finess.ToString());
        Assert.Throws<ArgumentException>(() => StructureId.FromFiness(default));
    }

    [Fact]
    public void CabinetIdentifiers_GiveTheirProfessional()
    {
        // 4 + RPPS-rang: 11 digits of the RPPS + 2 of rank + 1 Luhn key (MOS EntiteGeographique).
        Assert.True(StructureId.Parse("410005531586003").TryGetCabinetRpps(out Rpps rpps));
        Assert.Equal("10005531586", rpps.ToString());
        Assert.False(StructureId.Parse("410005531586003").TryGetFiness(out _));
        // 0 + ADELI-rang: 9 digits of the ADELI + 2 of rank.
        Assert.True(StructureId.Parse("012345678201").TryGetCabinetAdeli(out Adeli adeli));
        Assert.Equal("123456782", adeli.ToString());
        Assert.False(StructureId.Parse("1770816478").TryGetCabinetRpps(out _));
        Assert.True(StructureId.TryParse("1770816478".AsSpan(), out StructureId fromSpan));
        Assert.Equal(StructureIdKind.Finess, fromSpan.Kind);
        Assert.False(StructureId.TryParse("5770816478".AsSpan(), out StructureId refused));
        Assert.True(refused.IsDefault);
        // BAL-6: the other kind's getter says no and gives default.
        Assert.False(StructureId.Parse("012345678201").TryGetCabinetRpps(out Rpps noRpps));
        Assert.True(noRpps.IsDefault);
        Assert.False(StructureId.Parse("410005531586003").TryGetCabinetAdeli(out Adeli noAdeli));
        Assert.True(noAdeli.IsDefault);
    }

    [Theory]
    [InlineData("", HealthIdentifierError.Empty)]
    [InlineData("1", HealthIdentifierError.Length)]
    [InlineData("177081647", HealthIdentifierError.Length)]
    [InlineData("17708164780", HealthIdentifierError.Length)]
    [InlineData("226440310", HealthIdentifierError.Length)]
    [InlineData("3264403106000", HealthIdentifierError.Length)]
    [InlineData("41000553158600", HealthIdentifierError.Length)]
    [InlineData("01234567820", HealthIdentifierError.Length)]
    [InlineData("5770816478", HealthIdentifierError.Prefix)] // no TRE_G07 code 5
    [InlineData("R770816478", HealthIdentifierError.Prefix)]
    [InlineData("F754567860", HealthIdentifierError.Prefix)] // the IG's rppsrang-system value is not an IdNat_Struct
    [InlineData("1770816 78", HealthIdentifierError.Character)]
    [InlineData("177081647a", HealthIdentifierError.Character)]
    [InlineData("22644031A6", HealthIdentifierError.Character)]
    public void Validate_Refused_WithFirstError(string text, HealthIdentifierError expected)
    {
        Assert.Equal(expected, StructureId.Validate(text));
        Assert.False(StructureId.TryParse(text, out StructureId id));
        Assert.True(id.IsDefault);
        var ex = Assert.Throws<HealthIdentifierFormatException>(() => StructureId.Parse(text));
        Assert.Equal(expected, ex.Error);
        Assert.Equal(HealthIdentifierKind.StructureId, ex.Kind);
        if (text.Length >= 5)
        {
            Assert.DoesNotContain(text, ex.Message, StringComparison.Ordinal); // the message names the error, never the text
        }
    }

    [Fact]
    public void Default_IsNoStructure()
    {
        StructureId none = default;
        Assert.True(none.IsDefault);
        Assert.Equal(string.Empty, none.ToString());
        Assert.Equal(string.Empty, none.Identifier);
        Assert.False(none.HasValidLuhn);
        Assert.Throws<InvalidOperationException>(() => none.Kind);
        Assert.NotEqual(StructureId.Parse("1770816478"), none);
        Assert.Throws<ArgumentNullException>(() => StructureId.Parse(null!));
        Assert.False(StructureId.TryParse((string?)null, out _));
    }

    [Fact]
    public void Equality_ByText()
    {
        Assert.True(StructureId.Parse("2264403106") == StructureId.Parse("2264403106"));
        Assert.True(StructureId.Parse("2264403106") != StructureId.Parse("2264403107"));
        Assert.Equal(StructureId.Parse("2264403106").GetHashCode(), StructureId.Parse("2264403106").GetHashCode());
        Assert.False(StructureId.Parse("2264403106").Equals((object)"2264403106"));
    }

    // BAL-6: TryParse never throws; what it accepts prints back to the same text.
    [Property(MaxTest = 2000)]
    public bool TryParse_NeverThrows_RoundTrips(string? s) =>
        !StructureId.TryParse(s, out StructureId id) || id.ToString() == s;

    // Every digit body of the right length is accepted with its prefix, and round-trips.
    [Property(MaxTest = 500)]
    public bool DigitBodies_RoundTrip(ulong seed, byte prefixSeed)
    {
        int prefix = prefixSeed % 5;
        int length = prefix switch { 0 => 11, 1 => 9, 2 => 9, _ => 14 };
        string body = (seed % 100_000_000_000_000UL).ToString("D14", System.Globalization.CultureInfo.InvariantCulture)[..length];
        string text = prefix.ToString(System.Globalization.CultureInfo.InvariantCulture) + body;
        return StructureId.TryParse(text, out StructureId id) && id.ToString() == text && (int)id.Kind == prefix && id.Identifier == body;
    }
}
