namespace Mss.Core;

/// <summary>
/// Why a domain is, or is not, in the MSSanté trust space (ADDR-1, ADDR-3): the reason to show a user or to raise a
/// phishing warning. Returned by <see cref="MssDomain.Classify(System.ReadOnlySpan{char})"/>; when several apply, the
/// first in the order documented there wins.
/// </summary>
public enum DomainVerdict
{
    /// <summary>No verdict: the value of <c>default(DomainVerdict)</c>. <see cref="MssDomain"/> never returns it.</summary>
    None = 0,

    /// <summary>In the trust space: one or more labels, then <c>.mssante.fr</c> on a label boundary (ADDR-1).</summary>
    Mssante,

    /// <summary>
    /// Not a domain of ADDR-3: empty, longer than 253 characters, an empty label (leading, trailing or double dot), a
    /// label over 63 characters or starting or ending with a hyphen or an underscore, or a character other than letters,
    /// digits, hyphens, underscores and dots (space, '@', '&gt;'…). Since 0.2 an underscore inside a label is accepted
    /// (<c>ehpad_dumoulin.mssante.fr</c>, seed 002).
    /// </summary>
    Malformed,

    /// <summary>Non-ASCII characters that do not read as an MSSanté domain (ADDR-3 refuses non-ASCII anywhere).</summary>
    NonAscii,

    /// <summary>
    /// Non-ASCII characters that read as an MSSanté domain: accented letters (<c>mssanté.fr</c>), Cyrillic or Greek
    /// look-alikes (<c>mssаnte.fr</c> with a Cyrillic а), full-width forms, invisible characters (ADDR-3, look-alike defence).
    /// </summary>
    Confusable,

    /// <summary>A label starts with <c>xn--</c>: an internationalised name in punycode, refused by ADDR-3.</summary>
    Punycode,

    /// <summary>The domain is <c>mssante.fr</c> itself; mailboxes live under a subdomain (ADDR-1).</summary>
    MissingSubdomain,

    /// <summary>The domain ends with <c>mssante.fr</c> but not on a label boundary: <c>notmssante.fr</c> (ADDR-1).</summary>
    NoLabelBoundary,

    /// <summary><c>mssante.fr</c> appears inside the domain, which ends elsewhere: <c>mssante.fr.evil.com</c> (ADDR-1).</summary>
    SuffixTrick,

    /// <summary>The label before the top-level domain is <c>mssante</c> but the top-level domain is not <c>fr</c>: <c>mssante.com</c> (ADDR-1).</summary>
    WrongTld,

    /// <summary>A well-formed domain with nothing to do with MSSanté: <c>gmail.com</c> (ADDR-1, ADDR-4).</summary>
    OutsideTrustSpace,
}
