namespace Mss.Core.Transport;

/// <summary>
/// Why <see cref="IgcSanteTrust"/> refuses a server certificate (REF1-2, ECO.1.1.4–1.1.6 and ECO.1.1.10), or
/// <see cref="None"/> when it accepts it. <see cref="TransportText.Describe(TrustFailure)"/> says each in French (REF1-4).
/// </summary>
/// <remarks>
/// When several apply, <see cref="IgcSanteTrust.Check(System.Security.Cryptography.X509Certificates.X509Certificate2, string, System.DateTimeOffset)"/>
/// reports the first in this order: <see cref="Malformed"/>, <see cref="UntrustedRoot"/>, <see cref="Expired"/> /
/// <see cref="NotYetValid"/>, <see cref="WrongUsage"/>, <see cref="HostMismatch"/>, <see cref="Revoked"/>,
/// <see cref="RevocationUnknown"/>. <c>default</c> is <see cref="None"/>.
/// </remarks>
public enum TrustFailure
{
    /// <summary>Trusted: chained to a supplied IGC-Santé anchor, valid at the instant, for server authentication, naming the host, not revoked.</summary>
    None = 0,

    /// <summary>The certificate does not chain to one of the anchors the caller supplied (a name match on the issuer is not a check).</summary>
    UntrustedRoot,

    /// <summary>The certificate, or a certificate of its chain, has expired at the instant checked.</summary>
    Expired,

    /// <summary>The certificate, or a certificate of its chain, is not valid yet at the instant checked.</summary>
    NotYetValid,

    /// <summary>The certificate, or a certificate of its chain, is revoked (CRL or OCSP).</summary>
    Revoked,

    /// <summary>Revocation could not be established (CRL or OCSP responder unreachable or unusable) in the caller's mode.</summary>
    RevocationUnknown,

    /// <summary>The certificate does not name the host connected to (subjectAltName dNSName or iPAddress, else the CN).</summary>
    HostMismatch,

    /// <summary>The certificate is not meant for server authentication (extended key usage, key usage).</summary>
    WrongUsage,

    /// <summary>The certificate, or one of its extensions, cannot be read; or the server presented none.</summary>
    Malformed,
}
