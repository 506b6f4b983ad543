using NodaTime;

namespace Mss.Core.Conversations;

/// <summary>
/// One message of a conversation's history, as the conversation rules see it (CONV-3, CONV-8, CONV-9): who wrote it, its
/// subject, whether it carried <c>X-MSS-MES: FIN</c>, when, and (0.2) its Message-Id and the message it replies to. Read
/// from MIME by <c>Mss.Core.Mime</c>, replayed by the conversation replay.
/// </summary>
/// <remarks>
/// <c>default(ConversationMessage)</c> is a health actor's message with no subject, no <c>X-MSS-MES</c>, no ids, at the
/// Unix epoch: an ordinary message.
/// </remarks>
/// <param name="Author">Who wrote the message.</param>
/// <param name="Subject">The subject as sent (null is read as empty).</param>
/// <param name="NoReply">
/// True when the message carried the header <c>X-MSS-MES: FIN</c>. Changed in 0.2: it does not close the conversation; the
/// patient cannot reply to that one message (CONV-9).
/// </param>
/// <param name="Timestamp">When the message was sent (DEL-5).</param>
public readonly record struct ConversationMessage(Author Author, string? Subject, bool NoReply, Instant Timestamp)
{
    /// <summary>
    /// The message's Message-Id, without angle brackets (as MimeKit gives it); null when unknown. An actor message's id lets
    /// a later patient reply name it (CONV-9).
    /// </summary>
    public string? MessageId { get; init; }

    /// <summary>
    /// The Message-Id of the message this one replies to (<c>In-Reply-To</c>), without angle brackets; null means a reply
    /// to the latest repliable actor message (CONV-9).
    /// </summary>
    public string? InReplyTo { get; init; }
}
