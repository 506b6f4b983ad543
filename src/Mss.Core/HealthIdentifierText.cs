using System;
using System.Text;

namespace Mss.Core;

/// <summary>
/// Text helpers shared by the BAL-6 identifiers: UTF-8 input, Luhn check, digit formatting, UTF-8 output.
/// <see cref="InsMatricule"/> uses the last two.
/// </summary>
internal static class HealthIdentifierText
{
    /// <summary>
    /// Room for the longest text any BAL-6 identifier accepts (IdNat_PS, 12) and more: a text of this length, as
    /// <see cref="Widen"/> gives for anything longer, is a length error for every identifier.
    /// </summary>
    public const int MaxChars = 16;

    /// <summary>
    /// Turns UTF-8 bytes into text that every identifier judges as it judges the UTF-16 text the bytes decode to
    /// (U+FFFD for an invalid sequence, as <see cref="System.Text.Encoding.UTF8"/> decodes): ASCII is copied; text with
    /// any non-ASCII character, never an identifier, becomes as many <c>U+0080</c> as it has UTF-16 characters, so the
    /// length decides between Length and Character as it would in UTF-16. Text longer than <see cref="MaxChars"/> is cut
    /// to <see cref="MaxChars"/> characters, still a length error.
    /// </summary>
    /// <param name="utf8">The bytes.</param>
    /// <param name="buffer">At least <see cref="MaxChars"/> characters.</param>
    /// <returns>The text, in <paramref name="buffer"/>.</returns>
    public static ReadOnlySpan<char> Widen(ReadOnlySpan<byte> utf8, Span<char> buffer)
    {
        int count = 0;
        for (; count < utf8.Length && count < MaxChars && utf8[count] < 0x80; count++)
        {
            buffer[count] = (char)utf8[count];
        }

        if (count == utf8.Length || count == MaxChars)
        {
            return buffer.Slice(0, count);
        }

        // One UTF-16 character takes at most 3 bytes (a replaced invalid sequence too): 48 bytes or more are too long.
        count = utf8.Length >= 3 * MaxChars ? MaxChars : Math.Min(MaxChars, Utf8Polyfill.GetCharCount(Encoding.UTF8, utf8));
        Span<char> text = buffer.Slice(0, count);
        text.Fill('\u0080');
        return text;
    }

    /// <summary>
    /// The parsing core of an all-digit identifier of <paramref name="length"/> digits (RPPS, ADELI; BAL-6): the first of
    /// <see cref="HealthIdentifierError.Empty"/>, <see cref="HealthIdentifierError.Length"/>,
    /// <see cref="HealthIdentifierError.Character"/> that applies, or <see cref="HealthIdentifierError.None"/>.
    /// </summary>
    public static HealthIdentifierError ParseDigits(ReadOnlySpan<char> s, int length, out ulong number)
    {
        number = 0;
        if (s.IsEmpty)
        {
            return HealthIdentifierError.Empty;
        }

        if (s.Length != length)
        {
            return HealthIdentifierError.Length;
        }

        return TryReadDigits(s, out number) ? HealthIdentifierError.None : HealthIdentifierError.Character;
    }

    /// <summary>Reads ASCII digits into a number. False on any other character.</summary>
    public static bool TryReadDigits(ReadOnlySpan<char> s, out ulong number)
    {
        number = 0;
        foreach (char c in s)
        {
            uint digit = (uint)(c - '0');
            if (digit > 9)
            {
                return false;
            }

            number = (number * 10) + digit;
        }

        return true;
    }

    /// <summary>
    /// The standard Luhn check (ISO/IEC 7812-1) on the <paramref name="digitCount"/> decimal digits of
    /// <paramref name="number"/>, leading zeros included: from the rightmost digit (the check digit) leftwards, every
    /// second digit is doubled (9 subtracted when above 9); the total must be a multiple of 10.
    /// </summary>
    public static bool IsLuhnValid(ulong number, int digitCount)
    {
        int sum = 0;
        for (int i = 0; i < digitCount; i++)
        {
            int digit = (int)(number % 10);
            number /= 10;
            if ((i & 1) == 1)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
        }

        return sum % 10 == 0;
    }

    /// <summary>Writes <paramref name="number"/> as exactly <paramref name="destination"/>.Length digits, zero padded.</summary>
    public static void WriteDigits(ulong number, Span<char> destination)
    {
        for (int i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (char)('0' + (int)(number % 10));
            number /= 10;
        }
    }

    /// <summary>
    /// <c>TryFormat</c> of an all-digit identifier (RPPS, ADELI): <paramref name="length"/> digits of
    /// <paramref name="number"/>, zero padded; <paramref name="length"/> is 0 for <c>default</c>, which writes nothing.
    /// </summary>
    /// <exception cref="FormatException"><paramref name="format"/> is not the general format.</exception>
    public static bool TryFormatDigits(ulong number, int length, Span<char> destination, ReadOnlySpan<char> format, out int charsWritten)
    {
        CheckFormat(format);
        if (destination.Length < length)
        {
            charsWritten = 0;
            return false;
        }

        WriteDigits(number, destination.Slice(0, length));
        charsWritten = length;
        return true;
    }

    /// <summary><c>ToString</c> of an all-digit identifier (RPPS, ADELI): <paramref name="length"/> digits, at most <see cref="MaxChars"/>.</summary>
    public static string DigitsToString(ulong number, int length)
    {
        Span<char> buffer = stackalloc char[MaxChars];
        Span<char> digits = buffer.Slice(0, length);
        WriteDigits(number, digits);
        return digits.ToString();
    }

    /// <summary>Only the general format is defined: null, empty, <c>"G"</c> or <c>"g"</c>.</summary>
    public static void CheckFormat(ReadOnlySpan<char> format)
    {
        if (!format.IsEmpty && format is not "G" && format is not "g")
        {
            throw new FormatException("Identifiers have one format: \"G\" (canonical).");
        }
    }

    /// <summary>Copies ASCII characters to UTF-8 bytes.</summary>
    public static bool TryCopyAscii(ReadOnlySpan<char> chars, Span<byte> utf8Destination, out int bytesWritten)
    {
        if (utf8Destination.Length < chars.Length)
        {
            bytesWritten = 0;
            return false;
        }

        for (int i = 0; i < chars.Length; i++)
        {
            utf8Destination[i] = (byte)chars[i];
        }

        bytesWritten = chars.Length;
        return true;
    }
}
