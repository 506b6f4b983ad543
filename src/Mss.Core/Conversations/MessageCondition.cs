namespace Mss.Core.Conversations;

/// <summary>What a row of the CONV-8 transition table requires of the message itself.</summary>
public enum MessageCondition
{
    /// <summary>Any message (a patient's message is never closing, CONV-3).</summary>
    Any,

    /// <summary>An ordinary message: not closing (CONV-3); since 0.2 a message with <c>X-MSS-MES: FIN</c> is ordinary too (CONV-9).</summary>
    Ordinary,

    /// <summary>A closing message from the health actor: subject <c>[FIN]</c>, white space around it ignored (CONV-3 and its 0.2 amendment).</summary>
    Closing,
}
