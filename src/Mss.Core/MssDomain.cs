using System;
using System.Globalization;
using System.Text;

namespace Mss.Core;

/// <summary>
/// Says why a domain is or is not in the MSSanté trust space (ADDR-1, ADDR-3), for user-facing messages and phishing
/// warnings. <see cref="MssAddress.Validate(ReadOnlySpan{char})"/> says <em>whether</em> an address is acceptable; this
/// says <em>what is wrong</em> with its domain.
/// </summary>
/// <remarks>
/// Verdicts are tried in this order (the first that applies wins): <see cref="DomainVerdict.Malformed"/> for an empty
/// or over-long domain, <see cref="DomainVerdict.Confusable"/> / <see cref="DomainVerdict.NonAscii"/>,
/// <see cref="DomainVerdict.Punycode"/>, <see cref="DomainVerdict.Malformed"/>, then on a well-formed ASCII domain
/// (case ignored): <see cref="DomainVerdict.Mssante"/>, <see cref="DomainVerdict.MissingSubdomain"/>,
/// <see cref="DomainVerdict.NoLabelBoundary"/>, <see cref="DomainVerdict.SuffixTrick"/>, <see cref="DomainVerdict.WrongTld"/>,
/// <see cref="DomainVerdict.OutsideTrustSpace"/>. A domain of at most 252 characters is <see cref="DomainVerdict.Mssante"/>
/// exactly when an address on it passes ADDR-1 and ADDR-3; a 253-character domain is judged as a domain (RFC 1035) and
/// may be <see cref="DomainVerdict.Mssante"/>, but no address on it fits the 254 characters of ADDR-3.
/// Never throws; allocates only to fold non-ASCII text (the look-alike test).
/// </remarks>
public static class MssDomain
{
    /// <summary>At most 253 characters in a domain (RFC 1035 as used by RFC 5321).</summary>
    public const int MaxLength = 253;

    private const string TrustDomain = "mssante.fr";

    /// <summary>Classifies a domain (the text after '@') against the trust space (ADDR-1, ADDR-3). Case is ignored.</summary>
    /// <param name="domain">The domain, e.g. <c>ch-nord.mssante.fr</c>.</param>
    /// <returns>The verdict; <see cref="DomainVerdict.Mssante"/> when the domain is in the trust space.</returns>
    public static DomainVerdict Classify(ReadOnlySpan<char> domain)
    {
        if (domain.IsEmpty || domain.Length > MaxLength)
        {
            return DomainVerdict.Malformed;
        }

        foreach (char c in domain)
        {
            if (c >= 128)
            {
                return ReadsAsMssante(domain) ? DomainVerdict.Confusable : DomainVerdict.NonAscii;
            }
        }

        bool malformed = false;
        int labelStart = 0;
        int lastLabelStart = 0;
        int previousLabelStart = 0; // read only once there are two labels
        for (int i = 0; i <= domain.Length; i++)
        {
            if (i < domain.Length && domain[i] != '.')
            {
                malformed |= !AddressSyntax.IsLabelChar(domain[i]);
                continue;
            }

            ReadOnlySpan<char> label = domain.Slice(labelStart, i - labelStart);
            if (AddressSyntax.IsPunycode(label))
            {
                return DomainVerdict.Punycode;
            }

            malformed |= label.IsEmpty || label.Length > MssAddress.MaxLabelLength
                || AddressSyntax.IsLabelEdgeForbidden(label[0]) || AddressSyntax.IsLabelEdgeForbidden(label[label.Length - 1]);
            previousLabelStart = lastLabelStart;
            lastLabelStart = labelStart;
            labelStart = i + 1;
        }

        if (malformed)
        {
            return DomainVerdict.Malformed;
        }

        if (AddressSyntax.IsTrustSpace(domain))
        {
            return DomainVerdict.Mssante;
        }

        if (AddressSyntax.EqualsLowerAscii(domain, TrustDomain))
        {
            return DomainVerdict.MissingSubdomain;
        }

        if (domain.EndsWith(TrustDomain.AsSpan(), StringComparison.OrdinalIgnoreCase)) // and longer: equality is above
        {
            return DomainVerdict.NoLabelBoundary;
        }

        if (domain.IndexOf(TrustDomain.AsSpan(), StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return DomainVerdict.SuffixTrick;
        }

        return lastLabelStart > 0
            && AddressSyntax.EqualsLowerAscii(domain.Slice(previousLabelStart, lastLabelStart - 1 - previousLabelStart), "mssante")
            ? DomainVerdict.WrongTld
            : DomainVerdict.OutsideTrustSpace;
    }

    /// <summary>
    /// Classifies the domain of an address: the text after its last '@' (ADDR-1, ADDR-3). The local part is not judged.
    /// </summary>
    /// <param name="address">The address as received, e.g. <c>jean@mssante.fr.evil.com</c>.</param>
    /// <returns>The verdict on its domain; <see cref="DomainVerdict.Malformed"/> when there is no '@'.</returns>
    public static DomainVerdict ClassifyAddress(ReadOnlySpan<char> address)
    {
        int at = address.LastIndexOf('@');
        return at < 0 ? DomainVerdict.Malformed : Classify(address.Slice(at + 1));
    }

    /// <summary>True when the domain is in the MSSanté trust space (ADDR-1, ADDR-3); see <see cref="Classify"/>.</summary>
    /// <param name="domain">The domain.</param>
    /// <returns>True for <see cref="DomainVerdict.Mssante"/>.</returns>
    public static bool IsTrusted(ReadOnlySpan<char> domain) => Classify(domain) == DomainVerdict.Mssante;

    /// <summary>
    /// The look-alike test (ADDR-3): the domain's skeleton (compatibility decomposition, marks and invisible characters
    /// dropped, Cyrillic, Greek and Armenian look-alikes of the letters of <c>mssante</c> folded to them) contains
    /// <c>mssante</c>, case ignored. A lone surrogate reads as U+FFFD, so that the rest still decomposes.
    /// </summary>
    private static bool ReadsAsMssante(ReadOnlySpan<char> domain)
    {
        var text = new StringBuilder(domain.Length);
        for (int i = 0; i < domain.Length; i++)
        {
            char c = domain[i];
            if (char.IsHighSurrogate(c) && i + 1 < domain.Length && char.IsLowSurrogate(domain[i + 1]))
            {
                text.Append(c).Append(domain[++i]);
            }
            else
            {
                text.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }

        string decomposed;
        try
        {
            decomposed = text.ToString().Normalize(NormalizationForm.FormKD);
        }
        catch (ArgumentException)
        {
            // Some runtimes refuse unassigned code points; the characters as given are still worth folding.
            decomposed = text.ToString();
        }

        var skeleton = new StringBuilder(decomposed.Length);
        foreach (char c in decomposed)
        {
            UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                or UnicodeCategory.EnclosingMark or UnicodeCategory.Format))
            {
                skeleton.Append(Fold(c));
            }
        }

        return skeleton.ToString().IndexOf("mssante", StringComparison.OrdinalIgnoreCase) >= 0;
    }

    /// <summary>
    /// One character to the letter of <c>mssante</c> it is mistaken for (ADDR-3 look-alikes). Look-alikes of other letters
    /// are left alone: they cannot make the skeleton read <c>mssante</c>.
    /// </summary>
    private static char Fold(char c) => c switch
    {
        '\u0430' or '\u0410' or '\u03B1' or '\u0391' => 'a', // Cyrillic а А, Greek α Α
        '\u0435' or '\u0415' or '\u0395' or '\u03B5' => 'e', // Cyrillic е Е, Greek Ε ε
        '\u041C' or '\u043C' or '\u039C' => 'm',             // Cyrillic М м, Greek Μ
        '\u0578' or '\u039D' or '\u03B7' => 'n',             // Armenian ո, Greek Ν η
        '\u0455' or '\u0405' => 's',                         // Cyrillic ѕ Ѕ
        '\u0442' or '\u0422' or '\u03A4' or '\u03C4' => 't', // Cyrillic т Т, Greek Τ τ
        _ => c,
    };
}
