using System.Xml;
using System.Xml.Schema;
using Mss.Core.Xdm;
using static Mss.Core.Tests.Xdm.XdmTestSupport;

namespace Mss.Core.Tests.Xdm;

// REF2-2: METADATA.XML is an OASIS ebRS 3.0 lcm:SubmitObjectsRequest (IHE ITI TF-3 §4.2). Validated against the OASIS
// schemas kept as test data (TestData/EbRS/PROVENANCE.md), for packages built from each ANS example.
public class XdmSchemaTest
{
    private static readonly Lazy<XmlSchemaSet> Schemas = new(() =>
    {
        string folder = Path.Combine(AppContext.BaseDirectory, "TestData", "EbRS");
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore };
        using (XmlReader lcm = XmlReader.Create(Path.Combine(folder, "ebRS30", "lcm.xsd"), settings))
        {
            set.Add(null, lcm);
        }

        set.Compile();
        return set;
    });

    private static List<string> Validate(byte[] metadata)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = Schemas.Value };
        settings.ValidationEventHandler += (_, e) => errors.Add(e.Severity + ": " + e.Message);
        using XmlReader reader = XmlReader.Create(new MemoryStream(metadata), settings);
        while (reader.Read())
        {
        }

        return errors;
    }

    [Theory]
    [MemberData(nameof(XdmCisisExamplesTest.Examples), MemberType = typeof(XdmCisisExamplesTest))]
    public void Metadata_AnsExample_ValidEbRs30(string file) =>
        Assert.Empty(Validate(Builder().AddCda(file, Cda(file)).Build().Metadata));

    [Fact]
    public void Metadata_CdaAndPdf_ValidEbRs30() =>
        Assert.Empty(Validate(Builder().Author(Rpps.Parse("10101010101"), "Durand", "Jeanne")
            .AddCda("ldl.xml", LdlSes).AddDocument("scan.pdf", Utf8("%PDF-1.4"), "application/pdf", "11488-4", "Scan").Build().Metadata));

    [Fact]
    public void Validator_RefusesAnInvalidDocument()
    {
        // The validator can fail: a Slot without its ValueList is not ebRIM 3.0.
        byte[] bad = Utf8("<lcm:SubmitObjectsRequest xmlns:lcm=\"urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0\" xmlns:rim=\"urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0\">"
            + "<rim:RegistryObjectList><rim:ExtrinsicObject id=\"a\" mimeType=\"text/xml\" objectType=\"urn:x\"><rim:Slot name=\"x\"/></rim:ExtrinsicObject>"
            + "</rim:RegistryObjectList></lcm:SubmitObjectsRequest>");
        Assert.NotEmpty(Validate(bad));
    }
}
