using System;

namespace Mss.Core;

/// <summary>
/// A FINESS number (Fichier national des établissements sanitaires et sociaux): the 9-character identifier of a health
/// or social structure (BAL-6). An applicative mailbox belongs to a structure (BAL-1).
/// </summary>
/// <remarks>
/// <para>
/// A value of this type is always 9 characters, each an ASCII digit or an upper-case ASCII letter (Corsican
/// structures start with <c>2A</c> / <c>2B</c>). Lower case is refused: the canonical form is upper case.
/// </para>
/// <para>
/// The last digit of an all-digit FINESS is meant to be a Luhn check digit, but a Luhn failure is never refused (BAL-6);
/// <see cref="HasValidLuhn"/> reports it. A FINESS with letters has no Luhn check that BAL-6 defines:
/// <see cref="HasValidLuhn"/> is false for it and <see cref="IsNumeric"/> tells the two cases apart.
/// </para>
/// <para>
/// <c>default(Finess)</c> is the "no FINESS" value: <see cref="IsDefault"/> is true, <see cref="ToString()"/> returns the
/// empty string. It never equals a parsed value.
/// </para>
/// </remarks>
public readonly struct Finess : IEquatable<Finess>
#if NET8_0_OR_GREATER
    , ISpanParsable<Finess>, ISpanFormattable, IUtf8SpanParsable<Finess>, IUtf8SpanFormattable
#endif
{
    /// <summary>Length of a FINESS number: 9 characters (BAL-6).</summary>
    public const int Length = 9;

    // Layout: 6 bits per character (0–9 digits, 10–35 letters A–Z), the first character in the highest bits;
    // bit 62 set when any character is a letter; bit 63 set for every parsed value.
    private const ulong Present = 1UL << 63;
    private const ulong HasLetterFlag = 1UL << 62;
    private const int BitsPerChar = 6;

    private readonly ulong _value;

    private Finess(ulong value) => _value = value;

    /// <summary>True for <c>default(Finess)</c>, the "no FINESS" value.</summary>
    public bool IsDefault => _value == 0;

    /// <summary>True when the 9 characters are all digits; false for <c>default</c>.</summary>
    public bool IsNumeric => !IsDefault && (_value & HasLetterFlag) == 0;

    /// <summary>
    /// True when the FINESS is all digits and passes the standard Luhn check. False is an anomaly to report, never a
    /// refusal (BAL-6); false for <c>default</c> and for a FINESS with letters (see <see cref="IsNumeric"/>).
    /// </summary>
    public bool HasValidLuhn
    {
        get
        {
            if (!IsNumeric)
            {
                return false;
            }

            ulong number = 0;
            for (int i = 0; i < Length; i++)
            {
                number = (number * 10) + (ulong)CodeAt(i);
            }

            return HealthIdentifierText.IsLuhnValid(number, Length);
        }
    }

    /// <summary>Compares two FINESS numbers for equality.</summary>
    /// <param name="left">The first number.</param>
    /// <param name="right">The second number.</param>
    /// <returns>True when both hold the same characters (or both are <c>default</c>).</returns>
    public static bool operator ==(Finess left, Finess right) => left.Equals(right);

    /// <summary>Compares two FINESS numbers for inequality.</summary>
    /// <param name="left">The first number.</param>
    /// <param name="right">The second number.</param>
    /// <returns>True when they differ.</returns>
    public static bool operator !=(Finess left, Finess right) => !left.Equals(right);

    /// <summary>Parses a FINESS number: exactly 9 ASCII digits or upper-case letters (BAL-6). Never throws; a Luhn failure is accepted.</summary>
    /// <param name="s">The text.</param>
    /// <param name="result">The number, or <c>default</c> when refused.</param>
    /// <returns>True when valid.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, out Finess result) => ParseCore(s, out result) == HealthIdentifierError.None;

    /// <summary>Parses a FINESS number (BAL-6). Never throws; null is refused.</summary>
    /// <param name="s">The text, possibly null.</param>
    /// <param name="result">The number, or <c>default</c> when refused.</param>
    /// <returns>True when valid.</returns>
    public static bool TryParse(string? s, out Finess result) => ParseCore(s.AsSpan(), out result) == HealthIdentifierError.None;

    /// <summary>Parses a FINESS number from UTF-8 bytes (BAL-6). Never throws.</summary>
    /// <param name="utf8">The UTF-8 text.</param>
    /// <param name="result">The number, or <c>default</c> when refused.</param>
    /// <returns>True when valid.</returns>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out Finess result) => ParseUtf8(utf8, out result) == HealthIdentifierError.None;

    /// <summary>Parses a FINESS number (BAL-6).</summary>
    /// <param name="s">The text.</param>
    /// <returns>The number.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is null.</exception>
    /// <exception cref="HealthIdentifierFormatException">The text is refused; <see cref="HealthIdentifierFormatException.Error"/> says why.</exception>
    public static Finess Parse(string s) => s is null ? throw new ArgumentNullException(nameof(s)) : Parse(s.AsSpan());

    /// <summary>Parses a FINESS number (BAL-6).</summary>
    /// <param name="s">The text.</param>
    /// <returns>The number.</returns>
    /// <exception cref="HealthIdentifierFormatException">The text is refused; <see cref="HealthIdentifierFormatException.Error"/> says why.</exception>
    public static Finess Parse(ReadOnlySpan<char> s)
    {
        HealthIdentifierError error = ParseCore(s, out Finess result);
        return error == HealthIdentifierError.None ? result : throw new HealthIdentifierFormatException(HealthIdentifierKind.Finess, error);
    }

    /// <summary>Parses a FINESS number from UTF-8 bytes (BAL-6).</summary>
    /// <param name="utf8">The UTF-8 text.</param>
    /// <returns>The number.</returns>
    /// <exception cref="HealthIdentifierFormatException">The text is refused; <see cref="HealthIdentifierFormatException.Error"/> says why.</exception>
    public static Finess Parse(ReadOnlySpan<byte> utf8)
    {
        HealthIdentifierError error = ParseUtf8(utf8, out Finess result);
        return error == HealthIdentifierError.None ? result : throw new HealthIdentifierFormatException(HealthIdentifierKind.Finess, error);
    }

    /// <summary>
    /// Says why a text is not a FINESS number, without allocating: the first of <see cref="HealthIdentifierError.Empty"/>,
    /// <see cref="HealthIdentifierError.Length"/>, <see cref="HealthIdentifierError.Character"/> that applies, or
    /// <see cref="HealthIdentifierError.None"/> (BAL-6). A Luhn failure is not an error.
    /// </summary>
    /// <param name="s">The text.</param>
    /// <returns>The first error, or <see cref="HealthIdentifierError.None"/> when valid.</returns>
    public static HealthIdentifierError Validate(ReadOnlySpan<char> s) => ParseCore(s, out _);

    /// <summary>Says why UTF-8 bytes are not a FINESS number; see <see cref="Validate(ReadOnlySpan{char})"/>.</summary>
    /// <param name="utf8">The UTF-8 text.</param>
    /// <returns>The first error, or <see cref="HealthIdentifierError.None"/> when valid.</returns>
    public static HealthIdentifierError Validate(ReadOnlySpan<byte> utf8) => ParseUtf8(utf8, out _);

    /// <summary>The 9 characters; the empty string for <c>default</c>.</summary>
    /// <returns>The canonical text.</returns>
    public override string ToString()
    {
        if (IsDefault)
        {
            return string.Empty;
        }

        Span<char> buffer = stackalloc char[Length];
        Format(buffer);
        return buffer.ToString();
    }

    /// <summary>The 9 characters; format must be null, empty or <c>"G"</c>.</summary>
    /// <param name="format">Null, empty or <c>"G"</c>.</param>
    /// <param name="formatProvider">Ignored.</param>
    /// <returns>The canonical text.</returns>
    /// <exception cref="FormatException">Another format was asked for.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        HealthIdentifierText.CheckFormat(format.AsSpan());
        return ToString();
    }

    /// <summary>Writes the 9 characters into <paramref name="destination"/>.</summary>
    /// <param name="destination">Where to write; needs 9 characters (0 for <c>default</c>).</param>
    /// <param name="charsWritten">How many characters were written.</param>
    /// <param name="format">Empty or <c>"G"</c>.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>False when <paramref name="destination"/> is too small.</returns>
    /// <exception cref="FormatException">Another format was asked for.</exception>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null)
    {
        HealthIdentifierText.CheckFormat(format);
        int length = IsDefault ? 0 : Length;
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

    /// <summary>Writes the 9 characters as UTF-8 into <paramref name="utf8Destination"/>.</summary>
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
    public bool Equals(Finess other) => _value == other._value;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Finess other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value.GetHashCode();

#if NET8_0_OR_GREATER
    static Finess IParsable<Finess>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<Finess>.TryParse(string? s, IFormatProvider? provider, out Finess result) => TryParse(s, out result);

    static Finess ISpanParsable<Finess>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    static bool ISpanParsable<Finess>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out Finess result) => TryParse(s, out result);

    static Finess IUtf8SpanParsable<Finess>.Parse(ReadOnlySpan<byte> utf8Text, IFormatProvider? provider) => Parse(utf8Text);

    static bool IUtf8SpanParsable<Finess>.TryParse(ReadOnlySpan<byte> utf8Text, IFormatProvider? provider, out Finess result) => TryParse(utf8Text, out result);
#endif

    /// <summary>The parsing core (BAL-6): Empty → Length → Character; the Luhn digit is not checked.</summary>
    internal static HealthIdentifierError ParseCore(ReadOnlySpan<char> s, out Finess result)
    {
        result = default;
        if (s.IsEmpty)
        {
            return HealthIdentifierError.Empty;
        }

        if (s.Length != Length)
        {
            return HealthIdentifierError.Length;
        }

        ulong value = Present;
        foreach (char c in s)
        {
            uint code;
            if ((uint)(c - '0') <= 9)
            {
                code = (uint)(c - '0');
            }
            else if ((uint)(c - 'A') <= 'Z' - 'A')
            {
                code = (uint)(c - 'A') + 10;
                value |= HasLetterFlag;
            }
            else
            {
                return HealthIdentifierError.Character;
            }

            value = (value & (Present | HasLetterFlag)) | ((value & ~(Present | HasLetterFlag)) << BitsPerChar) | code;
        }

        result = new Finess(value);
        return HealthIdentifierError.None;
    }

    private static HealthIdentifierError ParseUtf8(ReadOnlySpan<byte> utf8, out Finess result) =>
        ParseCore(HealthIdentifierText.Widen(utf8, stackalloc char[HealthIdentifierText.MaxChars]), out result);

    /// <summary>The 6-bit code of character <paramref name="index"/> (0 = first).</summary>
    private int CodeAt(int index) => (int)((_value >> ((Length - 1 - index) * BitsPerChar)) & 0x3F);

    private void Format(Span<char> destination)
    {
        for (int i = 0; i < Length; i++)
        {
            int code = CodeAt(i);
            destination[i] = code < 10 ? (char)('0' + code) : (char)('A' + code - 10);
        }
    }
}
