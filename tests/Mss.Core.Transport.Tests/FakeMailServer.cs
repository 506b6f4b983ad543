using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Mss.Core.Transport.Tests;

/// <summary>
/// A loopback SMTP submission or IMAP server (127.0.0.1 only) with a real TLS handshake after STARTTLS (SslStream), that
/// records what it saw: the lines in clear and under TLS, the TLS version and suite, the client certificate, and the
/// XOAUTH2 exchanges (user and token). It accepts the tokens <see cref="AcceptToken"/> says yes to.
/// </summary>
public sealed class FakeMailServer : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly bool imap;

    public FakeMailServer(bool imap, X509Certificate2 certificate)
    {
        this.imap = imap;
        Certificate = certificate;
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _ = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    public X509Certificate2 Certificate { get; }

    public bool OfferStartTls { get; init; } = true;

    public bool RequireClientCertificate { get; init; }

    public bool OfferXoauth2 { get; init; } = true;

    public SslProtocols Protocols { get; init; } = SslProtocols.None;

    public CipherSuitesPolicy? CipherSuites { get; init; }

    public Func<string, bool> AcceptToken { get; init; } = _ => true;

    /// <summary>After STARTTLS, read the client's ClientHello, record the suites it offers, and hang up.</summary>
    public bool CaptureClientHelloOnly { get; init; }

    public List<ushort> OfferedSuites { get; } = [];

    public ConcurrentQueue<string> ClearLines { get; } = new();

    public ConcurrentQueue<string> TlsLines { get; } = new();

    public ConcurrentQueue<string> Tokens { get; } = new();

    public ConcurrentQueue<string> Users { get; } = new();

    public SslProtocols? NegotiatedProtocol { get; private set; }

    public TlsCipherSuite? NegotiatedSuite { get; private set; }

    public X509Certificate2? ClientCertificate { get; private set; }

    public Exception? HandshakeError { get; private set; }

    /// <summary>Completes when the server closed the last connection.</summary>
    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = Task.Run(async () =>
            {
                using (client)
                {
                    try
                    {
                        await ServeAsync(client.GetStream());
                    }
                    catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException or AuthenticationException)
                    {
                        HandshakeError ??= e;
                    }
                    finally
                    {
                        Done.TrySetResult();
                    }
                }
            });
        }
    }

    private async Task ServeAsync(NetworkStream network)
    {
        Stream stream = network;
        bool secure = false;
        await WriteAsync(stream, imap ? "* OK fake IMAP ready" : "220 fake.mssante.test ESMTP ready");
        while (true)
        {
            string? line = await ReadLineAsync(stream);
            if (line is null)
            {
                return;
            }

            (secure ? TlsLines : ClearLines).Enqueue(line);
            string tag = "";
            string command = line;
            if (imap)
            {
                int space = line.IndexOf(' ', StringComparison.Ordinal);
                tag = space < 0 ? line : line[..space];
                command = space < 0 ? "" : line[(space + 1)..];
            }

            string verb = command.Split(' ')[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO" or "HELO" when !imap:
                    var ehlo = new List<string> { "250-fake.mssante.test" };
                    if (!secure && OfferStartTls)
                    {
                        ehlo.Add("250-STARTTLS");
                    }

                    ehlo.Add(OfferXoauth2 ? "250-AUTH XOAUTH2 PLAIN" : "250-AUTH PLAIN");
                    ehlo.Add("250 8BITMIME");
                    await WriteAsync(stream, string.Join("\r\n", ehlo));
                    break;
                case "CAPABILITY" when imap:
                    await WriteAsync(stream, "* CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN" + (OfferXoauth2 ? " AUTH=XOAUTH2" : "") + (!secure && OfferStartTls ? " STARTTLS" : ""));
                    await WriteAsync(stream, tag + " OK CAPABILITY done");
                    break;
                case "STARTTLS" when !secure && OfferStartTls:
                    await WriteAsync(stream, imap ? tag + " OK begin TLS" : "220 2.0.0 ready to start TLS");
                    if (CaptureClientHelloOnly)
                    {
                        await ReadClientHelloAsync(network);
                        return;
                    }

                    var ssl = new SslStream(network, leaveInnerStreamOpen: false, (_, certificate, _, _) =>
                    {
                        if (certificate is not null)
                        {
                            ClientCertificate = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
                        }

                        return true;
                    });
                    var options = new SslServerAuthenticationOptions
                    {
                        ServerCertificate = Certificate,
                        ClientCertificateRequired = RequireClientCertificate,
                        EnabledSslProtocols = Protocols,
                        CipherSuitesPolicy = CipherSuites,
                    };
                    try
                    {
                        await ssl.AuthenticateAsServerAsync(options, stop.Token);
                    }
                    catch (Exception e) when (e is AuthenticationException or IOException)
                    {
                        HandshakeError = e;
                        return;
                    }

                    NegotiatedProtocol = ssl.SslProtocol;
                    NegotiatedSuite = ssl.NegotiatedCipherSuite;
                    stream = ssl;
                    secure = true;
                    break;
                case "AUTH" when !imap:
                case "AUTHENTICATE" when imap:
                    string[] parts = command.Split(' ');
                    string initial;
                    if (parts.Length > 2)
                    {
                        initial = parts[2];
                    }
                    else
                    {
                        await WriteAsync(stream, imap ? "+ " : "334 ");
                        initial = await ReadLineAsync(stream) ?? "";
                    }

                    bool accepted = Record(initial);
                    if (accepted)
                    {
                        await WriteAsync(stream, imap ? tag + " OK AUTHENTICATE completed" : "235 2.7.0 Authentication successful");
                    }
                    else
                    {
                        // XOAUTH2 failure: an error challenge, an empty client response, then the refusal.
                        string error = Convert.ToBase64String(Encoding.ASCII.GetBytes("{\"status\":\"401\",\"schemes\":\"bearer\"}"));
                        await WriteAsync(stream, imap ? "+ " + error : "334 " + error);
                        _ = await ReadLineAsync(stream);
                        await WriteAsync(stream, imap ? tag + " NO [AUTHENTICATIONFAILED] invalid token" : "535 5.7.8 Authentication credentials invalid");
                    }

                    break;
                case "QUIT" when !imap:
                    await WriteAsync(stream, "221 2.0.0 bye");
                    return;
                case "LOGOUT" when imap:
                    await WriteAsync(stream, "* BYE logging out");
                    await WriteAsync(stream, tag + " OK LOGOUT completed");
                    return;
                case "LIST" when imap:
                    await WriteAsync(stream, "* LIST (\\HasNoChildren) \"/\" INBOX");
                    await WriteAsync(stream, tag + " OK LIST completed");
                    break;
                case "NOOP":
                    await WriteAsync(stream, imap ? tag + " OK NOOP completed" : "250 2.0.0 OK");
                    break;
                default:
                    await WriteAsync(stream, imap ? tag + " OK done" : "502 5.5.2 command not implemented");
                    break;
            }
        }
    }

    /// <summary>RFC 8446 §4.1.2 / RFC 5246 §7.4.1.2: the cipher_suites of the first ClientHello record.</summary>
    private async Task ReadClientHelloAsync(Stream stream)
    {
        byte[] header = new byte[5];
        await stream.ReadExactlyAsync(header);
        byte[] record = new byte[(header[3] << 8) | header[4]];
        await stream.ReadExactlyAsync(record);
        int at = 4 + 2 + 32; // handshake header, legacy_version, random
        at += 1 + record[at]; // session id
        int length = (record[at] << 8) | record[at + 1];
        at += 2;
        for (int i = 0; i < length; i += 2)
        {
            OfferedSuites.Add((ushort)((record[at + i] << 8) | record[at + i + 1]));
        }
    }

    private bool Record(string initial)
    {
        // XOAUTH2: "user=" user "^Aauth=Bearer " token "^A^A" (Google's and Microsoft's definition).
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(initial));
        }
        catch (FormatException)
        {
            return false;
        }

        string[] fields = decoded.Split('\u0001', StringSplitOptions.RemoveEmptyEntries);
        string user = fields.FirstOrDefault(f => f.StartsWith("user=", StringComparison.Ordinal))?[5..] ?? "";
        string token = fields.FirstOrDefault(f => f.StartsWith("auth=Bearer ", StringComparison.Ordinal))?[12..] ?? "";
        Users.Enqueue(user);
        Tokens.Enqueue(token);
        return AcceptToken(token);
    }

    private static async Task WriteAsync(Stream stream, string text)
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes(text + "\r\n"));
        await stream.FlushAsync();
    }

    /// <summary>One CRLF line, read byte by byte so that nothing past it is consumed before STARTTLS.</summary>
    private static async Task<string?> ReadLineAsync(Stream stream)
    {
        var line = new StringBuilder();
        var one = new byte[1];
        while (true)
        {
            int read = await stream.ReadAsync(one);
            if (read == 0)
            {
                return null;
            }

            if (one[0] == '\n')
            {
                return line.ToString().TrimEnd('\r');
            }

            line.Append((char)one[0]);
        }
    }
}
