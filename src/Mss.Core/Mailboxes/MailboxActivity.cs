namespace Mss.Core.Mailboxes;

/// <summary>
/// The state of a mailbox under the inactivity policy (BAL-5), in order: each state holds from its day on (inclusive)
/// until the next one's day; a new connection returns the box to <see cref="Active"/>.
/// </summary>
public enum MailboxActivity
{
    /// <summary>Connected recently: listed in the directory if its kind is (BAL-4).</summary>
    Active,

    /// <summary>From <see cref="InactivitySchedule.UnpublishOn"/>: removed from the Annuaire Santé (BAL-5).</summary>
    Unpublished,

    /// <summary>From <see cref="InactivitySchedule.DeletionAlertOn"/>: the holder has been alerted of the coming deletion (BAL-5).</summary>
    DeletionAlerted,

    /// <summary>From <see cref="InactivitySchedule.DeleteOn"/>: the box is deleted (BAL-5).</summary>
    Deleted,
}
