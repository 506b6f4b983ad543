using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using MimeKit;
using Mss.Core.Delivery;
using NodaTime;

namespace Mss.Core.Mime;

/// <summary>
/// Non-delivery reports (DEL-2, DEL-6): writing those of Mon espace santé (RFC 3464 delivery status notifications in an
/// RFC 6522 <c>multipart/report; report-type=delivery-status</c>, with the exact French text in the human-readable part),
/// and reading those of any mail server, RFC 3464 or plain text.
/// </summary>
/// <remarks>
/// The readers never throw and run in time linear in the size of the message; they walk MIME trees iteratively, at
/// most 64 multiparts deep. A <see cref="MimeMessage"/> must not be read from several threads at once (MimeKit parses
/// parts lazily); the readers then return false rather than throw.
/// </remarks>
public static class NonDeliveryReports
{
    private const string ReportType = "delivery-status";

    /// <summary>
    /// Writes the report the platform sends when <paramref name="original"/> could not be delivered to
    /// <paramref name="recipient"/> (DEL-2), dated by the system clock (DEL-5).
    /// </summary>
    /// <inheritdoc cref="Create(MimeMessage, string, NonDeliveryReason, string, IClock)"/>
    public static MimeMessage Create(MimeMessage original, string recipient, NonDeliveryReason reason, string reportingMta) =>
        Create(original, recipient, reason, reportingMta, MssClock.Default);

    /// <summary>
    /// Writes the report the platform sends when <paramref name="original"/> could not be delivered to
    /// <paramref name="recipient"/> (DEL-2). From <c>MAILER-DAEMON@reportingMta</c> to the original's From (MSSanté addresses only, ADDR-4); subject
    /// <c>Message non distribué : {original subject}</c>; Date from <paramref name="clock"/> and a new Message-Id
    /// (DEL-5); In-Reply-To and References the original's Message-Id. Three parts: the French text of
    /// <see cref="NonDeliveryNotice.Text(NonDeliveryReason, string)"/> (text/plain, UTF-8); <c>message/delivery-status</c> with
    /// <c>Reporting-MTA: dns; {reportingMta}</c>, then <c>Final-Recipient: rfc822; {recipient}</c>, <c>Action: failed</c>
    /// and <c>Status</c> from <see cref="NonDeliveryNotice.StatusCode"/>; the original's headers (text/rfc822-headers).
    /// </summary>
    /// <param name="original">The message that was not delivered.</param>
    /// <param name="recipient">The recipient address as sent (an invalid INS is expected for <see cref="NonDeliveryReason.AddressInvalid"/>).</param>
    /// <param name="reason">Why it was not delivered.</param>
    /// <param name="reportingMta">The host name of the reporting MTA, for example <c>patient.mssante.fr</c>.</param>
    /// <param name="clock">The clock that gives the Date header.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="recipient"/> is not an MSSanté address (<see cref="MssAddress.Validate(ReadOnlySpan{char})"/> gives
    /// an error other than <see cref="AddressError.InvalidPatientIns"/>, the "invalidé" case of DEL-2);
    /// <paramref name="reportingMta"/> is not a host name (<see cref="MssDomain.Classify"/> finds it malformed, non-ASCII or
    /// punycode); or <paramref name="original"/> has no From mailbox to report to, or one outside the MSSanté trust space,
    /// where no message naming a patient's address may go (ADDR-4, decided here as for read receipts).
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reason"/> is not defined.</exception>
    public static MimeMessage Create(MimeMessage original, string recipient, NonDeliveryReason reason, string reportingMta, IClock clock)
    {
        if (original is null)
        {
            throw new ArgumentNullException(nameof(original));
        }

        if (recipient is null)
        {
            throw new ArgumentNullException(nameof(recipient));
        }

        if (reportingMta is null)
        {
            throw new ArgumentNullException(nameof(reportingMta));
        }

        if (clock is null)
        {
            throw new ArgumentNullException(nameof(clock));
        }

        string text = NonDeliveryNotice.Text(reason, recipient);
        if (MssAddress.Validate(recipient.AsSpan()) is not (AddressError.None or AddressError.InvalidPatientIns))
        {
            throw new ArgumentException("The recipient must be an MSSanté address as sent (ADDR-1…ADDR-3), possibly with an invalid patient INS.", nameof(recipient));
        }

        // A host name by the domain syntax of ADDR-3, in the trust space or not.
        if (MssDomain.Classify(reportingMta.AsSpan()) is DomainVerdict.Malformed or DomainVerdict.NonAscii or DomainVerdict.Confusable or DomainVerdict.Punycode)
        {
            throw new ArgumentException("The reporting MTA must be a host name: ASCII labels of letters, digits and hyphens separated by dots, no punycode.", nameof(reportingMta));
        }

        var report = new MimeMessage();
        report.From.Add(new MailboxAddress("Mail Delivery System", "MAILER-DAEMON@" + reportingMta));
        // The senders are read in one pass over the header, not through MimeKit's address-list parse (issue 29); the report
        // is addressed to their addresses, without display names.
        var senders = new List<MailboxAddress>();
        foreach (string sender in HeaderAddresses.Read(original.Headers, HeaderId.From))
        {
            if (!MssAddress.TryParse(sender, out MssAddress address))
            {
                throw new ArgumentException("The original's sender is outside the MSSanté trust space: a report naming a patient's address may not leave it (ADDR-4).", nameof(original));
            }

            senders.Add(new MailboxAddress(string.Empty, address.ToString()));
        }

        report.To.AddRange(senders); // one change, one header rewrite

        if (report.To.Count == 0)
        {
            throw new ArgumentException("The original message has no From mailbox to send the report to.", nameof(original));
        }

        report.Subject = "Message non distribué : " + (original.Subject ?? string.Empty);
        if (original.MessageId is { Length: > 0 } originalId)
        {
            report.InReplyTo = originalId;
            report.References.Add(originalId);
        }

        var perMessage = new HeaderList { { "Reporting-MTA", "dns; " + reportingMta } };
        var perRecipient = new HeaderList
        {
            { "Final-Recipient", "rfc822; " + recipient },
            { "Action", "failed" },
            { "Status", NonDeliveryNotice.StatusCode(reason) },
        };
        var status = new MessageDeliveryStatus();
        status.StatusGroups.Add(perMessage);
        status.StatusGroups.Add(perRecipient);

        var headersOnly = new MimeMessage();
        headersOnly.Headers.Clear();
        foreach (Header header in original.Headers)
        {
            headersOnly.Headers.Add(header.Clone());
        }

        var headers = new TextRfc822Headers { Message = headersOnly };

        report.Body = new MultipartReport(ReportType) { MimeParts.Utf8Text(text), status, headers };
        MimeParts.Stamp(report, clock, reportingMta);
        return report;
    }

    /// <summary>
    /// Recognises a non-delivery report, ours or one written by any MTA (Postfix, Exim, Exchange…), and says why and for
    /// whom: the first recipient that failed for good in <see cref="TryRead"/>'s report (DEL-2, DEL-6). Never throws.
    /// </summary>
    /// <remarks>
    /// A thin wrapper over <see cref="TryRead"/>: false when the message is no bounce, or when every recipient it names
    /// was only delayed. Since 0.2 every reason of <see cref="NonDeliveryReason"/> is recognised (0.1 knew the three of
    /// DEL-2 only) and the recipient is always given. Do not read one message from several threads at once (MimeKit
    /// parses parts lazily); a message shared that way gives false, never an exception.
    /// </remarks>
    /// <param name="report">A received message, possibly null.</param>
    /// <param name="reason">The reason, or <c>default</c> when not recognised.</param>
    /// <param name="recipient">The recipient as sent, null when not recognised.</param>
    /// <returns>True when the message reports a permanent failure.</returns>
    public static bool TryClassify(MimeMessage? report, out NonDeliveryReason reason, out string? recipient)
    {
        reason = default;
        recipient = null;
        if (!TryRead(report, out DeliveryReport? read))
        {
            return false;
        }

        foreach (FailedRecipient failed in read.Recipients)
        {
            if (failed.IsPermanent)
            {
                reason = failed.Reason;
                recipient = failed.Address;
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Reads a bounce as real mail servers write it (DEL-2, DEL-6): every recipient that failed or was delayed, each with
    /// its reason, status code, the remote server's text and whether the failure is permanent; the original Message-Id and
    /// the reporting server when the report gives them. Never throws; time linear in the size of the message.
    /// </summary>
    /// <remarks>
    /// <para>
    /// <b>RFC 3464 reports.</b> Any <c>message/delivery-status</c> (or <c>message/global-delivery-status</c>) part in the
    /// message, inside a <c>multipart/report</c> or not, with or without its <c>report-type</c>; an attached message
    /// (<c>message/rfc822</c>) is not searched: a forwarded bounce is no bounce. Fields are read as servers write them:
    /// groups with or without blank lines between them, comments after values, folded values. A recipient is failed when
    /// its <c>Action</c> is <c>failed</c>, delayed when it is <c>delayed</c> (without an action: by the status class);
    /// <c>delivered</c>, <c>relayed</c> and <c>expanded</c> recipients are left out, and a report naming only those is
    /// no bounce (false). The address is <c>Original-Recipient</c> when it is an <c>rfc822</c> address, else
    /// <c>Final-Recipient</c>, as written (not MIME-decoded).
    /// </para>
    /// <para>
    /// <b>Reasons</b>, first that applies: a DEL-2 French text (<see cref="NonDeliveryNotice.TryFind"/>) in the
    /// recipient's <c>Diagnostic-Code</c>, or in the human-readable part naming that address (an unmatched French text
    /// goes to the next failed recipient and gives its address as sent); the specific words of the <c>Diagnostic-Code</c>
    /// (user unknown, over quota, blacklisted…); its enhanced status code (<c>550 5.7.1 IP blacklisted</c> under
    /// <c>Status: 5.1.1</c> is a refusal; <c>550 5.1.1 User unknown</c> under <c>Status: 5.0.0</c> an unknown
    /// address; Office 365's 5.1.10 is an unknown address); the <c>Status</c> field; generic refusal words ("rejected",
    /// "denied") and the words of the human-readable part about that recipient; else <see cref="NonDeliveryReason.Other"/>.
    /// Status codes read (decided here, RFC 3463): x.1.1, x.1.6, x.1.10 do not exist; x.1.3 invalid; x.1.2, x.4.4
    /// domain not found; x.1.7, x.1.8, x.7.x refused; x.2.1 closed; x.2.2 full; x.2.3, x.3.4 too large; x.4.7 expired.
    /// </para>
    /// <para>
    /// <b>Plain-text bounces</b> (Exim, qmail, Sendmail, Postfix without a report, Exchange, Amazon SES, Domino,
    /// Courier…) are read when the message looks like one (an <c>X-Failed-Recipients</c> header, a sender such as
    /// <c>MAILER-DAEMON</c> or <c>postmaster</c>, or a bounce subject such as "Undelivered Mail", "failure notice",
    /// "Undeliverable"): the failed addresses are those in <c>X-Failed-Recipients</c>, those that open a line of the
    /// explanation (before the returned copy of the message), and those a DEL-2 French text quotes; the sender's own
    /// addresses and <c>postmaster</c>/<c>MAILER-DAEMON</c> are not recipients. Each one's reason comes from the SMTP
    /// reply and the words that follow the address. A plain bounce that says it will keep trying gives delayed recipients.
    /// </para>
    /// <para>
    /// <b>Not bounces</b> (false): feedback reports (ARF, <c>message/feedback-report</c>), read receipts, auto-replies,
    /// ordinary mail, reports of delivered or relayed messages. A delay notice gives a report whose recipients are not
    /// permanent.
    /// </para>
    /// <para>
    /// <b>Threads.</b> MimeKit parses some parts lazily: do not read one <see cref="MimeMessage"/> from several threads at
    /// once. Should that happen anyway, the exceptions MimeKit throws are caught and this method returns false.
    /// </para>
    /// </remarks>
    /// <param name="message">A received message, possibly null.</param>
    /// <param name="report">The report, or null when the message is no bounce.</param>
    /// <returns>True when the message reports at least one failed or delayed recipient.</returns>
    public static bool TryRead(MimeMessage? message, [NotNullWhen(true)] out DeliveryReport? report)
    {
        report = null;
        if (message is null)
        {
            return false;
        }

#pragma warning disable CA1031 // Try… never throws (API.md): received mail is hostile, and MimeKit throws on concurrent lazy parsing.
        try
        {
            report = DeliveryReportReader.Read(message);
        }
        catch (Exception)
        {
            report = null;
        }
#pragma warning restore CA1031

        return report is not null;
    }
}
