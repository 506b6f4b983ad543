using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Mss.Core.Mailboxes;
using NodaTime;

namespace Mss.Core.Tests.Mailboxes;

public class InactivityPolicyPropertyTest
{
    private static readonly LocalDate Origin = new(1950, 1, 1);
    private static readonly InactivityPolicy Default = InactivityPolicy.Default;
    private static readonly InactivityPolicy Custom = new(Period.FromDays(30), Period.FromMonths(6), Period.FromWeeks(2));

    private static Gen<LocalDate> DayGen(int fromOffset, int toOffset) => Gen.Choose(fromOffset, toOffset).Select(n => Origin.PlusDays(n));

    private static Gen<LocalDate> AnyDay => DayGen(0, 365 * 150);

    private static readonly Gen<InactivityPolicy> Policies = Gen.Elements(Default, Custom);

    /// <summary>BAL-5 written with the BCL, independently of NodaTime: AddYears and AddMonths clamp to the month's end.</summary>
    private static (LocalDate Unpublish, LocalDate Alert, LocalDate Delete) Reference(LocalDate d)
    {
        var day = new DateTime(d.Year, d.Month, d.Day, 0, 0, 0, DateTimeKind.Unspecified);
        DateTime delete = day.AddYears(1);
        return (ToLocal(day.AddDays(60)), ToLocal(delete.AddMonths(-2)), ToLocal(delete));
    }

    /// <summary>The custom policy (30 days, 6 months, 2 weeks) written with the BCL the same way.</summary>
    private static (LocalDate Unpublish, LocalDate Alert, LocalDate Delete) CustomReference(LocalDate d)
    {
        var day = new DateTime(d.Year, d.Month, d.Day, 0, 0, 0, DateTimeKind.Unspecified);
        DateTime delete = day.AddMonths(6);
        return (ToLocal(day.AddDays(30)), ToLocal(delete.AddDays(-14)), ToLocal(delete));
    }

    private static LocalDate ToLocal(DateTime d) => new(d.Year, d.Month, d.Day);

    private static MailboxActivity ReferenceStatus(bool useDefault, LocalDate last, LocalDate today)
    {
        var (unpublish, alert, delete) = useDefault ? Reference(last) : CustomReference(last);
        return today >= delete ? MailboxActivity.Deleted
            : today >= alert ? MailboxActivity.DeletionAlerted
            : today >= unpublish ? MailboxActivity.Unpublished
            : MailboxActivity.Active;
    }

    // BAL-5: the default schedule equals an independent BCL computation, for any day of 150 years.
    [Property(MaxTest = 2000)]
    public Property ScheduleFor_Default_MatchesBclReference() =>
        Prop.ForAll(AnyDay.ToArbitrary(), d =>
        {
            InactivitySchedule s = Default.ScheduleFor(d);
            return (s.UnpublishOn, s.DeletionAlertOn, s.DeleteOn) == Reference(d);
        });

    // BAL-5: a custom policy's schedule equals an independent BCL computation too.
    [Property(MaxTest = 1000)]
    public Property ScheduleFor_Custom_MatchesBclReference() =>
        Prop.ForAll(AnyDay.ToArbitrary(), d =>
        {
            InactivitySchedule s = Custom.ScheduleFor(d);
            return (s.UnpublishOn, s.DeletionAlertOn, s.DeleteOn) == CustomReference(d);
        });

    // BAL-5: for the default policy, D < UnpublishOn < DeletionAlertOn < DeleteOn.
    [Property(MaxTest = 2000)]
    public Property ScheduleFor_Default_StrictlyOrdered() =>
        Prop.ForAll(AnyDay.ToArbitrary(), d =>
        {
            InactivitySchedule s = Default.ScheduleFor(d);
            return d < s.UnpublishOn && s.UnpublishOn < s.DeletionAlertOn && s.DeletionAlertOn < s.DeleteOn;
        });

    // BAL-5: as days pass the status never goes back (without a new connection).
    [Property(MaxTest = 1000)]
    public Property StatusOn_MonotonicAsDaysPass()
    {
        Gen<(InactivityPolicy, LocalDate, int, int)> cases =
            from policy in Policies
            from d in AnyDay
            from a in Gen.Choose(-30, 420)
            from b in Gen.Choose(0, 420)
            select (policy, d, a, b);
        return Prop.ForAll(cases.ToArbitrary(), t =>
        {
            var (policy, d, a, b) = t;
            return policy.StatusOn(d, d.PlusDays(a)) <= policy.StatusOn(d, d.PlusDays(a + b));
        });
    }

    // BAL-5: any new connection restarts the clock: Active on its day and until the unpublication day, whatever the old state.
    [Property(MaxTest = 1000)]
    public Property NewConnection_ReturnsToActive()
    {
        Gen<(InactivityPolicy, LocalDate, int, int)> cases =
            from policy in Policies
            from d in AnyDay
            from gap in Gen.Choose(0, 800)
            from after in Gen.Choose(0, 29)
            select (policy, d, gap, after);
        return Prop.ForAll(cases.ToArbitrary(), t =>
        {
            var (policy, old, gap, after) = t;
            LocalDate reconnected = old.PlusDays(gap);
            return policy.StatusOn(reconnected, reconnected) == MailboxActivity.Active
                && policy.StatusOn(reconnected, reconnected.PlusDays(after)) == MailboxActivity.Active; // 30 days is the shortest unpublication here
        });
    }

    // BAL-5: the daily run agrees, box by box, with an independent recomputation of each box's state on both days:
    // a box is in a list exactly when it reached that state by today and had not by the previous run.
    [Property(MaxTest = 200)]
    public Property DailyRun_AgreesWithStatusOfEveryBox()
    {
        Gen<(bool, LocalDate, int, LocalDate[])> cases =
            from useDefault in Gen.Elements(true, false)
            from today in DayGen(365 * 2, 365 * 148)
            from gap in Gen.Frequency((6, Gen.Choose(0, 3)), (3, Gen.Choose(4, 60)), (1, Gen.Choose(61, 500)))
            from offsets in Gen.ArrayOf(Gen.Choose(-900, 10), 300)
            select (useDefault, today, gap, offsets.Select(o => today.PlusDays(o)).ToArray());
        return Prop.ForAll(cases.ToArbitrary(), t =>
        {
            var (useDefault, today, gap, boxes) = t;
            LocalDate previous = today.PlusDays(-gap);
            InactivityPolicy policy = useDefault ? Default : Custom;
            InactivityRun run = policy.DailyRun(boxes, previous, today);
            for (int i = 0; i < boxes.Length; i++)
            {
                // Both policies are checked against their BCL references, not against the code under test.
                MailboxActivity before = ReferenceStatus(useDefault, boxes[i], previous);
                MailboxActivity now = ReferenceStatus(useDefault, boxes[i], today);
                if (run.ToUnpublish.Contains(i) != (before < MailboxActivity.Unpublished && now >= MailboxActivity.Unpublished)
                    || run.ToAlert.Contains(i) != (before < MailboxActivity.DeletionAlerted && now >= MailboxActivity.DeletionAlerted)
                    || run.ToDelete.Contains(i) != (before < MailboxActivity.Deleted && now >= MailboxActivity.Deleted))
                {
                    return false;
                }
            }

            return IsAscending(run.ToUnpublish) && IsAscending(run.ToAlert) && IsAscending(run.ToDelete);
        });
    }

    // The instant overload agrees with the day overload on the Paris calendar day of each instant.
    [Property(MaxTest = 100)]
    public Property DailyRun_Instants_AgreesWithDays()
    {
        Gen<(LocalDate, int, Instant[])> cases =
            from today in DayGen(365 * 60, 365 * 90)
            from gap in Gen.Choose(0, 40)
            from seconds in Gen.ArrayOf(Gen.Choose(-900 * 86_400, 5 * 86_400), 300)
            select (today, gap, seconds.Select(s => today.AtStartOfDayInZone(InactivityPolicy.Paris).ToInstant().Plus(Duration.FromSeconds(s))).ToArray());
        return Prop.ForAll(cases.ToArbitrary(), t =>
        {
            var (today, gap, instants) = t;
            LocalDate previous = today.PlusDays(-gap);
            InactivityRun fromInstants = Default.DailyRun(instants, previous, today);
            LocalDate[] days = instants.Select(i => i.InZone(InactivityPolicy.Paris).Date).ToArray();
            InactivityRun fromDays = Default.DailyRun(days, previous, today);
            return fromInstants.ToUnpublish.SequenceEqual(fromDays.ToUnpublish)
                && fromInstants.ToAlert.SequenceEqual(fromDays.ToAlert)
                && fromInstants.ToDelete.SequenceEqual(fromDays.ToDelete);
        });
    }

    private static bool IsAscending(IReadOnlyList<int> list)
    {
        for (int i = 1; i < list.Count; i++)
        {
            if (list[i] <= list[i - 1])
            {
                return false;
            }
        }

        return true;
    }
}
