using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Xml;

namespace Mss.Core.Tests;

/// <summary>
/// ADDR-1 0.3: ANS's liste blanche read as published (TestData/TrustSpace/PROVENANCE.md), its XML signature verified and
/// its signer chained to the caller's anchors; the negative cases on lists signed under a test PKI made here.
/// </summary>
public class TrustSpaceTest
{
    private const string ApicryptInterop = "interop-mssante.apicrypt.org";

    private static readonly Lazy<TestPki> Pki = new(() => TestPki.Valid());

    // Loaded by each test that uses it, never cached across tests: a cached result would outlive the code under test
    // (Stryker switches mutants inside one test process). The test PKI only uses .NET, so it is shared.
    private static class RealSigned
    {
        public static TrustSpace Value => TrustSpace.LoadWhitelist(new MemoryStream(TrustSpaceTestData.SignedCopy()), TrustSpaceTestData.IgcSanteAnchors());
    }

    private static TrustSpaceFormatException Refused(byte[] xml, IEnumerable<X509Certificate2> anchors) =>
        Assert.Throws<TrustSpaceFormatException>(() => TrustSpace.LoadWhitelist(new MemoryStream(xml), anchors));

    private static byte[] SignedTestList(params (string Domain, string Dn)[] entries) =>
        TrustSpaceTestData.Sign(TrustSpaceTestData.ListXml("2025-02-28T15:42:07Z", entries), Pki.Value.Signer);

    private static readonly (string, string)[] TwoEntries =
    [
        ("ch-nord.mssante.fr", "CN=smtp-1.operateur.test,O=OPERATEUR,C=FR"),
        (ApicryptInterop, "CN=mss.apicrypt.test,O=APICRYPT,C=FR"),
    ];

    // ---- ANS's real signed list (ADDR-1 0.3) ----

    [Fact]
    public void LoadWhitelist_RealSignedList_VerifiesAndChainsToIgcSante()
    {
        TrustSpace trust = RealSigned.Value;
        byte[] xml = TrustSpaceTestData.SignedCopy();
        List<(string Name, string Dn)> entries = TrustSpaceTestData.EntriesByRegex(xml);

        Assert.Equal(entries.Select(e => e.Name.ToLowerInvariant()).Distinct().Count(), trust.Count);
        Assert.Equal(new DateTimeOffset(2025, 2, 28, 15, 42, 7, TimeSpan.Zero), trust.GeneratedAt);
        Assert.All(entries, e => Assert.True(trust.Contains(e.Name), e.Name));
    }

    [Fact]
    public void LoadWhitelist_RealSignedList_ListsTheApicryptGatewayAndNotAnUnlistedMssanteDomain()
    {
        TrustSpace trust = RealSigned.Value;

        Assert.True(trust.Contains(ApicryptInterop));
        Assert.True(trust.Contains("INTEROP-MSSANTE.APICRYPT.ORG"));
        Assert.True(trust.Contains("mssante.apicrypt.org"));
        Assert.False(trust.Contains("domaine-inconnu.mssante.fr"));
        Assert.False(trust.Contains("apicrypt.org"));
        Assert.False(trust.Contains(" " + ApicryptInterop));
    }

    [Fact]
    public void OperatorCertificates_RealSignedList_EveryDnOfTheDomainInFileOrder()
    {
        TrustSpace trust = RealSigned.Value;
        List<(string Name, string Dn)> entries = TrustSpaceTestData.EntriesByRegex(TrustSpaceTestData.SignedCopy());
        string busiest = entries.GroupBy(e => e.Name).OrderByDescending(g => g.Count()).First().Key;

        Assert.Equal(entries.Where(e => e.Name == busiest).Select(e => e.Dn), trust.OperatorCertificates(busiest));
        Assert.Equal(entries.Where(e => e.Name == "15-20.mssante.fr").Select(e => e.Dn), trust.OperatorCertificates("15-20.MSSANTE.fr"));
        Assert.True(trust.OperatorCertificates(busiest).Count > 1);
        Assert.Empty(trust.OperatorCertificates("domaine-inconnu.mssante.fr"));
    }

    [Fact]
    public void LoadWhitelist_RealSignedList_SignerExpiredSinceButValidAtGeneration_Accepted()
    {
        // The signer (CN=alb.mssante.fr) is valid 2023-08-23 to 2026-08-23: judged at DateDeGeneration, not today.
        Assert.NotNull(RealSigned.Value);
    }

    [Fact]
    public void LoadWhitelist_RealSignedList_RootWithoutTheIntermediate_UntrustedSigner()
    {
        // The list carries only the signer's certificate, and nothing is downloaded: the chain needs the intermediate.
        Assert.Equal(TrustSpaceError.UntrustedSigner, Refused(TrustSpaceTestData.SignedCopy(), [TrustSpaceTestData.IgcSanteRoot()]).Error);
    }

    [Fact]
    public void LoadWhitelist_RealSignedList_AnotherRoot_UntrustedSigner()
    {
        Assert.Equal(TrustSpaceError.UntrustedSigner, Refused(TrustSpaceTestData.SignedCopy(), Pki.Value.Anchors).Error);
    }

    [Fact]
    public void LoadWhitelist_RealSignedList_NoAnchor_UntrustedSigner()
    {
        Assert.Equal(TrustSpaceError.UntrustedSigner, Refused(TrustSpaceTestData.SignedCopy(), []).Error);
    }

    [Fact]
    public void LoadWhitelist_RealSignedList_OneDomainLetterChanged_SignatureInvalid()
    {
        byte[] xml = TrustSpaceTestData.SignedCopy();
        string text = Encoding.UTF8.GetString(xml);
        int at = text.IndexOf("<Nom>zenidoc.mssante.fr</Nom>", StringComparison.Ordinal);
        Assert.True(at > 0);
        byte[] tampered = Encoding.UTF8.GetBytes(text.Remove(at + 5, 1).Insert(at + 5, "Z"));

        TrustSpaceFormatException refused = Refused(tampered, TrustSpaceTestData.IgcSanteAnchors());

        Assert.Equal(TrustSpaceError.SignatureInvalid, refused.Error);
        Assert.Equal(FrenchText.Describe(TrustSpaceError.SignatureInvalid), refused.Message);
    }

    [Fact]
    public void LoadWhitelist_RealSignedList_SignatureRemoved_Unsigned()
    {
        string text = Encoding.UTF8.GetString(TrustSpaceTestData.SignedCopy());
        int start = text.IndexOf("<Signature ", StringComparison.Ordinal);
        int end = text.IndexOf("</Signature>", StringComparison.Ordinal) + "</Signature>".Length;
        byte[] unsigned = Encoding.UTF8.GetBytes(text.Remove(start, end - start));

        Assert.Equal(TrustSpaceError.Unsigned, Refused(unsigned, TrustSpaceTestData.IgcSanteAnchors()).Error);
        Assert.Equal(TrustSpaceTestData.EntriesByRegex(unsigned).Select(e => e.Name).Distinct().Count(), TrustSpace.LoadUnsignedWhitelist(new MemoryStream(unsigned)).Count);
    }

    [Fact]
    public void LoadUnsignedWhitelist_RealSignedList_SameDomainsAsVerified()
    {
        TrustSpace unsigned = TrustSpace.LoadUnsignedWhitelist(new MemoryStream(TrustSpaceTestData.SignedCopy()));
        TrustSpace verified = RealSigned.Value;

        Assert.Equal(verified.Count, unsigned.Count);
        Assert.Equal(verified.GeneratedAt, unsigned.GeneratedAt);
        Assert.True(unsigned.Contains(ApicryptInterop));
    }

    // ---- ANS's GitHub copy: unsigned, no closing root tag ----

    [Fact]
    public void LoadUnsignedWhitelist_AnsGithubCopyWithoutClosingTag_ReadsEveryEntry()
    {
        byte[] xml = TrustSpaceTestData.AnsGithubCopy();
        Assert.DoesNotContain("</ListeBlancheMSSante>", Encoding.UTF8.GetString(xml), StringComparison.Ordinal);
        List<(string Name, string Dn)> entries = TrustSpaceTestData.EntriesByRegex(xml);

        TrustSpace trust = TrustSpace.LoadUnsignedWhitelist(new MemoryStream(xml));

        Assert.Equal(entries.Select(e => e.Name.ToLowerInvariant()).Distinct().Count(), trust.Count);
        Assert.Equal(new DateTimeOffset(2025, 3, 13, 14, 54, 10, TimeSpan.Zero), trust.GeneratedAt);
        Assert.All(entries, e => Assert.True(trust.Contains(e.Name), e.Name));
        (string lastName, string lastDn) = entries[^1];
        Assert.Equal(entries.Where(e => e.Name == lastName).Select(e => e.Dn), trust.OperatorCertificates(lastName));
        Assert.Equal(lastDn, trust.OperatorCertificates(lastName)[^1]);
    }

    [Fact]
    public void LoadWhitelist_AnsGithubCopyWithoutClosingTag_Unreadable()
    {
        Assert.Equal(TrustSpaceError.Unreadable, Refused(TrustSpaceTestData.AnsGithubCopy(), TrustSpaceTestData.IgcSanteAnchors()).Error);
    }

    [Fact]
    public void LoadUnsignedWhitelist_CutInsideAnEntry_KeepsOnlyCompleteEntries()
    {
        string text = Encoding.UTF8.GetString(TrustSpaceTestData.AnsGithubCopy());
        int lastEntry = text.LastIndexOf("<Domaine>", StringComparison.Ordinal);
        int cut = text.IndexOf("</DNCertificatOperateur>", lastEntry, StringComparison.Ordinal);
        byte[] xml = Encoding.UTF8.GetBytes(text[..cut]);
        List<(string Name, string Dn)> complete = TrustSpaceTestData.EntriesByRegex(xml);
        string cutName = TrustSpaceTestData.EntriesByRegex(TrustSpaceTestData.AnsGithubCopy())[^1].Name;

        TrustSpace trust = TrustSpace.LoadUnsignedWhitelist(new MemoryStream(xml));

        Assert.Equal(complete.Select(e => e.Name).Distinct().Count(), trust.Count);
        Assert.Equal(complete.Any(e => e.Name == cutName), trust.Contains(cutName));
    }

    // ---- Lists signed under a test PKI: the signature's shape and the chain ----

    [Fact]
    public void LoadWhitelist_TestPkiList_ReadsEntriesAndDate()
    {
        TrustSpace trust = TrustSpace.LoadWhitelist(new MemoryStream(SignedTestList(TwoEntries)), Pki.Value.Anchors);

        Assert.Equal(2, trust.Count);
        Assert.True(trust.Contains("CH-NORD.mssante.fr"));
        Assert.Equal(["CN=mss.apicrypt.test,O=APICRYPT,C=FR"], trust.OperatorCertificates(ApicryptInterop));
        Assert.Equal(new DateTimeOffset(2025, 2, 28, 15, 42, 7, TimeSpan.Zero), trust.GeneratedAt);
    }

    [Fact]
    public void LoadWhitelist_EveryByteOfTheSignedContentTampered_Refused()
    {
        // A byte flipped anywhere in a domain name, a DN or the date (signed content): never accepted.
        byte[] xml = SignedTestList(TwoEntries);
        string text = Encoding.UTF8.GetString(xml);
        foreach (string part in new[] { "ch-nord", "smtp-1.operateur", "2025-02-28" })
        {
            int at = text.IndexOf(part, StringComparison.Ordinal);
            for (int i = at; i < at + part.Length; i++)
            {
                byte[] tampered = (byte[])xml.Clone();
                tampered[i] ^= 0x01;
                TrustSpaceFormatException refused = Refused(tampered, Pki.Value.Anchors);
                Assert.True(refused.Error is TrustSpaceError.SignatureInvalid or TrustSpaceError.Unreadable, $"{part} at {i}: {refused.Error}");
            }
        }
    }

    [Fact]
    public void LoadWhitelist_SignatureValueTampered_SignatureInvalid()
    {
        string text = Encoding.UTF8.GetString(SignedTestList(TwoEntries));
        int at = text.IndexOf("<SignatureValue>", StringComparison.Ordinal) + "<SignatureValue>".Length;
        char replacement = text[at + 10] == 'A' ? 'B' : 'A';
        byte[] tampered = Encoding.UTF8.GetBytes(text.Remove(at + 10, 1).Insert(at + 10, replacement.ToString()));

        Assert.Equal(TrustSpaceError.SignatureInvalid, Refused(tampered, Pki.Value.Anchors).Error);
    }

    [Fact]
    public void LoadWhitelist_AnotherPkiSigned_UntrustedSigner()
    {
        using TestPki other = TestPki.Valid("AUTRE IGC");
        byte[] xml = TrustSpaceTestData.Sign(TrustSpaceTestData.ListXml("2025-02-28T15:42:07Z", TwoEntries), other.Signer);

        Assert.Equal(TrustSpaceError.UntrustedSigner, Refused(xml, Pki.Value.Anchors).Error);
        Assert.Equal(TrustSpaceError.UntrustedSigner, Refused(xml, TrustSpaceTestData.IgcSanteAnchors()).Error);
        Assert.Equal(2, TrustSpace.LoadWhitelist(new MemoryStream(xml), other.Anchors).Count);
    }

    [Fact]
    public void LoadWhitelist_SelfSignedSignerCarryingTheTrustedChainInKeyInfo_UntrustedSigner()
    {
        // A forger signs with his own key and puts the real intermediate and root in KeyInfo: the signer is the first
        // certificate, and it does not chain.
        using var forger = System.Security.Cryptography.RSA.Create(2048);
        var request = new CertificateRequest("CN=liste-blanche.test, O=TEST IGC", forger, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        using X509Certificate2 self = request.CreateSelfSigned(DateTimeOffset.UnixEpoch, new DateTimeOffset(2040, 1, 1, 0, 0, 0, TimeSpan.Zero));
        byte[] xml = TrustSpaceTestData.Sign(TrustSpaceTestData.ListXml("2025-02-28T15:42:07Z", TwoEntries), self, Pki.Value.Intermediate, Pki.Value.Root);

        Assert.Equal(TrustSpaceError.UntrustedSigner, Refused(xml, Pki.Value.Anchors).Error);
    }

    [Fact]
    public void LoadWhitelist_ListGeneratedBeforeTheSignerWasValid_UntrustedSigner()
    {
        using var pki = new TestPki(
            "TEST DATES",
            new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2040, 1, 1, 0, 0, 0, TimeSpan.Zero),
            signerNotBefore: new DateTimeOffset(2023, 8, 23, 0, 0, 0, TimeSpan.Zero),
            signerNotAfter: new DateTimeOffset(2024, 8, 23, 0, 0, 0, TimeSpan.Zero));

        byte[] before = TrustSpaceTestData.Sign(TrustSpaceTestData.ListXml("2023-08-22T23:59:59Z", TwoEntries), pki.Signer);
        byte[] during = TrustSpaceTestData.Sign(TrustSpaceTestData.ListXml("2024-02-01T00:00:00Z", TwoEntries), pki.Signer);
        byte[] after = TrustSpaceTestData.Sign(TrustSpaceTestData.ListXml("2024-08-23T00:00:01Z", TwoEntries), pki.Signer);

        Assert.Equal(TrustSpaceError.UntrustedSigner, Refused(before, pki.Anchors).Error);
        Assert.Equal(2, TrustSpace.LoadWhitelist(new MemoryStream(during), pki.Anchors).Count); // expired today, valid then
        Assert.Equal(TrustSpaceError.UntrustedSigner, Refused(after, pki.Anchors).Error);
    }

    [Fact]
    public void LoadWhitelist_SignatureRemoved_Unsigned()
    {
        byte[] unsigned = Encoding.UTF8.GetBytes(TrustSpaceTestData.ListXml("2025-02-28T15:42:07Z", TwoEntries));

        TrustSpaceFormatException refused = Refused(unsigned, Pki.Value.Anchors);

        Assert.Equal(TrustSpaceError.Unsigned, refused.Error);
        Assert.Equal(FrenchText.Describe(TrustSpaceError.Unsigned), refused.Message);
    }

    [Fact]
    public void LoadWhitelist_SignedListWithoutDate_Unreadable()
    {
        string xml = TrustSpaceTestData.ListXml("X", TwoEntries).Replace("<DateDeGeneration>X</DateDeGeneration>", string.Empty, StringComparison.Ordinal);

        Assert.Equal(TrustSpaceError.Unreadable, Refused(TrustSpaceTestData.Sign(xml, Pki.Value.Signer), Pki.Value.Anchors).Error);
    }

    [Fact]
    public void LoadWhitelist_DateThatIsNotADate_Unreadable()
    {
        byte[] xml = SignedTestList(TwoEntries);
        byte[] wrongDate = TrustSpaceTestData.Sign(TrustSpaceTestData.ListXml("le 28 février", TwoEntries), Pki.Value.Signer);

        Assert.Equal(TrustSpaceError.Unreadable, Refused(wrongDate, Pki.Value.Anchors).Error);
        Assert.Equal(TrustSpaceError.Unreadable, Assert.Throws<TrustSpaceFormatException>(() => TrustSpace.LoadUnsignedWhitelist(new MemoryStream(wrongDate))).Error);
        Assert.Equal(2, TrustSpace.LoadWhitelist(new MemoryStream(xml), Pki.Value.Anchors).Count);
    }

    // ---- Signature wrapping ----

    [Fact]
    public void LoadWhitelist_SignatureReferencingAnElementById_SignatureInvalid()
    {
        // Signed: only <ListeDomaines Id="signed">; the attacker's entry sits outside it, in the same document.
        string list = TrustSpaceTestData.ListXml("2025-02-28T15:42:07Z", TwoEntries)
            .Replace("<ListeDomaines>", "<ListeDomaines Id=\"signed\">", StringComparison.Ordinal);
        var document = new XmlDocument { PreserveWhitespace = true };
        document.LoadXml(list);
        XmlElement signature = TrustSpaceTestData.SignatureOf(document, Pki.Value.Signer, [], "#signed");
        document.DocumentElement!.AppendChild(document.ImportNode(signature, true));
        XmlElement extra = document.CreateElement("ListeDomaines", TrustSpaceTestData.Namespace);
        extra.InnerXml = $"<Domaine xmlns=\"{TrustSpaceTestData.Namespace}\"><Nom>attaquant.example.com</Nom></Domaine>";
        document.DocumentElement.AppendChild(extra);

        Assert.Equal(TrustSpaceError.SignatureInvalid, Refused(Encoding.UTF8.GetBytes(document.OuterXml), Pki.Value.Anchors).Error);
    }

    [Fact]
    public void LoadWhitelist_GenuineSignatureMovedIntoAForgedList_Refused()
    {
        // Classic wrapping: a forged list whose signature is the genuine one, with the genuine list inside its Object.
        string genuine = Encoding.UTF8.GetString(SignedTestList(TwoEntries));
        var original = new XmlDocument { PreserveWhitespace = true };
        original.LoadXml(genuine);
        XmlElement signature = (XmlElement)original.GetElementsByTagName("Signature", "http://www.w3.org/2000/09/xmldsig#")[0]!;
        original.DocumentElement!.RemoveChild(signature);
        XmlElement wrapper = original.CreateElement("Object", "http://www.w3.org/2000/09/xmldsig#");
        wrapper.AppendChild(original.DocumentElement.CloneNode(true));
        signature.AppendChild(wrapper);
        var forged = new XmlDocument { PreserveWhitespace = true };
        forged.LoadXml(TrustSpaceTestData.ListXml("2025-02-28T15:42:07Z", ("attaquant.mssante.fr", "CN=attaquant")));
        forged.DocumentElement!.AppendChild(forged.ImportNode(signature, true));

        TrustSpaceFormatException refused = Refused(Encoding.UTF8.GetBytes(forged.OuterXml), Pki.Value.Anchors);

        Assert.Equal(TrustSpaceError.SignatureInvalid, refused.Error);
    }

    [Fact]
    public void LoadWhitelist_TwoSignatures_SignatureInvalid()
    {
        var document = new XmlDocument { PreserveWhitespace = true };
        document.LoadXml(Encoding.UTF8.GetString(SignedTestList(TwoEntries)));
        XmlNode signature = document.GetElementsByTagName("Signature", "http://www.w3.org/2000/09/xmldsig#")[0]!;
        document.DocumentElement!.AppendChild(signature.CloneNode(true));

        Assert.Equal(TrustSpaceError.SignatureInvalid, Refused(Encoding.UTF8.GetBytes(document.OuterXml), Pki.Value.Anchors).Error);
    }

    [Fact]
    public void LoadWhitelist_SignatureNestedInsideAnEntry_SignatureInvalid()
    {
        var document = new XmlDocument { PreserveWhitespace = true };
        document.LoadXml(Encoding.UTF8.GetString(SignedTestList(TwoEntries)));
        XmlNode signature = document.GetElementsByTagName("Signature", "http://www.w3.org/2000/09/xmldsig#")[0]!;
        document.DocumentElement!.RemoveChild(signature);
        document.GetElementsByTagName("Domaine", TrustSpaceTestData.Namespace)[0]!.AppendChild(signature);

        Assert.Equal(TrustSpaceError.SignatureInvalid, Refused(Encoding.UTF8.GetBytes(document.OuterXml), Pki.Value.Anchors).Error);
    }

    [Fact]
    public void LoadWhitelist_SignedWithRsaSha1_SignatureInvalid()
    {
        var document = new XmlDocument { PreserveWhitespace = true };
        document.LoadXml(TrustSpaceTestData.ListXml("2025-02-28T15:42:07Z", TwoEntries));
        using System.Security.Cryptography.RSA key = Pki.Value.Signer.GetRSAPrivateKey()!;
        var signed = new System.Security.Cryptography.Xml.SignedXml(document) { SigningKey = key };
        signed.SignedInfo!.CanonicalizationMethod = System.Security.Cryptography.Xml.SignedXml.XmlDsigExcC14NTransformUrl;
        signed.SignedInfo.SignatureMethod = System.Security.Cryptography.Xml.SignedXml.XmlDsigRSASHA1Url;
        var reference = new System.Security.Cryptography.Xml.Reference(string.Empty);
        reference.AddTransform(new System.Security.Cryptography.Xml.XmlDsigEnvelopedSignatureTransform());
        signed.AddReference(reference);
        signed.KeyInfo = new System.Security.Cryptography.Xml.KeyInfo();
        signed.KeyInfo.AddClause(new System.Security.Cryptography.Xml.KeyInfoX509Data(Pki.Value.Signer));
        signed.ComputeSignature();
        document.DocumentElement!.AppendChild(document.ImportNode(signed.GetXml(), true));

        Assert.Equal(TrustSpaceError.SignatureInvalid, Refused(Encoding.UTF8.GetBytes(document.OuterXml), Pki.Value.Anchors).Error);
    }

    [Fact]
    public void LoadWhitelist_NoCertificateInKeyInfo_SignatureInvalid()
    {
        var document = new XmlDocument { PreserveWhitespace = true };
        document.LoadXml(Encoding.UTF8.GetString(SignedTestList(TwoEntries)));
        XmlNode keyInfo = document.GetElementsByTagName("KeyInfo", "http://www.w3.org/2000/09/xmldsig#")[0]!;
        keyInfo.ParentNode!.RemoveChild(keyInfo);

        Assert.Equal(TrustSpaceError.SignatureInvalid, Refused(Encoding.UTF8.GetBytes(document.OuterXml), Pki.Value.Anchors).Error);
    }

    // ---- Hostile XML ----

    [Fact]
    public void Load_EntityBomb_UnreadableWithoutExpanding()
    {
        string bomb = "<?xml version=\"1.0\"?><!DOCTYPE ListeBlancheMSSante [<!ENTITY a \"aaaaaaaaaa\">"
            + string.Concat(Enumerable.Range(1, 9).Select(i => $"<!ENTITY {(char)('a' + i)} \"{string.Concat(Enumerable.Repeat($"&{(char)('a' + i - 1)};", 10))}\">"))
            + $"]><ListeBlancheMSSante xmlns=\"{TrustSpaceTestData.Namespace}\"><DateDeGeneration>2025-02-28T15:42:07Z</DateDeGeneration>"
            + "<ListeDomaines><Domaine><Nom>&j;.mssante.fr</Nom></Domaine></ListeDomaines></ListeBlancheMSSante>";
        byte[] xml = Encoding.UTF8.GetBytes(bomb);

        Assert.Equal(TrustSpaceError.Unreadable, Refused(xml, Pki.Value.Anchors).Error);
        TrustSpaceFormatException unsigned = Assert.Throws<TrustSpaceFormatException>(() => TrustSpace.LoadUnsignedWhitelist(new MemoryStream(xml)));
        Assert.Equal(TrustSpaceError.Unreadable, unsigned.Error);
        Assert.IsType<XmlException>(unsigned.InnerException);
    }

    [Fact]
    public void Load_ExternalEntity_UnreadableWithoutResolving()
    {
        string xxe = "<?xml version=\"1.0\"?><!DOCTYPE ListeBlancheMSSante [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + $"<ListeBlancheMSSante xmlns=\"{TrustSpaceTestData.Namespace}\"><ListeDomaines><Domaine><Nom>&x;</Nom></Domaine></ListeDomaines></ListeBlancheMSSante>";

        Assert.Equal(TrustSpaceError.Unreadable, Assert.Throws<TrustSpaceFormatException>(() => TrustSpace.LoadUnsignedWhitelist(new MemoryStream(Encoding.UTF8.GetBytes(xxe)))).Error);
    }

    [Fact]
    public void Load_DeepNesting_UnreadableBeforeCanonicalising()
    {
        // Nested after signing (.NET's own SignedXml refuses to sign so deep a document). The root is depth 0: MaxDepth
        // elements below it reach depth MaxDepth, one more is refused.
        string deep = string.Concat(Enumerable.Repeat("<x>", 5000)) + string.Concat(Enumerable.Repeat("</x>", 5000));
        string signed = Encoding.UTF8.GetString(SignedTestList(TwoEntries));
        byte[] xml = Encoding.UTF8.GetBytes(signed.Replace("</ListeDomaines>", "</ListeDomaines>" + deep, StringComparison.Ordinal));
        byte[] justOverTheBound = Encoding.UTF8.GetBytes(signed.Replace(
            "</ListeDomaines>",
            "</ListeDomaines>" + string.Concat(Enumerable.Repeat("<x>", TrustSpace.MaxDepth + 1)) + string.Concat(Enumerable.Repeat("</x>", TrustSpace.MaxDepth + 1)),
            StringComparison.Ordinal));
        byte[] atTheBound = Encoding.UTF8.GetBytes(signed.Replace(
            "</ListeDomaines>",
            "</ListeDomaines>" + string.Concat(Enumerable.Repeat("<x>", TrustSpace.MaxDepth)) + string.Concat(Enumerable.Repeat("</x>", TrustSpace.MaxDepth)),
            StringComparison.Ordinal));

        Assert.Equal(TrustSpaceError.Unreadable, Refused(xml, Pki.Value.Anchors).Error);
        Assert.Equal(TrustSpaceError.Unreadable, Assert.Throws<TrustSpaceFormatException>(() => TrustSpace.LoadUnsignedWhitelist(new MemoryStream(xml))).Error);
        Assert.Equal(TrustSpaceError.Unreadable, Refused(justOverTheBound, Pki.Value.Anchors).Error);
        Assert.Equal(TrustSpaceError.SignatureInvalid, Refused(atTheBound, Pki.Value.Anchors).Error); // read, then not what was signed
    }

    [Fact]
    public void Load_MoreThanTheSizeBound_UnreadableWithoutReadingOn()
    {
        var endless = new RepeatingStream(TrustSpace.MaxDocumentBytes + 1);

        Assert.Equal(TrustSpaceError.Unreadable, Assert.Throws<TrustSpaceFormatException>(() => TrustSpace.LoadUnsignedWhitelist(endless)).Error);
        Assert.True(endless.Position <= TrustSpace.MaxDocumentBytes + 81920);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not xml")]
    [InlineData("<ListeBlancheMSSante><ListeDomaines><Domaine><Nom>a.mssante.fr</Nom></Domaine></ListeDomaines></ListeBlancheMSSante>")]
    [InlineData("<ListeBlancheMSSante xmlns=\"https://listeblanche.mssante.fr/autre\"/>")]
    [InlineData("<Autre xmlns=\"https://listeblanche.mssante.fr/schema\"/>")]
    public void Load_NotTheListsRootOrNamespace_Unreadable(string xml)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(xml);

        Assert.Equal(TrustSpaceError.Unreadable, Assert.Throws<TrustSpaceFormatException>(() => TrustSpace.LoadUnsignedWhitelist(new MemoryStream(bytes))).Error);
        Assert.Equal(TrustSpaceError.Unreadable, Refused(bytes, Pki.Value.Anchors).Error);
    }

    [Fact]
    public void LoadUnsignedWhitelist_EntryWithoutNomOrOutsideListeDomaines_ListsNothingOfIt()
    {
        string xml = $"<ListeBlancheMSSante xmlns=\"{TrustSpaceTestData.Namespace}\"><ListeDomaines><Domaine/><Domaine><Description>x</Description></Domaine>"
            + "<Domaine><Nom>  a.mssante.fr </Nom><DNCertificatOperateur> CN=a </DNCertificatOperateur></Domaine></ListeDomaines>"
            + "<Domaine><Nom>hors-liste.mssante.fr</Nom></Domaine><ListeDomaines><Autre><Domaine><Nom>profond.mssante.fr</Nom></Domaine></Autre></ListeDomaines></ListeBlancheMSSante>";

        TrustSpace trust = TrustSpace.LoadUnsignedWhitelist(new MemoryStream(Encoding.UTF8.GetBytes(xml)));

        Assert.Equal(1, trust.Count);
        Assert.True(trust.Contains("a.mssante.fr"));
        Assert.Equal(["CN=a"], trust.OperatorCertificates("a.mssante.fr"));
        Assert.Null(trust.GeneratedAt);
    }

    [Fact]
    public void Load_NoWhiteSpaceBetweenElements_ReadsEveryField()
    {
        string compact = $"<ListeBlancheMSSante xmlns=\"{TrustSpaceTestData.Namespace}\"><DateDeGeneration>2025-02-28T15:42:07Z</DateDeGeneration><ListeDomaines>"
            + "<Domaine><Nom>a.mssante.fr</Nom><DNCertificatOperateur>CN=a</DNCertificatOperateur></Domaine>"
            + "<Domaine><DNCertificatOperateur>CN=b</DNCertificatOperateur><Nom>b.mssante.fr</Nom></Domaine></ListeDomaines></ListeBlancheMSSante>";

        TrustSpace unsigned = TrustSpace.LoadUnsignedWhitelist(new MemoryStream(Encoding.UTF8.GetBytes(compact)));
        TrustSpace signed = TrustSpace.LoadWhitelist(new MemoryStream(TrustSpaceTestData.Sign(compact, Pki.Value.Signer)), Pki.Value.Anchors);

        foreach (TrustSpace trust in new[] { unsigned, signed })
        {
            Assert.Equal(2, trust.Count);
            Assert.Equal(["CN=a"], trust.OperatorCertificates("a.mssante.fr"));
            Assert.Equal(["CN=b"], trust.OperatorCertificates("b.mssante.fr"));
            Assert.NotNull(trust.GeneratedAt);
        }
    }

    [Fact]
    public void LoadWhitelist_SecondSignatureRightAfterTheDate_SignatureInvalid()
    {
        string signed = Encoding.UTF8.GetString(SignedTestList(TwoEntries));
        int start = signed.IndexOf("<Signature ", StringComparison.Ordinal);
        string signature = signed[start..(signed.IndexOf("</Signature>", StringComparison.Ordinal) + "</Signature>".Length)];
        byte[] twice = Encoding.UTF8.GetBytes(signed.Replace("</DateDeGeneration>", "</DateDeGeneration>" + signature, StringComparison.Ordinal));

        Assert.Equal(TrustSpaceError.SignatureInvalid, Refused(twice, Pki.Value.Anchors).Error);
    }

    // ---- The chain, both ways (.NET 5+ custom root trust, and netstandard2.0's portable check) ----

    [Fact]
    public void PortableChainCheck_AgreesWithCustomRootTrust()
    {
        X509Certificate2 igcSigner = RealSignerCertificate();
        var generated = new DateTimeOffset(2025, 2, 28, 15, 42, 7, TimeSpan.Zero); // the list's DateDeGeneration
        X509Certificate2[] igc = TrustSpaceTestData.IgcSanteAnchors();
        X509Certificate2[] test = Pki.Value.Anchors;
        var cases = new (X509Certificate2 Signer, X509Certificate2[] Anchors, DateTimeOffset At, bool Expected)[]
        {
            (igcSigner, igc, generated, true),
            (igcSigner, [igc[0]], generated, false),
            (igcSigner, [igc[1]], generated, false),
            (igcSigner, test, generated, false),
            (igcSigner, igc, new DateTimeOffset(2026, 8, 24, 0, 0, 0, TimeSpan.Zero), false),
            (igcSigner, igc, new DateTimeOffset(2023, 8, 22, 0, 0, 0, TimeSpan.Zero), false),
            (Pki.Value.Signer, test, generated, true),
            (Pki.Value.Signer, igc, generated, false),
        };

        foreach ((X509Certificate2 signer, X509Certificate2[] anchors, DateTimeOffset at, bool expected) in cases)
        {
            var helpers = new X509Certificate2Collection(anchors);
            Assert.Equal(expected, WhitelistSignature.ChainsToCustomRoots(signer, helpers, anchors, at));
            Assert.Equal(expected, WhitelistSignature.ChainsToAnchorsPortable(signer, helpers, anchors, at));
        }
    }

    // ---- MssanteFr and FromDomains ----

    [Fact]
    public void MssanteFr_IsTheSuffixRule()
    {
        TrustSpace trust = TrustSpace.MssanteFr;

        Assert.True(trust.Contains("ch-nord.mssante.fr"));
        Assert.True(trust.Contains("CH-NORD.MSSANTE.FR"));
        Assert.True(trust.Contains("patient.mssante.fr"));
        Assert.False(trust.Contains("mssante.fr"));
        Assert.False(trust.Contains(ApicryptInterop));
        Assert.False(trust.Contains("x.mssante.fr.evil.com"));
        Assert.False(trust.Contains("ch nord.mssante.fr"));
        Assert.False(trust.Contains(null!));
        Assert.Equal(0, trust.Count);
        Assert.Null(trust.GeneratedAt);
        Assert.Empty(trust.OperatorCertificates("ch-nord.mssante.fr"));
        Assert.Same(trust, TrustSpace.MssanteFr);
    }

    [Fact]
    public void FromDomains_ExactDomainsAsciiCaseIgnored()
    {
        TrustSpace trust = TrustSpace.FromDomains(["ch-nord.mssante.fr", "CH-Nord.MSSANTE.fr", ApicryptInterop]);

        Assert.Equal(2, trust.Count);
        Assert.True(trust.Contains("Ch-Nord.Mssante.Fr"));
        Assert.True(trust.Contains("INTEROP-mssante.apicrypt.org"));
        Assert.False(trust.Contains("sub.ch-nord.mssante.fr"));
        Assert.False(trust.Contains("nord.mssante.fr"));
        Assert.False(trust.Contains("ch-nord.mssante.fr."));
        Assert.False(trust.Contains(null!));
        Assert.Empty(trust.OperatorCertificates("ch-nord.mssante.fr"));
        Assert.Null(trust.GeneratedAt);
    }

    [Fact]
    public void FromDomains_NonAsciiCaseIsNotIgnored()
    {
        // Only ASCII case is folded (ADDR-1 compares domains ASCII-case-insensitively; ADDR-3 keeps non-ASCII out).
        TrustSpace trust = TrustSpace.FromDomains(["é.mssante.fr", "straße.test"]);

        Assert.True(trust.Contains("é.mssante.fr"));
        Assert.True(trust.Contains("STRAßE.TEST"));
        Assert.False(trust.Contains("É.mssante.fr"));
        Assert.False(trust.Contains("STRASSE.TEST"));
    }

    [Fact]
    public void FromDomains_NullOrEmpty_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => TrustSpace.FromDomains(null!));
        Assert.Throws<ArgumentNullException>(() => TrustSpace.FromDomains(["a.mssante.fr", null!]));
        Assert.Throws<ArgumentException>(() => TrustSpace.FromDomains([string.Empty]));
    }

    [Fact]
    public void FromDomains_ThousandsOfDomains_AllFoundOthersNot()
    {
        string[] domains = Enumerable.Range(0, 5000).Select(i => $"etablissement-{i}.mssante.fr").ToArray();
        TrustSpace trust = TrustSpace.FromDomains(domains);

        Assert.Equal(5000, trust.Count);
        Assert.All(domains, d => Assert.True(trust.Contains(d.ToUpperInvariant())));
        Assert.All(Enumerable.Range(5000, 500), i => Assert.False(trust.Contains($"etablissement-{i}.mssante.fr")));
    }

    [Fact]
    public void Arguments_Null_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => TrustSpace.LoadWhitelist(null!, []));
        Assert.Throws<ArgumentNullException>(() => TrustSpace.LoadWhitelist(new MemoryStream(), null!));
        Assert.Throws<ArgumentNullException>(() => TrustSpace.LoadWhitelist(new MemoryStream(), [null!]));
        Assert.Throws<ArgumentNullException>(() => TrustSpace.LoadUnsignedWhitelist(null!));
        Assert.Throws<ArgumentNullException>(() => TrustSpace.MssanteFr.OperatorCertificates(null!));
    }

    [Fact]
    public void FrenchText_EveryTrustSpaceError_HasItsOwnSentence()
    {
        string[] texts = Enum.GetValues<TrustSpaceError>().Select(FrenchText.Describe).ToArray();

        Assert.All(texts, t => Assert.False(string.IsNullOrWhiteSpace(t)));
        Assert.Equal(texts.Length, texts.Distinct().Count());
        Assert.Throws<ArgumentOutOfRangeException>(() => FrenchText.Describe((TrustSpaceError)99));
    }

    [Fact]
    public void TrustSpaceFormatException_Constructors()
    {
        Assert.Equal(TrustSpaceError.Unreadable, new TrustSpaceFormatException().Error);
        Assert.Equal(FrenchText.Describe(TrustSpaceError.Unreadable), new TrustSpaceFormatException().Message);
        Assert.Equal("m", new TrustSpaceFormatException("m").Message);
        var inner = new XmlException("x");
        Assert.Same(inner, new TrustSpaceFormatException("m", inner).InnerException);
        Assert.Equal(TrustSpaceError.UntrustedSigner, new TrustSpaceFormatException(TrustSpaceError.UntrustedSigner, inner).Error);
        Assert.Same(inner, new TrustSpaceFormatException(TrustSpaceError.UntrustedSigner, inner).InnerException);
    }

    private static X509Certificate2 RealSignerCertificate()
    {
        var document = new XmlDocument();
        document.LoadXml(Encoding.UTF8.GetString(TrustSpaceTestData.SignedCopy()));
        string base64 = document.GetElementsByTagName("X509Certificate", "http://www.w3.org/2000/09/xmldsig#")[0]!.InnerText;
        return X509CertificateLoader.LoadCertificate(Convert.FromBase64String(base64));
    }

    /// <summary>A stream of 'x' bytes that never ends before <c>length</c>, counting what was read.</summary>
    private sealed class RepeatingStream(long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = (int)Math.Min(count, length - _position);
            buffer.AsSpan(offset, n).Fill((byte)'x');
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
