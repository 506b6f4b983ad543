using System.Globalization;
using System.Xml.Linq;
using Mss.Core.Xdm;
using static Mss.Core.Tests.Xdm.XdmTestSupport;

namespace Mss.Core.Tests.Xdm;

// REF2-2 0.3: packages built from ANS's own CI-SIS example documents (TestData/Cda/PROVENANCE.md) carry what Mon espace
// santé and the DMP file. Each expected value comes from ANS's tables (TestData/Cisis, read here) or from the example's
// header (read here with System.Xml.Linq), never from the library.
public class XdmCisisExamplesTest
{
    private static readonly XNamespace Rim = "urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0";
    private static readonly XNamespace V3 = "urn:hl7-org:v3";

    // ITI TF-3 Tables 4.2.5-1 and 4.2.5-2.
    private const string ClassCodeScheme = "urn:uuid:41a5887f-8865-4c09-adf7-e362475b143a";
    private const string FormatCodeScheme = "urn:uuid:a09d5840-386c-46f2-b5ad-9c3699a4309d";
    private const string TypeCodeScheme = "urn:uuid:f0306f51-975f-434e-a61c-c59651d33983";
    private const string EventCodeScheme = "urn:uuid:2c6b8cb7-8b2a-4051-b291-b1ae6a575ef4";
    private const string AuthorScheme = "urn:uuid:93606bcf-9494-43ec-9b4e-a7748d1a838d";
    private const string SetAuthorScheme = "urn:uuid:a7058bb9-b4e4-4307-ba5b-e3f0ab85e12d";
    private const string ContentTypeScheme = "urn:uuid:aa543740-bdda-424e-8c96-df4873be8500";
    private const string DocPatientId = "urn:uuid:58a6f841-87b3-4a3e-92fd-a8ffeff98427";
    private const string SetPatientId = "urn:uuid:6b5aea1a-874d-4603-a4bc-96a0a7b38446";

    public static TheoryData<string> Examples() =>
    [
        "LDL-SES_2022.01.xml", "LDL-EES_2022.01.xml", "VSM_1.4_2022.01.xml", "BIO-CR-BIO_2024.01_TSH_1.xml",
        "eP-MED-DM_2024.01_PosoStruct.xml", "DOC_NON_STRUCTURE_CDA-R2-N1.xml",
    ];

    private static XElement Header(string file) => XDocument.Load(new MemoryStream(Cda(file))).Root!;

    private static XElement DocumentEntry(XdmPackage package) =>
        XDocument.Load(new MemoryStream(package.Metadata)).Descendants(Rim + "ExtrinsicObject").Single();

    private static string? Slot(XElement e, string name) =>
        e.Elements(Rim + "Slot").SingleOrDefault(s => (string?)s.Attribute("name") == name)?.Element(Rim + "ValueList")?.Element(Rim + "Value")?.Value;

    private static List<string> Slots(XElement e, string name) =>
        e.Elements(Rim + "Slot").Where(s => (string?)s.Attribute("name") == name).SelectMany(s => s.Descendants(Rim + "Value")).Select(v => v.Value).ToList();

    private static List<XElement> Classifications(XElement e, string scheme) =>
        e.Elements(Rim + "Classification").Where(c => (string?)c.Attribute("classificationScheme") == scheme).ToList();

    private static string Node(XElement c) => (string)c.Attribute("nodeRepresentation")!;

    /// <summary>An HL7 TS with an offset, as UTC <c>yyyyMMddHHmmss</c> (ITI TF-3 §4.2.3.1.5), computed with the BCL.</summary>
    private static string Utc(string ts) =>
        DateTimeOffset.ParseExact(ts, "yyyyMMddHHmmsszzz", CultureInfo.InvariantCulture).UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

    [Theory]
    [MemberData(nameof(Examples))]
    public void Build_AnsExample_NoFindings(string file)
    {
        XdmPackage package = Builder().AddCda(file, Cda(file)).Build();
        Assert.Empty(package.Findings);
        Assert.True(XdmPackage.TryRead(new MemoryStream(package.ToZip()), out XdmPackage? read, out _));
        Assert.Empty(read!.Findings); // the same judge on the received package
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Build_AnsExample_ClassCodeByAssX04(string file)
    {
        XElement code = Header(file).Element(V3 + "code")!;
        (_, _, string expected, string scheme) = CisisTablesTest.X04.Single(r => r.Code == (string)code.Attribute("code")! && r.System == (string)code.Attribute("codeSystem")!);
        XElement doc = DocumentEntry(Builder().AddCda(file, Cda(file)).Build());
        XElement classCode = Classifications(doc, ClassCodeScheme).Single();
        Assert.Equal(expected, Node(classCode));
        Assert.Equal(scheme, Slot(classCode, "codingScheme"));
        Assert.Equal((string)code.Attribute("code")!, Node(Classifications(doc, TypeCodeScheme).Single()));
    }

    [Theory]
    [InlineData("LDL-SES_2022.01.xml", "10")] // the issue's values, from ASS_X04: 11490-0 → 10
    [InlineData("LDL-EES_2022.01.xml", "11")] // 18761-7 → 11
    [InlineData("VSM_1.4_2022.01.xml", "11")] // SYNTH → 11
    [InlineData("eP-MED-DM_2024.01_PosoStruct.xml", "42")] // 57833-6 → 42
    public void Build_AnsExample_ClassCodeAsTheIssueSays(string file, string expected) =>
        Assert.Equal(expected, Node(Classifications(DocumentEntry(Builder().AddCda(file, Cda(file)).Build()), ClassCodeScheme).Single()));

    [Theory]
    [InlineData("LDL-SES_2022.01.xml")]
    [InlineData("LDL-EES_2022.01.xml")]
    [InlineData("VSM_1.4_2022.01.xml")]
    [InlineData("BIO-CR-BIO_2024.01_TSH_1.xml")]
    [InlineData("eP-MED-DM_2024.01_PosoStruct.xml")]
    public void Build_AnsExample_FormatCodeByAssA11(string file)
    {
        List<string> templates = Header(file).Elements(V3 + "templateId").Select(t => (string)t.Attribute("root")!).ToList();
        (_, _, string expected, string scheme) = CisisTablesTest.A11.First(r => templates.Contains(r.Code));
        XElement format = Classifications(DocumentEntry(Builder().AddCda(file, Cda(file)).Build()), FormatCodeScheme).Single();
        Assert.Equal(expected, Node(format));
        Assert.Equal(scheme, Slot(format, "codingScheme"));
    }

    [Fact]
    public void Build_AnsExamples_FormatCodesAsTheIssueSays()
    {
        Assert.Equal("urn:asip:ci-sis:ldl-ses:2017", Node(Classifications(DocumentEntry(Builder().AddCda("a.xml", LdlSes).Build()), FormatCodeScheme).Single()));
        Assert.Equal("urn:asip:ci-sis:vsm:2012", Node(Classifications(DocumentEntry(Builder().AddCda("a.xml", Cda("VSM_1.4_2022.01.xml")).Build()), FormatCodeScheme).Single()));
        Assert.Equal("urn:ihe:lab:xd-lab:2008", Node(Classifications(DocumentEntry(Builder().AddCda("a.xml", Cda("BIO-CR-BIO_2024.01_TSH_1.xml")).Build()), FormatCodeScheme).Single()));
    }

    [Fact]
    public void Build_UnstructuredPdf_FormatCodeByAssA12()
    {
        XElement body = Header("DOC_NON_STRUCTURE_CDA-R2-N1.xml").Descendants(V3 + "nonXMLBody").Single().Element(V3 + "text")!;
        Assert.Equal("application/pdf", (string?)body.Attribute("mediaType"));
        XElement format = Classifications(DocumentEntry(Builder().AddCda("n1.xml", CdaWrappingPdf).Build()), FormatCodeScheme).Single();
        Assert.Equal("urn:ihe:iti:xds-sd:pdf:2008", Node(format)); // ASS_A12: application/pdf
        Assert.Equal("1.3.6.1.4.1.19376.1.2.3", Slot(format, "codingScheme"));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Build_AnsExample_PatientIdsWithNhAndLocalIdWithPi(string file)
    {
        XElement role = Header(file).Element(V3 + "recordTarget")!.Element(V3 + "patientRole")!;
        List<(string Root, string Ext)> ids = role.Elements(V3 + "id").Select(i => ((string)i.Attribute("root")!, (string)i.Attribute("extension")!)).ToList();
        (string insRoot, string ins) = ids.Single(i => i.Root.StartsWith("1.2.250.1.213.1.4.", StringComparison.Ordinal));
        string patientId = ins + "^^^&" + insRoot + "&ISO^NH";
        var local = ids.Where(i => i.Root != insRoot).Select(i => i.Ext + "^^^&" + i.Root + "&ISO^PI").FirstOrDefault();

        XdmPackage package = Builder().AddCda(file, Cda(file)).Build();
        XElement doc = DocumentEntry(package);
        Assert.Equal(patientId, package.PatientId);
        Assert.Equal(patientId, (string?)doc.Elements(Rim + "ExternalIdentifier").Single(x => (string?)x.Attribute("identificationScheme") == DocPatientId).Attribute("value"));
        XElement set = XDocument.Load(new MemoryStream(package.Metadata)).Descendants(Rim + "RegistryPackage").Single();
        Assert.Equal(patientId, (string?)set.Elements(Rim + "ExternalIdentifier").Single(x => (string?)x.Attribute("identificationScheme") == SetPatientId).Attribute("value"));
        Assert.Equal(local ?? patientId, Slot(doc, "sourcePatientId"));
        List<string> info = Slots(doc, "sourcePatientInfo");
        Assert.Contains("PID-3|" + patientId, info);
        if (local is not null)
        {
            Assert.Contains("PID-3|" + local, info);
        }
    }

    [Fact]
    public void Build_LdlSes_HeaderDerivedAttributes()
    {
        XdmPackage package = Builder().AddCda("ldl.xml", LdlSes).Build();
        XElement doc = DocumentEntry(package);
        // legalAuthenticator/assignedEntity: id 801234567897 under IdNat_PS, AUGUIN Léon (the header's "Léon " trimmed).
        Assert.Equal("801234567897^AUGUIN^Léon^^^^^^&1.2.250.1.71.4.2.1&ISO^D^^^IDNPS", Slot(doc, "legalAuthenticator"));
        // documentationOf/serviceEvent/effectiveTime low 20191029111700+0100, high 20191203133000+0100.
        Assert.Equal(Utc("20191029111700+0100"), Slot(doc, "serviceStartTime"));
        Assert.Equal(Utc("20191203133000+0100"), Slot(doc, "serviceStopTime"));
        XElement eventCode = Classifications(doc, EventCodeScheme).Single();
        Assert.Equal("IMP", Node(eventCode));
        Assert.Equal("2.16.840.1.113883.5.4", Slot(eventCode, "codingScheme"));
        XElement author = Classifications(doc, AuthorScheme).Single();
        Assert.Equal("801234567897^DAVID^Charles^^^^^^&1.2.250.1.71.4.2.1&ISO^D^^^IDNPS", Slot(author, "authorPerson"));
        Assert.Equal("Hôpital Européen Georges Pompidou^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^1750803447", Slot(author, "authorInstitution"));
        Assert.Equal("G15_10/SM27^Médecin - Médecine interne (SM)^1.2.250.1.213.1.1.4.5", Slot(author, "authorSpecialty"));
        // The submission set's author is the document's (no Author given).
        XElement setAuthor = XDocument.Load(new MemoryStream(package.Metadata)).Descendants(Rim + "RegistryPackage").Single()
            .Elements(Rim + "Classification").Single(c => (string?)c.Attribute("classificationScheme") == SetAuthorScheme);
        Assert.Equal(Slot(author, "authorInstitution"), Slot(setAuthor, "authorInstitution"));
    }

    [Fact]
    public void Build_Vsm_HeaderDerivedAttributes()
    {
        XElement doc = DocumentEntry(Builder().AddCda("vsm.xml", Cda("VSM_1.4_2022.01.xml")).Build());
        Assert.Equal("801234567897^MEDIONI^Stéphane^^^^^^&1.2.250.1.71.4.2.1&ISO^D^^^IDNPS", Slot(doc, "legalAuthenticator"));
        Assert.Equal(Utc("20200312111700+0100"), Slot(doc, "serviceStartTime"));
        Assert.Null(Slot(doc, "serviceStopTime")); // the VSM's serviceEvent has no high
        Assert.Equal("34117-2", Node(Classifications(doc, EventCodeScheme).Single()));
        XElement author = Classifications(doc, AuthorScheme).Single();
        Assert.Equal("Centre de soins le Belvédère^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^2801234567", Slot(author, "authorInstitution"));
        Assert.Equal("G15_10/SM26^Médecin - Qualifié en Médecine Générale (SM)^1.2.250.1.213.1.1.4.5", Slot(author, "authorSpecialty"));
    }

    [Fact]
    public void Build_NoContentTypeGiven_FacilityNotInJ03_Refused()
    {
        // LDL-SES's healthCareFacility is SA01, which JDV_J03 does not hold: nothing true can be written.
        var builder = new XdmPackageBuilder(Patient, InsNirTestOid, new Mailboxes.FixedClock(Now)).AddCda("ldl.xml", LdlSes);
        InvalidOperationException e = Assert.Throws<InvalidOperationException>(() => builder.Build());
        Assert.Contains("contentTypeCode", e.Message, StringComparison.Ordinal);
        Assert.Contains("JDV_J03", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ExampleIns, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NoContentTypeGiven_FacilityInJ03_ContentTypeIsTheFacility()
    {
        // JDV_J03 (20260223120000) holds TRE_R02 SA07 "Cabinet individuel".
        XdmPackage package = new XdmPackageBuilder(Patient, InsNirTestOid, new Mailboxes.FixedClock(Now))
            .HealthcareFacilityTypeCode(new XdmCode("SA07", "1.2.250.1.71.4.2.4", "Cabinet individuel"))
            .AddCda("ldl.xml", LdlSes).Build();
        XElement content = XDocument.Load(new MemoryStream(package.Metadata)).Descendants(Rim + "RegistryPackage").Single()
            .Elements(Rim + "Classification").Single(c => (string?)c.Attribute("classificationScheme") == ContentTypeScheme);
        Assert.Equal("SA07", Node(content));
        Assert.Equal("1.2.250.1.71.4.2.4", Slot(content, "codingScheme"));
        Assert.Equal("Cabinet individuel", (string?)content.Element(Rim + "Name")!.Element(Rim + "LocalizedString")!.Attribute("value"));
        Assert.Empty(package.Findings);
    }

    [Fact]
    public void Build_ContentTypeGiven_Written()
    {
        XdmPackage package = Builder().AddCda("ldl.xml", LdlSes).Build();
        XElement content = XDocument.Load(new MemoryStream(package.Metadata)).Descendants(Rim + "RegistryPackage").Single()
            .Elements(Rim + "Classification").Single(c => (string?)c.Attribute("classificationScheme") == ContentTypeScheme);
        Assert.Equal("03", Node(content));
        Assert.Equal("1.2.250.1.213.2.2", Slot(content, "codingScheme"));
    }

    [Fact]
    public void Build_ContentTypeNotInJ03_Finding()
    {
        XdmPackage package = Builder().ContentType(new XdmCode("SA01", "1.2.250.1.71.4.2.4", "Etablissement public de santé")).AddCda("ldl.xml", LdlSes).Build();
        XdmFinding finding = Assert.Single(package.Findings);
        Assert.Equal("contentTypeCode", finding.Attribute);
        Assert.Equal("CI-SIS JDV_J03", finding.Rule);
    }

    [Fact]
    public void Build_TypeCodeNotInX04_RefusedWithoutClassCode_AcceptedWithOne()
    {
        XdmPackageBuilder builder = NonCdaBuilder().AddDocument("x.pdf", Utf8("%PDF-1.4"), "application/pdf", "00000-0", "Inconnu");
        InvalidOperationException e = Assert.Throws<InvalidOperationException>(() => builder.Build());
        Assert.Contains("ASS_X04", e.Message, StringComparison.Ordinal);
        XdmPackage package = builder.ClassCode(new XdmCode("10", "1.2.250.1.213.1.1.4.1", "Compte rendu")).Build();
        XdmFinding finding = Assert.Single(package.Findings); // the class is given, but the type is still not in the table
        Assert.Equal("typeCode", finding.Attribute);
        Assert.Equal("CI-SIS ASS_X04", finding.Rule);
    }

    [Fact]
    public void Build_NoCda_NoFacilityOrPracticeSetting_Refused()
    {
        XdmPackageBuilder noFacility = Builder().PracticeSettingCode(new XdmCode("AMBULATOIRE", "1.2.250.1.213.1.1.4.9", "Ambulatoire"))
            .AddDocument("x.pdf", Utf8("%PDF-1.4"), "application/pdf", "11488-4", "CR");
        Assert.Contains("healthcareFacilityTypeCode", Assert.Throws<InvalidOperationException>(() => noFacility.Build()).Message, StringComparison.Ordinal);
        XdmPackageBuilder noPractice = Builder().HealthcareFacilityTypeCode(new XdmCode("SA07", "1.2.250.1.71.4.2.4", "Cabinet individuel"))
            .AddDocument("x.pdf", Utf8("%PDF-1.4"), "application/pdf", "11488-4", "CR");
        Assert.Contains("practiceSettingCode", Assert.Throws<InvalidOperationException>(() => noPractice.Build()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_PdfBesideCda_TakesTheCdaFacilityAndPatientTraits()
    {
        XdmPackage package = Builder().AddCda("ldl.xml", LdlSes).AddDocument("scan.pdf", Utf8("%PDF-1.4"), "application/pdf", "11488-4", "Scan").Build();
        XElement pdf = XDocument.Load(new MemoryStream(package.Metadata)).Descendants(Rim + "ExtrinsicObject").Single(d => (string?)d.Attribute("mimeType") == "application/pdf");
        Assert.Equal("SA01", Node(Classifications(pdf, "urn:uuid:f33fb8ac-18af-42cc-ae0e-ed0b0bdb91e1").Single()));
        Assert.Contains("PID-5|PAT-TROIS^DOMINIQUE^^^^^L", Slots(pdf, "sourcePatientInfo"));
        Assert.Equal("1234567890121^^^&1.2.3.4.567.8.9.10&ISO^PI", Slot(pdf, "sourcePatientId"));
        Assert.Empty(package.Findings);
    }

    [Fact]
    public void AuthorInstitution_WrittenAsXon_OnSetAndDocumentsWithoutOne()
    {
        XdmPackage package = NonCdaBuilder().Author(Rpps.Parse("10101010101"), "Durand", "Jeanne")
            .AuthorInstitution(StructureId.Parse("1750803447"), "Hôpital Européen Georges Pompidou")
            .AddDocument("x.pdf", Utf8("%PDF-1.4"), "application/pdf", "11488-4", "CR").Build();
        XDocument metadata = XDocument.Load(new MemoryStream(package.Metadata));
        const string xon = "Hôpital Européen Georges Pompidou^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^1750803447";
        Assert.Equal(xon, Slot(Classifications(metadata.Descendants(Rim + "ExtrinsicObject").Single(), AuthorScheme).Single(), "authorInstitution"));
        Assert.Equal(xon, Slot(Classifications(metadata.Descendants(Rim + "RegistryPackage").Single(), SetAuthorScheme).Single(), "authorInstitution"));
        Assert.Empty(package.Findings);
    }

    [Fact]
    public void AuthorInstitution_Refusals()
    {
        Assert.Throws<ArgumentException>(() => Builder().AuthorInstitution(default, "X"));
        Assert.Throws<ArgumentNullException>(() => Builder().AuthorInstitution(StructureId.Parse("1750803447"), null!));
        Assert.Throws<ArgumentException>(() => Builder().AuthorInstitution(StructureId.Parse("1750803447"), " "));
        Assert.Throws<ArgumentException>(() => Builder().AuthorInstitution(StructureId.Parse("1750803447"), "a\u0001b"));
        Assert.Throws<ArgumentNullException>(() => Builder().ContentType(null!));
    }
}
