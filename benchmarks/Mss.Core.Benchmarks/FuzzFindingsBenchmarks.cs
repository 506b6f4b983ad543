using System.IO.Compression;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using MimeKit;
using Mss.Core.Directory;
using Mss.Core.Mime;
using Mss.Core.Xdm;

namespace Mss.Core.Benchmarks;

/// <summary>
/// Issue 29: the four paths fuzzing found quadratic in 0.2, on generated variants of the reproducers at 1×, 4× and 10×
/// their size (time should grow linearly: 10× input ≤ 15× time). Each case has a baseline in the same run that reads the
/// same bytes without Mss.Core (a line count, <see cref="MimeMessage.Load(Stream, CancellationToken)"/>, the archive's
/// entries): 0.2 took 36 s on 256 KB of comment lines, 8.7 s on depth 16,000, 6.7 s on a 96 KB To header.
/// Run: <c>dotnet run -c Release --project benchmarks/Mss.Core.Benchmarks -- --filter '*FuzzFindings*'</c>.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
public class FuzzFindingsBenchmarks
{
    private byte[] _commentLines = [];
    private byte[] _deepArchive = [];
    private byte[] _bounce = [];
    private byte[] _patientMessage = [];

    [Params(1, 4, 10)]
    public int Scale { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // directory-comment-quadratic-16k.ndjson: 4,000 lines of "{/*" then "*/ x".
        _commentLines = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("{/*\n", 4_000 * Scale)) + "*/ x\n");

        // xdm-deep-nesting-4000.zip: an archive whose METADATA.XML nests 8,000 elements and never closes them.
        _deepArchive = Archive(8_000 * Scale);

        // ndr-read-to-list-quadratic-24k.eml and message-reader-patient-to-list-24k.eml: 8,000 entries without a domain.
        _bounce = Message("MAILER-DAEMON@mx.ch.mssante.fr", "dr.martin@chu-nantes.mssante.fr", 8_000 * Scale, "Undelivered Mail Returned to Sender",
            "<a@ch-nord.mssante.fr>: host mx.ch-nord.mssante.fr said: 550 5.1.1 User unknown");
        _patientMessage = Message("279035121518989@patient.mssante.fr", "dr@ch-x.mssante.fr", 8_000 * Scale, "Bonjour", "Bonjour.");
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("directory")]
    public int Directory_CountLines() => _commentLines.Count(b => b == (byte)'\n');

    [Benchmark]
    [BenchmarkCategory("directory")]
    public int Directory_Load_CommentLines() => MssDirectory.Load(new MemoryStream(_commentLines, writable: false)).Skipped;

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("xdm")]
    public long Xdm_ReadEntries()
    {
        using var zip = new ZipArchive(new MemoryStream(_deepArchive, writable: false), ZipArchiveMode.Read);
        long total = 0;
        foreach (ZipArchiveEntry entry in zip.Entries)
        {
            using Stream s = entry.Open();
            s.CopyTo(Stream.Null);
            total += entry.Length;
        }

        return total;
    }

    [Benchmark]
    [BenchmarkCategory("xdm")]
    public bool Xdm_TryRead_DeepNesting() => XdmPackage.TryRead(new MemoryStream(_deepArchive, writable: false), out _, out _);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("bounce")]
    public int Bounce_Load() => MimeMessage.Load(new MemoryStream(_bounce, writable: false)).Headers.Count;

    [Benchmark]
    [BenchmarkCategory("bounce")]
    public bool Bounce_Load_TryRead() => NonDeliveryReports.TryRead(MimeMessage.Load(new MemoryStream(_bounce, writable: false)), out _);

    [Benchmark]
    [BenchmarkCategory("bounce")]
    public bool Bounce_Load_TryClassify() => NonDeliveryReports.TryClassify(MimeMessage.Load(new MemoryStream(_bounce, writable: false)), out _, out _);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("reader")]
    public int Reader_Load() => MimeMessage.Load(new MemoryStream(_patientMessage, writable: false)).Headers.Count;

    [Benchmark]
    [BenchmarkCategory("reader")]
    public int Reader_Load_ReadAll() => MssMessageReader.ReadAll(MimeMessage.Load(new MemoryStream(_patientMessage, writable: false))).Count;

    private static byte[] Message(string from, string first, int entries, string subject, string body) =>
        Encoding.ASCII.GetBytes("From: " + from + "\r\nTo: " + first + string.Concat(Enumerable.Repeat(", x", entries))
            + "\r\nSubject: " + subject + "\r\nDate: Mon, 30 Nov 2026 12:00:00 +0100\r\nMessage-Id: <a@b>\r\n\r\n" + body + "\r\n");

    private static byte[] Archive(int depth)
    {
        var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "INDEX.HTM", "<html><body><a href=\"IHE_XDM/SUBSET01/METADATA.XML\">metadata</a></body></html>");
            Write(zip, "README.TXT", "Mss.Core benchmark");
            Write(zip, "IHE_XDM/SUBSET01/METADATA.XML",
                "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<lcm:SubmitObjectsRequest xmlns:lcm=\"urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0\" xmlns:rim=\"urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0\">"
                + string.Concat(Enumerable.Repeat("<rim:Slot><rim:ValueList>", depth / 2)));
            Write(zip, "IHE_XDM/SUBSET01/DOC00001.PDF", "%PDF-1.4\n%%EOF\n");
        }

        return output.ToArray();
    }

    private static void Write(ZipArchive zip, string name, string text)
    {
        using Stream s = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        s.Write(Encoding.UTF8.GetBytes(text));
    }
}
