using System;
using System.Buffers;
using System.Text.Json;

namespace Mss.Core.Directory;

/// <summary>
/// Text comparisons of JSON string values and property names that never throw (issue 29): a value holding a lone UTF-16
/// surrogate escape (<c>"\ud800"</c>) makes <see cref="Utf8JsonReader.ValueTextEquals(ReadOnlySpan{byte})"/> and
/// <see cref="Utf8JsonReader.GetString"/> throw <see cref="InvalidOperationException"/>; here such a value is decoded with
/// the lone surrogate as U+FFFD and simply compares unequal to the texts the reader looks for. An unescaped value is
/// compared as its bytes, without decoding.
/// </summary>
internal static class JsonText
{
    /// <summary>Escaped values up to this many bytes are decoded on the stack; longer ones in a pooled buffer.</summary>
    private const int StackLimit = 256;

    /// <summary>True when the string or property name at the reader is exactly <paramref name="utf8"/>.</summary>
    internal static bool Is(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8) => Compare(ref reader, utf8, Match.Whole);

    /// <summary>True when the string or property name at the reader ends with <paramref name="utf8"/>.</summary>
    internal static bool EndsWith(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8) => Compare(ref reader, utf8, Match.Suffix);

    /// <summary>True when the string or property name at the reader contains <paramref name="utf8"/>.</summary>
    internal static bool Contains(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8) => Compare(ref reader, utf8, Match.Part);

    /// <summary>
    /// Decodes the JSON escapes of <paramref name="raw"/> (a string's bytes between its quotes, as the reader validated
    /// them) into UTF-8 in <paramref name="destination"/>, at least as long as <paramref name="raw"/>: no escape decodes
    /// to more bytes than it takes. A lone surrogate becomes U+FFFD. Returns the number of bytes written.
    /// </summary>
    internal static int Unescape(ReadOnlySpan<byte> raw, Span<byte> destination)
    {
        int written = 0;
        int i = 0;
        while (i < raw.Length)
        {
            byte b = raw[i];
            if (b != (byte)'\\' || i + 1 >= raw.Length)
            {
                destination[written++] = b;
                i++;
                continue;
            }

            byte e = raw[i + 1];
            if (e != (byte)'u')
            {
                destination[written++] = e switch
                {
                    (byte)'b' => (byte)'\b',
                    (byte)'f' => (byte)'\f',
                    (byte)'n' => (byte)'\n',
                    (byte)'r' => (byte)'\r',
                    (byte)'t' => (byte)'\t',
                    _ => e, // '"', '\\', '/'
                };
                i += 2;
                continue;
            }

            int unit = Hex4(raw, i + 2);
            if (unit < 0)
            {
                destination[written++] = b; // not four hexadecimal digits (the reader refuses them before): kept as written
                i++;
                continue;
            }

            i += 6;
            int scalar;
            if (unit is >= 0xD800 and <= 0xDBFF && i + 5 < raw.Length && raw[i] == (byte)'\\' && raw[i + 1] == (byte)'u'
                && Hex4(raw, i + 2) is int low and >= 0xDC00 and <= 0xDFFF)
            {
                scalar = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                i += 6;
            }
            else
            {
                scalar = unit is >= 0xD800 and <= 0xDFFF ? 0xFFFD : unit;
            }

            written += WriteUtf8(scalar, destination.Slice(written));
        }

        return written;
    }

    private static bool Compare(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8, Match match)
    {
        if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName))
        {
            return false;
        }

        ReadOnlySpan<byte> raw = reader.ValueSpan; // the reader reads spans, never sequences
        if (!reader.ValueIsEscaped)
        {
            return Matches(raw, utf8, match);
        }

        byte[]? rented = null;
        Span<byte> buffer = raw.Length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(raw.Length));
        try
        {
            int length = Unescape(raw, buffer);
            return Matches(buffer.Slice(0, length), utf8, match);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static bool Matches(ReadOnlySpan<byte> value, ReadOnlySpan<byte> utf8, Match match) => match switch
    {
        Match.Whole => value.SequenceEqual(utf8),
        Match.Suffix => value.EndsWith(utf8),
        _ => value.IndexOf(utf8) >= 0,
    };

    private static int Hex4(ReadOnlySpan<byte> raw, int at)
    {
        if (at + 4 > raw.Length)
        {
            return -1;
        }

        int value = 0;
        for (int k = 0; k < 4; k++)
        {
            int digit = HexDigit(raw[at + k]);
            if (digit < 0)
            {
                return -1;
            }

            value = (value << 4) | digit;
        }

        return value;
    }

    private static int HexDigit(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };

    private static int WriteUtf8(int scalar, Span<byte> destination)
    {
        if (scalar < 0x80)
        {
            destination[0] = (byte)scalar;
            return 1;
        }

        if (scalar < 0x800)
        {
            destination[0] = (byte)(0xC0 | (scalar >> 6));
            destination[1] = (byte)(0x80 | (scalar & 0x3F));
            return 2;
        }

        if (scalar < 0x10000)
        {
            destination[0] = (byte)(0xE0 | (scalar >> 12));
            destination[1] = (byte)(0x80 | ((scalar >> 6) & 0x3F));
            destination[2] = (byte)(0x80 | (scalar & 0x3F));
            return 3;
        }

        destination[0] = (byte)(0xF0 | (scalar >> 18));
        destination[1] = (byte)(0x80 | ((scalar >> 12) & 0x3F));
        destination[2] = (byte)(0x80 | ((scalar >> 6) & 0x3F));
        destination[3] = (byte)(0x80 | (scalar & 0x3F));
        return 4;
    }

    private enum Match
    {
        Whole,
        Suffix,
        Part,
    }
}
