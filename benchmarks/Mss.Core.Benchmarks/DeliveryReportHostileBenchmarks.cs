using System.Text;
using BenchmarkDotNet.Attributes;
using MimeKit;
using Mss.Core.Delivery;
using Mss.Core.Mime;

namespace Mss.Core.Benchmarks;

/// <summary>
/// Issue 16, hostile sizes at 1×, 10×, 100× (time should grow linearly): a report of 100 × Scale per-recipient DSN groups
/// (10^4 at 100×), and <see cref="NonDeliveryNotice.TryFind"/> on Scale × 1,000 repetitions of the DEL-2 prefix
/// (45 KB … 4.5 MB; 0.1 took 22 s on 4.5 MB), also through <see cref="NonDeliveryReports.TryRead"/>'s human part.
/// Run: <c>dotnet run -c Release --project benchmarks/Mss.Core.Benchmarks -- --filter '*DeliveryReportHostile*'</c>.
/// </summary>
[MemoryDiagnoser]
public class DeliveryReportHostileBenchmarks
{
    private MimeMessage _groups = new();
    private MimeMessage _frenchPrefixes = new();
    private string _prefixes = string.Empty;

    [Params(1, 10, 100)]
    public int Scale { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var dsn = new StringBuilder("Reporting-MTA: dns; mx.example.org\r\n");
        for (int i = 0; i < 100 * Scale; i++)
        {
            dsn.Append("\r\nFinal-Recipient: rfc822; r").Append(i).Append("@ch-nord.mssante.fr\r\nAction: failed\r\nStatus: 5.1.1\r\nDiagnostic-Code: smtp; 550 5.1.1 User unknown\r\n");
        }

        _groups = Report("Delivery failed.", dsn.ToString());
        _prefixes = new StringBuilder().Insert(0, "Le message que vous avez envoyé à l'adresse \"", 1000 * Scale).ToString();
        _frenchPrefixes = Report(_prefixes, "Reporting-MTA: dns; mx.example.org\r\n\r\nFinal-Recipient: rfc822; a@ch-nord.mssante.fr\r\nAction: failed\r\nStatus: 5.2.2\r\n");
    }

    [Benchmark]
    public int TryRead_PerRecipientGroups() => NonDeliveryReports.TryRead(_groups, out DeliveryReport? report) ? report.Recipients.Count : 0;

    [Benchmark]
    public bool TryFind_RepeatedPrefix() => NonDeliveryNotice.TryFind(_prefixes, out _, out _);

    [Benchmark]
    public bool TryRead_RepeatedPrefixInHumanPart() => NonDeliveryReports.TryRead(_frenchPrefixes, out _);

    private static MimeMessage Report(string human, string dsn)
    {
        string raw = "From: MAILER-DAEMON@mx.example.org\r\nTo: dr.martin@chu-nantes.mssante.fr\r\nSubject: Undelivered Mail\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
            + human + "\r\n--b\r\nContent-Type: message/delivery-status\r\n\r\n" + dsn + "\r\n--b--\r\n";
        return MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(raw)));
    }
}
