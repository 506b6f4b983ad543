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

    /// <summary>The prefix of an OID written as a URN (RFC 3001), as FHIR writes identifier systems (INS-5, 0.2).</summary>
    public const string UrnPrefix = "urn:oid:";

    /// <summary>
    /// Reads an OID as an <see cref="InsKind"/> (INS-5). Accepts the dotted OID (<c>1.2.250.1.213.1.4.8</c>) and, since
    /// 0.2, its URN form <c>urn:oid:1.2.250.1.213.1.4.8</c> (FHIR; <c>urn:oid:</c> in any case, RFC 8141), either with
    /// surrounding white space (any Unicode white space). The OID itself must match exactly: no leading zeros, no
    /// trailing dot, no space inside. Never throws.
    /// </summary>
    /// <param name="oid">The OID, possibly empty.</param>
    /// <param name="kind">The kind, or <see cref="InsKind.Unknown"/> when the text is not one of the four INS OIDs.</param>
    /// <returns>True when the text is an INS OID.</returns>
    public static bool TryGetKind(ReadOnlySpan<char> oid, out InsKind kind)
    {
        oid = Trim(oid);
        if (oid.Length > UrnPrefix.Length && oid.Slice(0, UrnPrefix.Length).Equals(UrnPrefix.AsSpan(), StringComparison.OrdinalIgnoreCase))
        {
            oid = oid.Slice(UrnPrefix.Length);
        }

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

    /// <summary>Reads an OID as an <see cref="InsKind"/>; see <see cref="TryGetKind(ReadOnlySpan{char}, out InsKind)"/>. Never throws; null is refused.</summary>
    /// <param name="oid">The OID, possibly null.</param>
    /// <param name="kind">The kind, or <see cref="InsKind.Unknown"/>.</param>
    /// <returns>True when the text is an INS OID.</returns>
    public static bool TryGetKind(string? oid, out InsKind kind) => TryGetKind(oid.AsSpan(), out kind);

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

    private static ReadOnlySpan<char> Trim(ReadOnlySpan<char> s)
    {
        int start = 0;
        while (start < s.Length && char.IsWhiteSpace(s[start]))
        {
            start++;
        }

        int end = s.Length;
        while (end > start && char.IsWhiteSpace(s[end - 1]))
        {
            end--;
        }

        return s.Slice(start, end - start);
    }
}
