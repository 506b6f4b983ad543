using Mss.Core.Directory;

namespace Mss.Core.Tests.Directory;

/// <summary>BAL-7 0.3: the extraction file's columns, found by their header names.</summary>
public class ExtractionColumnsTest
{
    [Fact]
    public void Bal7Header_EveryColumnFound()
    {
        ExtractionColumns c = ExtractionColumns.TryRead(ExtractionTestData.Header.AsSpan())!;

        Assert.Equal(31, c.Count);
        Assert.Equal(
            new[] { 0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 13, 14, 15, 16, 18, 19, 27, 28 },
            new[]
            {
                c.Kind, c.Address, c.PersonIdType, c.PersonId, c.NationalId, c.StructureType, c.Structure, c.Service, c.FamilyName,
                c.GivenName, c.ProfessionCode, c.Profession, c.SpecialtyCode, c.Specialty, c.StructureName, c.TradeName, c.Routing, c.PostalCode,
            });
    }

    // The header public copies show (no "structure BAL" suffixes), with a trailing '|' (32 fields, the last empty).
    [Fact]
    public void PublicCopyHeader_SuffixesOptional()
    {
        string header = "Type de BAL|Adresse BAL|Type Identifiant PP|Identifiant PP|Identification nationale PP|Type identifiant structure|"
            + "Identification Structure|Service de rattachement|Civilité d'exercice|Nom d'exercice|Prénom d'exercice|Catégorie profession|"
            + "Libellé de catégorie profession|Code Profession|Libellé Profession|Code savoir-faire|Libellé savoir-faire|Dématérialisation|"
            + "Raison Sociale structure BAL|Enseigne commerciale structure BAL|L2COMPLEMENTLOCALISATION|L3COMPLEMENTDISTRIBUTION|L4NUMEROVOIE|"
            + "L4COMPLEMENTNUMEROVOIE|NL4TYPEVOIE|L4LIBELLEVOIE|L5LIEUDITMENTION|L6LIGNEACHEMINEMENT|Code postal|Département|Pays|";
        ExtractionColumns c = ExtractionColumns.TryRead(header.AsSpan())!;

        Assert.Equal(31, c.Count);
        Assert.Equal(27, c.Routing);
        Assert.Equal(28, c.PostalCode);
        Assert.Equal(10, c.GivenName);
    }

    // Case, accents, underscores, hyphens and spaces are ignored; the first column of a name wins.
    [Fact]
    public void Names_Folded_FirstWins()
    {
        ExtractionColumns c = ExtractionColumns.TryRead("  TYPE_DE_BAL |Adresse   BAL|PRÉNOM D’EXERCICE|code savoir faire|Adresse BAL".AsSpan())!;

        Assert.Equal(5, c.Count);
        Assert.Equal(0, c.Kind);
        Assert.Equal(1, c.Address);
        Assert.Equal(2, c.GivenName);
        Assert.Equal(3, c.SpecialtyCode);
        Assert.Equal(-1, c.FamilyName);
        Assert.Equal(0, ExtractionColumns.TryRead("Type de BAL|Adresse BAL|Type de BAL".AsSpan())!.Kind);
    }

    [Theory]
    [InlineData("Adresse BAL|Nom d'exercice")]
    [InlineData("Type de BAL|Nom d'exercice")]
    [InlineData("PER|a@medecin.mssante.fr")]
    [InlineData("")]
    public void WithoutTypeOrAddress_NotAHeader(string line)
    {
        Assert.Null(ExtractionColumns.TryRead(line.AsSpan()));
    }

    [Fact]
    public void TooManyColumns_NotAHeader()
    {
        string wide = "Type de BAL|Adresse BAL" + string.Concat(Enumerable.Repeat("|x", ExtractionColumns.MaxColumns - 1));
        string widest = wide + "|x";

        Assert.Equal(ExtractionColumns.MaxColumns + 1, wide.Split('|').Length);
        Assert.Null(ExtractionColumns.TryRead(wide.AsSpan()));
        Assert.NotNull(ExtractionColumns.TryRead(("Type de BAL|Adresse BAL" + string.Concat(Enumerable.Repeat("|x", ExtractionColumns.MaxColumns - 2))).AsSpan()));
        Assert.Null(ExtractionColumns.TryRead(widest.AsSpan()));
    }

    [Theory]
    [InlineData("Libellé  Profession ", "libelle profession")]
    [InlineData("Code_Savoir-Faire", "code savoir faire")]
    [InlineData("A|  B  |C", "a|b|c")]
    [InlineData("Àâä Éèêë Îï Ôö Ùûü Ç", "aaa eeee ii oo uuu c")]
    public void Fold(string text, string folded)
    {
        Assert.Equal(folded, ExtractionColumns.Fold(text.AsSpan()));
    }
}
