using Mss.Core.Conversations;
using Mss.Core.Directory;
using Mss.Core.Mailboxes;
using Mss.Core.Tests.Directory;

namespace Mss.Core.Tests.Conversations;

/// <summary>CONV-6 with Annuaire entries given directly (issue 14).</summary>
public class PharmacyChoiceDirectoryTest
{
    // The IG's PHARMACIE NOLOT (FINESS 580008803, SA33, ORG box) is shown by default when in the history.
    [Fact]
    public void IgPharmacy_InHistory_IsADefault()
    {
        MssDirectory directory = MssDirectoryExamplesTest.LoadAll();
        var choice = new PharmacyChoice(["580008803"], directory);
        PharmacyDirectoryEntry pharmacy = Assert.Single(choice.Defaults);
        Assert.Equal("PHARMACIE NOLOT", pharmacy.Name);
        Assert.Equal("xxxx@xxxxx.mssante.fr", pharmacy.Address.ToString());
        Assert.Equal("580008803", pharmacy.Identifier);
        Assert.True(pharmacy.IsChoosable);
        Assert.Empty(choice.Search("nolot")); // a default is not among the others
    }

    [Fact]
    public void IgPharmacy_NotInHistory_IsSearchable()
    {
        var choice = new PharmacyChoice([], MssDirectoryExamplesTest.LoadAll().Entries);
        Assert.Empty(choice.Defaults);
        Assert.Equal("PHARMACIE NOLOT", Assert.Single(choice.Search("nolot")).Name);
        Assert.Empty(choice.Search("nancy")); // a hospital's organisational box is not an officine
    }

    // Only organisational boxes of officines are offered (CONV-5): an applicative box of a pharmacy is not.
    [Fact]
    public void OnlyOrganisationalBoxesOfOfficines()
    {
        StructureId finess = StructureId.Parse("1580008803");
        DirectoryEntry[] entries =
        [
            new(MssAddress.Parse("app@pharma.mssante.fr"), MailboxKind.Applicative, structureName: "PHARMACIE A", structure: finess, activitySector: "SA33"),
            new(MssAddress.Parse("org@pharma.mssante.fr"), MailboxKind.Organisational, structureName: "PHARMACIE A", structure: finess, activitySector: "SA33", city: "LYON"),
            new(MssAddress.Parse("org@ch.mssante.fr"), MailboxKind.Organisational, structureName: "CH", structure: StructureId.Parse("1770816478"), activitySector: "SA01"),
        ];
        var choice = new PharmacyChoice(["580008803"], entries);
        PharmacyDirectoryEntry only = Assert.Single(choice.Defaults);
        Assert.Equal("org@pharma.mssante.fr", only.Address.ToString());
        Assert.Equal("LYON", only.Town);
    }

    [Fact]
    public void TryFrom_NeedsANameAndAStructure()
    {
        var noName = new DirectoryEntry(MssAddress.Parse("org@pharma.mssante.fr"), MailboxKind.Organisational, structure: StructureId.Parse("1580008803"), activitySector: "SA33");
        var noStructure = new DirectoryEntry(MssAddress.Parse("org@pharma.mssante.fr"), MailboxKind.Organisational, structureName: "PHARMACIE", activitySector: "SA33");
        Assert.False(PharmacyDirectoryEntry.TryFrom(noName, out _));
        Assert.False(PharmacyDirectoryEntry.TryFrom(noStructure, out _));
        Assert.False(PharmacyDirectoryEntry.TryFrom(null, out _));
        var siret = new DirectoryEntry(MssAddress.Parse("org@pharma.mssante.fr"), MailboxKind.Organisational, structureName: "PHARMACIE", structure: StructureId.Parse("373282932000074"), activitySector: "SA33");
        Assert.True(PharmacyDirectoryEntry.TryFrom(siret, out PharmacyDirectoryEntry? fromSiret));
        Assert.Equal("373282932000074", fromSiret.Identifier); // no FINESS: the IdNat_Struct text
        Assert.Throws<ArgumentNullException>("directory", () => new PharmacyChoice([], (MssDirectory)null!));
        Assert.Throws<ArgumentNullException>("directory", () => new PharmacyChoice([], (IEnumerable<DirectoryEntry>)null!));
    }
}
