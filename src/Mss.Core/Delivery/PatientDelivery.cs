using System;

namespace Mss.Core.Delivery;

/// <summary>
/// Decides what happens to a message sent to a patient's Mon espace santé address, from the address as sent and the
/// state of the patient's box (DEL-1…DEL-3).
/// </summary>
/// <remarks>
/// <para>The rule, in order:</para>
/// <list type="number">
/// <item>An address on <c>patient.mssante.fr</c> whose local part is not a valid INS (wrong length, character or key,
/// ADDR-2) is not delivered: <see cref="NonDeliveryReason.AddressInvalid"/> ("invalidé"), whatever the status.</item>
/// <item><see cref="PatientMailboxStatus.Opposed"/>: <see cref="NonDeliveryReason.AddressDoesNotExist"/> ("n'existe pas").</item>
/// <item><see cref="PatientMailboxStatus.Closed"/>: <see cref="NonDeliveryReason.MailboxClosed"/> ("clôturée").</item>
/// <item><see cref="PatientMailboxStatus.Active"/> and <see cref="PatientMailboxStatus.NotActivated"/>: delivered (DEL-1),
/// the patient notified by e-mail always, and in the app when the profile is activated and the app installed (DEL-3).</item>
/// </list>
/// <para>
/// Decided here: a recipient that is not a Mon espace santé address (a professional MSSanté address, an address outside
/// the trust space, or not an address at all) has no patient box, so no decision: <c>TryDecide</c> returns false and
/// <c>Decide</c> throws. Such recipients are refused earlier, when the message is built (ADDR-4).
/// </para>
/// </remarks>
public static class PatientDelivery
{
    private const string NotAPatientAddress = "The recipient is not a Mon espace santé address (<INS>@patient.mssante.fr, ADDR-2): it has no patient box.";

    /// <summary>Decides the delivery of a message to <paramref name="recipient"/> (DEL-1…DEL-3; see the class remarks). Never throws.</summary>
    /// <param name="recipient">The recipient address as sent, possibly null or malformed.</param>
    /// <param name="status">The state of the patient's box (ignored when the INS is invalid).</param>
    /// <param name="mobileAppInstalled">True when the patient installed the Mon espace santé app (DEL-3).</param>
    /// <param name="decision">The decision, or <c>default</c> when the recipient is not a Mon espace santé address.</param>
    /// <returns>False when <paramref name="recipient"/> is not a Mon espace santé address (valid or with an invalid INS), or <paramref name="status"/> is not defined.</returns>
    public static bool TryDecide(string? recipient, PatientMailboxStatus status, bool mobileAppInstalled, out DeliveryDecision decision)
    {
        decision = default;
        if (recipient is null || status is < PatientMailboxStatus.Active or > PatientMailboxStatus.Closed)
        {
            return false;
        }

        if (MssAddress.TryParse(recipient, out MssAddress address))
        {
            if (!address.IsPatient)
            {
                return false;
            }

            decision = ForStatus(recipient, status, mobileAppInstalled);
            return true;
        }

        if (MssAddress.Validate(recipient.AsSpan()) != AddressError.InvalidPatientIns)
        {
            return false;
        }

        decision = DeliveryDecision.NotDelivered(recipient, NonDeliveryReason.AddressInvalid);
        return true;
    }

    /// <summary>Decides the delivery of a message to <paramref name="recipient"/> (DEL-1…DEL-3; see the class remarks).</summary>
    /// <param name="recipient">The recipient address as sent.</param>
    /// <param name="status">The state of the patient's box (ignored when the INS is invalid).</param>
    /// <param name="mobileAppInstalled">True when the patient installed the Mon espace santé app (DEL-3).</param>
    /// <returns>The decision.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="recipient"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="recipient"/> is not a Mon espace santé address (the message never names it: it may hold an INS, INS-8).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is not defined.</exception>
    public static DeliveryDecision Decide(string recipient, PatientMailboxStatus status, bool mobileAppInstalled)
    {
        if (recipient is null)
        {
            throw new ArgumentNullException(nameof(recipient));
        }

        CheckStatus(status);
        return TryDecide(recipient, status, mobileAppInstalled, out DeliveryDecision decision)
            ? decision
            : throw new ArgumentException(NotAPatientAddress, nameof(recipient));
    }

    /// <summary>Decides the delivery of a message to a patient address (DEL-1…DEL-3; the INS of a parsed address is valid).</summary>
    /// <param name="recipient">A patient address.</param>
    /// <param name="status">The state of the patient's box.</param>
    /// <param name="mobileAppInstalled">True when the patient installed the Mon espace santé app (DEL-3).</param>
    /// <returns>The decision.</returns>
    /// <exception cref="ArgumentException"><paramref name="recipient"/> is not a patient address.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is not defined.</exception>
    public static DeliveryDecision Decide(MssAddress recipient, PatientMailboxStatus status, bool mobileAppInstalled)
    {
        CheckStatus(status);
        return recipient.IsPatient
            ? ForStatus(recipient.ToString(), status, mobileAppInstalled)
            : throw new ArgumentException(NotAPatientAddress, nameof(recipient));
    }

    private static DeliveryDecision ForStatus(string recipient, PatientMailboxStatus status, bool mobileAppInstalled) => status switch
    {
        PatientMailboxStatus.Opposed => DeliveryDecision.NotDelivered(recipient, NonDeliveryReason.AddressDoesNotExist),
        PatientMailboxStatus.Closed => DeliveryDecision.NotDelivered(recipient, NonDeliveryReason.MailboxClosed),
        PatientMailboxStatus.Active when mobileAppInstalled => DeliveryDecision.Delivered(recipient, PatientNotifications.Email | PatientNotifications.App),
        _ => DeliveryDecision.Delivered(recipient, PatientNotifications.Email),
    };

    private static void CheckStatus(PatientMailboxStatus status)
    {
        if (status is < PatientMailboxStatus.Active or > PatientMailboxStatus.Closed)
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "Not a patient mailbox status (DEL-1).");
        }
    }
}
