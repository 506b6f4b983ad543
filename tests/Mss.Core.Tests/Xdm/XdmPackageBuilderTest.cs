using System.Xml.Linq;
using Mss.Core.Xdm;
using static Mss.Core.Tests.Xdm.XdmTestSupport;

namespace Mss.Core.Tests.Xdm;

// REF2-2, REF2-3, REF2-4: the package built from ANS's own CI-SIS example CDA (a lettre de liaison, LDL-SES), METADATA.XML
// read back with System.Xml.Linq and checked against values taken from IHE ITI TF-3 §4.2 and the CI-SIS value sets, not
// from the code.
public class XdmPackageBuilderTest
{
    private static readonly XNamespace Rim = "urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0";
    private static readonly XNamespace Lcm = "urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0";

    // ITI TF-3 Table 4.2.5-1 (DocumentEntry) and 4.2.5-2 (SubmissionSet).
    private const string TypeCodeScheme = "urn:uuid:f0306f51-975f-434e-a61c-c59651d33983";
    private const string ClassCodeScheme = "urn:uuid:41a5887f-8865-4c09-adf7-e362475b143a";
    private const string ConfidentialityScheme = "urn:uuid:f4f85eac-e6cb-4883-b524-f2705394840f";
    private const string FormatCodeScheme = "urn:uuid:a09d5840-386c-46f2-b5ad-9c3699a4309d";
    private const string FacilityScheme = "urn:uuid:f33fb8ac-18af-42cc-ae0e-ed0b0bdb91e1";
    private const string PracticeScheme = "urn:uuid:cccf5598-8b07-4b77-a05e-ae952c785ead";
    private const string AuthorScheme = "urn:uuid:93606bcf-9494-43ec-9b4e-a7748d1a838d";
    private const string DocPatientId = "urn:uuid:58a6f841-87b3-4a3e-92fd-a8ffeff98427";
    private const string DocUniqueId = "urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab";
    private const string SetNode = "urn:uuid:a54d6aa5-d40d-43f9-88c5-b4633d873bdd";
    private const string SetPatientId = "urn:uuid:6b5aea1a-874d-4603-a4bc-96a0a7b38446";
    private const string SetUniqueId = "urn:uuid:96fdda7c-d067-4183-912e-bf5ee74998a8";
    private const string SetSourceId = "urn:uuid:554ac39e-e3fe-47fe-b233-965d2a147832";
    private const string StableEntry = "urn:uuid:7edca82f-054d-47f2-a032-9b2a5b5186c1";

    private static XDocument MetadataOf(XdmPackage package)
    {
        (string _, byte[] content) = Entries(package.ToZip()).Single(e => e.Name == "IHE_XDM/SUBSET01/METADATA.XML");
        return XDocument.Load(new MemoryStream(content));
    }

    private static string? Slot(XElement e, string name) =>
        e.Elements(Rim + "Slot").SingleOrDefault(s => (string?)s.Attribute("name") == name)?.Element(Rim + "ValueList")?.Element(Rim + "Value")?.Value;

    private static XElement Classification(XElement e, string scheme) =>
        e.Elements(Rim + "Classification").Single(c => (string?)c.Attribute("classificationScheme") == scheme);

    private static string CodingScheme(XElement classification) => Slot(classification, "codingScheme")!;

    private static string External(XElement e, string scheme) =>
        (string)e.Elements(Rim + "ExternalIdentifier").Single(x => (string?)x.Attribute("identificationScheme") == scheme).Attribute("value")!;

    [Fact]
    public void Build_LettreDeLiaison_ArchiveLayoutPerXdm()
    {
        XdmPackage package = Builder().AddCda("lettre.xml", LdlSes).Build();
        List<string> names = Entries(package.ToZip()).Select(e => e.Name).ToList();
        Assert.Equal(new[] { "INDEX.HTM", "README.TXT", "IHE_XDM/SUBSET01/METADATA.XML", "IHE_XDM/SUBSET01/DOC00001.XML" }, names);
        Assert.Equal("IHE_XDM/SUBSET01/DOC00001.XML", package.Documents[0].Path);
        Assert.Equal(LdlSes, Entries(package.ToZip())[3].Content);
    }

    [Fact]
    public void Build_LettreDeLiaison_DocumentEntryFromCdaHeader()
    {
        XdmPackage package = Builder().AddCda("lettre.xml", LdlSes).Build();
        XDocument metadata = MetadataOf(package);
        Assert.Equal(Lcm + "SubmitObjectsRequest", metadata.Root!.Name);
        XElement doc = metadata.Descendants(Rim + "ExtrinsicObject").Single();

        Assert.Equal(StableEntry, (string?)doc.Attribute("objectType"));
        Assert.Equal("text/xml", (string?)doc.Attribute("mimeType"));
        Assert.Equal(Sha1(LdlSes), Slot(doc, "hash"));
        Assert.Equal(LdlSes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), Slot(doc, "size"));
        Assert.Equal("DOC00001.XML", Slot(doc, "URI"));
        Assert.Equal("20191203123000", Slot(doc, "creationTime")); // effectiveTime 20191203133000+0100, in UTC
        Assert.Equal("fr-FR", Slot(doc, "languageCode"));
        // REF2-2 0.3 (corrects 0.2, which wrote the INS here): the recordTarget's local id (IPP) beside the INS, with ^PI.
        Assert.Equal("1234567890121^^^&1.2.3.4.567.8.9.10&ISO^PI", Slot(doc, "sourcePatientId"));
        List<string> info = doc.Elements(Rim + "Slot").Single(s => (string?)s.Attribute("name") == "sourcePatientInfo")
            .Descendants(Rim + "Value").Select(v => v.Value).ToList();
        Assert.Contains("PID-5|PAT-TROIS^DOMINIQUE^^^^^L", info);
        Assert.Contains("PID-7|19790328", info);
        Assert.Contains("PID-8|F", info);
        Assert.Equal("Lettre de liaison à la sortie de l'établissement de santé",
            (string?)doc.Element(Rim + "Name")!.Element(Rim + "LocalizedString")!.Attribute("value"));

        XElement type = Classification(doc, TypeCodeScheme);
        Assert.Equal("11490-0", (string?)type.Attribute("nodeRepresentation"));
        Assert.Equal("2.16.840.1.113883.6.1", CodingScheme(type));

        XElement format = Classification(doc, FormatCodeScheme);
        Assert.Equal("urn:asip:ci-sis:ldl-ses:2017", (string?)format.Attribute("nodeRepresentation")); // ASS_A11: template 1.2.250.1.213.1.1.1.29

        XElement confidentiality = Classification(doc, ConfidentialityScheme);
        Assert.Equal("N", (string?)confidentiality.Attribute("nodeRepresentation"));
        Assert.Equal("2.16.840.1.113883.5.25", CodingScheme(confidentiality));

        XElement classCode = Classification(doc, ClassCodeScheme);
        Assert.Equal("10", (string?)classCode.Attribute("nodeRepresentation"));
        Assert.Equal("1.2.250.1.213.1.1.4.1", CodingScheme(classCode));

        XElement facility = Classification(doc, FacilityScheme); // componentOf/.../healthCareFacility/code of the CDA
        Assert.Equal("SA01", (string?)facility.Attribute("nodeRepresentation"));
        Assert.Equal("1.2.250.1.71.4.2.4", CodingScheme(facility));

        XElement practice = Classification(doc, PracticeScheme);
        Assert.Equal("ETABLISSEMENT", (string?)practice.Attribute("nodeRepresentation"));
        Assert.Equal("1.2.250.1.213.1.1.4.9", CodingScheme(practice));

        XElement author = Classification(doc, AuthorScheme);
        Assert.Equal("801234567897^DAVID^Charles^^^^^^&1.2.250.1.71.4.2.1&ISO^D^^^IDNPS", Slot(author, "authorPerson"));

        Assert.Equal("279035121518989^^^&1.2.250.1.213.1.4.10&ISO^NH", External(doc, DocPatientId)); // REF2-2 0.3: ^NH (0.2 had none)
        Assert.Equal("1.2.250.1.213.1.1.1.29.2022.1.1", External(doc, DocUniqueId)); // the CDA's id root (no extension)
    }

    [Fact]
    public void Build_SubmissionSet_PerIti()
    {
        XdmPackage package = Builder().SourceId("1.2.250.1.999.1").AddCda("lettre.xml", LdlSes).Build();
        XDocument metadata = MetadataOf(package);
        XElement set = metadata.Descendants(Rim + "RegistryPackage").Single();
        string setId = (string)set.Attribute("id")!;
        Assert.Equal("20261130091542", Slot(set, "submissionTime"));
        Assert.Equal("279035121518989^^^&1.2.250.1.213.1.4.10&ISO^NH", External(set, SetPatientId)); // REF2-2 0.3: ^NH (0.2 had none)
        Assert.Equal("1.2.250.1.999.1", External(set, SetSourceId));
        Assert.Matches("^2\\.25\\.[0-9]+$", External(set, SetUniqueId));

        // The RegistryPackage is classified as a submission set, and holds the document by a HasMember association.
        Assert.Single(metadata.Descendants(Rim + "Classification"),
            c => (string?)c.Attribute("classificationNode") == SetNode && (string?)c.Attribute("classifiedObject") == setId);
        XElement doc = metadata.Descendants(Rim + "ExtrinsicObject").Single();
        XElement association = metadata.Descendants(Rim + "Association").Single();
        Assert.Equal("urn:oasis:names:tc:ebxml-regrep:AssociationType:HasMember", (string?)association.Attribute("associationType"));
        Assert.Equal(setId, (string?)association.Attribute("sourceObject"));
        Assert.Equal((string?)doc.Attribute("id"), (string?)association.Attribute("targetObject"));
        Assert.Equal("Original", Slot(association, "SubmissionSetStatus"));

        // Entry ids are UUIDs (ITI TF-3 §4.2.3.1.7) and unique.
        List<string> ids = metadata.Descendants().Select(e => (string?)e.Attribute("id")).OfType<string>().ToList();
        Assert.All(ids, id => Assert.Matches("^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", id));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void Build_Pdf_DefaultsAndTypeCodeGiven()
    {
        byte[] pdf = Utf8("%PDF-1.4\n% compte rendu\n%%EOF\n");
        // REF2-2 0.3: no default facility type or practice setting any more (0.2's SA01 / ETABLISSEMENT stated what the
        // sender had not said): a package without a CDA is given them.
        XdmPackage package = Builder().Author(Rpps.Parse("10101010101"), "Durand", "Jeanne")
            .HealthcareFacilityTypeCode(new XdmCode("SA01", "1.2.250.1.71.4.2.4", "Etablissement public de santé"))
            .PracticeSettingCode(new XdmCode("ETABLISSEMENT", "1.2.250.1.213.1.1.4.9", "Etablissement de santé"))
            .AddDocument("compte-rendu.pdf", pdf, "application/pdf", "11488-4", "Compte rendu de consultation").Build();
        XElement doc = MetadataOf(package).Descendants(Rim + "ExtrinsicObject").Single();
        Assert.Equal("application/pdf", (string?)doc.Attribute("mimeType"));
        Assert.Equal("DOC00001.PDF", Slot(doc, "URI"));
        Assert.Equal("20261130091542", Slot(doc, "creationTime"));
        Assert.Equal(Sha1(pdf), Slot(doc, "hash"));
        Assert.Equal("11488-4", (string?)Classification(doc, TypeCodeScheme).Attribute("nodeRepresentation"));
        // REF2-2 0.3: urn:ihe:iti:xds:2017:mimeTypeSufficient (0.2) is not in JDV_J10; a document that is not a CDA model
        // gets JDV_J10's "Document non référencé IHE ou CI-SIS" (TRE_A06, 1.2.250.1.213.1.1.4.2.282).
        Assert.Equal("urn:asipSante:modelesHorsProfils:2011", (string?)Classification(doc, FormatCodeScheme).Attribute("nodeRepresentation"));
        Assert.Equal("1.2.250.1.213.1.1.4.2.282", CodingScheme(Classification(doc, FormatCodeScheme)));
        Assert.Equal("N", (string?)Classification(doc, ConfidentialityScheme).Attribute("nodeRepresentation"));
        Assert.Equal("SA01", (string?)Classification(doc, FacilityScheme).Attribute("nodeRepresentation"));
        Assert.Equal("ETABLISSEMENT", (string?)Classification(doc, PracticeScheme).Attribute("nodeRepresentation"));
        Assert.Equal("810101010101^Durand^Jeanne^^^^^^&1.2.250.1.71.4.2.1&ISO^D^^^IDNPS", Slot(Classification(doc, AuthorScheme), "authorPerson"));
        Assert.Matches("^2\\.25\\.[0-9]+$", External(doc, DocUniqueId));
        Assert.Empty(package.CdaCodes); // REF2-3: no CDA, no X-MSS-CODECDA
        Assert.False(package.HasQualifiedIns);
        Assert.False(package.HasCda);
    }

    [Fact]
    public void Build_SettableCodes_OverrideHeaderAndDefaults()
    {
        var restricted = new XdmCode("R", "2.16.840.1.113883.5.25", "Restreint");
        var cabinet = new XdmCode("SA07", "1.2.250.1.71.4.2.4", "Cabinet individuel");
        var ambulatoire = new XdmCode("AMBULATOIRE", "1.2.250.1.213.1.1.4.9", "Ambulatoire");
        var synthese = new XdmCode("11", "1.2.250.1.213.1.1.4.1", "Synthèse");
        XdmPackage package = Builder().ConfidentialityCode(restricted).HealthcareFacilityTypeCode(cabinet).PracticeSettingCode(ambulatoire)
            .ClassCode(synthese).AddCda("lettre.xml", LdlSes).Build();
        XElement doc = MetadataOf(package).Descendants(Rim + "ExtrinsicObject").Single();
        Assert.Equal("R", (string?)Classification(doc, ConfidentialityScheme).Attribute("nodeRepresentation"));
        Assert.Equal("SA07", (string?)Classification(doc, FacilityScheme).Attribute("nodeRepresentation"));
        Assert.Equal("AMBULATOIRE", (string?)Classification(doc, PracticeScheme).Attribute("nodeRepresentation"));
        Assert.Equal("11", (string?)Classification(doc, ClassCodeScheme).Attribute("nodeRepresentation"));
        Assert.Equal("Synthèse", (string?)Classification(doc, ClassCodeScheme).Element(Rim + "Name")!.Element(Rim + "LocalizedString")!.Attribute("value"));
    }

    [Fact]
    public void Build_CdaWrappingPdf_XdsSdFormatCode()
    {
        XdmPackage package = Builder().AddCda("cr-bio.xml", CdaWrappingPdf).Build();
        XElement doc = MetadataOf(package).Descendants(Rim + "ExtrinsicObject").Single();
        Assert.Equal("urn:ihe:iti:xds-sd:pdf:2008", (string?)Classification(doc, FormatCodeScheme).Attribute("nodeRepresentation"));
        Assert.Equal(new[] { "11502-2" }, package.CdaCodes);
    }

    // REF2-3: the code of each CDA header, in document order; other documents do not count.
    [Fact]
    public void CdaCodes_DocumentOrder()
    {
        XdmPackage package = Builder().AddCda("entree.xml", LdlEes)
            .AddDocument("scan.pdf", Utf8("%PDF-1.4"), "application/pdf", "11488-4", "Scan")
            .AddCda("sortie.xml", LdlSes).Build();
        Assert.Equal(new[] { "18761-7", "11490-0" }, package.CdaCodes);
        Assert.Equal(new[] { "DOC00001.XML", "DOC00002.PDF", "DOC00003.XML" }, package.Documents.Select(d => d.Path.Split('/')[^1]));
    }

    // REF2-4: the ANS example gives the INS with its OID and the four traits: a qualified INS.
    [Fact]
    public void HasQualifiedIns_AnsExample_True()
    {
        Assert.True(Builder().AddCda("lettre.xml", LdlSes).Build().HasQualifiedIns);
    }

    [Theory]
    [InlineData("<family qualifier=\"BR\">PAT-TROIS</family>", "<family>PAT-TROIS</family>")]             // no birth name
    [InlineData("<given qualifier=\"BR\">DOMINIQUE</given>", "<given>DOMINIQUE</given>")]                 // no first given name
    [InlineData("<birthTime value=\"19790328\"/>", "<birthTime nullFlavor=\"UNK\"/>")]                      // no birth date
    [InlineData("<administrativeGenderCode code=\"F\"", "<administrativeGenderCode code=\"UN\"")]          // no sex
    [InlineData("root=\"1.2.250.1.213.1.4.10\"", "root=\"1.2.250.1.213.1.4.99\"")]                        // not an INS OID
    public void HasQualifiedIns_MissingTrait_False(string find, string replace)
    {
        string cda = System.Text.Encoding.UTF8.GetString(LdlSes);
        Assert.Contains(find, cda, StringComparison.Ordinal);
        byte[] changed = Utf8(cda.Replace(find, replace, StringComparison.Ordinal));
        XdmPackage package = Builder().AddCda("lettre.xml", changed).Build();
        Assert.False(package.HasQualifiedIns);
        Assert.Equal(new[] { "11490-0" }, package.CdaCodes);
    }

    [Fact]
    public void AddCda_AnotherPatientsIns_Refused()
    {
        var builder = new XdmPackageBuilder(InsMatricule.Parse("184127645108946"), InsNirTestOid);
        Assert.Throws<ArgumentException>(() => builder.AddCda("lettre.xml", LdlSes));
    }

    [Fact]
    public void AddCda_NotCda_Refused()
    {
        Assert.Throws<ArgumentException>(() => Builder().AddCda("x.xml", Utf8("<html/>")));
        Assert.Throws<ArgumentException>(() => Builder().AddCda("x.xml", Utf8("not xml")));
        Assert.Throws<ArgumentException>(() => Builder().AddCda("x.xml",
            Utf8("<!DOCTYPE ClinicalDocument [<!ENTITY x \"y\">]><ClinicalDocument xmlns=\"urn:hl7-org:v3\"><code code=\"1\" codeSystem=\"2\"/><id root=\"1.2\"/></ClinicalDocument>")));
    }

    [Fact]
    public void Constructor_NotInsOid_Refused()
    {
        Assert.Throws<ArgumentException>(() => new XdmPackageBuilder(Patient, "1.2.3.4"));
        Assert.Throws<ArgumentException>(() => new XdmPackageBuilder(default, InsNirTestOid));
        Assert.Throws<InvalidOperationException>(() => Builder().Build());
    }

    [Fact]
    public void ToZip_SamePackage_SameBytes()
    {
        XdmPackage package = Builder().AddCda("lettre.xml", LdlSes).Build();
        Assert.Equal(package.ToZip(), package.ToZip());
    }

    [Fact]
    public void IndexAndReadme_NameTheDocuments()
    {
        XdmPackage package = Builder().AddCda("lettre.xml", LdlSes).Build();
        List<(string Name, byte[] Content)> entries = Entries(package.ToZip());
        string index = System.Text.Encoding.UTF8.GetString(entries.Single(e => e.Name == "INDEX.HTM").Content);
        Assert.Contains("href=\"IHE_XDM/SUBSET01/DOC00001.XML\"", index, StringComparison.Ordinal);
        Assert.Contains("Lettre de liaison à la sortie de l'établissement de santé", System.Net.WebUtility.HtmlDecode(index), StringComparison.Ordinal);
        Assert.Contains("README.TXT", index, StringComparison.Ordinal);
        Assert.NotEmpty(entries.Single(e => e.Name == "README.TXT").Content);
    }
}
