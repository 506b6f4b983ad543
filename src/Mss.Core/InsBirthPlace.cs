using System;
using System.Globalization;

namespace Mss.Core;

/// <summary>
/// The birth place encoded in positions 6–10 of an INS matricule (INS-3), decoded. <c>default</c> is the place of
/// <c>default(InsMatricule)</c>: kind <see cref="BirthPlaceKind.Unknown"/>, empty strings.
/// </summary>
public readonly struct InsBirthPlace : IEquatable<InsBirthPlace>
{
    private static readonly string[] TwoDigits = BuildCodes(100, 2);
    private static readonly string[] ThreeDigits = BuildCodes(1000, 3);
    private static readonly string[] OverseasDepartments = BuildOverseas();

    private readonly string? _department;
    private readonly string? _commune;
    private readonly string? _country;

    private InsBirthPlace(BirthPlaceKind kind, string department, string commune, string country)
    {
        Kind = kind;
        _department = department;
        _commune = commune;
        _country = country;
    }

    /// <summary>What the code designates.</summary>
    public BirthPlaceKind Kind { get; }

    /// <summary>The department: <c>"72"</c>, <c>"2A"</c>, <c>"20"</c>, <c>"971"</c>, or <c>"99"</c> abroad (INS-3).</summary>
    public string Department => _department ?? string.Empty;

    /// <summary>The commune number within the department: 3 digits, 2 overseas; empty abroad.</summary>
    public string Commune => _commune ?? string.Empty;

    /// <summary>The 3-digit INSEE country code when born abroad (<see cref="BirthPlaceKind.Abroad"/>); empty otherwise.</summary>
    public string Country => _country ?? string.Empty;

    /// <summary>
    /// The 5-character INSEE (COG) code of the birth place, one of the five "traits INS" (INS-5):
    /// department + commune, or <c>99</c> + country. Empty for <c>default</c>.
    /// </summary>
    public string InseeCode => Kind == BirthPlaceKind.Unknown ? string.Empty
        : Country.Length != 0 ? "99" + Country
        : Department + Commune;

    /// <summary>Compares two places for equality.</summary>
    /// <param name="left">The first place.</param>
    /// <param name="right">The second place.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(InsBirthPlace left, InsBirthPlace right) => left.Equals(right);

    /// <summary>Compares two places for inequality.</summary>
    /// <param name="left">The first place.</param>
    /// <param name="right">The second place.</param>
    /// <returns>True when they differ.</returns>
    public static bool operator !=(InsBirthPlace left, InsBirthPlace right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(InsBirthPlace other) =>
        Kind == other.Kind && Department == other.Department && Commune == other.Commune && Country == other.Country;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is InsBirthPlace other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, Department, Commune, Country);

    /// <summary>The INSEE code and its kind, e.g. <c>"72181 (MetropolitanDepartment)"</c>.</summary>
    /// <returns>A description.</returns>
    public override string ToString() => $"{InseeCode} ({Kind})";

    /// <summary>The department string for positions 6–7 (6–8 overseas), from cached strings.</summary>
    internal static string DepartmentOf(int placeCode, int corsica)
    {
        int department = placeCode / 1000;
        return corsica != 0 ? (corsica == 1 ? "2A" : "2B")
            : department is 97 or 98 ? OverseasDepartments[(placeCode / 100) - 970]
            : TwoDigits[department];
    }

    /// <summary>INS-3: decodes positions 6–10 (with 2A/2B already read as 19/18, and <paramref name="corsica"/> telling which).</summary>
    internal static InsBirthPlace Decode(int placeCode, int corsica)
    {
        string department = DepartmentOf(placeCode, corsica);
        int code = placeCode / 1000;
        if (corsica != 0 || code == 20)
        {
            return new(BirthPlaceKind.Corsica, department, ThreeDigits[placeCode % 1000], string.Empty);
        }

        switch (code)
        {
            case 97 or 98:
                int overseas = placeCode / 100;
                BirthPlaceKind kind = overseas is (>= 971 and <= 978) or (>= 984 and <= 988)
                    ? BirthPlaceKind.Overseas
                    : BirthPlaceKind.Unexpected;
                return new(kind, department, TwoDigits[placeCode % 100], string.Empty);
            case 99:
                int country = placeCode % 1000;
                return new(country == 0 ? BirthPlaceKind.Unexpected : BirthPlaceKind.Abroad, department, string.Empty, ThreeDigits[country]);
            case 0 or 96:
                return new(BirthPlaceKind.Unexpected, department, ThreeDigits[placeCode % 1000], string.Empty);
            default:
                return new(BirthPlaceKind.MetropolitanDepartment, department, ThreeDigits[placeCode % 1000], string.Empty);
        }
    }

    private static string[] BuildCodes(int count, int width)
    {
        var codes = new string[count];
        for (int i = 0; i < count; i++)
        {
            codes[i] = i.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0');
        }

        return codes;
    }

    private static string[] BuildOverseas()
    {
        var codes = new string[20];
        for (int i = 0; i < codes.Length; i++)
        {
            codes[i] = (970 + i).ToString(CultureInfo.InvariantCulture);
        }

        return codes;
    }
}
