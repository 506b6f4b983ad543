namespace Mss.Core.Conversations;

/// <summary>
/// What the CONV-8 table decides for one message: accepted with the conversation that follows, or refused with a
/// <see cref="ConversationDenial"/>. Returned by <see cref="Conversation.Decide(Author, string?, bool)"/> and by replay.
/// </summary>
/// <remarks><c>default(ConversationDecision)</c> is "no decision": not accepted, <see cref="ConversationDenial.None"/>, no rule.</remarks>
public readonly record struct ConversationDecision
{
    internal ConversationDecision(ConversationRule rule, Conversation before, Conversation next, bool closing)
    {
        Rule = rule;
        Before = before;
        Next = next;
        IsClosing = closing;
    }

    /// <summary>The row of <see cref="ConversationRules.Table"/> that decided; null only for <c>default</c>.</summary>
    public ConversationRule? Rule { get; }

    /// <summary>The conversation before the message.</summary>
    public Conversation Before { get; }

    /// <summary>The conversation after the message: the new state when accepted, <see cref="Before"/> unchanged when refused.</summary>
    public Conversation Next { get; }

    /// <summary>True when the message was read as closing (CONV-3: health actor, <c>[FIN]</c> or <c>X-MSS-MES: FIN</c>).</summary>
    public bool IsClosing { get; }

    /// <summary>True when the message is allowed (CONV-8).</summary>
    public bool IsAccepted => Rule is { Accepts: true };

    /// <summary>Why the message is refused; <see cref="ConversationDenial.None"/> when accepted.</summary>
    public ConversationDenial Denial => Rule?.Denial ?? ConversationDenial.None;

    /// <summary>The status after the message (that of <see cref="Next"/>).</summary>
    public ConversationStatus Status => Next.Status;
}
