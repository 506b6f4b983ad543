using NodaTime;

namespace Mss.Core.Conversations;

/// <summary>
/// One message of a conversation's history, as the conversation rules see it (CONV-3, CONV-8): who wrote it, its
/// subject, whether it carried <c>X-MSS-MES: FIN</c>, and when. Read from MIME by <c>Mss.Core.Mime</c>, replayed by
/// the conversation replay.
/// </summary>
/// <param name="Author">Who wrote the message.</param>
/// <param name="Subject">The subject as sent (null is read as empty).</param>
/// <param name="NoReply">True when the message carried the header <c>X-MSS-MES: FIN</c> (CONV-3).</param>
/// <param name="Timestamp">When the message was sent (DEL-5).</param>
public readonly record struct ConversationMessage(Author Author, string? Subject, bool NoReply, Instant Timestamp);
