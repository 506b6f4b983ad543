using System.IO.Compression;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;
using BenchmarkDotNet.Attributes;

namespace Mss.Core.Benchmarks;

/// <summary>
/// Loading ANS's signed liste blanche (issue 22, ADDR-1 0.3): the real signed copy (3.7 MB, 6,494 entries, 4,944
/// domains, tests/Mss.Core.Tests/TestData/TrustSpace), bytes in memory, anchors the two IGC-Santé certificates.
/// Baseline: what a careful vendor writes with .NET alone on the same bytes: an <see cref="XmlDocument"/> loaded without
/// DTD nor resolver, <see cref="SignedXml.CheckSignature(X509Certificate2, bool)"/> with the KeyInfo certificate, an
/// <see cref="X509Chain"/> to the anchors (custom root trust, at DateDeGeneration), then the domain names into a
/// case-insensitive HashSet. Target: <see cref="TrustSpace.LoadWhitelist"/> at most 1.5× the baseline.
/// Run: <c>dotnet run -c Release --project benchmarks/Mss.Core.Benchmarks -- --filter '*TrustSpaceLoad*'</c>.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class TrustSpaceLoadBenchmarks
{
    private const string Dsig = "http://www.w3.org/2000/09/xmldsig#";
    private const string Schema = "https://listeblanche.mssante.fr/schema";

    private byte[] _xml = [];
    private X509Certificate2[] _anchors = [];

    [GlobalSetup]
    public void Setup()
    {
        string directory = Corpus.Directory("TrustSpace");
        using (var gzip = new GZipStream(File.OpenRead(Path.Combine(directory, "signed-listeblanchemssante.xml.gz")), CompressionMode.Decompress))
        using (var bytes = new MemoryStream())
        {
            gzip.CopyTo(bytes);
            _xml = bytes.ToArray();
        }

        _anchors =
        [
            X509CertificateLoader.LoadCertificateFromFile(Path.Combine(directory, "ACR-EL.cer")),
            X509CertificateLoader.LoadCertificateFromFile(Path.Combine(directory, "ACI-EL-ORG.cer")),
        ];
        if (CarefulVendor() != LoadWhitelist())
        {
            throw new InvalidOperationException("The baseline and the library disagree on the number of domains.");
        }
    }

    [Benchmark(Baseline = true, Description = "XmlDocument + SignedXml.CheckSignature + X509Chain (careful vendor)")]
    public int CarefulVendor()
    {
        var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using (XmlReader reader = XmlReader.Create(new MemoryStream(_xml), settings))
        {
            document.Load(reader);
        }

        var signed = new SignedXml(document);
        signed.LoadXml((XmlElement)document.GetElementsByTagName("Signature", Dsig)[0]!);
        X509Certificate2 signer = signed.KeyInfo.OfType<KeyInfoX509Data>().SelectMany(d => d.Certificates!.Cast<X509Certificate2>()).First();
        if (!signed.CheckSignature(signer, verifySignatureOnly: true))
        {
            throw new InvalidOperationException("signature");
        }

        DateTime generated = XmlConvert.ToDateTimeOffset(document.GetElementsByTagName("DateDeGeneration", Schema)[0]!.InnerText).UtcDateTime;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(_anchors);
        chain.ChainPolicy.ExtraStore.AddRange(_anchors);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        chain.ChainPolicy.VerificationTime = generated;
        if (!chain.Build(signer))
        {
            throw new InvalidOperationException("chain");
        }

        var domains = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (XmlNode name in document.GetElementsByTagName("Nom", Schema))
        {
            domains.Add(name.InnerText.Trim());
        }

        return domains.Count;
    }

    [Benchmark(Description = "TrustSpace.LoadWhitelist")]
    public int LoadWhitelist() => TrustSpace.LoadWhitelist(new MemoryStream(_xml), _anchors).Count;

    [Benchmark(Description = "TrustSpace.LoadUnsignedWhitelist (no signature, for scale)")]
    public int LoadUnsignedWhitelist() => TrustSpace.LoadUnsignedWhitelist(new MemoryStream(_xml)).Count;
}
