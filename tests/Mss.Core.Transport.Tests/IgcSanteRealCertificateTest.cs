using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Mss.Core.Transport.Tests;

/// <summary>REF1-2 with the real, public IGC-Santé root (see TestData/IgcSante/PROVENANCE.md).</summary>
public class IgcSanteRealCertificateTest
{
    private const string Host = "igc-sante.esante.gouv.fr";
    private static readonly string Pem = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "IgcSante", "ac-racine-igc-sante-elementaire.crt"));
    private static readonly X509Certificate2 Root = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(
        string.Concat(Pem.Split('\n').Where(l => !l.StartsWith("-----", StringComparison.Ordinal)))));

    [Fact]
    public void File_IsTheRootAnsPublishes()
    {
        Assert.Equal("CN=AC RACINE IGC-SANTE ELEMENTAIRE, OU=IGC-SANTE, OU=0002 187512751, O=ASIP-SANTE, C=FR", Root.Subject);
        Assert.Equal("2D9E22CA19F777C6B745257C723ECB8DF3C35FA6F1F6EC36B83600C97346967F", Convert.ToHexString(SHA256.HashData(Root.RawData)));
    }

    [Fact]
    public void FromPem_TheRoot_IsAnAnchor() =>
        // Inside its validity the root chains to itself; it is a CA, not a server: WrongUsage, the step after the dates.
        Assert.Equal(TrustFailure.WrongUsage, IgcSanteTrust.FromPem(Pem).Check(Root, Host, new DateTimeOffset(2026, 12, 8, 0, 0, 0, TimeSpan.Zero)));

    [Theory]
    [InlineData("2013-06-24T23:59:59Z", TrustFailure.NotYetValid)]
    [InlineData("2013-06-25T00:00:00Z", TrustFailure.WrongUsage)]
    [InlineData("2033-06-24T23:59:59Z", TrustFailure.WrongUsage)]
    [InlineData("2033-06-25T00:00:01Z", TrustFailure.Expired)]
    public void Check_AtDatesAroundItsValidity(string at, TrustFailure expected)
    {
        var trust = new IgcSanteTrust([Root]) { Revocation = X509RevocationMode.NoCheck };
        Assert.Equal(expected, trust.Check(Root, Host, DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Check_ACertificateWithTheRootsNameButAnotherKey_UntrustedRoot()
    {
        // "A name match on the issuer is not a check" (REF1-2): same subject, same issuer, another key.
        using RSA key = RSA.Create(2048);
        var request = new CertificateRequest(Root.SubjectName, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName(Host);
        request.CertificateExtensions.Add(san.Build());
        using X509Certificate2 impostor = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        Assert.Equal(TrustFailure.UntrustedRoot, IgcSanteTrust.FromPem(Pem).Check(TestPki.Public(impostor), Host));
    }

    [Fact]
    public void Check_TheRealRootAgainstTheTestPki_UntrustedRoot() =>
        Assert.Equal(TrustFailure.UntrustedRoot, TestPki.Shared.Trust(X509RevocationMode.NoCheck).Check(Root, Host, new DateTimeOffset(2026, 12, 8, 0, 0, 0, TimeSpan.Zero)));
}
