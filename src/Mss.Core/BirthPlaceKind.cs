namespace Mss.Core;

/// <summary>What the birth-place code of an INS matricule (positions 6–10) designates (INS-3).</summary>
public enum BirthPlaceKind
{
    /// <summary>No place: the place of <c>default(InsMatricule)</c>.</summary>
    Unknown = 0,

    /// <summary>A metropolitan department 01–95 (Corsica excepted) + a 3-digit commune.</summary>
    MetropolitanDepartment,

    /// <summary>Corsica: <c>2A</c> or <c>2B</c> since 1976, <c>20</c> before, + a 3-digit commune.</summary>
    Corsica,

    /// <summary>Overseas: a 3-digit department 971–978 or 984–988 + a 2-digit commune.</summary>
    Overseas,

    /// <summary>Born abroad: <c>99</c> + the 3-digit INSEE country code.</summary>
    Abroad,

    /// <summary>A code that fits no known pattern (department 00 or 96, 970, 979, 980–983, 989, country 000): an anomaly (INS-4).</summary>
    Unexpected,
}
