namespace Mss.Core;

/// <summary>
/// Why a text is not a valid ANS identifier of BAL-6 (<see cref="Rpps"/>, <see cref="Adeli"/>, <see cref="IdNatPs"/>,
/// <see cref="Finess"/>). When several apply, the first in declaration order is reported:
/// <see cref="Empty"/>, then <see cref="Length"/>, then <see cref="Character"/>, then <see cref="Prefix"/>.
/// A Luhn failure is never an error (BAL-6): it is reported beside the value (<c>HasValidLuhn</c>).
/// </summary>
public enum HealthIdentifierError
{
    /// <summary>The text is a valid identifier.</summary>
    None = 0,

    /// <summary>The text is null or empty.</summary>
    Empty,

    /// <summary>The text does not have the identifier's length (RPPS 11, ADELI 9, IdNat_PS 10 or 12, FINESS 9; BAL-6).</summary>
    Length,

    /// <summary>
    /// A character is not allowed (BAL-6): ASCII digits only for RPPS, ADELI and IdNat_PS; ASCII digits and upper-case
    /// ASCII letters for FINESS. Separators, lower case, full-width and other non-ASCII digits are refused.
    /// </summary>
    Character,

    /// <summary>An IdNat_PS does not start with <c>8</c> (12 characters, RPPS) or <c>0</c> (10 characters, ADELI) (BAL-6).</summary>
    Prefix,
}
