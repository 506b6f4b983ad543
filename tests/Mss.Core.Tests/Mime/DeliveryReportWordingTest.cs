using Mss.Core.Delivery;
using Mss.Core.Mime;
using static Mss.Core.Tests.Mime.MimeTestSupport;

namespace Mss.Core.Tests.Mime;

// DEL-6: plain-text bounces (no RFC 3464 part) are recognised and read by their wording: who sent them, their subject,
// the phrases of their text. One hand-written message per behaviour, in the shapes Exim, qmail, Gmail and gateways use.
public class DeliveryReportWordingTest
{
    private const string Recipient = "a@ch-nord.mssante.fr";

    private static string PlainBounce(string headers, string body) =>
        headers + "\nTo: dr.martin@chu-nantes.mssante.fr\nContent-Type: text/plain; charset=us-ascii\n\n" + body;

    // DEL-6: a plain-text bounce whose text says the server will keep trying is a delay, not a permanent failure
    // (Exim's warning, under a neutral subject: only the text says it).
    [Fact]
    public void TryRead_PlainDelayWarning_NotPermanent()
    {
        string raw = PlainBounce(
            "From: Mail Delivery System <Mailer-Daemon@mx.ch-nord.mssante.fr>\nSubject: Delivery Status Notification",
            """
            This message was created automatically by mail delivery software.
            A message that you sent has not yet been delivered to one or more of its
            recipients after more than 24 hours on the queue on mx.ch-nord.mssante.fr.

            The address to which the message has not yet been delivered is:

              a@ch-nord.mssante.fr
                host mx2.ch-nord.mssante.fr [192.0.2.1]: 451 4.3.0 Temporary local problem

            No action is required on your part. Delivery attempts will continue for
            some time, and this warning may be repeated at intervals if the message
            remains undelivered.
            """);
        Assert.True(NonDeliveryReports.TryRead(Parse(raw), out DeliveryReport? report));
        FailedRecipient r = Assert.Single(report.Recipients);
        Assert.Equal(Recipient, r.Address);
        Assert.False(r.IsPermanent);
        Assert.False(report.HasPermanentFailure);
    }

    // DEL-6: a phrase that says the failure is final outweighs the phrases of a delay in the same text.
    [Theory]
    [InlineData("This is a permanent error.")]
    [InlineData("Permanent fatal errors occurred.")]
    [InlineData("Delivery to the recipient failed permanently.")]
    [InlineData("Reason: permanent failure.")]
    [InlineData("Giving up on 192.0.2.1.")]
    [InlineData("The server gave up.")]
    [InlineData("Your message has failed.")]
    [InlineData("Delivery failed for this recipient.")]
    public void TryRead_DelayPhraseWithPermanentPhrase_Permanent(string permanent)
    {
        string raw = PlainBounce(
            "From: Mail Delivery System <Mailer-Daemon@mx.ch-nord.mssante.fr>\nSubject: Delivery Status Notification",
            "We will retry a few times, then stop.\n" + permanent + "\n\n  a@ch-nord.mssante.fr\n    host mx2.ch-nord.mssante.fr [192.0.2.1]: 552 Mailbox full\n");
        Assert.True(NonDeliveryReports.TryRead(Parse(raw), out DeliveryReport? report));
        FailedRecipient r = Assert.Single(report.Recipients);
        Assert.True(r.IsPermanent);
        Assert.Equal(NonDeliveryReason.MailboxFull, r.Reason);
    }

    // DEL-6: Gmail says a delay in its subject only ("(Delay)"): the recipient is not a permanent failure.
    [Fact]
    public void TryRead_DelayInSubjectOnly_NotPermanent()
    {
        string raw = PlainBounce(
            "From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>\nSubject: Delivery Status Notification (Delay)",
            "There was a temporary problem delivering your message to a@ch-nord.mssante.fr.\n\nThe response was:\n\n421 4.4.2 Connection dropped\n");
        Assert.True(NonDeliveryReports.TryRead(Parse(raw), out DeliveryReport? report));
        FailedRecipient r = Assert.Single(report.Recipients);
        Assert.Equal(Recipient, r.Address);
        Assert.False(r.IsPermanent);
    }

    // DEL-6: the server's own daemon addresses, named in the text, are never failed recipients.
    [Theory]
    [InlineData("MAILER-DAEMON")]
    [InlineData("mailer_daemon")]
    [InlineData("MailerDaemon")]
    [InlineData("postmaster")]
    public void TryRead_DaemonAddressInText_NotARecipient(string local)
    {
        string raw = PlainBounce(
            "From: Mail Delivery System <bounces@mx.chu-nantes.mssante.fr>\nSubject: Undelivered Mail Returned to Sender",
            "Your message could not be delivered to one or more recipients.\n\n<a@ch-nord.mssante.fr>: 550 5.1.1 User unknown\n\nFor help, write to:\n"
            + local + "@relay.ch-nord.mssante.fr\n");
        Assert.True(NonDeliveryReports.TryRead(Parse(raw), out DeliveryReport? report));
        FailedRecipient r = Assert.Single(report.Recipients);
        Assert.Equal(Recipient, r.Address);
        Assert.Equal(NonDeliveryReason.AddressDoesNotExist, r.Reason);
    }

    // DEL-6: Exim's X-Failed-Recipients header alone makes a bounce, whatever the sender and the subject.
    [Fact]
    public void TryRead_XFailedRecipientsHeaderOnly_ABounce()
    {
        string raw = PlainBounce(
            "From: Messagerie <messagerie@ch-nord.mssante.fr>\nSubject: Votre message\nX-Failed-Recipients: a@ch-nord.mssante.fr",
            "a@ch-nord.mssante.fr\n  550 5.1.1 User unknown\n");
        Assert.True(NonDeliveryReports.TryRead(Parse(raw), out DeliveryReport? report));
        Assert.Equal(Recipient, Assert.Single(report.Recipients).Address);
    }

    // DEL-6: a bounce sender is recognised by its display name too ("Mail Delivery System <smtp@…>").
    [Theory]
    [InlineData("Mailer-Daemon")]
    [InlineData("Mailer_Daemon")]
    [InlineData("Postmaster")]
    [InlineData("Mail Delivery System")]
    [InlineData("Mail Administrator")]
    [InlineData("Mailer Daemon")]
    [InlineData("Mail Delivery Subsystem")]
    [InlineData("MDaemon")]
    [InlineData("Mail-Daemon")]
    public void TryRead_BounceSenderByDisplayNameOnly_ABounce(string name)
    {
        string raw = PlainBounce("From: \"" + name + "\" <smtp@mx.ch-nord.mssante.fr>\nSubject: Votre message", "<a@ch-nord.mssante.fr>: 550 5.1.1 User unknown\n");
        Assert.True(NonDeliveryReports.TryRead(Parse(raw), out DeliveryReport? report));
        Assert.Equal(Recipient, Assert.Single(report.Recipients).Address);
    }

    // DEL-6: an automatic sender (Auto-Submitted, an empty Return-Path, a no-reply or daemon address) whose text says a
    // delivery failed is a bounce, even under a neutral subject and a sender name that says nothing.
    [Theory]
    [InlineData("From: Passerelle <passerelle@ch-nord.mssante.fr>\nAuto-Submitted: auto-generated")]
    [InlineData("Return-Path: <>\nFrom: Passerelle <passerelle@ch-nord.mssante.fr>")]
    [InlineData("From: Passerelle <no-reply@ch-nord.mssante.fr>")]
    [InlineData("From: Passerelle <noreply@ch-nord.mssante.fr>")]
    [InlineData("From: Passerelle <smtp-daemon@ch-nord.mssante.fr>")]
    [InlineData("From: Passerelle <mailer@ch-nord.mssante.fr>")]
    [InlineData("From: Passerelle <bounce-42@ch-nord.mssante.fr>")]
    public void TryRead_AutomaticSenderSayingDeliveryFailed_ABounce(string headers)
    {
        string raw = PlainBounce(headers + "\nSubject: Notification", "Your message could not be delivered to the following recipient:\n\n  a@ch-nord.mssante.fr\n");
        Assert.True(NonDeliveryReports.TryRead(Parse(raw), out DeliveryReport? report));
        Assert.Equal(Recipient, Assert.Single(report.Recipients).Address);
    }

    // DEL-6: the same words from a person (no automatic sign: a Return-Path to a mailbox, no Auto-Submitted) are no bounce.
    [Theory]
    [InlineData("Return-Path: <dr.durand@ch-nord.mssante.fr>\nFrom: Dr Durand <dr.durand@ch-nord.mssante.fr>")]
    [InlineData("From: Dr Durand <dr.durand@ch-nord.mssante.fr>")]
    public void TryRead_PersonQuotingAFailure_NotABounce(string headers)
    {
        string raw = PlainBounce(headers + "\nSubject: Notification", "Bonjour, my message could not be delivered to the following recipient:\n\n  a@ch-nord.mssante.fr\n\nCan you check?\n");
        Assert.False(NonDeliveryReports.TryRead(Parse(raw), out _));
    }

    // DEL-6: an auto-reply is no bounce, even automatic and saying a message will not be delivered…
    [Fact]
    public void TryRead_AutoReplySayingNotDelivered_NotABounce()
    {
        string raw = PlainBounce(
            "From: Dr Durand <dr.durand@ch-nord.mssante.fr>\nSubject: Automatic reply: Compte rendu\nAuto-Submitted: auto-replied",
            "I am out of the office until 3 March; your message will not be delivered to my deputy.\nFor urgent matters, please write to:\n  secretariat@ch-nord.mssante.fr\n");
        Assert.False(NonDeliveryReports.TryRead(Parse(raw), out _));
    }

    // … but the bounce of an auto-reply (its subject says the failure) is a bounce.
    [Theory]
    [InlineData("Undeliverable: Automatic reply: Compte rendu")]
    [InlineData("Delivery Status Notification (Failure): Out of office")]
    [InlineData("Mail delivery failed: Absence")]
    public void TryRead_BounceOfAnAutoReply_ABounce(string subject)
    {
        string raw = PlainBounce("From: Passerelle <passerelle@ch-nord.mssante.fr>\nSubject: " + subject, "<a@ch-nord.mssante.fr>: 550 5.1.1 User unknown\n");
        Assert.True(NonDeliveryReports.TryRead(Parse(raw), out DeliveryReport? report));
        Assert.Equal(Recipient, Assert.Single(report.Recipients).Address);
    }

    // DEL-6: the bounce's Sender (the relay that sent it) is not a failed recipient, as its From is not.
    [Fact]
    public void TryRead_BounceSenderHeaderNamedInText_NotARecipient()
    {
        string raw = PlainBounce(
            "From: Mail Delivery System <MAILER-DAEMON@mx.ch-nord.mssante.fr>\nSender: relais@ch-nord.mssante.fr\nSubject: Undelivered Mail Returned to Sender",
            "This report was sent by:\n  relais@ch-nord.mssante.fr\n\n<a@ch-nord.mssante.fr>: 550 5.1.1 User unknown\n");
        Assert.True(NonDeliveryReports.TryRead(Parse(raw), out DeliveryReport? report));
        Assert.Equal(Recipient, Assert.Single(report.Recipients).Address);
    }

    // DEL-6: Postfix wraps a long reply: the code on one line, its words on the next. The specific words after the
    // reply decide over a generic refusal word on the reply's line.
    [Fact]
    public void TryRead_WrappedReplyWithGenericWord_SpecificWordsOfTheExplanationDecide()
    {
        string raw = PlainBounce(
            "From: MAILER-DAEMON@mx.chu-nantes.mssante.fr\nSubject: Undelivered Mail Returned to Sender",
            "I'm sorry to have to inform you that your message could not be delivered.\n\n<a@ch-nord.mssante.fr>: host mx.ch-nord.mssante.fr[192.0.2.1] said: 550 Message rejected:\n    no such user here (in reply to RCPT TO command)\n");
        Assert.True(NonDeliveryReports.TryRead(Parse(raw), out DeliveryReport? report));
        FailedRecipient r = Assert.Single(report.Recipients);
        Assert.Equal(NonDeliveryReason.AddressDoesNotExist, r.Reason);
        Assert.Equal("host mx.ch-nord.mssante.fr[192.0.2.1] said: 550 Message rejected:", r.Diagnostic);
    }

    // DEL-6: the reply's own enhanced code is the status, not a code written earlier in the explanation.
    [Fact]
    public void TryRead_CodeBeforeTheReplyLine_TheReplysCodeIsTheStatus()
    {
        string raw = PlainBounce(
            "From: Mail Delivery System <Mailer-Daemon@mx.chu-nantes.mssante.fr>\nSubject: Mail delivery failed: returning message to sender",
            "A message that you sent could not be delivered to one or more of its\nrecipients. This is a permanent error. The following address(es) failed:\n\n  a@ch-nord.mssante.fr\n    status 5.2.0 reported by the first relay\n    host mx2.ch-nord.mssante.fr [192.0.2.1]: 552 5.2.2 Mailbox full\n");
        Assert.True(NonDeliveryReports.TryRead(Parse(raw), out DeliveryReport? report));
        FailedRecipient r = Assert.Single(report.Recipients);
        Assert.Equal("5.2.2", r.Status);
        Assert.Equal("host mx2.ch-nord.mssante.fr [192.0.2.1]: 552 5.2.2 Mailbox full", r.Diagnostic);
        Assert.Equal(NonDeliveryReason.MailboxFull, r.Reason);
    }

    // DEL-6: when the text says nothing specific, a generic refusal word in the subject gives the reason.
    [Fact]
    public void TryRead_RefusalWordInSubjectOnly_Refused()
    {
        string raw = PlainBounce(
            "From: Mail Delivery System <Mailer-Daemon@mx.chu-nantes.mssante.fr>\nSubject: Delivery Status Notification (Failure): message refused",
            "Your message could not be delivered to the following recipient:\n\n  a@ch-nord.mssante.fr\n");
        Assert.True(NonDeliveryReports.TryRead(Parse(raw), out DeliveryReport? report));
        Assert.Equal(NonDeliveryReason.Refused, Assert.Single(report.Recipients).Reason);
    }

    // DEL-6: a generic refusal word about the recipient gives the reason even after a long explanation (Exchange's
    // NDRs open with kilobytes of help text): the words are read where the recipient is named, not only at the top.
    [Fact]
    public void TryRead_RefusalWordAfterLongHelpText_Refused()
    {
        string help = string.Concat(Enumerable.Repeat("This is an automatically generated message from the mail system of the hospital.\n", 60));
        string raw = PlainBounce(
            "From: Mail Delivery System <Mailer-Daemon@mx.chu-nantes.mssante.fr>\nSubject: Undeliverable: Compte rendu",
            help + "\nYour message could not be delivered to the following recipient:\n\n  a@ch-nord.mssante.fr\n    The recipient's server refused it.\n");
        Assert.True(NonDeliveryReports.TryRead(Parse(raw), out DeliveryReport? report));
        FailedRecipient r = Assert.Single(report.Recipients);
        Assert.Equal(Recipient, r.Address);
        Assert.Equal(NonDeliveryReason.Refused, r.Reason);
    }
}
