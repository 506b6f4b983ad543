using Mss.Core.Mailboxes;

namespace Mss.Core.Tests.Mailboxes;

/// <summary>0.2: structures without FINESS, organisational boxes with a responsible and users (BAL-1, BAL-2, BAL-6).</summary>
public class MailboxUsersTest
{
    private static readonly StructureId Cpts = StructureId.Parse("2264403106"); // a SIREN: no FINESS
    private static readonly MssAddress CptsNoReply = MssAddress.Parse("no_reply@cpts123.mssante.fr"); // seed 002
    private static readonly MssAddress Accueil = MssAddress.Parse("accueil@ch123.mssante.fr"); // seed 002

    // Seed 002: the CPTS's applicative box, held by a structure without FINESS.
    [Fact]
    public void SeedApplicativeBox_OfAStructureWithoutFiness()
    {
        var cpts = new StructureHolder(Cpts);
        Mailbox box = Mailbox.Create(CptsNoReply, MailboxKind.Applicative, cpts);
        Assert.Equal(Cpts, cpts.Structure);
        Assert.True(cpts.Finess.IsDefault);
        Assert.Equal("APP", box.KindCode);
        Assert.True(box.CanSendAutomatically);
        Assert.Empty(box.Users);
    }

    // BAL-1: the legal representative of a structure without FINESS is the responsible of its organisational box.
    [Fact]
    public void OrganisationalBox_OfAStructureWithoutFiness()
    {
        var representative = new LegalRepresentativeHolder(Cpts);
        Assert.Equal(Cpts, representative.RepresentedStructure);
        Assert.True(representative.Structure.IsDefault);
        Assert.True(Mailbox.TryCreate(MssAddress.Parse("secretariat@cpts123.mssante.fr"), MailboxKind.Organisational, representative, out _, out MailboxRefusal refusal));
        Assert.Equal(MailboxRefusal.None, refusal);
    }

    // Seed 004 FAQ 12: a professional without RPPS uses an organisational box as one of its users; the responsible has one.
    [Fact]
    public void ProfessionalWithoutRpps_IsAUserOfTheOrganisationalBox()
    {
        ProfessionalHolder responsible = TestHolders.WithRpps;
        ProfessionalHolder withoutRpps = TestHolders.WithoutRpps;
        ProfessionalHolder other = new(Rpps.Parse("10102727017"));

        Assert.True(Mailbox.TryCreate(Accueil, MailboxKind.Organisational, responsible, [withoutRpps, other, withoutRpps], out Mailbox? box, out MailboxRefusal refusal));
        Assert.Equal(MailboxRefusal.None, refusal);
        Assert.Equal([withoutRpps, other], box.Users);
        Assert.Equal(responsible, box.Holder);

        // BAL-1, BAL-5: the deletion alert goes to the responsible, never to a user.
        Assert.Equal(responsible, box.DeletionAlertRecipient);
        Assert.Equal(responsible, MailboxRules.DeletionAlertRecipient(box));
    }

    // BAL-1, BAL-5: the holder of a personal box receives its alert.
    [Fact]
    public void PersonalBox_AlertGoesToItsHolder()
    {
        Mailbox box = Mailbox.Create(TestHolders.Professional, MailboxKind.Personal, TestHolders.WithRpps);
        Assert.Equal(TestHolders.WithRpps, box.DeletionAlertRecipient);
        Assert.Throws<ArgumentNullException>(() => MailboxRules.DeletionAlertRecipient(null!));
    }

    // BAL-2, seed 004 FAQ 10: a personal box is never shared; an applicative box has no users.
    [Theory]
    [InlineData(MailboxKind.Personal, "rpps")]
    [InlineData(MailboxKind.Applicative, "structure")]
    public void Users_OnlyOnSharedBoxes(MailboxKind kind, string holder)
    {
        Assert.False(Mailbox.TryCreate(TestHolders.Professional, kind, TestHolders.ByName(holder), [TestHolders.WithoutRpps], out Mailbox? box, out MailboxRefusal refusal));
        Assert.Null(box);
        Assert.Equal(MailboxRefusal.UsersOnlyOnSharedBox, refusal);
        var e = Assert.Throws<MailboxRefusedException>(() => Mailbox.Create(TestHolders.Professional, kind, TestHolders.ByName(holder), [TestHolders.WithoutRpps]));
        Assert.Equal(MailboxRefusal.UsersOnlyOnSharedBox, e.Refusal);
        // No users is fine.
        Assert.True(Mailbox.TryCreate(TestHolders.Professional, kind, TestHolders.ByName(holder), [], out _, out _));
    }

    [Fact]
    public void NullUser_Refused()
    {
        Assert.Equal(MailboxRefusal.UserMissing, MailboxRules.Check(MailboxKind.Organisational, Accueil, TestHolders.WithRpps, [null!]));
        // The holder's refusal comes first.
        Assert.Equal(MailboxRefusal.OrganisationalNeedsAuthorisedResponsible, MailboxRules.Check(MailboxKind.Organisational, Accueil, TestHolders.WithoutRpps, [null!]));
    }

    // A cabinet box (CAB) is shared by the practice's professionals.
    [Fact]
    public void CabinetBox_HasUsers()
    {
        Assert.True(MailboxRules.HasUsers(MailboxKind.Cabinet));
        Assert.True(MailboxRules.HasUsers(MailboxKind.Organisational));
        Assert.False(MailboxRules.HasUsers(MailboxKind.Personal));
        Assert.False(MailboxRules.HasUsers(MailboxKind.Patient));
        Mailbox box = Mailbox.Create(MssAddress.Parse("cabinet@medecin.mssante.fr"), MailboxKind.Cabinet, TestHolders.WithRpps, [TestHolders.WithoutRpps]);
        Assert.Equal("CAB", box.KindCode);
        Assert.Single(box.Users);
    }

    // Users take part in equality.
    [Fact]
    public void Equality_IncludesUsers()
    {
        Mailbox a = Mailbox.Create(Accueil, MailboxKind.Organisational, TestHolders.WithRpps, [TestHolders.WithoutRpps]);
        Mailbox b = Mailbox.Create(Accueil, MailboxKind.Organisational, TestHolders.WithRpps, [TestHolders.WithoutRpps]);
        Mailbox c = Mailbox.Create(Accueil, MailboxKind.Organisational, TestHolders.WithRpps);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    // Issue 14: the refusal texts no longer contradict each other: a professional without RPPS is pointed to being a
    // user of an organisational box, and the organisational refusal says users need no RPPS.
    [Fact]
    public void RefusalTexts_Consistent()
    {
        string personal = new MailboxRefusedException(MailboxRefusal.PersonalNeedsRpps).Message;
        string organisational = new MailboxRefusedException(MailboxRefusal.OrganisationalNeedsAuthorisedResponsible).Message;
        Assert.Contains("user", personal, StringComparison.Ordinal);
        Assert.DoesNotContain("only an organisational", personal, StringComparison.Ordinal);
        Assert.Contains("without an RPPS are added as its users", organisational, StringComparison.Ordinal);
        foreach (MailboxRefusal refusal in Enum.GetValues<MailboxRefusal>())
        {
            Assert.False(string.IsNullOrWhiteSpace(new MailboxRefusedException(refusal).Message));
        }
    }

    // BAL-6 0.2: holders accept a StructureId; FINESS-based ones equal their FINESS constructor.
    [Fact]
    public void Holders_FromStructureId()
    {
        Finess finess = Finess.Parse("750000010");
        Assert.Equal(new StructureHolder(finess), new StructureHolder(StructureId.FromFiness(finess)));
        Assert.Equal(new LegalRepresentativeHolder(finess), new LegalRepresentativeHolder(StructureId.FromFiness(finess)));
        Assert.Equal(finess, new StructureHolder(StructureId.FromFiness(finess)).Finess);
        Assert.Throws<ArgumentException>(() => new StructureHolder(default(StructureId)));
        Assert.Throws<ArgumentException>(() => new LegalRepresentativeHolder(default(StructureId)));
        Assert.NotEqual(new StructureHolder(Cpts), new StructureHolder(StructureId.Parse("2264403107")));
    }
}
