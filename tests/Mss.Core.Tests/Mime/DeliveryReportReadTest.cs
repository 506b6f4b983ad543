using System.Text;
using MimeKit;
using Mss.Core.Delivery;
using Mss.Core.Mime;
using static Mss.Core.Tests.Mime.MimeTestSupport;

namespace Mss.Core.Tests.Mime;

// DEL-6: NonDeliveryReports.TryRead on reports as servers write them (hand-written in their shapes; real ones in BounceCorpusTest).
public class DeliveryReportReadTest
{
    private const string Head = """
        From: Mail Delivery System <MAILER-DAEMON@mx.chu-nantes.mssante.fr>
        To: dr.martin@chu-nantes.mssante.fr
        Subject: Undelivered Mail Returned to Sender
        MIME-Version: 1.0
        Content-Type: multipart/report; boundary="b1"

        --b1
        Content-Type: text/plain; charset=us-ascii

        Delivery to some recipients failed.

        --b1
        Content-Type: message/delivery-status


        """;

    private const string Tail = """

        --b1
        Content-Type: text/rfc822-headers

        From: dr.martin@chu-nantes.mssante.fr
        Message-ID: <orig-42@chu-nantes.mssante.fr>
        Subject: Compte rendu

        --b1--
        """;

    // Missing report-type, groups without blank lines, comments after fields, Original-Recipient preferred (as sent, not
    // decoded), a contradicting status, Office 365's 5.1.10, a delivered recipient left out, per-message fields.
    [Fact]
    public void TryRead_ReportAsServersWriteIt_EveryFailedRecipientWithItsReason()
    {
        string dsn = """
            Reporting-MTA: dns; mx.chu-nantes.mssante.fr
            Final-Recipient: rfc822; a@ch-nord.mssante.fr
            Action: failed (bad mailbox)
            Status: 5.0.0 (permanent)
            Diagnostic-Code: smtp; 550 5.1.1 <a@ch-nord.mssante.fr>... User Unknown
            Final-Recipient: rfc822; b@ch-sud.mssante.fr
            Action: failed
            Status: 5.1.1
            Diagnostic-Code: smtp; 550 5.7.1 IP blacklisted by policy
            Original-Recipient: rfc822;=?utf-8?q?c=C3=A9?=@ch-est.mssante.fr
            Final-Recipient: rfc822; c-internal@store.ch-est.mssante.fr
            Action: failed
            Status: 5.1.10
            Diagnostic-Code: smtp; 550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup

            Final-Recipient: rfc822; d@ch-ouest.mssante.fr
            Action: delivered
            Status: 2.0.0
            """;
        Assert.True(NonDeliveryReports.TryRead(Parse(Head + dsn + Tail), out DeliveryReport? report));
        Assert.Equal(3, report.Recipients.Count);
        Assert.Equal("orig-42@chu-nantes.mssante.fr", report.OriginalMessageId);
        Assert.Equal("mx.chu-nantes.mssante.fr", report.ReportingMta);

        Assert.Equal("a@ch-nord.mssante.fr", report.Recipients[0].Address);
        Assert.Equal(NonDeliveryReason.AddressDoesNotExist, report.Recipients[0].Reason);
        Assert.Equal("5.1.1", report.Recipients[0].Status);
        Assert.True(report.Recipients[0].IsPermanent);
        Assert.Equal("550 5.1.1 <a@ch-nord.mssante.fr>... User Unknown", report.Recipients[0].Diagnostic);

        Assert.Equal("b@ch-sud.mssante.fr", report.Recipients[1].Address);
        Assert.Equal(NonDeliveryReason.Refused, report.Recipients[1].Reason);
        Assert.Equal("5.1.1", report.Recipients[1].Status);

        Assert.Equal("=?utf-8?q?c=C3=A9?=@ch-est.mssante.fr", report.Recipients[2].Address);
        Assert.Equal(NonDeliveryReason.AddressDoesNotExist, report.Recipients[2].Reason);
        Assert.Equal("5.1.10", report.Recipients[2].Status);
        Assert.True(report.Recipients[0].TryGetMssAddress(out MssAddress a));
        Assert.Equal("a@ch-nord.mssante.fr", a.ToString());
    }

    // DEL-6: a delay is reported, not permanent; TryClassify (first permanent failure) says false for it.
    [Fact]
    public void TryRead_Delay_NotPermanent()
    {
        string dsn = """
            Reporting-MTA: dns; mx.chu-nantes.mssante.fr

            Final-Recipient: rfc822; a@ch-nord.mssante.fr
            Action: delayed
            Status: 4.4.1
            Diagnostic-Code: smtp; 421 4.4.1 Connection timed out
            """;
        MimeMessage message = Parse(Head + dsn + Tail);
        Assert.True(NonDeliveryReports.TryRead(message, out DeliveryReport? report));
        FailedRecipient r = Assert.Single(report.Recipients);
        Assert.False(r.IsPermanent);
        Assert.False(report.HasPermanentFailure);
        Assert.False(NonDeliveryReports.TryClassify(message, out _, out _));
    }

    // TryClassify = the first permanent failure of TryRead: a delayed recipient before it is skipped.
    [Fact]
    public void TryClassify_SkipsDelayedRecipients_FirstPermanentFailure()
    {
        string dsn = """
            Reporting-MTA: dns; mx.chu-nantes.mssante.fr

            Final-Recipient: rfc822; a@ch-nord.mssante.fr
            Action: delayed
            Status: 4.2.2

            Final-Recipient: rfc822; b@ch-sud.mssante.fr
            Action: failed
            Status: 5.3.4
            """;
        Assert.True(NonDeliveryReports.TryClassify(Parse(Head + dsn + Tail), out NonDeliveryReason reason, out string? recipient));
        Assert.Equal(NonDeliveryReason.MessageTooLarge, reason);
        Assert.Equal("b@ch-sud.mssante.fr", recipient);
    }

    // DEL-2 first, per recipient: each French text of the human part goes to the recipient it names, whatever the status.
    [Fact]
    public void TryRead_FrenchTextsForTwoRecipients_EachDecidesItsOwn()
    {
        string head = Head.Replace("Delivery to some recipients failed.",
            "Le message que vous avez envoyé à l'adresse \"185057508812345@patient.mssante.fr\" n'a pas pu être distribué, car cette adresse Mon espace santé est invalidé.\n"
            + "Le message que vous avez envoyé à l'adresse \"279035121518989@patient.mssante.fr\" n'a pas pu être distribué, car la messagerie Mon espace santé de votre destinataire est clôturée.", StringComparison.Ordinal)
            .Replace("charset=us-ascii", "charset=utf-8", StringComparison.Ordinal);
        string dsn = """
            Reporting-MTA: dns; patient.mssante.fr

            Final-Recipient: rfc822; 279035121518989@patient.mssante.fr
            Action: failed
            Status: 5.1.1

            Final-Recipient: rfc822; 185057508812345@patient.mssante.fr
            Action: failed
            Status: 5.1.1
            """;
        Assert.True(NonDeliveryReports.TryRead(Parse(head + dsn + Tail), out DeliveryReport? report));
        Assert.Equal(2, report.Recipients.Count);
        Assert.Equal(("279035121518989@patient.mssante.fr", NonDeliveryReason.MailboxClosed), (report.Recipients[0].Address, report.Recipients[0].Reason));
        Assert.Equal(("185057508812345@patient.mssante.fr", NonDeliveryReason.AddressInvalid), (report.Recipients[1].Address, report.Recipients[1].Reason));
        Assert.Equal("5.1.1", report.Recipients[0].Status);
    }

    // DEL-6: "delivered" and "relayed" reports are no bounces.
    [Theory]
    [InlineData("delivered", "2.0.0")]
    [InlineData("relayed", "2.1.5")]
    [InlineData("expanded", "2.0.0")]
    public void TryRead_SuccessReports_NotBounces(string action, string status)
    {
        string dsn = "Reporting-MTA: dns; mx.example.org\n\nFinal-Recipient: rfc822; a@ch-nord.mssante.fr\nAction: " + action + "\nStatus: " + status + "\n";
        Assert.False(NonDeliveryReports.TryRead(Parse(Head + dsn + Tail), out DeliveryReport? report));
        Assert.Null(report);
    }

    // DEL-2 first: the French text in the human part decides, whatever the quotes, "invalide" as well as "invalidé".
    [Theory]
    [InlineData("« 279035121518989@patient.mssante.fr »", "cette adresse Mon espace santé est invalide", NonDeliveryReason.AddressInvalid)]
    [InlineData("“279035121518989@patient.mssante.fr”", "la messagerie Mon espace santé de votre destinataire est clôturée", NonDeliveryReason.MailboxClosed)]
    [InlineData("'279035121518989@patient.mssante.fr'", "cette adresse Mon espace santé n'existe pas", NonDeliveryReason.AddressDoesNotExist)]
    public void TryRead_PlainFrenchBounce_FrenchTextDecides(string quoted, string ending, NonDeliveryReason expected)
    {
        string raw = "From: MAILER-DAEMON@patient.mssante.fr\nTo: dr.martin@chu-nantes.mssante.fr\nSubject: Message non distribué\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n"
            + "Le message que vous avez envoyé à l'adresse " + quoted + " n'a pas pu être distribué, car " + ending + ".\n\n550 5.7.1 refused\n";
        Assert.True(NonDeliveryReports.TryRead(Parse(raw), out DeliveryReport? report));
        FailedRecipient r = Assert.Single(report.Recipients);
        Assert.Equal(expected, r.Reason);
        Assert.Equal("279035121518989@patient.mssante.fr", r.Address);
        Assert.True(r.IsPermanent);
    }

    // Plain-text bounces without a report: Exim (X-Failed-Recipients), qmail, Sendmail, in their shapes.
    [Fact]
    public void TryRead_EximPlainBounce_TwoRecipients()
    {
        string raw = """
            From: Mail Delivery System <Mailer-Daemon@mx.ch-nord.mssante.fr>
            To: dr.martin@chu-nantes.mssante.fr
            Subject: Mail delivery failed: returning message to sender
            X-Failed-Recipients: a@ch-nord.mssante.fr, b@ch-nord.mssante.fr

            This message was created automatically by mail delivery software.

            A message that you sent could not be delivered to one or more of its
            recipients. This is a permanent error. The following address(es) failed:

              a@ch-nord.mssante.fr
                SMTP error from remote mail server after RCPT TO:<a@ch-nord.mssante.fr>:
                host mx2.ch-nord.mssante.fr [192.0.2.1]: 552 5.2.2 Mailbox full
              b@ch-nord.mssante.fr
                SMTP error from remote mail server after RCPT TO:<b@ch-nord.mssante.fr>:
                host mx2.ch-nord.mssante.fr [192.0.2.1]: 550 5.1.1 User unknown

            ------ This is a copy of the message, including all the headers. ------

            From: dr.martin@chu-nantes.mssante.fr
            To: a@ch-nord.mssante.fr, b@ch-nord.mssante.fr, c@ch-nord.mssante.fr
            Message-ID: <exim-1@chu-nantes.mssante.fr>
            """;
        Assert.True(NonDeliveryReports.TryRead(Parse(raw), out DeliveryReport? report));
        Assert.Equal(2, report.Recipients.Count);
        Assert.Equal(("a@ch-nord.mssante.fr", NonDeliveryReason.MailboxFull, "5.2.2"), (report.Recipients[0].Address, report.Recipients[0].Reason, report.Recipients[0].Status));
        Assert.Equal(("b@ch-nord.mssante.fr", NonDeliveryReason.AddressDoesNotExist, "5.1.1"), (report.Recipients[1].Address, report.Recipients[1].Reason, report.Recipients[1].Status));
        Assert.Equal("exim-1@chu-nantes.mssante.fr", report.OriginalMessageId);
    }

    [Fact]
    public void TryRead_QmailPlainBounce()
    {
        string raw = """
            From: MAILER-DAEMON@mx.ch-sud.mssante.fr
            To: dr.martin@chu-nantes.mssante.fr
            Subject: failure notice

            Hi. This is the qmail-send program at mx.ch-sud.mssante.fr.
            I'm afraid I wasn't able to deliver your message to the following addresses.
            This is a permanent error; I've given up. Sorry it didn't work out.

            <x@ch-sud.mssante.fr>:
            192.0.2.7 does not like recipient.
            Remote host said: 552 5.3.4 Message size exceeds fixed limit
            Giving up on 192.0.2.7.

            --- Below this line is a copy of the message.

            To: x@ch-sud.mssante.fr
            """;
        Assert.True(NonDeliveryReports.TryRead(Parse(raw), out DeliveryReport? report));
        FailedRecipient r = Assert.Single(report.Recipients);
        Assert.Equal("x@ch-sud.mssante.fr", r.Address);
        Assert.Equal(NonDeliveryReason.MessageTooLarge, r.Reason);
        Assert.Equal("Remote host said: 552 5.3.4 Message size exceeds fixed limit", r.Diagnostic);
    }

    // Not bounces: feedback reports (ARF), read receipts, auto-replies, ordinary mail.
    [Theory]
    [InlineData("From: staff@example.org\nTo: a@b.mssante.fr\nSubject: FW: abuse\nContent-Type: multipart/report; report-type=feedback-report; boundary=\"b\"\n\n--b\nContent-Type: text/plain\n\nabuse report\n--b\nContent-Type: message/feedback-report\n\nFeedback-Type: abuse\nUser-Agent: x/1\nVersion: 1\n--b--\n")]
    [InlineData("From: x@ch-nord.mssante.fr\nTo: a@b.mssante.fr\nSubject: Automatic reply: Compte rendu\nAuto-Submitted: auto-replied\n\nJe suis absent jusqu'au 3 mars.\nurgent@ch-nord.mssante.fr\n")]
    [InlineData("From: x@ch-nord.mssante.fr\nTo: a@b.mssante.fr\nSubject: Compte rendu\n\nBonjour,\ny@ch-nord.mssante.fr: 550 user unknown, je crois ?\n")]
    public void TryRead_NotBounces_False(string raw)
    {
        Assert.False(NonDeliveryReports.TryRead(Parse(raw), out _));
    }

    // Never throws (issue 16): null, truncated, garbage charsets, 10 MB headers, 10^5 recipients, deep multiparts.
    [Fact]
    public void TryRead_HostileInput_NeverThrows()
    {
        Assert.False(NonDeliveryReports.TryRead(null, out _));
        Assert.False(NonDeliveryReports.TryRead(new MimeMessage(), out _));

        string truncated = (Head + "Final-Recipient: rfc822; a@ch-nord.mssante.fr\nAction: fa")[..(Head.Length + 40)];
        NonDeliveryReports.TryRead(Parse(truncated), out _);

        string badCharset = Head.Replace("charset=us-ascii", "charset=x-no-such-charset", StringComparison.Ordinal) + "Final-Recipient: rfc822; a@ch-nord.mssante.fr\nAction: failed\nStatus: 5.1.1\n" + Tail;
        Assert.True(NonDeliveryReports.TryRead(Parse(badCharset), out _));

        string hugeHeader = "X-Big: " + new string('a', 10_000_000) + "\n" + Head + "Final-Recipient: rfc822; a@ch-nord.mssante.fr\nAction: failed\nStatus: 5.2.2\n" + Tail;
        Assert.True(NonDeliveryReports.TryRead(Parse(hugeHeader), out DeliveryReport? big));
        Assert.Equal(NonDeliveryReason.MailboxFull, Assert.Single(big.Recipients).Reason);
    }

    [Fact]
    public void TryRead_100000Recipients_AllRead()
    {
        var dsn = new StringBuilder("Reporting-MTA: dns; mx.example.org\n");
        for (int i = 0; i < 100_000; i++)
        {
            dsn.Append("\nFinal-Recipient: rfc822; r").Append(i).Append("@ch-nord.mssante.fr\nAction: failed\nStatus: 5.2.2\n");
        }

        Assert.True(NonDeliveryReports.TryRead(Parse(Head + dsn + Tail), out DeliveryReport? report));
        Assert.Equal(100_000, report.Recipients.Count);
        Assert.Equal("r99999@ch-nord.mssante.fr", report.Recipients[99_999].Address);
    }

    // Issue 16: a human part nested 100,000 multiparts deep (built in code) and 1,000 deep (parsed): no stack overflow.
    [Fact]
    public void TryRead_DeeplyNestedMultiparts_NoStackOverflow()
    {
        MimeEntity inner = new TextPart("plain") { Text = "x" };
        for (int i = 0; i < 100_000; i++)
        {
            inner = new Multipart("mixed") { inner };
        }

        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("", "MAILER-DAEMON@mx.example.org"));
        message.Subject = "Undelivered Mail";
        message.Body = inner;
        Assert.False(NonDeliveryReports.TryRead(message, out _));
        Assert.False(NonDeliveryReports.TryClassify(message, out _, out _));
        Assert.False(ReadReceipts.TryRead(message, out _, out _));

        var raw = new StringBuilder("From: MAILER-DAEMON@mx.example.org\nSubject: Undelivered Mail\nMIME-Version: 1.0\n");
        for (int i = 0; i < 1000; i++)
        {
            raw.Append("Content-Type: multipart/mixed; boundary=\"b").Append(i).Append("\"\n\n--b").Append(i).Append('\n');
        }

        raw.Append("Content-Type: text/plain\n\n<a@ch-nord.mssante.fr>: 550 5.1.1 User unknown\n");
        NonDeliveryReports.TryRead(Parse(raw.ToString()), out _);
    }

    // Issue 16: one message read from several threads at once (documented as unsupported) never throws out of Try….
    [Fact]
    public void TryRead_SharedAcrossThreads_NeverThrows()
    {
        string dsn = "Reporting-MTA: dns; mx.example.org\n\nFinal-Recipient: rfc822; a@ch-nord.mssante.fr\nAction: failed\nStatus: 5.1.1\n";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes((Head + dsn + Tail).Replace("\n", "\r\n", StringComparison.Ordinal)));
        MimeMessage shared = MimeMessage.Load(stream, persistent: true);
        Parallel.For(0, 64, i =>
        {
            NonDeliveryReports.TryRead(shared, out _);
            NonDeliveryReports.TryClassify(shared, out _, out _);
            ReadReceipts.TryRead(shared, out _, out _);
        });
    }
}
