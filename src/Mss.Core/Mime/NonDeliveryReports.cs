using System;
using System.Collections.Generic;
using System.Net;
using System.Text;
using MimeKit;
using Mss.Core.Delivery;
using NodaTime;

namespace Mss.Core.Mime;

/// <summary>
/// Non-delivery reports of Mon espace santé on the wire (DEL-2): RFC 3464 delivery status notifications in an RFC 6522
/// <c>multipart/report; report-type=delivery-status</c>, with the exact French text in the human-readable part.
/// </summary>
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
    /// <see cref="NonDeliveryNotice.Text"/> (text/plain, UTF-8); <c>message/delivery-status</c> with
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
        foreach (MailboxAddress sender in original.From.Mailboxes)
        {
            if (string.IsNullOrEmpty(sender.Address))
            {
                continue;
            }

            if (!MssAddress.TryParse(sender.Address, out MssAddress address))
            {
                throw new ArgumentException("The original's sender is outside the MSSanté trust space: a report naming a patient's address may not leave it (ADDR-4).", nameof(original));
            }

            report.To.Add(new MailboxAddress(sender.Name, address.ToString()));
        }

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
    /// whom (DEL-2). Never throws.
    /// </summary>
    /// <remarks>
    /// <para>
    /// The message must hold a <c>multipart/report; report-type=delivery-status</c> (as its body or inside a multipart;
    /// an attached message is not searched). The French text decides the reason (DEL-2: MTAs use status codes loosely),
    /// looked for first in the human-readable part (its text/plain parts, then text/html without tags), then in each
    /// recipient's <c>Diagnostic-Code</c>. Failing a French text, the first recipient with <c>Action: failed</c> and a
    /// status of <see cref="NonDeliveryNotice.TryFromStatusCode"/> gives the reason. Any other report (delays, other
    /// failures) is not recognised.
    /// </para>
    /// <para>
    /// The recipient is the address quoted in the French text (the address as sent, DEL-2); failing that, the
    /// <c>Original-Recipient</c> of that recipient's group, else its <c>Final-Recipient</c>, without the
    /// <c>rfc822;</c> type. One report, one reason: a report about several recipients gives the first that matches.
    /// </para>
    /// </remarks>
    /// <param name="report">A received message, possibly null.</param>
    /// <param name="reason">The reason, or <c>default</c> when not recognised.</param>
    /// <param name="recipient">The recipient as sent, null when not recognised or when the report does not name it.</param>
    /// <returns>True when the message is a non-delivery report of one of the three reasons.</returns>
    public static bool TryClassify(MimeMessage? report, out NonDeliveryReason reason, out string? recipient)
    {
        reason = default;
        recipient = null;
        MultipartReport? multipart = MimeParts.FindReport(report, ReportType);
        if (multipart is null || multipart.Count == 0)
        {
            return false;
        }

        HeaderListCollection? groups = null;
        foreach (MimeEntity part in multipart)
        {
            if (part is MessageDeliveryStatus deliveryStatus)
            {
                groups = MimeParts.GroupsOf(deliveryStatus);
                break;
            }
        }

        if (groups is null)
        {
            return false;
        }

        if (FindInHumanPart(multipart[0], out reason, out recipient))
        {
            recipient ??= FirstRecipient(groups);
            return true;
        }

        for (int i = 1; i < groups.Count; i++)
        {
            if (NonDeliveryNotice.TryFind(groups[i]["Diagnostic-Code"], out reason, out recipient))
            {
                recipient = string.IsNullOrEmpty(recipient) ? RecipientOf(groups[i]) : recipient;
                return true;
            }
        }

        for (int i = 1; i < groups.Count; i++)
        {
            if (IsFailed(groups[i]) && NonDeliveryNotice.TryFromStatusCode(groups[i]["Status"], out reason))
            {
                recipient = RecipientOf(groups[i]);
                return true;
            }
        }

        reason = default;
        recipient = null;
        return false;
    }

    /// <summary>The French text in the human-readable part: its text/plain leaves first, then text/html without tags.</summary>
    private static bool FindInHumanPart(MimeEntity human, out NonDeliveryReason reason, out string? recipient)
    {
        foreach (bool html in new[] { false, true })
        {
            foreach (MimeEntity entity in Leaves(human))
            {
                if (entity is TextPart text && (html ? text.IsHtml : text.IsPlain)
                    && NonDeliveryNotice.TryFind(html ? WebUtility.HtmlDecode(WithoutTags(text.Text ?? string.Empty)) : text.Text, out reason, out recipient))
                {
                    recipient = string.IsNullOrEmpty(recipient) ? null : recipient;
                    return true;
                }
            }
        }

        reason = default;
        recipient = null;
        return false;
    }

    /// <summary>
    /// Each tag, <c>&lt;</c> to the next <c>&gt;</c>, replaced by a space; an unclosed <c>&lt;</c> and what follows are
    /// kept. One linear pass: no regular expression, so no timeout to throw and no quadratic scan of a run of <c>&lt;</c>.
    /// </summary>
    private static string WithoutTags(string html)
    {
        var text = new StringBuilder(html.Length);
        int i = 0;
        while (i < html.Length)
        {
            int open = html.IndexOf('<', i);
            int close = open < 0 ? -1 : html.IndexOf('>', open + 1);
            if (close < 0)
            {
                text.Append(html, i, html.Length - i);
                break;
            }

            text.Append(html, i, open - i).Append(' ');
            i = close + 1;
        }

        return text.ToString();
    }

    private static IEnumerable<MimeEntity> Leaves(MimeEntity entity)
    {
        if (entity is Multipart multipart)
        {
            foreach (MimeEntity child in multipart)
            {
                foreach (MimeEntity leaf in Leaves(child))
                {
                    yield return leaf;
                }
            }
        }
        else
        {
            yield return entity;
        }
    }

    /// <summary>The recipient of the first failed group, else of the first group that names one.</summary>
    private static string? FirstRecipient(HeaderListCollection groups)
    {
        string? any = null;
        for (int i = 1; i < groups.Count; i++)
        {
            string? address = RecipientOf(groups[i]);
            if (address is not null && IsFailed(groups[i]))
            {
                return address;
            }

            any ??= address;
        }

        return any;
    }

    private static bool IsFailed(HeaderList group) => string.Equals(group["Action"]?.Trim(), "failed", StringComparison.OrdinalIgnoreCase);

    private static string? RecipientOf(HeaderList group) =>
        MimeParts.AddressOfField(group["Original-Recipient"]) ?? MimeParts.AddressOfField(group["Final-Recipient"]);
}
