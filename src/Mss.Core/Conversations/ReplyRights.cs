using System;

namespace Mss.Core.Conversations;

/// <summary>
/// CONV-9 in one place: which actor messages of a conversation the patient may still reply to, and the decision on a
/// patient's reply. It sits on top of the CONV-8 table (<see cref="ConversationRules.Table"/>): the table decides on the
/// conversation's status, and for the rows that are replies (<see cref="ConversationRule.RequiresRepliableMessage"/>)
/// this rule then decides on the message replied to.
/// </summary>
/// <remarks>
/// <para>The rule (Référentiel socle MSSanté #2 §3.4.2.3, ECO.2.2.8; DOMAIN.md CONV-9):</para>
/// <list type="bullet">
/// <item>An actor message with <c>X-MSS-MES: FIN</c> cannot be replied to; the conversation stays open and earlier
/// messages keep their reply.</item>
/// <item>An actor <c>[FIN]</c> (CONV-3) takes away the reply to every earlier message, and to itself (the conversation is
/// closed, CONV-4). Implemented with a closing epoch: a message is repliable only in the epoch it was sent in, so a
/// closing costs O(1) whatever the history.</item>
/// <item>Any other actor message can be replied to.</item>
/// <item>A patient's reply goes to its <c>In-Reply-To</c> message when the conversation knows that actor message, else to
/// the latest repliable one; it is refused (<see cref="ConversationDenial.MessageNotRepliable"/>) when that message is
/// not repliable, or when there is none. Decided here: an <c>In-Reply-To</c> the conversation does not know (a message
/// before the replayed history, a patient's own message, a conversation rebuilt with
/// <see cref="Conversation.Restore(Counterpart, ConversationStatus, bool)"/>) is read as no <c>In-Reply-To</c>.</item>
/// <item>Decided here: a patient who starts a conversation with a pharmacy (CONV-5, row 6) may go on writing in it
/// before the pharmacy answers, as if her own first message were repliable; a restored <see cref="ConversationStatus.Open"/>
/// conversation can be replied to.</item>
/// </list>
/// <para><c>default(ReplyRights)</c>: no actor message known, nothing repliable (a conversation that has not started).</para>
/// </remarks>
internal readonly struct ReplyRights
{
    private readonly MessageIndex? _messages;
    private readonly int _epoch;
    private readonly bool _canReply;

    private ReplyRights(MessageIndex? messages, int epoch, bool canReply)
    {
        _messages = messages;
        _epoch = epoch;
        _canReply = canReply;
    }

    /// <summary>True when a reply without <c>In-Reply-To</c> would be accepted: some message can be replied to.</summary>
    internal bool CanReply => _canReply;

    /// <summary>How many actor messages with a Message-Id are known.</summary>
    internal int Count => MessageIndex.CountOf(_messages);

    /// <summary>The rights of a conversation rebuilt in a stored status (see the remarks).</summary>
    internal static ReplyRights Restored(ConversationStatus status) => new(null, 0, status == ConversationStatus.Open);

    /// <summary>A Message-Id as compared here: surrounding white space and one pair of angle brackets removed; null when empty.</summary>
    internal static string? Normalize(string? messageId)
    {
        if (messageId is null)
        {
            return null;
        }

        string id = messageId.Trim();
        if (id.Length >= 2 && id[0] == '<' && id[id.Length - 1] == '>')
        {
            id = id.Substring(1, id.Length - 2).Trim();
        }

        return id.Length == 0 ? null : id;
    }

    /// <summary>True when the actor message <paramref name="messageId"/> is known and can be replied to (CONV-9).</summary>
    internal bool CanReplyTo(string messageId) =>
        Normalize(messageId) is { } id && MessageIndex.TryFind(_messages, id, out MessageEntry entry) && IsRepliable(entry);

    /// <summary>
    /// The CONV-9 decision on a message the CONV-8 table accepted: <see cref="ConversationDenial.MessageNotRepliable"/>
    /// when the row is a reply and the message replied to cannot be replied to; otherwise <see cref="ConversationDenial.None"/>.
    /// </summary>
    internal ConversationDenial Check(ConversationRule rule, string? inReplyTo)
    {
        if (!rule.RequiresRepliableMessage)
        {
            return ConversationDenial.None;
        }

        bool repliable = Normalize(inReplyTo) is { } id && MessageIndex.TryFind(_messages, id, out MessageEntry entry)
            ? IsRepliable(entry)
            : _canReply;
        return repliable ? ConversationDenial.None : ConversationDenial.MessageNotRepliable;
    }

    /// <summary>The rights after an accepted message (CONV-9); allocates only when an actor message has a Message-Id.</summary>
    internal ReplyRights After(ConversationStatus before, Author author, bool closing, bool noReply, string? messageId)
    {
        if (author == Author.Patient)
        {
            // A patient's message changes nothing, except starting a conversation (row 6, see the remarks).
            return before == ConversationStatus.Open ? this : new ReplyRights(_messages, _epoch, canReply: true);
        }

        string? id = Normalize(messageId);
        if (closing)
        {
            int epoch = unchecked(_epoch + 1);
            return new ReplyRights(id is null ? _messages : MessageIndex.With(_messages, id, new MessageEntry(epoch, Repliable: false)), epoch, canReply: false);
        }

        MessageIndex? messages = id is null ? _messages : MessageIndex.With(_messages, id, new MessageEntry(_epoch, Repliable: !noReply));
        return new ReplyRights(messages, _epoch, _canReply || !noReply);
    }

    /// <summary>Same observable rights: the same reply flag and the same known ids, each repliable or not alike.</summary>
    internal bool Equals(ReplyRights other) =>
        _canReply == other._canReply && MessageIndex.Equal(_messages, _epoch, other._messages, other._epoch);

    private bool IsRepliable(MessageEntry entry) => entry.Repliable && entry.Epoch == _epoch;
}
