using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Mss.Core.Transport.Tests;

/// <summary>
/// A PKI in the image of IGC-Santé, generated at test time (no private key is ever committed): a root, an
/// "ORGANISATIONS" intermediate, server and client leaves, and the faulty ones each TrustFailure needs. The CRLs of the
/// root and of the intermediate are served over HTTP on 127.0.0.1, named by the leaves' CRL distribution points.
/// </summary>
public sealed class TestPki : IDisposable
{
    internal const string ServerHost = "smtp.mssante.test";
    private static readonly Lazy<TestPki> Instance = new(() => new TestPki());

    private TestPki()
    {
        Crls = new CrlServer();
        // A run id in the CA names: the platform caches downloaded CRLs by issuer, and every run has new keys.
        string run = Convert.ToHexString(RandomNumberGenerator.GetBytes(4));
        Now = DateTimeOffset.UtcNow;
        string rootName = $"CN=TEST AC RACINE IGC-SANTE ELEMENTAIRE, OU=run {run}, O=Mss.Core tests, C=FR";
        Root = CreateCa(rootName, issuer: null, Now.AddYears(-5), Now.AddYears(20), crlPath: null);
        Intermediate = CreateCa($"CN=TEST AC IGC-SANTE ELEMENTAIRE ORGANISATIONS, OU=run {run}, O=Mss.Core tests, C=FR", Root, Now.AddYears(-4), Now.AddYears(10), "/root.crl");
        // Another root with the very same name: the issuer's name is not a check (REF1-2).
        OtherRoot = CreateCa(rootName, issuer: null, Now.AddYears(-5), Now.AddYears(20), crlPath: null);

        Server = Leaf("CN=" + ServerHost, serverAuth: true, [ServerHost, "*.imap.mssante.test"], withLoopbackAddress: true);
        Client = Leaf("CN=application.mssante.test, OU=ORG_AUTH_CLI", serverAuth: false, ["application.mssante.test"], withLoopbackAddress: false);
        Expired = Leaf("CN=" + ServerHost, serverAuth: true, [ServerHost], true, notBefore: Now.AddYears(-2), notAfter: Now.AddDays(-1));
        NotYetValid = Leaf("CN=" + ServerHost, serverAuth: true, [ServerHost], true, notBefore: Now.AddDays(10), notAfter: Now.AddYears(2));
        WrongUsage = Leaf("CN=" + ServerHost, serverAuth: false, [ServerHost], true);
        WrongHost = Leaf("CN=other.mssante.test", serverAuth: true, ["other.mssante.test"], withLoopbackAddress: false);
        CommonNameOnly = Leaf("CN=" + ServerHost, serverAuth: true, dnsNames: [], withLoopbackAddress: false);
        Revoked = Leaf("CN=" + ServerHost, serverAuth: true, [ServerHost], true);
        RevocationUnreachable = Leaf("CN=" + ServerHost, serverAuth: true, [ServerHost], true, crlPath: "/missing.crl");
        Foreign = Leaf("CN=" + ServerHost, serverAuth: true, [ServerHost], true, issuer: OtherRoot, crlPath: null);
        ExpiredAndWrongHost = Leaf("CN=other.mssante.test", serverAuth: true, ["other.mssante.test"], false, notBefore: Now.AddYears(-2), notAfter: Now.AddDays(-1));
        ForeignAndExpired = Leaf("CN=" + ServerHost, serverAuth: true, [ServerHost], true, notBefore: Now.AddYears(-2), notAfter: Now.AddDays(-1), issuer: OtherRoot, crlPath: null);
        RevokedAndWrongHost = Leaf("CN=other.mssante.test", serverAuth: true, ["other.mssante.test"], false);

        Crls.Publish("/root.crl", Crl(Root, []));
        Crls.Publish("/orgs.crl", Crl(Intermediate, [Revoked, RevokedAndWrongHost]));
    }

    public static TestPki Shared => Instance.Value;

    public DateTimeOffset Now { get; }

    public CrlServer Crls { get; }

    public X509Certificate2 Root { get; }

    public X509Certificate2 Intermediate { get; }

    public X509Certificate2 OtherRoot { get; }

    public X509Certificate2 Server { get; }

    public X509Certificate2 Client { get; }

    public X509Certificate2 Expired { get; }

    public X509Certificate2 NotYetValid { get; }

    public X509Certificate2 WrongUsage { get; }

    public X509Certificate2 WrongHost { get; }

    public X509Certificate2 CommonNameOnly { get; }

    public X509Certificate2 Revoked { get; }

    public X509Certificate2 RevocationUnreachable { get; }

    public X509Certificate2 Foreign { get; }

    public X509Certificate2 ExpiredAndWrongHost { get; }

    public X509Certificate2 ForeignAndExpired { get; }

    public X509Certificate2 RevokedAndWrongHost { get; }

    /// <summary>The trust a vendor ships: the root as anchor, the intermediate beside it; revocation online by default.</summary>
    public IgcSanteTrust Trust(X509RevocationMode mode = X509RevocationMode.Online) =>
        new([Public(Root)], [Public(Intermediate)]) { Revocation = mode };

    /// <summary>The certificate without its private key, as a server presents it.</summary>
    public static X509Certificate2 Public(X509Certificate2 certificate) => X509CertificateLoader.LoadCertificate(certificate.RawData);

    public void Dispose() => Crls.Dispose();

    private static X509Certificate2 Reload(X509Certificate2 withKey)
    {
        // Through PKCS#12, as a vendor loads its application certificate (and as SslStream wants it on every platform).
        byte[] pfx = withKey.Export(X509ContentType.Pfx, "test");
        return X509CertificateLoader.LoadPkcs12(pfx, "test", X509KeyStorageFlags.Exportable);
    }

    private static byte[] Serial()
    {
        byte[] serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F; // positive
        serial[0] |= 0x01; // no leading zero byte
        return serial;
    }

    private X509Certificate2 CreateCa(string name, X509Certificate2? issuer, DateTimeOffset notBefore, DateTimeOffset notAfter, string? crlPath)
    {
        using RSA key = RSA.Create(2048);
        var request = new CertificateRequest(name, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, issuer is not null, issuer is null ? 0 : 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        if (issuer is null)
        {
            return Reload(request.CreateSelfSigned(notBefore, notAfter));
        }

        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));
        request.CertificateExtensions.Add(CertificateRevocationListBuilder.BuildCrlDistributionPointExtension([Crls.Url(crlPath!)]));
        using X509Certificate2 issued = request.Create(issuer, notBefore, notAfter, Serial());
        return Reload(issued.CopyWithPrivateKey(key));
    }

    private X509Certificate2 Leaf(
        string name,
        bool serverAuth,
        string[] dnsNames,
        bool withLoopbackAddress,
        DateTimeOffset? notBefore = null,
        DateTimeOffset? notAfter = null,
        X509Certificate2? issuer = null,
        string? crlPath = "/orgs.crl")
    {
        using RSA key = RSA.Create(2048);
        var request = new CertificateRequest(name, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [serverAuth ? new Oid("1.3.6.1.5.5.7.3.1") : new Oid("1.3.6.1.5.5.7.3.2")], false));
        var san = new SubjectAlternativeNameBuilder();
        foreach (string dnsName in dnsNames)
        {
            san.AddDnsName(dnsName);
        }

        if (withLoopbackAddress)
        {
            san.AddIpAddress(System.Net.IPAddress.Loopback);
        }

        if (dnsNames.Length > 0 || withLoopbackAddress)
        {
            request.CertificateExtensions.Add(san.Build());
        }

        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        X509Certificate2 ca = issuer ?? Intermediate;
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        if (crlPath is not null)
        {
            request.CertificateExtensions.Add(CertificateRevocationListBuilder.BuildCrlDistributionPointExtension([Crls.Url(crlPath)]));
        }

        using X509Certificate2 issued = request.Create(ca, notBefore ?? Now.AddDays(-30), notAfter ?? Now.AddYears(1), Serial());
        return Reload(issued.CopyWithPrivateKey(key));
    }

    private byte[] Crl(X509Certificate2 issuer, X509Certificate2[] revoked)
    {
        var builder = new CertificateRevocationListBuilder();
        foreach (X509Certificate2 certificate in revoked)
        {
            builder.AddEntry(certificate, Now.AddDays(-1), X509RevocationReason.KeyCompromise);
        }

        return builder.Build(issuer, BigInteger.One, Now.AddDays(7), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1, Now.AddHours(-1));
    }
}
