using System;

namespace Mss.Core;

/// <summary>
/// An ADELI number (Automatisation des listes): the 9-digit identifier of health professionals not (yet) registered in
/// the RPPS (BAL-6). An ADELI alone does not make a professional eligible for a personal mailbox (BAL-2).
/// </summary>
/// <remarks>
/// <para>
/// A value of this type is always 9 ASCII digits. The last digit is meant to be a Luhn check digit, but a Luhn failure
/// is never refused (BAL-6: ANS's own test identities fail it); <see cref="HasValidLuhn"/> reports it.
/// </para>
/// <para>
/// <c>default(Adeli)</c> is the "no ADELI" value: <see cref="IsDefault"/> is true, <see cref="ToString()"/> returns the
/// empty string. It never equals a parsed value (not even <c>000000000</c>).
/// </para>
/// <para>The value packs into 64 bits: parsing, equality and formatting allocate nothing.</para>
/// </remarks>
public readonly struct Adeli : IEquatable<Adeli>
#if NET8_0_OR_GREATER
    , ISpanParsable<Adeli>, ISpanFormattable, IUtf8SpanParsable<Adeli>, IUtf8SpanFormattable
#endif
{
    /// <summary>Length of an ADELI number: 9 digits (BAL-6).</summary>
    public const int Length = 9;

    private const ulong Present = 1UL << 63;

    private readonly ulong _value;

    private Adeli(ulong number) => _value = number | Present;

    /// <summary>True for <c>default(Adeli)</c>, the "no ADELI" value.</summary>
    public bool IsDefault => _value == 0;

    /// <summary>
    /// True when the 9 digits pass the standard Luhn check. False is an anomaly to report, never a refusal (BAL-6);
    /// false for <c>default</c>.
    /// </summary>
    public bool HasValidLuhn => !IsDefault && HealthIdentifierText.IsLuhnValid(Number, Length);

    /// <summary>The 9 digits read as a number (0 for <c>default</c>).</summary>
    internal ulong Number => _value & ~Present;

    /// <summary>Compares two ADELI numbers for equality.</summary>
    /// <param name="left">The first number.</param>
    /// <param name="right">The second number.</param>
    /// <returns>True when both hold the same digits (or both are <c>default</c>).</returns>
    public static bool operator ==(Adeli left, Adeli right) => left.Equals(right);

    /// <summary>Compares two ADELI numbers for inequality.</summary>
    /// <param name="left">The first number.</param>
    /// <param name="right">The second number.</param>
    /// <returns>True when they differ.</returns>
    public static bool operator !=(Adeli left, Adeli right) => !left.Equals(right);

    /// <summary>Parses an ADELI number: exactly 9 ASCII digits (BAL-6). Never throws; a Luhn failure is accepted.</summary>
    /// <param name="s">The text.</param>
    /// <param name="result">The number, or <c>default</c> when refused.</param>
    /// <returns>True when valid.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, out Adeli result) => ParseCore(s, out result) == HealthIdentifierError.None;

    /// <summary>Parses an ADELI number: exactly 9 ASCII digits (BAL-6). Never throws; null is refused.</summary>
    /// <param name="s">The text, possibly null.</param>
    /// <param name="result">The number, or <c>default</c> when refused.</param>
    /// <returns>True when valid.</returns>
    public static bool TryParse(string? s, out Adeli result) => ParseCore(s.AsSpan(), out result) == HealthIdentifierError.None;

    /// <summary>Parses an ADELI number from UTF-8 bytes (BAL-6). Never throws.</summary>
    /// <param name="utf8">The UTF-8 text.</param>
    /// <param name="result">The number, or <c>default</c> when refused.</param>
    /// <returns>True when valid.</returns>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out Adeli result) => ParseUtf8(utf8, out result) == HealthIdentifierError.None;

    /// <summary>Parses an ADELI number (BAL-6).</summary>
    /// <param name="s">The text.</param>
    /// <returns>The number.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is null.</exception>
    /// <exception cref="HealthIdentifierFormatException">The text is refused; <see cref="HealthIdentifierFormatException.Error"/> says why.</exception>
    public static Adeli Parse(string s) => s is null ? throw new ArgumentNullException(nameof(s)) : Parse(s.AsSpan());

    /// <summary>Parses an ADELI number (BAL-6).</summary>
    /// <param name="s">The text.</param>
    /// <returns>The number.</returns>
    /// <exception cref="HealthIdentifierFormatException">The text is refused; <see cref="HealthIdentifierFormatException.Error"/> says why.</exception>
    public static Adeli Parse(ReadOnlySpan<char> s)
    {
        HealthIdentifierError error = ParseCore(s, out Adeli result);
        return error == HealthIdentifierError.None ? result : throw new HealthIdentifierFormatException(HealthIdentifierKind.Adeli, error);
    }

    /// <summary>Parses an ADELI number from UTF-8 bytes (BAL-6).</summary>
    /// <param name="utf8">The UTF-8 text.</param>
    /// <returns>The number.</returns>
    /// <exception cref="HealthIdentifierFormatException">The text is refused; <see cref="HealthIdentifierFormatException.Error"/> says why.</exception>
    public static Adeli Parse(ReadOnlySpan<byte> utf8)
    {
        HealthIdentifierError error = ParseUtf8(utf8, out Adeli result);
        return error == HealthIdentifierError.None ? result : throw new HealthIdentifierFormatException(HealthIdentifierKind.Adeli, error);
    }

    /// <summary>
    /// Says why a text is not an ADELI number, without allocating: the first of <see cref="HealthIdentifierError.Empty"/>,
    /// <see cref="HealthIdentifierError.Length"/>, <see cref="HealthIdentifierError.Character"/> that applies, or
    /// <see cref="HealthIdentifierError.None"/> (BAL-6). A Luhn failure is not an error.
    /// </summary>
    /// <param name="s">The text.</param>
    /// <returns>The first error, or <see cref="HealthIdentifierError.None"/> when valid.</returns>
    public static HealthIdentifierError Validate(ReadOnlySpan<char> s) => ParseCore(s, out _);

    /// <summary>Says why UTF-8 bytes are not an ADELI number; see <see cref="Validate(ReadOnlySpan{char})"/>.</summary>
    /// <param name="utf8">The UTF-8 text.</param>
    /// <returns>The first error, or <see cref="HealthIdentifierError.None"/> when valid.</returns>
    public static HealthIdentifierError Validate(ReadOnlySpan<byte> utf8) => ParseUtf8(utf8, out _);

    /// <summary>The IdNat_PS of this professional: <c>0</c> followed by the 9 digits (BAL-6).</summary>
    /// <returns>The 10-character IdNat_PS.</returns>
    /// <exception cref="InvalidOperationException">This is <c>default</c>.</exception>
    public IdNatPs ToIdNatPs() => IsDefault
        ? throw new InvalidOperationException("default(Adeli) has no IdNat_PS.")
        : IdNatPs.FromAdeli(this);

    /// <summary>The 9 digits; the empty string for <c>default</c>.</summary>
    /// <returns>The canonical text.</returns>
    public override string ToString() => IsDefault ? string.Empty : HealthIdentifierText.DigitsToString(Number, Length);

    /// <summary>The 9 digits; format must be null, empty or <c>"G"</c>.</summary>
    /// <param name="format">Null, empty or <c>"G"</c>.</param>
    /// <param name="formatProvider">Ignored.</param>
    /// <returns>The canonical text.</returns>
    /// <exception cref="FormatException">Another format was asked for.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        HealthIdentifierText.CheckFormat(format.AsSpan());
        return ToString();
    }

    /// <summary>Writes the 9 digits into <paramref name="destination"/>.</summary>
    /// <param name="destination">Where to write; needs 9 characters (0 for <c>default</c>).</param>
    /// <param name="charsWritten">How many characters were written.</param>
    /// <param name="format">Empty or <c>"G"</c>.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>False when <paramref name="destination"/> is too small.</returns>
    /// <exception cref="FormatException">Another format was asked for.</exception>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null) =>
        HealthIdentifierText.TryFormatDigits(Number, IsDefault ? 0 : Length, destination, format, out charsWritten);

    /// <summary>Writes the 9 digits as UTF-8 into <paramref name="utf8Destination"/>.</summary>
    /// <param name="utf8Destination">Where to write; needs 9 bytes (0 for <c>default</c>).</param>
    /// <param name="bytesWritten">How many bytes were written.</param>
    /// <param name="format">Empty or <c>"G"</c>.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>False when <paramref name="utf8Destination"/> is too small.</returns>
    /// <exception cref="FormatException">Another format was asked for.</exception>
    public bool TryFormat(Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null)
    {
        Span<char> chars = stackalloc char[Length];
        TryFormat(chars, out int written, format, provider);
        return HealthIdentifierText.TryCopyAscii(chars.Slice(0, written), utf8Destination, out bytesWritten);
    }

    /// <inheritdoc/>
    public bool Equals(Adeli other) => _value == other._value;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Adeli other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value.GetHashCode();

#if NET8_0_OR_GREATER
    static Adeli IParsable<Adeli>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<Adeli>.TryParse(string? s, IFormatProvider? provider, out Adeli result) => TryParse(s, out result);

    static Adeli ISpanParsable<Adeli>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    static bool ISpanParsable<Adeli>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out Adeli result) => TryParse(s, out result);

    static Adeli IUtf8SpanParsable<Adeli>.Parse(ReadOnlySpan<byte> utf8Text, IFormatProvider? provider) => Parse(utf8Text);

    static bool IUtf8SpanParsable<Adeli>.TryParse(ReadOnlySpan<byte> utf8Text, IFormatProvider? provider, out Adeli result) => TryParse(utf8Text, out result);
#endif

    /// <summary>Builds an ADELI from its number (trusted: 0 ≤ number &lt; 10^9).</summary>
    internal static Adeli FromNumber(ulong number) => new(number);

    /// <summary>The parsing core (BAL-6): Empty → Length → Character; the Luhn digit is not checked.</summary>
    private static HealthIdentifierError ParseCore(ReadOnlySpan<char> s, out Adeli result)
    {
        HealthIdentifierError error = HealthIdentifierText.ParseDigits(s, Length, out ulong number);
        result = error == HealthIdentifierError.None ? new Adeli(number) : default;
        return error;
    }

    private static HealthIdentifierError ParseUtf8(ReadOnlySpan<byte> utf8, out Adeli result) =>
        ParseCore(HealthIdentifierText.Widen(utf8, stackalloc char[HealthIdentifierText.MaxChars]), out result);
}
