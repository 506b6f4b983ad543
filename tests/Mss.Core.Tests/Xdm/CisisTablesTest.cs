using System.Xml.Linq;
using Mss.Core.Xdm;

namespace Mss.Core.Tests.Xdm;

// REF2-2 0.3: the tables the library embeds are ANS's, row for row. ASS_X04 and ASS_A11 are checked against ANS's own SVS
// files kept as test data (TestData/Cisis/PROVENANCE.md), parsed here independently of the library.
public class CisisTablesTest
{
    private static readonly XNamespace Svs = "urn:ihe:iti:svs:2008";

    /// <summary>Every MappedConcept of an ANS SVS association file: (source code, source system, target code, target system).</summary>
    internal static List<(string Code, string System, string Target, string TargetSystem)> AnsPairs(string file)
    {
        XDocument doc = XDocument.Load(Path.Combine(AppContext.BaseDirectory, "TestData", "Cisis", file));
        return doc.Descendants(Svs + "MappedConcept").Select(m => m.Elements(Svs + "Concept").ToList())
            .Select(c => ((string)c[0].Attribute("code")!, (string)c[0].Attribute("codeSystem")!, (string)c[1].Attribute("code")!, (string)c[1].Attribute("codeSystem")!))
            .ToList();
    }

    internal static List<(string Code, string System, string Target, string TargetSystem)> X04 => AnsPairs("ASS_X04-CorrespondanceType-Classe-CISIS.xml");

    internal static List<(string Code, string System, string Target, string TargetSystem)> A11 => AnsPairs("ASS_A11-CorresModeleCDA-XdsFormatCode-CISIS.xml");

    [Fact]
    public void AnsFiles_AreTheExpectedVersions()
    {
        XElement x04 = XDocument.Load(Path.Combine(AppContext.BaseDirectory, "TestData", "Cisis", "ASS_X04-CorrespondanceType-Classe-CISIS.xml")).Descendants(Svs + "ValueSet").Single();
        Assert.Equal("1.2.250.1.213.1.1.4.249", (string?)x04.Attribute("id"));
        Assert.Equal("20240223120000", (string?)x04.Attribute("dateMaj"));
        XElement a11 = XDocument.Load(Path.Combine(AppContext.BaseDirectory, "TestData", "Cisis", "ASS_A11-CorresModeleCDA-XdsFormatCode-CISIS.xml")).Descendants(Svs + "ValueSet").Single();
        Assert.Equal("1.2.250.1.213.1.1.4.331", (string?)a11.Attribute("id"));
        Assert.Equal("20240126120000", (string?)a11.Attribute("dateMaj"));
    }

    [Fact]
    public void X04_EveryAnsRow_GivesItsClass()
    {
        var rows = X04.Where(r => r.TargetSystem == "1.2.250.1.213.1.1.4.1").ToList();
        Assert.Equal(123, rows.Count); // 124 rows; the last maps an ASTM code to a URN, not to a class
        foreach ((string code, string system, string target, _) in rows)
        {
            XdmCode? c = CisisTables.ClassOfType(code, system);
            Assert.True(c is not null, code + " " + system);
            Assert.Equal(target, c!.Code);
            Assert.Equal("1.2.250.1.213.1.1.4.1", c.CodingScheme);
        }
    }

    [Fact]
    public void X04_EmbeddedTable_IsTheAnsFileRowForRow()
    {
        List<string> embedded = CisisTables.Rows("ASS_X04.tsv").Select(r => string.Join("|", r)).ToList();
        List<string> ans = X04.Select(r => r.Code + "|" + r.System + "|" + r.Target + "|" + r.TargetSystem).ToList();
        Assert.Equal(ans, embedded);
    }

    [Fact]
    public void A11_EmbeddedTable_IsTheAnsFileRowForRow()
    {
        List<string> embedded = CisisTables.Rows("ASS_A11.tsv").Select(r => string.Join("|", r)).ToList();
        List<string> ans = A11.Select(r => r.Code + "|" + r.System + "|" + r.Target + "|" + r.TargetSystem).ToList();
        Assert.Equal(ans, embedded);
    }

    [Fact]
    public void A11_EveryStructuredModel_GivesItsFormat_InJ10()
    {
        foreach ((string template, _, string format, string scheme) in A11.Where(r => r.Code != "1.3.6.1.4.1.19376.1.2.20"))
        {
            XdmCode? f = CisisTables.FormatOfTemplate(template);
            Assert.True(f is not null, template);
            Assert.Equal(format, f!.Code);
            Assert.Equal(scheme, f.CodingScheme);
            Assert.NotNull(CisisTables.Format(format)); // every ASS_A11 target is in JDV_J10
        }

        Assert.Null(CisisTables.FormatOfTemplate("1.3.6.1.4.1.19376.1.2.20")); // the N1 model goes through ASS_A12
        Assert.Null(CisisTables.FormatOfTemplate("1.2.250.1.213.1.1.1.1"));     // the CI-SIS header template is no model
    }

    [Theory]
    // ASS_A12 rows (ansforge/IG-terminologie-de-sante, ASS_12_CorresMediaTypeCDANonStructure-XdsFormatCode-CISIS.json).
    [InlineData("application/pdf", "urn:ihe:iti:xds-sd:pdf:2008")]
    [InlineData("text/plain", "urn:ihe:iti:xds-sd:text:2008")]
    [InlineData("text/rtf", "urn:ihe:iti-fr:xds-sd:rtf:2010")]
    [InlineData("image/jpeg", "urn:ihe:iti-fr:xds-sd:jpeg:2010")]
    [InlineData("image/tiff", "urn:ihe:iti-fr:xds-sd:tiff:2010")]
    [InlineData("APPLICATION/PDF ", "urn:ihe:iti:xds-sd:pdf:2008")]
    public void A12_MediaType_GivesFormat(string mediaType, string format)
    {
        XdmCode f = CisisTables.FormatOfMediaType(mediaType)!;
        Assert.Equal(format, f.Code);
        Assert.Equal("1.3.6.1.4.1.19376.1.2.3", f.CodingScheme);
        // ASS_A11 lists the same codes for the N1 model (1.3.6.1.4.1.19376.1.2.20).
        Assert.Contains(A11, r => r.Code == "1.3.6.1.4.1.19376.1.2.20" && r.Target == format);
    }

    [Fact]
    public void A12_UnknownMediaType_Null() => Assert.Null(CisisTables.FormatOfMediaType("application/zip"));

    [Theory]
    // JDV_J03 version 20260223120000: TRE_R02 SA05..SA69 (not SA01..SA04, SA11, SA62), TRE_R209, TRE_A00, TRE_R276.
    [InlineData("SA05", "1.2.250.1.71.4.2.4", "Centre de santé")]
    [InlineData("SA07", "1.2.250.1.71.4.2.4", "Cabinet individuel")]
    [InlineData("SA69", "1.2.250.1.71.4.2.4", "Maisons de naissance")]
    [InlineData("03", "1.2.250.1.213.2.2", "Hospitalisation complète (non compris hospitalisation de semaine)")]
    [InlineData("EXP_PATIENT", "1.2.250.1.213.1.1.4.6", "Expression personnelle du patient")]
    [InlineData("11", "1.2.250.1.213.1.6.1.128", "Centre postcure")]
    public void J03_Holds(string code, string system, string display)
    {
        XdmCode c = CisisTables.ContentType(code, system)!;
        Assert.Equal(display, c.DisplayName);
    }

    [Theory]
    [InlineData("SA01", "1.2.250.1.71.4.2.4")]
    [InlineData("SA04", "1.2.250.1.71.4.2.4")]
    [InlineData("SA11", "1.2.250.1.71.4.2.4")]
    [InlineData("SA62", "1.2.250.1.71.4.2.4")]
    [InlineData("03", "1.2.250.1.71.4.2.4")]   // an R209 code under the R02 system
    [InlineData("SA07", "1.2.250.1.213.2.2")]  // and the reverse
    public void J03_DoesNotHold(string code, string system) => Assert.Null(CisisTables.ContentType(code, system));

    [Fact]
    public void J06_TwelveClassesOfTreA03()
    {
        List<string[]> rows = CisisTables.Rows("JDV_J06.tsv").ToList();
        Assert.Equal(["10", "11", "31", "42", "43", "44", "45", "52", "60", "90", "95", "99"], rows.Select(r => r[0]));
        Assert.Equal("Synthèse", CisisTables.Class("11")!.DisplayName);
        Assert.Null(CisisTables.Class("12"));
    }

    [Fact]
    public void J10_NoMimeTypeSufficient_ButOutOfProfileModel()
    {
        Assert.Null(CisisTables.Format("urn:ihe:iti:xds:2017:mimeTypeSufficient"));
        XdmCode outOfProfile = CisisTables.Format("urn:asipSante:modelesHorsProfils:2011")!;
        Assert.Equal("1.2.250.1.213.1.1.4.2.282", outOfProfile.CodingScheme);
        Assert.Equal("Document non référencé IHE ou CI-SIS", outOfProfile.DisplayName);
    }

    [Fact]
    public void FreshLoad_KeepsEveryUsableRow()
    {
        // JDV_J06 12 classes; JDV_J10 52 TRE_A06 + 35 TRE_A11 formats; JDV_J03 1 + 33 + 63 + 3 codes; ASS_X04 123 class rows
        // (the ASTM → URN row left out); ASS_A11 57 structured models (the 5 rows of the N1 model and none repeated); ASS_A12 5.
        Assert.Equal([12, 87, 100, 123, 57, 5], CisisTables.FreshCounts());
        Assert.Equal("42", CisisTables.FreshClassOfType("57833-6", "2.16.840.1.113883.6.1")!.Code);
        Assert.Null(CisisTables.FreshClassOfType("57833-6", "1.2.250.1.213.1.1.4.12")); // the code under another system
        Assert.Null(CisisTables.FreshClassOfType("E1762", "ASTM"));
    }

    [Fact]
    public void Tables_HeadersCiteSourceOidAndVersion()
    {
        foreach (string name in new[] { "ASS_X04.tsv", "ASS_A11.tsv", "ASS_A12.tsv", "JDV_J03.tsv", "JDV_J06.tsv", "JDV_J10.tsv" })
        {
            using Stream stream = typeof(CisisTables).Assembly.GetManifestResourceStream("Mss.Core.Xdm.Cisis." + name)!;
            string header = string.Concat(new StreamReader(stream).ReadToEnd().Split('\n').Where(l => l.StartsWith('#')));
            Assert.Contains("mos.esante.gouv.fr/NOS/", header, StringComparison.Ordinal);
            Assert.True(header.Contains("version", StringComparison.Ordinal) || header.Contains("dateMaj", StringComparison.Ordinal), name);
        }
    }
}
