using System.Text;
using BenchmarkDotNet.Attributes;
using MimeKit;
using Mss.Core.Mime;

namespace Mss.Core.Benchmarks;

/// <summary>
/// Hostile sizes (issue 16): the same input at 1×, 10× and 100× its base size. Linear code shows times growing ~10× a
/// step and, for the parsers that refuse by length, flat times; allocations are bounded by the input (the parsers
/// allocate nothing). Cases: a received message whose headers total 100 kB / 1 MB / 10 MB (thousands of header
/// lines), parsed by MimeKit and read by <see cref="MssMessageReader.ReadAll"/>; one header folded over 10 kB / 100 kB /
/// 1 MB (MimeKit 4.18's parser grows superlinearly on a single long folded header: 66 ms, 3 s, 14 s for 100 kB, 1 MB,
/// 3 MB measured on a loaded 2-core machine, hence the smaller sizes); and
/// <see cref="MssAddress"/> / <see cref="InsMatricule"/> / <see cref="MssDomain"/> on texts of 10 kB / 100 kB / 1 MB,
/// including lenient INS text that must be scanned whole (separators are ignored anywhere, INS-6).
/// </summary>
[MemoryDiagnoser]
public class HostileSizeBenchmarks
{
    private const int HeaderBase = 100_000;
    private const int TextBase = 10_000;

    private const int FoldedBase = 10_000;

    private byte[] _message = [];
    private byte[] _folded = [];
    private string _longAddress = string.Empty;
    private byte[] _longAddressUtf8 = [];
    private string _separators = string.Empty;
    private string _longDomain = string.Empty;

    [Params(1, 10, 100)]
    public int Scale { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _message = Message(HeaderBase * Scale, folded: false);
        _folded = Message(FoldedBase * Scale, folded: true);
        int length = TextBase * Scale;

        // A local part far beyond 64 characters, then a real MSSanté domain: TooLong, by precedence.
        _longAddress = new string('a', length) + "@ch-lemans.mssante.fr";
        _longAddressUtf8 = Encoding.UTF8.GetBytes(_longAddress);

        // INS-6 lenient text: a valid matricule drowned in separators, read to the end before it is refused.
        var sb = new StringBuilder(length + 15);
        sb.Append("2 84 05 2A 321 025 52");
        while (sb.Length < length)
        {
            sb.Append(" .-\u00A0");
        }

        _separators = sb.ToString();

        // Many labels: malformed by length (RFC 1035), judged before any look-alike work.
        _longDomain = string.Concat(Enumerable.Repeat("a.", length / 2)) + "mssante.fr";
    }

    [Benchmark]
    public int Reader_ManyHeaders() => Read(_message);

    [Benchmark]
    public int Reader_OneFoldedHeader() => Read(_folded);

    [Benchmark]
    public AddressError Address_Validate_Utf16() => MssAddress.Validate(_longAddress.AsSpan());

    [Benchmark]
    public AddressError Address_Validate_Utf8() => MssAddress.Validate(_longAddressUtf8);

    [Benchmark]
    public bool Address_TryParse() => MssAddress.TryParse(_longAddress, out _);

    [Benchmark]
    public InsError Ins_Validate_Strict() => InsMatricule.Validate(_separators.AsSpan());

    [Benchmark]
    public bool Ins_TryParse_Lenient() => InsMatricule.TryParse(_separators.AsSpan(), InsStyles.Lenient, out _);

    [Benchmark]
    public DomainVerdict Domain_Classify() => MssDomain.Classify(_longDomain.AsSpan());

    private static int Read(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        MimeMessage message = MimeMessage.Load(stream);
        return MssMessageReader.ReadAll(message).Count;
    }

    /// <summary>
    /// A message from a professional to a patient whose headers total about <paramref name="headerBytes"/> bytes: many
    /// vendor trace headers, or one trace header folded over many lines.
    /// </summary>
    private static byte[] Message(int headerBytes, bool folded)
    {
        var sb = new StringBuilder(headerBytes + 1024);
        sb.Append("From: Dr Durand <dr.durand@ch-lemans.mssante.fr>\r\n");
        sb.Append("To: 279035121518989@patient.mssante.fr\r\n");
        sb.Append("Date: Mon, 30 Nov 2026 10:00:00 +0100\r\n");
        sb.Append("Message-Id: <hostile@ch-lemans.mssante.fr>\r\n");
        sb.Append("Subject: Résultats de biologie\r\n");
        sb.Append("X-Vendor-Trace: start");
        for (int line = 0; sb.Length < headerBytes; line++)
        {
            sb.Append(folded ? "\r\n\t" : "\r\nX-Vendor-Trace-" + line.ToString(System.Globalization.CultureInfo.InvariantCulture) + ": ");
            sb.Append("abcdefghijklmnopqrstuvwxyz0123456789");
        }

        sb.Append("\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nBonjour.\r\n");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }
}
