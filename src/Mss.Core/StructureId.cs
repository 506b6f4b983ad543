using System;

namespace Mss.Core;

/// <summary>
/// A health or social structure as the Annuaire Santé identifies it: its IdNat_Struct (BAL-6), the one-character
/// TRE_G07 type followed by the identifier — <c>0</c> + ADELI-rang (11 digits), <c>1</c> + FINESS (9 characters, e.g.
/// <c>1770816478</c>), <c>2</c> + SIREN (9 digits), <c>3</c> + SIRET (14 digits), <c>4</c> + RPPS-rang (14 digits).
/// A structure without FINESS (a CPTS, a private practice) is identified by its SIREN, SIRET or cabinet identifier and
/// may hold organisational and applicative boxes (BAL-1, BAL-6).
/// </summary>
/// <remarks>
/// <para>
/// Prefixes as ANS publishes them: TRE_G07-TypeIdentifiantStructure (0 Id Cabinet ADELI, 1 FINESS, 2 SIREN, 3 SIRET,
/// 4 Id Cabinet RPPS) and the Annuaire Santé FHIR IG, <c>Organization.identifier:idNatSt</c> (OID 1.2.250.1.71.4.2.2):
/// "0 + ADELI rang, 1 + Numéro FINESS Etablissement, 2 + Numéro SIREN, 3 + Numéro SIRET, 4 + RPPS rang"
/// (github.com/ansforge/IG-fhir-annuaire, gh-pages, main/ig/StructureDefinition-as-organization.json). Lengths: the MOS
/// class EntiteGeographique (RPPS-rang: 11 digits of the RPPS + 2 of rank + 1 Luhn key; ADELI-rang: 9 + 2). The IG's
/// example cabinet <c>410005531586003</c> is <c>4</c> + a 14-digit RPPS-rang. See <see cref="StructureIdKind"/>.
/// </para>
/// <para>
/// A Luhn failure is never refused (BAL-6): <see cref="HasValidLuhn"/> reports it for SIREN, SIRET, RPPS-rang and an
/// all-digit FINESS. IdNat_Struct texts without a TRE_G07 prefix (the Annuaire's "identifiant technique") are refused
/// with <see cref="HealthIdentifierError.Prefix"/>.
/// </para>
/// <para>
/// <c>default(StructureId)</c> is the "no structure" value: <see cref="IsDefault"/> is true, <see cref="ToString()"/>
/// returns the empty string. It never equals a parsed value.
/// </para>
/// </remarks>
public readonly struct StructureId : IEquatable<StructureId>
{
    /// <summary>OID of the IdNat_Struct identifier system in the Annuaire Santé (BAL-7).</summary>
    public const string Oid = "1.2.250.1.71.4.2.2";

    /// <summary>Length of the body of an ADELI-rang cabinet identifier: 9 digits + 2-digit rank.</summary>
    public const int CabinetAdeliLength = 11;

    /// <summary>Length of a SIREN: 9 digits.</summary>
    public const int SirenLength = 9;

    /// <summary>Length of a SIRET: 14 digits.</summary>
    public const int SiretLength = 14;

    /// <summary>Length of the body of an RPPS-rang cabinet identifier: 11 digits + 2-digit rank + Luhn key.</summary>
    public const int CabinetRppsLength = 14;

    // _kind is the StructureIdKind + 1 (0 for default); _number holds the digits, _finess the FINESS.
    private readonly ulong _number;
    private readonly Finess _finess;
    private readonly byte _kind;

    private StructureId(StructureIdKind kind, ulong number, Finess finess)
    {
        _kind = (byte)(kind + 1);
        _number = number;
        _finess = finess;
    }

    /// <summary>True for <c>default(StructureId)</c>, the "no structure" value.</summary>
    public bool IsDefault => _kind == 0;

    /// <summary>What the identifier is built on (its TRE_G07 type).</summary>
    /// <exception cref="InvalidOperationException">This is <c>default</c>.</exception>
    public StructureIdKind Kind => IsDefault
        ? throw new InvalidOperationException("default(StructureId) identifies no structure.")
        : (StructureIdKind)(_kind - 1);

    /// <summary>
    /// True when the identifier passes its Luhn check: SIREN (9 digits), SIRET (14 digits), RPPS-rang (14 digits) and an
    /// all-digit FINESS. False is an anomaly to report, never a refusal (BAL-6); false for <c>default</c>, for a FINESS
    /// with letters and for an ADELI-rang (no key).
    /// </summary>
    public bool HasValidLuhn => (StructureIdKind)(_kind - 1) switch
    {
        StructureIdKind.Finess => _finess.HasValidLuhn,
        StructureIdKind.Siren => HealthIdentifierText.IsLuhnValid(_number, SirenLength),
        StructureIdKind.Siret => HealthIdentifierText.IsLuhnValid(_number, SiretLength),
        StructureIdKind.CabinetRpps => HealthIdentifierText.IsLuhnValid(_number, CabinetRppsLength),
        _ => false,
    };

    /// <summary>The identifier without its prefix (FINESS, SIREN, SIRET, ADELI-rang or RPPS-rang); empty for <c>default</c>.</summary>
    public string Identifier => IsDefault ? string.Empty : ToString().Substring(1);

    private int BodyLength => (StructureIdKind)(_kind - 1) switch
    {
        StructureIdKind.CabinetAdeli => CabinetAdeliLength,
        StructureIdKind.Finess => Finess.Length,
        StructureIdKind.Siren => SirenLength,
        StructureIdKind.Siret => SiretLength,
        StructureIdKind.CabinetRpps => CabinetRppsLength,
        _ => -1,
    };

    /// <summary>Compares two identifiers for equality.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>True when both hold the same text (or both are <c>default</c>).</returns>
    public static bool operator ==(StructureId left, StructureId right) => left.Equals(right);

    /// <summary>Compares two identifiers for inequality.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>True when they differ.</returns>
    public static bool operator !=(StructureId left, StructureId right) => !left.Equals(right);

    /// <summary>
    /// Parses an IdNat_Struct text (BAL-6), e.g. <c>1770816478</c>: a TRE_G07 prefix <c>0</c>–<c>4</c> then the identifier
    /// of that kind. Never throws; null is refused; a Luhn failure is accepted.
    /// </summary>
    /// <param name="idNatStruct">The IdNat_Struct text, possibly null.</param>
    /// <param name="id">The identifier, or <c>default</c> when refused.</param>
    /// <returns>True when valid.</returns>
    public static bool TryParse(string? idNatStruct, out StructureId id) => ParseCore(idNatStruct.AsSpan(), out id) == HealthIdentifierError.None;

    /// <summary>Parses an IdNat_Struct text (BAL-6); see <see cref="TryParse(string?, out StructureId)"/>. Never throws.</summary>
    /// <param name="idNatStruct">The IdNat_Struct text.</param>
    /// <param name="id">The identifier, or <c>default</c> when refused.</param>
    /// <returns>True when valid.</returns>
    public static bool TryParse(ReadOnlySpan<char> idNatStruct, out StructureId id) => ParseCore(idNatStruct, out id) == HealthIdentifierError.None;

    /// <summary>Parses an IdNat_Struct from UTF-8 bytes (BAL-6). Never throws.</summary>
    /// <param name="utf8">The UTF-8 text.</param>
    /// <param name="id">The identifier, or <c>default</c> when refused.</param>
    /// <returns>True when valid.</returns>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out StructureId id) => ParseUtf8(utf8, out id) == HealthIdentifierError.None;

    /// <summary>Parses an IdNat_Struct text (BAL-6).</summary>
    /// <param name="idNatStruct">The IdNat_Struct text.</param>
    /// <returns>The identifier.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="idNatStruct"/> is null.</exception>
    /// <exception cref="HealthIdentifierFormatException">The text is refused; <see cref="HealthIdentifierFormatException.Error"/> says why.</exception>
    public static StructureId Parse(string idNatStruct)
    {
        if (idNatStruct is null)
        {
            throw new ArgumentNullException(nameof(idNatStruct));
        }

        HealthIdentifierError error = ParseCore(idNatStruct.AsSpan(), out StructureId id);
        return error == HealthIdentifierError.None ? id : throw new HealthIdentifierFormatException(HealthIdentifierKind.StructureId, error);
    }

    /// <summary>
    /// Says why a text is not an IdNat_Struct, without allocating (BAL-6): <see cref="HealthIdentifierError.Empty"/>;
    /// <see cref="HealthIdentifierError.Prefix"/> when the first character is not a TRE_G07 code <c>0</c>–<c>4</c> (the
    /// prefix decides the length, so it is checked first); then <see cref="HealthIdentifierError.Length"/> and
    /// <see cref="HealthIdentifierError.Character"/> of the identifier after it. A Luhn failure is not an error.
    /// </summary>
    /// <param name="idNatStruct">The text.</param>
    /// <returns>The first error, or <see cref="HealthIdentifierError.None"/> when valid.</returns>
    public static HealthIdentifierError Validate(ReadOnlySpan<char> idNatStruct) => ParseCore(idNatStruct, out _);

    /// <summary>The IdNat_Struct of a structure known by its FINESS: <c>1</c> + the 9 characters (BAL-6).</summary>
    /// <param name="finess">The FINESS; must not be <c>default</c>.</param>
    /// <returns>The identifier.</returns>
    /// <exception cref="ArgumentException"><paramref name="finess"/> is <c>default</c>.</exception>
    public static StructureId FromFiness(Finess finess) => finess.IsDefault
        ? throw new ArgumentException("default(Finess) names no structure.", nameof(finess))
        : new StructureId(StructureIdKind.Finess, 0, finess);

    /// <summary>The FINESS of this structure, when the IdNat_Struct is built on one (<c>1</c> + FINESS).</summary>
    /// <param name="finess">The FINESS, or <c>default</c>.</param>
    /// <returns>True for a FINESS-based identifier.</returns>
    public bool TryGetFiness(out Finess finess)
    {
        finess = _finess;
        return !finess.IsDefault;
    }

    /// <summary>
    /// The RPPS of the professional a cabinet identifier is built on (<c>4</c> + RPPS-rang: its first 11 digits).
    /// </summary>
    /// <param name="rpps">The RPPS, or <c>default</c>.</param>
    /// <returns>True for an RPPS-rang identifier.</returns>
    public bool TryGetCabinetRpps(out Rpps rpps)
    {
        bool cabinet = _kind - 1 == (int)StructureIdKind.CabinetRpps;
        rpps = cabinet ? Rpps.FromNumber(_number / 1000) : default;
        return cabinet;
    }

    /// <summary>
    /// The ADELI number of the professional a cabinet identifier is built on (<c>0</c> + ADELI-rang: its first 9 digits).
    /// </summary>
    /// <param name="adeli">The ADELI, or <c>default</c>.</param>
    /// <returns>True for an ADELI-rang identifier.</returns>
    public bool TryGetCabinetAdeli(out Adeli adeli)
    {
        bool cabinet = _kind - 1 == (int)StructureIdKind.CabinetAdeli;
        adeli = cabinet ? Adeli.FromNumber(_number / 100) : default;
        return cabinet;
    }

    /// <summary>The IdNat_Struct text: the TRE_G07 prefix and the identifier (e.g. <c>1770816478</c>); empty for <c>default</c>.</summary>
    /// <returns>The canonical text.</returns>
    public override string ToString()
    {
        if (IsDefault)
        {
            return string.Empty;
        }

        Span<char> buffer = stackalloc char[1 + CabinetRppsLength];
        int length = 1 + BodyLength;
        buffer[0] = (char)('0' + _kind - 1);
        if (_kind - 1 == (int)StructureIdKind.Finess)
        {
            _finess.TryFormat(buffer.Slice(1), out _);
        }
        else
        {
            HealthIdentifierText.WriteDigits(_number, buffer.Slice(1, length - 1));
        }

        return buffer.Slice(0, length).ToString();
    }

    /// <inheritdoc/>
    public bool Equals(StructureId other) => _kind == other._kind && _number == other._number && _finess == other._finess;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is StructureId other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_kind, _number, _finess);

    /// <summary>The parsing core (BAL-6): Empty → Prefix → Length → Character; Luhn keys are not checked.</summary>
    private static HealthIdentifierError ParseCore(ReadOnlySpan<char> s, out StructureId id)
    {
        id = default;
        if (s.IsEmpty)
        {
            return HealthIdentifierError.Empty;
        }

        uint prefix = (uint)(s[0] - '0');
        if (prefix > (uint)StructureIdKind.CabinetRpps)
        {
            return HealthIdentifierError.Prefix;
        }

        var kind = (StructureIdKind)prefix;
        ReadOnlySpan<char> body = s.Slice(1);
        if (kind == StructureIdKind.Finess)
        {
            HealthIdentifierError finessError = Finess.ParseCore(body, out Finess finess);
            if (finessError == HealthIdentifierError.None)
            {
                id = new StructureId(kind, 0, finess);
            }

            return finessError == HealthIdentifierError.Empty ? HealthIdentifierError.Length : finessError;
        }

        int length = kind switch
        {
            StructureIdKind.CabinetAdeli => CabinetAdeliLength,
            StructureIdKind.Siren => SirenLength,
            _ => SiretLength, // SIRET and RPPS-rang: 14 digits
        };
        HealthIdentifierError error = HealthIdentifierText.ParseDigits(body, length, out ulong number);
        if (error == HealthIdentifierError.None)
        {
            id = new StructureId(kind, number, default);
        }

        return error == HealthIdentifierError.Empty ? HealthIdentifierError.Length : error;
    }

    private static HealthIdentifierError ParseUtf8(ReadOnlySpan<byte> utf8, out StructureId id) =>
        ParseCore(HealthIdentifierText.Widen(utf8, stackalloc char[HealthIdentifierText.MaxChars]), out id);
}
