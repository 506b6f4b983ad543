using System;
using System.Diagnostics;

namespace Mss.Core;

/// <summary>
/// An INS as it travels in health documents: the matricule and the OID that says whether it is a NIR, a NIA, a test
/// or a demo identity (INS-5). <c>default</c> has a default matricule and kind <see cref="InsKind.Unknown"/>.
/// </summary>
[DebuggerDisplay("{Matricule.ToMaskedString(),nq} ({Kind})")]
public readonly struct Ins : IEquatable<Ins>
{
    /// <summary>Creates an INS from a matricule and a known kind (INS-5).</summary>
    /// <param name="matricule">The matricule; must not be <c>default</c>.</param>
    /// <param name="kind">The kind; must not be <see cref="InsKind.Unknown"/>.</param>
    /// <exception cref="ArgumentException">The matricule is <c>default</c> or the kind is unknown or undefined.</exception>
    public Ins(InsMatricule matricule, InsKind kind)
    {
        if (matricule.IsDefault)
        {
            throw new ArgumentException("An INS needs a matricule.", nameof(matricule));
        }

        if (kind is < InsKind.Nir or > InsKind.NirDemo)
        {
            throw new ArgumentException("An INS kind must be NIR, NIA, test or demo (INS-5).", nameof(kind));
        }

        Matricule = matricule;
        Kind = kind;
    }

    /// <summary>The matricule.</summary>
    public InsMatricule Matricule { get; }

    /// <summary>What the matricule is (INS-5).</summary>
    public InsKind Kind { get; }

    /// <summary>The OID of <see cref="Kind"/>, or the empty string for <c>default</c>.</summary>
    public string Oid => Kind == InsKind.Unknown ? string.Empty : InsOid.Of(Kind);

    /// <summary>Compares two INS for equality (same matricule, same kind).</summary>
    /// <param name="left">The first INS.</param>
    /// <param name="right">The second INS.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(Ins left, Ins right) => left.Equals(right);

    /// <summary>Compares two INS for inequality.</summary>
    /// <param name="left">The first INS.</param>
    /// <param name="right">The second INS.</param>
    /// <returns>True when they differ.</returns>
    public static bool operator !=(Ins left, Ins right) => !left.Equals(right);

    /// <summary>
    /// Parses a canonical matricule and an INS OID (INS-1, INS-2, INS-5). The OID may be written <c>urn:oid:…</c> and carry
    /// surrounding white space (0.2, see <see cref="InsOid.TryGetKind(ReadOnlySpan{char}, out InsKind)"/>). Never throws.
    /// </summary>
    /// <param name="matricule">The canonical 15-character matricule.</param>
    /// <param name="oid">One of the four INS OIDs of <see cref="InsOid"/>.</param>
    /// <param name="result">The INS, or <c>default</c>.</param>
    /// <returns>True when both parts are valid.</returns>
    public static bool TryParse(ReadOnlySpan<char> matricule, ReadOnlySpan<char> oid, out Ins result) =>
        TryParse(matricule, oid, InsStyles.None, out result);

    /// <summary>
    /// Parses a matricule with the leniency of <paramref name="styles"/> (INS-6) and an INS OID (INS-5; <c>urn:oid:…</c>
    /// and surrounding white space accepted). Never throws.
    /// </summary>
    /// <param name="matricule">The matricule, as typed or pasted.</param>
    /// <param name="oid">One of the four INS OIDs of <see cref="InsOid"/>.</param>
    /// <param name="styles">What to tolerate in the matricule beyond the canonical form.</param>
    /// <param name="result">The INS, or <c>default</c>.</param>
    /// <returns>True when both parts are valid.</returns>
    public static bool TryParse(ReadOnlySpan<char> matricule, ReadOnlySpan<char> oid, InsStyles styles, out Ins result)
    {
        if (InsMatricule.TryParse(matricule, styles, out InsMatricule m) && InsOid.TryGetKind(oid, out InsKind kind))
        {
            result = new Ins(m, kind);
            return true;
        }

        result = default;
        return false;
    }

    /// <summary>
    /// Parses a canonical matricule and an INS OID (INS-1, INS-2, INS-5; <c>urn:oid:…</c> and surrounding white space
    /// accepted in the OID). Never throws; null is refused.
    /// </summary>
    /// <param name="matricule">The canonical 15-character matricule.</param>
    /// <param name="oid">One of the four INS OIDs of <see cref="InsOid"/>.</param>
    /// <param name="result">The INS, or <c>default</c>.</param>
    /// <returns>True when both parts are valid.</returns>
    public static bool TryParse(string? matricule, string? oid, out Ins result) =>
        TryParse(matricule.AsSpan(), oid.AsSpan(), InsStyles.None, out result);

    /// <summary>
    /// Parses a canonical matricule and an INS OID (INS-5; <c>urn:oid:…</c> and surrounding white space accepted in the OID).
    /// Throws only <see cref="ArgumentNullException"/> or <see cref="InsFormatException"/>, whatever the text; the matricule's
    /// errors come first, then <see cref="InsError.UnknownOid"/>.
    /// </summary>
    /// <param name="matricule">The canonical 15-character matricule.</param>
    /// <param name="oid">One of the four INS OIDs of <see cref="InsOid"/>.</param>
    /// <returns>The INS.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="matricule"/> or <paramref name="oid"/> is null (named in the exception).</exception>
    /// <exception cref="InsFormatException">The matricule is refused, or the OID is not an INS OID (<see cref="InsError.UnknownOid"/>).</exception>
    public static Ins Parse(string matricule, string oid) => Parse(matricule, oid, InsStyles.None);

    /// <summary>
    /// Parses a matricule with the leniency of <paramref name="styles"/> (INS-6) and an INS OID (INS-5); see
    /// <see cref="Parse(string, string)"/>.
    /// </summary>
    /// <param name="matricule">The matricule, as typed or pasted.</param>
    /// <param name="oid">One of the four INS OIDs of <see cref="InsOid"/>.</param>
    /// <param name="styles">What to tolerate in the matricule beyond the canonical form.</param>
    /// <returns>The INS.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="matricule"/> or <paramref name="oid"/> is null (named in the exception).</exception>
    /// <exception cref="InsFormatException">The matricule is refused, or the OID is not an INS OID (<see cref="InsError.UnknownOid"/>).</exception>
    public static Ins Parse(string matricule, string oid, InsStyles styles)
    {
        if (matricule is null)
        {
            throw new ArgumentNullException(nameof(matricule));
        }

        if (oid is null)
        {
            throw new ArgumentNullException(nameof(oid));
        }

        InsMatricule m = InsMatricule.Parse(matricule.AsSpan(), styles);
        return InsOid.TryGetKind(oid.AsSpan(), out InsKind kind)
            ? new Ins(m, kind)
            : throw new InsFormatException(InsError.UnknownOid);
    }

    /// <inheritdoc/>
    public bool Equals(Ins other) => Matricule == other.Matricule && Kind == other.Kind;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Ins other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Matricule, Kind);

    /// <summary>The masked matricule and the kind, e.g. <c>"1960972******** (Nir)"</c>: safe for logs (INS-8).</summary>
    /// <returns>A description without the matricule in clear.</returns>
    public override string ToString() => $"{Matricule.ToMaskedString()} ({Kind})";
}
