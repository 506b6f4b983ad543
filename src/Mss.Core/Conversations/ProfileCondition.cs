namespace Mss.Core.Conversations;

/// <summary>What a row of the CONV-8 transition table requires of the patient's Mon espace santé profile.</summary>
public enum ProfileCondition
{
    /// <summary>Activated or not.</summary>
    Any,

    /// <summary>The patient's profile is activated (CONV-5).</summary>
    Activated,

    /// <summary>The patient's profile exists but is not activated (CONV-5).</summary>
    NotActivated,
}
