using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using NodaTime;

namespace Mss.Core.Transport;

/// <summary>
/// REF1-2 (ECO.1.1.4–1.1.6, ECO.1.1.10): whether a server certificate is an IGC-Santé server's, judged against the
/// IGC-Santé anchors the caller supplies: chain built to those anchors only (never the system store: IGC-Santé roots
/// are in none), every certificate valid at the instant, the leaf meant for server authentication, naming the host,
/// and not revoked (CRL or OCSP, in the mode <see cref="Revocation"/> says). A name match on the issuer is not a check.
/// </summary>
/// <remarks>
/// <para>The anchors are roots (self-signed certificates): a chain is trusted when it ends at one of them.</para>
/// <para>On net8.0+ the chain uses custom root trust with the anchors (the netstandard2.0 build does too when it runs on
/// .NET 5 or later); on .NET Framework, where custom root trust does not exist, the chain is built with the anchors as
/// extra certificates and accepted only when its root is one of the anchors byte for byte, to the same result. There
/// the revocation check is the Windows chain engine's, which checks revocation below an untrusted root too.</para>
/// <para>The instance is immutable and safe to share between threads; it keeps the certificates it is given and does not
/// dispose them.</para>
/// </remarks>
public sealed class IgcSanteTrust
{
    private const string ServerAuthenticationOid = "1.3.6.1.5.5.7.3.1";
    private readonly X509Certificate2[] anchors;
    private readonly X509Certificate2[] intermediates;
    private readonly X509RevocationMode revocation = X509RevocationMode.Online;

    /// <summary>Trusts chains that end at one of <paramref name="anchors"/> (the IGC-Santé roots the software ships).</summary>
    /// <param name="anchors">The roots: at least one (for example IGC-Santé ELEMENTAIRE, or its TEST range for a test platform).</param>
    /// <param name="intermediates">Intermediates that may complete a chain (the ORGANISATIONS authority); never trusted by themselves.</param>
    /// <exception cref="ArgumentNullException"><paramref name="anchors"/> is null or contains null.</exception>
    /// <exception cref="ArgumentException"><paramref name="anchors"/> is empty.</exception>
    public IgcSanteTrust(IEnumerable<X509Certificate2> anchors, IEnumerable<X509Certificate2>? intermediates = null)
    {
        if (anchors is null)
        {
            throw new ArgumentNullException(nameof(anchors));
        }

        this.anchors = ToArray(anchors, nameof(anchors));
        if (this.anchors.Length == 0)
        {
            throw new ArgumentException("At least one IGC-Santé anchor is required (REF1-2).", nameof(anchors));
        }

        this.intermediates = intermediates is null ? [] : ToArray(intermediates, nameof(intermediates));
    }

    /// <summary>
    /// Reads every <c>CERTIFICATE</c> block of a PEM text (the IGC-Santé chain files ANS publishes): self-signed ones
    /// become anchors, the others intermediates. Other blocks (keys) are refused.
    /// </summary>
    /// <param name="pem">PEM text.</param>
    /// <returns>The trust.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pem"/> is null.</exception>
    /// <exception cref="ArgumentException">A block is not a certificate, a certificate cannot be read, or no certificate is self-signed.</exception>
    public static IgcSanteTrust FromPem(string pem)
    {
        if (pem is null)
        {
            throw new ArgumentNullException(nameof(pem));
        }

        var roots = new List<X509Certificate2>();
        var others = new List<X509Certificate2>();
        foreach (X509Certificate2 certificate in PemCertificates.Read(pem))
        {
            (IsSelfSigned(certificate) ? roots : others).Add(certificate);
        }

        if (roots.Count == 0)
        {
            throw new ArgumentException("The PEM text has no self-signed certificate to trust as an IGC-Santé anchor (REF1-2).", nameof(pem));
        }

        return new IgcSanteTrust(roots, others);
    }

    /// <summary>
    /// How revocation is checked (ECO.1.1.5–1.1.6): <see cref="X509RevocationMode.Online"/> by default (CRL distribution
    /// points and OCSP fetched); <see cref="X509RevocationMode.Offline"/> uses cached CRLs only;
    /// <see cref="X509RevocationMode.NoCheck"/> skips the check and is only ever the caller's explicit choice.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined mode.</exception>
    public X509RevocationMode Revocation
    {
        get => revocation;
        init => revocation = value is X509RevocationMode.Online or X509RevocationMode.Offline or X509RevocationMode.NoCheck
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "Not a revocation mode.");
    }

    /// <summary>Builds the chain as netstandard2.0 does even on net8.0+ (tests compare both ways).</summary>
    internal bool SelfBuiltChain { get; init; }

    /// <summary>Judges <paramref name="certificate"/> for <paramref name="host"/> now (REF1-2).</summary>
    /// <param name="certificate">The server's certificate.</param>
    /// <param name="host">The host name (or IP address) connected to.</param>
    /// <returns><see cref="TrustFailure.None"/> when trusted, else the first failure in the contract's precedence.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="host"/> is empty or white space.</exception>
    public TrustFailure Check(X509Certificate2 certificate, string host) =>
        Check(certificate, host, SystemClock.Instance.GetCurrentInstant().ToDateTimeOffset());

    /// <summary>
    /// Judges <paramref name="certificate"/> for <paramref name="host"/> at <paramref name="at"/> (REF1-2), reporting the
    /// first that applies of Malformed, UntrustedRoot, Expired / NotYetValid, WrongUsage, HostMismatch, Revoked,
    /// RevocationUnknown.
    /// </summary>
    /// <param name="certificate">The server's certificate.</param>
    /// <param name="host">The host name (or IP address) connected to.</param>
    /// <param name="at">The instant the certificates must be valid at.</param>
    /// <returns><see cref="TrustFailure.None"/> when trusted, else the first failure in the contract's precedence.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="host"/> is empty or white space.</exception>
    public TrustFailure Check(X509Certificate2 certificate, string host, DateTimeOffset at) =>
        Check(certificate, host, at, presented: null);

    /// <summary>As the public check, with the certificates the server sent beside its own (path candidates, never trusted).</summary>
    internal TrustFailure Check(X509Certificate2 certificate, string host, DateTimeOffset at, X509Certificate2Collection? presented)
    {
        if (certificate is null)
        {
            throw new ArgumentNullException(nameof(certificate));
        }

        if (host is null)
        {
            throw new ArgumentNullException(nameof(host));
        }

        if (host.Trim().Length == 0)
        {
            throw new ArgumentException("The host is empty.", nameof(host));
        }

        try
        {
            if (!HostName.TryReadClaims(certificate, out HostName.Claims claims))
            {
                return TrustFailure.Malformed;
            }

            DateTime atUtc = at.UtcDateTime;
            TrustFailure failure;
            using (X509Chain chain = NewChain(atUtc, X509RevocationMode.NoCheck, presented))
            {
                _ = chain.Build(certificate);
                failure = ChainJudgement.JudgeStructure(chain, atUtc, EndsAtAnchor(chain), untrustedRootIsExpected: SelfBuiltChain || !CustomRootTrust.Available);
            }

            if (failure != TrustFailure.None)
            {
                return failure;
            }

            if (!ChainJudgement.IsForServerAuthentication(certificate))
            {
                return TrustFailure.WrongUsage;
            }

            if (!HostName.Matches(claims, host))
            {
                return TrustFailure.HostMismatch;
            }

            if (revocation == X509RevocationMode.NoCheck)
            {
                return TrustFailure.None;
            }

            using X509Chain revocationChain = NewChain(atUtc, revocation, presented);
            _ = revocationChain.Build(certificate);
            return ChainJudgement.JudgeRevocation(revocationChain);
        }
        catch (CryptographicException)
        {
            return TrustFailure.Malformed;
        }
    }

    private static X509Certificate2[] ToArray(IEnumerable<X509Certificate2> certificates, string name)
    {
        var list = new List<X509Certificate2>();
        foreach (X509Certificate2 certificate in certificates)
        {
            list.Add(certificate ?? throw new ArgumentNullException(name, "A certificate is null."));
        }

        return list.ToArray();
    }

    private static bool IsSelfSigned(X509Certificate2 certificate) =>
        BytesEqual(certificate.SubjectName.RawData, certificate.IssuerName.RawData);

    private static bool BytesEqual(byte[] a, byte[] b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        for (int i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i])
            {
                return false;
            }
        }

        return true;
    }

    private bool EndsAtAnchor(X509Chain chain)
    {
        int count = chain.ChainElements.Count;
        if (count == 0)
        {
            return false;
        }

        byte[] root = chain.ChainElements[count - 1].Certificate.RawData;
        foreach (X509Certificate2 anchor in anchors)
        {
            if (BytesEqual(anchor.RawData, root))
            {
                return true;
            }
        }

        return false;
    }

    private X509Chain NewChain(DateTime atUtc, X509RevocationMode mode, X509Certificate2Collection? presented)
    {
        var chain = new X509Chain();
        X509ChainPolicy policy = chain.ChainPolicy;
        policy.VerificationTime = atUtc;
        policy.RevocationMode = mode;
        policy.RevocationFlag = X509RevocationFlag.ExcludeRoot;
        _ = policy.ApplicationPolicy.Add(new Oid(ServerAuthenticationOid));
        policy.ExtraStore.AddRange(intermediates);
        if (presented is not null)
        {
            policy.ExtraStore.AddRange(presented);
        }

        if (!SelfBuiltChain && CustomRootTrust.TryUse(policy, anchors))
        {
            return chain;
        }

        // netstandard2.0: no custom root trust. The anchors are offered as extra certificates and an unknown authority is
        // tolerated by the engine; EndsAtAnchor then requires the root to be one of them, byte for byte.
        policy.ExtraStore.AddRange(anchors);
        policy.VerificationFlags = X509VerificationFlags.AllowUnknownCertificateAuthority;
        return chain;
    }
}
