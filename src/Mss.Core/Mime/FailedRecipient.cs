using System;
using Mss.Core.Delivery;

namespace Mss.Core.Mime;

/// <summary>One recipient of a bounce that failed or was delayed, and why (DEL-6).</summary>
/// <remarks>Immutable. <see cref="Address"/> may be a patient address: do not log it in clear (INS-8).</remarks>
public sealed class FailedRecipient
{
    internal FailedRecipient(string address, NonDeliveryReason reason, string? status, string? diagnostic, bool isPermanent)
    {
        Address = address;
        Reason = reason;
        Status = status;
        Diagnostic = diagnostic;
        IsPermanent = isPermanent;
    }

    /// <summary>
    /// The address as sent: the RFC 3464 <c>Original-Recipient</c> when present, else <c>Final-Recipient</c>, without the
    /// <c>rfc822;</c> type and angle brackets, not MIME-decoded; or the address a DEL-2 French text quotes; or, in a
    /// plain-text bounce, the address the prose names.
    /// </summary>
    public string Address { get; }

    /// <summary>
    /// Why delivery failed (DEL-2, DEL-6). Precedence: a DEL-2 French text about this recipient; then the diagnostic's
    /// specific words (user unknown, over quota, blacklisted…); then the diagnostic's enhanced status code; then the
    /// report's <c>Status</c>; then generic refusal words ("rejected", "denied"…) and the prose of the human-readable
    /// part; <see cref="NonDeliveryReason.Other"/> when nothing is specific.
    /// </summary>
    public NonDeliveryReason Reason { get; }

    /// <summary>The enhanced status code, <c>class.subject.detail</c> (<c>5.1.1</c>, <c>5.1.10</c>…), when known.</summary>
    public string? Status { get; }

    /// <summary>The remote server's text (the <c>Diagnostic-Code</c> without its type, or the SMTP reply in the prose), when known.</summary>
    public string? Diagnostic { get; }

    /// <summary>
    /// False for a delay (<c>Action: delayed</c>, or a 4.x.x status without an action): the server is still trying.
    /// True when the server gave up: <c>Action: failed</c> (even with a 4.x.x status, as when delivery expired) or a
    /// 5.x.x status.
    /// </summary>
    public bool IsPermanent { get; }

    /// <summary>The address as an MSSanté address, when it is one (ADDR-1…ADDR-3).</summary>
    /// <param name="address">The address, or <c>default</c>.</param>
    /// <returns>True when <see cref="Address"/> is a valid MSSanté address.</returns>
    public bool TryGetMssAddress(out MssAddress address) => MssAddress.TryParse(Address, out address);

    /// <summary>The reason and status, never the address (INS-8).</summary>
    /// <returns>For example <c>FailedRecipient: AddressDoesNotExist 5.1.1 permanent</c>.</returns>
    public override string ToString() =>
        "FailedRecipient: " + Reason.ToString() + (Status is null ? string.Empty : " " + Status) + (IsPermanent ? " permanent" : " delayed");
}
