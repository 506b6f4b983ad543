using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Mss.Core.Transport.Tests;

/// <summary>REF1-2: the server certificate against the caller's IGC-Santé anchors, with a PKI generated here.</summary>
public class IgcSanteTrustTest
{
    private static readonly TestPki Pki = TestPki.Shared;

    public static TheoryData<bool> BothChainBuilders => new() { false, true };

    private static TrustFailure Check(X509Certificate2 leaf, string host = TestPki.ServerHost, X509RevocationMode mode = X509RevocationMode.Online, bool selfBuilt = false) =>
        new IgcSanteTrust([TestPki.Public(Pki.Root)], [TestPki.Public(Pki.Intermediate)]) { Revocation = mode, SelfBuiltChain = selfBuilt }
            .Check(TestPki.Public(leaf), host, Pki.Now);

    [Theory]
    [MemberData(nameof(BothChainBuilders))]
    public void Check_ServerOfTheRootRevocationAside_None(bool selfBuilt) =>
        Assert.Equal(TrustFailure.None, Check(Pki.Server, mode: X509RevocationMode.NoCheck, selfBuilt: selfBuilt));

    [Fact]
    public void Check_ServerOfTheRootNotRevoked_None() =>
        Assert.Equal(TrustFailure.None, Check(Pki.Server));

    [Fact]
    public void Check_NowOverload_None() =>
        Assert.Equal(TrustFailure.None, Pki.Trust().Check(TestPki.Public(Pki.Server), TestPki.ServerHost));

    [Theory]
    [MemberData(nameof(BothChainBuilders))]
    public void Check_RootOfTheSameNameButAnotherKey_UntrustedRoot(bool selfBuilt) =>
        Assert.Equal(TrustFailure.UntrustedRoot, Check(Pki.Foreign, selfBuilt: selfBuilt));

    [Theory]
    [MemberData(nameof(BothChainBuilders))]
    public void Check_IntermediateMissing_UntrustedRoot(bool selfBuilt)
    {
        var trust = new IgcSanteTrust([TestPki.Public(Pki.Root)]) { Revocation = X509RevocationMode.NoCheck, SelfBuiltChain = selfBuilt };
        Assert.Equal(TrustFailure.UntrustedRoot, trust.Check(TestPki.Public(Pki.Server), TestPki.ServerHost, Pki.Now));
    }

    [Theory]
    [MemberData(nameof(BothChainBuilders))]
    public void Check_OnlyAnotherRootSupplied_UntrustedRoot(bool selfBuilt)
    {
        var trust = new IgcSanteTrust([TestPki.Public(Pki.OtherRoot)], [TestPki.Public(Pki.Intermediate)]) { SelfBuiltChain = selfBuilt };
        Assert.Equal(TrustFailure.UntrustedRoot, trust.Check(TestPki.Public(Pki.Server), TestPki.ServerHost, Pki.Now));
    }

    [Theory]
    [MemberData(nameof(BothChainBuilders))]
    public void Check_ExpiredLeaf_Expired(bool selfBuilt) =>
        Assert.Equal(TrustFailure.Expired, Check(Pki.Expired, selfBuilt: selfBuilt));

    [Theory]
    [MemberData(nameof(BothChainBuilders))]
    public void Check_LeafNotYetValid_NotYetValid(bool selfBuilt) =>
        Assert.Equal(TrustFailure.NotYetValid, Check(Pki.NotYetValid, selfBuilt: selfBuilt));

    [Fact]
    public void Check_AtAnInstantInsideTheValidity_None()
    {
        // The not-yet-valid leaf is valid 30 days on, and the expired one was valid a year ago (revocation aside).
        IgcSanteTrust trust = Pki.Trust(X509RevocationMode.NoCheck);
        Assert.Equal(TrustFailure.None, trust.Check(TestPki.Public(Pki.NotYetValid), TestPki.ServerHost, Pki.Now.AddDays(30)));
        Assert.Equal(TrustFailure.None, trust.Check(TestPki.Public(Pki.Expired), TestPki.ServerHost, Pki.Now.AddYears(-1)));
        Assert.Equal(TrustFailure.Expired, trust.Check(TestPki.Public(Pki.Server), TestPki.ServerHost, Pki.Now.AddYears(2)));
    }

    [Fact]
    public void Check_AfterTheIntermediateExpired_Expired() =>
        Assert.Equal(TrustFailure.Expired, Pki.Trust(X509RevocationMode.NoCheck).Check(TestPki.Public(Pki.Server), TestPki.ServerHost, Pki.Now.AddYears(11)));

    [Theory]
    [MemberData(nameof(BothChainBuilders))]
    public void Check_ClientAuthenticationLeaf_WrongUsage(bool selfBuilt) =>
        Assert.Equal(TrustFailure.WrongUsage, Check(Pki.WrongUsage, selfBuilt: selfBuilt));

    [Theory]
    [MemberData(nameof(BothChainBuilders))]
    public void Check_LeafForAnotherHost_HostMismatch(bool selfBuilt) =>
        Assert.Equal(TrustFailure.HostMismatch, Check(Pki.WrongHost, selfBuilt: selfBuilt));

    [Theory]
    [InlineData("SMTP.MSSANTE.TEST")]
    [InlineData("smtp.mssante.test.")]
    [InlineData("mail.imap.mssante.test")]
    [InlineData("127.0.0.1")]
    public void Check_HostTheCertificateNames_None(string host) =>
        Assert.Equal(TrustFailure.None, Check(Pki.Server, host, X509RevocationMode.NoCheck));

    [Theory]
    [InlineData("imap.mssante.test")]
    [InlineData("a.b.imap.mssante.test")]
    [InlineData("mssante.test")]
    [InlineData("127.0.0.2")]
    [InlineData("::1")]
    [InlineData("smtp.mssante.test.evil.example")]
    public void Check_HostTheCertificateDoesNotName_HostMismatch(string host) =>
        Assert.Equal(TrustFailure.HostMismatch, Check(Pki.Server, host, X509RevocationMode.NoCheck));

    [Fact]
    public void Check_NoSubjectAltName_CommonNameDecides()
    {
        Assert.Equal(TrustFailure.None, Check(Pki.CommonNameOnly, mode: X509RevocationMode.NoCheck));
        Assert.Equal(TrustFailure.HostMismatch, Check(Pki.CommonNameOnly, "other.mssante.test", X509RevocationMode.NoCheck));
    }

    [Fact]
    public void Check_SubjectAltNameWithDnsNames_CommonNameIgnored() =>
        // WrongHost's CN and SAN are other.mssante.test; the server leaf's CN is smtp.… and SAN has it too: use a leaf
        // whose CN differs from its SAN — the wrong-host leaf against the server's name is that case seen from the SAN.
        Assert.Equal(TrustFailure.HostMismatch, Check(Pki.WrongHost, TestPki.ServerHost, X509RevocationMode.NoCheck));

    [Fact]
    public void Check_RevokedLeaf_Revoked() =>
        Assert.Equal(TrustFailure.Revoked, Check(Pki.Revoked));

    [Fact]
    public void Check_SelfBuiltChainOutsideWindows_RevocationFailsClosed()
    {
        // The .NET Framework path (anchors as extra certificates) on this Linux runtime: OpenSSL does not check
        // revocation below a root it does not trust, so the verdict is RevocationUnknown — a refusal, never None. On
        // Windows (where that path runs) the chain engine checks revocation below an untrusted root; not testable here.
        Assert.Contains(Check(Pki.Revoked, selfBuilt: true), new[] { TrustFailure.Revoked, TrustFailure.RevocationUnknown });
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(TrustFailure.RevocationUnknown, Check(Pki.Server, selfBuilt: true));
        }
    }

    [Theory]
    [MemberData(nameof(BothChainBuilders))]
    public void Check_CrlNotServed_RevocationUnknown(bool selfBuilt) =>
        Assert.Equal(TrustFailure.RevocationUnknown, Check(Pki.RevocationUnreachable, selfBuilt: selfBuilt));

    [Fact]
    public void Check_RevokedLeafWithRevocationNoCheck_None()
    {
        int before = Pki.Crls.Requests;
        Assert.Equal(TrustFailure.None, Check(Pki.Revoked, mode: X509RevocationMode.NoCheck));
        Assert.Equal(before, Pki.Crls.Requests);
    }

    [Fact]
    public void Check_OnlineRevocation_FetchesTheCrlDistributionPoint()
    {
        // A leaf of its own, so that no earlier test's cached CRL answers for it.
        int before = Pki.Crls.Requests;
        Assert.Equal(TrustFailure.RevocationUnknown, Check(Pki.RevocationUnreachable));
        Assert.True(Pki.Crls.Requests > before);
    }

    // Precedence (API.md): Malformed → UntrustedRoot → Expired / NotYetValid → WrongUsage → HostMismatch → Revoked → RevocationUnknown.
    [Fact]
    public void Check_ForeignAndExpired_UntrustedRootFirst() =>
        Assert.Equal(TrustFailure.UntrustedRoot, Check(Pki.ForeignAndExpired));

    [Fact]
    public void Check_ExpiredAndWrongHost_ExpiredFirst() =>
        Assert.Equal(TrustFailure.Expired, Check(Pki.ExpiredAndWrongHost));

    [Fact]
    public void Check_WrongUsageAndWrongHost_WrongUsageFirst() =>
        Assert.Equal(TrustFailure.WrongUsage, Check(Pki.WrongUsage, "other.mssante.test"));

    [Fact]
    public void Check_RevokedAndWrongHost_HostMismatchFirst() =>
        Assert.Equal(TrustFailure.HostMismatch, Check(Pki.RevokedAndWrongHost, TestPki.ServerHost));

    [Fact]
    public void Check_RevokedAndWrongHostForItsOwnHost_Revoked() =>
        Assert.Equal(TrustFailure.Revoked, Check(Pki.RevokedAndWrongHost, "other.mssante.test"));

    [Fact]
    public void Check_MalformedSubjectAltName_Malformed()
    {
        // A certificate of the root whose subjectAltName extension is not DER: Malformed before UntrustedRoot.
        using var key = System.Security.Cryptography.RSA.Create(2048);
        var request = new CertificateRequest("CN=" + TestPki.ServerHost, key, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509Extension("2.5.29.17", [0x30, 0x05, 0x82, 0x09, 0x61], false));
        using X509Certificate2 bad = request.CreateSelfSigned(Pki.Now.AddDays(-1), Pki.Now.AddDays(1));
        Assert.Equal(TrustFailure.Malformed, Pki.Trust().Check(TestPki.Public(bad), TestPki.ServerHost, Pki.Now));
    }

    [Fact]
    public void Check_ArgumentsMissing_Throws()
    {
        IgcSanteTrust trust = Pki.Trust();
        Assert.Throws<ArgumentNullException>(() => trust.Check(null!, TestPki.ServerHost));
        Assert.Throws<ArgumentNullException>(() => trust.Check(TestPki.Public(Pki.Server), null!));
        Assert.Throws<ArgumentException>(() => trust.Check(TestPki.Public(Pki.Server), " "));
    }

    [Fact]
    public void Constructor_NoAnchor_Throws()
    {
        Assert.Throws<ArgumentException>(() => new IgcSanteTrust([]));
        Assert.Throws<ArgumentNullException>(() => new IgcSanteTrust(null!));
        Assert.Throws<ArgumentNullException>(() => new IgcSanteTrust([null!]));
    }

    [Fact]
    public void Revocation_OnlineByDefault_UndefinedRefused()
    {
        Assert.Equal(X509RevocationMode.Online, new IgcSanteTrust([TestPki.Public(Pki.Root)]).Revocation);
        Assert.Throws<ArgumentOutOfRangeException>(() => new IgcSanteTrust([TestPki.Public(Pki.Root)]) { Revocation = (X509RevocationMode)7 });
    }

    [Fact]
    public void FromPem_RootAndIntermediate_SelfSignedIsTheAnchor()
    {
        string pem = Pem(Pki.Intermediate) + "\n" + Pem(Pki.Root);
        IgcSanteTrust trust = IgcSanteTrust.FromPem(pem);
        Assert.Equal(TrustFailure.None, trust.Check(TestPki.Public(Pki.Server), TestPki.ServerHost, Pki.Now));
        Assert.Equal(TrustFailure.UntrustedRoot, trust.Check(TestPki.Public(Pki.Foreign), TestPki.ServerHost, Pki.Now));
    }

    [Fact]
    public void FromPem_IntermediateOnly_Throws() =>
        Assert.Throws<ArgumentException>(() => IgcSanteTrust.FromPem(Pem(Pki.Intermediate)));

    [Fact]
    public void FromPem_PrivateKeyBlock_Throws() =>
        Assert.Throws<ArgumentException>(() => IgcSanteTrust.FromPem(Pem(Pki.Root) + "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"));

    [Theory]
    [InlineData("")]
    [InlineData("no pem here")]
    [InlineData("-----BEGIN CERTIFICATE-----\n!!!\n-----END CERTIFICATE-----")]
    [InlineData("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----")]
    [InlineData("-----BEGIN CERTIFICATE-----\nAAAA\n")]
    public void FromPem_NotCertificates_Throws(string pem) =>
        Assert.Throws<ArgumentException>(() => IgcSanteTrust.FromPem(pem));

    internal static string Pem(X509Certificate2 certificate)
    {
        var text = new StringBuilder("-----BEGIN CERTIFICATE-----\n");
        text.Append(Convert.ToBase64String(certificate.RawData, Base64FormattingOptions.InsertLineBreaks));
        text.Append("\n-----END CERTIFICATE-----\n");
        return text.ToString();
    }
}
