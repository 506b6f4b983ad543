using System;

namespace Mss.Core.Conversations;

/// <summary>Why a subject that looks like <c>[FIN]</c> does not close the conversation (CONV-3: "uniquement les 5 caractères").</summary>
[Flags]
public enum NearMissReasons
{
    /// <summary>No reason: the subject is exactly <c>[FIN]</c>, or does not look like a closing at all.</summary>
    None = 0,

    /// <summary>The letters are not all upper case: <c>[fin]</c>, <c>[Fin]</c>.</summary>
    WrongCase = 1,

    /// <summary>A reply or forward prefix: <c>RE:</c>, <c>TR:</c>, <c>Fwd:</c>, <c>FW:</c> (any case, spaces before the colon allowed).</summary>
    ReplyOrForwardPrefix = 2,

    /// <summary>
    /// White space before or after. No longer given since 0.2 (CONV-3 amendment): white space around a subject is not part
    /// of it, so <c>" [FIN]"</c> closes. Kept so that code compiled against 0.1 still builds.
    /// </summary>
    SurroundingWhiteSpace = 4,

    /// <summary>Other text beside the bracketed word: <c>[FIN] merci</c>, <c>Consultation [FIN]</c>, <c>[FIN].</c>.</summary>
    ExtraText = 8,

    /// <summary>Square brackets missing or replaced: <c>FIN</c>, <c>(FIN)</c>, <c>[FIN</c>, <c>【FIN】</c>.</summary>
    MissingOrWrongBrackets = 16,

    /// <summary>Look-alike characters that are not the ASCII ones: full-width <c>［ＦＩＮ］</c> and other compatibility forms.</summary>
    LookAlikeCharacters = 32,

    /// <summary>Invisible characters: zero-width spaces or joiners, byte-order mark, soft hyphen.</summary>
    InvisibleCharacters = 64,

    /// <summary>White space inside the brackets: <c>[ FIN ]</c>.</summary>
    WhiteSpaceInsideBrackets = 128,
}
