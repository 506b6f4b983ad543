using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
#if NET8_0_OR_GREATER
using System.Diagnostics.CodeAnalysis;
#endif
using System.IO;
using System.Security.Cryptography.X509Certificates;

namespace Mss.Core;

/// <summary>
/// The MSSanté trust space an address must belong to (ADDR-1): either the seeds' rule, one or more labels followed by
/// <c>.mssante.fr</c> (<see cref="MssanteFr"/>, the default of every API), or the domains of ANS's "liste blanche"
/// (<c>listeblanchemssante.xml</c>, published by the espace de confiance), which operators relay to and which also
/// lists domains outside <c>mssante.fr</c> such as the APICRYPT gateway <c>interop-mssante.apicrypt.org</c> (ADDR-1 0.3).
/// </summary>
/// <remarks>
/// <para>
/// With a list, an address is inside exactly when its domain is listed, ASCII case ignored: the <c>.mssante.fr</c> suffix
/// alone no longer suffices. Patient addresses stay governed by ADDR-2 whatever the list says: <c>patient.mssante.fr</c>
/// is inside, and its local part must be a valid INS. The strict syntax of ADDR-3 still applies first, so look-alike
/// domains, punycode and suffix tricks stay outside.
/// </para>
/// <para>
/// Reading the list is reading security data. <see cref="LoadWhitelist"/> refuses it (<see cref="TrustSpaceFormatException"/>)
/// unless its enveloped XML signature holds (exclusive C14N, RSA-SHA256, checked by .NET's <c>SignedXml</c>) and its signer
/// chains to one of the anchors the caller supplies (the IGC-Santé roots are in no system store), judged at the list's
/// <c>DateDeGeneration</c>; the signer's revocation is not checked (the list is read offline).
/// <see cref="LoadUnsignedWhitelist"/> is the explicit opt-out. Both treat the XML as hostile: no DTD, no entity, nothing
/// resolved outside the document, at most <see cref="MaxDocumentBytes"/> bytes and <see cref="MaxDepth"/> levels.
/// </para>
/// <para>
/// Immutable and thread-safe. Lookups are O(1) and allocate nothing; with <see cref="MssAddress.Validate(ReadOnlySpan{char}, AddressStyles, TrustSpace)"/>
/// a listed trust space costs one hash of the domain on top of the syntax check.
/// </para>
/// </remarks>
public sealed class TrustSpace
{
    /// <summary>The largest list read: 64 MiB (ANS's list with about 6,500 entries is under 4 MB).</summary>
    public const int MaxDocumentBytes = 64 * 1024 * 1024;

    /// <summary>The deepest element nesting read (the list's own is 4 levels, its signature 6).</summary>
    public const int MaxDepth = 32;

    private readonly DomainTable? _domains;

    private TrustSpace(DomainTable? domains, DateTimeOffset? generatedAt)
    {
        _domains = domains;
        GeneratedAt = generatedAt;
    }

    /// <summary>
    /// The seeds' rule (ADDR-1): a domain is inside when it is one or more DNS labels followed by <c>.mssante.fr</c>, on a
    /// label boundary, case ignored. The default of every API that takes no <see cref="TrustSpace"/>: 0.2's behaviour.
    /// </summary>
    public static TrustSpace MssanteFr { get; } = new(null, null);

    /// <summary>The list's <c>DateDeGeneration</c>; null for <see cref="MssanteFr"/>, <see cref="FromDomains"/>, or an unsigned list without one.</summary>
    public DateTimeOffset? GeneratedAt { get; }

    /// <summary>How many distinct domains are listed (ASCII case ignored); 0 for <see cref="MssanteFr"/>, which is a rule, not a list.</summary>
    public int Count => _domains?.Count ?? 0;

    /// <summary>True for <see cref="MssanteFr"/>: the suffix rule, whose address checks are 0.2's own path.</summary>
    internal bool IsSuffixRule => _domains is null;

    /// <summary>
    /// Reads ANS's signed liste blanche (ADDR-1 0.3): the enveloped XML signature must hold and its signer must chain to
    /// one of <paramref name="anchors"/> as of the list's <c>DateDeGeneration</c>.
    /// </summary>
    /// <remarks>
    /// The signature must be exactly one <c>ds:Signature</c>, a child of the root <c>ListeBlancheMSSante</c>, with a single
    /// reference to the whole document (<c>URI=""</c>, enveloped-signature and exclusive C14N transforms, SHA-256),
    /// exclusive C14N and RSA-SHA256; the signer is the first certificate of its KeyInfo (further certificates there only
    /// help build the chain). The domains read are those of the document that signature covers. Pass the IGC-Santé root
    /// "AC RACINE IGC-SANTE ELEMENTAIRE" and its intermediate "AC IGC-SANTE ELEMENTAIRE ORGANISATIONS" (the list carries
    /// only the signer's own certificate): a chain is built with those certificates only, nothing is downloaded.
    /// </remarks>
    /// <param name="xml">The content of <c>listeblanchemssante.xml</c>; read to its end, not closed.</param>
    /// <param name="anchors">The certificates to trust: the roots, and the intermediates the chain needs.</param>
    /// <returns>The trust space of the listed domains.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="xml"/> or <paramref name="anchors"/> is null, or an anchor is.</exception>
    /// <exception cref="TrustSpaceFormatException">
    /// The list is refused; <see cref="TrustSpaceFormatException.Error"/> says why (unreadable, unsigned, signature invalid,
    /// untrusted signer), its message says it in French.
    /// </exception>
#if NET8_0_OR_GREATER
    [RequiresUnreferencedCode(WhitelistSignature.TrimmingWarning)]
    [RequiresDynamicCode(WhitelistSignature.TrimmingWarning)]
#endif
    public static TrustSpace LoadWhitelist(Stream xml, IEnumerable<X509Certificate2> anchors)
    {
        if (xml is null)
        {
            throw new ArgumentNullException(nameof(xml));
        }

        if (anchors is null)
        {
            throw new ArgumentNullException(nameof(anchors));
        }

        var trusted = new List<X509Certificate2>();
        foreach (X509Certificate2 anchor in anchors)
        {
            trusted.Add(anchor ?? throw new ArgumentNullException(nameof(anchors), "An anchor certificate is null."));
        }

        byte[] bytes = WhitelistReader.ReadAll(xml);
        WhitelistReader.Result list = WhitelistReader.Read(bytes, complete: true);
        if (list.Signatures == 0)
        {
            throw new TrustSpaceFormatException(TrustSpaceError.Unsigned);
        }

        if (list.GeneratedAt is not DateTimeOffset generatedAt)
        {
            // The chain is judged at the generation date: a signed list without one cannot be judged.
            throw new TrustSpaceFormatException(TrustSpaceError.Unreadable);
        }

        WhitelistSignature.Verify(bytes, list, generatedAt, trusted);
        return new TrustSpace(list.Domains, generatedAt);
    }

    /// <summary>
    /// Reads ANS's liste blanche without checking its signature: the explicit opt-out, for ANS's own unsigned copies (its
    /// GitHub copy is unsigned and ends without its closing root tag). Every complete <c>Domaine</c> before the end of the
    /// text, or before the first XML error, is read (ADDR-1 0.3).
    /// </summary>
    /// <param name="xml">The content of <c>listeblanchemssante.xml</c>; read to its end, not closed.</param>
    /// <returns>The trust space of the listed domains.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="xml"/> is null.</exception>
    /// <exception cref="TrustSpaceFormatException">
    /// <see cref="TrustSpaceError.Unreadable"/>: a DTD, more than <see cref="MaxDocumentBytes"/> bytes, no
    /// <c>ListeBlancheMSSante</c> root in its namespace, or a <c>DateDeGeneration</c> that is not a date. A missing
    /// closing tag is not an error.
    /// </exception>
    public static TrustSpace LoadUnsignedWhitelist(Stream xml)
    {
        if (xml is null)
        {
            throw new ArgumentNullException(nameof(xml));
        }

        WhitelistReader.Result list = WhitelistReader.Read(WhitelistReader.ReadAll(xml), complete: false);
        return new TrustSpace(list.Domains, list.GeneratedAt);
    }

    /// <summary>A private list of domains (tests, closed networks): inside exactly when listed, ASCII case ignored (ADDR-1 0.3).</summary>
    /// <param name="domains">The domains, e.g. <c>ch-nord.mssante.fr</c>; repetitions in another case count once.</param>
    /// <returns>The trust space of those domains; <see cref="OperatorCertificates"/> is empty for each.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="domains"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException">A domain is empty.</exception>
    public static TrustSpace FromDomains(IEnumerable<string> domains)
    {
        if (domains is null)
        {
            throw new ArgumentNullException(nameof(domains));
        }

        var table = new DomainTable();
        foreach (string domain in domains)
        {
            if (domain is null)
            {
                throw new ArgumentNullException(nameof(domains), "A domain is null.");
            }

            if (domain.Length == 0)
            {
                throw new ArgumentException("A domain is empty.", nameof(domains));
            }

            table.Add(domain, certificateDn: null);
        }

        return new TrustSpace(table, null);
    }

    /// <summary>
    /// True when <paramref name="domain"/> is inside: listed, ASCII case ignored (and nothing else ignored: no white
    /// space trimmed); for <see cref="MssanteFr"/>, the suffix rule on a well-formed domain (<see cref="MssDomain.IsTrusted"/>).
    /// Null is outside. The patient rule (ADDR-2) is the address's, not the domain's: see
    /// <see cref="MssAddress.Validate(ReadOnlySpan{char}, AddressStyles, TrustSpace)"/>.
    /// </summary>
    /// <param name="domain">The domain, e.g. <c>interop-mssante.apicrypt.org</c>.</param>
    /// <returns>True when inside.</returns>
    public bool Contains(string domain)
    {
        if (domain is null)
        {
            return false;
        }

        return _domains is null ? MssDomain.IsTrusted(domain.AsSpan()) : _domains.Contains(domain.AsSpan());
    }

    /// <summary>
    /// The DNs of the operator certificates the list gives for a domain (<c>DNCertificatOperateur</c> of each of its
    /// entries, in file order, as written there): what an operator's server certificate must match. Empty when the domain
    /// is not listed, for <see cref="MssanteFr"/> and for <see cref="FromDomains"/>.
    /// </summary>
    /// <param name="domain">The domain, ASCII case ignored.</param>
    /// <returns>The DNs, possibly empty; never null.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="domain"/> is null.</exception>
    public IReadOnlyList<string> OperatorCertificates(string domain)
    {
        if (domain is null)
        {
            throw new ArgumentNullException(nameof(domain));
        }

        return _domains is null ? new ReadOnlyCollection<string>(Array.Empty<string>()) : _domains.CertificatesOf(domain.AsSpan());
    }

    /// <summary>
    /// ADDR-1 0.3 on the verdict of the syntax core for a bare address (UTF-16): with a list, an address the core found
    /// well-formed is inside exactly when its domain is listed, and <c>patient.mssante.fr</c> keeps ADDR-2 (the core's
    /// verdict stands). <paramref name="at"/> is the core's position of '@' when it said None; any other verdict is kept.
    /// </summary>
    internal AddressError Judge(AddressError verdict, ReadOnlySpan<char> address, int at)
    {
        if (_domains is null)
        {
            return verdict;
        }

        if (verdict == AddressError.None)
        {
            ReadOnlySpan<char> domain = address.Slice(at + 1);
            return IsPatientDomain(domain) || _domains.ContainsAscii(domain) ? AddressError.None : AddressError.NotMssante;
        }

        // NotMssante comes after TooLong and Syntax: the address is well-formed ASCII with one '@' (ADDR-3).
        return verdict == AddressError.NotMssante && _domains.ContainsAscii(address.Slice(address.LastIndexOf('@') + 1))
            ? AddressError.None
            : verdict;
    }

    /// <summary><see cref="Judge(AddressError, ReadOnlySpan{char}, int)"/> on UTF-8 text (a valid address is ASCII, ADDR-3).</summary>
#if NET8_0_OR_GREATER
    [System.Runtime.CompilerServices.SkipLocalsInit]
#endif
    internal AddressError Judge(AddressError verdict, ReadOnlySpan<byte> utf8, int at)
    {
        if (_domains is null || (verdict != AddressError.None && verdict != AddressError.NotMssante))
        {
            return verdict;
        }

        ReadOnlySpan<byte> domain = utf8.Slice((verdict == AddressError.None ? at : utf8.LastIndexOf((byte)'@')) + 1);
        Span<char> chars = stackalloc char[domain.Length]; // at most 252: the address is at most 254 ASCII bytes
        for (int i = 0; i < domain.Length; i++)
        {
            chars[i] = (char)domain[i];
        }

        return Judge(verdict, chars, -1);
    }

    /// <summary>The patient domain of ADDR-2, case ignored.</summary>
    internal static bool IsPatientDomain(ReadOnlySpan<char> domain) => AddressSyntax.EqualsLowerAscii(domain, MssAddress.PatientDomain);
}
