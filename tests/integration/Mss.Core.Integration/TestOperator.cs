using System.Globalization;
using System.Security.Cryptography.X509Certificates;

namespace Mss.Core.Integration;

/// <summary>
/// The running test operator as tests/integration/run describes it in the environment: the run folder (with the PKI
/// generated for the run), the ports, the repository. Everything is on 127.0.0.1.
/// </summary>
internal sealed class TestOperator
{
    private TestOperator(string runDirectory, string repository)
    {
        RunDirectory = runDirectory;
        Repository = repository;
    }

    /// <summary>The host the clients connect to; the server certificate names it (and 127.0.0.1).</summary>
    public string Host => "localhost";

    public string RunDirectory { get; }

    public string Repository { get; }

    public int SubmissionPort { get; private init; }

    public int Tls12Port { get; private init; }

    public int OtherPkiPort { get; private init; }

    public int WrongHostPort { get; private init; }

    public int RevokedPort { get; private init; }

    public int ImapPort { get; private init; }

    public int IntrospectionPort { get; private init; }

    public static TestOperator FromEnvironment()
    {
        string run = Environment.GetEnvironmentVariable("MSS_IT_RUN")
            ?? throw new InvalidOperationException("MSS_IT_RUN is not set: start the tests with tests/integration/run");
        string repository = Environment.GetEnvironmentVariable("MSS_IT_REPO")
            ?? Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", ".."));
        return new TestOperator(run, repository)
        {
            SubmissionPort = Port("MSS_IT_SUBMISSION_PORT", 10587),
            OtherPkiPort = Port("MSS_IT_OTHER_PKI_PORT", 10588),
            Tls12Port = Port("MSS_IT_TLS12_PORT", 10591),
            WrongHostPort = Port("MSS_IT_WRONG_HOST_PORT", 10589),
            RevokedPort = Port("MSS_IT_REVOKED_PORT", 10590),
            ImapPort = Port("MSS_IT_IMAP_PORT", 10143),
            IntrospectionPort = Port("MSS_IT_INTROSPECTION_PORT", 10080),
        };
    }

    /// <summary>The application box's organisation certificate with its key (a PKCS#12 file, as vendors get it).</summary>
    public X509Certificate2 ApplicationCertificate =>
        X509CertificateLoader.LoadPkcs12FromFile(Pki("app.p12"), string.Empty);

    /// <summary>A client certificate of another PKI, with its key: Postfix cannot verify it.</summary>
    public X509Certificate2 OtherPkiClientCertificate =>
        X509CertificateLoader.LoadPkcs12FromFile(Pki("other-app.p12"), string.Empty);

    public string Pki(string file) => Path.Combine(RunDirectory, "pki", file);

    private static int Port(string name, int fallback) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
}
