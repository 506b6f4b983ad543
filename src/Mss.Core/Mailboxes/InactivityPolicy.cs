using System;
using System.Runtime.CompilerServices;
using NodaTime;

namespace Mss.Core.Mailboxes;

/// <summary>
/// When an idle mailbox leaves the directory, when its holder is alerted and when it is deleted (BAL-5, seed 002,
/// seed 004 FAQ 14). Let D be the Europe/Paris calendar day of the last connection: the box is unpublished from the
/// Annuaire Santé on D + 60 days, deleted on D + 1 calendar year (29 February + 1 year = 28 February), and its holder
/// is alerted on the deletion day − 2 months, clamped to the month's end (30 April − 2 months = 28/29 February).
/// Each state holds from its day on (inclusive); any new connection restarts the clock.
/// </summary>
/// <remarks>
/// <para>
/// Operators whose terms differ build their own policy with the constructor. Calendar arithmetic is NodaTime's
/// (<see cref="LocalDate.Plus(Period)"/>: years, then months, then weeks and days; a day that does not exist in the
/// target month becomes the month's last day). All dates are read in the ISO calendar (others are converted).
/// </para>
/// <para>
/// Time comes only from arguments: a <see cref="LocalDate"/>, an <see cref="Instant"/> read in a
/// <see cref="DateTimeZone"/> (Europe/Paris by default), or an <see cref="IClock"/>.
/// </para>
/// <para>
/// The ends of NodaTime's calendar (<see cref="LocalDate.MinIsoValue"/>, <see cref="LocalDate.MaxIsoValue"/>, issue 16):
/// the Gregorian calendar repeats every 400 years, so a transition day is computed exactly for every last-connection
/// day, even when it falls after <see cref="LocalDate.MaxIsoValue"/>. Such a day never comes:
/// <see cref="StatusOn(LocalDate, LocalDate)"/> and the daily runs answer for every date and never report it, while
/// <see cref="ScheduleFor(LocalDate)"/>, whose result holds the days themselves, throws
/// <see cref="ArgumentOutOfRangeException"/> for a last connection whose deletion day would be after the last date.
/// </para>
/// <para>Instances are immutable and thread-safe.</para>
/// </remarks>
public sealed class InactivityPolicy
{
    /// <summary>Longest period a policy accepts, in days of its longest reading (ten years of 366 days).</summary>
    private const int MaxPeriodDays = 3660;

    // The ordering check runs over every last-connection day of these years: with periods of at most ten years they
    // hold every leap-year pattern of the Gregorian calendar, the non-leap century year 2100 included.
    private static readonly LocalDate CheckFrom = new(2088, 1, 1);
    private static readonly LocalDate CheckTo = new(2112, 12, 31);

    /// <summary>Days in 400 Gregorian years: the calendar's period (month lengths and leap years repeat).</summary>
    private const int GregorianCycleDays = 146097;

    /// <summary>Day numbers of the first and last dates NodaTime represents.</summary>
    private static readonly int MinDay = DayNumber(LocalDate.MinIsoValue);
    private static readonly int MaxDay = DayNumber(LocalDate.MaxIsoValue);

    /// <summary>Day number of 2000-03-01: a 400-year cycle starts there, far from both ends of the range.</summary>
    private static readonly int CycleAnchor = DayNumber(new LocalDate(2000, 3, 1));

    private readonly int _searchSpan;

    /// <summary>Last-connection day numbers in [<see cref="MinDay"/>, this] have every transition day inside NodaTime's range.</summary>
    private readonly int _lastDirectDay;

    /// <summary>
    /// Creates a policy with other durations than <see cref="Default"/>, for an operator whose terms differ (BAL-5).
    /// </summary>
    /// <param name="unpublishAfter">Time from the last connection's day to the unpublication day (default 60 days).</param>
    /// <param name="deleteAfter">Time from the last connection's day to the deletion day (default 1 year).</param>
    /// <param name="alertBeforeDeletion">Time from the alert day to the deletion day, subtracted from the deletion day (default 2 months).</param>
    /// <exception cref="ArgumentNullException">A period is null.</exception>
    /// <exception cref="ArgumentException">
    /// A period has a time unit (hours and smaller: the policy counts calendar days), a negative component, is zero, or
    /// may exceed ten years; or the schedule is not strictly ordered — last connection &lt; unpublication &lt; alert &lt;
    /// deletion — for some last-connection day (checked for every day of 2088–2112, which holds every leap-year pattern
    /// of the Gregorian calendar).
    /// </exception>
    public InactivityPolicy(Period unpublishAfter, Period deleteAfter, Period alertBeforeDeletion)
        : this(unpublishAfter, deleteAfter, alertBeforeDeletion, checkOrder: true)
    {
    }

    private InactivityPolicy(Period unpublishAfter, Period deleteAfter, Period alertBeforeDeletion, bool checkOrder)
    {
        UnpublishAfter = CheckPeriod(unpublishAfter, nameof(unpublishAfter));
        DeleteAfter = CheckPeriod(deleteAfter, nameof(deleteAfter));
        AlertBeforeDeletion = CheckPeriod(alertBeforeDeletion, nameof(alertBeforeDeletion));
        _searchSpan = MaxDays(deleteAfter) + 1;
        _lastDirectDay = MaxDay - _searchSpan;
        if (checkOrder)
        {
            for (LocalDate day = CheckFrom; day <= CheckTo; day = day.PlusDays(1))
            {
                // A positive date period moves a day strictly: last connection < unpublication and alert < deletion
                // always hold, so only the middle of the order can fail.
                InactivitySchedule s = ScheduleFor(day);
                if (!(s.UnpublishOn < s.DeletionAlertOn))
                {
                    throw new ArgumentException(
                        "The schedule must stay strictly ordered: last connection < unpublication < deletion alert < deletion (BAL-5).",
                        nameof(alertBeforeDeletion));
                }
            }
        }
    }

    /// <summary>The policy of BAL-5: unpublished after 60 days, deleted after 1 year, alerted 2 months before deletion.</summary>
    public static InactivityPolicy Default { get; } = new(Period.FromDays(60), Period.FromYears(1), Period.FromMonths(2), checkOrder: false);

    /// <summary>The Europe/Paris time zone of the IANA database shipped with NodaTime: the zone of BAL-5's calendar day.</summary>
    public static DateTimeZone Paris { get; } = DateTimeZoneProviders.Tzdb["Europe/Paris"];

    /// <summary>Time from the last connection's day to the unpublication day (BAL-5; default 60 days).</summary>
    public Period UnpublishAfter { get; }

    /// <summary>Time from the last connection's day to the deletion day (BAL-5; default 1 year).</summary>
    public Period DeleteAfter { get; }

    /// <summary>Time from the alert day to the deletion day (BAL-5; default 2 months).</summary>
    public Period AlertBeforeDeletion { get; }

    /// <summary>The Europe/Paris calendar day of an instant: the D of BAL-5 for a last connection.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The day in Paris.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The day in Paris is after <see cref="LocalDate.MaxIsoValue"/> (the last hour of <see cref="Instant.MaxValue"/>'s day).
    /// </exception>
    public static LocalDate DayOf(Instant instant) => DayOf(instant, Paris);

    /// <summary>The calendar day of an instant in <paramref name="zone"/>.</summary>
    /// <param name="instant">The instant.</param>
    /// <param name="zone">The zone.</param>
    /// <returns>The day in that zone.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The day in <paramref name="zone"/> is outside NodaTime's dates (near <see cref="Instant.MinValue"/> or
    /// <see cref="Instant.MaxValue"/>, in a zone whose offset takes it past the first or last date).
    /// </exception>
    public static LocalDate DayOf(Instant instant, DateTimeZone zone)
    {
        if (zone is null)
        {
            throw new ArgumentNullException(nameof(zone));
        }

        try
        {
            return instant.InZone(zone).Date;
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
        {
            throw new ArgumentOutOfRangeException(nameof(instant), "The instant's day in this zone is outside the dates NodaTime represents.");
        }
    }

    /// <summary>Today in Europe/Paris, from <paramref name="clock"/>: the calendar day BAL-5 counts in.</summary>
    /// <param name="clock">The clock.</param>
    /// <returns>The day in Paris.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="clock"/> is null.</exception>
    public static LocalDate Today(IClock clock) => DayOf((clock ?? throw new ArgumentNullException(nameof(clock))).GetCurrentInstant());

    /// <summary>The days a box changes state, from the day of its last connection (BAL-5).</summary>
    /// <param name="lastConnection">The day of the last connection (Europe/Paris calendar day for BAL-5).</param>
    /// <returns>The unpublication, alert and deletion days.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The deletion day would be after <see cref="LocalDate.MaxIsoValue"/> (9999-12-31): with the default policy, a last
    /// connection in the year 9999. <see cref="StatusOn(LocalDate, LocalDate)"/> answers for those days.
    /// </exception>
    public InactivitySchedule ScheduleFor(LocalDate lastConnection)
    {
        LocalDate day = ToIso(lastConnection);
        int dayNumber = DayNumber(day);
        if (dayNumber <= _lastDirectDay)
        {
            LocalDate deleteOn = day.Plus(DeleteAfter);
            return new InactivitySchedule(day.Plus(UnpublishAfter), deleteOn.Minus(AlertBeforeDeletion), deleteOn);
        }

        ScheduleDays days = DaysFor(dayNumber);
        if (days.Delete > MaxDay)
        {
            throw new ArgumentOutOfRangeException(
                nameof(lastConnection),
                "The deletion day would be after the last date NodaTime represents (9999-12-31); StatusOn answers for this day (BAL-5).");
        }

        return new InactivitySchedule(FromDayNumber(days.Unpublish), FromDayNumber(days.Alert), FromDayNumber(days.Delete));
    }

    /// <summary>The days a box changes state, from the instant of its last connection read in Europe/Paris (BAL-5).</summary>
    /// <param name="lastConnection">The instant of the last connection.</param>
    /// <returns>The unpublication, alert and deletion days.</returns>
    public InactivitySchedule ScheduleFor(Instant lastConnection) => ScheduleFor(DayOf(lastConnection));

    /// <summary>The days a box changes state, from the instant of its last connection read in <paramref name="zone"/> (BAL-5).</summary>
    /// <param name="lastConnection">The instant of the last connection.</param>
    /// <param name="zone">The zone whose calendar day counts.</param>
    /// <returns>The unpublication, alert and deletion days.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null.</exception>
    public InactivitySchedule ScheduleFor(Instant lastConnection, DateTimeZone zone) => ScheduleFor(DayOf(lastConnection, zone));

    /// <summary>
    /// The state of a box on <paramref name="today"/> (BAL-5): each state from its day on, inclusive. A last connection
    /// on or after <paramref name="today"/> means <see cref="MailboxActivity.Active"/>. Answers for every pair of dates,
    /// <see cref="LocalDate.MinIsoValue"/> and <see cref="LocalDate.MaxIsoValue"/> included: a transition day after the
    /// last date never comes.
    /// </summary>
    /// <param name="lastConnection">The day of the last connection.</param>
    /// <param name="today">The day to evaluate.</param>
    /// <returns>The state that day.</returns>
    public MailboxActivity StatusOn(LocalDate lastConnection, LocalDate today)
    {
        LocalDate day = ToIso(lastConnection);
        int dayNumber = DayNumber(day);
        if (dayNumber <= _lastDirectDay)
        {
            return ScheduleFor(day).StatusOn(ToIso(today));
        }

        ScheduleDays days = DaysFor(dayNumber);
        int todayNumber = DayNumber(today);
        return todayNumber >= days.Delete ? MailboxActivity.Deleted
            : todayNumber >= days.Alert ? MailboxActivity.DeletionAlerted
            : todayNumber >= days.Unpublish ? MailboxActivity.Unpublished
            : MailboxActivity.Active;
    }

    /// <summary>The state on <paramref name="today"/> of a box last connected at an instant, read in Europe/Paris (BAL-5).</summary>
    /// <param name="lastConnection">The instant of the last connection.</param>
    /// <param name="today">The day to evaluate.</param>
    /// <returns>The state that day.</returns>
    public MailboxActivity StatusOn(Instant lastConnection, LocalDate today) => StatusOn(DayOf(lastConnection), today);

    /// <summary>The state on <paramref name="today"/> of a box last connected at an instant, read in <paramref name="zone"/> (BAL-5).</summary>
    /// <param name="lastConnection">The instant of the last connection.</param>
    /// <param name="zone">The zone whose calendar day counts.</param>
    /// <param name="today">The day to evaluate.</param>
    /// <returns>The state that day.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null.</exception>
    public MailboxActivity StatusOn(Instant lastConnection, DateTimeZone zone, LocalDate today) => StatusOn(DayOf(lastConnection, zone), today);

    /// <summary>The state at <paramref name="now"/> of a box last connected at an instant, both read in Europe/Paris (BAL-5).</summary>
    /// <param name="lastConnection">The instant of the last connection.</param>
    /// <param name="now">The instant to evaluate.</param>
    /// <returns>The state then.</returns>
    public MailboxActivity StatusAt(Instant lastConnection, Instant now) => StatusOn(DayOf(lastConnection), DayOf(now));

    /// <summary>The state at <paramref name="now"/> of a box last connected at an instant, both read in <paramref name="zone"/> (BAL-5).</summary>
    /// <param name="lastConnection">The instant of the last connection.</param>
    /// <param name="now">The instant to evaluate.</param>
    /// <param name="zone">The zone whose calendar days count.</param>
    /// <returns>The state then.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null.</exception>
    public MailboxActivity StatusAt(Instant lastConnection, Instant now, DateTimeZone zone) => StatusOn(DayOf(lastConnection, zone), DayOf(now, zone));

    /// <summary>The state today (Europe/Paris, from <paramref name="clock"/>) of a box last connected on a day (BAL-5).</summary>
    /// <param name="lastConnection">The day of the last connection.</param>
    /// <param name="clock">The clock that says what day it is.</param>
    /// <returns>The state today.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="clock"/> is null.</exception>
    public MailboxActivity CurrentStatus(LocalDate lastConnection, IClock clock) => StatusOn(lastConnection, Today(clock));

    /// <summary>The state now (from <paramref name="clock"/>) of a box last connected at an instant, both read in Europe/Paris (BAL-5).</summary>
    /// <param name="lastConnection">The instant of the last connection.</param>
    /// <param name="clock">The clock.</param>
    /// <returns>The state now.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="clock"/> is null.</exception>
    public MailboxActivity CurrentStatus(Instant lastConnection, IClock clock) => StatusOn(DayOf(lastConnection), Today(clock));

    /// <summary>
    /// The operator's daily run when the previous run was yesterday: the boxes whose unpublication, alert or deletion
    /// day is <paramref name="today"/> (BAL-5). See <see cref="DailyRun(ReadOnlySpan{LocalDate}, LocalDate, LocalDate)"/>.
    /// On <see cref="LocalDate.MinIsoValue"/>, which has no day before it, the previous run is that day too: nothing
    /// changes state on the first date, since every transition comes after a last connection.
    /// </summary>
    /// <param name="lastConnections">The day of each box's last connection.</param>
    /// <param name="today">The day of the run.</param>
    /// <returns>Indices of the boxes to unpublish, alert and delete.</returns>
    public InactivityRun DailyRun(ReadOnlySpan<LocalDate> lastConnections, LocalDate today)
    {
        LocalDate day = ToIso(today);
        return DailyRun(lastConnections, day == LocalDate.MinIsoValue ? day : day.PlusDays(-1), day);
    }

    /// <summary>
    /// The operator's daily run (BAL-5): the boxes whose unpublication, alert or deletion day fell after
    /// <paramref name="previousRun"/> and on or before <paramref name="today"/> — so transitions missed on skipped days
    /// are reported too, and a rerun on the same day reports nothing. A box is in a list exactly when its
    /// <see cref="StatusOn(LocalDate, LocalDate)"/> reaches that state by <paramref name="today"/> and had not by
    /// <paramref name="previousRun"/>.
    /// </summary>
    /// <remarks>
    /// The calendar arithmetic runs once per call, not per box: each transition day is a non-decreasing function of the
    /// last connection day, so the last connections whose transition falls in the window form an interval, found by
    /// binary search (so the non-injective 29 February → 28 February is handled). Each box then costs three integer range
    /// comparisons; nothing is allocated per box beyond the result lists.
    /// </remarks>
    /// <param name="lastConnections">The day of each box's last connection.</param>
    /// <param name="previousRun">The day of the previous run (yesterday when no day was skipped).</param>
    /// <param name="today">The day of this run.</param>
    /// <returns>Indices into <paramref name="lastConnections"/> of the boxes to unpublish, alert and delete, ascending.</returns>
    /// <exception cref="ArgumentException"><paramref name="previousRun"/> is after <paramref name="today"/>.</exception>
    public InactivityRun DailyRun(ReadOnlySpan<LocalDate> lastConnections, LocalDate previousRun, LocalDate today)
    {
        RunWindow window = WindowFor(ref previousRun, ref today);
        var unpublish = new IndexList(lastConnections.Length);
        var alert = new IndexList(lastConnections.Length);
        var delete = new IndexList(lastConnections.Length);
        for (int i = 0; i < lastConnections.Length; i++)
        {
            int day = DayNumber(lastConnections[i]);
            if ((uint)(day - window.UnpublishFirst) < window.UnpublishCount)
            {
                unpublish.Add(i);
            }

            if ((uint)(day - window.AlertFirst) < window.AlertCount)
            {
                alert.Add(i);
            }

            if ((uint)(day - window.DeleteFirst) < window.DeleteCount)
            {
                delete.Add(i);
            }
        }

        return new InactivityRun(previousRun, today, unpublish.ToList(), alert.ToList(), delete.ToList());
    }

    /// <summary>The daily run (BAL-5) with today's date in Europe/Paris from <paramref name="clock"/>; see <see cref="DailyRun(ReadOnlySpan{LocalDate}, LocalDate, LocalDate)"/>.</summary>
    /// <param name="lastConnections">The day of each box's last connection.</param>
    /// <param name="previousRun">The day of the previous run.</param>
    /// <param name="clock">The clock that says what day it is.</param>
    /// <returns>Indices of the boxes to unpublish, alert and delete.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="clock"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="previousRun"/> is after today.</exception>
    public InactivityRun DailyRun(ReadOnlySpan<LocalDate> lastConnections, LocalDate previousRun, IClock clock) =>
        DailyRun(lastConnections, previousRun, Today(clock));

    /// <summary>
    /// The daily run (BAL-5) for last connections kept as instants, read in Europe/Paris; see
    /// <see cref="DailyRun(ReadOnlySpan{LocalDate}, LocalDate, LocalDate)"/>.
    /// </summary>
    /// <param name="lastConnections">The instant of each box's last connection.</param>
    /// <param name="previousRun">The day of the previous run.</param>
    /// <param name="today">The day of this run.</param>
    /// <returns>Indices of the boxes to unpublish, alert and delete.</returns>
    /// <exception cref="ArgumentException"><paramref name="previousRun"/> is after <paramref name="today"/>.</exception>
    public InactivityRun DailyRun(ReadOnlySpan<Instant> lastConnections, LocalDate previousRun, LocalDate today) =>
        DailyRun(lastConnections, Paris, previousRun, today);

    /// <summary>
    /// The daily run (BAL-5) for last connections kept as instants, read in <paramref name="zone"/>; see
    /// <see cref="DailyRun(ReadOnlySpan{LocalDate}, LocalDate, LocalDate)"/>. The day intervals become instant intervals
    /// (from the start of the first day to the start of the day after the last), so each box costs instant comparisons.
    /// </summary>
    /// <param name="lastConnections">The instant of each box's last connection.</param>
    /// <param name="zone">The zone whose calendar days count.</param>
    /// <param name="previousRun">The day of the previous run.</param>
    /// <param name="today">The day of this run.</param>
    /// <returns>Indices of the boxes to unpublish, alert and delete.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="previousRun"/> is after <paramref name="today"/>.</exception>
    public InactivityRun DailyRun(ReadOnlySpan<Instant> lastConnections, DateTimeZone zone, LocalDate previousRun, LocalDate today)
    {
        if (zone is null)
        {
            throw new ArgumentNullException(nameof(zone));
        }

        RunWindow window = WindowFor(ref previousRun, ref today);
        InstantWindow unpublishWindow = InstantWindow.For(window.UnpublishFirst, window.UnpublishCount, zone);
        InstantWindow alertWindow = InstantWindow.For(window.AlertFirst, window.AlertCount, zone);
        InstantWindow deleteWindow = InstantWindow.For(window.DeleteFirst, window.DeleteCount, zone);
        var unpublish = new IndexList(lastConnections.Length);
        var alert = new IndexList(lastConnections.Length);
        var delete = new IndexList(lastConnections.Length);
        for (int i = 0; i < lastConnections.Length; i++)
        {
            Instant at = lastConnections[i];
            if (unpublishWindow.Contains(at))
            {
                unpublish.Add(i);
            }

            if (alertWindow.Contains(at))
            {
                alert.Add(i);
            }

            if (deleteWindow.Contains(at))
            {
                delete.Add(i);
            }
        }

        return new InactivityRun(previousRun, today, unpublish.ToList(), alert.ToList(), delete.ToList());
    }

    /// <summary>Days since 1970-01-01 of an ISO date (others converted). Pure integer arithmetic (H. Hinnant's days_from_civil).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int DayNumber(LocalDate date)
    {
        if (date.Calendar != CalendarSystem.Iso)
        {
            date = date.WithCalendar(CalendarSystem.Iso);
        }

        int y = date.Year;
        int m = date.Month;
        int d = date.Day;
        y -= m <= 2 ? 1 : 0;
        int era = (y >= 0 ? y : y - 399) / 400;
        int yearOfEra = y - (era * 400);
        int dayOfYear = ((153 * (m + (m > 2 ? -3 : 9))) + 2) / 5 + d - 1;
        int dayOfEra = (yearOfEra * 365) + (yearOfEra / 4) - (yearOfEra / 100) + dayOfYear;
        return (era * 146097) + dayOfEra - 719468;
    }

    /// <summary>The ISO date of a day number (days since 1970-01-01).</summary>
    internal static LocalDate FromDayNumber(int days) => new LocalDate(1970, 1, 1).PlusDays(days);

    private static LocalDate ToIso(LocalDate date) => date.Calendar == CalendarSystem.Iso ? date : date.WithCalendar(CalendarSystem.Iso);

    private static Period CheckPeriod(Period period, string name)
    {
        if (period is null)
        {
            throw new ArgumentNullException(name);
        }

        if (period.HasTimeComponent)
        {
            throw new ArgumentException("Inactivity periods count calendar days: years, months, weeks and days only (BAL-5).", name);
        }

        if (period.Years < 0 || period.Months < 0 || period.Weeks < 0 || period.Days < 0)
        {
            throw new ArgumentException("Inactivity periods may not have negative components (BAL-5).", name);
        }

        if (period.Years == 0 && period.Months == 0 && period.Weeks == 0 && period.Days == 0)
        {
            throw new ArgumentException("Inactivity periods may not be zero (BAL-5).", name);
        }

        return MaxDays(period) <= MaxPeriodDays
            ? period
            : throw new ArgumentException("Inactivity periods may not exceed ten years (BAL-5).", name);
    }

    /// <summary>An upper bound of the days a date-only period can span: 366 a year, 31 a month.</summary>
    private static int MaxDays(Period period) =>
        (int)Math.Min(int.MaxValue, (366L * period.Years) + (31L * period.Months) + (7L * period.Weeks) + period.Days);

    /// <summary>
    /// The transition day of kind <paramref name="transition"/> (0 unpublish, 1 alert, 2 delete) for a last-connection
    /// day, read from <see cref="ScheduleFor(LocalDate)"/> so that the daily run and the schedule share one BAL-5 arithmetic.
    /// </summary>
    private int TransitionDay(int transition, int lastConnection)
    {
        ScheduleDays days = DaysFor(lastConnection);
        return transition switch
        {
            0 => days.Unpublish,
            1 => days.Alert,
            _ => days.Delete,
        };
    }

    /// <summary>
    /// The transition day numbers of any last-connection day number, inside NodaTime's range or not: near either end the
    /// day is moved by whole 400-year cycles into the middle of the range, computed there by
    /// <see cref="ScheduleFor(LocalDate)"/>'s arithmetic, and moved back (the Gregorian calendar repeats every 400 years).
    /// </summary>
    private ScheduleDays DaysFor(int lastConnection)
    {
        int shift = 0;
        if (lastConnection < MinDay || lastConnection > _lastDirectDay)
        {
            int offset = lastConnection - CycleAnchor;
            int cycles = (offset >= 0 ? offset : offset - (GregorianCycleDays - 1)) / GregorianCycleDays;
            shift = cycles * GregorianCycleDays;
        }

        LocalDate day = FromDayNumber(lastConnection - shift);
        LocalDate deleteOn = day.Plus(DeleteAfter);
        return new ScheduleDays(
            DayNumber(day.Plus(UnpublishAfter)) + shift,
            DayNumber(deleteOn.Minus(AlertBeforeDeletion)) + shift,
            DayNumber(deleteOn) + shift);
    }

    /// <summary>
    /// The first last-connection day whose transition falls after <paramref name="after"/>. Transition days are
    /// non-decreasing in the last-connection day and later than it, so the answer is at most <paramref name="after"/>;
    /// a lower bound is found by stepping back, then the boundary by binary search.
    /// </summary>
    private int FirstAfter(int transition, int after)
    {
        int high = after;
        int low = after - _searchSpan;
        while (TransitionDay(transition, low) > after)
        {
            high = low;
            low -= _searchSpan;
        }

        while (high - low > 1)
        {
            int mid = low + ((high - low) / 2);
            if (TransitionDay(transition, mid) > after)
            {
                high = mid;
            }
            else
            {
                low = mid;
            }
        }

        return high;
    }

    /// <summary>Transition day numbers of one last-connection day (possibly after <see cref="LocalDate.MaxIsoValue"/>).</summary>
    private readonly record struct ScheduleDays(int Unpublish, int Alert, int Delete);

    /// <summary>
    /// The instants whose day in a zone is in [first, first + count): from the start of the first day to the start of the
    /// day after the last. A bound beyond the instants NodaTime represents is open (no bound on that side).
    /// </summary>
    private readonly struct InstantWindow
    {
        private readonly Instant _from;
        private readonly Instant _to;
        private readonly bool _empty;
        private readonly bool _unboundedBelow;
        private readonly bool _unboundedAbove;

        private InstantWindow(Instant from, bool unboundedBelow, Instant to, bool unboundedAbove, bool empty)
        {
            _from = from;
            _unboundedBelow = unboundedBelow;
            _to = to;
            _unboundedAbove = unboundedAbove;
            _empty = empty;
        }

        public static InstantWindow For(int first, uint count, DateTimeZone zone)
        {
            // The window never starts after the last date: first <= the previous run's day (FirstAfter returns at most
            // its argument). Its first day has no start instant only when it is before the first date, or is the first
            // date in a zone east of UTC (its midnight is before Instant.MinValue): then it is open below.
            long end = (long)first + count;
            if (count == 0 || end <= MinDay)
            {
                // No day of the window is a date NodaTime represents.
                return new InstantWindow(default, false, default, false, empty: true);
            }

            bool boundedBelow = TryStartOf(first, zone, out Instant from);
            Instant to = default;
            bool boundedAbove = end <= MaxDay && TryStartOf((int)end, zone, out to);
            return new InstantWindow(from, !boundedBelow, to, !boundedAbove, empty: false);
        }

        public bool Contains(Instant at) =>
            !_empty && (_unboundedBelow || at >= _from) && (_unboundedAbove || at < _to);

        /// <summary>The instant a day starts in a zone; false when the day or that instant is outside NodaTime's range.</summary>
        private static bool TryStartOf(int dayNumber, DateTimeZone zone, out Instant start)
        {
            start = default;
            if (dayNumber < MinDay || dayNumber > MaxDay)
            {
                return false;
            }

            try
            {
                start = zone.AtStartOfDay(FromDayNumber(dayNumber)).ToInstant();
                return true;
            }
            catch (OverflowException)
            {
                return false;
            }
        }
    }

    private RunWindow WindowFor(ref LocalDate previousRun, ref LocalDate today)
    {
        previousRun = ToIso(previousRun);
        today = ToIso(today);
        if (previousRun > today)
        {
            throw new ArgumentException("The previous run cannot be after today.", nameof(previousRun));
        }

        int previous = DayNumber(previousRun);
        int current = DayNumber(today);
        int unpublish = FirstAfter(0, previous);
        int alert = FirstAfter(1, previous);
        int delete = FirstAfter(2, previous);
        return new RunWindow(
            unpublish,
            (uint)(FirstAfter(0, current) - unpublish),
            alert,
            (uint)(FirstAfter(1, current) - alert),
            delete,
            (uint)(FirstAfter(2, current) - delete));
    }

    /// <summary>For each transition, the interval [First, First + Count) of last-connection day numbers whose transition falls in the run's window.</summary>
    private readonly record struct RunWindow(int UnpublishFirst, uint UnpublishCount, int AlertFirst, uint AlertCount, int DeleteFirst, uint DeleteCount);

    /// <summary>A growable list of indices; one array per list, grown by doubling (the result, not per-box work).</summary>
    private struct IndexList
    {
        private int[] _items;
        private int _count;

        public IndexList(int inputLength)
        {
            _items = new int[Math.Min(inputLength, 256)];
            _count = 0;
        }

        public void Add(int index)
        {
            if (_count == _items.Length)
            {
                Array.Resize(ref _items, Math.Max(4, _items.Length * 2));
            }

            _items[_count++] = index;
        }

        public readonly System.Collections.Generic.IReadOnlyList<int> ToList() => new ArraySegment<int>(_items, 0, _count);
    }
}
