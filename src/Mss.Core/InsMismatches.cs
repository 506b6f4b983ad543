using System;

namespace Mss.Core;

/// <summary>
/// Where the identity an INS encodes disagrees with the identity the vendor holds (INS-9, 0.2). Unknown values (a birth
/// month coded 20–99, no birth place) are never mismatches. A parent's Carte Vitale number entered for a child typically
/// shows as <see cref="Sex"/>, <see cref="BirthYear"/> and <see cref="BirthMonth"/> (seed 000).
/// Returned by <see cref="InsIdentityCheck.Compare"/>; the French text for the user is <see cref="FrenchText.Describe(InsMismatches)"/>.
/// </summary>
[Flags]
public enum InsMismatches
{
    /// <summary>Everything the INS says agrees with the identity held.</summary>
    None = 0,

    /// <summary>The sex digit says the other sex.</summary>
    Sex = 1,

    /// <summary>The two-digit birth year is not the year of the birth date held.</summary>
    BirthYear = 2,

    /// <summary>The birth month is known and is not the month of the birth date held.</summary>
    BirthMonth = 4,

    /// <summary>The birth department (or country, for a birth abroad) is not the one of the INSEE code held.</summary>
    BirthPlace = 8,
}
