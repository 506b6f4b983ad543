using BenchmarkDotNet.Attributes;
using Mss.Core.Mailboxes;
using NodaTime;

namespace Mss.Core.Benchmarks;

/// <summary>
/// The operator's daily inactivity run (BAL-5) over one million boxes whose last connections spread over two years,
/// against the obvious loop that asks <see cref="InactivityPolicy.StatusOn(LocalDate, LocalDate)"/> for every box on
/// both days. Results are per run (1M boxes); the allocations are the three result lists only.
/// </summary>
[MemoryDiagnoser]
public class InactivityBenchmarks
{
    private const int Count = 1_000_000;
    private static readonly LocalDate Today = new(2026, 3, 16);
    private LocalDate[] _days = [];
    private Instant[] _instants = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _days = new LocalDate[Count];
        _instants = new Instant[Count];
        Instant start = Today.AtStartOfDayInZone(InactivityPolicy.Paris).ToInstant();
        for (int i = 0; i < Count; i++)
        {
            int secondsAgo = random.Next(0, 730 * 86_400);
            _instants[i] = start - Duration.FromSeconds(secondsAgo);
            _days[i] = InactivityPolicy.DayOf(_instants[i]);
        }
    }

    [Benchmark(Baseline = true)]
    public int StatusOnEveryBox()
    {
        InactivityPolicy policy = InactivityPolicy.Default;
        LocalDate yesterday = Today.PlusDays(-1);
        int changed = 0;
        foreach (LocalDate day in _days)
        {
            if (policy.StatusOn(day, Today) != policy.StatusOn(day, yesterday))
            {
                changed++;
            }
        }

        return changed;
    }

    [Benchmark]
    public int DailyRun_Days()
    {
        InactivityRun run = InactivityPolicy.Default.DailyRun(_days, Today);
        return run.ToUnpublish.Count + run.ToAlert.Count + run.ToDelete.Count;
    }

    [Benchmark]
    public int DailyRun_Days_FortnightSkipped()
    {
        InactivityRun run = InactivityPolicy.Default.DailyRun(_days, Today.PlusDays(-14), Today);
        return run.ToUnpublish.Count + run.ToAlert.Count + run.ToDelete.Count;
    }

    [Benchmark]
    public int DailyRun_Instants()
    {
        InactivityRun run = InactivityPolicy.Default.DailyRun(_instants, Today.PlusDays(-1), Today);
        return run.ToUnpublish.Count + run.ToAlert.Count + run.ToDelete.Count;
    }
}
