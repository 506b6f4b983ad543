using System;
using System.IO;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using MailKit.Security;
using NodaTime;

namespace Mss.Core.Transport;

/// <summary>
/// A connection to an MSSanté operator as the Référentiel socle demands (REF1): SMTP submission and IMAP with STARTTLS
/// and never a plain-text fallback, TLS 1.2 at least (REF1-1), the server judged by <see cref="IgcSanteTrust"/> inside
/// the TLS handshake before anything is sent (REF1-2), then who connects (REF1-3): a client certificate for mutual TLS
/// (application box ORG_AUTH_CLI, CPS card) and/or a Pro Santé Connect access token as SASL XOAUTH2, asked for afresh
/// and retried once when the server refuses it.
/// </summary>
/// <remarks>
/// <para>Immutable: <see cref="WithClientCertificate"/> and <see cref="WithAccessToken"/> return a new instance. Each
/// connect call opens its own client, which the caller disposes.</para>
/// <para>Cipher suites (ECO.1.1.3): on net8.0+ on Linux and macOS the client offers only the ECDHE-RSA AES-GCM/CBC
/// suites under TLS 1.2 (and the TLS 1.3 suites); on Windows and .NET Framework the platform does not let a client
/// choose its suites (SChannel follows the system's policy), so the suites there are the system's.</para>
/// <para>With a client certificate and no token, the TLS client certificate is the authentication and no SASL exchange
/// takes place.</para>
/// </remarks>
public sealed class MssConnection
{
    private readonly string host;
    private readonly IgcSanteTrust trust;
    private readonly int smtpPort = 587;
    private readonly int imapPort = 143;
    private X509Certificate2? clientCertificate;
    private string? user;
    private Func<CancellationToken, Task<string>>? accessToken;

    /// <summary>A connection to <paramref name="host"/>, whose certificate <paramref name="trust"/> judges.</summary>
    /// <param name="host">The operator's server name (as its certificate names it).</param>
    /// <param name="trust">The IGC-Santé anchors and revocation mode.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="host"/> is empty or white space.</exception>
    public MssConnection(string host, IgcSanteTrust trust)
    {
        if (host is null)
        {
            throw new ArgumentNullException(nameof(host));
        }

        if (host.Trim().Length == 0)
        {
            throw new ArgumentException("The host is empty.", nameof(host));
        }

        this.host = host.Trim();
        this.trust = trust ?? throw new ArgumentNullException(nameof(trust));
    }

    /// <summary>The SMTP submission port, 587 by default; the connection starts in clear and requires STARTTLS.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a TCP port (1–65535).</exception>
    public int SmtpPort
    {
        get => smtpPort;
        init => smtpPort = ValidPort(value);
    }

    /// <summary>The IMAP port, 143 by default; the connection starts in clear and requires STARTTLS.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a TCP port (1–65535).</exception>
    public int ImapPort
    {
        get => imapPort;
        init => imapPort = ValidPort(value);
    }

    /// <summary>The clock the server certificate is judged by (tests set it).</summary>
    internal IClock Clock { get; init; } = SystemClock.Instance;

    /// <summary>
    /// The same connection presenting <paramref name="certificate"/> for mutual TLS (REF1-3): an application box's
    /// IGC-Santé organisation certificate (ORG_AUTH_CLI) or a CPS card's authentication certificate.
    /// </summary>
    /// <param name="certificate">A certificate with its private key (the key may live in a card or a store).</param>
    /// <returns>A new connection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="certificate"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="certificate"/> has no private key.</exception>
    public MssConnection WithClientCertificate(X509Certificate2 certificate)
    {
        if (certificate is null)
        {
            throw new ArgumentNullException(nameof(certificate));
        }

        if (!certificate.HasPrivateKey)
        {
            throw new ArgumentException("A client certificate for mutual TLS needs its private key (REF1-3).", nameof(certificate));
        }

        MssConnection copy = Copy();
        copy.clientCertificate = certificate;
        return copy;
    }

    /// <summary>
    /// The same connection authenticating <paramref name="user"/> with a Pro Santé Connect access token as SASL XOAUTH2
    /// (REF1-3). The delegate is called for each attempt (tokens live minutes): once, and once more when the server
    /// refuses the first token; never before the server certificate passed <see cref="IgcSanteTrust"/>.
    /// </summary>
    /// <param name="user">The mailbox address (the SASL user).</param>
    /// <param name="accessToken">Gives a current access token; it is never logged nor put in a message.</param>
    /// <returns>A new connection.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="user"/> is empty.</exception>
    public MssConnection WithAccessToken(string user, Func<CancellationToken, Task<string>> accessToken)
    {
        if (user is null)
        {
            throw new ArgumentNullException(nameof(user));
        }

        if (user.Trim().Length == 0)
        {
            throw new ArgumentException("The user is empty.", nameof(user));
        }

        MssConnection copy = Copy();
        copy.user = user;
        copy.accessToken = accessToken ?? throw new ArgumentNullException(nameof(accessToken));
        return copy;
    }

    /// <summary>An SMTP submission client, connected with STARTTLS, the server checked (REF1-1, REF1-2) and authenticated (REF1-3).</summary>
    /// <param name="cancellationToken">Cancels the connection.</param>
    /// <returns>The client; the caller disposes it.</returns>
    /// <exception cref="MssConnectionException">The server, TLS, the network or authentication failed; <see cref="MssConnectionException.Trust"/> says when the server certificate was the cause.</exception>
    /// <exception cref="InvalidOperationException">Neither a client certificate nor an access token was given.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<SmtpClient> ConnectSmtpAsync(CancellationToken cancellationToken = default) =>
        ConnectAsync(new SmtpClient(), smtpPort, cancellationToken);

    /// <summary>An IMAP client, connected with STARTTLS, the server checked (REF1-1, REF1-2) and authenticated (REF1-3).</summary>
    /// <param name="cancellationToken">Cancels the connection.</param>
    /// <returns>The client; the caller disposes it.</returns>
    /// <exception cref="MssConnectionException">The server, TLS, the network or authentication failed; <see cref="MssConnectionException.Trust"/> says when the server certificate was the cause.</exception>
    /// <exception cref="InvalidOperationException">Neither a client certificate nor an access token was given.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<ImapClient> ConnectImapAsync(CancellationToken cancellationToken = default) =>
        ConnectAsync(new ImapClient(), imapPort, cancellationToken);

    private static int ValidPort(int value) =>
        value is >= 1 and <= 65535 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Not a TCP port.");

    private MssConnection Copy() => new(host, trust)
    {
        SmtpPort = smtpPort,
        ImapPort = imapPort,
        Clock = Clock,
        clientCertificate = clientCertificate,
        user = user,
        accessToken = accessToken,
    };

    private async Task<T> ConnectAsync<T>(T client, int port, CancellationToken cancellationToken)
        where T : MailService
    {
        if (clientCertificate is null && accessToken is null)
        {
            client.Dispose();
            throw new InvalidOperationException("Say who connects (REF1-3): WithClientCertificate, WithAccessToken or both.");
        }

        var judge = new ServerJudge(trust, host, Clock);
        try
        {
            client.SslProtocols = TlsPolicy.Protocols;
#if NET5_0_OR_GREATER
            client.SslCipherSuitesPolicy = TlsPolicy.CipherSuitesPolicy;
#endif
            // IgcSanteTrust checks revocation in the caller's mode; the platform's own check against its stores would
            // only add a second, different verdict.
            client.CheckCertificateRevocation = false;
            client.ServerCertificateValidationCallback = judge.Validate;
            if (clientCertificate is not null)
            {
                client.ClientCertificates = [clientCertificate];
            }

            await ConnectTlsAsync(client, port, judge, cancellationToken).ConfigureAwait(false);
            if (accessToken is not null)
            {
                await AuthenticateAsync(client, judge, cancellationToken).ConfigureAwait(false);
            }

            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private async Task ConnectTlsAsync(MailService client, int port, ServerJudge judge, CancellationToken cancellationToken)
    {
        try
        {
            // StartTls, never StartTlsWhenAvailable: a server without STARTTLS is refused after its greeting and
            // capabilities, before anything else is sent (REF1-1).
            await client.ConnectAsync(host, port, SecureSocketOptions.StartTls, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception e) when (judge.Failure != TrustFailure.None)
        {
            throw new MssConnectionException(judge.Failure, e);
        }
        catch (NotSupportedException e)
        {
            throw new MssConnectionException(TransportText.StartTlsMissing, e);
        }
        catch (Exception e) when (e is SslHandshakeException or System.Security.Authentication.AuthenticationException)
        {
            throw new MssConnectionException(TransportText.TlsFailed, e);
        }
        catch (Exception e) when (e is SocketException or IOException or TimeoutException)
        {
            throw new MssConnectionException(judge.Judged ? TransportText.ProtocolError : TransportText.Unreachable, e);
        }
        catch (Exception e) when (e is ProtocolException or CommandException)
        {
            throw new MssConnectionException(TransportText.ProtocolError, e);
        }

        if (!client.IsSecure || !judge.Judged || judge.Failure != TrustFailure.None)
        {
            throw new MssConnectionException(TransportText.StartTlsMissing);
        }
    }

    private async Task AuthenticateAsync(MailService client, ServerJudge judge, CancellationToken cancellationToken)
    {
        if (!client.AuthenticationMechanisms.Contains("XOAUTH2"))
        {
            throw new MssConnectionException(TransportText.AuthenticationNotOffered); // before any token is asked for
        }

        for (int attempt = 1; ; attempt++)
        {
            string token;
            try
            {
                token = await accessToken!(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (Exception e)
            {
                throw new MssConnectionException(TransportText.TokenUnavailable, e);
            }

            if (string.IsNullOrEmpty(token))
            {
                throw new MssConnectionException(TransportText.TokenUnavailable);
            }

            // The token leaves only on a TLS connection whose server passed IgcSanteTrust (REF1-3).
            if (!client.IsSecure || !judge.Judged || judge.Failure != TrustFailure.None)
            {
                throw new MssConnectionException(TransportText.StartTlsMissing);
            }

            try
            {
                await client.AuthenticateAsync(new SaslMechanismOAuth2(user!, token), cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (AuthenticationException) when (attempt == 1)
            {
                // A refused token is most often an expired one: ask for a fresh one and try once more.
            }
            catch (AuthenticationException e)
            {
                throw new MssConnectionException(TransportText.AuthenticationRefused, e);
            }
            catch (NotSupportedException e)
            {
                throw new MssConnectionException(TransportText.AuthenticationNotOffered, e);
            }
            catch (Exception e) when (e is ProtocolException or CommandException or IOException)
            {
                throw new MssConnectionException(TransportText.ProtocolError, e);
            }
        }
    }

    /// <summary>Judges the server certificate inside the TLS handshake and remembers the verdict.</summary>
    private sealed class ServerJudge
    {
        private readonly IgcSanteTrust trust;
        private readonly string host;
        private readonly IClock clock;

        internal ServerJudge(IgcSanteTrust trust, string host, IClock clock)
        {
            this.trust = trust;
            this.host = host;
            this.clock = clock;
        }

        internal bool Judged { get; private set; }

        internal TrustFailure Failure { get; private set; }

        internal bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
        {
            // The platform's verdict (errors) is set aside: it knows the system store, not IGC-Santé (REF1-2).
            Judged = true;
            if (certificate is null)
            {
                Failure = TrustFailure.Malformed;
                return false;
            }

            X509Certificate2 leaf = certificate as X509Certificate2 ?? new X509Certificate2(certificate);
            X509Certificate2Collection? presented = chain?.ChainPolicy.ExtraStore;
            Failure = trust.Check(leaf, host, clock.GetCurrentInstant().ToDateTimeOffset(), presented);
            return Failure == TrustFailure.None;
        }
    }
}
