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

    /// <summary>
    /// A French warning to show the professional before sending a near miss (CONV-3), e.g.
    /// <c>"Cet objet ne clôturera pas la conversation : seul l'objet [FIN] exactement (5 caractères) la clôture. En cause : minuscules au lieu de majuscules."</c>;
    /// the empty string when the subject is not a near miss.
    /// </summary>
    /// <returns>The warning, or the empty string.</returns>
    public string ToFrenchWarning()
    {
        if (!IsNearMiss)
        {
            return string.Empty;
        }

        NearMissReasons reasons = Reasons;
        var causes = new System.Collections.Generic.List<string>();
        Add(NearMissReasons.WrongCase, "minuscules au lieu de majuscules");
        Add(NearMissReasons.ReplyOrForwardPrefix, "préfixe de réponse ou de transfert (RE:, TR:, Fwd:, FW:)");
        Add(NearMissReasons.SurroundingWhiteSpace, "espaces avant ou après");
        Add(NearMissReasons.ExtraText, "texte en plus de [FIN]");
        Add(NearMissReasons.MissingOrWrongBrackets, "crochets absents ou différents");
        Add(NearMissReasons.LookAlikeCharacters, "caractères ressemblants (pleine chasse)");
        Add(NearMissReasons.InvisibleCharacters, "caractères invisibles");
        Add(NearMissReasons.WhiteSpaceInsideBrackets, "espaces entre les crochets");
        return "Cet objet ne clôturera pas la conversation : seul l'objet [FIN] exactement (5 caractères) la clôture. En cause : "
            + string.Join(", ", causes) + ".";

        void Add(NearMissReasons reason, string text)
        {
            if ((reasons & reason) != 0)
            {
                causes.Add(text);
            }
        }
    }
}
