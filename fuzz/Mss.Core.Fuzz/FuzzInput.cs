using System.Runtime.InteropServices;
using System.Text;

namespace Mss.Core.Fuzz;

/// <summary>How a target reads its bytes as text.</summary>
internal static class FuzzInput
{
    /// <summary>The first byte that switches an input to raw UTF-16 (0xFE never appears in UTF-8).</summary>
    public const byte Utf16Marker = 0xFE;

    /// <summary>
    /// UTF-8 (invalid sequences become U+FFFD), or, when the first byte is <see cref="Utf16Marker"/>, the rest as raw
    /// little-endian UTF-16 code units, so lone surrogates and every char reach the UTF-16 entry points too.
    /// </summary>
    public static string Text(ReadOnlySpan<byte> data)
    {
        if (!data.IsEmpty && data[0] == Utf16Marker)
        {
            ReadOnlySpan<byte> units = data.Slice(1, (data.Length - 1) & ~1);
            return new string(MemoryMarshal.Cast<byte, char>(units));
        }

        return Encoding.UTF8.GetString(data);
    }

    /// <summary>Two texts split at the first line feed (the second empty when there is none).</summary>
    public static (string First, string Second) Pair(ReadOnlySpan<byte> data)
    {
        int newline = data.IndexOf((byte)'\n');
        return newline < 0
            ? (Text(data), string.Empty)
            : (Text(data.Slice(0, newline)), Text(data.Slice(newline + 1)));
    }

    /// <summary>Lines (LF, CR LF) of a text.</summary>
    public static string[] Lines(ReadOnlySpan<byte> data) =>
        Text(data).Split('\n').Select(line => line.TrimEnd('\r')).ToArray();
}
