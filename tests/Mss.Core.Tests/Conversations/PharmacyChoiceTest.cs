using Mss.Core.Conversations;
using Mss.Core.Mailboxes;

namespace Mss.Core.Tests.Conversations;

public class PharmacyChoiceTest
{
    private static PharmacyDirectoryEntry Entry(string local, string name, string town, MailboxKind kind, bool published, string finess) =>
        new(MssAddress.Parse(local + "@pharmacie.mssante.fr"), name, town, kind, published, finess);

    private static readonly PharmacyDirectoryEntry Etoile = Entry("etoile", "Pharmacie de l'Étoile", "Saint-Étienne", MailboxKind.Organisational, true, "420000001");
    private static readonly PharmacyDirectoryEntry Centre = Entry("centre", "Pharmacie du Centre", "Lyon", MailboxKind.Organisational, true, "690000002");
    private static readonly PharmacyDirectoryEntry EtoileNord = Entry("etoile.nord", "PHARMACIE ÉTOILE DU NORD", "Lille", MailboxKind.Organisational, true, "590000003");
    private static readonly PharmacyDirectoryEntry Grande = Entry("j.martin", "Grande Pharmacie", "Saint-Étienne", MailboxKind.Personal, true, "420000004");
    private static readonly PharmacyDirectoryEntry Oeillets = Entry("oeillets", "Pharmacie des Œillets", "Paris", MailboxKind.Organisational, false, "750000005");
    private static readonly PharmacyDirectoryEntry SaintEtienne = Entry("st-etienne", "Pharmacie Saint Étienne", "Toulouse", MailboxKind.Organisational, true, "310000006");
    private static readonly PharmacyDirectoryEntry Corse = Entry("ajaccio", "Pharmacie du Port", "Ajaccio", MailboxKind.Organisational, true, "2A0000007");
    private static readonly PharmacyDirectoryEntry Bot = Entry("no_reply.app", "Pharmacie Connectée", "Lyon", MailboxKind.Applicative, true, "690000008");

    private static readonly PharmacyDirectoryEntry[] Directory = [Etoile, Centre, EtoileNord, Grande, Oeillets, SaintEtienne, Corse, Bot];

    // CONV-6: default = in the reimbursement history AND organisational box (AND still published, decided here).
    [Fact]
    public void Defaults_InHistoryAndOrganisationalAndPublished()
    {
        var choice = new PharmacyChoice(["420000001", "420000004", "750000005", "999999999"], Directory);
        Assert.Equal([Etoile], choice.Defaults);
    }

    [Fact]
    public void Defaults_HistoryComparedIgnoringCaseAndSpaces_DirectoryOrderKept()
    {
        var choice = new PharmacyChoice([" 2a0000007 ", "420000001", "310000006"], Directory);
        Assert.Equal([Etoile, SaintEtienne, Corse], choice.Defaults);
    }

    [Fact]
    public void Defaults_EmptyHistory_None() => Assert.Empty(new PharmacyChoice([], Directory).Defaults);

    [Fact]
    public void Defaults_SameBoxListedTwice_Once()
    {
        var choice = new PharmacyChoice(["420000001"], [Etoile, Etoile]);
        Assert.Single(choice.Defaults);
    }

    // CONV-6: search by name, accent- and case-insensitive: "etoile" finds "Pharmacie de l'Étoile".
    [Theory]
    [InlineData("etoile")]
    [InlineData("ÉTOILE")]
    [InlineData("Étoile")]
    [InlineData("  eToIle ")]
    [InlineData("l'etoile")]
    public void Search_Name_IgnoresAccentsAndCase(string query) =>
        Assert.Equal([Etoile, EtoileNord], new PharmacyChoice([], Directory).Search(query));

    // Decided here: every word must appear, in any order, in the name or the town; hyphens are word breaks.
    [Fact]
    public void Search_SaintEtienne_FindsTownAndName_NotPersonalBox()
    {
        var choice = new PharmacyChoice([], Directory);
        Assert.Equal([Etoile, SaintEtienne], choice.Search("saint etienne"));
        Assert.Equal([Etoile, SaintEtienne], choice.Search("Saint-Étienne"));
        Assert.Equal([EtoileNord], choice.Search("nord etoile"));
        Assert.Equal([Centre], choice.Search("lyon"));
        Assert.Equal([Centre, EtoileNord, Corse], choice.Search("du"));
    }

    // CONV-6: the search is among the others: pharmacies already shown by default are not repeated.
    [Fact]
    public void Search_ExcludesDefaults()
    {
        var choice = new PharmacyChoice(["420000001"], Directory);
        Assert.Equal([EtoileNord], choice.Search("etoile"));
    }

    // Only choosable boxes: an unpublished organisational box (BAL-5) and non-organisational boxes (CONV-5) are not found.
    [Fact]
    public void Search_OnlyPublishedOrganisationalBoxes()
    {
        var choice = new PharmacyChoice([], Directory);
        Assert.Empty(choice.Search("oeillets"));
        Assert.Empty(choice.Search("grande"));
        Assert.Empty(choice.Search("connectee"));
        var published = Entry("oeillets2", "Pharmacie des Œillets", "Paris", MailboxKind.Organisational, true, "750000009");
        Assert.Equal([published], new PharmacyChoice([], [published]).Search("OEILLETS"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("'-.")]
    public void Search_Blank_Nothing(string query) => Assert.Empty(new PharmacyChoice([], Directory).Search(query));

    [Fact]
    public void Search_NoMatch_Empty() => Assert.Empty(new PharmacyChoice([], Directory).Search("marseille"));

    [Fact]
    public void BadInput_Refused()
    {
        Assert.Throws<ArgumentNullException>("reimbursementHistory", () => new PharmacyChoice(null!, Directory));
        Assert.Throws<ArgumentNullException>("directory", () => new PharmacyChoice([], (IEnumerable<PharmacyDirectoryEntry>)null!));
        Assert.Throws<ArgumentNullException>("reimbursementHistory", () => new PharmacyChoice([null!], Directory));
        Assert.Throws<ArgumentNullException>("directory", () => new PharmacyChoice([], [Etoile, null!]));
        Assert.Throws<ArgumentNullException>("query", () => new PharmacyChoice([], Directory).Search(null!));
    }
}
