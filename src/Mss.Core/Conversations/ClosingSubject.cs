using System;
using System.Text;

namespace Mss.Core.Conversations;

/// <summary>
/// The closing subject of CONV-3: the health actor ends a conversation with a message whose subject is exactly
/// <c>[FIN]</c>, "uniquement les 5 caractères", case respected (seeds 001, 003), white space around it not being part of
/// the subject (CONV-3 amendment, 0.2). Also diagnoses near misses.
/// </summary>
public static class ClosingSubject
{
    /// <summary>The closing subject, exactly these 5 characters (CONV-3).</summary>
    public const string Value = "[FIN]";

    private const string OpenBrackets = "([{<\u3010\u3014\u3016\u27E6\u300C\u300E";
    private const string CloseBrackets = ")]}>\u3011\u3015\u3017\u27E7\u300D\u300F";
    private static readonly string[] Prefixes = { "RE", "TR", "FWD", "FW" };

    // A private marker bit meaning "a FIN candidate was found", outside the public flags.
    private const NearMissReasons Candidate = (NearMissReasons)(1 << 30);

    /// <summary>
    /// Says whether a subject closes the conversation (CONV-3 and its 0.2 amendment): once the white space around it is
    /// removed (<see cref="char.IsWhiteSpace(char)"/>, as RFC 5322 unfolding and MimeKit do when writing and reading), it is
    /// ordinally equal to <see cref="Value"/>. So <c>" [FIN]"</c> closes, as the builder puts <c>Subject: [FIN]</c> on the
    /// wire; <c>[fin]</c>, <c>RE: [FIN]</c>, <c>[FIN] merci</c>, <c>[ FIN ]</c> do not. Null is an ordinary (empty) subject.
    /// Never throws. Whether the message closes also depends on its author: see <see cref="ConversationRules.IsClosing(Author, string?)"/>.
    /// </summary>
    /// <param name="subject">The subject as sent, possibly null.</param>
    /// <returns>True for <c>[FIN]</c>, white space around it allowed.</returns>
    public static bool IsClosing(string? subject) => subject is not null && IsClosing(subject.AsSpan());

    /// <summary>Says whether a subject closes the conversation (CONV-3 amendment); see <see cref="IsClosing(string?)"/>.</summary>
    /// <param name="subject">The subject as sent.</param>
    /// <returns>True for <c>[FIN]</c>, white space around it allowed.</returns>
    public static bool IsClosing(ReadOnlySpan<char> subject) => subject.Trim().SequenceEqual(Value.AsSpan());

    /// <summary>
    /// Diagnoses a subject before sending (CONV-3): <see cref="SubjectKind.Closing"/> when <see cref="IsClosing(string?)"/> says so;
    /// <see cref="SubjectKind.NearMiss"/> when it looks like one but will not close (wrong case, <c>RE:</c>/<c>TR:</c>/<c>Fwd:</c>/<c>FW:</c>
    /// prefix, extra text beside <c>[FIN]</c>, missing or other brackets around a lone <c>FIN</c>,
    /// full-width or invisible characters, spaces inside the brackets); otherwise <see cref="SubjectKind.Ordinary"/>.
    /// A word such as "Fin de traitement" is ordinary: without square brackets, only a lone <c>FIN</c> is a near miss.
    /// Null is ordinary. Never throws; linear in the length of the subject, whatever it holds.
    /// </summary>
    /// <remarks>
    /// 0.2 (CONV-3 amendment): white space around the subject is not part of it, so it is never a reason:
    /// <c>" [FIN]"</c> is closing, <c>" RE: [FIN]"</c> a near miss for its prefix only, and the verdict on a subject equals
    /// the verdict on the subject read back from the wire. <see cref="NearMissReasons.SurroundingWhiteSpace"/> is no longer given.
    /// </remarks>
    /// <param name="subject">The subject the professional is about to send.</param>
    /// <returns>The verdict, with the reasons of a near miss.</returns>
    public static SubjectVerdict Diagnose(string? subject)
    {
        if (subject is null)
        {
            return default;
        }

        if (IsClosing(subject))
        {
            return new SubjectVerdict(SubjectKind.Closing, NearMissReasons.None);
        }

        NearMissReasons reasons = NearMissReasons.None;

        // 1. Invisible characters out, every white space (non-breaking ones too) read as a plain space.
        var sb = new StringBuilder(subject.Length);
        foreach (char c in subject)
        {
            if (IsInvisible(c))
            {
                reasons |= NearMissReasons.InvisibleCharacters;
            }
            else
            {
                sb.Append(char.IsWhiteSpace(c) ? ' ' : c);
            }
        }

        string text = sb.ToString();

        // 2. Compatibility forms (full-width letters and brackets) folded to ASCII.
        string folded = FoldCompatibility(text);
        if (!string.Equals(folded, text, StringComparison.Ordinal))
        {
            reasons |= NearMissReasons.LookAlikeCharacters;
        }

        // 3. Surrounding white space is not part of the subject (CONV-3 amendment): dropped, never a reason.
        ReadOnlySpan<char> core = folded.AsSpan().Trim();

        // 4. Reply and forward prefixes, possibly repeated ("RE: TR: [FIN]"): one pass, each character read once.
        int start = 0;
        while (TryStripPrefix(core, start, out int next))
        {
            reasons |= NearMissReasons.ReplyOrForwardPrefix;
            start = next;
        }

        // 5. A bracketed FIN with extra text, or a lone FIN with missing or other brackets.
        NearMissReasons found = FindFin(core.Slice(start));
        if (found == NearMissReasons.None)
        {
            return default;
        }

        // Never None here: a subject with no reason at all would be [FIN], handled above.
        return new SubjectVerdict(SubjectKind.NearMiss, reasons | (found & ~Candidate));
    }

    private static NearMissReasons FindFin(ReadOnlySpan<char> core)
    {
        for (int i = 0; i + 3 <= core.Length; i++)
        {
            if (!IsFinAt(core, i))
            {
                continue;
            }

            NearMissReasons reasons = Candidate;
            if (!(core[i] == 'F' && core[i + 1] == 'I' && core[i + 2] == 'N'))
            {
                reasons |= NearMissReasons.WrongCase;
            }

            // Look outward for the brackets, over spaces.
            int left = i - 1;
            while (left >= 0 && core[left] == ' ')
            {
                left--;
            }

            int right = i + 3;
            while (right < core.Length && core[right] == ' ')
            {
                right++;
            }

            bool squareOpen = left >= 0 && core[left] == '[';
            bool squareClose = right < core.Length && core[right] == ']';
            bool spacesInside = left != i - 1 || right != i + 3;
            if (squareOpen && squareClose)
            {
                if (spacesInside)
                {
                    reasons |= NearMissReasons.WhiteSpaceInsideBrackets;
                }

                if (left > 0 || right < core.Length - 1)
                {
                    reasons |= NearMissReasons.ExtraText;
                }

                return reasons;
            }

            // Without a square pair, only a lone FIN (with at most one bracket-like character each side) counts.
            bool openLike = left >= 0 && OpenBrackets.IndexOf(core[left]) >= 0;
            bool closeLike = right < core.Length && CloseBrackets.IndexOf(core[right]) >= 0;
            int start = openLike ? left : left + 1;
            int end = closeLike ? right : right - 1;
            if (start == 0 && end == core.Length - 1)
            {
                if (spacesInside && (openLike || closeLike))
                {
                    reasons |= NearMissReasons.WhiteSpaceInsideBrackets;
                }

                return reasons | NearMissReasons.MissingOrWrongBrackets;
            }
        }

        return NearMissReasons.None;
    }

    // "FIN" in any case, as a whole word (not inside "FINI" or "AFIN").
    private static bool IsFinAt(ReadOnlySpan<char> s, int i) =>
        char.ToUpperInvariant(s[i]) == 'F' && char.ToUpperInvariant(s[i + 1]) == 'I' && char.ToUpperInvariant(s[i + 2]) == 'N'
        && (i == 0 || !char.IsLetterOrDigit(s[i - 1]))
        && (i + 3 == s.Length || !char.IsLetterOrDigit(s[i + 3]));

    // A prefix at core[start..]: "RE", "TR", "FWD" or "FW" (any case), spaces, a colon, then spaces; next is past them.
    // Only succeeds when something follows the prefix, so "RE:" alone stays an ordinary subject.
    private static bool TryStripPrefix(ReadOnlySpan<char> core, int start, out int next)
    {
        ReadOnlySpan<char> rest = core.Slice(start);
        foreach (string prefix in Prefixes)
        {
            if (rest.Length <= prefix.Length || !rest.StartsWith(prefix.AsSpan(), StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            int j = prefix.Length;
            while (j < rest.Length && rest[j] == ' ')
            {
                j++;
            }

            if (j < rest.Length && rest[j] == ':')
            {
                j++;
                while (j < rest.Length && rest[j] == ' ')
                {
                    j++;
                }

                next = start + j;
                return true;
            }
        }

        next = start;
        return false;
    }

    private static bool IsInvisible(char c) => c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD';

    private static string FoldCompatibility(string text)
    {
        try
        {
            return text.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            // A lone surrogate: nothing to fold (such a subject is read as it is).
            return text;
        }
    }
}
