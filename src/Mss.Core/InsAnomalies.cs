using System;

namespace Mss.Core;

/// <summary>
/// Oddities in the fields of a valid INS matricule (INS-3). They are reported, never refused (INS-4):
/// rejecting a real patient's INS blocks their care, accepting an odd one only costs a bounce.
/// </summary>
[Flags]
public enum InsAnomalies
{
    /// <summary>Nothing odd.</summary>
    None = 0,

    /// <summary>The sex digit is neither 1 nor 2.</summary>
    UnexpectedSex = 1,

    /// <summary>The month code is 00 or 13–19: neither a month nor the "unknown month" range.</summary>
    InvalidMonth = 2,

    /// <summary>The month code is 20–99: month unknown or fictitious (a NIA or a registration without a known month).</summary>
    UnknownMonth = 4,

    /// <summary>The birth-place code is not a known pattern (department 00 or 96, overseas 970/979/98x outside 984–988, abroad with country 000).</summary>
    UnexpectedPlace = 8,
}
