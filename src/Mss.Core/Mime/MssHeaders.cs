namespace Mss.Core.Mime;

/// <summary>The header names and values of the MSSanté rules on the wire, shared by the builder and the reader.</summary>
internal static class MssHeaders
{
    /// <summary>The header ANS defines for "no reply expected" (CONV-3).</summary>
    internal const string NoReply = "X-MSS-MES";

    /// <summary>The value of <see cref="NoReply"/> that closes the conversation: three upper-case letters (CONV-3).</summary>
    internal const string NoReplyValue = "FIN";

    /// <summary>RFC 3834 header marking an automatic send (BAL-3).</summary>
    internal const string AutoSubmitted = "Auto-Submitted";
}
