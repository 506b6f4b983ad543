using Mss.Core.Mailboxes;
using NodaTime;
using NodaTime.Text;

namespace Mss.Core.Tests.Mailboxes;

/// <summary>
/// BAL-5 policy construction and the daily run's plumbing: each refusal names the period at fault, limits are
/// inclusive, the ordering check refuses equal days, calendars other than ISO are converted, long result lists grow.
/// Written against the survivors of a Stryker.NET run on InactivityPolicy.cs (tests/MUTATION.md).
/// </summary>
public class InactivityPolicyArgumentTest
{
    private static readonly Period Sixty = Period.FromDays(60);
    private static readonly Period Year = Period.FromYears(1);
    private static readonly Period Two = Period.FromMonths(2);

    private static LocalDate Day(string iso) => LocalDatePattern.Iso.Parse(iso).Value;

    public static TheoryData<Period, string> BadPeriods() => new()
    {
        { Period.FromHours(1), "time unit" },
        { Period.FromDays(60) + Period.FromMinutes(1), "time unit" },
        { Period.FromYears(-1), "negative" },
        { Period.FromMonths(-1), "negative" },
        { Period.FromWeeks(-1), "negative" },
        { Period.FromDays(-1), "negative" },
        { Period.Zero, "zero" },
        { Period.FromYears(10) + Period.FromDays(1), "over ten years" },   // 3,661 days at most
        { Period.FromYears(9) + Period.FromWeeks(53), "over ten years" },  // 3,665 days at most
        { Period.FromYears(9) + Period.FromMonths(12), "over ten years" }, // 3,666 days at most
    };

    // The refusal names the argument at fault, before the ordering check could refuse the policy for another reason.
    [Theory]
    [MemberData(nameof(BadPeriods))]
    public void Constructor_BadUnpublishPeriod_NamesIt(Period period, string why)
    {
        var e = Assert.Throws<ArgumentException>(() => new InactivityPolicy(period, Year, Two));
        Assert.True(e.ParamName == "unpublishAfter", why);
    }

    [Theory]
    [MemberData(nameof(BadPeriods))]
    public void Constructor_BadDeletePeriod_NamesIt(Period period, string why)
    {
        var e = Assert.Throws<ArgumentException>(() => new InactivityPolicy(Sixty, period, Two));
        Assert.True(e.ParamName == "deleteAfter", why);
    }

    [Fact]
    public void Constructor_TenYearsOfDays_Accepted()
    {
        // 3,660 days is the limit itself (ten years of 366 days), inclusive.
        var policy = new InactivityPolicy(Sixty, Period.FromDays(3660), Two);
        Assert.Equal(Day("2036-01-23"), policy.ScheduleFor(Day("2026-01-15")).DeleteOn); // 2026-01-15 + 3,660 days
    }

    // Unpublication and alert on the same day for every last connection: not strictly ordered, refused (BAL-5).
    [Fact]
    public void Constructor_AlertOnTheUnpublicationDay_Refused()
    {
        var e = Assert.Throws<ArgumentException>(() => new InactivityPolicy(Period.FromDays(300), Period.FromDays(400), Period.FromDays(100)));
        Assert.Equal("alertBeforeDeletion", e.ParamName);
    }

    [Fact]
    public void Constructor_AlertOneDayAfterUnpublication_Accepted()
    {
        var policy = new InactivityPolicy(Period.FromDays(299), Period.FromDays(400), Period.FromDays(100));
        Assert.Equal(new InactivitySchedule(Day("2026-11-11"), Day("2026-11-12"), Day("2027-02-20")), policy.ScheduleFor(Day("2026-01-16")));
    }

    // A 366-day deletion period: 9998-12-31 would be deleted on 10000-01-01, which does not exist.
    [Fact]
    public void ScheduleFor_CustomPolicyPastTheLastDate_ThrowsArgumentOutOfRange()
    {
        var policy = new InactivityPolicy(Sixty, Period.FromDays(366), Two);
        Assert.Throws<ArgumentOutOfRangeException>(() => policy.ScheduleFor(Day("9998-12-31")));
        Assert.Equal(Day("9999-12-31"), policy.ScheduleFor(Day("9998-12-30")).DeleteOn);
    }

    // A Julian-calendar day is converted to ISO before the day arithmetic (13 days apart in 2026).
    [Fact]
    public void DailyRun_JulianLastConnection_SameAsItsIsoDay()
    {
        LocalDate iso = Day("2026-01-15");
        LocalDate julian = iso.WithCalendar(CalendarSystem.Julian);
        InactivityRun run = InactivityPolicy.Default.DailyRun([julian, iso], Day("2026-03-16"));
        Assert.Equal([0, 1], run.ToUnpublish);
    }

    // More boxes than the result lists' first capacity (256): every one is reported, in order.
    [Fact]
    public void DailyRun_ManyBoxesTheSameDay_AllReported()
    {
        LocalDate[] boxes = Enumerable.Repeat(Day("2026-01-15"), 1000).ToArray();
        InactivityRun run = InactivityPolicy.Default.DailyRun(boxes, Day("2026-03-16"));
        Assert.Equal(Enumerable.Range(0, 1000), run.ToUnpublish);
        Instant[] instants = Enumerable.Repeat(Instant.FromUtc(2026, 1, 15, 9, 0), 600).ToArray();
        Assert.Equal(Enumerable.Range(0, 600), InactivityPolicy.Default.DailyRun(instants, Day("2026-03-15"), Day("2026-03-16")).ToUnpublish);
    }

    [Fact]
    public void DailyRun_InstantsWithoutZone_ThrowsArgumentNull()
    {
        var e = Assert.Throws<ArgumentNullException>(() => InactivityPolicy.Default.DailyRun([Instant.FromUtc(2026, 1, 15, 9, 0)], null!, Day("2026-03-15"), Day("2026-03-16")));
        Assert.Equal("zone", e.ParamName);
    }
}
