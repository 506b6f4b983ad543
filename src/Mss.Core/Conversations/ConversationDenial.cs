namespace Mss.Core.Conversations;

/// <summary>Why a message is refused in a conversation (CONV-8).</summary>
public enum ConversationDenial
{
    /// <summary>Not refused.</summary>
    None,

    /// <summary>A patient cannot start a conversation with a health actor (CONV-1).</summary>
    PatientCannotStart,

    /// <summary>The actor closed the conversation: the patient cannot reply (CONV-4).</summary>
    ConversationClosed,

    /// <summary>A patient whose profile is not activated cannot start a conversation with a pharmacy (CONV-5).</summary>
    PatientProfileNotActivated,

    /// <summary>
    /// The patient replies to a message that cannot be replied to: it carried <c>X-MSS-MES: FIN</c>, or it is older
    /// than the last closing (CONV-9, 0.2).
    /// </summary>
    MessageNotRepliable,
}
