namespace Mss.Core.Delivery;

/// <summary>The state of a patient's Mon espace santé box, as the platform knows it (DEL-1).</summary>
public enum PatientMailboxStatus
{
    /// <summary>Profile activated: messages are delivered.</summary>
    Active,

    /// <summary>Profile exists but is not activated: messages are still delivered.</summary>
    NotActivated,

    /// <summary>The patient opposed the profile's creation: there is no box ("n'existe pas").</summary>
    Opposed,

    /// <summary>The profile is closed ("clôturée").</summary>
    Closed,
}
