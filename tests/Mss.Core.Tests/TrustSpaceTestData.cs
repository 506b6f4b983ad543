using System.IO.Compression;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;

namespace Mss.Core.Tests;

/// <summary>
/// ANS's liste blanche as kept in TestData/TrustSpace (see PROVENANCE.md), and lists signed at test time under a test PKI
/// made with <see cref="CertificateRequest"/> (nothing of it is kept on disk).
/// </summary>
internal static class TrustSpaceTestData
{
    public const string Namespace = "https://listeblanche.mssante.fr/schema";

    public static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "TestData", "TrustSpace", file);

    /// <summary>ANS's GitHub copy: unsigned, no closing root tag.</summary>
    public static byte[] AnsGithubCopy() => File.ReadAllBytes(PathOf("ans-github-listeblanchemssante.xml"));

    /// <summary>The signed copy, decompressed to its original bytes.</summary>
    public static byte[] SignedCopy() => (byte[])SignedBytes.Value.Clone();

    // The file's bytes only (no library code involved), so they may be kept across tests.
    private static readonly Lazy<byte[]> SignedBytes = new(() =>
    {
        using FileStream file = File.OpenRead(PathOf("signed-listeblanchemssante.xml.gz"));
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var bytes = new MemoryStream();
        gzip.CopyTo(bytes);
        return bytes.ToArray();
    });

    /// <summary>AC RACINE IGC-SANTE ELEMENTAIRE and AC IGC-SANTE ELEMENTAIRE ORGANISATIONS.</summary>
    public static X509Certificate2[] IgcSanteAnchors() => [IgcSanteRoot(), IgcSanteOrganisations()];

    public static X509Certificate2 IgcSanteRoot() => X509CertificateLoader.LoadCertificateFromFile(PathOf("ACR-EL.cer"));

    public static X509Certificate2 IgcSanteOrganisations() => X509CertificateLoader.LoadCertificateFromFile(PathOf("ACI-EL-ORG.cer"));

    /// <summary>
    /// The entries of a list as a regular expression reads them from the text (not the library's reader): each complete
    /// <c>&lt;Domaine&gt;…&lt;/Domaine&gt;</c> block's Nom and DNCertificatOperateur, in file order.
    /// </summary>
    public static List<(string Name, string Dn)> EntriesByRegex(byte[] xml)
    {
        string text = Encoding.UTF8.GetString(xml);
        var entries = new List<(string, string)>();
        foreach (Match block in Regex.Matches(text, "<Domaine>(.*?)</Domaine>", RegexOptions.Singleline))
        {
            string name = Regex.Match(block.Value, "<Nom>(.*?)</Nom>").Groups[1].Value.Trim();
            string dn = Regex.Match(block.Value, "<DNCertificatOperateur>(.*?)</DNCertificatOperateur>").Groups[1].Value.Trim();
            entries.Add((name, dn));
        }

        return entries;
    }

    /// <summary>A list in ANS's format (unsigned), with one entry per (domain, operator DN).</summary>
    public static string ListXml(string generatedAt, params (string Domain, string Dn)[] entries)
    {
        var text = new StringBuilder();
        text.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListeBlancheMSSante xmlns=\"").Append(Namespace).Append("\">\n");
        text.Append("    <DateDeGeneration>").Append(generatedAt).Append("</DateDeGeneration>\n    <ListeDomaines>\n");
        foreach ((string domain, string dn) in entries)
        {
            text.Append("        <Domaine>\n            <Nom>").Append(domain).Append("</Nom>\n");
            text.Append("            <Description>Domaine de test</Description>\n");
            text.Append("            <DNCertificatOperateur>").Append(dn).Append("</DNCertificatOperateur>\n");
            text.Append("            <ResponsableContact>01 02 03 04 05, test@example.org</ResponsableContact>\n");
            text.Append("            <SupportContact>01 02 03 04 05, test@example.org</SupportContact>\n");
            text.Append("            <DateMAJ>2025-01-01T00:00:00Z</DateMAJ>\n        </Domaine>\n");
        }

        text.Append("    </ListeDomaines>\n</ListeBlancheMSSante>");
        return text.ToString();
    }

    /// <summary>
    /// Signs <paramref name="xml"/> as the espace de confiance does: enveloped XML-DSig appended to the root, exclusive
    /// C14N, RSA-SHA256, one reference URI="" with the enveloped and exclusive C14N transforms, the signer's certificate
    /// (and <paramref name="extra"/>) in KeyInfo.
    /// </summary>
    public static byte[] Sign(string xml, X509Certificate2 signer, params X509Certificate2[] extra)
    {
        var document = new XmlDocument { PreserveWhitespace = true };
        document.LoadXml(xml);
        XmlElement signature = SignatureOf(document, signer, extra, uri: string.Empty);
        document.DocumentElement!.AppendChild(document.ImportNode(signature, deep: true));
        return Encoding.UTF8.GetBytes(document.OuterXml);
    }

    /// <summary>A signature over <paramref name="document"/> with the given reference URI (not yet placed in it).</summary>
    public static XmlElement SignatureOf(XmlDocument document, X509Certificate2 signer, X509Certificate2[] extra, string uri)
    {
        using RSA key = signer.GetRSAPrivateKey()!;
        var signed = new SignedXml(document) { SigningKey = key };
        signed.SignedInfo!.CanonicalizationMethod = SignedXml.XmlDsigExcC14NTransformUrl;
        signed.SignedInfo.SignatureMethod = SignedXml.XmlDsigRSASHA256Url;
        var reference = new Reference(uri) { DigestMethod = SignedXml.XmlDsigSHA256Url };
        reference.AddTransform(new XmlDsigEnvelopedSignatureTransform());
        reference.AddTransform(new XmlDsigExcC14NTransform());
        signed.AddReference(reference);
        var data = new KeyInfoX509Data(signer);
        foreach (X509Certificate2 certificate in extra)
        {
            data.AddCertificate(certificate);
        }

        signed.KeyInfo = new KeyInfo();
        signed.KeyInfo.AddClause(data);
        signed.ComputeSignature();
        return signed.GetXml();
    }
}

/// <summary>
/// A test PKI made at test time (never written to disk): a root, an intermediate and a signing certificate, like
/// IGC-Santé's "AC RACINE" → "ELEMENTAIRE ORGANISATIONS" → operator. Validity is chosen per test.
/// </summary>
internal sealed class TestPki : IDisposable
{
    public TestPki(string name, DateTimeOffset notBefore, DateTimeOffset notAfter, DateTimeOffset? signerNotBefore = null, DateTimeOffset? signerNotAfter = null)
    {
        using RSA rootKey = RSA.Create(2048);
        var rootRequest = new CertificateRequest($"CN={name} RACINE, O=TEST", rootKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        rootRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        rootRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(rootRequest.PublicKey, false));
        Root = rootRequest.CreateSelfSigned(notBefore, notAfter);

        using RSA intermediateKey = RSA.Create(2048);
        var intermediateRequest = new CertificateRequest($"CN={name} ORGANISATIONS, O=TEST", intermediateKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        intermediateRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        intermediateRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        intermediateRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(intermediateRequest.PublicKey, false));
        intermediateRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Root, true, false));
        using (X509Certificate2 intermediate = intermediateRequest.Create(Root, notBefore, notAfter, [1, 2, 3, 4]))
        {
            Intermediate = intermediate.CopyWithPrivateKey(intermediateKey);
        }

        using RSA signerKey = RSA.Create(2048);
        var signerRequest = new CertificateRequest($"CN=liste-blanche.test, O={name}", signerKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        signerRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        signerRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        signerRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Intermediate, true, false));
        using X509Certificate2 signer = signerRequest.Create(Intermediate, signerNotBefore ?? notBefore, signerNotAfter ?? notAfter, [5, 6, 7, 8]);
        Signer = signer.CopyWithPrivateKey(signerKey);
    }

    public X509Certificate2 Root { get; }

    public X509Certificate2 Intermediate { get; }

    public X509Certificate2 Signer { get; }

    /// <summary>The anchors a caller passes: root and intermediate, public parts only.</summary>
    public X509Certificate2[] Anchors => [X509CertificateLoader.LoadCertificate(Root.RawData), X509CertificateLoader.LoadCertificate(Intermediate.RawData)];

    public static TestPki Valid(string name = "TEST IGC") =>
        new(name, new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2040, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public void Dispose()
    {
        Root.Dispose();
        Intermediate.Dispose();
        Signer.Dispose();
    }
}
