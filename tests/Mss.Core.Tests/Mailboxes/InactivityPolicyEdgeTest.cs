using Mss.Core.Mailboxes;
using NodaTime;
using NodaTime.Text;

namespace Mss.Core.Tests.Mailboxes;

/// <summary>
/// BAL-5 at the ends of NodaTime's calendar (issue 16) and at Paris midnight. Expected dates are written by hand: the
/// Gregorian calendar repeats every 400 years, so year 9999 behaves like 2399 (not a leap year) and −9998 like 2002.
/// </summary>
public class InactivityPolicyEdgeTest
{
    private static readonly InactivityPolicy Policy = InactivityPolicy.Default;

    private static readonly DateTimeZone Paris = DateTimeZoneProviders.Tzdb["Europe/Paris"];

    private static LocalDate Day(string iso) => LocalDatePattern.Iso.Parse(iso).Value;

    private static Instant At(string iso) => InstantPattern.General.Parse(iso).Value;

    [Fact]
    public void ScheduleFor_MaxIsoValue_ThrowsArgumentOutOfRange()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Policy.ScheduleFor(LocalDate.MaxIsoValue));
        Assert.Equal("lastConnection", e.ParamName);
    }

    // BAL-5: deletion on 10000-01-01 does not exist; the day before still has a schedule.
    [Fact]
    public void ScheduleFor_FirstDayOf9999_ThrowsArgumentOutOfRange() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Policy.ScheduleFor(Day("9999-01-01")));

    // 9998-12-31: + 60 days = 9999-03-01 (9999 is not a leap year), + 1 year = 9999-12-31, − 2 months = 9999-10-31.
    [Fact]
    public void ScheduleFor_LastDayWithASchedule_HardCodedDates() =>
        Assert.Equal(
            new InactivitySchedule(Day("9999-03-01"), Day("9999-10-31"), Day("9999-12-31")),
            Policy.ScheduleFor(Day("9998-12-31")));

    // Just before the direct arithmetic's limit and just after it: the 400-year path gives the calendar's own dates.
    [Theory]
    [InlineData("9989-02-28", "9989-04-29", "9989-12-28", "9990-02-28")]
    [InlineData("9996-02-29", "9996-04-29", "9996-12-28", "9997-02-28")] // 29 Feb + 1 year = 28 Feb (BAL-5)
    [InlineData("9998-04-30", "9998-06-29", "9999-02-28", "9999-04-30")] // 30 Apr − 2 months = 28 Feb
    [InlineData("9998-12-30", "9999-02-28", "9999-10-30", "9999-12-30")]
    public void ScheduleFor_LastYears_HardCodedDates(string last, string unpublish, string alert, string delete) =>
        Assert.Equal(new InactivitySchedule(Day(unpublish), Day(alert), Day(delete)), Policy.ScheduleFor(Day(last)));

    [Fact]
    public void ScheduleFor_MinIsoValue_HardCodedDates()
    {
        // −9998 is like 2002: not a leap year. 1 Jan + 60 days = 2 Mar; + 1 year = 1 Jan −9997; − 2 months = 1 Nov −9998.
        LocalDate min = LocalDate.MinIsoValue;
        Assert.Equal(
            new InactivitySchedule(new LocalDate(-9998, 3, 2), new LocalDate(-9998, 11, 1), new LocalDate(-9997, 1, 1)),
            Policy.ScheduleFor(min));
    }

    // StatusOn answers for every date: transitions after 9999-12-31 never come.
    [Theory]
    [InlineData("9999-12-31", MailboxActivity.Active)]
    [InlineData("9999-11-02", MailboxActivity.Active)] // + 60 days = 10000-01-01
    [InlineData("9999-11-01", MailboxActivity.Unpublished)] // + 60 days = 9999-12-31
    [InlineData("9999-10-31", MailboxActivity.Unpublished)] // + 60 days = 9999-12-30
    public void StatusOn_OnTheLastDate_HardCodedStates(string last, MailboxActivity expected) =>
        Assert.Equal(expected, Policy.StatusOn(Day(last), LocalDate.MaxIsoValue));

    // 9999-01-01: unpublished on 9999-03-02 (1 Jan + 60 days, 9999 not leap), alerted on 10000-01-01 − 2 months =
    // 9999-11-01, deleted on 10000-01-01, which never comes.
    [Theory]
    [InlineData("9999-03-01", MailboxActivity.Active)]
    [InlineData("9999-03-02", MailboxActivity.Unpublished)]
    [InlineData("9999-10-31", MailboxActivity.Unpublished)]
    [InlineData("9999-11-01", MailboxActivity.DeletionAlerted)]
    [InlineData("9999-12-31", MailboxActivity.DeletionAlerted)]
    public void StatusOn_ConnectedOnFirstDayOf9999_HardCodedStates(string today, MailboxActivity expected) =>
        Assert.Equal(expected, Policy.StatusOn(Day("9999-01-01"), Day(today)));

    [Fact]
    public void StatusOn_ConnectedOnTheLastDate_Active() =>
        Assert.Equal(MailboxActivity.Active, Policy.StatusOn(LocalDate.MaxIsoValue, LocalDate.MaxIsoValue));

    [Fact]
    public void StatusOn_MinIsoValue_Edges()
    {
        LocalDate min = LocalDate.MinIsoValue;
        Assert.Equal(MailboxActivity.Active, Policy.StatusOn(min, min));
        Assert.Equal(MailboxActivity.Active, Policy.StatusOn(min, new LocalDate(-9998, 3, 1)));
        Assert.Equal(MailboxActivity.Unpublished, Policy.StatusOn(min, new LocalDate(-9998, 3, 2)));
        Assert.Equal(MailboxActivity.Deleted, Policy.StatusOn(min, LocalDate.MaxIsoValue));
        Assert.Equal(MailboxActivity.Active, Policy.StatusOn(LocalDate.MaxIsoValue, min));
    }

    [Fact]
    public void DailyRun_OnMinIsoValue_EmptyAndPreviousRunIsTheSameDay()
    {
        InactivityRun run = Policy.DailyRun([], LocalDate.MinIsoValue);
        Assert.Equal(LocalDate.MinIsoValue, run.PreviousRun);
        Assert.Equal(LocalDate.MinIsoValue, run.Today);
        Assert.Empty(run.ToUnpublish);
        Assert.Empty(run.ToAlert);
        Assert.Empty(run.ToDelete);
    }

    [Fact]
    public void DailyRun_OnMinIsoValue_BoxConnectedThatDay_NothingToDo()
    {
        InactivityRun run = Policy.DailyRun([LocalDate.MinIsoValue], LocalDate.MinIsoValue);
        Assert.Empty(run.ToUnpublish);
        Assert.Empty(run.ToAlert);
        Assert.Empty(run.ToDelete);
    }

    [Fact]
    public void DailyRun_NearMinIsoValue_FindsTheTransitions()
    {
        LocalDate min = LocalDate.MinIsoValue;
        LocalDate[] boxes = [min, min.PlusDays(1)];
        Assert.Equal([0], Policy.DailyRun(boxes, new LocalDate(-9998, 3, 2)).ToUnpublish);
        Assert.Equal([1], Policy.DailyRun(boxes, new LocalDate(-9998, 3, 3)).ToUnpublish);
        Assert.Equal([0], Policy.DailyRun(boxes, new LocalDate(-9998, 11, 1)).ToAlert);
        Assert.Equal([0], Policy.DailyRun(boxes, new LocalDate(-9997, 1, 1)).ToDelete);

        // A run over the whole first year of the calendar reports both boxes for unpublication and alert.
        InactivityRun year = Policy.DailyRun(boxes, min, new LocalDate(-9998, 12, 31));
        Assert.Equal([0, 1], year.ToUnpublish);
        Assert.Equal([0, 1], year.ToAlert);
        Assert.Empty(year.ToDelete);
    }

    [Fact]
    public void DailyRun_OnMaxIsoValue_TransitionsOfTheLastDayOnly()
    {
        // 9998-12-31: deleted on 9999-12-31. 9999-11-01: unpublished on 9999-12-31. 9999-01-01: alerted on 9999-11-01.
        LocalDate[] boxes = [Day("9998-12-31"), Day("9999-11-01"), Day("9999-01-01"), LocalDate.MaxIsoValue];
        InactivityRun run = Policy.DailyRun(boxes, LocalDate.MaxIsoValue);
        Assert.Equal([1], run.ToUnpublish);
        Assert.Empty(run.ToAlert);
        Assert.Equal([0], run.ToDelete);

        InactivityRun alertDay = Policy.DailyRun(boxes, Day("9999-11-01"));
        Assert.Equal([2], alertDay.ToAlert);
    }

    // A deletion period of exactly 400 days has no slack in its day bound (366 a year, 31 a month): the last
    // connections whose deletion would pass 9999-12-31 must go through the 400-year path, on the last day too.
    // 9999-12-31 − 400 days = 9998-11-26; − 370 days = 9998-12-26; − 10 days = 9999-12-21 (9999 is not a leap year).
    [Fact]
    public void DailyRun_OnMaxIsoValue_DeletionPeriodWithoutSlack_FindsTheTransitions()
    {
        var policy = new InactivityPolicy(Period.FromDays(10), Period.FromDays(400), Period.FromDays(30));
        LocalDate[] boxes = [Day("9998-11-26"), Day("9999-12-21"), Day("9998-12-26"), Day("9998-11-27")];
        InactivityRun run = policy.DailyRun(boxes, Day("9999-12-30"), LocalDate.MaxIsoValue);
        Assert.Equal([0], run.ToDelete);
        Assert.Equal([1], run.ToUnpublish);
        Assert.Equal([2], run.ToAlert);
        Assert.Equal(Day("9999-12-31"), policy.ScheduleFor(Day("9998-11-26")).DeleteOn);
        Assert.Throws<ArgumentOutOfRangeException>(() => policy.ScheduleFor(Day("9998-11-27")));
    }

    [Fact]
    public void DailyRun_WholeRange_NeverThrows()
    {
        LocalDate[] boxes = [LocalDate.MinIsoValue, new LocalDate(2026, 1, 15), LocalDate.MaxIsoValue];
        InactivityRun run = Policy.DailyRun(boxes, LocalDate.MinIsoValue, LocalDate.MaxIsoValue);
        Assert.Equal([0, 1], run.ToUnpublish); // the last box's transitions are after the last date
        Assert.Equal([0, 1], run.ToAlert);
        Assert.Equal([0, 1], run.ToDelete);
    }

    [Fact]
    public void DailyRun_Instants_WholeRange_NeverThrows()
    {
        Instant[] boxes = [Instant.MinValue, At("2026-01-15T10:00:00Z"), Instant.MaxValue];
        InactivityRun run = Policy.DailyRun(boxes, Paris, LocalDate.MinIsoValue, LocalDate.MaxIsoValue);
        Assert.Equal([0, 1], run.ToUnpublish);
        Assert.Equal([0, 1], run.ToAlert);
        Assert.Equal([0, 1], run.ToDelete);
        Assert.Empty(Policy.DailyRun(boxes, Paris, LocalDate.MinIsoValue, LocalDate.MinIsoValue).ToUnpublish);
        Assert.Empty(Policy.DailyRun(boxes, Paris, LocalDate.MaxIsoValue, LocalDate.MaxIsoValue).ToUnpublish);
    }

    [Fact]
    public void DailyRun_Instants_AtTheEnds_AgreeWithDays()
    {
        // Instant.MinValue is on the first date in Paris (UTC+0:09:21 then): unpublished on −9998-03-02.
        Instant[] boxes = [Instant.MinValue];
        Assert.Equal([0], Policy.DailyRun(boxes, Paris, new LocalDate(-9998, 3, 1), new LocalDate(-9998, 3, 2)).ToUnpublish);

        // Near Instant.MaxValue in a zone west of UTC.
        DateTimeZone honolulu = DateTimeZoneProviders.Tzdb["Pacific/Honolulu"];
        Instant late = At("9999-11-01T12:00:00Z"); // 9999-11-01 in Honolulu too (UTC−10): unpublished on 9999-12-31
        Assert.Equal([0], Policy.DailyRun([late], honolulu, Day("9999-12-30"), LocalDate.MaxIsoValue).ToUnpublish);
    }

    // On −9998-03-01 the unpublication window holds the last connections of −9997-12-31 only: a day before the first
    // date, so no instant, although Paris's first midnight (UTC+0:09:21) is before Instant.MinValue.
    [Fact]
    public void DailyRun_Instants_WindowBeforeTheFirstDate_TakesNothing()
    {
        Instant[] boxes = [Instant.MinValue, At("2026-01-15T10:00:00Z")];
        InactivityRun run = Policy.DailyRun(boxes, Paris, new LocalDate(-9998, 2, 28), new LocalDate(-9998, 3, 1));
        Assert.Empty(run.ToUnpublish);
        Assert.Empty(run.ToAlert);
        Assert.Empty(run.ToDelete);
    }

    // West of UTC the first date starts after Instant.MinValue: in Honolulu (UTC−10:31 then) Instant.MinValue is on
    // −9999-12-31, a day before the first date, and not in the window of a connection on −9998-01-01 (unpublished on
    // −9998-03-02).
    [Fact]
    public void DailyRun_Instants_BeforeTheFirstMidnightWestOfUtc_NotOnTheFirstDate()
    {
        DateTimeZone honolulu = DateTimeZoneProviders.Tzdb["Pacific/Honolulu"];
        Instant firstMidnight = honolulu.AtStartOfDay(LocalDate.MinIsoValue).ToInstant();
        Instant[] boxes = [Instant.MinValue, firstMidnight, firstMidnight - Duration.Epsilon];
        InactivityRun run = Policy.DailyRun(boxes, honolulu, new LocalDate(-9998, 3, 1), new LocalDate(-9998, 3, 2));
        Assert.Equal([1], run.ToUnpublish);
    }

    // With a one-day unpublication period, the run of 9999-12-31 unpublishes the connections of 9999-12-30: the window
    // ends at the start of the last date, and a connection on the last date is not in it.
    [Fact]
    public void DailyRun_Instants_WindowEndingOnTheLastDate_StopsAtItsStart()
    {
        var policy = new InactivityPolicy(Period.FromDays(1), Period.FromYears(1), Period.FromMonths(2));
        Instant[] boxes = [At("9999-12-30T12:00:00Z"), At("9999-12-31T00:00:00Z"), At("9999-12-30T23:59:59Z")];
        InactivityRun run = policy.DailyRun(boxes, DateTimeZone.Utc, Day("9999-12-30"), LocalDate.MaxIsoValue);
        Assert.Equal([0, 2], run.ToUnpublish);
    }

    [Fact]
    public void DayOf_InstantMaxValueInParis_ThrowsArgumentOutOfRange()
    {
        // 9999-12-31T23:59:59Z is 10000-01-01 in Paris: not a date NodaTime represents.
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => InactivityPolicy.DayOf(Instant.MaxValue));
        Assert.Equal("instant", e.ParamName);
        Assert.Equal(LocalDate.MaxIsoValue, InactivityPolicy.DayOf(Instant.MaxValue, DateTimeZone.Utc));
    }

    // BAL-5: D is the Paris calendar day. Midnight in Paris is 23:00 UTC in winter (CET) and 22:00 UTC in summer (CEST).
    // 2025-03-10 + 60 days = 2025-05-09; 2025-03-09 + 60 days = 2025-05-08.
    [Fact]
    public void DailyRun_Instants_ParisMidnightInWinter_CountsTheParisDay()
    {
        Instant midnight = At("2025-03-09T23:00:00Z"); // 2025-03-10 00:00 Paris
        Instant justBefore = midnight - Duration.Epsilon; // 2025-03-09 23:59:59.999999999 Paris
        Instant[] boxes = [justBefore, midnight];
        Assert.Equal([0], Policy.DailyRun(boxes, Day("2025-05-07"), Day("2025-05-08")).ToUnpublish);
        Assert.Equal([1], Policy.DailyRun(boxes, Day("2025-05-08"), Day("2025-05-09")).ToUnpublish);
        Assert.Equal([0, 1], Policy.DailyRun(boxes, Day("2025-05-07"), Day("2025-05-09")).ToUnpublish);
    }

    // 2025-07-02 + 60 days = 2025-08-31; 2025-07-01 + 60 days = 2025-08-30.
    [Fact]
    public void DailyRun_Instants_ParisMidnightInSummer_CountsTheParisDay()
    {
        Instant midnight = At("2025-07-01T22:00:00Z"); // 2025-07-02 00:00 Paris (CEST)
        Instant[] boxes = [midnight - Duration.Epsilon, midnight, At("2025-07-01T23:00:00Z")];
        Assert.Equal([0], Policy.DailyRun(boxes, Day("2025-08-29"), Day("2025-08-30")).ToUnpublish);
        Assert.Equal([1, 2], Policy.DailyRun(boxes, Day("2025-08-30"), Day("2025-08-31")).ToUnpublish);

        // The same boxes read in UTC: the 22:00 and 23:00 connections are on 2025-07-01 there.
        Assert.Equal([0, 1, 2], Policy.DailyRun(boxes, DateTimeZone.Utc, Day("2025-08-29"), Day("2025-08-30")).ToUnpublish);
    }

    // The clock-change nights: 2025-03-30 (02:00 → 03:00) and 2025-10-26 (03:00 → 02:00). Midnight exists on both days.
    // 2025-03-30 + 60 days = 2025-05-29; 2025-10-26 + 60 days = 2025-12-25.
    [Fact]
    public void DailyRun_Instants_ClockChangeDays_StartAtParisMidnight()
    {
        Instant spring = At("2025-03-29T23:00:00Z"); // 2025-03-30 00:00 CET
        Instant autumn = At("2025-10-25T22:00:00Z"); // 2025-10-26 00:00 CEST
        Instant[] boxes = [spring - Duration.Epsilon, spring, autumn - Duration.Epsilon, autumn];
        Assert.Equal([1], Policy.DailyRun(boxes, Day("2025-05-28"), Day("2025-05-29")).ToUnpublish);
        Assert.Equal([3], Policy.DailyRun(boxes, Day("2025-12-24"), Day("2025-12-25")).ToUnpublish);
        Assert.Equal([2], Policy.DailyRun(boxes, Day("2025-12-23"), Day("2025-12-24")).ToUnpublish);
    }

    // The last dates use the 400-year period of the calendar; 400 years earlier the direct arithmetic applies, and the
    // states must be the same day for day (both paths, every last connection of the last 800 days, every state boundary).
    [Fact]
    public void StatusOn_LastDates_SameAs400YearsEarlier()
    {
        var cycle = Period.FromYears(400);
        for (LocalDate last = LocalDate.MaxIsoValue.PlusDays(-800); last <= LocalDate.MaxIsoValue; last = last.PlusDays(1))
        {
            LocalDate earlier = last.Minus(cycle);
            InactivitySchedule reference = Policy.ScheduleFor(earlier);
            foreach (LocalDate day in new[] { reference.UnpublishOn, reference.DeletionAlertOn, reference.DeleteOn })
            {
                foreach (int delta in new[] { -1, 0 })
                {
                    LocalDate before = day.PlusDays(delta);
                    if (before.Year + 400 <= LocalDate.MaxIsoValue.Year)
                    {
                        Assert.Equal(Policy.StatusOn(earlier, before), Policy.StatusOn(last, before.Plus(cycle)));
                    }
                }
            }

            if (last == LocalDate.MaxIsoValue)
            {
                break;
            }
        }
    }
}
