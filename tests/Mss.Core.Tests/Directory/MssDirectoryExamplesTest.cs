using Mss.Core.Directory;
using Mss.Core.Mailboxes;

namespace Mss.Core.Tests.Directory;

/// <summary>
/// BAL-7 on the ANS implementation guides' own examples (TestData/Directory/PROVENANCE.md). Expected values are read
/// from the files.
/// </summary>
public class MssDirectoryExamplesTest
{
    // MSSanté API IG: a searchset Bundle of two PER boxes (IdNat_PS 8 + RPPS, listeRouge false).
    [Fact]
    public void MssApiBundle_TwoPersonalBoxes()
    {
        using Stream json = DirectoryTestData.Open("Bundle-mss-bundle-bal-per-full.json");
        MssDirectory directory = MssDirectory.Load(json);

        Assert.Equal(2, directory.Count);
        Assert.Equal(0, directory.Skipped);
        Assert.True(directory.TryFind(MssAddress.Parse("jean-marie.dupont@infirmier.mssante.fr"), out DirectoryEntry? dupont));
        Assert.Equal(MailboxKind.Personal, dupont.Kind);
        Assert.Equal(Rpps.Parse("10003456789"), dupont.Professional);
        Assert.Equal("DUPONT", dupont.FamilyName);
        Assert.Equal("Jean-Marie", dupont.GivenName);
        Assert.False(dupont.RedList);
        Assert.Null(dupont.Structure);

        Assert.True(directory.TryFind(MssAddress.Parse("sophie.martin@medecin.mssante.fr"), out DirectoryEntry? martin));
        Assert.Equal(Rpps.Parse("10007654321"), martin.Professional);
        Assert.Equal("MARTIN", martin.FamilyName);
        Assert.Equal("Sophie", martin.GivenName);
        Assert.Equal([dupont], directory.FindByProfessional(Rpps.Parse("10003456789")));
    }

    // A Bundle read through a stream that gives 5 bytes at a time: the reader resumes inside tokens and resources.
    [Fact]
    public void MssApiBundle_ThroughTinyReads_SameBoxes()
    {
        byte[] bytes = File.ReadAllBytes(DirectoryTestData.PathOf("Bundle-mss-bundle-bal-per-full.json"));
        MssDirectory directory = MssDirectory.Load(DirectoryTestData.Trickle(bytes, 5));
        Assert.Equal(["jean-marie.dupont@infirmier.mssante.fr", "sophie.martin@medecin.mssante.fr"], directory.Entries.Select(e => e.Address.ToString()));
        Assert.Equal(["DUPONT", "MARTIN"], directory.Entries.Select(e => e.FamilyName));
        Assert.Equal(0, directory.Skipped);
    }

    // The same search restricted by _elements (identifier, telecom): boxes without names.
    [Fact]
    public void MssApiBundle_Elements_BoxesWithoutNames()
    {
        using Stream json = DirectoryTestData.Open("Bundle-mss-bundle-bal-per-elements.json");
        MssDirectory directory = MssDirectory.Load(json);

        Assert.Equal(2, directory.Count);
        Assert.True(directory.TryFind(MssAddress.Parse("sophie.martin@medecin.mssante.fr"), out DirectoryEntry? martin));
        Assert.Equal(Rpps.Parse("10007654321"), martin.Professional);
        Assert.Null(martin.FamilyName);
        Assert.Empty(directory.Search("martin", 10));
    }

    // Annuaire IG, Practitioner 3719500: one PER box; the ordinary e-mail beside it is a contact, not a box.
    [Fact]
    public void Practitioner_BoxAndOrdinaryEmail()
    {
        using Stream json = DirectoryTestData.Open("Practitioner-3719500.json");
        MssDirectory directory = MssDirectory.Load(json);

        Assert.Equal(1, directory.Count);
        Assert.Equal(0, directory.Skipped);
        DirectoryEntry box = Assert.Single(directory.Entries);
        Assert.Equal("davidchatelier@pro.mssante.fr", box.Address.ToString());
        Assert.Equal(MailboxKind.Personal, box.Kind);
        Assert.Equal(Rpps.Parse("10102727017"), box.Professional);
        Assert.Equal("CHATELIER", box.FamilyName);
        Assert.Equal("David", box.GivenName);
        Assert.False(box.RedList);
    }

    // Annuaire IG, Organization 481677: PHARMACIE NOLOT, sector SA33, an ORG box: an officine for CONV-6.
    [Fact]
    public void Pharmacy_OrganisationalBoxOfAnOfficine()
    {
        using Stream json = DirectoryTestData.Open("Organization-481677.json");
        MssDirectory directory = MssDirectory.Load(json);

        DirectoryEntry box = Assert.Single(directory.Entries);
        Assert.Equal("xxxx@xxxxx.mssante.fr", box.Address.ToString());
        Assert.Equal(MailboxKind.Organisational, box.Kind);
        Assert.Equal("PHARMACIE NOLOT", box.StructureName);
        Assert.Equal(StructureId.Parse("1580008803"), box.Structure);
        Assert.Equal("SA33", box.ActivitySector);
        Assert.Null(box.Professional);
        Assert.True(box.IsPharmacy);
        Assert.Equal([box], directory.Pharmacies());
    }

    // Annuaire IG, Organization example-organization-nancy: an ORG box (listeRouge false) and an ordinary e-mail.
    [Fact]
    public void Organization_BoxAndOrdinaryEmail()
    {
        using Stream json = DirectoryTestData.Open("Organization-example-organization-nancy.json");
        MssDirectory directory = MssDirectory.Load(json);

        DirectoryEntry box = Assert.Single(directory.Entries);
        Assert.Equal("exemple.address@address.mssante.fr", box.Address.ToString());
        Assert.Equal(MailboxKind.Organisational, box.Kind);
        Assert.Equal("CHRU NANCY - HOPITAUX DE BRABOIS", box.StructureName);
        Assert.Equal(StructureId.Parse("1540002698"), box.Structure);
        Assert.Equal("VANDOEUVRE LES NANCY CEDEX", box.City);
        Assert.False(box.RedList);
        Assert.False(box.IsPharmacy);
        Assert.Empty(directory.Pharmacies());
        Assert.False(directory.TryFind(MssAddress.Parse("direction.generale@chu-nancy.mssante.fr"), out _));
    }

    // Examples without an MSSanté box: nothing indexed, nothing skipped.
    [Theory]
    [InlineData("Practitioner-334081.json")]       // a phone and jeromebonnet@hotmail.fr
    [InlineData("Organization-158480.json")]       // phone and fax only
    [InlineData("Organization-548812.json")]       // a cabinet (IdNat_Struct 4 + RPPS-rang), no telecom
    [InlineData("Organization-example-organization-fictive.json")] // direction@hopital-fictif.fr
    [InlineData("PractitionerRole-5015602.json")]  // no telecom
    public void ExamplesWithoutBoxes_NothingIndexed(string file)
    {
        using Stream json = DirectoryTestData.Open(file);
        MssDirectory directory = MssDirectory.Load(json);
        Assert.Equal(0, directory.Count);
        Assert.Equal(0, directory.Skipped);
    }

    // Practitioner 334081DP: an e-mail typed MSSANTE (FR Core) without the box metadata: its kind is unknown, it is
    // skipped and counted, not invented.
    [Fact]
    public void MssanteEmailWithoutMetadata_SkippedAndCounted()
    {
        using Stream json = DirectoryTestData.Open("Practitioner-334081DP.json");
        MssDirectory directory = MssDirectory.Load(json);
        Assert.Equal(0, directory.Count);
        Assert.Equal(1, directory.Skipped);
    }

    // Every example at once, as pages of a paged search, as NDJSON, and through a stream that trickles a few bytes at a
    // time: the same boxes every way.
    [Fact]
    public void AllExamples_SameBoxes_AsPagesNdjsonAndTrickle()
    {
        string[] files = System.IO.Directory.GetFiles(Path.GetDirectoryName(DirectoryTestData.PathOf("x"))!, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;
        var streams = files.Select(f => DirectoryTestData.Open(f)).ToList();
        MssDirectory pages;
        try
        {
            pages = MssDirectory.Load(streams);
        }
        finally
        {
            streams.ForEach(s => s.Dispose());
        }

        string[] expected =
        [
            "davidchatelier@pro.mssante.fr",
            "exemple.address@address.mssante.fr",
            "jean-marie.dupont@infirmier.mssante.fr",
            "sophie.martin@medecin.mssante.fr",
            "xxxx@xxxxx.mssante.fr",
        ];
        Assert.Equal(expected, pages.Entries.Select(e => e.Address.ToString()).Order(StringComparer.Ordinal));

        byte[] ndjson = DirectoryTestData.AsNdjson(files);
        MssDirectory lines = MssDirectory.Load(new MemoryStream(ndjson));
        MssDirectory trickle = MssDirectory.Load(DirectoryTestData.Trickle(ndjson, 7));
        Assert.Equal(pages.Entries.Select(e => e.ToString()), lines.Entries.Select(e => e.ToString()));
        Assert.Equal(pages.Entries.Select(e => e.ToString()), trickle.Entries.Select(e => e.ToString()));
        Assert.Equal(pages.Skipped, lines.Skipped);
        Assert.Equal(pages.Skipped, trickle.Skipped);
    }

    // FAQ 5: the Annuaire's spelling of an address is found whatever the case typed (ADDR-1, 0.2).
    [Fact]
    public void TryFind_IgnoresCase()
    {
        using Stream json = DirectoryTestData.Open("Bundle-mss-bundle-bal-per-full.json");
        MssDirectory directory = MssDirectory.Load(json);
        Assert.True(directory.TryFind(MssAddress.Parse("Jean-Marie.DUPONT@Infirmier.MSSante.fr"), out DirectoryEntry? entry));
        Assert.Equal("DUPONT", entry.FamilyName);
        Assert.False(directory.TryFind(MssAddress.Parse("jean-marie.dupond@infirmier.mssante.fr"), out _));
        Assert.False(directory.TryFind(default, out _));
    }

    // Search: accents and case ignored, every word a prefix of a name word.
    [Theory]
    [InlineData("dupont", "jean-marie.dupont@infirmier.mssante.fr")]
    [InlineData("DUP jean", "jean-marie.dupont@infirmier.mssante.fr")]
    [InlineData("marie", "jean-marie.dupont@infirmier.mssante.fr")]
    [InlineData("Sophie mart", "sophie.martin@medecin.mssante.fr")]
    [InlineData("chatélier", "davidchatelier@pro.mssante.fr")]
    [InlineData("pharmacie nol", "xxxx@xxxxx.mssante.fr")]
    [InlineData("nancy brabois", "exemple.address@address.mssante.fr")]
    public void Search_FindsByNamePrefixes(string query, string address)
    {
        MssDirectory directory = LoadAll();
        DirectoryEntry found = Assert.Single(directory.Search(query, 20));
        Assert.Equal(address, found.Address.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("upont")]         // not a prefix
    [InlineData("dupont sophie")] // both words must match the same box
    [InlineData("xxxx")]          // the address is not a name
    public void Search_NoMatch_Empty(string query) => Assert.Empty(LoadAll().Search(query, 20));

    [Fact]
    public void Search_Max_Respected()
    {
        MssDirectory directory = LoadAll();
        Assert.Empty(directory.Search("dupont", 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => directory.Search("dupont", -1));
        Assert.Throws<ArgumentNullException>(() => directory.Search(null!, 1));
    }

    internal static MssDirectory LoadAll()
    {
        string[] files = System.IO.Directory.GetFiles(Path.GetDirectoryName(DirectoryTestData.PathOf("x"))!, "*.json");
        var streams = files.Select(File.OpenRead).ToList();
        try
        {
            return MssDirectory.Load(streams);
        }
        finally
        {
            streams.ForEach(s => s.Dispose());
        }
    }
}
