using System.Globalization;
using BenchmarkDotNet.Attributes;
using MimeKit;
using Mss.Core.Mime;
using NodaTime;

namespace Mss.Core.Benchmarks;

/// <summary>
/// Hostile sizes (issue 16): <see cref="MssMessageReader.ReadAll"/> on a health actor's message to 1,000 / 10,000 / 100,000
/// distinct patient recipients (0.1 checked each event against the list of earlier ones: 27 ms / 192 ms / 14 s), and
/// <see cref="MssMessageBuilder.To"/> called as many times (0.1: a list search per call, 14 s at 10^5). Both must grow
/// linearly: ×10 recipients, about ×10 time and memory. The message is parsed once in the setup; ReadAll's allocations
/// are the events, the address parsing and the duplicate set.
/// </summary>
[MemoryDiagnoser]
public class MessageReaderBenchmarks
{
    private MimeMessage _message = new();
    private MssAddress[] _recipients = [];

    [Params(1_000, 10_000, 100_000)]
    public int Recipients { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _recipients = PatientAddresses().Take(Recipients).Select(MssAddress.Parse).ToArray();
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(string.Empty, "dr.martin@chu-nantes.mssante.fr"));
        message.To.AddRange(_recipients.Select(r => new MailboxAddress(string.Empty, r.ToString())));
        message.Subject = "Vos résultats";
        message.Date = new DateTimeOffset(2026, 3, 14, 9, 0, 0, TimeSpan.Zero);
        message.MessageId = "bench@chu-nantes.mssante.fr";
        message.Body = new TextPart("plain") { Text = "Bonjour." };

        // Read from bytes, as a mailbox would give it.
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        stream.Position = 0;
        _message = MimeMessage.Load(stream);
        if (MssMessageReader.ReadAll(_message).Count != Recipients)
        {
            throw new InvalidOperationException("The benchmark message does not read as one event per recipient.");
        }
    }

    [Benchmark]
    public int ReadAll() => MssMessageReader.ReadAll(_message).Count;

    [Benchmark]
    public int BuilderTo()
    {
        var builder = new MssMessageBuilder(MssAddress.Parse("dr.martin@chu-nantes.mssante.fr"), FixedClock.Instance);
        foreach (MssAddress recipient in _recipients)
        {
            builder.To(recipient);
        }

        return builder.Copies.Recipients;
    }

    // Patient addresses near the ANS example 279035121518989, keeping those whose INS is valid.
    private static IEnumerable<string> PatientAddresses()
    {
        for (long body = 2_790_351_210_000; ; body++)
        {
            string ins = body.ToString(CultureInfo.InvariantCulture) + (97 - (body % 97)).ToString("00", CultureInfo.InvariantCulture);
            if (InsMatricule.TryParse(ins, out _))
            {
                yield return ins + "@patient.mssante.fr";
            }
        }
    }

    private sealed class FixedClock : IClock
    {
        internal static readonly FixedClock Instance = new();

        public Instant GetCurrentInstant() => Instant.FromUtc(2026, 3, 14, 9, 0);
    }
}
