using System.Security.Cryptography.X509Certificates;
using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using Mss.Core.Transport;
using Mss.Core.Transport.Tests;

// Connecting to an MSSanté operator (REF1): the setup a vendor writes, run against a loopback operator of the tests'
// PKI (127.0.0.1 only). Prints, in French, what was checked. Exit code 1 if anything behaves otherwise.
TestPki pki = TestPki.Shared;
string folder = Directory.CreateTempSubdirectory("mss-operator-").FullName;
int exitCode = 0;
try
{
    // What the vendor ships and installs (here written by the stand-in): the IGC-Santé chain as PEM, and the
    // application box's certificate (ORG_AUTH_CLI) as PKCS#12 with its password.
    string pemFile = Path.Combine(folder, "igc-sante-test.pem");
    File.WriteAllText(pemFile, Pem(pki.Intermediate) + Pem(pki.Root));
    string p12File = Path.Combine(folder, "bal-applicative.p12");
    string password = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8));
    File.WriteAllBytes(p12File, pki.Client.Export(X509ContentType.Pfx, password));

    using var smtpServer = new FakeMailServer(imap: false, pki.Server) { RequireClientCertificate = true };
    using var imapServer = new FakeMailServer(imap: true, pki.Server) { RequireClientCertificate = true };

    // ---- the vendor's code ---------------------------------------------------------------------------------------
    IgcSanteTrust trust = IgcSanteTrust.FromPem(File.ReadAllText(pemFile));   // Revocation: Online (CRL/OCSP)
    using X509Certificate2 application = X509CertificateLoader.LoadPkcs12FromFile(p12File, password);
    int tokensAsked = 0;
    Task<string> ProSanteConnectAsync(CancellationToken cancellationToken)
    {
        tokensAsked++;
        return Task.FromResult("jeton-psc-" + Guid.NewGuid().ToString("N")); // the software's Pro Santé Connect client
    }

    MssConnection connection = new MssConnection("127.0.0.1", trust) { SmtpPort = smtpServer.Port, ImapPort = imapServer.Port }
        .WithClientCertificate(application)
        .WithAccessToken("secretariat@hopital.mssante.fr", ProSanteConnectAsync);
    // ----------------------------------------------------------------------------------------------------------------

    Console.WriteLine("Connexion à l'opérateur MSSanté (serveur de test sur 127.0.0.1) :");
    using (SmtpClient smtp = await connection.ConnectSmtpAsync())
    {
        Report("SMTP (soumission, STARTTLS)", smtpServer, smtp.IsSecure && smtp.IsAuthenticated);
        await smtp.DisconnectAsync(quit: true);
    }

    using (ImapClient imap = await connection.ConnectImapAsync())
    {
        Report("IMAP (STARTTLS)", imapServer, imap.IsSecure && imap.IsAuthenticated);
        await imap.DisconnectAsync(quit: true);
    }

    Console.WriteLine($"  Jetons Pro Santé Connect demandés : {tokensAsked} (un par connexion, jamais affichés).");
    if (tokensAsked != 2)
    {
        exitCode = 1;
    }

    // A server whose certificate does not come from the IGC-Santé anchors: refused before any token leaves.
    Console.WriteLine();
    Console.WriteLine("Un serveur dont le certificat n'est pas délivré par l'IGC-Santé :");
    using var impostor = new FakeMailServer(imap: false, pki.Foreign);
    int before = tokensAsked;
    try
    {
        using SmtpClient refused = await new MssConnection("127.0.0.1", trust) { SmtpPort = impostor.Port }
            .WithAccessToken("secretariat@hopital.mssante.fr", ProSanteConnectAsync)
            .ConnectSmtpAsync();
        Console.WriteLine("  ERREUR : la connexion a été acceptée.");
        exitCode = 1;
    }
    catch (MssConnectionException e)
    {
        Console.WriteLine($"  {e.Message}");
        Console.WriteLine($"  Vérification en échec : {e.Trust} ; jetons demandés : {tokensAsked - before}.");
        if (e.Trust != TrustFailure.UntrustedRoot || tokensAsked != before || !impostor.Tokens.IsEmpty)
        {
            exitCode = 1;
        }
    }
}
finally
{
    Directory.Delete(folder, recursive: true); // the PKCS#12 generated for the run goes with it
}

return exitCode;

void Report(string what, FakeMailServer server, bool connected)
{
    Console.WriteLine($"  {what} : {(connected ? "connecté et authentifié" : "ÉCHEC")}");
    Console.WriteLine($"    {TransportText.Describe(TrustFailure.None)}");
    Console.WriteLine($"    Chiffrement : {server.NegotiatedProtocol}, suite {server.NegotiatedSuite}.");
    Console.WriteLine($"    Certificat applicatif présenté (TLS mutuel) : {server.ClientCertificate?.Subject ?? "aucun"}.");
    Console.WriteLine($"    Authentification XOAUTH2 envoyée après la vérification du serveur : {(server.Tokens.Count == 1 ? "oui" : "non")}.");
    if (!connected || server.ClientCertificate is null || server.Tokens.Count != 1)
    {
        exitCode = 1;
    }
}

static string Pem(X509Certificate2 certificate) =>
    "-----BEGIN CERTIFICATE-----\n" + Convert.ToBase64String(certificate.RawData, Base64FormattingOptions.InsertLineBreaks) + "\n-----END CERTIFICATE-----\n";
