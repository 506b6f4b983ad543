using Mss.Core.Directory;
using Mss.Core.Mailboxes;

namespace Mss.Core.Tests.Directory;

public class DirectoryEntryTest
{
    // BAL-4: patient boxes are never listed; only PER, ORG, APP, CAB.
    [Fact]
    public void Constructor_RefusesPatientBoxes()
    {
        Assert.Throws<ArgumentException>(() => new DirectoryEntry(MssAddress.Parse("279035121518989@patient.mssante.fr"), MailboxKind.Personal));
        Assert.Throws<ArgumentException>(() => new DirectoryEntry(default, MailboxKind.Personal));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DirectoryEntry(MssAddress.Parse("a@b.mssante.fr"), MailboxKind.Patient));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DirectoryEntry(MssAddress.Parse("a@b.mssante.fr"), (MailboxKind)42));
    }

    [Theory]
    [InlineData("SA33", MailboxKind.Organisational, true)]
    [InlineData("SA38", MailboxKind.Organisational, true)]
    [InlineData("SA39", MailboxKind.Organisational, true)]
    [InlineData("SA65", MailboxKind.Organisational, true)]
    [InlineData("SA33", MailboxKind.Applicative, false)] // CONV-5: an organisational box
    [InlineData("SA01", MailboxKind.Organisational, false)]
    [InlineData(null, MailboxKind.Organisational, false)]
    public void IsPharmacy_OfficineSectorsAndOrganisationalBox(string? sector, MailboxKind kind, bool expected) =>
        Assert.Equal(expected, new DirectoryEntry(MssAddress.Parse("a@b.mssante.fr"), kind, activitySector: sector).IsPharmacy);

    [Fact]
    public void DefaultIdentifiers_CountAsNone()
    {
        var entry = new DirectoryEntry(MssAddress.Parse("a@b.mssante.fr"), MailboxKind.Personal, professional: default(Rpps), structure: default(StructureId));
        Assert.Null(entry.Professional);
        Assert.Null(entry.Structure);
    }

    [Fact]
    public void ToString_NamesAddressAndCode()
    {
        Assert.Equal("DUPONT Jean <jean.dupont@ch.mssante.fr> PER", new DirectoryEntry(MssAddress.Parse("jean.dupont@ch.mssante.fr"), MailboxKind.Personal, familyName: "DUPONT", givenName: "Jean").ToString());
        Assert.Equal("CPTS 123 <no_reply@cpts123.mssante.fr> APP", new DirectoryEntry(MssAddress.Parse("no_reply@cpts123.mssante.fr"), MailboxKind.Applicative, structureName: "CPTS 123").ToString());
    }
}
