using System;
using System.Collections.Generic;
using System.Linq;
using MimeKit;
using MimeKit.Utils;
using Mss.Core.Conversations;
using NodaTime;

namespace Mss.Core.Mime;

/// <summary>
/// Reads a received MIME message as the conversation events it carries (CONV-3, CONV-8), ready for the conversation
/// replay. Never throws on odd messages: what cannot be read is not an event.
/// </summary>
/// <remarks>
/// <para>The reading, decided here from CONV-1…CONV-8:</para>
/// <list type="bullet">
/// <item>The author is the first From mailbox. A patient address (ADDR-2) makes it <see cref="Author.Patient"/>; any
/// other MSSanté address <see cref="Author.HealthActor"/>. A sender outside the trust space, or a patient address with
/// an invalid INS, gives no event.</item>
/// <item>The other party comes from To then Cc, in order: for a health actor's message each patient address is one
/// event (one conversation per patient); for a patient's message each non-patient MSSanté address is one event.</item>
/// <item>The subject is kept as sent (decoded); <see cref="ConversationMessage.NoReply"/> is true when a header
/// <c>X-MSS-MES</c> holds exactly <c>FIN</c> (CONV-9; white space around it ignored, case respected). What that does
/// (the patient cannot reply to that message) is the replay's decision, not the reader's.</item>
/// <item><see cref="ConversationMessage.MessageId"/> is the Message-Id and <see cref="ConversationMessage.InReplyTo"/> the
/// In-Reply-To, both without angle brackets (null when absent), so the replay can tell which message a patient replies
/// to (CONV-9).</item>
/// <item>A report (<c>multipart/report</c>: a read receipt or a non-delivery report, DEL-2, DEL-4), as the body or
/// inside multiparts that wrap it as <see cref="ReadReceipts"/> and <see cref="NonDeliveryReports"/> find it, is a
/// notification about a message, not a message of the conversation: it gives no event, even when the patient's box
/// sent it.</item>
/// <item>The timestamp is the Date header (DEL-5); a message without a readable Date gives no event, since it cannot
/// be placed in the history.</item>
/// </list>
/// <para>Cost: linear in the number of recipients (each is parsed once and checked against a hash set).</para>
/// <para>
/// Threads: the reader keeps no state, but MimeKit parses parts of a <see cref="MimeMessage"/> lazily, so one message must
/// not be read from several threads at once; read a message on one thread (or load one copy per thread).
/// </para>
/// </remarks>
public static class MssMessageReader
{
    /// <summary>Reads the first conversation event of <paramref name="message"/> (see the class remarks). Never throws.</summary>
    /// <param name="message">A received message, possibly null.</param>
    /// <param name="received">The event, or <c>default</c>.</param>
    /// <returns>False when the message carries no conversation event.</returns>
    public static bool TryRead(MimeMessage? message, out ReceivedMessage received)
    {
        List<ReceivedMessage> events = Read(message, firstOnly: true);
        received = events.Count > 0 ? events[0] : default;
        return events.Count > 0;
    }

    /// <summary>
    /// Reads every conversation event of <paramref name="message"/>: one per (patient, actor) pair it links, in the
    /// order of its recipients (see the class remarks). Never throws; linear in the number of recipients.
    /// </summary>
    /// <param name="message">A received message, possibly null.</param>
    /// <returns>The events; empty when the message carries none.</returns>
    public static IReadOnlyList<ReceivedMessage> ReadAll(MimeMessage? message) => Read(message, firstOnly: false);

    private static List<ReceivedMessage> Read(MimeMessage? message, bool firstOnly)
    {
        var events = new List<ReceivedMessage>();
        if (message is null || MimeParts.FindReport(message, null) is not null || !MssAddress.TryParse(HeaderAddresses.First(message.Headers, HeaderId.From), out MssAddress from) || !TryDate(message, out Instant timestamp))
        {
            return events;
        }

        Author author = from.IsPatient ? Author.Patient : Author.HealthActor;
        string? messageId = MimeParts.MessageIdOf(message.MessageId);
        var conversationMessage = new ConversationMessage(author, message.Subject ?? string.Empty, HasNoReply(message), timestamp)
        {
            MessageId = messageId,
            InReplyTo = MimeParts.MessageIdOf(message.InReplyTo),
        };

        // Every event of one message shares the message: two events are the same when their other party is.
        var seen = new HashSet<MssAddress>();
        // The recipients are read in one pass over each header, not through MimeKit's address-list parse (issue 29).
        List<string> recipients = HeaderAddresses.Read(message.Headers, HeaderId.To);
        HeaderAddresses.Read(message.Headers, HeaderId.Cc, recipients);
        foreach (string recipient in recipients)
        {
            if (!MssAddress.TryParse(recipient, out MssAddress other) || other.IsPatient != (author == Author.HealthActor) || !seen.Add(other))
            {
                continue;
            }

            MssAddress patient = author == Author.Patient ? from : other;
            MssAddress actor = author == Author.Patient ? other : from;
            patient.TryGetIns(out InsMatricule ins);
            events.Add(new ReceivedMessage(conversationMessage, ins, actor, messageId));
            if (firstOnly)
            {
                break;
            }
        }

        return events;
    }

    private static bool TryDate(MimeMessage message, out Instant timestamp)
    {
        string? value = message.Headers[HeaderId.Date];
        if (value is not null && DateUtils.TryParse(value, out DateTimeOffset date))
        {
            timestamp = Instant.FromDateTimeOffset(date);
            return true;
        }

        timestamp = default;
        return false;
    }

    private static bool HasNoReply(MimeMessage message)
    {
        foreach (Header header in message.Headers)
        {
            if (string.Equals(header.Field, MssHeaders.NoReply, StringComparison.OrdinalIgnoreCase)
                && string.Equals(header.Value?.Trim(), MssHeaders.NoReplyValue, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
