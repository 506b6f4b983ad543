namespace Mss.Core.Conversations;

/// <summary>What a row of the CONV-8 transition table requires of the message itself.</summary>
public enum MessageCondition
{
    /// <summary>Any message (a patient's message is never closing, CONV-3).</summary>
    Any,

    /// <summary>An ordinary message: not closing (CONV-3).</summary>
    Ordinary,

    /// <summary>A closing message from the health actor: subject exactly <c>[FIN]</c> or header <c>X-MSS-MES: FIN</c> (CONV-3).</summary>
    Closing,
}
