using System;
using System.Text;

namespace Mss.Core;

/// <summary>Span overloads of <see cref="Encoding"/> that netstandard2.0 lacks.</summary>
internal static class Utf8Polyfill
{
#if NETSTANDARD2_0
    public static unsafe int GetCharCount(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return 0;
        }

        fixed (byte* b = bytes)
        {
            return encoding.GetCharCount(b, bytes.Length);
        }
    }

    public static unsafe int GetChars(Encoding encoding, ReadOnlySpan<byte> bytes, Span<char> chars)
    {
        if (bytes.IsEmpty)
        {
            return 0;
        }

        fixed (byte* b = bytes)
        fixed (char* c = chars)
        {
            return encoding.GetChars(b, bytes.Length, c, chars.Length);
        }
    }
#else
    public static int GetCharCount(Encoding encoding, ReadOnlySpan<byte> bytes) => encoding.GetCharCount(bytes);

    public static int GetChars(Encoding encoding, ReadOnlySpan<byte> bytes, Span<char> chars) => encoding.GetChars(bytes, chars);
#endif
}
