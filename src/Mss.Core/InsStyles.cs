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
    /// between groups, before and after (<c>"2 84 05 2A 321 025 52"</c>). Also ignored (decided here, 0.2): the invisible
    /// characters a copy from a web page or a PDF leaves between groups, soft hyphen U+00AD, zero-width space U+200B,
    /// U+200C, U+200D, word joiner U+2060 and U+FEFF.
    /// Any other character that cannot be in a matricule (<c>/</c>, <c>_</c>, a letter other than A/B, a full-width
    /// digit…) is an <see cref="InsError.Character"/> error wherever it stands, never <see cref="InsError.Length"/>, even
    /// when the text is also too long: the person sees which character to remove (INS-6, 0.2).
    /// </summary>
    AllowSeparators = 1,

    /// <summary>Accept lower-case <c>2a</c> / <c>2b</c> for the Corsican departments.</summary>
    IgnoreCase = 2,

    /// <summary>Everything a person may type: <see cref="AllowSeparators"/> and <see cref="IgnoreCase"/>.</summary>
    Lenient = AllowSeparators | IgnoreCase,
}
