using System;

namespace Mss.Core;

/// <summary>
/// The national identifier of a health professional, IdNat_PS (BAL-6): <c>8</c> followed by the 11-digit
/// <see cref="Mss.Core.Rpps"/> (12 characters), or <c>0</c> followed by the 9-digit <see cref="Mss.Core.Adeli"/>
/// (10 characters). Converts both ways with <see cref="FromRpps"/> / <see cref="TryGetRpps"/> and
/// <see cref="FromAdeli"/> / <see cref="TryGetAdeli"/>.
/// </summary>
/// <remarks>
/// <para>
/// Other IdNat_PS prefixes that exist in ANS directories (structure-assigned identifiers) are refused with
/// <see cref="HealthIdentifierError.Prefix"/>: BAL-6 names only these two. A Luhn failure of the embedded number is
/// never refused (BAL-6); <see cref="HasValidLuhn"/> reports it.
/// </para>
/// <para>
/// <c>default(IdNatPs)</c> is the "no identifier" value: <see cref="IsDefault"/> is true, <see cref="ToString()"/> returns
/// the empty string, <see cref="IsRpps"/> and <see cref="IsAdeli"/> are false. It never equals a parsed value.
/// </para>
/// </remarks>
public readonly struct IdNatPs : IEquatable<IdNatPs>
#if NET8_0_OR_GREATER
    , ISpanParsable<IdNatPs>, ISpanFormattable, IUtf8SpanParsable<IdNatPs>, IUtf8SpanFormattable
#endif
{
    /// <summary>Length of an IdNat_PS built from an RPPS: <c>8</c> + 11 digits (BAL-6).</summary>
    public const int RppsLength = 1 + Mss.Core.Rpps.Length;

    /// <summary>Length of an IdNat_PS built from an ADELI: <c>0</c> + 9 digits (BAL-6).</summary>
    public const int AdeliLength = 1 + Mss.Core.Adeli.Length;

    /// <summary>The first character of an IdNat_PS built from an RPPS (BAL-6).</summary>
    public const char RppsPrefix = '8';

    /// <summary>The first character of an IdNat_PS built from an ADELI (BAL-6).</summary>
    public const char AdeliPrefix = '0';

    private const ulong Present = 1UL << 63;
    private const ulong FromRppsFlag = 1UL << 62;
    private const ulong NumberMask = FromRppsFlag - 1;

    private readonly ulong _value;

    private IdNatPs(ulong value) => _value = value;

    /// <summary>True for <c>default(IdNatPs)</c>, the "no identifier" value.</summary>
    public bool IsDefault => _value == 0;

    /// <summary>True when this is <c>8</c> + an RPPS (BAL-6).</summary>
    public bool IsRpps => (_value & FromRppsFlag) != 0;

    /// <summary>True when this is <c>0</c> + an ADELI (BAL-6).</summary>
    public bool IsAdeli => !IsDefault && !IsRpps;

    /// <summary>The identifier this IdNat_PS embeds; <see cref="HealthIdentifierKind.Rpps"/> or <see cref="HealthIdentifierKind.Adeli"/>.</summary>
    /// <exception cref="InvalidOperationException">This is <c>default</c>.</exception>
    public HealthIdentifierKind EmbeddedKind => IsDefault
        ? throw new InvalidOperationException("default(IdNatPs) embeds no identifier.")
        : IsRpps ? HealthIdentifierKind.Rpps : HealthIdentifierKind.Adeli;

    /// <summary>
    /// True when the embedded RPPS or ADELI passes the standard Luhn check (the prefix is not part of it). False is an
    /// anomaly to report, never a refusal (BAL-6); false for <c>default</c>.
    /// </summary>
    public bool HasValidLuhn => !IsDefault && HealthIdentifierText.IsLuhnValid(Number, IsRpps ? Mss.Core.Rpps.Length : Mss.Core.Adeli.Length);

    private ulong Number => _value & NumberMask;

    private int TextLength => IsDefault ? 0 : IsRpps ? RppsLength : AdeliLength;

    /// <summary>Compares two identifiers for equality.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>True when both hold the same text (or both are <c>default</c>).</returns>
    public static bool operator ==(IdNatPs left, IdNatPs right) => left.Equals(right);

    /// <summary>Compares two identifiers for inequality.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>True when they differ.</returns>
    public static bool operator !=(IdNatPs left, IdNatPs right) => !left.Equals(right);

    /// <summary>The IdNat_PS of an RPPS: <c>8</c> + its 11 digits (BAL-6).</summary>
    /// <param name="rpps">The RPPS; must not be <c>default</c>.</param>
    /// <returns>The 12-character IdNat_PS.</returns>
    /// <exception cref="ArgumentException"><paramref name="rpps"/> is <c>default</c>.</exception>
    public static IdNatPs FromRpps(Rpps rpps) => rpps.IsDefault
        ? throw new ArgumentException("default(Rpps) has no IdNat_PS.", nameof(rpps))
        : new IdNatPs(Present | FromRppsFlag | rpps.Number);

    /// <summary>The IdNat_PS of an ADELI: <c>0</c> + its 9 digits (BAL-6).</summary>
    /// <param name="adeli">The ADELI; must not be <c>default</c>.</param>
    /// <returns>The 10-character IdNat_PS.</returns>
    /// <exception cref="ArgumentException"><paramref name="adeli"/> is <c>default</c>.</exception>
    public static IdNatPs FromAdeli(Adeli adeli) => adeli.IsDefault
        ? throw new ArgumentException("default(Adeli) has no IdNat_PS.", nameof(adeli))
        : new IdNatPs(Present | adeli.Number);

    /// <summary>The RPPS of an IdNat_PS that starts with <c>8</c> (BAL-6).</summary>
    /// <param name="rpps">The RPPS, or <c>default</c> when this is not an RPPS-based identifier.</param>
    /// <returns>True when <see cref="IsRpps"/>.</returns>
    public bool TryGetRpps(out Rpps rpps)
    {
        rpps = IsRpps ? Mss.Core.Rpps.FromNumber(Number) : default;
        return IsRpps;
    }

    /// <summary>The ADELI of an IdNat_PS that starts with <c>0</c> (BAL-6).</summary>
    /// <param name="adeli">The ADELI, or <c>default</c> when this is not an ADELI-based identifier.</param>
    /// <returns>True when <see cref="IsAdeli"/>.</returns>
    public bool TryGetAdeli(out Adeli adeli)
    {
        adeli = IsAdeli ? Mss.Core.Adeli.FromNumber(Number) : default;
        return IsAdeli;
    }

    /// <summary>Parses an IdNat_PS: <c>8</c> + 11 digits or <c>0</c> + 9 digits (BAL-6). Never throws; a Luhn failure is accepted.</summary>
    /// <param name="s">The text.</param>
    /// <param name="result">The identifier, or <c>default</c> when refused.</param>
    /// <returns>True when valid.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, out IdNatPs result) => ParseCore(s, out result) == HealthIdentifierError.None;

    /// <summary>Parses an IdNat_PS (BAL-6). Never throws; null is refused.</summary>
    /// <param name="s">The text, possibly null.</param>
    /// <param name="result">The identifier, or <c>default</c> when refused.</param>
    /// <returns>True when valid.</returns>
    public static bool TryParse(string? s, out IdNatPs result) => ParseCore(s.AsSpan(), out result) == HealthIdentifierError.None;

    /// <summary>Parses an IdNat_PS from UTF-8 bytes (BAL-6). Never throws.</summary>
    /// <param name="utf8">The UTF-8 text.</param>
    /// <param name="result">The identifier, or <c>default</c> when refused.</param>
    /// <returns>True when valid.</returns>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out IdNatPs result) => ParseUtf8(utf8, out result) == HealthIdentifierError.None;

    /// <summary>Parses an IdNat_PS (BAL-6).</summary>
    /// <param name="s">The text.</param>
    /// <returns>The identifier.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is null.</exception>
    /// <exception cref="HealthIdentifierFormatException">The text is refused; <see cref="HealthIdentifierFormatException.Error"/> says why.</exception>
    public static IdNatPs Parse(string s) => s is null ? throw new ArgumentNullException(nameof(s)) : Parse(s.AsSpan());

    /// <summary>Parses an IdNat_PS (BAL-6).</summary>
    /// <param name="s">The text.</param>
    /// <returns>The identifier.</returns>
    /// <exception cref="HealthIdentifierFormatException">The text is refused; <see cref="HealthIdentifierFormatException.Error"/> says why.</exception>
    public static IdNatPs Parse(ReadOnlySpan<char> s)
    {
        HealthIdentifierError error = ParseCore(s, out IdNatPs result);
        return error == HealthIdentifierError.None ? result : throw new HealthIdentifierFormatException(HealthIdentifierKind.IdNatPs, error);
    }

    /// <summary>Parses an IdNat_PS from UTF-8 bytes (BAL-6).</summary>
    /// <param name="utf8">The UTF-8 text.</param>
    /// <returns>The identifier.</returns>
    /// <exception cref="HealthIdentifierFormatException">The text is refused; <see cref="HealthIdentifierFormatException.Error"/> says why.</exception>
    public static IdNatPs Parse(ReadOnlySpan<byte> utf8)
    {
        HealthIdentifierError error = ParseUtf8(utf8, out IdNatPs result);
        return error == HealthIdentifierError.None ? result : throw new HealthIdentifierFormatException(HealthIdentifierKind.IdNatPs, error);
    }

    /// <summary>
    /// Says why a text is not an IdNat_PS, without allocating: the first of <see cref="HealthIdentifierError.Empty"/>,
    /// <see cref="HealthIdentifierError.Length"/> (neither 10 nor 12 characters), <see cref="HealthIdentifierError.Character"/>
    /// (not all ASCII digits), <see cref="HealthIdentifierError.Prefix"/> (12 characters not starting with <c>8</c>, or 10
    /// not starting with <c>0</c>) that applies, or <see cref="HealthIdentifierError.None"/> (BAL-6).
    /// </summary>
    /// <param name="s">The text.</param>
    /// <returns>The first error, or <see cref="HealthIdentifierError.None"/> when valid.</returns>
    public static HealthIdentifierError Validate(ReadOnlySpan<char> s) => ParseCore(s, out _);

    /// <summary>Says why UTF-8 bytes are not an IdNat_PS; see <see cref="Validate(ReadOnlySpan{char})"/>.</summary>
    /// <param name="utf8">The UTF-8 text.</param>
    /// <returns>The first error, or <see cref="HealthIdentifierError.None"/> when valid.</returns>
    public static HealthIdentifierError Validate(ReadOnlySpan<byte> utf8) => ParseUtf8(utf8, out _);

    /// <summary>The canonical text (<c>8</c> + 11 digits or <c>0</c> + 9 digits); the empty string for <c>default</c>.</summary>
    /// <returns>The canonical text.</returns>
    public override string ToString()
    {
        if (IsDefault)
        {
            return string.Empty;
        }

        Span<char> buffer = stackalloc char[RppsLength];
        Format(buffer);
        return buffer.Slice(0, TextLength).ToString();
    }

    /// <summary>The canonical text; format must be null, empty or <c>"G"</c>.</summary>
    /// <param name="format">Null, empty or <c>"G"</c>.</param>
    /// <param name="formatProvider">Ignored.</param>
    /// <returns>The canonical text.</returns>
    /// <exception cref="FormatException">Another format was asked for.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        HealthIdentifierText.CheckFormat(format.AsSpan());
        return ToString();
    }

    /// <summary>Writes the canonical text into <paramref name="destination"/>.</summary>
    /// <param name="destination">Where to write; needs 12 or 10 characters (0 for <c>default</c>).</param>
    /// <param name="charsWritten">How many characters were written.</param>
    /// <param name="format">Empty or <c>"G"</c>.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>False when <paramref name="destination"/> is too small.</returns>
    /// <exception cref="FormatException">Another format was asked for.</exception>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null)
    {
        HealthIdentifierText.CheckFormat(format);
        int length = TextLength;
        if (destination.Length < length)
        {
            charsWritten = 0;
            return false;
        }

        if (length != 0)
        {
            Format(destination);
        }

        charsWritten = length;
        return true;
    }

    /// <summary>Writes the canonical text as UTF-8 into <paramref name="utf8Destination"/>.</summary>
    /// <param name="utf8Destination">Where to write; needs 12 or 10 bytes (0 for <c>default</c>).</param>
    /// <param name="bytesWritten">How many bytes were written.</param>
    /// <param name="format">Empty or <c>"G"</c>.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>False when <paramref name="utf8Destination"/> is too small.</returns>
    /// <exception cref="FormatException">Another format was asked for.</exception>
    public bool TryFormat(Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null)
    {
        Span<char> chars = stackalloc char[RppsLength];
        TryFormat(chars, out int written, format, provider);
        return HealthIdentifierText.TryCopyAscii(chars.Slice(0, written), utf8Destination, out bytesWritten);
    }

    /// <inheritdoc/>
    public bool Equals(IdNatPs other) => _value == other._value;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is IdNatPs other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value.GetHashCode();

#if NET8_0_OR_GREATER
    static IdNatPs IParsable<IdNatPs>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<IdNatPs>.TryParse(string? s, IFormatProvider? provider, out IdNatPs result) => TryParse(s, out result);

    static IdNatPs ISpanParsable<IdNatPs>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    static bool ISpanParsable<IdNatPs>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out IdNatPs result) => TryParse(s, out result);

    static IdNatPs IUtf8SpanParsable<IdNatPs>.Parse(ReadOnlySpan<byte> utf8Text, IFormatProvider? provider) => Parse(utf8Text);

    static bool IUtf8SpanParsable<IdNatPs>.TryParse(ReadOnlySpan<byte> utf8Text, IFormatProvider? provider, out IdNatPs result) => TryParse(utf8Text, out result);
#endif

    /// <summary>The parsing core (BAL-6): Empty → Length → Character → Prefix; the Luhn digit is not checked.</summary>
    private static HealthIdentifierError ParseCore(ReadOnlySpan<char> s, out IdNatPs result)
    {
        result = default;
        if (s.IsEmpty)
        {
            return HealthIdentifierError.Empty;
        }

        if (s.Length is not RppsLength and not AdeliLength)
        {
            return HealthIdentifierError.Length;
        }

        // One scan: the prefix is checked as a digit here and compared below; the number is the digits after it.
        if ((uint)(s[0] - '0') > 9 || !HealthIdentifierText.TryReadDigits(s.Slice(1), out ulong number))
        {
            return HealthIdentifierError.Character;
        }

        bool rpps = s.Length == RppsLength;
        if (s[0] != (rpps ? RppsPrefix : AdeliPrefix))
        {
            return HealthIdentifierError.Prefix;
        }

        result = new IdNatPs(Present | (rpps ? FromRppsFlag : 0) | number);
        return HealthIdentifierError.None;
    }

    private static HealthIdentifierError ParseUtf8(ReadOnlySpan<byte> utf8, out IdNatPs result) =>
        ParseCore(HealthIdentifierText.Widen(utf8, stackalloc char[HealthIdentifierText.MaxChars]), out result);

    private void Format(Span<char> destination)
    {
        int length = TextLength;
        destination[0] = IsRpps ? RppsPrefix : AdeliPrefix;
        HealthIdentifierText.WriteDigits(Number, destination.Slice(1, length - 1));
    }
}
