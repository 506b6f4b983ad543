namespace Mss.Core.Conversations;

/// <summary>
/// The verdict of <see cref="ClosingSubject.Diagnose"/> on a subject (CONV-3): closing, ordinary, or a near miss that
/// looks like <c>[FIN]</c> but will not close, with the reasons, so software can warn the professional before sending.
/// </summary>
/// <remarks><c>default(SubjectVerdict)</c> is the verdict on an ordinary subject: <see cref="SubjectKind.Ordinary"/>, no reasons.</remarks>
public readonly record struct SubjectVerdict
{
    internal SubjectVerdict(SubjectKind kind, NearMissReasons reasons)
    {
        Kind = kind;
        Reasons = reasons;
    }

    /// <summary>Closing, ordinary or near miss.</summary>
    public SubjectKind Kind { get; }

    /// <summary>Why a near miss does not close; <see cref="NearMissReasons.None"/> for the other kinds.</summary>
    public NearMissReasons Reasons { get; }

    /// <summary>True when the subject is exactly <c>[FIN]</c> (CONV-3).</summary>
    public bool IsClosing => Kind == SubjectKind.Closing;

    /// <summary>True when the subject looks like a closing but is not one: warn the sender.</summary>
    public bool IsNearMiss => Kind == SubjectKind.NearMiss;
}
