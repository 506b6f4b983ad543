using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Mss.Core.Conversations;

namespace Mss.Core.Tests.Conversations;

public class ClosingSubjectTest
{
    private const NearMissReasons Case = NearMissReasons.WrongCase;
    private const NearMissReasons Prefix = NearMissReasons.ReplyOrForwardPrefix;
    private const NearMissReasons Space = NearMissReasons.SurroundingWhiteSpace;
    private const NearMissReasons Extra = NearMissReasons.ExtraText;
    private const NearMissReasons Brackets = NearMissReasons.MissingOrWrongBrackets;
    private const NearMissReasons LookAlike = NearMissReasons.LookAlikeCharacters;
    private const NearMissReasons Invisible = NearMissReasons.InvisibleCharacters;
    private const NearMissReasons Inside = NearMissReasons.WhiteSpaceInsideBrackets;

    // CONV-3: exactly the 5 characters, ordinal.
    [Theory]
    [InlineData("[FIN]", true)]
    [InlineData("[fin]", false)]
    [InlineData("RE: [FIN]", false)]
    [InlineData(" [FIN]", false)]
    [InlineData("[FIN] ", false)]
    [InlineData("［FIN］", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsClosing_ExactFiveCharactersOnly(string? subject, bool expected)
    {
        Assert.Equal(expected, ClosingSubject.IsClosing(subject));
        Assert.Equal(5, ClosingSubject.Value.Length);
    }

    // CONV-3 near misses: what looks like a closing but is not, and why.
    [Theory]
    [InlineData("[fin]", Case)]
    [InlineData("[Fin]", Case)]
    [InlineData("[fIN]", Case)]
    [InlineData("RE: [FIN]", Prefix)]
    [InlineData("Re : [FIN]", Prefix)]
    [InlineData("re:[FIN]", Prefix)]
    [InlineData("TR: [FIN]", Prefix)]
    [InlineData("Fwd: [FIN]", Prefix)]
    [InlineData("FW: [FIN]", Prefix)]
    [InlineData("RE: TR: [fin]", Prefix | Case)]
    [InlineData(" [FIN]", Space)]
    [InlineData("[FIN] ", Space)]
    [InlineData("[FIN]\u00A0", Space)]
    [InlineData("\t[FIN]\r\n", Space)]
    [InlineData("[FIN] merci", Extra)]
    [InlineData("[FIN]\u00A0merci", Extra)]
    [InlineData("Consultation [FIN]", Extra)]
    [InlineData("[FIN].", Extra)]
    [InlineData("[FIN][FIN]", Extra)]
    [InlineData("FIN", Brackets)]
    [InlineData("fin", Brackets | Case)]
    [InlineData("(FIN)", Brackets)]
    [InlineData("{FIN}", Brackets)]
    [InlineData("<FIN>", Brackets)]
    [InlineData("[FIN", Brackets)]
    [InlineData("FIN]", Brackets)]
    [InlineData("【FIN】", Brackets)]
    [InlineData("［FIN］", LookAlike)]
    [InlineData("［ＦＩＮ］", LookAlike)]
    [InlineData("[ＦＩＮ]", LookAlike)]
    [InlineData("[\u200BFIN]", Invisible)]
    [InlineData("\uFEFF[FIN]", Invisible)]
    [InlineData("[ FIN ]", Inside)]
    [InlineData("[FIN ]", Inside)]
    [InlineData("( FIN )", Brackets | Inside)]
    [InlineData("RE: [Fin] merci", Prefix | Case | Extra)]
    [InlineData(" RE: [FIN]", Space | Prefix)]
    public void Diagnose_NearMiss_WithReasons(string subject, NearMissReasons reasons)
    {
        SubjectVerdict verdict = ClosingSubject.Diagnose(subject);
        Assert.Equal(SubjectKind.NearMiss, verdict.Kind);
        Assert.Equal(reasons, verdict.Reasons);
        Assert.True(verdict.IsNearMiss);
        Assert.False(verdict.IsClosing);
    }

    // Ordinary subjects raise no false alarm: a French word "fin" without brackets is not a near miss.
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Bonjour")]
    [InlineData("Fin de traitement")]
    [InlineData("Fin du traitement [résultats]")]
    [InlineData("FIN merci")]
    [InlineData("Afin de préparer votre venue")]
    [InlineData("[FINESS]")]
    [InlineData("[FINI]")]
    [InlineData("RE:")]
    [InlineData("RE: Résultats")]
    [InlineData("[]")]
    public void Diagnose_Ordinary_NoReasons(string? subject)
    {
        SubjectVerdict verdict = ClosingSubject.Diagnose(subject);
        Assert.Equal(SubjectKind.Ordinary, verdict.Kind);
        Assert.Equal(NearMissReasons.None, verdict.Reasons);
        Assert.Equal(default, verdict);
    }

    [Fact]
    public void ToFrenchWarning_NearMiss_NamesTheCauses()
    {
        Assert.Equal(
            "Cet objet ne clôturera pas la conversation : seul l'objet [FIN] exactement (5 caractères) la clôture. "
            + "En cause : minuscules au lieu de majuscules, préfixe de réponse ou de transfert (RE:, TR:, Fwd:, FW:), texte en plus de [FIN].",
            ClosingSubject.Diagnose("RE: [fin] merci").ToFrenchWarning());
        Assert.EndsWith("En cause : espaces avant ou après.", ClosingSubject.Diagnose("[FIN]\u00A0").ToFrenchWarning(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, ClosingSubject.Diagnose("[FIN]").ToFrenchWarning());
        Assert.Equal(string.Empty, ClosingSubject.Diagnose("Bonjour").ToFrenchWarning());
        Assert.Equal(string.Empty, default(SubjectVerdict).ToFrenchWarning());
    }

    [Fact]
    public void Diagnose_Exact_Closing()
    {
        SubjectVerdict verdict = ClosingSubject.Diagnose("[FIN]");
        Assert.Equal(SubjectKind.Closing, verdict.Kind);
        Assert.True(verdict.IsClosing);
        Assert.Equal(NearMissReasons.None, verdict.Reasons);
    }

    // Never throws, and Closing exactly when the subject is "[FIN]" (CONV-3), on arbitrary strings (lone surrogates included).
    [Property(MaxTest = 2000)]
    public bool Diagnose_NeverThrows_ClosingOnlyForExactValue(string? subject)
    {
        SubjectVerdict verdict = ClosingSubject.Diagnose(subject);
        return verdict.IsClosing == (subject == "[FIN]") && (verdict.Kind == SubjectKind.NearMiss) == (verdict.Reasons != NearMissReasons.None);
    }

    [Theory]
    [InlineData("\uD800[FIN]")]
    [InlineData("[FIN]\uDC00")]
    public void Diagnose_LoneSurrogate_NearMissWithoutThrowing(string subject) =>
        Assert.Equal(SubjectKind.NearMiss, ClosingSubject.Diagnose(subject).Kind);

    // No false alarm: a subject that does not spell F, I, N (after folding compatibility forms) is ordinary.
    [Property(MaxTest = 2000)]
    public Property Diagnose_WithoutTheLettersFin_Ordinary(string? subject)
    {
        // Invisible characters do not separate letters (a near miss with InvisibleCharacters).
        string visible = new((subject ?? string.Empty).Where(c => c is not ('\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD')).ToArray());
        string folded;
        try
        {
            folded = visible.Normalize(NormalizationForm.FormKC).ToUpper(CultureInfo.InvariantCulture);
        }
        catch (ArgumentException)
        {
            folded = visible.ToUpper(CultureInfo.InvariantCulture);
        }

        return (ClosingSubject.Diagnose(subject).Kind == SubjectKind.Ordinary).When(!folded.Contains("FIN", StringComparison.Ordinal));
    }
}
