using Mss.Core.Xdm;
using static Mss.Core.Tests.Xdm.XdmTestSupport;

namespace Mss.Core.Tests.Xdm;

/// <summary>
/// How the XDM reader finds and reads METADATA.XML (REF2-2): where it may be, the document entries' fields, the patient id
/// <c>INS^^^&amp;OID&amp;ISO</c> and which registry object gives it. The metadata here is hand-written, not the builder's.
/// </summary>
public class XdmReaderMetadataTest
{
    private const string OtherIns = "184057512345625";

    private const string NirOid = "1.2.250.1.213.1.4.8";

    private static readonly byte[] Text = Utf8("Bonjour.\n");

    private static string SubmissionSetOfExample() => SubmissionSet(ExternalIdentifier(SubmissionSetPatientIdScheme, ExamplePatientId));

    private static string TextEntry(params string[] children) => DocumentEntry("text/plain", FileSlots("DOC0001.TXT", Text), children);

    /// <summary>An archive of METADATA.XML at <paramref name="metadataPath"/> and the files given, in that order.</summary>
    private static byte[] Archive(string metadataPath, byte[] metadata, params (string Name, byte[] Content)[] files) =>
        Zip(new[] { (metadataPath, metadata) }.Concat(files).ToArray());

    private static XdmPackage ReadOk(byte[] zip)
    {
        Assert.True(XdmPackage.TryRead(new MemoryStream(zip), out XdmPackage? package, out XdmError error), error.ToString());
        return package!;
    }

    // IHE_XDM/<subset>/METADATA.XML, one subset folder deep, case ignored; the documents are beside it.
    [Theory]
    [InlineData("IHE_XDM/SUBSET01/METADATA.XML", true)]
    [InlineData("ihe_xdm/Subset01/metadata.xml", true)]
    [InlineData("IHE_XDM/S/METADATA.XML", true)]                       // a one-character subset name
    [InlineData("IHE_XDM/SUBSET01XMETADATA.XML", false)]                // ends with the name, not with "/METADATA.XML"
    [InlineData("IHE_XDM/SUBSET01/XMETADATA.XML", false)]
    [InlineData("IHE_XDM/SUBSET01/NESTED/METADATA.XML", false)]         // two folders deep
    [InlineData("IHE_XDM/METADATA.XML", false)]                         // no subset
    [InlineData("SUBSET01/METADATA.XML", false)]
    [InlineData("OTHER/SUBSET01/METADATA.XML", false)]
    [InlineData("IHE_XDM/SUBSET01/METADATA.XML.BAK", false)]
    public void TryRead_MetadataPath_Table(string path, bool found)
    {
        string folder = path.Substring(0, path.LastIndexOf('/') + 1);
        byte[] zip = Archive(path, MetadataXml(SubmissionSetOfExample(), TextEntry()), (folder + "DOC0001.TXT", Text));
        bool ok = XdmPackage.TryRead(new MemoryStream(zip), out XdmPackage? package, out XdmError error);
        Assert.Equal(found ? XdmError.None : XdmError.NoMetadata, error);
        Assert.Equal(found, ok);
        if (found)
        {
            Assert.Equal(path, package!.MetadataPath);
            Assert.Equal(folder + "DOC0001.TXT", Assert.Single(package.Documents).Path);
        }
    }

    // Several subsets: the first by name, case ignored, is read, whatever the order of the archive (decided here).
    [Fact]
    public void TryRead_SeveralSubsets_FirstByNameIgnoringCaseRead()
    {
        byte[] second = Utf8("Deuxième.\n");
        byte[] zip = Zip(
            ("IHE_XDM/SUBSET02/METADATA.XML", MetadataXml(SubmissionSetOfExample(), DocumentEntry("text/plain", FileSlots("DOC0001.TXT", second)))),
            ("IHE_XDM/SUBSET02/DOC0001.TXT", second),
            ("ihe_xdm/subset01/metadata.xml", MetadataXml(SubmissionSetOfExample(), TextEntry())),
            ("ihe_xdm/subset01/DOC0001.TXT", Text));
        XdmPackage package = ReadOk(zip);
        Assert.Equal("ihe_xdm/subset01/metadata.xml", package.MetadataPath);
        Assert.Equal(Text, Assert.Single(package.Documents).Content);
    }

    // Directory entries, which many zip tools write, are allowed in the archive.
    [Fact]
    public void TryRead_DirectoryEntries_Read()
    {
        byte[] zip = Zip(
            ("IHE_XDM/", []),
            ("IHE_XDM/SUBSET01/", []),
            ("IHE_XDM/SUBSET01/METADATA.XML", MetadataXml(SubmissionSetOfExample(), TextEntry())),
            ("IHE_XDM/SUBSET01/DOC0001.TXT", Text));
        Assert.Equal(Text, Assert.Single(ReadOk(zip).Documents).Content);
    }

    // A document's URI names a file, never a directory, even when the archive has that directory (zip slip, REF2-2).
    [Fact]
    public void TryRead_DocumentUriOfADirectory_UnsafePath()
    {
        byte[] zip = Zip(
            ("IHE_XDM/SUBSET01/METADATA.XML", MetadataXml(SubmissionSetOfExample(), DocumentEntry("text/plain", FileSlots("DOCS/", [])))),
            ("IHE_XDM/SUBSET01/DOCS/", []));
        Assert.Equal(XdmError.UnsafePath, Read(zip));
    }

    // A document is read as a CDA (REF2-3 codes, REF2-4 INS) only when its media type is XML: text/xml, application/xml or
    // a +xml type (RFC 7303), case ignored. The same CDA bytes under another type are an opaque document.
    [Theory]
    [InlineData("text/xml", true)]
    [InlineData("TEXT/XML", true)]
    [InlineData("application/xml", true)]
    [InlineData("Application/XML", true)]
    [InlineData("application/hl7-v3+xml", true)]
    [InlineData("application/octet-stream", false)]
    [InlineData("application/pdf", false)]
    [InlineData("text/plain", false)]
    [InlineData("application/xml-dtd", false)]
    public void TryRead_CdaUnderMediaType_ReadAsCdaOnlyWhenXml(string mediaType, bool cda)
    {
        byte[] zip = Archive("IHE_XDM/SUBSET01/METADATA.XML",
            MetadataXml(SubmissionSetOfExample(), DocumentEntry(mediaType, FileSlots("DOC0001.XML", LdlSes))),
            ("IHE_XDM/SUBSET01/DOC0001.XML", LdlSes));
        XdmPackage package = ReadOk(zip);
        Assert.Equal(cda, Assert.Single(package.Documents).IsCda);
        Assert.Equal(cda ? new[] { "11490-0" } : [], package.CdaCodes);
        Assert.Equal(cda, package.HasQualifiedIns);
    }

    // The document entry's uniqueId, typeCode and title, each when present (ITI TF-3 Table 4.2.3.2-1).
    [Fact]
    public void TryRead_EntryFields_Read()
    {
        byte[] zip = Archive("IHE_XDM/SUBSET01/METADATA.XML",
            MetadataXml(SubmissionSetOfExample(), TextEntry(
                "<rim:Name><rim:LocalizedString value=\"Courrier\"/></rim:Name>",
                Classification(DocumentTypeCodeScheme, "11488-4"),
                ExternalIdentifier(DocumentUniqueIdScheme, "1.2.250.1.999.7.42"))),
            ("IHE_XDM/SUBSET01/DOC0001.TXT", Text));
        XdmDocument document = Assert.Single(ReadOk(zip).Documents);
        Assert.Equal("1.2.250.1.999.7.42", document.UniqueId);
        Assert.Equal("11488-4", document.TypeCode);
        Assert.Equal("Courrier", document.Title);
        Assert.Equal("text/plain", document.MediaType);
    }

    // Without them: an empty uniqueId, no typeCode, no title; the document is read all the same.
    [Fact]
    public void TryRead_EntryWithoutOptionalFields_Read()
    {
        byte[] zip = Archive("IHE_XDM/SUBSET01/METADATA.XML",
            MetadataXml(SubmissionSetOfExample(), TextEntry(
                Classification("urn:uuid:41a5887f-8865-4c09-adf7-e362475b143a", "10"), // a classCode, not a typeCode
                ExternalIdentifier("urn:uuid:00000000-0000-0000-0000-000000000000", "1.2.3"))),
            ("IHE_XDM/SUBSET01/DOC0001.TXT", Text));
        XdmDocument document = Assert.Single(ReadOk(zip).Documents);
        Assert.Equal(string.Empty, document.UniqueId);
        Assert.Null(document.TypeCode);
        Assert.Null(document.Title);
        Assert.Equal(Text, document.Content);
    }

    // A document entry needs a media type and a URI.
    [Theory]
    [InlineData(null, "DOC0001.TXT")]
    [InlineData("", "DOC0001.TXT")]
    [InlineData("  ", "DOC0001.TXT")]
    [InlineData("text/plain", null)]
    public void TryRead_EntryWithoutMediaTypeOrUri_BadMetadata(string? mediaType, string? uri)
    {
        var slots = new List<(string, string)> { ("hash", Sha1(Text)), ("size", Text.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
        if (uri is not null)
        {
            slots.Add(("URI", uri));
        }

        byte[] zip = Archive("IHE_XDM/SUBSET01/METADATA.XML", MetadataXml(SubmissionSetOfExample(), DocumentEntry(mediaType, slots)),
            ("IHE_XDM/SUBSET01/DOC0001.TXT", Text));
        Assert.Equal(XdmError.BadMetadata, Read(zip));
    }

    // The patient is the submission set's patientId (REF2-2); the document entry's patientId is read only when the
    // submission set has none.
    [Fact]
    public void TryRead_SubmissionSetAndDocumentPatientIds_SubmissionSetRead()
    {
        string other = OtherIns + "^^^&" + NirOid + "&ISO";
        byte[] zip = Archive("IHE_XDM/SUBSET01/METADATA.XML",
            MetadataXml(SubmissionSetOfExample(), TextEntry(ExternalIdentifier(DocumentPatientIdScheme, other))),
            ("IHE_XDM/SUBSET01/DOC0001.TXT", Text));
        XdmPackage package = ReadOk(zip);
        Assert.Equal(InsMatricule.Parse(ExampleIns), package.Patient);
        Assert.Equal(InsNirTestOid, package.PatientOid);
    }

    [Theory]
    [InlineData(true)]  // a RegistryPackage with identifiers, but no patientId
    [InlineData(false)] // no RegistryPackage at all
    public void TryRead_OnlyTheDocumentPatientId_DocumentPatientRead(bool submissionSet)
    {
        string other = OtherIns + "^^^&" + NirOid + "&ISO";
        string set = SubmissionSet(ExternalIdentifier("urn:uuid:96fdda7c-d067-4183-912e-bf5ee74998a8", "1.2.250.1.999.1")); // its uniqueId
        byte[] metadata = submissionSet
            ? MetadataXml(set, TextEntry(ExternalIdentifier(DocumentPatientIdScheme, other)))
            : MetadataXml(TextEntry(ExternalIdentifier(DocumentPatientIdScheme, other)));
        XdmPackage package = ReadOk(Archive("IHE_XDM/SUBSET01/METADATA.XML", metadata, ("IHE_XDM/SUBSET01/DOC0001.TXT", Text)));
        Assert.Equal(InsMatricule.Parse(OtherIns), package.Patient);
        Assert.Equal(NirOid, package.PatientOid);
    }

    // Of several registry packages (a folder, then the submission set), the one that has a patientId gives it.
    [Fact]
    public void TryRead_PatientIdOnTheSecondRegistryPackage_Read()
    {
        byte[] metadata = MetadataXml(SubmissionSet(), SubmissionSetOfExample(), TextEntry());
        XdmPackage package = ReadOk(Archive("IHE_XDM/SUBSET01/METADATA.XML", metadata, ("IHE_XDM/SUBSET01/DOC0001.TXT", Text)));
        Assert.Equal(InsMatricule.Parse(ExampleIns), package.Patient);
    }

    // No patient id anywhere, or an invalid one in the submission set (no fall back to the document's then): BadMetadata.
    [Fact]
    public void TryRead_NoValidSubmissionSetPatientId_BadMetadata()
    {
        string other = OtherIns + "^^^&" + NirOid + "&ISO";
        Assert.Equal(XdmError.BadMetadata, Read(Archive("IHE_XDM/SUBSET01/METADATA.XML",
            MetadataXml(SubmissionSet(), TextEntry()), ("IHE_XDM/SUBSET01/DOC0001.TXT", Text))));
        Assert.Equal(XdmError.BadMetadata, Read(Archive("IHE_XDM/SUBSET01/METADATA.XML",
            MetadataXml(SubmissionSet(ExternalIdentifier(SubmissionSetPatientIdScheme, "279035121518988^^^&" + InsNirTestOid + "&ISO")),
                TextEntry(ExternalIdentifier(DocumentPatientIdScheme, other))),
            ("IHE_XDM/SUBSET01/DOC0001.TXT", Text))));
    }

    // INS^^^&OID&ISO (REF2-2): a valid matricule (INS-1, INS-2) under an INS OID (INS-5), the OID possibly urn:oid: and
    // the whole possibly padded; the OID given back is the bare one.
    [Theory]
    [InlineData("279035121518989^^^&1.2.250.1.213.1.4.10&ISO", "279035121518989", "1.2.250.1.213.1.4.10")]
    [InlineData(" 184057512345625^^^&1.2.250.1.213.1.4.8&ISO\n", "184057512345625", "1.2.250.1.213.1.4.8")]
    [InlineData("279035121518989^^^&urn:oid:1.2.250.1.213.1.4.9&ISO", "279035121518989", "1.2.250.1.213.1.4.9")]
    [InlineData("279035121518989^^^&1.2.250.1.213.1.4.11&ISO", "279035121518989", "1.2.250.1.213.1.4.11")]
    public void TryParsePatientId_Valid(string value, string ins, string oid)
    {
        Assert.True(XdmReader.TryParsePatientId(value, out InsMatricule patient, out string? read));
        Assert.Equal(InsMatricule.Parse(ins), patient);
        Assert.Equal(oid, read);
    }

    [Theory]
    [InlineData("")]
    [InlineData("279035121518989")]
    [InlineData("^^^&1.2.250.1.213.1.4.10&ISO")]                 // no matricule
    [InlineData("abc1.2.250.1.213.1.4.10&ISO")]                  // no separator (an OID where it would be read without one)
    [InlineData("279035121518989^^^&1.2.250.1.213.1.4.10")]      // no suffix
    [InlineData("279035121518989^^^&1.2.250.1.213.1.4.10&ISX")]
    [InlineData("279035121518989^^^&1.2.250.1.213.1.4.10&iso")]  // the suffix is case-sensitive
    [InlineData("279035121518989^^^&ISO")]                       // separator and suffix overlapping
    [InlineData("279035121518989^^^&&ISO")]                      // no OID
    [InlineData("279035121518989^^^&1.2.250.1.213.1.4.12&ISO")]  // not an INS OID (INS-5)
    [InlineData("279035121518989^^^&2.16.840.1.113883.2.8&ISO")]
    [InlineData("279035121518988^^^&1.2.250.1.213.1.4.10&ISO")]  // wrong key (INS-2)
    [InlineData("27903512151898^^^&1.2.250.1.213.1.4.10&ISO")]   // 14 characters (INS-1)
    public void TryParsePatientId_Invalid(string value)
    {
        Assert.False(XdmReader.TryParsePatientId(value, out InsMatricule patient, out string? oid));
        Assert.Equal(default, patient);
        Assert.Null(oid);
    }
}
