using System.Text;
using System.Xml.Linq;
using Mss.Core.Xdm;
using static Mss.Core.Tests.Xdm.XdmTestSupport;

namespace Mss.Core.Tests.Xdm;

// REF2-2 0.3: a received package is judged, never refused for its metadata's departures. Each test takes the conformant
// package built from ANS's LDL-SES example, changes one thing in METADATA.XML (as another sender's software would have
// written it) and expects exactly the finding for that departure; the package still reads.
public class XdmFindingsTest
{
    private static readonly XNamespace Rim = "urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0";

    private static byte[] Conformant() => Builder().AddCda("ldl.xml", LdlSes).Build().ToZip();

    /// <summary>The conformant archive with METADATA.XML changed by <paramref name="change"/>, read back (it must read).</summary>
    private static XdmPackage Received(Action<XDocument> change)
    {
        var entries = new List<(string, byte[])>();
        foreach ((string name, byte[] content) in Entries(Conformant()))
        {
            if (name.EndsWith("METADATA.XML", StringComparison.Ordinal))
            {
                XDocument doc = XDocument.Load(new MemoryStream(content));
                change(doc);
                using var buffer = new MemoryStream();
                doc.Save(buffer);
                entries.Add((name, buffer.ToArray()));
            }
            else
            {
                entries.Add((name, content));
            }
        }

        Assert.True(XdmPackage.TryRead(new MemoryStream(Zip(entries.ToArray())), out XdmPackage? package, out XdmError error), error.ToString());
        foreach (XdmFinding finding in package!.Findings)
        {
            Assert.DoesNotContain(ExampleIns, finding.Message, StringComparison.Ordinal); // INS-8
            Assert.DoesNotContain(ExampleIns, finding.ToString(), StringComparison.Ordinal);
        }

        return package;
    }

    private static XElement Document(XDocument d) => d.Descendants(Rim + "ExtrinsicObject").Single();

    private static XElement Set(XDocument d) => d.Descendants(Rim + "RegistryPackage").Single();

    private static XElement Classification(XElement e, string scheme) =>
        e.Descendants(Rim + "Classification").Single(c => (string?)c.Attribute("classificationScheme") == scheme);

    private static XElement SlotOf(XElement e, string name) => e.Elements(Rim + "Slot").Single(s => (string?)s.Attribute("name") == name);

    private static XdmFinding Only(XdmPackage package, string attribute, string rule)
    {
        XdmFinding finding = Assert.Single(package.Findings);
        Assert.Equal(attribute, finding.Attribute);
        Assert.Equal(rule, finding.Rule);
        Assert.False(string.IsNullOrWhiteSpace(finding.Message));
        return finding;
    }

    [Fact]
    public void Conformant_NoFindings()
    {
        Assert.True(XdmPackage.TryRead(new MemoryStream(Conformant()), out XdmPackage? package, out _));
        Assert.Empty(package!.Findings);
    }

    [Fact]
    public void PatientIdWithoutNh_AsIn02_ReadWithTwoFindings()
    {
        XdmPackage package = Received(d =>
        {
            foreach (XElement x in d.Descendants(Rim + "ExternalIdentifier").Where(x => ((string)x.Attribute("value")!).EndsWith("&ISO^NH", StringComparison.Ordinal)))
            {
                x.SetAttributeValue("value", ((string)x.Attribute("value")!)[..^3]);
            }
        });
        Assert.Equal(Patient, package.Patient); // still read (REF2-2 0.2's form)
        Assert.Equal(2, package.Findings.Count);
        Assert.All(package.Findings, f => Assert.Equal(("patientId", "REF2-2 0.3"), (f.Attribute, f.Rule)));
        Assert.Contains("lot de soumission", package.Findings[0].Message, StringComparison.Ordinal);
        Assert.Contains("document n° 1", package.Findings[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ClassCodeNotTheOneOfX04_Finding()
    {
        // LDL-SES is 11490-0, which ASS_X04 maps to 10: 11 is a departure.
        XdmFinding finding = Only(Received(d => Classification(Document(d), "urn:uuid:41a5887f-8865-4c09-adf7-e362475b143a").SetAttributeValue("nodeRepresentation", "11")),
            "classCode", "CI-SIS ASS_X04");
        Assert.Contains("11490-0", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ClassCodeNotInJ06_Finding() =>
        Only(Received(d => Classification(Document(d), "urn:uuid:41a5887f-8865-4c09-adf7-e362475b143a").SetAttributeValue("nodeRepresentation", "12")),
            "classCode", "CI-SIS JDV_J06");

    [Fact]
    public void TypeCodeNotInX04_Finding() =>
        Only(Received(d => Classification(Document(d), "urn:uuid:f0306f51-975f-434e-a61c-c59651d33983").SetAttributeValue("nodeRepresentation", "00000-0")),
            "typeCode", "CI-SIS ASS_X04");

    [Fact]
    public void FormatMimeTypeSufficient_As02_NotInJ10() =>
        Only(Received(d =>
        {
            XElement format = Classification(Document(d), "urn:uuid:a09d5840-386c-46f2-b5ad-9c3699a4309d");
            format.SetAttributeValue("nodeRepresentation", "urn:ihe:iti:xds:2017:mimeTypeSufficient");
            SlotOf(format, "codingScheme").Descendants(Rim + "Value").Single().Value = "1.3.6.1.4.1.19376.1.2.3";
        }), "formatCode", "CI-SIS JDV_J10");

    [Fact]
    public void FormatOfAnotherModel_FindingByA11() =>
        Only(Received(d => Classification(Document(d), "urn:uuid:a09d5840-386c-46f2-b5ad-9c3699a4309d").SetAttributeValue("nodeRepresentation", "urn:asip:ci-sis:ldl-ees:2017")),
            "formatCode", "CI-SIS ASS_A11");

    [Fact]
    public void ContentTypeMissing_Finding() =>
        Only(Received(d => Classification(Set(d), "urn:uuid:aa543740-bdda-424e-8c96-df4873be8500").Remove()), "contentTypeCode", "CI-SIS JDV_J03");

    [Fact]
    public void ContentTypeSa01_NotInJ03_Finding()
    {
        XdmFinding finding = Only(Received(d =>
        {
            XElement content = Classification(Set(d), "urn:uuid:aa543740-bdda-424e-8c96-df4873be8500");
            content.SetAttributeValue("nodeRepresentation", "SA01");
            SlotOf(content, "codingScheme").Descendants(Rim + "Value").Single().Value = "1.2.250.1.71.4.2.4";
        }), "contentTypeCode", "CI-SIS JDV_J03");
        Assert.Contains("SA01", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("legalAuthenticator")]
    [InlineData("serviceStartTime")]
    [InlineData("serviceStopTime")]
    [InlineData("creationTime")]
    public void HeaderSlotNotCarried_Finding(string slot) =>
        Only(Received(d => SlotOf(Document(d), slot).Remove()), slot, "REF2-2 0.3");

    [Fact]
    public void SourcePatientInfoMissing_Finding() =>
        Only(Received(d => SlotOf(Document(d), "sourcePatientInfo").Remove()), "sourcePatientInfo", "REF2-2 0.3");

    [Fact]
    public void SourcePatientIdMalformed_Finding() =>
        Only(Received(d => SlotOf(Document(d), "sourcePatientId").Descendants(Rim + "Value").Single().Value = "1234567890121"), "sourcePatientId", "REF2-2 0.3");

    [Fact]
    public void SourcePatientIdIsTheInsWithNh_NoFinding() =>
        Assert.Empty(Received(d => SlotOf(Document(d), "sourcePatientId").Descendants(Rim + "Value").Single().Value = ExampleIns + "^^^&" + InsNirTestOid + "&ISO^NH").Findings);

    [Fact]
    public void EventCodeListNotCarried_Finding() =>
        Only(Received(d => Classification(Document(d), "urn:uuid:2c6b8cb7-8b2a-4051-b291-b1ae6a575ef4").Remove()), "eventCodeList", "REF2-2 0.3");

    [Theory]
    [InlineData("authorInstitution")]
    [InlineData("authorSpecialty")]
    public void AuthorSlotNotCarried_Finding(string slot) =>
        Only(Received(d => SlotOf(Classification(Document(d), "urn:uuid:93606bcf-9494-43ec-9b4e-a7748d1a838d"), slot).Remove()), slot, "REF2-2 0.3");

    [Theory]
    [InlineData("IDNPS", "RI")]
    [InlineData("^D^^^IDNPS", "^D")] // 0.2 wrote no type for another OID; here the type is dropped for an IdNat_PS
    public void AuthorPersonWrongIdentifierType_Finding(string from, string to) =>
        Only(Received(d =>
        {
            XElement value = SlotOf(Classification(Document(d), "urn:uuid:93606bcf-9494-43ec-9b4e-a7748d1a838d"), "authorPerson").Descendants(Rim + "Value").Single();
            value.Value = value.Value.Replace(from, to, StringComparison.Ordinal);
        }), "authorPerson", "REF2-2 0.3");

    [Theory]
    [InlineData("urn:uuid:f4f85eac-e6cb-4883-b524-f2705394840f", "confidentialityCode")]
    [InlineData("urn:uuid:f33fb8ac-18af-42cc-ae0e-ed0b0bdb91e1", "healthcareFacilityTypeCode")]
    [InlineData("urn:uuid:cccf5598-8b07-4b77-a05e-ae952c785ead", "practiceSettingCode")]
    [InlineData("urn:uuid:a09d5840-386c-46f2-b5ad-9c3699a4309d", "formatCode")]
    [InlineData("urn:uuid:41a5887f-8865-4c09-adf7-e362475b143a", "classCode")]
    public void CodedAttributeMissing_Finding(string scheme, string attribute) =>
        Only(Received(d => Classification(Document(d), scheme).Remove()), attribute, "REF2-2 0.3");

    [Fact]
    public void TypeCodeMissing_FindingOnTypeOnly() =>
        Only(Received(d => Classification(Document(d), "urn:uuid:f0306f51-975f-434e-a61c-c59651d33983").Remove()), "typeCode", "REF2-2 0.3");

    [Fact]
    public void ClassificationsBesideTheirObject_AreFound()
    {
        // ebRIM allows a Classification as a sibling naming its object: moved out, the package is still conformant.
        Assert.Empty(Received(d =>
        {
            XElement set = Set(d);
            XElement content = Classification(set, "urn:uuid:aa543740-bdda-424e-8c96-df4873be8500");
            content.Remove();
            set.Parent!.Add(content);
        }).Findings);
    }

    [Fact]
    public void InsWrittenAsACode_MaskedInTheFinding()
    {
        // INS-8: a sender that puts the INS where a code goes must not have it shown in clear.
        XdmFinding finding = Only(Received(d => Classification(Document(d), "urn:uuid:41a5887f-8865-4c09-adf7-e362475b143a").SetAttributeValue("nodeRepresentation", ExampleIns)),
            "classCode", "CI-SIS JDV_J06");
        Assert.Contains("2790351********", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FolderBesideTheSubmissionSet_NotJudgedAsOne()
    {
        // A second RegistryPackage not classified as a submission set (a folder, ITI TF-3 §4.2.3.4) has no contentTypeCode.
        Assert.Empty(Received(d => Set(d).Parent!.Add(new XElement(Rim + "RegistryPackage", new XAttribute("id", "urn:uuid:folder")))).Findings);
    }

    [Fact]
    public void NoSubmissionSetClassification_EveryPackageJudged()
    {
        XdmPackage package = Received(d =>
        {
            d.Descendants(Rim + "Classification").Single(c => (string?)c.Attribute("classificationNode") == "urn:uuid:a54d6aa5-d40d-43f9-88c5-b4633d873bdd").Remove();
            Set(d).Parent!.Add(new XElement(Rim + "RegistryPackage", new XAttribute("id", "urn:uuid:other")));
        });
        Assert.Equal(2, package.Findings.Count); // the unclassified package: no patientId, no contentTypeCode
        Assert.Equal(["patientId", "contentTypeCode"], package.Findings.Select(f => f.Attribute));
    }

    [Theory]
    // REF2-2 0.3: IDNPS for an IdNat_PS, EI for a structure-internal id (IdNat_Struct/id), RI for a system, NH for a patient.
    [InlineData("801234567897", "1.2.250.1.71.4.2.1", "IDNPS")]
    [InlineData("31750803447/12345", "1.2.250.1.71.4.2.1", "EI")]
    [InlineData("LOGICIEL-1", "1.2.250.1.999.1", "RI")]
    [InlineData("279035121518989", "1.2.250.1.213.1.4.10", "NH")]
    [InlineData("279035121518989", "1.2.250.1.213.1.4.8", "NH")]
    public void IdentifierType_ByIdAndOid(string id, string oid, string type) => Assert.Equal(type, XdmConformance.IdentifierType(id, oid));

    [Theory]
    [InlineData("279035121518989^^^&1.2.250.1.213.1.4.10&ISO^NH", true)]
    [InlineData("279035121518989^^^&1.2.250.1.213.1.4.10&ISO", false)]
    [InlineData("279035121518989^^^&1.2.250.1.213.1.4.10&ISO^PI", false)]
    [InlineData("279035121518988^^^&1.2.250.1.213.1.4.10&ISO^NH", false)] // a bad INS key
    [InlineData("279035121518989^^^&1.2.3.4&ISO^NH", false)]
    [InlineData("^NH", false)]
    [InlineData(null, false)]
    public void IsInsNh(string? value, bool expected) => Assert.Equal(expected, XdmConformance.IsInsNh(value));

    [Theory]
    [InlineData("1234567890121^^^&1.2.3.4.567.8.9.10&ISO^PI", false)]
    [InlineData("1^^^&1.2&ISO^PI", false)]
    [InlineData("^^^&1.2.3&ISO^PI", true)]        // no id
    [InlineData("1234^^^&&ISO^PI", true)]          // no OID
    [InlineData("1234567890121^^^&1.2.3&ISO", true)] // no type
    public void SourcePatientId_LocalIdForms(string value, bool finding)
    {
        XdmPackage package = Received(d => SlotOf(Document(d), "sourcePatientId").Descendants(Rim + "Value").Single().Value = value);
        Assert.Equal(finding, package.Findings.Any(f => f.Attribute == "sourcePatientId"));
    }

    [Fact]
    public void ClassCodeOfAnotherScheme_FindingByJ06() =>
        Only(Received(d => SlotOf(Classification(Document(d), "urn:uuid:41a5887f-8865-4c09-adf7-e362475b143a"), "codingScheme").Descendants(Rim + "Value").Single().Value = "1.2.3"),
            "classCode", "CI-SIS JDV_J06");

    [Fact]
    public void FormatCodeOfAnotherScheme_FindingByJ10() =>
        Only(Received(d => SlotOf(Classification(Document(d), "urn:uuid:a09d5840-386c-46f2-b5ad-9c3699a4309d"), "codingScheme").Descendants(Rim + "Value").Single().Value = "1.3.6.1.4.1.19376.1.2.3"),
            "formatCode", "CI-SIS JDV_J10");

    [Fact]
    public void ContentTypeOfAnotherScheme_FindingByJ03() =>
        Only(Received(d => SlotOf(Classification(Set(d), "urn:uuid:aa543740-bdda-424e-8c96-df4873be8500"), "codingScheme").Descendants(Rim + "Value").Single().Value = "1.2.250.1.71.4.2.4"),
            "contentTypeCode", "CI-SIS JDV_J03");

    [Fact]
    public void AuthorPersonWithoutOid_NoTypeExpected() =>
        Assert.Empty(Received(d =>
        {
            XElement value = SlotOf(Classification(Document(d), "urn:uuid:93606bcf-9494-43ec-9b4e-a7748d1a838d"), "authorPerson").Descendants(Rim + "Value").Single();
            value.Value = "^DAVID^Charles";
        }).Findings);

    [Fact]
    public void SubmissionSetAuthorWrongType_FindingOnTheSet()
    {
        XdmFinding finding = Only(Received(d =>
        {
            XElement value = SlotOf(Classification(Set(d), "urn:uuid:a7058bb9-b4e4-4307-ba5b-e3f0ab85e12d"), "authorPerson").Descendants(Rim + "Value").Single();
            value.Value = value.Value.Replace("^IDNPS", "^EI", StringComparison.Ordinal);
        }), "authorPerson", "REF2-2 0.3");
        Assert.Contains("lot de soumission", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptySlotValue_CountsAsMissing() =>
        Only(Received(d => SlotOf(Document(d), "creationTime").Descendants(Rim + "Value").Single().Value = " "), "creationTime", "REF2-2 0.3");

    [Fact]
    public void DocumentClassificationsBesideTheEntry_AreFound()
    {
        Assert.Empty(Received(d =>
        {
            XElement doc = Document(d);
            foreach (XElement c in doc.Elements(Rim + "Classification").ToList())
            {
                c.Remove();
                doc.Parent!.Add(c);
            }
        }).Findings);
    }

    [Fact]
    public void UnstructuredCdaWithAnotherXdsSdFormat_FindingByA12()
    {
        byte[] zip = Builder().AddCda("n1.xml", CdaWrappingPdf).Build().ToZip();
        var entries = Entries(zip).Select(e => e.Name.EndsWith("METADATA.XML", StringComparison.Ordinal)
            ? (e.Name, Utf8(Encoding.UTF8.GetString(e.Content).Replace("urn:ihe:iti:xds-sd:pdf:2008", "urn:ihe:iti:xds-sd:text:2008", StringComparison.Ordinal)))
            : e).ToArray();
        Assert.True(XdmPackage.TryRead(new MemoryStream(Zip(entries)), out XdmPackage? package, out _));
        XdmFinding finding = Only(package!, "formatCode", "CI-SIS ASS_A12");
        Assert.Contains("ASS_A12", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MetadataOfAnotherRoot_OneFinding()
    {
        // A RegistryObjectList under another root: read (the reader looks for ExtrinsicObjects anywhere), judged unreadable.
        XdmPackage package = Received(d => d.Root!.Name = XNamespace.Get("urn:oasis:names:tc:ebxml-regrep:xsd:rs:3.0") + "Other");
        XdmFinding finding = Assert.Single(package.Findings);
        Assert.Equal("SubmitObjectsRequest", finding.Attribute);
    }

    [Fact]
    public void Finding_ToString_AttributeRuleMessage()
    {
        XdmFinding finding = Received(d => SlotOf(Document(d), "creationTime").Remove()).Findings.Single();
        Assert.Equal("creationTime (REF2-2 0.3) : " + finding.Message, finding.ToString());
        Assert.Equal("La métadonnée creationTime manque pour le document n° 1.", finding.Message);
    }

    [Fact]
    public void Findings_AreFrenchSentences()
    {
        XdmPackage package = Received(d =>
        {
            SlotOf(Document(d), "legalAuthenticator").Remove();
            Classification(Set(d), "urn:uuid:aa543740-bdda-424e-8c96-df4873be8500").Remove();
        });
        Assert.Equal(2, package.Findings.Count);
        Assert.All(package.Findings, f => Assert.EndsWith(".", f.Message, StringComparison.Ordinal));
        Assert.Contains("Pour le document n° 1, l'en-tête CDA porte legalAuthenticator, que les métadonnées ne reprennent pas.", package.Findings.Select(f => f.Message));
        Assert.Contains("La métadonnée contentTypeCode manque pour le lot de soumission.", package.Findings.Select(f => f.Message));
    }
}
