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

    // CONV-3 and its 0.2 amendment: the 5 characters, ordinal, once white space around them is removed.
    [Theory]
    [InlineData("[FIN]", true)]
    [InlineData(" [FIN]", true)]
    [InlineData("[FIN] ", true)]
    [InlineData("\t[FIN]\r\n", true)]
    [InlineData("\u00A0[FIN]\u2003", true)]
    [InlineData("[fin]", false)]
    [InlineData("RE: [FIN]", false)]
    [InlineData("[ FIN ]", false)]
    [InlineData("[FIN] merci", false)]
    [InlineData("\u200B[FIN]", false)]
    [InlineData("   ", false)]
    [InlineData("［FIN］", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsClosing_ExactFiveCharactersOnly(string? subject, bool expected)
    {
        Assert.Equal(expected, ClosingSubject.IsClosing(subject));
        Assert.Equal(expected, ClosingSubject.IsClosing((subject ?? string.Empty).AsSpan()));
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
    [InlineData(" RE: [FIN]", Prefix)]
    [InlineData("Cc: [FIN]", Extra)]
    [InlineData("Retour [FIN]", Extra)]
    [InlineData("  [fin]  ", Case)]
    [InlineData("RE:RE:RE: [FIN]", Prefix)]
    [InlineData("[ FIN", Brackets | Inside)]
    [InlineData("FIN )", Brackets | Inside)]
    public void Diagnose_NearMiss_WithReasons(string subject, NearMissReasons reasons)
    {
        SubjectVerdict verdict = ClosingSubject.Diagnose(subject);
        Assert.Equal(SubjectKind.NearMiss, verdict.Kind);
        Assert.Equal(reasons, verdict.Reasons);
        Assert.True(verdict.IsNearMiss);
        Assert.False(verdict.IsClosing);
    }

    // Invisible characters are one reason however many there are (built in code: xUnit data would alter them).
    [Fact]
    public void Diagnose_TwoInvisibleCharacters_OneReason()
    {
        Assert.Equal(Invisible, ClosingSubject.Diagnose("[\u200BFIN\u200B]").Reasons);
        Assert.Equal(Invisible | Extra, ClosingSubject.Diagnose("[FIN]\u00AD\u00AD merci").Reasons);
    }

    // A lone surrogate cannot be normalised: the subject is read as it is, and still diagnosed.
    [Fact]
    public void Diagnose_LoneSurrogate_ReadAsItIs()
    {
        string subject = "[FIN] " + new string('\uD800', 1);
        SubjectVerdict verdict = ClosingSubject.Diagnose(subject);
        Assert.Equal(SubjectKind.NearMiss, verdict.Kind);
        Assert.Equal(Extra, verdict.Reasons);
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
    [InlineData("[FAN]")]
    [InlineData("[AIN]")]
    [InlineData("[FIX]")]
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

    // CONV-3 amendment: a subject that closes on the wire is never a near miss; white space around it is no reason.
    [Theory]
    [InlineData(" [FIN]")]
    [InlineData("[FIN] ")]
    [InlineData("[FIN]\u00A0")]
    [InlineData("\t[FIN]\r\n")]
    [InlineData("\u3000[FIN]")]
    public void Diagnose_ClosingWithSurroundingWhiteSpace_Closing(string subject)
    {
        SubjectVerdict verdict = ClosingSubject.Diagnose(subject);
        Assert.Equal(SubjectKind.Closing, verdict.Kind);
        Assert.Equal(NearMissReasons.None, verdict.Reasons);
        Assert.Equal(string.Empty, verdict.ToFrenchWarning());
    }

    // Issue 16: many reply prefixes before [FIN] are read in one pass (the benchmark shows the linear growth).
    [Fact]
    public void Diagnose_HundredThousandPrefixes_NearMissForThePrefix()
    {
        string subject = string.Concat(Enumerable.Repeat("RE: ", 100_000)) + "[FIN]";
        SubjectVerdict verdict = ClosingSubject.Diagnose(subject);
        Assert.Equal(SubjectKind.NearMiss, verdict.Kind);
        Assert.Equal(Prefix, verdict.Reasons);
        Assert.Equal(Prefix | Extra, ClosingSubject.Diagnose(string.Concat(Enumerable.Repeat("TR : ", 50_000)) + "[FIN] merci").Reasons);
    }

    [Fact]
    public void ToFrenchWarning_NearMiss_NamesTheCauses()
    {
        Assert.Equal(
            "Cet objet ne clôturera pas la conversation : seul l'objet [FIN] exactement (5 caractères) la clôture. "
            + "En cause : minuscules au lieu de majuscules, préfixe de réponse ou de transfert (RE:, TR:, Fwd:, FW:), texte en plus de [FIN].",
            ClosingSubject.Diagnose("RE: [fin] merci").ToFrenchWarning());
        Assert.EndsWith("En cause : espaces entre les crochets.", ClosingSubject.Diagnose("[ FIN ]\u00A0").ToFrenchWarning(), StringComparison.Ordinal);
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

    // Never throws, and Closing exactly when the subject is "[FIN]" once trimmed (CONV-3 amendment), on arbitrary strings
    // (lone surrogates included); never SurroundingWhiteSpace, a reason 0.2 no longer gives.
    [Property(MaxTest = 2000)]
    public bool Diagnose_NeverThrows_ClosingOnlyForTrimmedValue(string? subject)
    {
        SubjectVerdict verdict = ClosingSubject.Diagnose(subject);
        return verdict.IsClosing == (subject?.Trim() == "[FIN]") && verdict.IsClosing == ClosingSubject.IsClosing(subject)
            && (verdict.Kind == SubjectKind.NearMiss) == (verdict.Reasons != NearMissReasons.None)
            && (verdict.Reasons & Space) == 0;
    }

    // CONV-3 amendment: white space around a subject never changes the verdict (it is not part of the subject).
    [Property(MaxTest = 1000)]
    public bool Diagnose_SurroundingWhiteSpace_SameVerdict(string? subject, byte before, byte after)
    {
        string[] spaces = ["", " ", "\t", "\u00A0", "\u2003", "\u3000", "  \u00A0 "];
        string core = subject ?? string.Empty;
        return ClosingSubject.Diagnose(spaces[before % spaces.Length] + core + spaces[after % spaces.Length]) == ClosingSubject.Diagnose(core);
    }

    // Hand-built near misses around [FIN]: a subject that trims to [FIN] is closing, any other is a near miss.
    [Property(MaxTest = 1000)]
    public bool Diagnose_AroundFin_ClosingIffTrimmedFin(byte prefix, byte before, byte after, byte suffix)
    {
        string[] prefixes = ["", "RE: ", "Re : ", "TR:", "Fwd: ", "Cc: ", "Retour "];
        string[] spaces = ["", " ", "\u00A0", "\t"];
        string[] suffixes = ["", " merci", ".", "!"];
        string subject = spaces[before % spaces.Length] + prefixes[prefix % prefixes.Length] + "[FIN]" + suffixes[suffix % suffixes.Length] + spaces[after % spaces.Length];
        SubjectVerdict verdict = ClosingSubject.Diagnose(subject);
        bool closes = prefix % prefixes.Length == 0 && suffix % suffixes.Length == 0;
        return closes ? verdict.Kind == SubjectKind.Closing : verdict.Kind == SubjectKind.NearMiss;
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
