using Mss.Core.Conversations;
using Mss.Core.Mailboxes;

namespace Mss.Core.Tests.Conversations;

public class PharmacyDirectoryEntryTest
{
    [Fact]
    public void Entry_BadInput_Refused()
    {
        MssAddress address = MssAddress.Parse("a@pharmacie.mssante.fr");
        MssAddress patient = MssAddress.Parse("279035121518989@patient.mssante.fr");
        Assert.Throws<ArgumentException>("address", () => new PharmacyDirectoryEntry(default, "P", "T", MailboxKind.Organisational, true, "1"));
        Assert.Throws<ArgumentException>("address", () => new PharmacyDirectoryEntry(patient, "P", "T", MailboxKind.Organisational, true, "1"));
        Assert.Throws<ArgumentNullException>("name", () => new PharmacyDirectoryEntry(address, null!, "T", MailboxKind.Organisational, true, "1"));
        Assert.Throws<ArgumentException>("name", () => new PharmacyDirectoryEntry(address, " ", "T", MailboxKind.Organisational, true, "1"));
        Assert.Throws<ArgumentNullException>("town", () => new PharmacyDirectoryEntry(address, "P", null!, MailboxKind.Organisational, true, "1"));
        Assert.Throws<ArgumentNullException>("identifier", () => new PharmacyDirectoryEntry(address, "P", "T", MailboxKind.Organisational, true, null!));
        Assert.Throws<ArgumentException>("identifier", () => new PharmacyDirectoryEntry(address, "P", "T", MailboxKind.Organisational, true, ""));
        Assert.Throws<ArgumentOutOfRangeException>("kind", () => new PharmacyDirectoryEntry(address, "P", "T", MailboxKind.Patient, true, "1"));
        Assert.Throws<ArgumentOutOfRangeException>("kind", () => new PharmacyDirectoryEntry(address, "P", "T", (MailboxKind)42, true, "1"));
    }

    [Fact]
    public void Entry_Properties()
    {
        Assert.Equal("420000001", new PharmacyDirectoryEntry(MssAddress.Parse("x@pharmacie.mssante.fr"), "P", "", MailboxKind.Organisational, true, " 420000001 ").Identifier);
        MssAddress address = MssAddress.Parse("centre@pharmacie.mssante.fr");
        var centre = new PharmacyDirectoryEntry(address, "Pharmacie du Centre", "Lyon", MailboxKind.Organisational, true, "690000002");
        Assert.Equal(address, centre.Address);
        Assert.Equal("Pharmacie du Centre", centre.Name);
        Assert.Equal("Lyon", centre.Town);
        Assert.Equal(MailboxKind.Organisational, centre.Kind);
        Assert.True(centre.Published);
        Assert.Equal("Pharmacie du Centre (Lyon) <centre@pharmacie.mssante.fr>", centre.ToString());
        Assert.Equal("Pharmacie du Centre <centre@pharmacie.mssante.fr>", new PharmacyDirectoryEntry(address, "Pharmacie du Centre", "", MailboxKind.Organisational, true, "1").ToString());
    }

    // CONV-5, CONV-6: choosable = organisational box, still published.
    [Theory]
    [InlineData(MailboxKind.Organisational, true, true)]
    [InlineData(MailboxKind.Organisational, false, false)]
    [InlineData(MailboxKind.Personal, true, false)]
    [InlineData(MailboxKind.Applicative, true, false)]
    public void IsChoosable_OrganisationalAndPublished(MailboxKind kind, bool published, bool expected)
    {
        var entry = new PharmacyDirectoryEntry(MssAddress.Parse("p@pharmacie.mssante.fr"), "P", "T", kind, published, "1");
        Assert.Equal(expected, entry.IsChoosable);
    }
}
