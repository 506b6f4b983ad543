namespace Mss.Core.Conversations;

/// <summary>The state of one conversation between a patient and a health-actor box (CONV-8).</summary>
public enum ConversationStatus
{
    /// <summary>No message yet.</summary>
    NotStarted,

    /// <summary>Open: the patient may reply (CONV-2).</summary>
    Open,

    /// <summary>Closed by the actor with <c>[FIN]</c> or <c>X-MSS-MES: FIN</c> (CONV-3); the actor may restart it (CONV-4).</summary>
    Closed,
}
