using Mss.Core.Mailboxes;
using NodaTime;

namespace Mss.Core.Tests.Mailboxes;

public class InactivityScheduleTest
{
    private static readonly InactivitySchedule Schedule = new(new LocalDate(2026, 3, 16), new LocalDate(2026, 11, 15), new LocalDate(2027, 1, 15));

    // BAL-5: each state from its day on (inclusive).
    [Theory]
    [InlineData(2026, 3, 15, MailboxActivity.Active)]
    [InlineData(2026, 3, 16, MailboxActivity.Unpublished)]
    [InlineData(2026, 11, 14, MailboxActivity.Unpublished)]
    [InlineData(2026, 11, 15, MailboxActivity.DeletionAlerted)]
    [InlineData(2027, 1, 14, MailboxActivity.DeletionAlerted)]
    [InlineData(2027, 1, 15, MailboxActivity.Deleted)]
    public void StatusOn_FromEachDayInclusive(int year, int month, int day, MailboxActivity expected)
    {
        Assert.Equal(expected, Schedule.StatusOn(new LocalDate(year, month, day)));
    }

    [Fact]
    public void Equality_ByDays()
    {
        Assert.Equal(new InactivitySchedule(new LocalDate(2026, 3, 16), new LocalDate(2026, 11, 15), new LocalDate(2027, 1, 15)), Schedule);
        Assert.NotEqual(Schedule with { DeleteOn = new LocalDate(2027, 1, 16) }, Schedule);
    }
}
