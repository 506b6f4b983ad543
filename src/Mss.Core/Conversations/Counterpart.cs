namespace Mss.Core.Conversations;

/// <summary>Who the patient talks with in a conversation (CONV-8).</summary>
public enum Counterpart
{
    /// <summary>A health actor's box: only the actor may start the conversation (CONV-1).</summary>
    HealthActor,

    /// <summary>A pharmacy's organisational box: the patient may start the conversation (CONV-5).</summary>
    Pharmacy,
}
