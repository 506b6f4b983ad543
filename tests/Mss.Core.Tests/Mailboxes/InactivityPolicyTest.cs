using System.Globalization;
using Mss.Core.Mailboxes;
using NodaTime;
using NodaTime.Text;

namespace Mss.Core.Tests.Mailboxes;

public class InactivityPolicyTest
{
    private static readonly InactivityPolicy Policy = InactivityPolicy.Default;

    private static LocalDate Day(string iso) => LocalDatePattern.Iso.Parse(iso).Value;

    private static Instant At(string iso) => InstantPattern.General.Parse(iso).Value;

    // BAL-5: D + 60 days, D + 1 year (29 Feb → 28 Feb), deletion − 2 months clamped to the month's end.
    // Expected dates written by hand and checked with Python's dateutil.relativedelta.
    [Theory]
    [InlineData("2026-01-15", "2026-03-16", "2026-11-15", "2027-01-15")]
    [InlineData("2024-02-29", "2024-04-29", "2024-12-28", "2025-02-28")] // 29 Feb + 1 year = 28 Feb
    [InlineData("2024-02-28", "2024-04-28", "2024-12-28", "2025-02-28")] // same deletion day as 29 Feb
    [InlineData("2023-02-28", "2023-04-29", "2023-12-28", "2024-02-28")] // not 29 Feb in the leap year
    [InlineData("2023-04-30", "2023-06-29", "2024-02-29", "2024-04-30")] // 30 Apr − 2 months = 29 Feb (leap)
    [InlineData("2024-04-30", "2024-06-29", "2025-02-28", "2025-04-30")] // 30 Apr − 2 months = 28 Feb
    [InlineData("2023-12-31", "2024-02-29", "2024-10-31", "2024-12-31")] // 60 days land on 29 Feb
    [InlineData("2024-08-31", "2024-10-30", "2025-06-30", "2025-08-31")] // 31 Aug − 2 months = 30 Jun
    public void ScheduleFor_Default_HardCodedDates(string last, string unpublish, string alert, string delete)
    {
        InactivitySchedule schedule = Policy.ScheduleFor(Day(last));
        Assert.Equal(new InactivitySchedule(Day(unpublish), Day(alert), Day(delete)), schedule);
    }

    // BAL-5: each state from its day on, inclusive; the day before still the previous state.
    [Theory]
    [InlineData("2026-01-14", MailboxActivity.Active)] // before the connection
    [InlineData("2026-01-15", MailboxActivity.Active)] // the connection day
    [InlineData("2026-03-15", MailboxActivity.Active)] // day before unpublish
    [InlineData("2026-03-16", MailboxActivity.Unpublished)] // day of unpublish
    [InlineData("2026-11-14", MailboxActivity.Unpublished)]
    [InlineData("2026-11-15", MailboxActivity.DeletionAlerted)]
    [InlineData("2027-01-14", MailboxActivity.DeletionAlerted)]
    [InlineData("2027-01-15", MailboxActivity.Deleted)]
    [InlineData("2040-01-01", MailboxActivity.Deleted)]
    public void StatusOn_Boundaries(string today, MailboxActivity expected)
    {
        Assert.Equal(expected, Policy.StatusOn(Day("2026-01-15"), Day(today)));
    }

    [Theory]
    [InlineData("2025-02-27", MailboxActivity.DeletionAlerted)]
    [InlineData("2025-02-28", MailboxActivity.Deleted)] // BAL-5: 29 Feb 2024 + 1 year
    [InlineData("2024-12-27", MailboxActivity.Unpublished)]
    [InlineData("2024-12-28", MailboxActivity.DeletionAlerted)]
    [InlineData("2024-04-28", MailboxActivity.Active)]
    [InlineData("2024-04-29", MailboxActivity.Unpublished)]
    public void StatusOn_LeapDayConnection(string today, MailboxActivity expected)
    {
        Assert.Equal(expected, Policy.StatusOn(Day("2024-02-29"), Day(today)));
    }

    // BAL-5: D is the Europe/Paris calendar day, across the DST changes of 2026 (29 March, 25 October).
    [Theory]
    [InlineData("2026-03-28T22:59:59Z", "2026-03-28")] // 23:59:59 CET
    [InlineData("2026-03-28T23:00:00Z", "2026-03-29")] // 00:00 CET, the day of the change
    [InlineData("2026-03-29T00:59:59Z", "2026-03-29")] // 01:59:59 CET, just before the gap
    [InlineData("2026-03-29T01:00:00Z", "2026-03-29")] // 03:00 CEST
    [InlineData("2026-03-29T21:59:59Z", "2026-03-29")] // 23:59:59 CEST
    [InlineData("2026-03-29T22:00:00Z", "2026-03-30")] // 00:00 CEST
    [InlineData("2026-10-24T21:59:59Z", "2026-10-24")] // 23:59:59 CEST
    [InlineData("2026-10-24T22:00:00Z", "2026-10-25")] // 00:00 CEST, the day of the change
    [InlineData("2026-10-25T00:30:00Z", "2026-10-25")] // 02:30 CEST, first pass
    [InlineData("2026-10-25T01:30:00Z", "2026-10-25")] // 02:30 CET, second pass
    [InlineData("2026-10-25T22:59:59Z", "2026-10-25")] // 23:59:59 CET
    [InlineData("2026-10-25T23:00:00Z", "2026-10-26")] // 00:00 CET
    public void DayOf_ParisCalendarDay(string instant, string day)
    {
        Assert.Equal(Day(day), InactivityPolicy.DayOf(At(instant)));
        Assert.Equal(Policy.ScheduleFor(Day(day)), Policy.ScheduleFor(At(instant)));
    }

    [Theory]
    [InlineData("2026-03-28T22:59:59Z", "2026-05-27", "2027-01-28", "2027-03-28")]
    [InlineData("2026-03-28T23:00:00Z", "2026-05-28", "2027-01-29", "2027-03-29")]
    [InlineData("2026-10-24T21:59:59Z", "2026-12-23", "2027-08-24", "2027-10-24")]
    [InlineData("2026-10-24T22:00:00Z", "2026-12-24", "2027-08-25", "2027-10-25")]
    public void ScheduleFor_Instant_AroundMidnightParis(string instant, string unpublish, string alert, string delete)
    {
        Assert.Equal(new InactivitySchedule(Day(unpublish), Day(alert), Day(delete)), Policy.ScheduleFor(At(instant)));
    }

    // The zone matters: the same instant is 28 March in UTC and 29 March in Paris.
    [Fact]
    public void ScheduleFor_Instant_OtherZone()
    {
        Instant last = At("2026-03-28T23:30:00Z");
        Assert.Equal(Day("2026-05-27"), Policy.ScheduleFor(last, DateTimeZone.Utc).UnpublishOn);
        Assert.Equal(Day("2026-05-28"), Policy.ScheduleFor(last).UnpublishOn);
        Assert.Equal(Day("2026-05-28"), Policy.ScheduleFor(last, InactivityPolicy.Paris).UnpublishOn);
        Assert.Throws<ArgumentNullException>(() => Policy.ScheduleFor(last, null!));
    }

    // Instants just before / after midnight Paris on the unpublication day (summer time, UTC+2).
    [Theory]
    [InlineData("2026-05-27T21:59:59Z", MailboxActivity.Active)] // 27 May 23:59:59 CEST
    [InlineData("2026-05-27T22:00:00Z", MailboxActivity.Unpublished)] // 28 May 00:00 CEST
    [InlineData("2027-03-28T21:59:59Z", MailboxActivity.DeletionAlerted)] // 28 Mar 2027 23:59:59 CEST (summer time began that night)
    [InlineData("2027-03-28T22:00:00Z", MailboxActivity.Deleted)] // 29 Mar 2027 00:00 CEST
    [InlineData("2027-03-28T22:59:59Z", MailboxActivity.Deleted)] // 00:59:59 CEST: already 29 March in Paris
    public void StatusAt_MidnightParis(string now, MailboxActivity expected)
    {
        Instant last = At("2026-03-28T23:00:00Z"); // 29 March 2026 00:00 Paris
        Assert.Equal(expected, Policy.StatusAt(last, At(now)));
        Assert.Equal(expected, Policy.StatusAt(last, At(now), InactivityPolicy.Paris));
        Assert.Equal(expected, Policy.CurrentStatus(last, new FixedClock(At(now))));
        Assert.Equal(expected, Policy.StatusOn(last, InactivityPolicy.DayOf(At(now))));
    }

    [Fact]
    public void CurrentStatus_TodayFromClockInParis()
    {
        var clock = new FixedClock(At("2026-03-15T23:30:00Z")); // 16 March 00:30 in Paris
        Assert.Equal(Day("2026-03-16"), InactivityPolicy.Today(clock));
        Assert.Equal(MailboxActivity.Unpublished, Policy.CurrentStatus(Day("2026-01-15"), clock));
        Assert.Throws<ArgumentNullException>(() => Policy.CurrentStatus(Day("2026-01-15"), null!));
    }

    // BAL-5: periods configurable for operators whose terms differ.
    [Fact]
    public void Custom_Policy_Schedule()
    {
        var policy = new InactivityPolicy(Period.FromDays(30), Period.FromMonths(6), Period.FromWeeks(2));
        Assert.Equal(new InactivitySchedule(Day("2026-03-02"), Day("2026-07-17"), Day("2026-07-31")), policy.ScheduleFor(Day("2026-01-31")));
        Assert.Equal(Period.FromDays(30), policy.UnpublishAfter);
        Assert.Equal(Period.FromMonths(6), policy.DeleteAfter);
        Assert.Equal(Period.FromWeeks(2), policy.AlertBeforeDeletion);
    }

    [Fact]
    public void Default_HasTheDurationsOfBal5()
    {
        Assert.Equal(Period.FromDays(60), Policy.UnpublishAfter);
        Assert.Equal(Period.FromYears(1), Policy.DeleteAfter);
        Assert.Equal(Period.FromMonths(2), Policy.AlertBeforeDeletion);
        // The public constructor's ordering check accepts the default durations.
        _ = new InactivityPolicy(Period.FromDays(60), Period.FromYears(1), Period.FromMonths(2));
    }

    public static TheoryData<Period, Period, Period> RefusedPeriods => new()
    {
        { Period.FromHours(1440), Period.FromYears(1), Period.FromMonths(2) }, // time unit
        { Period.FromDays(60), Period.FromYears(1) + Period.FromMinutes(1), Period.FromMonths(2) },
        { Period.FromDays(-60), Period.FromYears(1), Period.FromMonths(2) }, // negative
        { Period.FromDays(60), Period.FromYears(1), Period.FromMonths(3) - Period.FromDays(100) }, // a negative component
        { Period.Zero, Period.FromYears(1), Period.FromMonths(2) }, // zero
        { Period.FromDays(60), Period.FromYears(1), Period.Zero },
        { Period.FromDays(60), Period.FromYears(11), Period.FromMonths(2) }, // over ten years
        { Period.FromDays(400), Period.FromYears(1), Period.FromMonths(2) }, // unpublished after deletion
        { Period.FromDays(60), Period.FromYears(1), Period.FromMonths(11) }, // alert before unpublication
        { Period.FromDays(60), Period.FromYears(1), Period.FromYears(1) }, // alert on the connection day
        { Period.FromDays(59), Period.FromYears(1), Period.FromMonths(10) }, // alert = unpublication for some days (gap 59)
    };

    [Theory]
    [MemberData(nameof(RefusedPeriods))]
    public void Constructor_Refuses(Period unpublish, Period delete, Period alert)
    {
        Assert.Throws<ArgumentException>(() => new InactivityPolicy(unpublish, delete, alert));
    }

    // The ordering check is exact: the smallest gap between D + 1 year − 10 months and D is 59 days (checked in Python).
    [Fact]
    public void Constructor_AcceptsTightButOrderedSchedule()
    {
        var policy = new InactivityPolicy(Period.FromDays(58), Period.FromYears(1), Period.FromMonths(10));
        Assert.Equal(Day("2090-02-28"), policy.ScheduleFor(Day("2089-12-31")).DeletionAlertOn);
    }

    [Fact]
    public void Constructor_NullPeriod_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => new InactivityPolicy(null!, Period.FromYears(1), Period.FromMonths(2)));
        Assert.Throws<ArgumentNullException>(() => new InactivityPolicy(Period.FromDays(60), null!, Period.FromMonths(2)));
        Assert.Throws<ArgumentNullException>(() => new InactivityPolicy(Period.FromDays(60), Period.FromYears(1), null!));
    }

    // Dates in another calendar are read as the same day in ISO.
    [Fact]
    public void StatusOn_OtherCalendar_ConvertedToIso()
    {
        LocalDate julian = Day("2026-01-15").WithCalendar(CalendarSystem.Julian);
        Assert.Equal(Policy.ScheduleFor(Day("2026-01-15")), Policy.ScheduleFor(julian));
        Assert.Equal(MailboxActivity.Unpublished, Policy.StatusOn(julian, Day("2026-03-16").WithCalendar(CalendarSystem.Gregorian)));
    }

    // NodaTime's own semantics, which BAL-5 relies on: years and months truncate to the month's end.
    [Theory]
    [InlineData("2024-02-29", 1, 0, "2025-02-28")]
    [InlineData("2024-04-30", 0, -2, "2024-02-29")]
    [InlineData("2025-04-30", 0, -2, "2025-02-28")]
    [InlineData("2025-03-31", 0, -1, "2025-02-28")]
    public void NodaTime_PlusYearsAndMonths_TruncateToMonthEnd(string start, int years, int months, string expected)
    {
        Assert.Equal(Day(expected), Day(start).PlusYears(years).PlusMonths(months));
    }

    // ---- The daily run (BAL-5) ----

    private static LocalDate[] Days(params string[] isoDays) => isoDays.Select(Day).ToArray();

    [Fact]
    public void DailyRun_OneDay_ReportsTodaysTransitionsOnly()
    {
        LocalDate[] boxes = Days("2026-01-15", "2026-01-14", "2026-01-16", "2026-12-01", "2025-11-15", "2025-01-15");
        InactivityRun run = Policy.DailyRun(boxes, Day("2026-03-16"));
        Assert.Equal(Day("2026-03-15"), run.PreviousRun);
        Assert.Equal(Day("2026-03-16"), run.Today);
        Assert.Equal([0], run.ToUnpublish); // 2026-01-15 + 60 days
        Assert.Empty(run.ToAlert);
        Assert.Empty(run.ToDelete);

        InactivityRun deletion = Policy.DailyRun(boxes, Day("2027-01-15"));
        Assert.Equal([0], deletion.ToDelete);
        InactivityRun alert = Policy.DailyRun(boxes, Day("2026-11-15"));
        Assert.Equal([0], alert.ToAlert);
    }

    // Skipped days: transitions that fell after the previous run are reported; those on or before it are not.
    [Fact]
    public void DailyRun_SkippedDays_ReportsMissedTransitions()
    {
        LocalDate[] boxes = Days("2026-01-13", "2026-01-14", "2026-01-15", "2026-01-16", "2026-01-17");
        InactivityRun run = Policy.DailyRun(boxes, Day("2026-03-14"), Day("2026-03-17"));
        Assert.Equal([1, 2, 3], run.ToUnpublish); // unpublish on 15, 16, 17 March
    }

    // A long gap: one box crosses several transitions and is in each list.
    [Fact]
    public void DailyRun_LongGap_BoxInEveryCrossedList()
    {
        LocalDate[] boxes = Days("2026-01-15");
        InactivityRun run = Policy.DailyRun(boxes, Day("2026-03-01"), Day("2027-02-01"));
        Assert.Equal([0], run.ToUnpublish);
        Assert.Equal([0], run.ToAlert);
        Assert.Equal([0], run.ToDelete);
    }

    // BAL-5: 28 and 29 February 2024 are both deleted on 28 February 2025; 30 April − 2 months gathers three days.
    [Fact]
    public void DailyRun_LeapDayAndMonthEnd_NonInjectiveDaysAllReported()
    {
        LocalDate[] boxes = Days("2024-02-27", "2024-02-28", "2024-02-29", "2024-03-01", "2024-04-27", "2024-04-28", "2024-04-29", "2024-04-30", "2024-05-01");
        InactivityRun feb28 = Policy.DailyRun(boxes, Day("2025-02-28"));
        Assert.Equal([1, 2], feb28.ToDelete);
        Assert.Equal([5, 6, 7], feb28.ToAlert); // deletion 28, 29, 30 April 2025 − 2 months = 28 February
        InactivityRun mar01 = Policy.DailyRun(boxes, Day("2025-03-01"));
        Assert.Equal([3], mar01.ToDelete);
        Assert.Equal([8], mar01.ToAlert);
    }

    [Fact]
    public void DailyRun_SameDayRerun_ReportsNothing()
    {
        InactivityRun run = Policy.DailyRun(Days("2026-01-15"), Day("2026-03-16"), Day("2026-03-16"));
        Assert.Empty(run.ToUnpublish);
    }

    [Fact]
    public void DailyRun_PreviousAfterToday_Throws()
    {
        Assert.Throws<ArgumentException>(() => Policy.DailyRun(Days("2026-01-15"), Day("2026-03-17"), Day("2026-03-16")));
    }

    [Fact]
    public void DailyRun_Clock_TodayInParis()
    {
        var clock = new FixedClock(At("2026-03-15T23:30:00Z")); // 16 March in Paris
        InactivityRun run = Policy.DailyRun(Days("2026-01-15"), Day("2026-03-15"), clock);
        Assert.Equal([0], run.ToUnpublish);
    }

#if !DEBUG
    // Release only (issue 27): Debug builds allocate where Release does not; the measurement is in the benchmarks.
    // BAL-5 daily run over many boxes: nothing is allocated per box, only the result. Boxes that change nothing today
    // cost the same for a thousand boxes as for a hundred thousand (both overloads).
    [Fact]
    public void DailyRun_AllocatesNothingPerBox()
    {
        LocalDate today = Day("2026-03-16");
        Instant now = today.AtStartOfDayInZone(InactivityPolicy.Paris).ToInstant();
        LocalDate[] fewDays = Enumerable.Repeat(today, 1_000).ToArray();
        LocalDate[] manyDays = Enumerable.Repeat(today, 100_000).ToArray();
        Instant[] fewInstants = Enumerable.Repeat(now, 1_000).ToArray();
        Instant[] manyInstants = Enumerable.Repeat(now, 100_000).ToArray();
        Assert.Equal(Allocated(() => Policy.DailyRun(fewDays, today)), Allocated(() => Policy.DailyRun(manyDays, today)));
        Assert.Equal(Allocated(() => Policy.DailyRun(fewInstants, today.PlusDays(-1), today)), Allocated(() => Policy.DailyRun(manyInstants, today.PlusDays(-1), today)));

        static long Allocated(Func<InactivityRun> run)
        {
            long allocated = Allocations.Measure(run, 1, out InactivityRun[] runs);
            Assert.All(runs, r => Assert.Empty(r.ToUnpublish)); // the boxes really change nothing
            return allocated;
        }
    }
#endif

    // Instants around midnight Paris: 28 March 2026 23:59:59 vs 29 March 00:00 (the DST day).
    [Fact]
    public void DailyRun_Instants_ReadInParis()
    {
        Instant[] boxes = [At("2026-03-28T22:59:59Z"), At("2026-03-28T23:00:00Z"), At("2026-03-29T21:59:59Z"), At("2026-03-29T22:00:00Z")];
        InactivityRun run = Policy.DailyRun(boxes, Day("2026-05-27"), Day("2026-05-28"));
        Assert.Equal([1, 2], run.ToUnpublish); // D = 29 March → 28 May
        InactivityRun utc = Policy.DailyRun(boxes, DateTimeZone.Utc, Day("2026-05-27"), Day("2026-05-28"));
        Assert.Equal([2, 3], utc.ToUnpublish); // in UTC the last two are 29 March, the first two 28 March
    }
}
