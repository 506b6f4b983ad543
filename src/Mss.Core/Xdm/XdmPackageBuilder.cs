using System;
using System.Collections.Generic;
using System.Globalization;
using NodaTime;

namespace Mss.Core.Xdm;

/// <summary>
/// Builds an IHE_XDM package for one patient (REF2-2): CDA documents, whose header gives the type code, title, creation
/// time, confidentiality and the INS traits (REF2-3, REF2-4), and other documents (PDF…); METADATA.XML per IHE ITI TF-3
/// with the CI-SIS value sets.
/// </summary>
/// <remarks>
/// <para>What METADATA.XML says, attribute by attribute (REF2-2 0.3: what Mon espace santé and the DMP file; the ANS tables
/// are data in <c>Xdm/Cisis/</c>, each with its source and version):</para>
/// <list type="bullet">
/// <item>patientId (submission set and documents): <c>INS^^^&amp;OID&amp;ISO^NH</c>; sourcePatientId: the CDA's local patient id
/// (<c>IPP^^^&amp;OID&amp;ISO^PI</c>) when its recordTarget carries one beside the INS, else the INS with <c>^NH</c>;
/// sourcePatientInfo for every document.</item>
/// <item>classCode (JDV_J06): deduced from the typeCode by ASS_X04 (<see cref="ClassCode"/> overrides); <see cref="Build"/>
/// refuses a typeCode the table does not list when no classCode is given.</item>
/// <item>formatCode (JDV_J10): from the CDA model (templateId) by ASS_A11; for an unstructured CDA
/// (<c>1.3.6.1.4.1.19376.1.2.20</c>) from its body's media type by ASS_A12; <c>urn:asipSante:modelesHorsProfils:2011</c>
/// ("Document non référencé IHE ou CI-SIS") for a model the tables do not list and for a document that is not a CDA.</item>
/// <item>confidentialityCode (JDV_J08): the CDA header's; else <c>N</c> "Normal", scheme <c>2.16.840.1.113883.5.25</c>.</item>
/// <item>healthcareFacilityTypeCode (JDV_J02) and practiceSettingCode (JDV_J04): the CDA's <c>healthCareFacility/code</c> and
/// <c>serviceEvent/performer</c> organisation's <c>standardIndustryClassCode</c>, or the codes given; no default
/// (<see cref="Build"/> refuses without one).</item>
/// <item>From the CDA header also: legalAuthenticator, serviceStartTime / serviceStopTime (UTC), eventCodeList,
/// authorInstitution (XON with the IdNat_Struct) and authorSpecialty (JDV_J01); authorPerson's identifier type is IDNPS,
/// EI, RI or NH after the id.</item>
/// <item>typeCode (JDV_J07): the CDA's <c>code</c>; for other documents the LOINC code given, scheme <c>2.16.840.1.113883.6.1</c>.</item>
/// <item>contentTypeCode of the submission set (JDV_J03): given by <see cref="ContentType"/>; else the healthcare facility's
/// TRE_R02 code when JDV_J03 holds it; else <see cref="Build"/> refuses.</item>
/// <item>sourceId: a new UUID-based OID (<c>2.25.…</c>) per package; set your system's OID with <see cref="SourceId"/>.</item>
/// </list>
/// <para>
/// Documents are named <c>DOC00001.XML</c>, <c>DOC00002.PDF</c>… in <c>IHE_XDM/SUBSET01/</c>: ISO 9660 8.3 names as
/// ITI TF-1 §16 asks; the extension comes from the file name given (or the media type).
/// </para>
/// </remarks>
public sealed class XdmPackageBuilder
{
    /// <summary>LOINC.</summary>
    private const string Loinc = "2.16.840.1.113883.6.1";

    /// <summary>The OID of IdNat_PS (national identifier of health professionals, BAL-7).</summary>
    internal const string IdNatPsOid = "1.2.250.1.71.4.2.1";

    private readonly InsMatricule _patient;
    private readonly string _patientOid;
    private readonly IClock _clock;
    private readonly List<XdmEntry> _entries = new();
    private string? _authorPerson;
    private string? _authorInstitution;
    private XdmCode? _contentType;
    private XdmCode? _classCode;
    private XdmCode? _confidentiality;
    private XdmCode? _facilityType;
    private XdmCode? _practiceSetting;
    private string? _sourceId;
    private string? _title;

    /// <summary>Starts a package for the patient <paramref name="patient"/> with the OID of its INS (INS-5), dated by the system clock.</summary>
    /// <param name="patient">The patient's INS matricule.</param>
    /// <param name="patientOid">Its OID: INS-NIR <c>1.2.250.1.213.1.4.8</c>, INS-NIA <c>…4.9</c>, test <c>…4.10</c>, demo <c>…4.11</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="patient"/> is <c>default</c>, or <paramref name="patientOid"/> is not an INS OID.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="patientOid"/> is null.</exception>
    public XdmPackageBuilder(InsMatricule patient, string patientOid)
        : this(patient, patientOid, Mime.MssClock.Default)
    {
    }

    /// <summary>Starts a package for the patient <paramref name="patient"/>, dated (submission time) by <paramref name="clock"/>.</summary>
    /// <param name="patient">The patient's INS matricule.</param>
    /// <param name="patientOid">Its OID (INS-5).</param>
    /// <param name="clock">The clock that gives the submission time and the creation time of non-CDA documents.</param>
    /// <exception cref="ArgumentException"><paramref name="patient"/> is <c>default</c>, or <paramref name="patientOid"/> is not an INS OID.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="patientOid"/> or <paramref name="clock"/> is null.</exception>
    public XdmPackageBuilder(InsMatricule patient, string patientOid, IClock clock)
    {
        if (patientOid is null)
        {
            throw new ArgumentNullException(nameof(patientOid));
        }

        if (patient.IsDefault)
        {
            throw new ArgumentException("The patient must be an INS matricule, not default(InsMatricule).", nameof(patient));
        }

        if (!InsOid.TryGetKind(patientOid.AsSpan(), out InsKind kind) || kind == InsKind.Unknown)
        {
            throw new ArgumentException("The OID must be one of the INS OIDs 1.2.250.1.213.1.4.8 to 1.2.250.1.213.1.4.11 (INS-5).", nameof(patientOid));
        }

        _patient = patient;
        _patientOid = InsOid.Of(kind);
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
    }

    /// <summary>The default confidentialityCode: <c>N</c> "Normal" (JDV_J08-XdsConfidentialityCode-CISIS).</summary>
    public static XdmCode DefaultConfidentialityCode { get; } = new("N", "2.16.840.1.113883.5.25", "Normal");

    /// <summary>Sets the author of the submission set and of the documents whose header names none (<c>authorPerson</c>, IdNat_PS <c>8</c> + RPPS).</summary>
    /// <param name="author">The author's RPPS.</param>
    /// <param name="familyName">The family name, or null.</param>
    /// <param name="givenName">The given name, or null.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="author"/> is <c>default</c>, or a name holds a control character or a character XML cannot carry.</exception>
    public XdmPackageBuilder Author(Rpps author, string? familyName, string? givenName)
    {
        if (author.IsDefault)
        {
            throw new ArgumentException("The author must be an RPPS, not default(Rpps).", nameof(author));
        }

        if ((familyName is not null && !XdmCode.IsXmlText(familyName)) || (givenName is not null && !XdmCode.IsXmlText(givenName)))
        {
            throw new ArgumentException("A name holds no control character and only characters XML can carry.", familyName is null ? nameof(givenName) : nameof(familyName));
        }

        _authorPerson = AuthorPerson(author.ToIdNatPs().ToString(), IdNatPsOid, familyName, givenName);
        return this;
    }

    /// <summary>
    /// Sets the author's organisation (<c>authorInstitution</c>, an XON <c>name^^^^^&amp;1.2.250.1.71.4.2.2&amp;ISO^IDNST^^^IdNat_Struct</c>,
    /// REF2-2 0.3) of the submission set and of the documents whose CDA header names none.
    /// </summary>
    /// <param name="structure">The structure's IdNat_Struct (BAL-7).</param>
    /// <param name="name">The structure's name.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="structure"/> is <c>default</c>, or <paramref name="name"/> is blank or holds a control character or a character XML cannot carry.</exception>
    public XdmPackageBuilder AuthorInstitution(StructureId structure, string name)
    {
        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        if (structure.IsDefault)
        {
            throw new ArgumentException("The structure must be an IdNat_Struct, not default(StructureId).", nameof(structure));
        }

        if (name.Trim().Length == 0 || !XdmCode.IsXmlText(name))
        {
            throw new ArgumentException("A structure needs a one-line name.", nameof(name));
        }

        _authorInstitution = Institution(name, structure.ToString());
        return this;
    }

    /// <summary>
    /// Sets the submission set's contentTypeCode (JDV_J03: the activity, TRE_R209, or the sector, TRE_R02, of the care that
    /// produced the documents; REF2-2 0.3). Without it, <see cref="Build"/> takes the healthcare facility's TRE_R02 code when
    /// JDV_J03 holds it, and refuses otherwise.
    /// </summary>
    /// <param name="code">The code, for example <c>SA07</c> "Cabinet individuel", scheme <c>1.2.250.1.71.4.2.4</c>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is null.</exception>
    public XdmPackageBuilder ContentType(XdmCode code)
    {
        _contentType = code ?? throw new ArgumentNullException(nameof(code));
        return this;
    }

    /// <summary>Sets the classCode of every document (JDV_J06) over the one ASS_X04 deduces from each typeCode.</summary>
    /// <param name="code">The code.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is null.</exception>
    public XdmPackageBuilder ClassCode(XdmCode code)
    {
        _classCode = code ?? throw new ArgumentNullException(nameof(code));
        return this;
    }

    /// <summary>Sets the confidentialityCode of every document (JDV_J08), over the CDA headers' own.</summary>
    /// <param name="code">The code.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is null.</exception>
    public XdmPackageBuilder ConfidentialityCode(XdmCode code)
    {
        _confidentiality = code ?? throw new ArgumentNullException(nameof(code));
        return this;
    }

    /// <summary>Sets the healthcareFacilityTypeCode of every document (JDV_J02, TRE_R02 sectors), over the CDA headers' own.</summary>
    /// <param name="code">The code.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is null.</exception>
    public XdmPackageBuilder HealthcareFacilityTypeCode(XdmCode code)
    {
        _facilityType = code ?? throw new ArgumentNullException(nameof(code));
        return this;
    }

    /// <summary>Sets the practiceSettingCode of every document (JDV_J04), over the CDA headers' own.</summary>
    /// <param name="code">The code.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is null.</exception>
    public XdmPackageBuilder PracticeSettingCode(XdmCode code)
    {
        _practiceSetting = code ?? throw new ArgumentNullException(nameof(code));
        return this;
    }

    /// <summary>Sets the submission set's sourceId: the OID of the sending system (ITI TF-3 §4.2.3.3.9).</summary>
    /// <param name="oid">An OID: digits and dots.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="oid"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="oid"/> is not an OID.</exception>
    public XdmPackageBuilder SourceId(string oid)
    {
        if (oid is null)
        {
            throw new ArgumentNullException(nameof(oid));
        }

        if (!IsOid(oid))
        {
            throw new ArgumentException("A sourceId is an OID such as 1.2.250.1.999.", nameof(oid));
        }

        _sourceId = oid;
        return this;
    }

    /// <summary>Sets the submission set's title; by default the first document's title.</summary>
    /// <param name="title">The title.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="title"/> is null.</exception>
    public XdmPackageBuilder Title(string title)
    {
        _title = title ?? throw new ArgumentNullException(nameof(title));
        return this;
    }

    /// <summary>
    /// Adds a CDA R2 document. Its header gives the type code (<c>code</c>, REF2-3), title, creation time
    /// (<c>effectiveTime</c>), confidentiality, unique id (<c>id</c>), author and the patient's INS traits (REF2-4); the
    /// body is not read. The formatCode comes from its template (see the remarks of <see cref="XdmPackageBuilder"/>).
    /// </summary>
    /// <param name="fileName">The file name (gives the extension in the archive; <c>.XML</c> by default).</param>
    /// <param name="cdaXml">The document's bytes (copied).</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">
    /// The bytes are not a CDA R2 document (root <c>ClinicalDocument</c> in <c>urn:hl7-org:v3</c>, no DTD); its header has
    /// no <c>code</c> or no <c>id</c>; or it names a patient INS other than the package's (one patient per package).
    /// </exception>
    public XdmPackageBuilder AddCda(string fileName, byte[] cdaXml) => AddCdaCore(fileName, cdaXml, null);

    /// <summary>Adds a CDA R2 document with the formatCode given (JDV_J10), for a template the builder does not know.</summary>
    /// <param name="fileName">The file name.</param>
    /// <param name="cdaXml">The document's bytes (copied).</param>
    /// <param name="formatCode">The formatCode.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">As <see cref="AddCda(string, byte[])"/>.</exception>
    public XdmPackageBuilder AddCda(string fileName, byte[] cdaXml, XdmCode formatCode) =>
        AddCdaCore(fileName, cdaXml, formatCode ?? throw new ArgumentNullException(nameof(formatCode)));

    /// <summary>Adds a document that is not a CDA (a PDF…), with its LOINC type code (JDV_J07) and title.</summary>
    /// <param name="fileName">The file name (gives the extension in the archive).</param>
    /// <param name="content">The bytes (copied).</param>
    /// <param name="mediaType">The media type, <c>type/subtype</c> (for example <c>application/pdf</c>).</param>
    /// <param name="typeCode">The LOINC type code (for example <c>11488-4</c>).</param>
    /// <param name="title">The title.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The media type is not <c>type/subtype</c>, or the type code or title is blank or holds a control character or a character XML cannot carry.</exception>
    public XdmPackageBuilder AddDocument(string fileName, byte[] content, string mediaType, string typeCode, string title)
    {
        if (fileName is null)
        {
            throw new ArgumentNullException(nameof(fileName));
        }

        if (content is null)
        {
            throw new ArgumentNullException(nameof(content));
        }

        if (mediaType is null)
        {
            throw new ArgumentNullException(nameof(mediaType));
        }

        if (typeCode is null)
        {
            throw new ArgumentNullException(nameof(typeCode));
        }

        if (title is null)
        {
            throw new ArgumentNullException(nameof(title));
        }

        if (!IsMediaType(mediaType))
        {
            throw new ArgumentException("The media type must be type/subtype, such as application/pdf.", nameof(mediaType));
        }

        if (title.Trim().Length == 0 || !XdmCode.IsXmlText(title))
        {
            throw new ArgumentException("A document needs a one-line title.", nameof(title));
        }

        byte[] copy = (byte[])content.Clone();
        _entries.Add(new XdmEntry
        {
            FileName = FileNameFor(fileName, mediaType),
            MediaType = mediaType.ToLowerInvariant(),
            Content = copy,
            Hash = XdmHash.Sha1Hex(copy),
            Title = title,
            TypeCode = new XdmCode(typeCode, Loinc, title),
            FormatCode = CisisTables.Format(CisisTables.OutOfProfileFormat)!,
            UniqueId = XdmIds.NewOid(),
        });
        return this;
    }

    /// <summary>
    /// Builds the package: METADATA.XML, INDEX.HTM and README.TXT are written now, with the submission time from the clock;
    /// the metadata is judged (<see cref="XdmPackage.Findings"/>, REF2-2 0.3).
    /// </summary>
    /// <returns>The package.</returns>
    /// <exception cref="InvalidOperationException">
    /// No document was added; or an attribute the CI-SIS requires cannot be filled (a French message says which): the
    /// contentTypeCode (neither <see cref="ContentType"/> nor a facility's TRE_R02 code in JDV_J03), a classCode ASS_X04
    /// cannot deduce, the healthcareFacilityTypeCode or the practiceSettingCode. No default states what the sender did not say.
    /// </exception>
    public XdmPackage Build()
    {
        if (_entries.Count == 0)
        {
            throw new InvalidOperationException("An IHE_XDM package needs at least one document: call AddCda or AddDocument before Build.");
        }

        string now = _clock.GetCurrentInstant().ToDateTimeUtc().ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        string patientId = XdmPackage.PatientIdOf(_patient, _patientOid);
        CdaHeader? firstCda = _entries.Find(e => e.Cda is not null)?.Cda;
        string sourcePatientId = SourcePatientIdOf(firstCda, patientId);
        XdmCode? facility = _facilityType ?? firstCda?.FacilityType;
        XdmCode? practice = _practiceSetting ?? firstCda?.PracticeSetting;
        var entryIds = new List<string>(_entries.Count);
        var ids = new XdmIds();
        var documents = new XdmDocument[_entries.Count];
        var codes = new List<string>();
        var cdaByUri = new Dictionary<string, CdaHeader?>(StringComparer.Ordinal);
        bool qualified = false;
        for (int i = 0; i < _entries.Count; i++)
        {
            XdmEntry e = _entries[i];
            e.ClassCode = _classCode ?? CisisTables.ClassOfType(e.TypeCode.Code, e.TypeCode.CodingScheme)
                ?? throw new InvalidOperationException(FrenchText.Xdm.BuildNoClass(e.TypeCode.Code));
            e.Confidentiality = _confidentiality ?? e.Cda?.Confidentiality ?? DefaultConfidentialityCode;
            e.FacilityType = _facilityType ?? e.Cda?.FacilityType ?? facility
                ?? throw new InvalidOperationException(FrenchText.Xdm.BuildNoFacilityType);
            e.PracticeSetting = _practiceSetting ?? e.Cda?.PracticeSetting ?? practice
                ?? throw new InvalidOperationException(FrenchText.Xdm.BuildNoPracticeSetting);
            e.CreationTime ??= now;
            e.AuthorPerson ??= _authorPerson;
            e.AuthorInstitution ??= _authorInstitution;
            e.SourcePatientId = e.Cda is null ? sourcePatientId : SourcePatientIdOf(e.Cda, patientId);
            if (e.Cda is not null)
            {
                codes.Add(e.TypeCode.Code);
                qualified |= e.Cda.HasQualifiedIns(_patient);
            }

            cdaByUri[e.FileName] = e.Cda;
            entryIds.Add(ids.Next());
            documents[i] = new XdmDocument(XdmFiles.SubsetFolder + e.FileName, e.MediaType, e.TypeCode.Code, e.Title, e.Content, e.Hash, e.UniqueId!, e.Cda is not null);
        }

        XdmCode contentType = _contentType ?? ContentTypeOf(_entries[0].FacilityType!)
            ?? throw new InvalidOperationException(FrenchText.Xdm.BuildNoContentType);
        XdmEntry? firstCdaEntry = _entries.Find(e => e.Cda is not null);
        var set = new XdmMetadataWriter.SubmissionSet
        {
            Id = ids.Next(),
            UniqueId = XdmIds.NewOid(),
            SourceId = _sourceId ?? XdmIds.NewOid(),
            SubmissionTime = now,
            PatientId = patientId,
            Title = _title ?? _entries[0].Title,
            AuthorPerson = _authorPerson ?? firstCdaEntry?.AuthorPerson,
            AuthorInstitution = _authorInstitution ?? firstCdaEntry?.AuthorInstitution,
            AuthorSpecialty = _authorPerson is null ? firstCdaEntry?.AuthorSpecialty : null,
            ContentType = contentType,
            PatientInfo = firstCda,
        };
        byte[] metadata = XdmMetadataWriter.Write(set, _entries, entryIds, ids);
        return new XdmPackage(_patient, _patientOid, documents, codes.ToArray(), qualified, XdmFiles.SubsetFolder + XdmFiles.MetadataName,
            metadata, XdmFiles.Index(_entries), XdmFiles.Readme(_entries.Count), XdmConformance.Check(metadata, cdaByUri));
    }

    /// <summary>
    /// The formatCode of a CDA (REF2-2 0.3): the first of its templateIds ASS_A11 lists; for an unstructured CDA, ASS_A12 by
    /// its body's media type; else <c>urn:asipSante:modelesHorsProfils:2011</c>. <c>Unstructured</c> says which table applied.
    /// </summary>
    internal static (XdmCode Format, bool Unstructured) FormatOf(CdaHeader header)
    {
        foreach (string template in header.TemplateIds)
        {
            if (CisisTables.FormatOfTemplate(template) is XdmCode code)
            {
                return (code, false);
            }
        }

        if (header.TemplateIds.Contains(CisisTables.UnstructuredTemplate) || header.NonXmlBody)
        {
            return (CisisTables.FormatOfMediaType(header.BodyMediaType ?? string.Empty) ?? CisisTables.Format(CisisTables.OutOfProfileFormat)!, true);
        }

        return (CisisTables.Format(CisisTables.OutOfProfileFormat)!, false);
    }

    /// <summary>The authorInstitution XON of a CDA's first author's organisation, when it is identified by an IdNat_Struct and named.</summary>
    internal static string? InstitutionOf(CdaHeader header) =>
        header.AuthorOrgIdRoot == StructureId.Oid && header.AuthorOrgIdExtension is string id && header.AuthorOrgName is string name
            ? Institution(name, id)
            : null;

    /// <summary>JDV_J03 holds the TRE_R02 sectors SA05–SA69: a facility of such a sector gives the contentTypeCode (REF2-2 0.3).</summary>
    private static XdmCode? ContentTypeOf(XdmCode facility) =>
        facility.CodingScheme == CisisTables.SectorScheme ? CisisTables.ContentType(facility.Code, CisisTables.SectorScheme) : null;

    private static string SourcePatientIdOf(CdaHeader? cda, string patientId) =>
        cda?.LocalPatientId is (string root, string extension)
            ? XdmMetadataWriter.Hl7Escape(extension) + "^^^&" + root + "&ISO^PI"
            : patientId;

    /// <summary>XON: <c>name^^^^^&amp;1.2.250.1.71.4.2.2&amp;ISO^IDNST^^^IdNat_Struct</c> (CI-SIS, REF2-2 0.3).</summary>
    private static string Institution(string name, string idNatStruct) =>
        XdmMetadataWriter.Hl7Escape(OneLine(name)) + "^^^^^&" + StructureId.Oid + "&ISO^IDNST^^^" + XdmMetadataWriter.Hl7Escape(idNatStruct);

    private XdmPackageBuilder AddCdaCore(string fileName, byte[] cdaXml, XdmCode? formatCode)
    {
        if (fileName is null)
        {
            throw new ArgumentNullException(nameof(fileName));
        }

        if (cdaXml is null)
        {
            throw new ArgumentNullException(nameof(cdaXml));
        }

        byte[] copy = (byte[])cdaXml.Clone();
        CdaHeader header = CdaHeader.TryRead(copy)
            ?? throw new ArgumentException("Not a CDA R2 document: the root must be ClinicalDocument in urn:hl7-org:v3 (no DTD).", nameof(cdaXml));
        if (header.Code is null)
        {
            throw new ArgumentException("The CDA header has no code (code/@code and @codeSystem): X-MSS-CODECDA needs it (REF2-3).", nameof(cdaXml));
        }

        if (header.UniqueId is null)
        {
            throw new ArgumentException("The CDA header has no id/@root: the document's uniqueId comes from it.", nameof(cdaXml));
        }

        if (header.NamesOtherIns(_patient))
        {
            throw new ArgumentException("The CDA names another patient's INS than the package's: a package holds one patient's documents.", nameof(cdaXml));
        }

        string? author = header.AuthorIdExtension is not null && header.AuthorIdRoot is not null
            ? AuthorPerson(header.AuthorIdExtension, header.AuthorIdRoot, header.AuthorFamily, header.AuthorGiven)
            : null;
        var entry = new XdmEntry
        {
            FileName = FileNameFor(fileName, "text/xml"),
            MediaType = "text/xml",
            Content = copy,
            Hash = XdmHash.Sha1Hex(copy),
            Title = header.Title,
            TypeCode = header.Code,
            FormatCode = formatCode ?? FormatOf(header).Format,
            CreationTime = CdaHeader.ToXdsTime(header.EffectiveTime),
            LanguageCode = header.LanguageCode,
            UniqueId = header.UniqueId,
            AuthorPerson = author,
            Cda = header,
            LegalAuthenticator = header.LegalIdExtension is not null && header.LegalIdRoot is not null
                ? AuthorPerson(header.LegalIdExtension, header.LegalIdRoot, header.LegalFamily, header.LegalGiven)
                : null,
            ServiceStartTime = CdaHeader.ToXdsTime(header.ServiceStart),
            ServiceStopTime = CdaHeader.ToXdsTime(header.ServiceStop),
            AuthorInstitution = InstitutionOf(header),
            AuthorSpecialty = header.AuthorSpecialty is XdmCode specialty
                ? XdmMetadataWriter.Hl7Escape(specialty.Code) + "^" + XdmMetadataWriter.Hl7Escape(specialty.DisplayName) + "^" + XdmMetadataWriter.Hl7Escape(specialty.CodingScheme)
                : null,
        };
        entry.EventCodes.AddRange(header.EventCodes);
        _entries.Add(entry);
        return this;
    }

    /// <summary>
    /// An XCN for <c>authorPerson</c> and <c>legalAuthenticator</c>: <c>id^family^given^^^^^^&amp;oid&amp;ISO^D^^^TYPE</c>, TYPE
    /// IDNPS for an IdNat_PS, EI for a structure-internal id, RI for a system, NH for a patient (REF2-2 0.3).
    /// </summary>
    private static string AuthorPerson(string id, string oid, string? family, string? given)
    {
        string type = "^D^^^" + XdmConformance.IdentifierType(id, oid);
        return XdmMetadataWriter.Hl7Escape(id) + "^" + XdmMetadataWriter.Hl7Escape(OneLine(family)) + "^" + XdmMetadataWriter.Hl7Escape(OneLine(given))
            + "^^^^^^&" + oid + "&ISO" + type;
    }

    private static string OneLine(string? s)
    {
        if (s is null)
        {
            return string.Empty;
        }

        var chars = s.Trim().ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            if (char.IsControl(chars[i]))
            {
                chars[i] = ' ';
            }
        }

        return new string(chars);
    }

    private string FileNameFor(string fileName, string mediaType)
    {
        string extension = ExtensionOf(fileName) ?? ExtensionOfMediaType(mediaType);
        return "DOC" + (_entries.Count + 1).ToString("D5", CultureInfo.InvariantCulture) + "." + extension;
    }

    private static string? ExtensionOf(string fileName)
    {
        int dot = fileName.LastIndexOf('.');
        if (dot < 0 || dot == fileName.Length - 1)
        {
            return null;
        }

        string extension = fileName.Substring(dot + 1);
        if (extension.Length > 3)
        {
            return null;
        }

        foreach (char c in extension)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9')))
            {
                return null;
            }
        }

        return extension.ToUpperInvariant();
    }

    private static string ExtensionOfMediaType(string mediaType) => mediaType.ToLowerInvariant() switch
    {
        "text/xml" or "application/xml" => "XML",
        "application/pdf" => "PDF",
        "text/plain" => "TXT",
        "image/jpeg" => "JPG",
        "image/png" => "PNG",
        "image/tiff" => "TIF",
        "text/rtf" or "application/rtf" => "RTF",
        _ => "BIN",
    };

    private static bool IsMediaType(string mediaType)
    {
        int slash = mediaType.IndexOf('/');
        if (slash <= 0 || slash == mediaType.Length - 1 || mediaType.IndexOf('/', slash + 1) >= 0)
        {
            return false;
        }

        foreach (char c in mediaType)
        {
            if (!(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '/' or '.' or '+' or '-' or '_'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsOid(string s)
    {
        if (s.Length == 0 || s.Length > 64 || s[0] == '.' || s[s.Length - 1] == '.')
        {
            return false;
        }

        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c == '.' ? s[i - 1] == '.' : c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
