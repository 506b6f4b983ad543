using System;
using System.Security.Cryptography.X509Certificates;

namespace Mss.Core.Transport;

/// <summary>
/// REF1-2: what a built <see cref="X509Chain"/> says, as a <see cref="TrustFailure"/>, in the precedence of the contract
/// (Malformed → UntrustedRoot → Expired / NotYetValid → WrongUsage; HostMismatch is judged by <see cref="HostName"/>
/// between these and revocation; then Revoked → RevocationUnknown). A status this table does not know refuses
/// (UntrustedRoot): a chain is trusted only when every status is understood.
/// </summary>
internal static class ChainJudgement
{
    /// <summary>An extension the chain engine cannot read.</summary>
    internal const X509ChainStatusFlags MalformedFlags =
        X509ChainStatusFlags.InvalidExtension | X509ChainStatusFlags.HasNotSupportedCriticalExtension;

    /// <summary>Statuses judged by <see cref="JudgeRevocation"/> (the revocation pass) and ignored by <see cref="JudgeStructure"/>.</summary>
    internal const X509ChainStatusFlags RevocationFlags =
        X509ChainStatusFlags.Revoked | X509ChainStatusFlags.RevocationStatusUnknown | X509ChainStatusFlags.OfflineRevocation;

    /// <summary>Certificate trust lists are a Windows notion the chain here never uses.</summary>
    private const X509ChainStatusFlags IgnoredFlags =
        X509ChainStatusFlags.NotTimeNested | X509ChainStatusFlags.CtlNotTimeValid
        | X509ChainStatusFlags.CtlNotSignatureValid | X509ChainStatusFlags.CtlNotValidForUsage;

    /// <summary>
    /// The structure of the chain at <paramref name="atUtc"/>: readable, ending at an anchor, every certificate valid at the
    /// instant, for server authentication. <paramref name="rootIsAnchor"/> says whether the last element is one of the
    /// caller's anchors (byte for byte); <paramref name="untrustedRootIsExpected"/> is true on the self-built chain of
    /// netstandard2.0, where the engine reports an anchor it does not know as UntrustedRoot.
    /// </summary>
    internal static TrustFailure JudgeStructure(X509Chain chain, DateTime atUtc, bool rootIsAnchor, bool untrustedRootIsExpected)
    {
        X509ChainStatusFlags flags = X509ChainStatusFlags.NoError;
        foreach (X509ChainElement element in chain.ChainElements)
        {
            foreach (X509ChainStatus status in element.ChainElementStatus)
            {
                flags |= status.Status;
            }
        }

        foreach (X509ChainStatus status in chain.ChainStatus)
        {
            flags |= status.Status;
        }

        flags &= ~(RevocationFlags | IgnoredFlags);
        if (untrustedRootIsExpected && rootIsAnchor)
        {
            flags &= ~X509ChainStatusFlags.UntrustedRoot;
        }

        if ((flags & MalformedFlags) != 0)
        {
            return TrustFailure.Malformed;
        }

        if (!rootIsAnchor)
        {
            return TrustFailure.UntrustedRoot;
        }

        X509ChainStatusFlags rest = flags & ~(X509ChainStatusFlags.NotTimeValid | X509ChainStatusFlags.NotValidForUsage);
        if (rest != X509ChainStatusFlags.NoError)
        {
            return TrustFailure.UntrustedRoot; // partial chain, bad signature, not a CA, name constraints, distrust…
        }

        // Validity at the instant, leaf first: the dates themselves decide Expired or NotYetValid.
        foreach (X509ChainElement element in chain.ChainElements)
        {
            X509Certificate2 certificate = element.Certificate;
            if (atUtc > certificate.NotAfter.ToUniversalTime())
            {
                return TrustFailure.Expired;
            }

            if (atUtc < certificate.NotBefore.ToUniversalTime())
            {
                return TrustFailure.NotYetValid;
            }
        }

        if ((flags & X509ChainStatusFlags.NotTimeValid) != 0)
        {
            return TrustFailure.Expired; // the engine saw a time fault the dates above did not show: refuse all the same
        }

        return (flags & X509ChainStatusFlags.NotValidForUsage) != 0 ? TrustFailure.WrongUsage : TrustFailure.None;
    }

    /// <summary>The revocation pass (ECO.1.1.5–1.1.6): Revoked before RevocationUnknown.</summary>
    internal static TrustFailure JudgeRevocation(X509Chain chain)
    {
        X509ChainStatusFlags flags = X509ChainStatusFlags.NoError;
        foreach (X509ChainElement element in chain.ChainElements)
        {
            foreach (X509ChainStatus status in element.ChainElementStatus)
            {
                flags |= status.Status;
            }
        }

        foreach (X509ChainStatus status in chain.ChainStatus)
        {
            flags |= status.Status;
        }

        if ((flags & X509ChainStatusFlags.Revoked) != 0)
        {
            return TrustFailure.Revoked;
        }

        return (flags & (X509ChainStatusFlags.RevocationStatusUnknown | X509ChainStatusFlags.OfflineRevocation)) != 0
            ? TrustFailure.RevocationUnknown
            : TrustFailure.None;
    }

    /// <summary>
    /// The leaf is meant for server authentication: an extended key usage naming id-kp-serverAuth (1.3.6.1.5.5.7.3.1)
    /// is required (an IGC-Santé server certificate carries one); a key usage, when present, allows digitalSignature
    /// or keyEncipherment.
    /// </summary>
    internal static bool IsForServerAuthentication(X509Certificate2 leaf)
    {
        bool serverAuth = false;
        foreach (X509Extension extension in leaf.Extensions)
        {
            if (extension is X509EnhancedKeyUsageExtension eku)
            {
                foreach (System.Security.Cryptography.Oid oid in eku.EnhancedKeyUsages)
                {
                    serverAuth |= oid.Value == "1.3.6.1.5.5.7.3.1";
                }
            }
            else if (extension is X509KeyUsageExtension ku
                && (ku.KeyUsages & (X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment)) == 0)
            {
                return false;
            }
        }

        return serverAuth;
    }
}
