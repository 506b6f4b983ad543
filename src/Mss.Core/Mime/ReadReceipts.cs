using System;
using System.Collections.Generic;
using MimeKit;
using NodaTime;

namespace Mss.Core.Mime;

/// <summary>
/// Read receipts (DEL-4): RFC 8098 message disposition notifications, as the ANS guide (courriel MSS volet) describes
/// them: <c>multipart/report; report-type=disposition-notification</c> with <c>Disposition</c> and
/// <c>Final-Recipient</c>, <c>Original-Message-ID</c> when the original has one, <c>Original-Recipient</c> when known.
/// </summary>
public static class ReadReceipts
{
    private const string ReportType = "disposition-notification";

    /// <summary>
    /// Decided here: the disposition of a read receipt. The patient opened the message (<c>manual-action</c>) and the
    /// platform sent the receipt on its own (<c>MDN-sent-automatically</c>); <c>displayed</c> is RFC 8098's "read".
    /// </summary>
    private const string Disposition = "manual-action/MDN-sent-automatically; displayed";

    /// <summary>Writes the read receipt of <paramref name="original"/>, opened by <paramref name="reader"/>, dated by the system clock (DEL-4, DEL-5).</summary>
    /// <inheritdoc cref="Create(MimeMessage, MssAddress, IClock)"/>
    public static MimeMessage Create(MimeMessage original, MssAddress reader) => Create(original, reader, MssClock.Default);

    /// <summary>
    /// Writes the read receipt of <paramref name="original"/>, opened by <paramref name="reader"/> (DEL-4). From the
    /// reader to the <c>Disposition-Notification-To</c> addresses; subject <c>Accusé de lecture : {original subject}</c>;
    /// Date from <paramref name="clock"/> and a new Message-Id (DEL-5); In-Reply-To and References the original's
    /// Message-Id. Two parts: a French sentence (text/plain, UTF-8) and <c>message/disposition-notification</c> with
    /// <c>Original-Recipient</c> (copied from the original's header of that name, when present), <c>Final-Recipient:
    /// rfc822; {reader}</c>, <c>Original-Message-ID</c> (when the original has one) and <c>Disposition:
    /// manual-action/MDN-sent-automatically; displayed</c>. The original's content is not copied back.
    /// </summary>
    /// <param name="original">The message that was read.</param>
    /// <param name="reader">Who read it: the recipient's MSSanté box.</param>
    /// <param name="clock">The clock that gives the Date header.</param>
    /// <returns>The read receipt.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="original"/> or <paramref name="clock"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="reader"/> is <c>default</c>.</exception>
    /// <exception cref="InvalidOperationException">
    /// The original did not ask for a read receipt (no <c>Disposition-Notification-To</c> mailbox, DEL-4); or it asks for
    /// one at an address outside the MSSanté trust space, where no message about a patient may go (ADDR-4, decided here).
    /// </exception>
    public static MimeMessage Create(MimeMessage original, MssAddress reader, IClock clock)
    {
        if (original is null)
        {
            throw new ArgumentNullException(nameof(original));
        }

        if (clock is null)
        {
            throw new ArgumentNullException(nameof(clock));
        }

        if (reader.IsDefault)
        {
            throw new ArgumentException("The reader must be an MSSanté address, not default(MssAddress).", nameof(reader));
        }

        List<MssAddress> notifyTo = NotificationAddresses(original);
        var receipt = new MimeMessage();
        receipt.From.Add(new MailboxAddress(string.Empty, reader.ToString()));
        var to = new List<InternetAddress>(notifyTo.Count);
        foreach (MssAddress address in notifyTo)
        {
            to.Add(new MailboxAddress(string.Empty, address.ToString()));
        }

        receipt.To.AddRange(to); // one change, one header rewrite: linear in the number of addresses (issue 16)

        string subject = original.Subject ?? string.Empty;
        receipt.Subject = "Accusé de lecture : " + subject;
        string? originalId = MimeParts.MessageIdOf(original.MessageId);
        if (originalId is not null)
        {
            receipt.InReplyTo = originalId;
            receipt.References.Add(originalId);
        }

        var notification = new MessageDispositionNotification();
        if (original.Headers["Original-Recipient"] is { } originalRecipient && originalRecipient.Trim().Length > 0)
        {
            notification.Fields.Add("Original-Recipient", originalRecipient.Trim());
        }

        notification.Fields.Add("Final-Recipient", "rfc822; " + reader);
        if (originalId is not null)
        {
            notification.Fields.Add("Original-Message-ID", "<" + originalId + ">");
        }

        notification.Fields.Add("Disposition", Disposition);

        string human = "Le message \"" + subject + "\" envoyé à " + reader + " a été affiché par son destinataire.";
        receipt.Body = new MultipartReport(ReportType) { MimeParts.Utf8Text(human), notification };
        MimeParts.Stamp(receipt, clock, reader.Domain);
        return receipt;
    }

    /// <summary>
    /// Reads a read receipt (DEL-4), ours or one from an ordinary mail client (Thunderbird, Outlook, Exchange…). Never
    /// throws.
    /// </summary>
    /// <remarks>
    /// <para>
    /// The message must hold a <c>multipart/report; report-type=disposition-notification</c> (as its body or inside a
    /// multipart; an attached message is not searched) with a <c>message/disposition-notification</c> part whose
    /// <c>Disposition</c> type is <c>displayed</c> (RFC 8098's "read"; <c>deleted</c>, <c>dispatched</c> and
    /// <c>processed</c> are not read receipts) and whose <c>Final-Recipient</c> is an MSSanté address.
    /// </para>
    /// <para>
    /// The receipt is linked to the message it acknowledges (DEL-6, 0.2) through its <c>Original-Message-ID</c> field;
    /// else, as Outlook and Exchange write them, the receipt's <c>In-Reply-To</c>; else the last id of its
    /// <c>References</c> (the message replied to).
    /// </para>
    /// <para>
    /// Do not read one <see cref="MimeMessage"/> from several threads at once (MimeKit parses parts lazily); should that
    /// happen, this method returns false rather than throw.
    /// </para>
    /// </remarks>
    /// <param name="message">A received message, possibly null.</param>
    /// <param name="originalMessageId">
    /// The acknowledged message's id without angle brackets; null when no field gives it or when not a read receipt.
    /// </param>
    /// <param name="reader">The reader (<c>Final-Recipient</c>), or <c>default</c> when not a read receipt.</param>
    /// <returns>True when the message is a read receipt from an MSSanté box.</returns>
    public static bool TryRead(MimeMessage? message, out string? originalMessageId, out MssAddress reader)
    {
        originalMessageId = null;
        reader = default;
#pragma warning disable CA1031 // Try… never throws (API.md): received mail is hostile, and MimeKit throws on concurrent lazy parsing.
        try
        {
            return Read(message, out originalMessageId, out reader);
        }
        catch (Exception)
        {
            originalMessageId = null;
            reader = default;
            return false;
        }
#pragma warning restore CA1031
    }

    private static bool Read(MimeMessage? message, out string? originalMessageId, out MssAddress reader)
    {
        originalMessageId = null;
        reader = default;
        MultipartReport? report = MimeParts.FindReport(message, ReportType);
        if (report is null)
        {
            return false;
        }

        foreach (MimeEntity part in report)
        {
            if (part is MessageDispositionNotification notification)
            {
                HeaderList? fields = MimeParts.FieldsOf(notification);
                if (fields is null || !IsDisplayed(fields["Disposition"]) || !MssAddress.TryParse(MimeParts.AddressOfField(fields["Final-Recipient"]), out reader))
                {
                    reader = default;
                    return false;
                }

                originalMessageId = MimeParts.MessageIdOf(fields["Original-Message-ID"])
                    ?? MimeParts.MessageIdOf(message!.InReplyTo)
                    ?? (message.References.Count > 0 ? MimeParts.MessageIdOf(message.References[message.References.Count - 1]) : null);
                return true;
            }
        }

        return false;
    }

    private static List<MssAddress> NotificationAddresses(MimeMessage original)
    {
        var addresses = new List<MssAddress>();
        var seen = new HashSet<MssAddress>();
        // Read in one pass over the header, not through MimeKit's address-list parse (issue 29).
        List<string> list = HeaderAddresses.Read(original.Headers, HeaderId.DispositionNotificationTo);
        if (list.Count == 0)
        {
            throw new InvalidOperationException("The original message did not ask for a read receipt (no Disposition-Notification-To, DEL-4).");
        }

        foreach (string mailbox in list)
        {
            if (!MssAddress.TryParse(mailbox, out MssAddress address))
            {
                throw new InvalidOperationException("The original message asks for a read receipt outside the MSSanté trust space (ADDR-4).");
            }

            if (seen.Add(address))
            {
                addresses.Add(address);
            }
        }

        return addresses.Count > 0
            ? addresses
            : throw new InvalidOperationException("The original message did not ask for a read receipt (no Disposition-Notification-To, DEL-4).");
    }

    /// <summary><c>action-mode/sending-mode; disposition-type[/modifier]</c>: true when the type is <c>displayed</c>.</summary>
    private static bool IsDisplayed(string? disposition)
    {
        if (disposition is null)
        {
            return false;
        }

        int semicolon = disposition.IndexOf(';');
        if (semicolon < 0)
        {
            return false;
        }

        string type = disposition.Substring(semicolon + 1).Trim();
        int end = 0;
        while (end < type.Length && (char.IsLetterOrDigit(type[end]) || type[end] == '-'))
        {
            end++;
        }

        return string.Equals(type.Substring(0, end), "displayed", StringComparison.OrdinalIgnoreCase);
    }
}
