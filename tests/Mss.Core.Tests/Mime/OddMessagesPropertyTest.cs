using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MimeKit;
using Mss.Core.Mime;
using static Mss.Core.Tests.Mime.MimeTestSupport;

namespace Mss.Core.Tests.Mime;

// Try… never throws: the readers get received mail, which may be anything.
[Properties(MaxTest = 300)]
public class OddMessagesPropertyTest
{
    private static readonly Gen<string> Noise = Gen.OneOf(
        ArbMap.Default.GeneratorFor<string>().Select(s => s ?? string.Empty),
        Gen.Elements("\n\n", ":", "Status: 5.1.1", "Final-Recipient: rfc822;", "Disposition: ;", "=?utf-8?b?@@@?=", "--b--", "Action: failed\nStatus: 5.2.1", "\u0000\uFFFF"));

    // Any text in place of the machine-readable and human parts of a bounce and of a read receipt.
    [Property]
    public Property Readers_NeverThrow_OnCorruptedReportParts()
    {
        return Prop.ForAll(Gen.Two(Noise).ToArbitrary(), t =>
        {
            (string human, string machine) = t;
            string bounce = NonDeliveryReportsTest.PostfixBounce;
            int status = bounce.IndexOf("Reporting-MTA", StringComparison.Ordinal);
            int statusEnd = bounce.IndexOf("--4ZK1q25Xb6z9sWN", status, StringComparison.Ordinal);
            int text = bounce.IndexOf("This is the mail system", StringComparison.Ordinal);
            int textEnd = bounce.IndexOf("--4ZK1q25Xb6z9sWN", text, StringComparison.Ordinal);
            string corrupted = bounce.Substring(0, text) + human + "\n" + bounce.Substring(textEnd, status - textEnd) + machine + "\n" + bounce.Substring(statusEnd);
            MimeMessage message = Parse(corrupted);
            NonDeliveryReports.TryClassify(message, out _, out _);
            ReadReceipts.TryRead(message, out _, out _);
            MssMessageReader.TryRead(message, out _);

            MimeMessage asMdn = Parse(corrupted.Replace("report-type=delivery-status", "report-type=disposition-notification", StringComparison.Ordinal)
                .Replace("message/delivery-status", "message/disposition-notification", StringComparison.Ordinal));
            ReadReceipts.TryRead(asMdn, out _, out _);
            return true;
        });
    }

    // Any header block and body parsed as a message.
    [Property]
    public Property Readers_NeverThrow_OnArbitraryHeaders()
    {
        Gen<string> header = Gen.Elements("From", "To", "Cc", "Date", "Subject", "X-MSS-MES", "Content-Type", "Message-ID")
            .SelectMany(name => Noise.Select(value => name + ": " + value.Replace("\n", " ", StringComparison.Ordinal)));
        return Prop.ForAll(Gen.ListOf(header).ToArbitrary(), Noise.ToArbitrary(), (headers, body) =>
        {
            MimeMessage message;
            try
            {
                message = Parse(string.Join("\n", headers) + "\n\n" + body);
            }
            catch (FormatException)
            {
                return true; // MimeKit refused the bytes: nothing for our readers to read
            }

            NonDeliveryReports.TryClassify(message, out _, out _);
            ReadReceipts.TryRead(message, out _, out _);
            MssMessageReader.ReadAll(message);
            return true;
        });
    }
}
