using System;

namespace Mss.Core.Delivery;

/// <summary>How the patient is told that a message arrived in their Mon espace santé box (DEL-3).</summary>
[Flags]
public enum PatientNotifications
{
    /// <summary>No notification: the message was not delivered.</summary>
    None = 0,

    /// <summary>An e-mail, sent for every delivered message, whether the profile is activated or not (DEL-3).</summary>
    Email = 1,

    /// <summary>A notification in the mobile app's notification centre, when the profile is activated and the app installed (DEL-3).</summary>
    App = 2,
}
