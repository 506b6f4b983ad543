using System;

namespace Mss.Core.Delivery;

/// <summary>
/// What happens to a message sent to a patient's Mon espace santé address (DEL-1…DEL-3): delivered with the patient's
/// notifications, or not delivered for a <see cref="NonDeliveryReason"/> with the French text the sender receives.
/// Made by <see cref="PatientDelivery"/>.
/// </summary>
/// <remarks>
/// <c>default(DeliveryDecision)</c> is "no decision": <see cref="IsDelivered"/> false, <see cref="Reason"/> null,
/// <see cref="Notifications"/> <see cref="PatientNotifications.None"/>, <see cref="Recipient"/> empty. It never equals
/// a decision made by <see cref="PatientDelivery"/>. <see cref="ToString"/> masks the recipient's INS (INS-8).
/// </remarks>
public readonly struct DeliveryDecision : IEquatable<DeliveryDecision>
{
    private readonly string? _recipient;

    private DeliveryDecision(string recipient, bool delivered, NonDeliveryReason? reason, PatientNotifications notifications)
    {
        _recipient = recipient;
        IsDelivered = delivered;
        Reason = reason;
        Notifications = notifications;
    }

    /// <summary>The recipient address as sent (it may hold the patient's INS: do not log it, INS-8); empty for <c>default</c>.</summary>
    public string Recipient => _recipient ?? string.Empty;

    /// <summary>True when the message reaches the patient's box (DEL-1: Active or NotActivated).</summary>
    public bool IsDelivered { get; }

    /// <summary>Why the message was not delivered (DEL-2); null when delivered and for <c>default</c>.</summary>
    public NonDeliveryReason? Reason { get; }

    /// <summary>How the patient is notified (DEL-3); <see cref="PatientNotifications.None"/> when not delivered.</summary>
    public PatientNotifications Notifications { get; }

    /// <summary>The exact French text the sender receives (DEL-2); null when delivered and for <c>default</c>.</summary>
    public string? NoticeText => Reason is { } reason ? NonDeliveryNotice.Text(reason, Recipient) : null;

    /// <summary>Compares two decisions.</summary>
    /// <param name="left">The first decision.</param>
    /// <param name="right">The second decision.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(DeliveryDecision left, DeliveryDecision right) => left.Equals(right);

    /// <summary>Compares two decisions for inequality.</summary>
    /// <param name="left">The first decision.</param>
    /// <param name="right">The second decision.</param>
    /// <returns>True when they differ.</returns>
    public static bool operator !=(DeliveryDecision left, DeliveryDecision right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(DeliveryDecision other) =>
        string.Equals(Recipient, other.Recipient, StringComparison.Ordinal) && IsDelivered == other.IsDelivered
        && Reason == other.Reason && Notifications == other.Notifications;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is DeliveryDecision other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(Recipient), IsDelivered, Reason, Notifications);

    /// <summary>The outcome, without the recipient (it may hold an INS, INS-8): <c>Delivered (Email, App)</c> or <c>NotDelivered (MailboxClosed)</c>.</summary>
    /// <returns>A text free of patient data.</returns>
    public override string ToString() =>
        IsDelivered ? "Delivered (" + Notifications + ")" : Reason is { } reason ? "NotDelivered (" + reason + ")" : "NoDecision";

    internal static DeliveryDecision Delivered(string recipient, PatientNotifications notifications) => new(recipient, true, null, notifications);

    internal static DeliveryDecision NotDelivered(string recipient, NonDeliveryReason reason) => new(recipient, false, reason, PatientNotifications.None);
}
