namespace Mss.Core.Conversations;

/// <summary>
/// What the CONV-8 table, and CONV-9 on its reply rows, decide for one message: accepted with the conversation that
/// follows, or refused with a <see cref="ConversationDenial"/>. Returned by <see cref="Conversation.Decide(ConversationMessage)"/>
/// and by replay.
/// </summary>
/// <remarks><c>default(ConversationDecision)</c> is "no decision": not accepted, <see cref="ConversationDenial.None"/>, no rule.</remarks>
public readonly record struct ConversationDecision
{
    private readonly ConversationDenial _replyDenial;

    internal ConversationDecision(ConversationRule rule, Conversation before, Conversation next, bool closing, ConversationDenial replyDenial)
    {
        Rule = rule;
        Before = before;
        Next = next;
        IsClosing = closing;
        _replyDenial = replyDenial;
    }

    /// <summary>
    /// The row of <see cref="ConversationRules.Table"/> that applied; null only for <c>default</c>. A reply row that accepts
    /// (<see cref="ConversationRule.RequiresRepliableMessage"/>) may still be overruled by CONV-9:
    /// <see cref="Denial"/> is then <see cref="ConversationDenial.MessageNotRepliable"/>.
    /// </summary>
    public ConversationRule? Rule { get; }

    /// <summary>The conversation before the message.</summary>
    public Conversation Before { get; }

    /// <summary>The conversation after the message: the new state when accepted, <see cref="Before"/> unchanged when refused.</summary>
    public Conversation Next { get; }

    /// <summary>True when the message was read as closing (CONV-3: health actor, subject <c>[FIN]</c>; not <c>X-MSS-MES: FIN</c> since 0.2).</summary>
    public bool IsClosing { get; }

    /// <summary>True when the message is allowed (CONV-8, CONV-9).</summary>
    public bool IsAccepted => Rule is { Accepts: true } && _replyDenial == ConversationDenial.None;

    /// <summary>Why the message is refused (the row's denial, or CONV-9's); <see cref="ConversationDenial.None"/> when accepted.</summary>
    public ConversationDenial Denial => Rule is null ? ConversationDenial.None : Rule.Accepts ? _replyDenial : Rule.Denial;

    /// <summary>The status after the message (that of <see cref="Next"/>).</summary>
    public ConversationStatus Status => Next.Status;
}
