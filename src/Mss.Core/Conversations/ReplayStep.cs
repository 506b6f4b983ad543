namespace Mss.Core.Conversations;

/// <summary>One message of a replayed history and the decision of the CONV-8 table on it (see <see cref="ConversationReplay"/>).</summary>
/// <remarks><c>default(ReplayStep)</c> is not a step of any replay (its <see cref="Decision"/> has no rule).</remarks>
public readonly record struct ReplayStep
{
    internal ReplayStep(int index, ConversationMessage message, ConversationDecision decision)
    {
        Index = index;
        Message = message;
        Decision = decision;
    }

    /// <summary>The position of the message in the history as given (before sorting by timestamp), from 0.</summary>
    public int Index { get; }

    /// <summary>The message.</summary>
    public ConversationMessage Message { get; }

    /// <summary>The decision: accepted with the resulting status, or refused with the denial.</summary>
    public ConversationDecision Decision { get; }
}
