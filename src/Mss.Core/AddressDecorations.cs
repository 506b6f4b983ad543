using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Mss.Core;

/// <summary>
/// The lenient layer of <see cref="MssAddress"/> (ADDR-6): finds the bare address inside text as people type or paste it
/// and hands it to the one strict core, <see cref="AddressSyntax"/>. It never judges the address itself, so every
/// ADDR-1…ADDR-3 rule still applies to what it finds; it only removes, in this order, what
/// <see cref="AddressStyles"/> allows:
/// <list type="number">
/// <item>white space around the whole text (<see cref="AddressStyles.AllowWhiteSpace"/>; any Unicode white space,
/// <see cref="char.IsWhiteSpace(char)"/>);</item>
/// <item>a display name and the angle brackets around the address (<see cref="AddressStyles.AllowDisplayName"/>), then
/// white space inside the brackets;</item>
/// <item>a <c>mailto:</c> prefix in any case (<see cref="AddressStyles.AllowMailto"/>), once, without query or
/// percent-decoding.</item>
/// </list>
/// </summary>
/// <remarks>
/// <para>
/// Display name (decided here): everything before the first '&lt;' that is not inside a quoted string; quoted strings
/// (<c>"Durand, Jean"</c>) may hold anything, with backslash escapes. Outside quotes it may not hold '@', ',', ';', ':'
/// or '&gt;': those mean a second address, a list or a group, and two addresses are refused (ADDR-6). The closing '&gt;'
/// must end the text (white space after it only with <see cref="AddressStyles.AllowWhiteSpace"/>).
/// </para>
/// <para>
/// Error precedence for decorated text (decided here): <see cref="AddressError.Empty"/> when nothing is typed (empty
/// or, with <see cref="AddressStyles.AllowWhiteSpace"/>, white space only); then <see cref="AddressError.Syntax"/> when the
/// decoration does not frame exactly one address (unbalanced brackets, text after '&gt;', a forbidden character in the
/// display name), whatever the address; then the bare address gets the strict verdict with the strict precedence
/// (Empty when the brackets or the <c>mailto:</c> hold nothing, TooLong, Syntax, NotMssante, InvalidPatientIns).
/// </para>
/// <para>
/// UTF-16 and UTF-8 text get the same verdict: the structure characters are ASCII, which UTF-8 never uses inside a
/// multi-byte sequence, and white space at the edges is decoded as the UTF-8 decoder would (an invalid sequence reads as
/// U+FFFD, which is not white space). Allocates nothing.
/// </para>
/// </remarks>
internal static class AddressDecorations
{
    private const string Mailto = "mailto:";

    /// <summary>
    /// The bare address inside <paramref name="s"/> as <c>s[start..start+length)</c>, or the decoration's error
    /// (<see cref="AddressError.Empty"/> or <see cref="AddressError.Syntax"/>); see the type's remarks.
    /// </summary>
    /// <typeparam name="T"><see cref="char"/> (UTF-16) or <see cref="byte"/> (UTF-8).</typeparam>
    internal static AddressError Strip<T>(ReadOnlySpan<T> s, AddressStyles styles, out int start, out int length)
        where T : unmanaged
    {
        start = 0;
        int end = s.Length;
        bool whiteSpace = (styles & AddressStyles.AllowWhiteSpace) != 0;
        if (whiteSpace)
        {
            TrimWhiteSpace(s, ref start, ref end);
        }

        length = 0;
        if (start == end)
        {
            return AddressError.Empty;
        }

        if ((styles & AddressStyles.AllowDisplayName) != 0 && !StripAngleBrackets(s, whiteSpace, ref start, ref end))
        {
            start = 0;
            return AddressError.Syntax;
        }

        if ((styles & AddressStyles.AllowMailto) != 0 && end - start >= Mailto.Length && IsMailto(s, start))
        {
            start += Mailto.Length;
        }

        length = end - start;
        return length == 0 ? AddressError.Empty : AddressError.None;
    }

    /// <summary>
    /// ADDR-6 / INS-6 (<see cref="AddressStyles.IgnoreCase"/>): true when the bare text is a patient address whose INS
    /// has a lower-case Corsican letter (<c>2a</c>/<c>2b</c>, position 7), which the caller upper-cases before the core.
    /// </summary>
    internal static bool HasLowerCorsicanLetter<T>(ReadOnlySpan<T> bare)
        where T : unmanaged
    {
        if (bare.Length != AddressSyntax.PatientLength || Unit(bare, InsMatricule.Length) != '@' || Unit(bare, 6) is not ('a' or 'b'))
        {
            return false;
        }

        const string Domain = MssAddress.PatientDomain;
        for (int i = 0; i < Domain.Length; i++)
        {
            uint c = Unit(bare, InsMatricule.Length + 1 + i);
            if (c != Domain[i] && !(c is >= 'A' and <= 'Z' && (c | 0x20) == Domain[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Removes a display name and the angle brackets (ADDR-6). True when there are none (the text is left as it is) or
    /// when they frame one address; false when the decoration is malformed (Syntax).
    /// </summary>
    private static bool StripAngleBrackets<T>(ReadOnlySpan<T> s, bool whiteSpace, ref int start, ref int end)
        where T : unmanaged
    {
        bool quoted = false;
        bool forbidden = false;
        int open = -1;
        for (int i = start; i < end; i++)
        {
            uint c = Unit(s, i);
            if (quoted)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == '<')
            {
                open = i;
                break;
            }
            else
            {
                forbidden |= c is '>' or '@' or ',' or ';' or ':';
            }
        }

        if (open < 0)
        {
            // No angle brackets: the text itself must be the bare address; the core judges it (quotes included).
            return true;
        }

        if (forbidden || Unit(s, end - 1) != '>' || end - 1 == open)
        {
            return false;
        }

        start = open + 1;
        end--;
        if (whiteSpace)
        {
            TrimWhiteSpace(s, ref start, ref end);
        }

        return true;
    }

    private static bool IsMailto<T>(ReadOnlySpan<T> s, int start)
        where T : unmanaged
    {
        for (int i = 0; i < Mailto.Length; i++)
        {
            uint c = Unit(s, start + i);
            if (c != Mailto[i] && !(c is >= 'A' and <= 'Z' && (c | 0x20) == Mailto[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static void TrimWhiteSpace<T>(ReadOnlySpan<T> s, ref int start, ref int end)
        where T : unmanaged
    {
        if (typeof(T) == typeof(char))
        {
            ReadOnlySpan<char> chars = MemoryMarshal.Cast<T, char>(s);
            while (start < end && char.IsWhiteSpace(chars[start]))
            {
                start++;
            }

            while (end > start && char.IsWhiteSpace(chars[end - 1]))
            {
                end--;
            }

            return;
        }

        ReadOnlySpan<byte> bytes = MemoryMarshal.Cast<T, byte>(s);
        int n;
        while (start < end && (n = Utf8WhiteSpaceAt(bytes, start, end)) > 0)
        {
            start += n;
        }

        while (end > start && (n = Utf8WhiteSpaceBefore(bytes, start, end)) > 0)
        {
            end -= n;
        }
    }

    /// <summary>The length of the well-formed UTF-8 sequence at <paramref name="i"/> when it encodes white space, else 0.</summary>
    private static int Utf8WhiteSpaceAt(ReadOnlySpan<byte> b, int i, int end)
    {
        byte lead = b[i];
        if (lead < 0x80)
        {
            return char.IsWhiteSpace((char)lead) ? 1 : 0;
        }

        int n = lead is >= 0xC2 and <= 0xDF ? 2 : lead is >= 0xE0 and <= 0xEF ? 3 : 0;
        return n != 0 && i + n <= end && IsWhiteSpaceSequence(b.Slice(i, n)) ? n : 0;
    }

    /// <summary>The length of the well-formed UTF-8 sequence ending at <paramref name="end"/> when it encodes white space, else 0.</summary>
    private static int Utf8WhiteSpaceBefore(ReadOnlySpan<byte> b, int start, int end)
    {
        byte last = b[end - 1];
        if (last < 0x80)
        {
            return char.IsWhiteSpace((char)last) ? 1 : 0;
        }

        // A lead byte is never a continuation byte, so the decoder starts a sequence there whatever precedes it.
        int j = end - 1;
        while (j > start && end - j < 3 && (b[j] & 0xC0) == 0x80)
        {
            j--;
        }

        int n = end - j;
        return n >= 2 && IsWhiteSpaceSequence(b.Slice(j, n)) ? n : 0;
    }

    /// <summary>A complete, shortest-form 2- or 3-byte UTF-8 sequence (no surrogate) that decodes to white space.</summary>
    private static bool IsWhiteSpaceSequence(ReadOnlySpan<byte> sequence)
    {
        uint lead = sequence[0];
        for (int k = 1; k < sequence.Length; k++)
        {
            if ((sequence[k] & 0xC0) != 0x80)
            {
                return false;
            }
        }

        uint c;
        if (sequence.Length == 2)
        {
            if (lead is < 0xC2 or > 0xDF)
            {
                return false;
            }

            c = ((lead & 0x1F) << 6) | (sequence[1] & 0x3Fu);
        }
        else
        {
            if (lead is < 0xE0 or > 0xEF)
            {
                return false;
            }

            c = ((lead & 0x0F) << 12) | ((sequence[1] & 0x3Fu) << 6) | (sequence[2] & 0x3Fu);
            if (c < 0x800 || c is >= 0xD800 and <= 0xDFFF)
            {
                return false;
            }
        }

        return char.IsWhiteSpace((char)c);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Unit<T>(ReadOnlySpan<T> s, int index)
        where T : unmanaged =>
        typeof(T) == typeof(char) ? MemoryMarshal.Cast<T, char>(s)[index] : MemoryMarshal.Cast<T, byte>(s)[index];
}
