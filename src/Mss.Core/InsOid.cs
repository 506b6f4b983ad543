using System;

namespace Mss.Core;

/// <summary>The OIDs that tell which kind of INS a matricule is (INS-5), and their conversions.</summary>
public static class InsOid
{
    /// <summary>INS-NIR: 1.2.250.1.213.1.4.8.</summary>
    public const string Nir = "1.2.250.1.213.1.4.8";

    /// <summary>INS-NIA: 1.2.250.1.213.1.4.9.</summary>
    public const string Nia = "1.2.250.1.213.1.4.9";

    /// <summary>INS-NIR test: 1.2.250.1.213.1.4.10.</summary>
    public const string NirTest = "1.2.250.1.213.1.4.10";

    /// <summary>INS-NIR demo: 1.2.250.1.213.1.4.11.</summary>
    public const string NirDemo = "1.2.250.1.213.1.4.11";

    /// <summary>Reads an OID (exact text, no surrounding space) as an <see cref="InsKind"/> (INS-5). Never throws.</summary>
    /// <param name="oid">The OID, possibly null.</param>
    /// <param name="kind">The kind, or <see cref="InsKind.Unknown"/> when the OID is not one of the four INS OIDs.</param>
    /// <returns>True when the OID is an INS OID.</returns>
    public static bool TryGetKind(ReadOnlySpan<char> oid, out InsKind kind)
    {
        kind = oid switch
        {
            Nir => InsKind.Nir,
            Nia => InsKind.Nia,
            NirTest => InsKind.NirTest,
            NirDemo => InsKind.NirDemo,
            _ => InsKind.Unknown,
        };
        return kind != InsKind.Unknown;
    }

    /// <summary>The OID of an <see cref="InsKind"/> (INS-5).</summary>
    /// <param name="kind">A known kind.</param>
    /// <returns>The OID text.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is <see cref="InsKind.Unknown"/> or undefined.</exception>
    public static string Of(InsKind kind) => kind switch
    {
        InsKind.Nir => Nir,
        InsKind.Nia => Nia,
        InsKind.NirTest => NirTest,
        InsKind.NirDemo => NirDemo,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Only NIR, NIA, test and demo INS have an OID (INS-5)."),
    };
}
