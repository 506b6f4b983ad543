using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using MailKit.Security;

// THE SWAP POINT (issue 26). Until Mss.Core.Transport (issue 25) is merged, the scenarios run through this thin
// stand-in: the contract's names and shapes (API.md, "Package Mss.Core.Transport"), written directly on MailKit.
// When Mss.Core.Transport is available, this file goes and `using Mss.Core.Integration.Direct;` becomes
// `using Mss.Core.Transport;` in the scenarios.
namespace Mss.Core.Integration.Direct;

internal enum TrustFailure { None, UntrustedRoot, Expired, NotYetValid, Revoked, RevocationUnknown, HostMismatch, WrongUsage, Malformed }

internal sealed class MssConnectionException(string message, TrustFailure trust, Exception? inner = null) : Exception(message, inner)
{
    public TrustFailure Trust { get; } = trust;
}

internal sealed class IgcSanteTrust(IEnumerable<X509Certificate2> anchors, IEnumerable<X509Certificate2>? intermediates = null)
{
    private readonly X509Certificate2Collection anchors = [.. anchors];
    private readonly X509Certificate2Collection intermediates = [.. intermediates ?? []];

    public X509RevocationMode Revocation { get; init; } = X509RevocationMode.Online;

    public TrustFailure Check(X509Certificate2 certificate, string host)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(anchors);
        chain.ChainPolicy.ExtraStore.AddRange(intermediates);
        chain.ChainPolicy.RevocationMode = Revocation;
        chain.ChainPolicy.ApplicationPolicy.Add(new Oid("1.3.6.1.5.5.7.3.1"));
        if (!chain.Build(certificate))
        {
            X509ChainStatusFlags flags = chain.ChainStatus.Aggregate(X509ChainStatusFlags.NoError, (all, s) => all | s.Status);
            if ((flags & (X509ChainStatusFlags.UntrustedRoot | X509ChainStatusFlags.PartialChain)) != 0)
            {
                return TrustFailure.UntrustedRoot;
            }

            if ((flags & X509ChainStatusFlags.NotTimeValid) != 0)
            {
                return certificate.NotBefore > DateTime.Now ? TrustFailure.NotYetValid : TrustFailure.Expired;
            }

            if ((flags & X509ChainStatusFlags.NotValidForUsage) != 0)
            {
                return TrustFailure.WrongUsage;
            }

            if ((flags & X509ChainStatusFlags.Revoked) != 0)
            {
                return TrustFailure.Revoked;
            }

            return (flags & (X509ChainStatusFlags.RevocationStatusUnknown | X509ChainStatusFlags.OfflineRevocation)) != 0
                ? TrustFailure.RevocationUnknown
                : TrustFailure.Malformed;
        }

        return certificate.MatchesHostname(host) ? TrustFailure.None : TrustFailure.HostMismatch;
    }
}

internal sealed class MssConnection(string host, IgcSanteTrust trust)
{
    private X509Certificate2? clientCertificate;
    private string? user;
    private Func<CancellationToken, Task<string>>? accessToken;

    public int SmtpPort { get; init; } = 587;

    public int ImapPort { get; init; } = 143;

    public MssConnection WithClientCertificate(X509Certificate2 certificate) =>
        new(host, trust) { SmtpPort = SmtpPort, ImapPort = ImapPort, clientCertificate = certificate, user = user, accessToken = accessToken };

    public MssConnection WithAccessToken(string user, Func<CancellationToken, Task<string>> accessToken) =>
        new(host, trust) { SmtpPort = SmtpPort, ImapPort = ImapPort, clientCertificate = clientCertificate, user = user, accessToken = accessToken };

    public Task<SmtpClient> ConnectSmtpAsync(CancellationToken cancellationToken = default) =>
        ConnectAsync(new SmtpClient(), SmtpPort, cancellationToken);

    public Task<ImapClient> ConnectImapAsync(CancellationToken cancellationToken = default) =>
        ConnectAsync(new ImapClient(), ImapPort, cancellationToken);

    private async Task<T> ConnectAsync<T>(T client, int port, CancellationToken cancellationToken)
        where T : MailService
    {
        TrustFailure failure = TrustFailure.None;
        client.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
        client.CheckCertificateRevocation = false; // judged by IgcSanteTrust below
        client.ServerCertificateValidationCallback = (_, certificate, _, _) =>
        {
            if (certificate is null)
            {
                failure = TrustFailure.Malformed;
                return false;
            }

            using X509Certificate2 leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
            failure = trust.Check(leaf, host);
            return failure == TrustFailure.None;
        };
        if (clientCertificate is not null)
        {
            client.ClientCertificates = [clientCertificate];
        }

        try
        {
            await client.ConnectAsync(host, port, SecureSocketOptions.StartTls, cancellationToken).ConfigureAwait(false);
        }
        catch (SslHandshakeException e)
        {
            client.Dispose();
            throw new MssConnectionException("Le serveur n'a pas été reconnu : " + failure, failure, e);
        }

        if (accessToken is null || user is null)
        {
            return client;
        }

        for (int attempt = 1; ; attempt++)
        {
            string token = await accessToken(cancellationToken).ConfigureAwait(false);
            try
            {
                await client.AuthenticateAsync(new SaslMechanismOAuth2(user, token), cancellationToken).ConfigureAwait(false);
                return client;
            }
            catch (MailKit.Security.AuthenticationException e) when (attempt == 2)
            {
                client.Dispose();
                throw new MssConnectionException("Le jeton d'accès a été refusé.", TrustFailure.None, e);
            }
            catch (MailKit.Security.AuthenticationException)
            {
            }
        }
    }
}
