using System;

namespace Mss.Core.Directory;

/// <summary>
/// The two encodings the national extraction file comes in (BAL-7 0.3): UTF-8, and Windows-1252 for files older tools
/// wrote. A strict UTF-8 decoder that says when bytes are not UTF-8 (no replacement character), and the Windows-1252 table
/// by hand, so that netstandard2.0 and .NET need no code-pages provider (System.Text.Encoding.CodePages).
/// </summary>
internal static class ExtractionText
{
    /// <summary>
    /// Windows-1252 bytes 0x80–0x9F (the rest is Latin-1: byte = code point). Source: the Unicode Consortium's mapping
    /// table cp1252 (unicode.org/Public/MAPPINGS/VENDORS/MICSFT/WINDOWS/CP1252.TXT). The five bytes it leaves undefined
    /// (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the C1 control of the same value, as Windows' own decoder does.
    /// </summary>
    private static readonly char[] Cp1252High =
    {
        '\u20AC', '\u0081', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021',
        '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '\u008D', '\u017D', '\u008F',
        '\u0090', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014',
        '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\u009D', '\u017E', '\u0178',
    };

    /// <summary>
    /// Decodes strict UTF-8 (no overlong form, no surrogate, nothing above U+10FFFF, no truncated sequence).
    /// </summary>
    /// <returns>The number of chars written, or −1 when the bytes are not UTF-8 or do not fit.</returns>
    public static int TryDecodeUtf8(ReadOnlySpan<byte> bytes, Span<char> chars)
    {
#if NET8_0_OR_GREATER
        // The runtime's vectorised decoder, strict: it stops at the first invalid sequence instead of replacing it.
        return System.Text.Unicode.Utf8.ToUtf16(bytes, chars, out _, out int written, replaceInvalidSequences: false)
            == System.Buffers.OperationStatus.Done ? written : -1;
#else
        return DecodeUtf8Scalar(bytes, chars);
#endif
    }

    /// <summary>The same strict decoding, one byte at a time (netstandard2.0, which lacks <c>System.Text.Unicode.Utf8</c>).</summary>
    internal static int DecodeUtf8Scalar(ReadOnlySpan<byte> bytes, Span<char> chars)
    {
        int n = 0;
        int i = 0;
        while (i < bytes.Length)
        {
            uint b = bytes[i];
            if (b < 0x80)
            {
                if (n >= chars.Length)
                {
                    return -1;
                }

                chars[n++] = (char)b;
                i++;
                continue;
            }

            int extra;
            uint cp;
            uint min;
            if ((b & 0xE0) == 0xC0)
            {
                extra = 1;
                cp = b & 0x1F;
                min = 0x80;
            }
            else if ((b & 0xF0) == 0xE0)
            {
                extra = 2;
                cp = b & 0x0F;
                min = 0x800;
            }
            else if ((b & 0xF8) == 0xF0)
            {
                extra = 3;
                cp = b & 0x07;
                min = 0x10000;
            }
            else
            {
                return -1; // a continuation byte first, or 0xF8–0xFF
            }

            if (i + extra >= bytes.Length)
            {
                return -1; // truncated
            }

            for (int k = 1; k <= extra; k++)
            {
                uint c = bytes[i + k];
                if ((c & 0xC0) != 0x80)
                {
                    return -1;
                }

                cp = (cp << 6) | (c & 0x3F);
            }

            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            {
                return -1;
            }

            if (cp >= 0x10000)
            {
                if (n + 1 >= chars.Length)
                {
                    return -1;
                }

                cp -= 0x10000;
                chars[n++] = (char)(0xD800 + (cp >> 10));
                chars[n++] = (char)(0xDC00 + (cp & 0x3FF));
            }
            else
            {
                if (n >= chars.Length)
                {
                    return -1;
                }

                chars[n++] = (char)cp;
            }

            i += extra + 1;
        }

        return n;
    }

    /// <summary>Decodes Windows-1252; every byte is one char. <paramref name="chars"/> is at least as long as the bytes.</summary>
    /// <returns>The number of chars written.</returns>
    public static int DecodeWindows1252(ReadOnlySpan<byte> bytes, Span<char> chars)
    {
        for (int i = 0; i < bytes.Length; i++)
        {
            byte b = bytes[i];
            chars[i] = b is >= 0x80 and <= 0x9F ? Cp1252High[b - 0x80] : (char)b;
        }

        return bytes.Length;
    }
}
