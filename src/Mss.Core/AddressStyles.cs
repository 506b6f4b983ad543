using System;

namespace Mss.Core;

/// <summary>
/// What <see cref="MssAddress"/>'s lenient parsing (<c>TryParse</c> and <c>Validate</c> with styles) accepts beyond the strict
/// bare address (ADDR-6, 0.2). Whatever the styles, the result is the canonical address, and two addresses or an address
/// outside the MSSanté trust space are still refused (ADDR-1, ADDR-3).
/// </summary>
[Flags]
public enum AddressStyles
{
    /// <summary>Strict: the bare address only (ADDR-3), the default.</summary>
    None = 0,

    /// <summary>White space (any Unicode white space) before and after the address.</summary>
    AllowWhiteSpace = 1,

    /// <summary>
    /// A display name with the address in angle brackets (<c>Dr Jean Durand &lt;dr.durand@ch-lemans.mssante.fr&gt;</c>,
    /// quoted names included), or bare angle brackets.
    /// </summary>
    AllowDisplayName = 2,

    /// <summary>A <c>mailto:</c> prefix, in any case.</summary>
    AllowMailto = 4,

    /// <summary>Lower-case <c>2a</c>/<c>2b</c> in a patient address's INS (INS-6).</summary>
    IgnoreCase = 8,

    /// <summary>Everything above: addresses as people type or paste them.</summary>
    Lenient = AllowWhiteSpace | AllowDisplayName | AllowMailto | IgnoreCase,
}
