using Mss.Core.Mailboxes;

namespace Mss.Core.Tests.Mailboxes;

public class MailboxTest
{
    [Fact]
    public void TryCreate_PersonalWithRpps_Opened()
    {
        Assert.True(Mailbox.TryCreate(TestHolders.Professional, MailboxKind.Personal, TestHolders.WithRpps, out Mailbox? box, out MailboxRefusal refusal));
        Assert.Equal(MailboxRefusal.None, refusal);
        Assert.NotNull(box);
        Assert.Equal(TestHolders.Professional, box.Address);
        Assert.Equal(MailboxKind.Personal, box.Kind);
        Assert.Equal(TestHolders.WithRpps, box.Holder);
        Assert.Equal("PER", box.KindCode);
        Assert.False(box.CanSendAutomatically); // BAL-3
        Assert.True(box.IsListedInDirectory); // BAL-4
        Assert.True(box.IsListedInDirectoryWhen(MailboxActivity.Active));
        Assert.False(box.IsListedInDirectoryWhen(MailboxActivity.Unpublished)); // BAL-5
        Assert.Equal("PER jean.dupont@ch123.mssante.fr", box.ToString());
    }

    // BAL-2: refusals come back as reasons on the Try path, never as exceptions.
    [Fact]
    public void TryCreate_PersonalWithoutRpps_RefusedWithReason()
    {
        Assert.False(Mailbox.TryCreate(TestHolders.Professional, MailboxKind.Personal, TestHolders.WithoutRpps, out Mailbox? box, out MailboxRefusal refusal));
        Assert.Null(box);
        Assert.Equal(MailboxRefusal.PersonalNeedsRpps, refusal);
    }

    [Fact]
    public void TryCreate_NullHolderAndDefaultAddress_NoThrow()
    {
        Assert.False(Mailbox.TryCreate(default, MailboxKind.Patient, null, out _, out MailboxRefusal refusal));
        Assert.Equal(MailboxRefusal.AddressMissing, refusal);
    }

    [Fact]
    public void Create_Refused_ThrowsWithReason()
    {
        var ex = Assert.Throws<MailboxRefusedException>(() => Mailbox.Create(TestHolders.Patient, MailboxKind.Applicative, TestHolders.StructureHolder));
        Assert.Equal(MailboxRefusal.PatientDomainReserved, ex.Refusal);
        Assert.Contains("BAL-1", ex.Message, StringComparison.Ordinal);
    }

    // BAL-3: the applicative box sends automatically, and only it.
    [Fact]
    public void Applicative_CanSendAutomatically()
    {
        Mailbox box = Mailbox.Create(TestHolders.NoReply, MailboxKind.Applicative, TestHolders.StructureHolder);
        Assert.True(box.CanSendAutomatically);
        Assert.Equal("APP", box.KindCode);
        Assert.False(Mailbox.Create(TestHolders.Service, MailboxKind.Organisational, TestHolders.LegalRepresentative).CanSendAutomatically);
    }

    // BAL-4, INS-8: the patient box is never listed; its text never shows the INS in clear.
    [Fact]
    public void ForPatient_NotListed_MaskedText()
    {
        Mailbox box = Mailbox.ForPatient(InsMatricule.Parse(TestHolders.PatientInsText));
        Assert.Equal(MailboxKind.Patient, box.Kind);
        Assert.Equal(TestHolders.Patient, box.Address);
        Assert.Null(box.KindCode);
        Assert.False(box.IsListedInDirectory);
        Assert.False(box.IsListedInDirectoryWhen(MailboxActivity.Active));
        Assert.False(box.CanSendAutomatically);
        Assert.Equal("Patient 2790351********@patient.mssante.fr", box.ToString());
        Assert.DoesNotContain(TestHolders.PatientInsText, box.ToString(), StringComparison.Ordinal);
        Assert.Equal(box, Mailbox.Create(TestHolders.Patient, MailboxKind.Patient, TestHolders.PatientHolder));
    }

    [Fact]
    public void Equality_ByValue()
    {
        Mailbox a = Mailbox.Create(TestHolders.Service, MailboxKind.Organisational, TestHolders.WithRpps);
        Mailbox b = Mailbox.Create(TestHolders.Service, MailboxKind.Organisational, TestHolders.WithRpps);
        Mailbox c = Mailbox.Create(TestHolders.Service, MailboxKind.Organisational, TestHolders.LegalRepresentative);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.True(a != c);
        Assert.False(a.Equals(null));
    }
}
