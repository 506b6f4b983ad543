using System.Security.Authentication;
#if NET5_0_OR_GREATER
using System.Net.Security;
#endif

namespace Mss.Core.Transport;

/// <summary>
/// REF1-1 (ECO.1.1.1–1.1.3): the TLS versions and, under TLS 1.2, the cipher suites a client of an MSSanté operator
/// offers, as a table. TLS 1.3 suites are all allowed (ECO.1.1.3 speaks of TLS 1.2 only).
/// </summary>
internal static class TlsPolicy
{
    /// <summary>
    /// TLS 1.2 and TLS 1.3 on net8.0+; on netstandard2.0 (.NET Framework) TLS 1.2 only, because a TLS 1.3 flag the
    /// Windows release below does not know makes SslStream fail there. Never SSL 3, TLS 1.0 or 1.1 (REF1-1).
    /// </summary>
#if NET5_0_OR_GREATER
    internal const SslProtocols Protocols = SslProtocols.Tls12 | SslProtocols.Tls13;
#else
    internal const SslProtocols Protocols = SslProtocols.Tls12;
#endif

#if NET5_0_OR_GREATER
    /// <summary>
    /// The ECDHE-RSA AES-GCM/CBC suites of ECO.1.1.3 (REF1-1), then the TLS 1.3 suites so that TLS 1.3 stays possible.
    /// </summary>
    internal static readonly TlsCipherSuite[] CipherSuites =
    [
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384,
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256,
        TlsCipherSuite.TLS_AES_256_GCM_SHA384,
        TlsCipherSuite.TLS_AES_128_GCM_SHA256,
        TlsCipherSuite.TLS_CHACHA20_POLY1305_SHA256,
    ];

    /// <summary>
    /// The suites as a <see cref="CipherSuitesPolicy"/>, where the platform lets a client choose (Linux and macOS, on
    /// OpenSSL); <see langword="null"/> elsewhere (Windows: SChannel and the system's policy choose).
    /// </summary>
    internal static CipherSuitesPolicy? CipherSuitesPolicy { get; } =
        System.OperatingSystem.IsLinux() || System.OperatingSystem.IsMacOS() || System.OperatingSystem.IsFreeBSD()
            ? new CipherSuitesPolicy(CipherSuites)
            : null;
#endif
}
