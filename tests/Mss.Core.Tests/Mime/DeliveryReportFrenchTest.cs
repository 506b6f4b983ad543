using System.Text;
using Mss.Core.Delivery;
using Mss.Core.Mime;
using static Mss.Core.Tests.Mime.MimeTestSupport;

namespace Mss.Core.Tests.Mime;

// DEL-2: the French text decides. A text goes to the recipient it names; a text naming no recipient of the report goes to
// the next permanently failed recipient without a French reason of its own, whose address becomes the one the text
// quotes (the address as sent); a text left over is a recipient of its own.
public class DeliveryReportFrenchTest
{
    private const string A = "a@ch-nord.mssante.fr";
    private const string B = "b@ch-nord.mssante.fr";
    private const string C = "c@ch-nord.mssante.fr";
    private const string Delayed = "x@ch-nord.mssante.fr";
    private const string Z1 = "279035121518989@patient.mssante.fr";
    private const string Z2 = "185057508812345@patient.mssante.fr";

    private const string NotExist = "cette adresse n'existe pas";
    private const string Full = "la boîte aux lettres de votre destinataire est pleine";
    private const string RefusedEnding = "le serveur de votre destinataire l'a refusé";

    private static string French(string address, string ending) =>
        "Le message que vous avez envoyé à l'adresse \"" + address + "\" n'a pas pu être distribué, car " + ending + ".";

    private static string Failed(string address, string status = "5.0.0", string? diagnostic = null) =>
        "\nFinal-Recipient: rfc822; " + address + "\nAction: failed\nStatus: " + status + "\n" + (diagnostic is null ? string.Empty : "Diagnostic-Code: smtp; " + diagnostic + "\n");

    private static string Delay(string address) => "\nFinal-Recipient: rfc822; " + address + "\nAction: delayed\nStatus: 4.4.7\n";

    private static DeliveryReport Read(string human, params string[] groups)
    {
        var raw = new StringBuilder("From: Mail Delivery System <MAILER-DAEMON@patient.mssante.fr>\nTo: dr.martin@chu-nantes.mssante.fr\nSubject: Message non distribué\nMIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"b1\"\n\n");
        raw.Append("--b1\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n").Append(human).Append("\n\n");
        raw.Append("--b1\nContent-Type: message/delivery-status\nContent-Transfer-Encoding: 8bit\n\nReporting-MTA: dns; patient.mssante.fr\n");
        foreach (string group in groups)
        {
            raw.Append(group);
        }

        raw.Append("\n--b1--\n");
        Assert.True(NonDeliveryReports.TryRead(Parse(raw.ToString()), out DeliveryReport? report));
        return report;
    }

    private static (string Address, NonDeliveryReason Reason, bool IsPermanent)[] Summary(DeliveryReport report) =>
        report.Recipients.Select(r => (r.Address, r.Reason, r.IsPermanent)).ToArray();

    // A delayed recipient is passed over: the text naming no recipient goes to the next failed one.
    [Fact]
    public void TryRead_UnmatchedText_SkipsDelayedRecipient()
    {
        DeliveryReport report = Read(French(Z1, NotExist), Delay(Delayed), Failed(B));
        Assert.Equal(new[] { (Delayed, NonDeliveryReason.Expired, false), (Z1, NonDeliveryReason.AddressDoesNotExist, true) }, Summary(report));
    }

    // No failed recipient left for them: each text is a permanently failed recipient of its own, in order.
    [Fact]
    public void TryRead_UnmatchedTextsAndOnlyADelay_EachTextARecipient()
    {
        DeliveryReport report = Read(French(Z1, NotExist) + "\n" + French(Z2, Full), Delay(Delayed));
        Assert.Equal(
            new[] { (Delayed, NonDeliveryReason.Expired, false), (Z1, NonDeliveryReason.AddressDoesNotExist, true), (Z2, NonDeliveryReason.MailboxFull, true) },
            Summary(report));
    }

    // A text quoting no address (a server filling its template without it) names no recipient: with no failed
    // recipient to take it, it is left out.
    [Fact]
    public void TryRead_TextWithoutAddressAndOnlyADelay_LeftOut()
    {
        DeliveryReport report = Read(French(string.Empty, NotExist), Delay(Delayed));
        Assert.Equal(new[] { (Delayed, NonDeliveryReason.Expired, false) }, Summary(report));
    }

    // … with a failed recipient, it gives its reason and the recipient keeps its address.
    [Fact]
    public void TryRead_TextWithoutAddress_ReasonToTheFailedRecipient()
    {
        DeliveryReport report = Read(French(string.Empty, Full), Failed(A));
        Assert.Equal(new[] { (A, NonDeliveryReason.MailboxFull, true) }, Summary(report));
    }

    // A recipient that got its own text keeps it; the texts naming nobody go to the next recipients, one each.
    [Fact]
    public void TryRead_MatchedAndUnmatchedTexts_OneTextPerRecipient()
    {
        DeliveryReport report = Read(French(Z1, NotExist) + "\n" + French(A, RefusedEnding) + "\n" + French(Z2, Full), Failed(A), Failed(B), Failed(C));
        Assert.Equal(
            new[] { (A, NonDeliveryReason.Refused, true), (Z1, NonDeliveryReason.AddressDoesNotExist, true), (Z2, NonDeliveryReason.MailboxFull, true) },
            Summary(report));
    }

    // A French text in a recipient's Diagnostic-Code is its own: a text of the human part naming nobody goes to the next one.
    [Fact]
    public void TryRead_FrenchInDiagnostic_KeptAndUnmatchedTextGoesToTheNext()
    {
        DeliveryReport report = Read(French(Z2, Full), Failed(A, "5.1.1", "550 5.1.1 " + French(A, RefusedEnding)), Failed(B));
        Assert.Equal(new[] { (A, NonDeliveryReason.Refused, true), (Z2, NonDeliveryReason.MailboxFull, true) }, Summary(report));
    }

    // DEL-2: the address quoted by the French text of the diagnostic is the address as sent: it replaces the final
    // recipient (an internal mailbox); a text quoting no address leaves the final recipient.
    [Theory]
    [InlineData(Z1, Z1)]
    [InlineData("", "boite-42@store.patient.mssante.fr")]
    public void TryRead_FrenchInDiagnostic_QuotedAddressIsTheRecipient(string quoted, string expected)
    {
        DeliveryReport report = Read("Votre message n'a pas pu être distribué.", Failed("boite-42@store.patient.mssante.fr", "5.1.1", "550 5.1.1 " + French(quoted, "la messagerie Mon espace santé de votre destinataire est clôturée")));
        Assert.Equal(new[] { (expected, NonDeliveryReason.MailboxClosed, true) }, Summary(report));
    }
}
