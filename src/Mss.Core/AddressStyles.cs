using System;

namespace Mss.Core;

/// <summary>
/// What <see cref="MssAddress"/>'s lenient parsing (<c>TryParse</c>, <c>Parse</c> and <c>Validate</c> with styles) accepts
/// beyond the strict bare address (ADDR-6, 0.2). Whatever the styles, the result is the canonical address, and two
/// addresses or an address outside the MSSanté trust space are still refused (ADDR-1, ADDR-3).
/// </summary>
/// <remarks>
/// The decorations are removed in this order: white space around the text, the display name and angle brackets (then
/// white space inside them), the <c>mailto:</c> prefix; the bare address left is judged by the strict rules. A
/// malformed decoration is <see cref="AddressError.Syntax"/> whatever the address; see
/// <see cref="MssAddress.Validate(System.ReadOnlySpan{char}, AddressStyles)"/> for the whole precedence. Bits outside
/// <see cref="Lenient"/> are ignored (parsing never throws for them).
/// </remarks>
[Flags]
public enum AddressStyles
{
    /// <summary>Strict: the bare address only (ADDR-3), the default.</summary>
    None = 0,

    /// <summary>White space (any Unicode white space) before and after the address.</summary>
    AllowWhiteSpace = 1,

    /// <summary>
    /// A display name with the address in angle brackets (<c>Dr Jean Durand &lt;dr.durand@ch-lemans.mssante.fr&gt;</c>,
    /// quoted names included: <c>"Durand, Jean" &lt;…&gt;</c>), or bare angle brackets. Outside quotes the name may not
    /// hold '@', ',', ';', ':' or '&gt;' (a second address, a list or a group).
    /// </summary>
    AllowDisplayName = 2,

    /// <summary>A <c>mailto:</c> prefix, in any case, once; no query (<c>?subject=</c>) and no percent-decoding.</summary>
    AllowMailto = 4,

    /// <summary>
    /// Lower-case <c>2a</c>/<c>2b</c> in a patient address's INS (INS-6), upper-cased in the result. The local part of any
    /// other address keeps its case as typed (ADDR-1), and equality ignores case anyway.
    /// </summary>
    IgnoreCase = 8,

    /// <summary>Everything above: addresses as people type or paste them.</summary>
    Lenient = AllowWhiteSpace | AllowDisplayName | AllowMailto | IgnoreCase,
}
