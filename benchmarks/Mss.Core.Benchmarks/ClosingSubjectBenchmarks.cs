using BenchmarkDotNet.Attributes;
using Mss.Core.Conversations;

namespace Mss.Core.Benchmarks;

/// <summary>
/// Hostile sizes (issue 16): <see cref="ClosingSubject.Diagnose"/> on <c>"RE: "</c> repeated 1,000 / 10,000 / 100,000 times
/// before <c>[FIN]</c> (1×, 10×, 100×). 0.1 took a Substring and a TrimStart per prefix (19.5 s at 100,000); the time
/// and memory must now grow linearly with the length (the allocations are the folded copies of the subject).
/// </summary>
[MemoryDiagnoser]
public class ClosingSubjectBenchmarks
{
    private string _prefixes = string.Empty;
    private string _mixed = string.Empty;

    [Params(1_000, 10_000, 100_000)]
    public int Prefixes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _prefixes = string.Concat(Enumerable.Repeat("RE: ", Prefixes)) + "[FIN]";
        _mixed = string.Concat(Enumerable.Repeat("Fwd :  TR:RE : ", Prefixes / 3)) + "[fin] merci";
        if (!ClosingSubject.Diagnose(_prefixes).IsNearMiss || !ClosingSubject.Diagnose(_mixed).IsNearMiss)
        {
            throw new InvalidOperationException("The benchmark subjects must be near misses.");
        }
    }

    [Benchmark]
    public NearMissReasons RepeatedRe() => ClosingSubject.Diagnose(_prefixes).Reasons;

    [Benchmark]
    public NearMissReasons MixedPrefixes() => ClosingSubject.Diagnose(_mixed).Reasons;
}
