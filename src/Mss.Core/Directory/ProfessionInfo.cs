using System;

namespace Mss.Core.Directory;

/// <summary>
/// A profession and savoir-faire as the extraction file writes them (BAL-7 0.3): TRE_G15 code and label, savoir-faire
/// code and label. A few hundred combinations for the whole country, so the reader keeps one instance of each and every
/// box points to it (one reference per box instead of four).
/// </summary>
internal sealed class ProfessionInfo
{
    public ProfessionInfo(string? code, string? label, string? specialtyCode, string? specialty)
    {
        Code = code;
        Label = label;
        SpecialtyCode = specialtyCode;
        Specialty = specialty;
    }

    public string? Code { get; }

    public string? Label { get; }

    public string? SpecialtyCode { get; }

    public string? Specialty { get; }

    /// <summary>True when both say the same (both null included).</summary>
    public static bool Same(ProfessionInfo? a, ProfessionInfo? b) =>
        ReferenceEquals(a, b)
        || (a is not null && b is not null
            && string.Equals(a.Code, b.Code, StringComparison.Ordinal)
            && string.Equals(a.Label, b.Label, StringComparison.Ordinal)
            && string.Equals(a.SpecialtyCode, b.SpecialtyCode, StringComparison.Ordinal)
            && string.Equals(a.Specialty, b.Specialty, StringComparison.Ordinal));
}
