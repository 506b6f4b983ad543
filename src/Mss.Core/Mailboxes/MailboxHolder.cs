namespace Mss.Core.Mailboxes;

/// <summary>
/// Who a mailbox is opened for (BAL-1): a <see cref="ProfessionalHolder"/>, a <see cref="StructureHolder"/>, a
/// structure's <see cref="LegalRepresentativeHolder"/> or a <see cref="PatientHolder"/>. The set is closed: only
/// these four derive from it. Holders compare by value.
/// </summary>
public abstract record MailboxHolder
{
    private protected MailboxHolder()
    {
    }
}
