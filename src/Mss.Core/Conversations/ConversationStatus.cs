namespace Mss.Core.Conversations;

/// <summary>The state of one conversation between a patient and a health-actor box (CONV-8).</summary>
public enum ConversationStatus
{
    /// <summary>No message yet.</summary>
    NotStarted,

    /// <summary>Open: the patient may reply (CONV-2).</summary>
    Open,

    /// <summary>Closed by the actor with <c>[FIN]</c> (CONV-3; since 0.2 <c>X-MSS-MES: FIN</c> does not close, CONV-9); the actor may restart it (CONV-4).</summary>
    Closed,
}
