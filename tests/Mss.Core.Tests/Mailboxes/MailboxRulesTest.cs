using FsCheck.Xunit;
using Mss.Core.Mailboxes;

namespace Mss.Core.Tests.Mailboxes;

public class MailboxRulesTest
{
    // BAL-1, BAL-2, ADDR-2: who may hold which box, on which domain. One row per case; first refusal wins.
    [Theory]
    [InlineData(MailboxKind.Personal, "pro", "rpps", MailboxRefusal.None)]
    [InlineData(MailboxKind.Personal, "pro", "no-rpps", MailboxRefusal.PersonalNeedsRpps)] // BAL-2
    [InlineData(MailboxKind.Personal, "pro", "legal", MailboxRefusal.PersonalNeedsProfessional)]
    [InlineData(MailboxKind.Personal, "pro", "structure", MailboxRefusal.PersonalNeedsProfessional)]
    [InlineData(MailboxKind.Personal, "pro", "patient", MailboxRefusal.PersonalNeedsProfessional)]
    [InlineData(MailboxKind.Personal, "patient", "rpps", MailboxRefusal.PatientDomainReserved)]
    [InlineData(MailboxKind.Organisational, "pro", "rpps", MailboxRefusal.None)] // BAL-1: authorised professional
    [InlineData(MailboxKind.Organisational, "pro", "legal", MailboxRefusal.None)] // BAL-1: legal representative
    [InlineData(MailboxKind.Organisational, "pro", "no-rpps", MailboxRefusal.OrganisationalNeedsAuthorisedResponsible)]
    [InlineData(MailboxKind.Organisational, "pro", "structure", MailboxRefusal.OrganisationalNeedsAuthorisedResponsible)]
    [InlineData(MailboxKind.Organisational, "pro", "patient", MailboxRefusal.OrganisationalNeedsAuthorisedResponsible)]
    [InlineData(MailboxKind.Organisational, "patient", "legal", MailboxRefusal.PatientDomainReserved)]
    [InlineData(MailboxKind.Applicative, "pro", "structure", MailboxRefusal.None)]
    [InlineData(MailboxKind.Applicative, "pro", "rpps", MailboxRefusal.ApplicativeNeedsStructure)]
    [InlineData(MailboxKind.Applicative, "pro", "legal", MailboxRefusal.ApplicativeNeedsStructure)]
    [InlineData(MailboxKind.Applicative, "patient", "structure", MailboxRefusal.PatientDomainReserved)]
    [InlineData(MailboxKind.Cabinet, "pro", "rpps", MailboxRefusal.None)] // 0.2: CAB, held by a professional with an RPPS
    [InlineData(MailboxKind.Cabinet, "pro", "legal", MailboxRefusal.None)] // or the practice's legal representative
    [InlineData(MailboxKind.Cabinet, "pro", "no-rpps", MailboxRefusal.CabinetNeedsAuthorisedHolder)]
    [InlineData(MailboxKind.Cabinet, "pro", "structure", MailboxRefusal.CabinetNeedsAuthorisedHolder)]
    [InlineData(MailboxKind.Cabinet, "patient", "rpps", MailboxRefusal.PatientDomainReserved)]
    [InlineData(MailboxKind.Patient, "patient", "patient", MailboxRefusal.None)]
    [InlineData(MailboxKind.Patient, "patient", "other-patient", MailboxRefusal.PatientInsMismatch)]
    [InlineData(MailboxKind.Patient, "patient", "rpps", MailboxRefusal.PatientBoxNeedsPatient)]
    [InlineData(MailboxKind.Patient, "pro", "patient", MailboxRefusal.PatientBoxOutsidePatientDomain)]
    [InlineData(MailboxKind.Personal, "none", "rpps", MailboxRefusal.AddressMissing)]
    [InlineData(MailboxKind.Personal, "none", "none", MailboxRefusal.AddressMissing)]
    [InlineData(MailboxKind.Personal, "pro", "none", MailboxRefusal.HolderMissing)]
    [InlineData((MailboxKind)7, "pro", "rpps", MailboxRefusal.UnknownKind)]
    [InlineData((MailboxKind)(-1), "patient", "patient", MailboxRefusal.UnknownKind)]
    public void Check_Table(MailboxKind kind, string address, string holder, MailboxRefusal expected)
    {
        Assert.Equal(expected, MailboxRules.Check(kind, TestHolders.AddressByName(address), TestHolders.ByName(holder)));
    }

    // BAL-3: only an applicative box sends automatically.
    [Theory]
    [InlineData(MailboxKind.Personal, false)]
    [InlineData(MailboxKind.Organisational, false)]
    [InlineData(MailboxKind.Applicative, true)]
    [InlineData(MailboxKind.Patient, false)]
    [InlineData((MailboxKind)9, false)]
    public void CanSendAutomatically_OnlyApplicative(MailboxKind kind, bool expected)
    {
        Assert.Equal(expected, MailboxRules.CanSendAutomatically(kind));
    }

    // BAL-4: patient boxes are never listed; BAL-5: unpublished boxes are not listed either.
    [Theory]
    [InlineData(MailboxKind.Personal, true)]
    [InlineData(MailboxKind.Organisational, true)]
    [InlineData(MailboxKind.Applicative, true)]
    [InlineData(MailboxKind.Cabinet, true)] // 0.2: the Annuaire publishes CAB boxes (BAL-7)
    [InlineData(MailboxKind.Patient, false)]
    [InlineData((MailboxKind)9, false)]
    public void IsListedInDirectory_NeverPatient_OnlyWhileActive(MailboxKind kind, bool listed)
    {
        Assert.Equal(listed, MailboxRules.IsListedInDirectory(kind));
        Assert.Equal(listed, MailboxRules.IsListedInDirectory(kind, MailboxActivity.Active));
        Assert.False(MailboxRules.IsListedInDirectory(kind, MailboxActivity.Unpublished));
        Assert.False(MailboxRules.IsListedInDirectory(kind, MailboxActivity.DeletionAlerted));
        Assert.False(MailboxRules.IsListedInDirectory(kind, MailboxActivity.Deleted));
    }

    // TryCreate never throws, whatever the kind value, address and holder; it opens a box exactly when Check says None.
    [Property(MaxTest = 500)]
    public bool TryCreate_NeverThrows_AgreesWithCheck(int kind, byte addressPick, byte holderPick)
    {
        string[] addresses = ["pro", "patient", "none"];
        string[] holders = ["rpps", "no-rpps", "structure", "legal", "patient", "other-patient", "none"];
        var k = (MailboxKind)(kind % 6);
        MssAddress address = TestHolders.AddressByName(addresses[addressPick % addresses.Length]);
        MailboxHolder? holder = TestHolders.ByName(holders[holderPick % holders.Length]);
        bool opened = Mailbox.TryCreate(address, k, holder, out Mailbox? box, out MailboxRefusal refusal);
        return opened == (refusal == MailboxRefusal.None)
            && refusal == MailboxRules.Check(k, address, holder)
            && (opened ? box is not null && box.Kind == k && box.Address == address : box is null);
    }
}
