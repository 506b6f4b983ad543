using System;

namespace Mss.Core;

/// <summary>
/// The one parsing core of <see cref="MssAddress"/> (ADDR-1…ADDR-3): a single pass over the text that returns the
/// first <see cref="AddressError"/> by precedence, the position of '@' and, for a patient address, its INS.
/// </summary>
internal static class AddressSyntax
{
    /// <summary>Checks UTF-16 text.</summary>
    public static AddressError Check(ReadOnlySpan<char> s, out int at, out InsMatricule ins, out bool domainHasUpper)
    {
        at = -1;
        ins = default;
        domainHasUpper = false;
        if (s.IsEmpty)
        {
            return AddressError.Empty;
        }

        if (s.Length > MssAddress.MaxLength)
        {
            return AddressError.TooLong;
        }

        int atIndex = s.IndexOf('@');
        if (atIndex < 0)
        {
            return AddressError.Syntax;
        }

        if (atIndex > MssAddress.MaxLocalPartLength)
        {
            return AddressError.TooLong;
        }

        ReadOnlySpan<char> local = s.Slice(0, atIndex);
        ReadOnlySpan<char> domain = s.Slice(atIndex + 1);
        bool syntax = !IsDotAtom(local);
        int labelStart = 0;
        for (int i = 0; i <= domain.Length; i++)
        {
            if (i == domain.Length || domain[i] == '.')
            {
                ReadOnlySpan<char> label = domain.Slice(labelStart, i - labelStart);
                if (label.Length > MssAddress.MaxLabelLength)
                {
                    return AddressError.TooLong;
                }

                syntax |= label.IsEmpty || label[0] == '-' || label[label.Length - 1] == '-' || IsPunycode(label);
                labelStart = i + 1;
                continue;
            }

            char c = domain[i];
            if (c is >= 'A' and <= 'Z')
            {
                domainHasUpper = true;
            }
            else if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
            {
                syntax = true;
            }
        }

        if (syntax)
        {
            return AddressError.Syntax;
        }

        if (domain.Length <= MssAddress.TrustSpaceSuffix.Length
            || !domain.EndsWith(MssAddress.TrustSpaceSuffix.AsSpan(), StringComparison.OrdinalIgnoreCase))
        {
            return AddressError.NotMssante;
        }

        if (domain.Equals(MssAddress.PatientDomain.AsSpan(), StringComparison.OrdinalIgnoreCase)
            && InsMatricule.ParseCore(local, out ins) != InsError.None)
        {
            return AddressError.InvalidPatientIns;
        }

        at = atIndex;
        return AddressError.None;
    }

    /// <summary>Checks UTF-8 text. A valid address is ASCII; any other byte is a syntax error (ADDR-3).</summary>
    public static AddressError Check(ReadOnlySpan<byte> utf8, out int at, out InsMatricule ins, out bool domainHasUpper)
    {
        if (utf8.Length > MssAddress.MaxLength)
        {
            at = -1;
            ins = default;
            domainHasUpper = false;
            return AddressError.TooLong;
        }

        Span<char> chars = stackalloc char[utf8.Length];
        for (int i = 0; i < utf8.Length; i++)
        {
            byte b = utf8[i];
            chars[i] = b < 0x80 ? (char)b : '\u0080';
        }

        return Check(chars, out at, out ins, out domainHasUpper);
    }

    /// <summary>ADDR-3: an RFC 5322 dot-atom of ASCII atext.</summary>
    private static bool IsDotAtom(ReadOnlySpan<char> local)
    {
        bool afterDot = true;
        foreach (char c in local)
        {
            if (c == '.')
            {
                if (afterDot)
                {
                    return false;
                }

                afterDot = true;
            }
            else if (IsAtext(c))
            {
                afterDot = false;
            }
            else
            {
                return false;
            }
        }

        return !afterDot;
    }

    private static bool IsAtext(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9')
            or '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '/' or '=' or '?' or '^' or '_' or '`' or '{' or '|' or '}' or '~';

    private static bool IsPunycode(ReadOnlySpan<char> label) =>
        label.Length >= 4 && label.Slice(0, 4).Equals("xn--".AsSpan(), StringComparison.OrdinalIgnoreCase);
}
