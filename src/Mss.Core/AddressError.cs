namespace Mss.Core;

/// <summary>
/// Why a text is not a valid MSSanté address (ADDR-1…ADDR-3). When several apply, the first in declaration order is
/// reported: <see cref="Empty"/>, <see cref="TooLong"/>, <see cref="Syntax"/>, <see cref="NotMssante"/>,
/// <see cref="InvalidPatientIns"/>.
/// </summary>
public enum AddressError
{
    /// <summary>The text is a valid MSSanté address.</summary>
    None = 0,

    /// <summary>The text is null or empty.</summary>
    Empty,

    /// <summary>The address exceeds 254 characters, its local part 64, or a domain label 63 (ADDR-3).</summary>
    TooLong,

    /// <summary>
    /// Not a bare address of ADDR-3: display name, comment, quoted local part, white space or control character,
    /// misplaced dot, empty label, label starting or ending with a hyphen or an underscore (an underscore inside a label is
    /// accepted since 0.2), an <c>xn--</c> (punycode) label, or any non-ASCII character. With <see cref="AddressStyles"/>,
    /// also a decoration that does not frame exactly one address (unbalanced angle brackets, text after '&gt;', an
    /// unquoted '@', ',', ';', ':' or '&gt;' in the display name).
    /// </summary>
    Syntax,

    /// <summary>The domain is not one or more labels followed by <c>.mssante.fr</c> on a label boundary (ADDR-1).</summary>
    NotMssante,

    /// <summary>The domain is <c>patient.mssante.fr</c> and the local part is not a valid canonical INS matricule (ADDR-2).</summary>
    InvalidPatientIns,
}
