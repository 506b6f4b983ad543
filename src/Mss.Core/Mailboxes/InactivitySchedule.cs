using NodaTime;

namespace Mss.Core.Mailboxes;

/// <summary>
/// The days on which an idle mailbox changes state (BAL-5), computed by <see cref="InactivityPolicy.ScheduleFor(LocalDate)"/>
/// from the day of its last connection. Each state holds from its day on (inclusive).
/// </summary>
/// <param name="UnpublishOn">First day the box is <see cref="MailboxActivity.Unpublished"/> (default: last connection + 60 days).</param>
/// <param name="DeletionAlertOn">First day the box is <see cref="MailboxActivity.DeletionAlerted"/> (default: deletion day − 2 months, clamped to the month's end).</param>
/// <param name="DeleteOn">First day the box is <see cref="MailboxActivity.Deleted"/> (default: last connection + 1 calendar year, 29 February → 28 February).</param>
public readonly record struct InactivitySchedule(LocalDate UnpublishOn, LocalDate DeletionAlertOn, LocalDate DeleteOn)
{
    /// <summary>
    /// The state on <paramref name="today"/> (BAL-5): <see cref="MailboxActivity.Deleted"/> from <see cref="DeleteOn"/>,
    /// else <see cref="MailboxActivity.DeletionAlerted"/> from <see cref="DeletionAlertOn"/>, else
    /// <see cref="MailboxActivity.Unpublished"/> from <see cref="UnpublishOn"/>, else <see cref="MailboxActivity.Active"/>.
    /// </summary>
    /// <param name="today">The day to evaluate, in the schedule's calendar (ISO).</param>
    /// <returns>The state that day.</returns>
    public MailboxActivity StatusOn(LocalDate today) =>
        today >= DeleteOn ? MailboxActivity.Deleted
        : today >= DeletionAlertOn ? MailboxActivity.DeletionAlerted
        : today >= UnpublishOn ? MailboxActivity.Unpublished
        : MailboxActivity.Active;
}
