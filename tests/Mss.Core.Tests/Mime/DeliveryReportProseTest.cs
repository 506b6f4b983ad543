using Mss.Core.Delivery;
using Mss.Core.Mime;
using static Mss.Core.Tests.Mime.MimeTestSupport;

namespace Mss.Core.Tests.Mime;

// DEL-6: the human-readable text of a bounce: which parts it is taken from, how HTML is turned into lines, where the
// returned copy's addressee is found when the text names nobody.
public class DeliveryReportProseTest
{
    private const string Recipient = "a@ch-nord.mssante.fr";

    private const string DaemonHeaders = "From: Mail Delivery System <MAILER-DAEMON@mx.ch-nord.mssante.fr>\nTo: dr.martin@chu-nantes.mssante.fr\nSubject: Undelivered Mail Returned to Sender\nMIME-Version: 1.0\n";

    // An Exchange-style HTML bounce: the block tags (br, p, div, tr, li, opening or closing, any case, with attributes)
    // end a line, so the reply is a line of its own; other tags and comments are a space within the line.
    [Theory]
    [InlineData("<br>", true)]
    [InlineData("<BR>", true)]
    [InlineData("<br/>", true)]
    [InlineData("<p>", true)]
    [InlineData("</p>", true)]
    [InlineData("<p class=\"x\">", true)]
    [InlineData("<div>", true)]
    [InlineData("</div>", true)]
    [InlineData("<tr>", true)]
    [InlineData("<li>", true)]
    [InlineData("<b>", false)]
    [InlineData("</b>", false)]
    [InlineData("<span style=\"color:red\">", false)]
    [InlineData("<picture>", false)]
    [InlineData("<!-- x -->", false)]
    public void TryRead_HtmlBounce_BlockTagsEndLines(string tag, bool block)
    {
        string raw = DaemonHeaders + "Content-Type: text/html; charset=us-ascii\n\n"
            + "<html><body><p>Delivery has failed to these recipients or groups:</p>\n<p>a@ch-nord.mssante.fr</p>\n"
            + "<p>Diagnostic information for administrators:</p>\nGenerating server: mx.ch-nord.mssante.fr" + tag + "Remote Server returned '550 5.1.1 User unknown'";
        Assert.True(NonDeliveryReports.TryRead(Parse(raw), out DeliveryReport? report));
        FailedRecipient r = Assert.Single(report.Recipients);
        Assert.Equal(Recipient, r.Address);
        Assert.Equal(NonDeliveryReason.AddressDoesNotExist, r.Reason);
        string reply = "Remote Server returned '550 5.1.1 User unknown'";
        Assert.Equal(block ? reply : "Generating server: mx.ch-nord.mssante.fr " + reply, r.Diagnostic);
    }

    // When the text names no address, the recipient is the addressee of the returned copy: its unindented To: line,
    // not the To: inside Reply-To:, even when the copy (headers only, as Exim returns a large message) ends with it.
    [Fact]
    public void TryRead_NoAddressInText_ToLineOfTheReturnedHeaders()
    {
        string raw = DaemonHeaders + "Content-Type: text/plain; charset=us-ascii\n\n"
            + "This message was created automatically by mail delivery software.\n\nA message that you sent could not be delivered to one or more of its recipients.\n"
            + "The server said: 550 5.1.1 User unknown\n\n"
            + "------ This is a copy of the message's headers. ------\n\n"
            + "From: dr.martin@chu-nantes.mssante.fr\nReply-To: secretariat@chu-nantes.mssante.fr\nSubject: Compte rendu\nTo: a@ch-nord.mssante.fr";
        Assert.True(NonDeliveryReports.TryRead(Parse(raw), out DeliveryReport? report));
        FailedRecipient r = Assert.Single(report.Recipients);
        Assert.Equal(Recipient, r.Address);
        Assert.Equal(NonDeliveryReason.AddressDoesNotExist, r.Reason);
    }

    // RFC 6522: the explanation is the report's first part. A returned message attached as a text part after it is
    // not read as the server's words (its body may well say "quota").
    [Fact]
    public void TryRead_ReturnedMessageAsTextPart_NotReadAsTheExplanation()
    {
        string raw = DaemonHeaders + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b1\"\n\n"
            + "--b1\nContent-Type: text/plain\n\nDelivery to the following recipients failed.\n\n"
            + "--b1\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.ch-nord.mssante.fr\n\nFinal-Recipient: rfc822; a@ch-nord.mssante.fr\nAction: failed\nStatus: 5.0.0\n\n"
            + "--b1\nContent-Type: text/plain; name=\"original.txt\"\nContent-Disposition: attachment; filename=\"original.txt\"\n\n"
            + "To: a@ch-nord.mssante.fr\nSubject: Rendez-vous\n\nVotre quota de rendez-vous est atteint.\n\n--b1--\n";
        Assert.True(NonDeliveryReports.TryRead(Parse(raw), out DeliveryReport? report));
        FailedRecipient r = Assert.Single(report.Recipients);
        Assert.Equal((Recipient, NonDeliveryReason.Other, "5.0.0"), (r.Address, r.Reason, r.Status));
    }

    // A bounce without a report: every text/plain part is read in order (the explanation may come in the second one);
    // a text attachment of another type (a delivery log) is not.
    [Fact]
    public void TryRead_MultipartBounce_EveryPlainPartButNotOtherTextAttachments()
    {
        string raw = DaemonHeaders + "Content-Type: multipart/mixed; boundary=\"b1\"\n\n"
            + "--b1\nContent-Type: text/plain\n\nThis is the mail system at host mx.ch-nord.mssante.fr.\n\nI'm sorry to have to inform you that your message could not be delivered.\n\n"
            + "--b1\nContent-Type: text/plain\n\n<a@ch-nord.mssante.fr>: 550 5.1.1 User unknown\n\n"
            + "--b1\nContent-Type: text/csv; name=\"delivery-log.csv\"\nContent-Disposition: attachment; filename=\"delivery-log.csv\"\n\n"
            + "b@ch-sud.mssante.fr,delivered,250 2.0.0 OK\n\n--b1--\n";
        Assert.True(NonDeliveryReports.TryRead(Parse(raw), out DeliveryReport? report));
        FailedRecipient r = Assert.Single(report.Recipients);
        Assert.Equal((Recipient, NonDeliveryReason.AddressDoesNotExist), (r.Address, r.Reason));
        Assert.Equal("550 5.1.1 User unknown", r.Diagnostic); // the remote server's text, without the address's ">: "
    }

    // A multipart bounce whose parts are lost (only a closing boundary): the text after it is read.
    [Fact]
    public void TryRead_TextAfterTheClosingBoundaryOnly_Read()
    {
        string raw = DaemonHeaders + "Content-Type: multipart/mixed; boundary=\"b1\"\n\n--b1--\n<a@ch-nord.mssante.fr>: 550 5.1.1 User unknown\n";
        Assert.True(NonDeliveryReports.TryRead(Parse(raw), out DeliveryReport? report));
        FailedRecipient r = Assert.Single(report.Recipients);
        Assert.Equal((Recipient, NonDeliveryReason.AddressDoesNotExist), (r.Address, r.Reason));
    }

    // The returned message's addressee written without a domain (a local alias) is the recipient as written.
    [Fact]
    public void TryRead_ReturnedMessageToLocalAlias_RecipientAsWritten()
    {
        string raw = DaemonHeaders + "Content-Type: multipart/mixed; boundary=\"b1\"\n\n"
            + "--b1\nContent-Type: text/plain\n\nYour message could not be delivered: 550 5.1.1 User unknown\n\n"
            + "--b1\nContent-Type: message/rfc822\n\nFrom: dr.martin@chu-nantes.mssante.fr\nTo: secretariat\nSubject: Compte rendu\n\nBonjour.\n\n--b1--\n";
        Assert.True(NonDeliveryReports.TryRead(Parse(raw), out DeliveryReport? report));
        Assert.Equal("secretariat", Assert.Single(report.Recipients).Address);
    }
}
