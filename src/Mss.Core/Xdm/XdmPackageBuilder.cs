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
/// <para>Defaults (each settable; the CI-SIS value set named):</para>
/// <list type="bullet">
/// <item>classCode (JDV_J06): <c>10</c> "Compte rendu", scheme <c>1.2.250.1.213.1.1.4.1</c> (<see cref="DefaultClassCode"/>).</item>
/// <item>confidentialityCode (JDV_J08): the CDA header's <c>confidentialityCode</c>; else <c>N</c> "Normal", scheme <c>2.16.840.1.113883.5.25</c>.</item>
/// <item>formatCode (JDV_J10): from the CDA's template (LDL-SES, LDL-EES…); a CDA wrapping a PDF (XDS-SD, non-XML body):
/// <c>urn:ihe:iti:xds-sd:pdf:2008</c>; anything else: <c>urn:ihe:iti:xds:2017:mimeTypeSufficient</c>, both scheme
/// <c>1.3.6.1.4.1.19376.1.2.3</c>. A CDA of another template should pass its formatCode to
/// <see cref="AddCda(string, byte[], XdmCode)"/>.</item>
/// <item>healthcareFacilityTypeCode (JDV_J02): the CDA's <c>healthCareFacility/code</c>; else <c>SA01</c> "Etablissement
/// public de santé", scheme <c>1.2.250.1.71.4.2.4</c>.</item>
/// <item>practiceSettingCode (JDV_J04): the CDA's <c>serviceEvent/performer</c> organisation's <c>standardIndustryClassCode</c>;
/// else <c>ETABLISSEMENT</c> "Etablissement de santé", scheme <c>1.2.250.1.213.1.1.4.9</c>.</item>
/// <item>typeCode (JDV_J07): the CDA's <c>code</c>; for other documents the LOINC code given, scheme <c>2.16.840.1.113883.6.1</c>.</item>
/// <item>sourceId: a new UUID-based OID (<c>2.25.…</c>) per package; set your system's OID with <see cref="SourceId"/>.</item>
/// </list>
/// <para>
/// Documents are named <c>DOC00001.XML</c>, <c>DOC00002.PDF</c>… in <c>IHE_XDM/SUBSET01/</c>: ISO 9660 8.3 names as
/// ITI TF-1 §16 asks; the extension comes from the file name given (or the media type).
/// </para>
/// </remarks>
public sealed class XdmPackageBuilder
{
    /// <summary>The IHE format code scheme (ITI TF-3 §4.2.3.2.9; JDV_J10).</summary>
    private const string IheFormatScheme = "1.3.6.1.4.1.19376.1.2.3";

    /// <summary>TRE_A06-FormatCodeComplementaire (CI-SIS format codes).</summary>
    private const string CisisFormatScheme = "1.2.250.1.213.1.1.4.2.282";

    /// <summary>LOINC.</summary>
    private const string Loinc = "2.16.840.1.113883.6.1";

    /// <summary>The OID of IdNat_PS (national identifier of health professionals, BAL-7).</summary>
    private const string IdNatPsOid = "1.2.250.1.71.4.2.1";

    /// <summary>CDA templates of the CI-SIS and their formatCode (ANS association ASS_A11-CorresModeleCDA-XdsFormatCode-CISIS, excerpt).</summary>
    private static readonly Dictionary<string, XdmCode> FormatByTemplate = new(StringComparer.Ordinal)
    {
        ["1.2.250.1.213.1.1.1.29"] = new("urn:asip:ci-sis:ldl-ses:2017", CisisFormatScheme, "Lettre de Liaison à la sortie de l'établissement de santé"),
        ["1.2.250.1.213.1.1.1.21"] = new("urn:asip:ci-sis:ldl-ees:2017", CisisFormatScheme, "Lettre de Liaison à l'entrée d'un établissement de santé"),
    };

    private readonly InsMatricule _patient;
    private readonly string _patientOid;
    private readonly IClock _clock;
    private readonly List<XdmEntry> _entries = new();
    private string? _authorPerson;
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

    /// <summary>The default classCode: <c>10</c> "Compte rendu" (JDV_J06-XdsClassCode-CISIS, TRE_A03-ClasseDocument).</summary>
    public static XdmCode DefaultClassCode { get; } = new("10", "1.2.250.1.213.1.1.4.1", "Compte rendu");

    /// <summary>The default confidentialityCode: <c>N</c> "Normal" (JDV_J08-XdsConfidentialityCode-CISIS).</summary>
    public static XdmCode DefaultConfidentialityCode { get; } = new("N", "2.16.840.1.113883.5.25", "Normal");

    /// <summary>The default healthcareFacilityTypeCode: <c>SA01</c> "Etablissement public de santé" (JDV_J02-XdsHealthcareFacilityTypeCode-CISIS).</summary>
    public static XdmCode DefaultHealthcareFacilityTypeCode { get; } = new("SA01", "1.2.250.1.71.4.2.4", "Etablissement public de santé");

    /// <summary>The default practiceSettingCode: <c>ETABLISSEMENT</c> "Etablissement de santé" (JDV_J04-XdsPracticeSettingCode-CISIS).</summary>
    public static XdmCode DefaultPracticeSettingCode { get; } = new("ETABLISSEMENT", "1.2.250.1.213.1.1.4.9", "Etablissement de santé");

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

    /// <summary>Sets the classCode of every document (JDV_J06); <see cref="DefaultClassCode"/> otherwise.</summary>
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

    /// <summary>Sets the healthcareFacilityTypeCode of every document (JDV_J02), over the CDA headers' own.</summary>
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
            FormatCode = new XdmCode("urn:ihe:iti:xds:2017:mimeTypeSufficient", IheFormatScheme, "Format d'après le type MIME"),
            UniqueId = XdmIds.NewOid(),
        });
        return this;
    }

    /// <summary>Builds the package: METADATA.XML, INDEX.HTM and README.TXT are written now, with the submission time from the clock.</summary>
    /// <returns>The package.</returns>
    /// <exception cref="InvalidOperationException">No document was added.</exception>
    public XdmPackage Build()
    {
        if (_entries.Count == 0)
        {
            throw new InvalidOperationException("An IHE_XDM package needs at least one document: call AddCda or AddDocument before Build.");
        }

        string now = _clock.GetCurrentInstant().ToDateTimeUtc().ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        string patientId = XdmPackage.PatientIdOf(_patient, _patientOid);
        var entryIds = new List<string>(_entries.Count);
        var ids = new XdmIds();
        var documents = new XdmDocument[_entries.Count];
        var codes = new List<string>();
        bool qualified = false;
        string? firstCdaAuthor = null;
        for (int i = 0; i < _entries.Count; i++)
        {
            XdmEntry e = _entries[i];
            e.ClassCode = _classCode ?? DefaultClassCode;
            e.Confidentiality = _confidentiality ?? e.Cda?.Confidentiality ?? DefaultConfidentialityCode;
            e.FacilityType = _facilityType ?? e.Cda?.FacilityType ?? DefaultHealthcareFacilityTypeCode;
            e.PracticeSetting = _practiceSetting ?? e.Cda?.PracticeSetting ?? DefaultPracticeSettingCode;
            e.CreationTime ??= now;
            e.AuthorPerson ??= _authorPerson;
            firstCdaAuthor ??= e.Cda is null ? null : e.AuthorPerson;
            if (e.Cda is not null)
            {
                codes.Add(e.TypeCode.Code);
                qualified |= e.Cda.HasQualifiedIns(_patient);
            }

            entryIds.Add(ids.Next());
            documents[i] = new XdmDocument(XdmFiles.SubsetFolder + e.FileName, e.MediaType, e.TypeCode.Code, e.Title, e.Content, e.Hash, e.UniqueId!, e.Cda is not null);
        }

        var set = new XdmMetadataWriter.SubmissionSet
        {
            Id = ids.Next(),
            UniqueId = XdmIds.NewOid(),
            SourceId = _sourceId ?? XdmIds.NewOid(),
            SubmissionTime = now,
            PatientId = patientId,
            Title = _title ?? _entries[0].Title,
            AuthorPerson = _authorPerson ?? firstCdaAuthor,
        };
        byte[] metadata = XdmMetadataWriter.Write(set, _entries, entryIds, ids);
        return new XdmPackage(_patient, _patientOid, documents, codes.ToArray(), qualified, XdmFiles.SubsetFolder + XdmFiles.MetadataName,
            metadata, XdmFiles.Index(_entries), XdmFiles.Readme(_entries.Count));
    }

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
        _entries.Add(new XdmEntry
        {
            FileName = FileNameFor(fileName, "text/xml"),
            MediaType = "text/xml",
            Content = copy,
            Hash = XdmHash.Sha1Hex(copy),
            Title = header.Title,
            TypeCode = header.Code,
            FormatCode = formatCode ?? FormatOf(header),
            CreationTime = CdaHeader.ToXdsTime(header.EffectiveTime),
            LanguageCode = header.LanguageCode,
            UniqueId = header.UniqueId,
            AuthorPerson = author,
            Cda = header,
        });
        return this;
    }

    private static XdmCode FormatOf(CdaHeader header)
    {
        foreach (string template in header.TemplateIds)
        {
            if (FormatByTemplate.TryGetValue(template, out XdmCode? code))
            {
                return code;
            }
        }

        return header.NonXmlBody || header.TemplateIds.Contains(CdaHeader.XdsSdTemplate)
            ? new XdmCode("urn:ihe:iti:xds-sd:pdf:2008", IheFormatScheme, "Document à corps non structuré en PDF")
            : new XdmCode("urn:ihe:iti:xds:2017:mimeTypeSufficient", IheFormatScheme, "Format d'après le type MIME");
    }

    /// <summary>An XCN for <c>authorPerson</c>: <c>id^family^given^^^^^^&amp;oid&amp;ISO^D^^^IDNPS</c> (CI-SIS; IDNPS for IdNat_PS).</summary>
    private static string AuthorPerson(string id, string oid, string? family, string? given)
    {
        string type = oid == IdNatPsOid ? "^D^^^IDNPS" : "^D";
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
