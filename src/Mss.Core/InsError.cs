namespace Mss.Core;

/// <summary>
/// Why a text is not a valid canonical INS matricule (INS-1, INS-2, INS-4).
/// When several apply, the first in declaration order is reported:
/// <see cref="Empty"/>, then <see cref="Length"/>, then <see cref="Character"/>, then <see cref="Key"/>.
/// <see cref="UnknownOid"/> (0.2) is only given by <see cref="Ins.Parse(string, string)"/>, after the matricule's own errors.
/// The French sentence for a user is <see cref="FrenchText.Describe(InsError)"/>.
/// </summary>
public enum InsError
{
    /// <summary>The text is a valid matricule.</summary>
    None = 0,

    /// <summary>The text is null or empty.</summary>
    Empty,

    /// <summary>The text does not have 15 characters (13-character body + 2-digit key, INS-1).</summary>
    Length,

    /// <summary>
    /// A character is not allowed at its position (INS-1): ASCII digits everywhere, except <c>2A</c> / <c>2B</c>
    /// at positions 6–7. Full-width and other non-ASCII digits are refused.
    /// </summary>
    Character,

    /// <summary>The two-digit key does not match the body (INS-2, with the Corsica substitution).</summary>
    Key,

    /// <summary>
    /// The OID given with the matricule is not one of the four INS OIDs (INS-5, 0.2): only <see cref="Ins.Parse(string, string)"/>
    /// reports it, through <see cref="InsFormatException"/>; <see cref="InsMatricule.Validate(System.ReadOnlySpan{char})"/> never does.
    /// </summary>
    UnknownOid,
}
