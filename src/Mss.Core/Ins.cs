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

    /// <summary>Parses a canonical matricule and an INS OID (INS-1, INS-2, INS-5). Never throws.</summary>
    /// <param name="matricule">The canonical 15-character matricule.</param>
    /// <param name="oid">One of the four INS OIDs of <see cref="InsOid"/>.</param>
    /// <param name="result">The INS, or <c>default</c>.</param>
    /// <returns>True when both parts are valid.</returns>
    public static bool TryParse(ReadOnlySpan<char> matricule, ReadOnlySpan<char> oid, out Ins result)
    {
        if (InsMatricule.TryParse(matricule, out InsMatricule m) && InsOid.TryGetKind(oid, out InsKind kind))
        {
            result = new Ins(m, kind);
            return true;
        }

        result = default;
        return false;
    }

    /// <summary>Parses a canonical matricule and an INS OID (INS-1, INS-2, INS-5). Never throws; null is refused.</summary>
    /// <param name="matricule">The canonical 15-character matricule.</param>
    /// <param name="oid">One of the four INS OIDs of <see cref="InsOid"/>.</param>
    /// <param name="result">The INS, or <c>default</c>.</param>
    /// <returns>True when both parts are valid.</returns>
    public static bool TryParse(string? matricule, string? oid, out Ins result) => TryParse(matricule.AsSpan(), oid.AsSpan(), out result);

    /// <summary>Parses a canonical matricule and an INS OID (INS-5).</summary>
    /// <param name="matricule">The canonical 15-character matricule.</param>
    /// <param name="oid">One of the four INS OIDs of <see cref="InsOid"/>.</param>
    /// <returns>The INS.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InsFormatException">The matricule is refused.</exception>
    /// <exception cref="ArgumentException">The OID is not an INS OID.</exception>
    public static Ins Parse(string matricule, string oid)
    {
        InsMatricule m = InsMatricule.Parse(matricule);
        if (oid is null)
        {
            throw new ArgumentNullException(nameof(oid));
        }

        return InsOid.TryGetKind(oid.AsSpan(), out InsKind kind)
            ? new Ins(m, kind)
            : throw new ArgumentException("Not an INS OID: expected 1.2.250.1.213.1.4.8, .9, .10 or .11 (INS-5).", nameof(oid));
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
