using System;

namespace Mss.Core;

/// <summary>
/// Opt-in leniency when parsing an INS matricule typed or pasted by a person (INS-6).
/// The output of parsing is always canonical, whatever the style.
/// </summary>
[Flags]
public enum InsStyles
{
    /// <summary>Canonical form only: 15 characters, upper-case <c>2A</c>/<c>2B</c>, no separators.</summary>
    None = 0,

    /// <summary>
    /// Ignore any Unicode white space (non-breaking spaces included), dots and hyphens anywhere:
    /// between groups, before and after (<c>"2 84 05 2A 321 025 52"</c>).
    /// </summary>
    AllowSeparators = 1,

    /// <summary>Accept lower-case <c>2a</c> / <c>2b</c> for the Corsican departments.</summary>
    IgnoreCase = 2,

    /// <summary>Everything a person may type: <see cref="AllowSeparators"/> and <see cref="IgnoreCase"/>.</summary>
    Lenient = AllowSeparators | IgnoreCase,
}
