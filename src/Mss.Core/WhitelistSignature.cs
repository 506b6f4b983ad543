using System;
using System.Collections.Generic;
#if NET8_0_OR_GREATER
using System.Diagnostics.CodeAnalysis;
#endif
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;

namespace Mss.Core;

/// <summary>
/// Verifies the enveloped XML signature of ANS's liste blanche and chains its signer to the caller's anchors (ADDR-1 0.3).
/// Canonicalisation and the RSA check are .NET's own (<see cref="SignedXml"/>); this class only decides which signature
/// shape is acceptable and which chain is trusted.
/// </summary>
/// <remarks>
/// Against signature wrapping: the document must hold exactly one <c>ds:Signature</c>, a child of the root, whose single
/// reference is <c>URI=""</c> (the whole document, less that signature, by the enveloped transform). The domains come
/// from the same bytes, read by <see cref="WhitelistReader"/> from that root: what is read is what is signed.
/// </remarks>
internal static class WhitelistSignature
{
    /// <summary>Why <see cref="TrustSpace.LoadWhitelist"/> is not trimming- nor AOT-safe: .NET's SignedXml is not.</summary>
    internal const string TrimmingWarning =
        "The list's XML signature is checked by System.Security.Cryptography.Xml.SignedXml, which finds its algorithms by name at run time (not trimming- nor AOT-safe).";

    /// <summary>Throws <see cref="TrustSpaceFormatException"/> unless the list's signature holds and its signer is trusted.</summary>
#if NET8_0_OR_GREATER
    [RequiresUnreferencedCode(TrimmingWarning)]
    [RequiresDynamicCode(TrimmingWarning)]
#endif
    internal static void Verify(byte[] bytes, WhitelistReader.Result list, DateTimeOffset generatedAt, IReadOnlyCollection<X509Certificate2> anchors)
    {
        if (list.Signatures != 1 || !list.SignatureIsRootChild)
        {
            throw new TrustSpaceFormatException(TrustSpaceError.SignatureInvalid);
        }

        X509Certificate2 signer;
        var helpers = new X509Certificate2Collection();
        try
        {
            var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
            using (XmlReader reader = WhitelistReader.Reader(bytes))
            {
                document.Load(reader);
            }

            XmlElement element = SignatureOf(document.DocumentElement!);
            var signed = new SignedXml(document);
            signed.LoadXml(element);
            signer = Signer(signed, helpers);
            if (!IsExpectedShape(signed) || !signed.CheckSignature(signer, verifySignatureOnly: true))
            {
                throw new TrustSpaceFormatException(TrustSpaceError.SignatureInvalid);
            }
        }
        catch (XmlException e)
        {
            // Read once already by WhitelistReader: only a changed reader setting could get here.
            throw new TrustSpaceFormatException(TrustSpaceError.Unreadable, e);
        }
        catch (CryptographicException e)
        {
            throw new TrustSpaceFormatException(TrustSpaceError.SignatureInvalid, e);
        }

        var fromKeyInfo = new X509Certificate2Collection(helpers);
        try
        {
            foreach (X509Certificate2 anchor in anchors)
            {
                helpers.Add(anchor);
            }

            if (!ChainsToAnchors(signer, helpers, anchors, generatedAt))
            {
                throw new TrustSpaceFormatException(TrustSpaceError.UntrustedSigner);
            }
        }
        finally
        {
            // The certificates read from the KeyInfo are ours to release; the anchors are the caller's.
            signer.Dispose();
            foreach (X509Certificate2 certificate in fromKeyInfo)
            {
                certificate.Dispose();
            }
        }
    }

    /// <summary>The one <c>ds:Signature</c> child of the root (the reader has counted one in the whole document).</summary>
    private static XmlElement SignatureOf(XmlElement root)
    {
        foreach (XmlNode node in root.ChildNodes)
        {
            if (node is XmlElement { LocalName: "Signature", NamespaceURI: WhitelistReader.DsigNamespace } signature)
            {
                return signature;
            }
        }

        throw new TrustSpaceFormatException(TrustSpaceError.SignatureInvalid);
    }

    /// <summary>
    /// Exclusive C14N, RSA-SHA256, one reference to the whole document (<c>URI=""</c>) digested with SHA-256 after the
    /// enveloped-signature transform and nothing but exclusive C14N besides.
    /// </summary>
    internal static bool IsExpectedShape(SignedXml signed)
    {
        SignedInfo info = signed.SignedInfo!;
        if (info.CanonicalizationMethod != SignedXml.XmlDsigExcC14NTransformUrl
            || info.SignatureMethod != SignedXml.XmlDsigRSASHA256Url
            || info.References.Count != 1
            || info.References[0] is not Reference reference
            || reference.Uri != string.Empty
            || reference.DigestMethod != SignedXml.XmlDsigSHA256Url)
        {
            return false;
        }

        bool enveloped = false;
        foreach (Transform transform in reference.TransformChain)
        {
            if (transform.Algorithm == SignedXml.XmlDsigEnvelopedSignatureTransformUrl)
            {
                enveloped = true;
            }
            else if (transform.Algorithm != SignedXml.XmlDsigExcC14NTransformUrl)
            {
                return false;
            }
        }

        return enveloped;
    }

    /// <summary>The first certificate of the KeyInfo is the signer; the others go to <paramref name="helpers"/>.</summary>
    private static X509Certificate2 Signer(SignedXml signed, X509Certificate2Collection helpers)
    {
        X509Certificate2? signer = null;
        foreach (KeyInfoClause clause in signed.KeyInfo)
        {
            if (clause is not KeyInfoX509Data data || data.Certificates is null)
            {
                continue;
            }

            foreach (X509Certificate certificate in data.Certificates)
            {
                var full = certificate as X509Certificate2 ?? new X509Certificate2(certificate);
                if (signer is null)
                {
                    signer = full;
                }
                else
                {
                    helpers.Add(full);
                }
            }
        }

        return signer ?? throw new TrustSpaceFormatException(TrustSpaceError.SignatureInvalid);
    }

    /// <summary>
    /// True when <paramref name="signer"/> chains to one of <paramref name="anchors"/> at <paramref name="at"/>, with no
    /// revocation check and no download (ADDR-1 0.3: the list is judged offline at its DateDeGeneration).
    /// </summary>
    private static bool ChainsToAnchors(X509Certificate2 signer, X509Certificate2Collection helpers, IReadOnlyCollection<X509Certificate2> anchors, DateTimeOffset at)
    {
#if NET5_0_OR_GREATER
        return ChainsToCustomRoots(signer, helpers, anchors, at);
#else
        return ChainsToAnchorsPortable(signer, helpers, anchors, at);
#endif
    }

#if NET5_0_OR_GREATER
    /// <summary>The .NET 5+ way: the anchors are the only roots (<see cref="X509ChainTrustMode.CustomRootTrust"/>).</summary>
    internal static bool ChainsToCustomRoots(X509Certificate2 signer, X509Certificate2Collection helpers, IReadOnlyCollection<X509Certificate2> anchors, DateTimeOffset at)
    {
        using var chain = new X509Chain();
        X509ChainPolicy policy = chain.ChainPolicy;
        policy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        foreach (X509Certificate2 anchor in anchors)
        {
            policy.CustomTrustStore.Add(anchor);
        }

        policy.ExtraStore.AddRange(helpers);
        policy.RevocationMode = X509RevocationMode.NoCheck;
        policy.DisableCertificateDownloads = true;
        policy.VerificationTime = at.UtcDateTime;
        return chain.Build(signer);
    }
#endif

    /// <summary>
    /// The netstandard2.0 way, with what its API has: build the chain letting an unknown root through, then require that
    /// the root reached is one of the anchors (same bytes) and that no element has any other fault than that unknown root.
    /// Compiled everywhere so that the tests run it too.
    /// </summary>
    internal static bool ChainsToAnchorsPortable(X509Certificate2 signer, X509Certificate2Collection helpers, IReadOnlyCollection<X509Certificate2> anchors, DateTimeOffset at)
    {
        using var chain = new X509Chain();
        X509ChainPolicy policy = chain.ChainPolicy;
        policy.ExtraStore.AddRange(helpers);
        policy.RevocationMode = X509RevocationMode.NoCheck;
        policy.VerificationFlags = X509VerificationFlags.AllowUnknownCertificateAuthority;
        policy.UrlRetrievalTimeout = TimeSpan.FromMilliseconds(1);
        policy.VerificationTime = at.UtcDateTime;
        chain.Build(signer);
        if (chain.ChainElements.Count == 0)
        {
            return false;
        }

        X509Certificate2 root = chain.ChainElements[chain.ChainElements.Count - 1].Certificate;
        if (!IsAnchor(root, anchors) || HasFault(chain.ChainStatus))
        {
            return false;
        }

        foreach (X509ChainElement element in chain.ChainElements)
        {
            if (HasFault(element.ChainElementStatus))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAnchor(X509Certificate2 root, IReadOnlyCollection<X509Certificate2> anchors)
    {
        byte[] raw = root.RawData;
        foreach (X509Certificate2 anchor in anchors)
        {
            if (((ReadOnlySpan<byte>)anchor.RawData).SequenceEqual(raw))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasFault(X509ChainStatus[] statuses)
    {
        foreach (X509ChainStatus status in statuses)
        {
            if (status.Status is not (X509ChainStatusFlags.NoError or X509ChainStatusFlags.UntrustedRoot))
            {
                return true;
            }
        }

        return false;
    }
}
