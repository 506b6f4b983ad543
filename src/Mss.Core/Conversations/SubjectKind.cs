namespace Mss.Core.Conversations;

/// <summary>How a subject reads against the closing rule of CONV-3 (see <see cref="ClosingSubject.Diagnose"/>).</summary>
public enum SubjectKind
{
    /// <summary>An ordinary subject: it does not close and does not look like it would.</summary>
    Ordinary,

    /// <summary>Exactly <c>[FIN]</c>: closes the conversation when the health actor sends it (CONV-3).</summary>
    Closing,

    /// <summary>Looks like a closing but is not one (CONV-3): the conversation stays open. <see cref="SubjectVerdict.Reasons"/> says why.</summary>
    NearMiss,
}
