using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using MailKit.Net.Imap;
using MailKit.Net.Smtp;

namespace Mss.Core.Transport.Tests;

/// <summary>REF1-1…REF1-4 against loopback SMTP and IMAP servers with real TLS handshakes and the test PKI.</summary>
public class MssConnectionTest
{
    private const string User = "dr.martin@medecin.mssante.fr";
    private static readonly TestPki Pki = TestPki.Shared;

    private static readonly TlsCipherSuite[] Eco113 =
    [
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384,
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256,
    ];

    public static TheoryData<bool> BothProtocols => new() { false, true };

    public static TheoryData<string, TrustFailure> RefusedServers => new()
    {
        { nameof(TestPki.Foreign), TrustFailure.UntrustedRoot },
        { nameof(TestPki.Expired), TrustFailure.Expired },
        { nameof(TestPki.NotYetValid), TrustFailure.NotYetValid },
        { nameof(TestPki.WrongUsage), TrustFailure.WrongUsage },
        { nameof(TestPki.WrongHost), TrustFailure.HostMismatch },
        { nameof(TestPki.Revoked), TrustFailure.Revoked },
        { nameof(TestPki.RevocationUnreachable), TrustFailure.RevocationUnknown },
    };

    [Theory]
    [MemberData(nameof(BothProtocols))]
    public async Task Connect_TrustedServer_TokenSentUnderTlsOnly(bool imap)
    {
        using var server = new FakeMailServer(imap, Pki.Server);
        var tokens = new TokenSource();
        using (await ConnectAsync(Connection(server).WithAccessToken(User, tokens.NextAsync), imap))
        {
        }

        Assert.Equal(1, tokens.Calls);
        Assert.Equal(["token-1"], server.Tokens);
        Assert.Equal([User], server.Users);
        Assert.DoesNotContain(server.ClearLines, l => l.Contains("AUTH", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(server.ClearLines, l => l.Contains("STARTTLS", StringComparison.Ordinal));
        Assert.Contains(server.TlsLines, l => l.Contains("XOAUTH2", StringComparison.Ordinal));
        Assert.True(server.NegotiatedProtocol is SslProtocols.Tls12 or SslProtocols.Tls13, $"protocol {server.NegotiatedProtocol}");
    }

    [Theory]
    [MemberData(nameof(BothProtocols))]
    public async Task Connect_ReturnsAConnectedAuthenticatedClient(bool imap)
    {
        using var server = new FakeMailServer(imap, Pki.Server);
        var tokens = new TokenSource();
        MssConnection connection = Connection(server).WithAccessToken(User, tokens.NextAsync);
        if (imap)
        {
            using ImapClient client = await connection.ConnectImapAsync();
            Assert.True(client.IsConnected && client.IsSecure && client.IsAuthenticated);
        }
        else
        {
            using SmtpClient client = await connection.ConnectSmtpAsync();
            Assert.True(client.IsConnected && client.IsSecure && client.IsAuthenticated);
        }
    }

    [Theory]
    [MemberData(nameof(BothProtocols))]
    public async Task Connect_ServerOnTls12_AnEco113Suite(bool imap)
    {
        using var server = new FakeMailServer(imap, Pki.Server) { Protocols = SslProtocols.Tls12 };
        using (await ConnectAsync(Connection(server).WithAccessToken(User, new TokenSource().NextAsync), imap))
        {
        }

        Assert.Equal(SslProtocols.Tls12, server.NegotiatedProtocol);
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            Assert.Contains(server.NegotiatedSuite!.Value, Eco113);
        }
    }

    [Theory]
    [InlineData(TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384)]
    [InlineData(TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256)]
    [InlineData(TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384)]
    [InlineData(TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256)]
    public async Task Connect_ServerOfferingOneEco113SuiteOnTls12_ThatSuite(TlsCipherSuite suite)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return; // a server suite policy needs OpenSSL
        }

        using var server = new FakeMailServer(imap: false, Pki.Server)
        {
            Protocols = SslProtocols.Tls12,
            CipherSuites = new CipherSuitesPolicy([suite]),
        };
        using (await ConnectAsync(Connection(server).WithAccessToken(User, new TokenSource().NextAsync), imap: false))
        {
        }

        Assert.Equal(suite, server.NegotiatedSuite);
    }

    [Theory]
    [MemberData(nameof(BothProtocols))]
    public async Task Connect_ClientHello_OffersOnlyEco113AndTls13Suites(bool imap)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return; // elsewhere the system's policy chooses the suites (REF1-1: "where the platform lets the client choose")
        }

        using var server = new FakeMailServer(imap, Pki.Server) { CaptureClientHelloOnly = true };
        await Assert.ThrowsAsync<MssConnectionException>(() => ConnectAsync(Connection(server).WithAccessToken(User, new TokenSource().NextAsync), imap));
        await server.Done.Task.WaitAsync(TimeSpan.FromSeconds(10));
        TlsCipherSuite[] tls13 = [TlsCipherSuite.TLS_AES_256_GCM_SHA384, TlsCipherSuite.TLS_AES_128_GCM_SHA256, TlsCipherSuite.TLS_CHACHA20_POLY1305_SHA256];
        // 0x00FF is the renegotiation-info signalling value (RFC 5746), not a suite.
        TlsCipherSuite[] offered = server.OfferedSuites.Where(s => s != 0x00FF).Select(s => (TlsCipherSuite)s).ToArray();
        Assert.NotEmpty(offered);
        Assert.All(offered, s => Assert.Contains(s, Eco113.Concat(tls13)));
        Assert.Equal(Eco113.Length, Eco113.Intersect(offered).Count());
    }

    [Theory]
    [InlineData(TlsCipherSuite.TLS_RSA_WITH_AES_256_GCM_SHA384)]
    [InlineData(TlsCipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256)]
    [InlineData(TlsCipherSuite.TLS_DHE_RSA_WITH_AES_256_GCM_SHA384)]
    public async Task Connect_ServerOfferingOnlyASuiteOutsideEco113OnTls12_RefusedBeforeAnyToken(TlsCipherSuite suite)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return; // the client chooses its suites on OpenSSL only (Windows: the system's policy)
        }

        using var server = new FakeMailServer(imap: false, Pki.Server)
        {
            Protocols = SslProtocols.Tls12,
            CipherSuites = new CipherSuitesPolicy([suite]),
        };
        var tokens = new TokenSource();
        var e = await Assert.ThrowsAsync<MssConnectionException>(() => ConnectAsync(Connection(server).WithAccessToken(User, tokens.NextAsync), imap: false));
        Assert.Equal(TrustFailure.None, e.Trust);
        Assert.Equal(TransportText.TlsFailed, e.Message);
        Assert.Equal(0, tokens.Calls);
        Assert.Empty(server.Tokens);
    }

    [Theory]
    [MemberData(nameof(BothProtocols))]
    public async Task Connect_ServerWithoutStartTls_RefusedNothingSentInClear(bool imap)
    {
        using var server = new FakeMailServer(imap, Pki.Server) { OfferStartTls = false };
        var tokens = new TokenSource();
        var e = await Assert.ThrowsAsync<MssConnectionException>(() => ConnectAsync(Connection(server).WithAccessToken(User, tokens.NextAsync), imap));
        await server.Done.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(TransportText.StartTlsMissing, e.Message);
        Assert.Equal(TrustFailure.None, e.Trust);
        Assert.Equal(0, tokens.Calls);
        Assert.Empty(server.Tokens);
        Assert.Empty(server.TlsLines);
        // Only the greeting's answer: EHLO (SMTP) or CAPABILITY (IMAP); never AUTH, never a mailbox, never a message.
        Assert.All(server.ClearLines, l => Assert.Matches(imap ? "^\\S+ CAPABILITY$" : "^EHLO ", l));
    }

    [Theory]
    [MemberData(nameof(RefusedServers))]
    public async Task Connect_ServerCertificateRefused_TrustCarriedNoTokenAsked(string certificate, TrustFailure expected)
    {
        var leaf = (X509Certificate2)typeof(TestPki).GetProperty(certificate)!.GetValue(Pki)!;
        foreach (bool imap in new[] { false, true })
        {
            using var server = new FakeMailServer(imap, leaf);
            var tokens = new TokenSource();
            var e = await Assert.ThrowsAsync<MssConnectionException>(() => ConnectAsync(Connection(server).WithAccessToken(User, tokens.NextAsync), imap));
            await server.Done.Task.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal(expected, e.Trust);
            Assert.Equal(TransportText.Describe(expected), e.Message);
            Assert.Equal(0, tokens.Calls);
            Assert.Empty(server.Tokens);
            Assert.Empty(server.TlsLines);
        }
    }

    [Theory]
    [MemberData(nameof(BothProtocols))]
    public async Task Connect_ClientCertificate_PresentedInTheHandshake(bool imap)
    {
        using var server = new FakeMailServer(imap, Pki.Server) { RequireClientCertificate = true };
        using (await ConnectAsync(Connection(server).WithClientCertificate(Pki.Client), imap))
        {
        }

        Assert.NotNull(server.ClientCertificate);
        Assert.Equal(Pki.Client.Thumbprint, server.ClientCertificate!.Thumbprint);
        Assert.Empty(server.Tokens); // the certificate is the authentication: no SASL exchange
    }

    [Theory]
    [MemberData(nameof(BothProtocols))]
    public async Task Connect_ClientCertificateAndToken_BothPresented(bool imap)
    {
        using var server = new FakeMailServer(imap, Pki.Server) { RequireClientCertificate = true };
        var tokens = new TokenSource();
        using (await ConnectAsync(Connection(server).WithClientCertificate(Pki.Client).WithAccessToken(User, tokens.NextAsync), imap))
        {
        }

        Assert.Equal(Pki.Client.Thumbprint, server.ClientCertificate?.Thumbprint);
        Assert.Equal(["token-1"], server.Tokens);
    }

    [Theory]
    [MemberData(nameof(BothProtocols))]
    public async Task Connect_TokenRefusedOnce_FreshTokenAskedAndAccepted(bool imap)
    {
        using var server = new FakeMailServer(imap, Pki.Server) { AcceptToken = t => t == "token-2" };
        var tokens = new TokenSource();
        using (await ConnectAsync(Connection(server).WithAccessToken(User, tokens.NextAsync), imap))
        {
        }

        Assert.Equal(2, tokens.Calls);
        Assert.Equal(["token-1", "token-2"], server.Tokens);
    }

    [Theory]
    [MemberData(nameof(BothProtocols))]
    public async Task Connect_TokenRefusedTwice_ExceptionAfterExactlyOneRetry(bool imap)
    {
        using var server = new FakeMailServer(imap, Pki.Server) { AcceptToken = _ => false };
        var tokens = new TokenSource();
        var e = await Assert.ThrowsAsync<MssConnectionException>(() => ConnectAsync(Connection(server).WithAccessToken(User, tokens.NextAsync), imap));
        Assert.Equal(2, tokens.Calls);
        Assert.Equal(["token-1", "token-2"], server.Tokens);
        Assert.Equal(TransportText.AuthenticationRefused, e.Message);
        Assert.Equal(TrustFailure.None, e.Trust);
        // REF1-4: never a token in what the user or a log may read.
        Assert.DoesNotContain("token-", e.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BothProtocols))]
    public async Task Connect_ServerWithoutXoauth2_RefusedNoTokenAsked(bool imap)
    {
        using var server = new FakeMailServer(imap, Pki.Server) { OfferXoauth2 = false };
        var tokens = new TokenSource();
        var e = await Assert.ThrowsAsync<MssConnectionException>(() => ConnectAsync(Connection(server).WithAccessToken(User, tokens.NextAsync), imap));
        Assert.Equal(TransportText.AuthenticationNotOffered, e.Message);
        Assert.Equal(0, tokens.Calls);
        Assert.Empty(server.Tokens);
    }

    [Fact]
    public async Task Connect_DelegateGivesNoToken_NothingSent()
    {
        using var server = new FakeMailServer(imap: false, Pki.Server);
        var e = await Assert.ThrowsAsync<MssConnectionException>(() =>
            Connection(server).WithAccessToken(User, _ => Task.FromResult("")).ConnectSmtpAsync());
        Assert.Equal(TransportText.TokenUnavailable, e.Message);
        Assert.Empty(server.Tokens);
    }

    [Fact]
    public async Task Connect_DelegateThrows_TokenUnavailable()
    {
        using var server = new FakeMailServer(imap: false, Pki.Server);
        var e = await Assert.ThrowsAsync<MssConnectionException>(() =>
            Connection(server).WithAccessToken(User, _ => throw new InvalidOperationException("PSC down")).ConnectSmtpAsync());
        Assert.Equal(TransportText.TokenUnavailable, e.Message);
        Assert.IsType<InvalidOperationException>(e.InnerException);
    }

    [Fact]
    public async Task Connect_NobodySaysWhoConnects_InvalidOperation()
    {
        using var server = new FakeMailServer(imap: false, Pki.Server);
        await Assert.ThrowsAsync<InvalidOperationException>(() => Connection(server).ConnectSmtpAsync());
        Assert.Empty(server.ClearLines);
    }

    [Fact]
    public async Task Connect_NothingListens_Unreachable()
    {
        int port;
        using (var server = new FakeMailServer(imap: false, Pki.Server))
        {
            port = server.Port;
        }

        var connection = new MssConnection("127.0.0.1", Pki.Trust()) { SmtpPort = port }.WithAccessToken(User, new TokenSource().NextAsync);
        var e = await Assert.ThrowsAsync<MssConnectionException>(() => connection.ConnectSmtpAsync());
        Assert.Equal(TransportText.Unreachable, e.Message);
    }

    [Fact]
    public async Task Connect_Cancelled_OperationCanceled()
    {
        using var server = new FakeMailServer(imap: false, Pki.Server);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Connection(server).WithAccessToken(User, new TokenSource().NextAsync).ConnectSmtpAsync(cancelled.Token));
    }

    [Fact]
    public void Ports_SubmissionAndImapByDefault_OutOfRangeRefused()
    {
        var connection = new MssConnection("smtp.mssante.test", Pki.Trust());
        Assert.Equal(587, connection.SmtpPort);
        Assert.Equal(143, connection.ImapPort);
        Assert.Throws<ArgumentOutOfRangeException>(() => new MssConnection("h", Pki.Trust()) { SmtpPort = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new MssConnection("h", Pki.Trust()) { ImapPort = 65536 });
    }

    [Fact]
    public void With_ReturnsANewConnection_KeepsPorts()
    {
        var connection = new MssConnection("smtp.mssante.test", Pki.Trust()) { SmtpPort = 2587, ImapPort = 2143 };
        MssConnection withToken = connection.WithAccessToken(User, new TokenSource().NextAsync);
        Assert.NotSame(connection, withToken);
        Assert.Equal(2587, withToken.SmtpPort);
        Assert.Equal(2143, withToken.WithClientCertificate(Pki.Client).ImapPort);
    }

    [Fact]
    public void Arguments_Refused()
    {
        Assert.Throws<ArgumentNullException>(() => new MssConnection(null!, Pki.Trust()));
        Assert.Throws<ArgumentException>(() => new MssConnection(" ", Pki.Trust()));
        Assert.Throws<ArgumentNullException>(() => new MssConnection("h", null!));
        var connection = new MssConnection("h", Pki.Trust());
        Assert.Throws<ArgumentException>(() => connection.WithClientCertificate(TestPki.Public(Pki.Client)));
        Assert.Throws<ArgumentNullException>(() => connection.WithClientCertificate(null!));
        Assert.Throws<ArgumentException>(() => connection.WithAccessToken("", new TokenSource().NextAsync));
        Assert.Throws<ArgumentNullException>(() => connection.WithAccessToken(User, null!));
    }

    private static MssConnection Connection(FakeMailServer server) =>
        new("127.0.0.1", Pki.Trust()) { SmtpPort = server.Port, ImapPort = server.Port };

    private static async Task<IDisposable> ConnectAsync(MssConnection connection, bool imap) =>
        imap ? await connection.ConnectImapAsync() : await connection.ConnectSmtpAsync();

    /// <summary>A Pro Santé Connect stand-in: token-1, token-2, … and how many times it was asked.</summary>
    private sealed class TokenSource
    {
        private int calls;

        public int Calls => Volatile.Read(ref calls);

        public Task<string> NextAsync(CancellationToken cancellationToken) =>
            Task.FromResult("token-" + Interlocked.Increment(ref calls));
    }
}
