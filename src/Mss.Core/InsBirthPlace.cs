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

    /// <summary>
    /// INS-9: true unless <paramref name="place"/> (from an INS) and the INSEE (COG) code held are known and name different
    /// departments (or countries). See <see cref="InsIdentityCheck.Compare"/> for the rules, Corsica and the pre-1968 codes.
    /// </summary>
    internal static bool Agrees(InsBirthPlace place, ReadOnlySpan<char> insee, int birthYear)
    {
        if (place.Kind is BirthPlaceKind.Unknown or BirthPlaceKind.Unexpected || !TryReadInsee(insee, out char corsica, out int code))
        {
            return true;
        }

        int department = code / 1000;
        bool heldCorsica = corsica != '\0' || department == 20;
        string insDepartment = place.Department;
        switch (place.Kind)
        {
            case BirthPlaceKind.Corsica:
                // 20 before 1976, 2A/2B since: only 2A against 2B disagrees.
                return heldCorsica && (corsica == '\0' || insDepartment == "20" || insDepartment[1] == corsica);
            case BirthPlaceKind.Overseas:
                return !heldCorsica && code / 100 == Number(insDepartment);
            case BirthPlaceKind.Abroad:
                return !heldCorsica && department == 99 && code % 1000 == Number(place.Country);
            default:
                if (heldCorsica)
                {
                    return false;
                }

                int ins = Number(insDepartment);
                if (department == ins)
                {
                    return true;
                }

                // Codes that changed (decided here, never a false mismatch): Seine and Seine-et-Oise split in 1968;
                // old NIRs coded Algeria (before 1962) 91-94 and Morocco 95, where the INSEE code is the country.
                return birthYear < 1968 && ins switch
                {
                    75 => department is 92 or 93 or 94,
                    78 => department is >= 91 and <= 95,
                    >= 91 and <= 94 => code == 99352,
                    95 => code == 99350,
                    _ => false,
                };
        }
    }

    /// <summary>Reads a 5-character INSEE (COG) code, trimmed, 2A/2B in any case; false when unreadable (never a mismatch).</summary>
    private static bool TryReadInsee(ReadOnlySpan<char> insee, out char corsica, out int code)
    {
        corsica = '\0';
        code = 0;
        int start = 0;
        int end = insee.Length;
        while (start < end && char.IsWhiteSpace(insee[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(insee[end - 1]))
        {
            end--;
        }

        if (end - start != 5)
        {
            return false;
        }

        insee = insee.Slice(start, 5);
        for (int i = 0; i < 5; i++)
        {
            char c = insee[i];
            if (c is >= '0' and <= '9')
            {
                code = (code * 10) + (c - '0');
            }
            else if (i == 1 && insee[0] == '2' && c is 'A' or 'B' or 'a' or 'b')
            {
                corsica = char.ToUpperInvariant(c);
                code = (code * 10) + 0; // 2A/2B: department read as 20, told apart by the letter.
            }
            else
            {
                return false;
            }
        }

        return true;
    }

    private static int Number(string digits)
    {
        int n = 0;
        foreach (char c in digits)
        {
            n = (n * 10) + (c - '0');
        }

        return n;
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
