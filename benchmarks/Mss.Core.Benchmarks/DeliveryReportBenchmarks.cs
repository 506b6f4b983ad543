using BenchmarkDotNet.Attributes;
using MimeKit;
using Mss.Core.Mime;

namespace Mss.Core.Benchmarks;

/// <summary>
/// Issues 10 and 27: <see cref="NonDeliveryReports.TryRead"/> on the whole real corpus of the tests (every sisimai message of
/// TestData/Bounces/sisimai: bounces from Postfix, Exim, Sendmail, qmail, Exchange, Gmail, Amazon SES…, feedback reports and
/// auto-replies; and TestData/Receipts), side by side with
/// <see cref="MimeMessage.Load(Stream, System.Threading.CancellationToken)"/> of the same messages (the baseline: target
/// TryRead ≤ half of Load). TryRead reads messages loaded once in setup; results are per message (OperationsPerInvoke).
/// Run: <c>dotnet run -c Release --project benchmarks/Mss.Core.Benchmarks -- --filter '*DeliveryReportBenchmarks*'</c>.
/// </summary>
[MemoryDiagnoser]
public class DeliveryReportBenchmarks
{
    private const int Count = 339; // the files of the corpus; checked in Setup
    private byte[][] _raw = [];
    private MimeMessage[] _messages = [];

    [GlobalSetup]
    public void Setup()
    {
        _raw = Files().Select(File.ReadAllBytes).ToArray();
        if (_raw.Length != Count)
        {
            throw new InvalidOperationException($"Expected {Count} corpus files, found {_raw.Length}.");
        }

        _messages = _raw.Select(bytes => MimeMessage.Load(new MemoryStream(bytes))).ToArray();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public int MimeKitLoad()
    {
        int parts = 0;
        foreach (byte[] bytes in _raw)
        {
            using var stream = new MemoryStream(bytes, writable: false);
            parts += MimeMessage.Load(stream).Headers.Count;
        }

        return parts;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public int TryRead()
    {
        int recipients = 0;
        foreach (MimeMessage message in _messages)
        {
            if (NonDeliveryReports.TryRead(message, out DeliveryReport? report))
            {
                recipients += report.Recipients.Count;
            }
        }

        return recipients;
    }

    /// <summary>The corpus: every .eml of TestData/Bounces/sisimai and TestData/Receipts, in name order.</summary>
    public static string[] Files() =>
        System.IO.Directory.GetFiles(Corpus.Directory("Bounces", "sisimai"), "*.eml").OrderBy(f => f, StringComparer.Ordinal)
            .Concat(System.IO.Directory.GetFiles(Corpus.Directory("Receipts"), "*.eml").OrderBy(f => f, StringComparer.Ordinal))
            .ToArray();

    /// <summary>
    /// Issue 27, "no message may cost more than 10× its own MimeKit parse": each message's TryRead against its own
    /// <see cref="MimeMessage.Load(Stream, System.Threading.CancellationToken)"/>, the fastest of many rounds of each
    /// (a Stopwatch check, not a BenchmarkDotNet run). Prints the worst ratios and returns the worst.
    /// Run: <c>dotnet run -c Release --project benchmarks/Mss.Core.Benchmarks -- bounce-ratios</c>.
    /// </summary>
    public static double WorstRatios(TextWriter output)
    {
        var ratios = new List<(double Ratio, double LoadUs, double ReadUs, string File)>();
        foreach (string file in Files())
        {
            byte[] bytes = File.ReadAllBytes(file);
            MimeMessage message = MimeMessage.Load(new MemoryStream(bytes));
            double load = Fastest(() => MimeMessage.Load(new MemoryStream(bytes, writable: false)).Headers.Count);
            double read = Fastest(() => NonDeliveryReports.TryRead(message, out DeliveryReport? report) ? report.Recipients.Count : 0);
            ratios.Add((read / load, load, read, Path.GetFileName(file)));
        }

        ratios.Sort((a, b) => b.Ratio.CompareTo(a.Ratio));
        output.WriteLine($"{ratios.Count} messages; worst TryRead / own MimeKit Load:");
        foreach ((double ratio, double loadUs, double readUs, string file) in ratios.Take(10))
        {
            output.WriteLine(FormattableString.Invariant($"  {ratio,6:F2}×  load {loadUs,8:F1} µs  read {readUs,8:F1} µs  {file}"));
        }

        return ratios[0].Ratio;
    }

    private static double Fastest(Func<int> run)
    {
        double best = double.MaxValue;
        for (int round = 0; round < 30; round++)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            int n = 0;
            for (int i = 0; i < 20; i++)
            {
                n += run();
            }

            best = Math.Min(best, watch.Elapsed.TotalMicroseconds / 20);
            GC.KeepAlive(n);
        }

        return best;
    }
}
