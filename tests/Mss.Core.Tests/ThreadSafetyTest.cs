using System.Globalization;
using System.Text;
using MimeKit;
using Mss.Core.Conversations;
using Mss.Core.Delivery;
using Mss.Core.Mailboxes;
using Mss.Core.Mime;
using Mss.Core.Tests.Mime;
using NodaTime;

namespace Mss.Core.Tests;

/// <summary>
/// Thread safety of the static APIs (issue 16): several threads run the parsers, validators and rules on the same
/// shared inputs at once, each in its own order, and every answer must equal the answer of a single-threaded run.
/// The concurrent run goes first, so lazily built tables are built under contention. MIME readers get one
/// <see cref="MimeMessage"/> per thread, parsed from shared bytes (a MimeMessage itself is not shared: MimeKit parses
/// lazily).
/// </summary>
public class ThreadSafetyTest
{
    private const int Threads = 4;
    private const int Rounds = 3;

    private static readonly string[] Texts =
    [
        "279035121518989@patient.mssante.fr", "284052A32102552@patient.mssante.fr", "279035121518988@patient.mssante.fr",
        "dr.durand@ch-lemans.mssante.fr", "Jean.Dupont@CH-Nord.MSSante.FR", "jean.dupont@ehpad_dumoulin.mssante.fr",
        "x@mssante.fr.evil.com", "x@xn--mssant-bva.fr", "x@mssant\u00e9.fr", "x@ch.m\u0455sante.fr", "", " ",
        "279035121518989", "284052A32102552", "284052a32102552", "2 84 05 2A 321 025 52", "2.79.03.51.215.189.89",
        "2\u00a084\u00a005\u00a02A\u00a0321\u00a0025\u00a052", "10003123456", "810003123456", "0751234567", "751234567",
        "750712184", "2A0000016", "[FIN]", " [FIN] ", "[fin]", "RE: [FIN]", "[FIN] merci", "Cc: [FIN]", "Retour [FIN]",
        "\uff3bFIN\uff3d", "Fin de traitement", "ch-nord.mssante.fr", "patient.mssante.fr", "notmssante.fr",
        "Le message que vous avez envoyé à l'adresse \"279035121518989@patient.mssante.fr\" n'a pas pu être distribué, car cette adresse Mon espace santé n'existe pas.",
        "Le message que vous avez envoyé à l'adresse « 279035121518989@patient.mssante.fr » n'a pas pu être distribué, car la messagerie Mon espace santé de votre destinataire est clôturée.",
        "5.1.1", "4.2.2", "1.2.250.1.213.1.4.8", "urn:oid:1.2.250.1.213.1.4.9",
    ];

    private static readonly LocalDate[] Days =
    [
        new(2024, 2, 29), new(2023, 4, 30), new(2026, 1, 15), new(2026, 11, 30), new(1999, 12, 31), new(2100, 2, 28),
    ];

    private static readonly Func<string, string>[] TextApis =
    [
        s => MssAddress.Validate(s.AsSpan()) + " " + MssAddress.Validate(Encoding.UTF8.GetBytes(s)),
        s => MssAddress.TryParse(s, out MssAddress a) ? a.ToString() + " " + a.IsPatient + " " + a.GetHashCode() : "-",
        s => MssAddress.TryParse(Encoding.UTF8.GetBytes(s), out MssAddress a) ? a.ToString() : "-",
        s => string.Join(",", new[] { InsStyles.None, InsStyles.Lenient }.Select(st => InsMatricule.Validate(s.AsSpan(), st))),
        s => InsMatricule.TryParse(s.AsSpan(), InsStyles.Lenient, out InsMatricule m)
            ? m.ToString() + " " + m.ToMaskedString() + " " + m.Sex + " " + m.BirthMonth + " " + m.BirthDepartment + " " + m.Anomalies + " " + m.BirthPlace
            : "-",
        s => InsMatricule.TryParse(s, out InsMatricule m) ? InsIdentityCheck.AsOf(m, new LocalDate(2026, 11, 30)).ToFrenchSentence() : "-",
        s => Core.Ins.TryParse("279035121518989", s, out Ins ins) ? ins.ToString() : "-",
        s => Rpps.Validate(s.AsSpan()) + " " + Adeli.Validate(s.AsSpan()) + " " + IdNatPs.Validate(s.AsSpan()) + " " + Finess.Validate(s.AsSpan()),
        s => (IdNatPs.TryParse(s, out IdNatPs id) ? id.ToString() : "-") + (Finess.TryParse(s, out Finess f) ? f.ToString() : "-"),
        s => MssDomain.Classify(s.AsSpan()) + " " + MssDomain.ClassifyAddress(s.AsSpan()),
        s => ClosingSubject.IsClosing(s) + " " + ClosingSubject.Diagnose(s) + " " + (ClosingSubject.Diagnose(s).IsNearMiss ? ClosingSubject.Diagnose(s).ToFrenchWarning() : string.Empty),
        s => NonDeliveryNotice.TryFind(s, out NonDeliveryReason r, out string? a) ? r + " " + a : "-",
        s => NonDeliveryNotice.TryFromStatusCode(s, out NonDeliveryReason r) ? r.ToString() : "-",
        s => PatientDelivery.TryDecide(s, PatientMailboxStatus.Closed, mobileAppInstalled: true, out DeliveryDecision d) ? d.ToString() + " " + d.NoticeText : "-",
        s => MssRecipients.Check([s, "a@b.mssante.fr", s]).ToString(),
        s => Conversation.Start(Counterpart.Pharmacy).TryApply(Author.HealthActor, s, out Conversation next, out ConversationDenial denial) + " " + next + " " + denial,
        s => MailboxKindCodes.TryParse(s, out MailboxKind kind) ? kind.ToString() : "-",
    ];

    private static readonly Func<LocalDate, string>[] DayApis =
    [
        d => InactivityPolicy.Default.ScheduleFor(d).ToString(),
        d => string.Join(",", Days.Select(today => InactivityPolicy.Default.StatusOn(d, today))),
        d => Format(InactivityPolicy.Default.DailyRun(Days, d.PlusDays(-400), d)),
        d => Format(InactivityPolicy.Default.DailyRun(Days.Select(day => InactivityPolicy.Paris.AtStartOfDay(day).ToInstant()).ToArray(), d.PlusDays(-400), d)),
        d => InsIdentityCheck.ResolveBirthYear(d.Year % 100, d).ToString(CultureInfo.InvariantCulture),
    ];

    private static readonly Func<MimeMessage, string>[] MimeApis =
    [
        m => NonDeliveryReports.TryClassify(m, out NonDeliveryReason r, out string? a) ? r + " " + a : "-",
        m => ReadReceipts.TryRead(m, out string? id, out MssAddress reader) ? id + " " + reader : "-",
        m => string.Join(" | ", MssMessageReader.ReadAll(m)),
    ];

    [Fact]
    public void StaticApis_ConcurrentRuns_AgreeWithASingleThreadedRun()
    {
        byte[][] messages = Messages();
        var concurrent = new string[Threads][];
        using var start = new Barrier(Threads);
        Thread[] threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            string[] last = [];
            for (int round = 0; round < Rounds; round++)
            {
                last = RunAll(messages, offset: (t * 7) + round, reverse: (t + round) % 2 == 1);
            }

            concurrent[t] = last;
        })).ToArray();
        foreach (Thread thread in threads)
        {
            thread.Start();
        }

        foreach (Thread thread in threads)
        {
            thread.Join();
        }

        string[] reference = RunAll(messages, offset: 0, reverse: false);
        Assert.True(reference.Length > 500, "the run covers the inputs");
        Assert.Contains("MailboxClosed 279035121518989@patient.mssante.fr", reference); // the bounce is read (DEL-2)
        Assert.Contains(reference, r => r.EndsWith(" 279035121518989@patient.mssante.fr", StringComparison.Ordinal) && r.Contains('@', StringComparison.Ordinal) && !r.StartsWith("MailboxClosed", StringComparison.Ordinal)); // the receipt too (DEL-4)
        for (int t = 0; t < Threads; t++)
        {
            Assert.NotNull(concurrent[t]);
            Assert.Equal(reference, concurrent[t]);
        }
    }

    /// <summary>Every API on every input, visited from <paramref name="offset"/> (and backwards when asked), results in canonical order.</summary>
    private static string[] RunAll(byte[][] messages, int offset, bool reverse)
    {
        int textCount = TextApis.Length * Texts.Length;
        int dayCount = DayApis.Length * Days.Length;
        int mimeCount = MimeApis.Length * messages.Length;
        int total = textCount + dayCount + mimeCount;
        var results = new string[total];
        MimeMessage[] parsed = messages.Select(Load).ToArray(); // one MimeMessage per thread
        for (int step = 0; step < total; step++)
        {
            int i = ((reverse ? total - 1 - step : step) + offset) % total;
            results[i] = i < textCount ? Safe(() => TextApis[i / Texts.Length](Texts[i % Texts.Length]))
                : i < textCount + dayCount ? Safe(() => DayApis[(i - textCount) / Days.Length](Days[(i - textCount) % Days.Length]))
                : Safe(() => MimeApis[(i - textCount - dayCount) / messages.Length](parsed[(i - textCount - dayCount) % messages.Length]));
        }

        return results;
    }

    private static string Safe(Func<string> call)
    {
        try
        {
            return call();
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
        {
            return e.GetType().Name + ": " + e.Message;
        }
    }

    private static string Format(InactivityRun run) =>
        string.Join(",", run.ToUnpublish) + "/" + string.Join(",", run.ToAlert) + "/" + string.Join(",", run.ToDelete);

    private static MimeMessage Load(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return MimeMessage.Load(stream);
    }

    /// <summary>A message to two patients, a bounce and a read receipt about it, as bytes.</summary>
    private static byte[][] Messages()
    {
        var clock = new FixedClock(Instant.FromUtc(2026, 11, 30, 9, 0));
        MssAddress doctor = MssAddress.Parse("dr.durand@ch-lemans.mssante.fr");
        MssAddress patient = MssAddress.Parse("279035121518989@patient.mssante.fr");
        MimeMessage original = new MssMessageBuilder(doctor, clock)
            .To(patient)
            .Cc(MssAddress.Parse("secretariat@ch-lemans.mssante.fr"))
            .Subject("Résultats")
            .TextBody("Bonjour.")
            .RequestReadReceipt()
            .Build();
        MimeMessage bounce = NonDeliveryReports.Create(original, patient.ToString(), NonDeliveryReason.MailboxClosed, "mx.patient.mssante.fr", clock);
        MimeMessage receipt = ReadReceipts.Create(original, patient, clock);
        return [.. new[] { original, bounce, receipt }.Select(Bytes)];
    }

    private static byte[] Bytes(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return stream.ToArray();
    }
}
