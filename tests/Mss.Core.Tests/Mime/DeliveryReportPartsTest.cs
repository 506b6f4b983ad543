using System.Text;
using MimeKit;
using Mss.Core.Delivery;
using Mss.Core.Mime;
using static Mss.Core.Tests.Mime.MimeTestSupport;

namespace Mss.Core.Tests.Mime;

// DEL-6: the parts of a report (RFC 6522) and the fields of its delivery status (RFC 3464): which parts are read as
// what, which field wins when they disagree, what is left out.
public class DeliveryReportPartsTest
{
    private const string Recipient = "a@ch-nord.mssante.fr";

    private const string Groups = "Reporting-MTA: dns; mx.ch-nord.mssante.fr\n\nFinal-Recipient: rfc822; a@ch-nord.mssante.fr\nAction: failed\nStatus: 5.2.2\nDiagnostic-Code: smtp; 552 5.2.2 Mailbox full\n";

    private static string Report(string human, params string[] parts)
    {
        var raw = new StringBuilder("From: Mail Delivery System <MAILER-DAEMON@mx.ch-nord.mssante.fr>\nTo: dr.martin@chu-nantes.mssante.fr\nSubject: Undelivered Mail Returned to Sender\nMIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"b1\"\n\n--b1\nContent-Type: text/plain; charset=us-ascii\n\n");
        raw.Append(human).Append('\n');
        foreach (string part in parts)
        {
            raw.Append("--b1\n").Append(part).Append('\n');
        }

        return raw.Append("--b1--\n").ToString();
    }

    private static string Dsn(string fields) => "Content-Type: message/delivery-status\n\n" + fields;

    /// <summary>A report built in code (as an application or another parser would), its second part given.</summary>
    private static MimeMessage Built(MimeEntity second, MimeEntity? third = null)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Mail Delivery System", "MAILER-DAEMON@mx.ch-nord.mssante.fr"));
        message.To.Add(new MailboxAddress(string.Empty, "dr.martin@chu-nantes.mssante.fr"));
        message.Subject = "Undelivered Mail Returned to Sender";
        var report = new MultipartReport("delivery-status") { new TextPart("plain") { Text = "Delivery to the following recipients failed." }, second };
        if (third is not null)
        {
            report.Add(third);
        }

        message.Body = report;
        return message;
    }

    private static MimePart Part(string type, string subtype, string content) =>
        new(type, subtype) { Content = new MimeContent(new MemoryStream(Encoding.ASCII.GetBytes(content))) };

    private static void AssertMailboxFullFromGroups(DeliveryReport report)
    {
        Assert.Equal("mx.ch-nord.mssante.fr", report.ReportingMta);
        FailedRecipient r = Assert.Single(report.Recipients);
        Assert.Equal((Recipient, NonDeliveryReason.MailboxFull, "5.2.2", "552 5.2.2 Mailbox full", true), (r.Address, r.Reason, r.Status, r.Diagnostic, r.IsPermanent));
    }

    // DEL-6: the delivery status is read whatever its content type is written as (RFC 3464 message/delivery-status,
    // RFC 6533 message/global-delivery-status, the text/delivery-status some gateways write), and whatever class holds
    // it (MimeKit's MessageDeliveryStatus when parsed, a plain MimePart when built in code).
    [Theory]
    [InlineData("message", "delivery-status")]
    [InlineData("message", "global-delivery-status")]
    [InlineData("text", "delivery-status")]
    [InlineData("Message", "Delivery-Status")]
    public void TryRead_DeliveryStatusPartBuiltInCode_ReadLikeParsed(string type, string subtype)
    {
        Assert.True(NonDeliveryReports.TryRead(Built(Part(type, subtype, Groups)), out DeliveryReport? report));
        AssertMailboxFullFromGroups(report);
    }

    [Theory]
    [InlineData("message/delivery-status")]
    [InlineData("message/global-delivery-status")]
    [InlineData("text/delivery-status")]
    public void TryRead_DeliveryStatusPartParsed_ReadAsTheStatus(string contentType)
    {
        Assert.True(NonDeliveryReports.TryRead(Parse(Report("Delivery to the following recipients failed.", "Content-Type: " + contentType + "\n\n" + Groups)), out DeliveryReport? report));
        AssertMailboxFullFromGroups(report);
    }

    // RFC 5965: an abuse feedback report (ARF) is no bounce, even sent by a postmaster and naming an address on its own line.
    [Fact]
    public void TryRead_FeedbackReportFromPostmaster_NotABounce()
    {
        string raw = """
            From: Postmaster <postmaster@ch-nord.mssante.fr>
            To: abuse@chu-nantes.mssante.fr
            Subject: Abuse report
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=feedback-report; boundary="b1"

            --b1
            Content-Type: text/plain

            This is an email abuse report for a message received from IP 192.0.2.1.
            It was addressed to:
              a@ch-nord.mssante.fr

            --b1
            Content-Type: message/feedback-report

            Feedback-Type: abuse
            User-Agent: SomeGenerator/1.0
            Version: 1
            Original-Rcpt-To: a@ch-nord.mssante.fr

            --b1--
            """;
        Assert.False(NonDeliveryReports.TryRead(Parse(raw), out DeliveryReport? report));
        Assert.Null(report);
    }

    // DEL-4: a disposition notification (a read receipt, here "deleted without being read") is no bounce, even from a
    // postmaster naming the recipient on its own line: ReadReceipts reads it.
    [Fact]
    public void TryRead_DispositionNotificationFromPostmaster_NotABounce()
    {
        string raw = """
            From: Postmaster <postmaster@ch-nord.mssante.fr>
            To: dr.martin@chu-nantes.mssante.fr
            Subject: Deleted: Compte rendu
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=disposition-notification; boundary="b1"

            --b1
            Content-Type: text/plain

            The message sent to
              dr.durand@ch-nord.mssante.fr
            was deleted without being read.

            --b1
            Content-Type: message/disposition-notification

            Reporting-UA: mx.ch-nord.mssante.fr; Dovecot Mail Delivery Agent
            Final-Recipient: rfc822; dr.durand@ch-nord.mssante.fr
            Original-Message-ID: <orig-1@chu-nantes.mssante.fr>
            Disposition: automatic-action/MDN-sent-automatically; deleted

            --b1--
            """;
        Assert.False(NonDeliveryReports.TryRead(Parse(raw), out _));
    }

    // The same with the notification built in code as a plain MimePart: recognised by its content type.
    [Fact]
    public void TryRead_DispositionNotificationBuiltInCode_NotABounce()
    {
        MimePart mdn = Part("message", "disposition-notification", "Final-Recipient: rfc822; dr.durand@ch-nord.mssante.fr\nDisposition: automatic-action/MDN-sent-automatically; deleted\n");
        MimeMessage message = Built(mdn);
        Multipart body = Assert.IsType<MultipartReport>(message.Body);
        Assert.IsType<TextPart>(body[0]).Text = "The message sent to\n  dr.durand@ch-nord.mssante.fr\nwas deleted without being read.\n";
        Assert.False(NonDeliveryReports.TryRead(message, out _));
    }

    // The original message's id is the first one a returned part gives: the returned headers before a later attached
    // message (a gateway that also attaches the whole message, here a forwarded one of its own).
    [Fact]
    public void TryRead_TwoReturnedParts_FirstGivesTheOriginalId()
    {
        string raw = Report(
            "Delivery to the following recipients failed.",
            Dsn(Groups),
            "Content-Type: text/rfc822-headers\n\nFrom: dr.martin@chu-nantes.mssante.fr\nMessage-ID: <orig-1@chu-nantes.mssante.fr>\nSubject: Compte rendu\n",
            "Content-Type: message/rfc822\n\nFrom: secretariat@chu-nantes.mssante.fr\nMessage-ID: <other-2@chu-nantes.mssante.fr>\nSubject: Autre\n\nTexte.\n");
        Assert.True(NonDeliveryReports.TryRead(Parse(raw), out DeliveryReport? report));
        Assert.Equal("orig-1@chu-nantes.mssante.fr", report.OriginalMessageId);
    }

    // The original's id from returned headers built in code as a text/rfc822-headers text part, Message-ID line as
    // servers write it: first or last line, without angle brackets, with a comment before or after, after a look-alike.
    [Theory]
    [InlineData("Message-ID: <h1@chu-nantes.mssante.fr>", "h1@chu-nantes.mssante.fr")]
    [InlineData("From: dr.martin@chu-nantes.mssante.fr\nMessage-ID: <h2@chu-nantes.mssante.fr>\nSubject: CR\n", "h2@chu-nantes.mssante.fr")]
    [InlineData("From: dr.martin@chu-nantes.mssante.fr\nX-Original-Message-ID: <other@chu-nantes.mssante.fr>\nMessage-ID: <h3@chu-nantes.mssante.fr>\n", "h3@chu-nantes.mssante.fr")]
    [InlineData("Message-ID: 20261201.h4@chu-nantes.mssante.fr\nSubject: CR\n", "20261201.h4@chu-nantes.mssante.fr")]
    [InlineData("Message-ID: <h5@chu-nantes.mssante.fr> (added by mx.chu-nantes.mssante.fr)\nSubject: CR\n", "h5@chu-nantes.mssante.fr")]
    [InlineData("Message-ID: (original) <h6@chu-nantes.mssante.fr>\nSubject: CR\n", "h6@chu-nantes.mssante.fr")]
    public void TryRead_ReturnedHeadersTextPart_OriginalIdFromItsMessageIdLine(string headers, string expected)
    {
        MimeMessage message = Built(Part("message", "delivery-status", Groups), new TextPart("rfc822-headers") { Text = headers });
        Assert.True(NonDeliveryReports.TryRead(message, out DeliveryReport? report));
        Assert.Equal(expected, report.OriginalMessageId);
    }

    // With two delivery-status parts, the first Reporting-MTA is the report's; every recipient of both is read.
    [Fact]
    public void TryRead_TwoDeliveryStatusParts_FirstReportingMtaWins()
    {
        string raw = Report(
            "Delivery to the following recipients failed.",
            Dsn("Reporting-MTA: dns; mx1.ch-nord.mssante.fr\n\nFinal-Recipient: rfc822; a@ch-nord.mssante.fr\nAction: failed\nStatus: 5.1.1\n"),
            Dsn("Reporting-MTA: dns; mx2.ch-sud.mssante.fr\n\nFinal-Recipient: rfc822; b@ch-sud.mssante.fr\nAction: failed\nStatus: 5.2.2\n"));
        Assert.True(NonDeliveryReports.TryRead(Parse(raw), out DeliveryReport? report));
        Assert.Equal("mx1.ch-nord.mssante.fr", report.ReportingMta);
        Assert.Equal(new[] { "a@ch-nord.mssante.fr", "b@ch-sud.mssante.fr" }, report.Recipients.Select(r => r.Address));
    }

    // When the delivery-status part holds the recipients, fields the human part repeats are not read a second time.
    [Fact]
    public void TryRead_HumanPartRepeatsTheFields_EachRecipientOnce()
    {
        string raw = Report(
            "Delivery to the following recipients failed.\n\nFinal-Recipient: rfc822; a@ch-nord.mssante.fr\nAction: failed\nStatus: 5.2.2\n",
            Dsn(Groups));
        Assert.True(NonDeliveryReports.TryRead(Parse(raw), out DeliveryReport? report));
        AssertMailboxFullFromGroups(report);
    }

    // DEL-6: a bounce that writes the RFC 3464 fields in its text (a report flattened to text/plain) is read by its
    // fields, even when the text starts with them, or gives only an Action or only a Status.
    [Theory]
    [InlineData("Final-Recipient: rfc822; a@ch-nord.mssante.fr\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 User unknown\n")]
    [InlineData("The following recipient failed.\n\nFinal-Recipient: rfc822; a@ch-nord.mssante.fr\nAction: failed\nDiagnostic-Code: smtp; 550 5.1.1 User unknown\n")]
    [InlineData("The following recipient failed.\n\nFinal-Recipient: rfc822; a@ch-nord.mssante.fr\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 User unknown\n")]
    public void TryRead_FieldsInPlainText_ReadAsFields(string body)
    {
        string raw = "From: MAILER-DAEMON@mx.ch-nord.mssante.fr\nTo: dr.martin@chu-nantes.mssante.fr\nSubject: Undelivered Mail Returned to Sender\n\n" + body;
        Assert.True(NonDeliveryReports.TryRead(Parse(raw), out DeliveryReport? report));
        FailedRecipient r = Assert.Single(report.Recipients);
        Assert.Equal((Recipient, NonDeliveryReason.AddressDoesNotExist, "5.1.1", "550 5.1.1 User unknown", true), (r.Address, r.Reason, r.Status, r.Diagnostic, r.IsPermanent));
    }

    // The Reporting-MTA of a delivery-status part without recipient groups stays the report's when the recipients are
    // written as fields in the human part.
    [Fact]
    public void TryRead_PerMessageStatusPartAndFieldsInText_ReportingMtaOfThePart()
    {
        string raw = Report(
            "Delivery to the following recipients failed.\n\nFinal-Recipient: rfc822; a@ch-nord.mssante.fr\nAction: failed\nStatus: 5.1.1\n",
            Dsn("Reporting-MTA: dns; mx.ch-nord.mssante.fr\nArrival-Date: Tue, 1 Dec 2026 03:00:00 +0100\n"));
        Assert.True(NonDeliveryReports.TryRead(Parse(raw), out DeliveryReport? report));
        Assert.Equal("mx.ch-nord.mssante.fr", report.ReportingMta);
        Assert.Equal(Recipient, Assert.Single(report.Recipients).Address);
    }

    // A group whose recipient is no Internet address (an X.400 one, as old Exchange writes) is left out; the others stay.
    [Fact]
    public void TryRead_GroupWithoutInternetAddress_LeftOut()
    {
        string raw = Report(
            "Delivery to the following recipients failed.",
            Dsn("Reporting-MTA: dns; mx.ch-nord.mssante.fr\n\nFinal-Recipient: X400; c=FR;a= ;p=CHU;o=NORD;s=Durand\nAction: failed\nStatus: 5.1.1\n\n" + Groups[(Groups.IndexOf('\n') + 2)..]));
        Assert.True(NonDeliveryReports.TryRead(Parse(raw), out DeliveryReport? report));
        AssertMailboxFullFromGroups(report);
    }

    // DEL-6: without an Action, the class of the Status decides permanence; without a Status, the class of the
    // diagnostic's enhanced code, else of its SMTP reply code; with neither, the recipient is no failure.
    [Theory]
    [InlineData("Status: 5.1.1\n", true)]
    [InlineData("Status: 4.2.2\n", false)]
    [InlineData("Status: 4.4.1\nDiagnostic-Code: smtp; 550 5.1.1 User unknown\n", false)]
    [InlineData("Diagnostic-Code: smtp; 5.1.1 User unknown\n", true)]
    [InlineData("Diagnostic-Code: smtp; 550 User unknown\n", true)]
    [InlineData("Diagnostic-Code: smtp; 421 Try again later\n", false)]
    public void TryRead_NoAction_StatusClassThenDiagnosticDecides(string fields, bool permanent)
    {
        string raw = Report("Delivery to the following recipients failed.", Dsn("Reporting-MTA: dns; mx.ch-nord.mssante.fr\n\nFinal-Recipient: rfc822; a@ch-nord.mssante.fr\n" + fields));
        Assert.True(NonDeliveryReports.TryRead(Parse(raw), out DeliveryReport? report));
        FailedRecipient r = Assert.Single(report.Recipients);
        Assert.Equal(Recipient, r.Address);
        Assert.Equal(permanent, r.IsPermanent);
    }

    [Theory]
    [InlineData("Diagnostic-Code: smtp; 250 2.0.0 OK\n")]
    [InlineData("Diagnostic-Code: smtp; delivered to mailbox\n")]
    public void TryRead_NoActionNoFailureClass_NotABounce(string fields)
    {
        string raw = Report("Delivery report.", Dsn("Reporting-MTA: dns; mx.ch-nord.mssante.fr\n\nFinal-Recipient: rfc822; a@ch-nord.mssante.fr\n" + fields));
        Assert.False(NonDeliveryReports.TryRead(Parse(raw), out _));
    }

    // DEL-6: the Action decides over a Status that contradicts it: a delivered or relayed recipient is no failure.
    [Theory]
    [InlineData("delivered")]
    [InlineData("relayed")]
    [InlineData("expanded")]
    public void TryRead_SuccessActionWithFailureStatus_NotABounce(string action)
    {
        string raw = Report("Delivery report.", Dsn("Reporting-MTA: dns; mx.ch-nord.mssante.fr\n\nFinal-Recipient: rfc822; a@ch-nord.mssante.fr\nAction: " + action + "\nStatus: 5.0.0\n"));
        Assert.False(NonDeliveryReports.TryRead(Parse(raw), out _));
    }

    // DEL-6: with a generic status and no diagnostic, a refusal word where the human part names the recipient gives the reason.
    [Fact]
    public void TryRead_GenericStatusAndRefusalWordInHumanPart_Refused()
    {
        string raw = Report(
            "Your message to a@ch-nord.mssante.fr was rejected by the recipient's server.",
            Dsn("Reporting-MTA: dns; mx.ch-nord.mssante.fr\n\nFinal-Recipient: rfc822; a@ch-nord.mssante.fr\nAction: failed\nStatus: 5.0.0\n"));
        Assert.True(NonDeliveryReports.TryRead(Parse(raw), out DeliveryReport? report));
        FailedRecipient r = Assert.Single(report.Recipients);
        Assert.Equal((NonDeliveryReason.Refused, "5.0.0"), (r.Reason, r.Status));
    }
}
