namespace Mss.Core.Tests;

/// <summary>Measures what a piece of code allocates on the current thread, for the "allocates nothing" tests.</summary>
public static class Allocations
{
    /// <summary>
    /// Calls <paramref name="run"/> once to warm up (JIT, type loading, static constructors), then <paramref name="runs"/>
    /// more times, and returns the bytes the current thread allocated during those runs. Every result, warm-up first, is
    /// kept in <paramref name="results"/>, an array allocated before the measurement starts.
    /// </summary>
    public static long Measure<T>(Func<T> run, int runs, out T[] results)
    {
        T[] kept = new T[runs + 1];
        kept[0] = run();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 1; i <= runs; i++)
        {
            kept[i] = run();
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        results = kept;
        return allocated;
    }
}
