namespace Mss.Core.Mime;

/// <summary>The header names and values of the MSSanté rules on the wire, shared by the builder and the reader.</summary>
internal static class MssHeaders
{
    /// <summary>The header ANS defines for "no reply expected" (Référentiel socle MSSanté #2 ECO.2.2.8, CONV-9).</summary>
    internal const string NoReply = "X-MSS-MES";

    /// <summary>The value of <see cref="NoReply"/>, three upper-case letters: the patient cannot reply to that message; it does not close the conversation (CONV-9).</summary>
    internal const string NoReplyValue = "FIN";

    /// <summary>RFC 3834 header marking an automatic send (BAL-3).</summary>
    internal const string AutoSubmitted = "Auto-Submitted";
}
