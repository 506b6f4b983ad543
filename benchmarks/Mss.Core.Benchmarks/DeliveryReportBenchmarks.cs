using BenchmarkDotNet.Attributes;
using MimeKit;
using Mss.Core.Mime;

namespace Mss.Core.Benchmarks;

/// <summary>
/// Issue 10: <see cref="NonDeliveryReports.TryRead"/> on a mixed set of real reports (every sisimai bounce of the test
/// corpus, TestData/Bounces/sisimai: Postfix, Exim, Sendmail, qmail, Exchange, Gmail, Amazon SES…), side by side with
/// <see cref="MimeMessage.Load(Stream, System.Threading.CancellationToken)"/> of the same messages (the baseline: target
/// TryRead ≤ half of Load). TryRead reads messages loaded once in setup; results are per message (OperationsPerInvoke).
/// Run: <c>dotnet run -c Release --project benchmarks/Mss.Core.Benchmarks -- --filter '*DeliveryReportBenchmarks*'</c>.
/// </summary>
[MemoryDiagnoser]
public class DeliveryReportBenchmarks
{
    private const int Count = 338; // the files of the corpus; checked in Setup
    private byte[][] _raw = [];
    private MimeMessage[] _messages = [];

    [GlobalSetup]
    public void Setup()
    {
        string directory = Corpus.Directory("Bounces", "sisimai");
        _raw = System.IO.Directory.GetFiles(directory, "*.eml").OrderBy(f => f, StringComparer.Ordinal).Select(File.ReadAllBytes).ToArray();
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
}
