namespace Mss.Core.Conversations;

/// <summary>Who writes a message in a conversation (CONV-8).</summary>
public enum Author
{
    /// <summary>The health actor (or pharmacy) side.</summary>
    HealthActor,

    /// <summary>The patient.</summary>
    Patient,
}
