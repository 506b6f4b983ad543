using System;
using System.Collections.Generic;
using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Mss.Core.Xdm;

/// <summary>
/// What the header of an HL7 CDA R2 document says that the XDS metadata and the X-MSS-* headers need (CI-SIS
/// "Structuration minimale des documents de santé"): code, title, effective time, confidentiality, patient ids with
/// OIDs and the INS traits, the first author. Read with a safe streaming reader; the body is never parsed.
/// </summary>
internal sealed class CdaHeader
{
    internal const string Hl7 = "urn:hl7-org:v3";

    /// <summary>XDS-SD (scanned document): a CDA wrapping a PDF or text body.</summary>
    internal const string XdsSdTemplate = "1.3.6.1.4.1.19376.1.2.20";

    private static readonly XNamespace V3 = Hl7;

    private CdaHeader()
    {
    }

    internal XdmCode? Code { get; private set; }

    internal string? Title { get; private set; }

    internal string? EffectiveTime { get; private set; }

    internal XdmCode? Confidentiality { get; private set; }

    internal string? LanguageCode { get; private set; }

    internal string? IdRoot { get; private set; }

    internal string? IdExtension { get; private set; }

    internal List<string> TemplateIds { get; } = new();

    internal List<(string Root, string Extension)> PatientIds { get; } = new();

    internal string? BirthName { get; private set; }

    internal string? FirstGivenName { get; private set; }

    internal string? BirthTime { get; private set; }

    internal string? Sex { get; private set; }

    internal string? AuthorIdRoot { get; private set; }

    internal string? AuthorIdExtension { get; private set; }

    internal string? AuthorFamily { get; private set; }

    internal string? AuthorGiven { get; private set; }

    internal XdmCode? FacilityType { get; private set; }

    internal XdmCode? PracticeSetting { get; private set; }

    internal bool NonXmlBody { get; private set; }

    /// <summary>The media type of the unstructured body (<c>component/nonXMLBody/text/@mediaType</c>, ASS_A12); null otherwise.</summary>
    internal string? BodyMediaType { get; private set; }

    /// <summary>The first author's specialty (<c>assignedAuthor/code</c>, JDV_J01).</summary>
    internal XdmCode? AuthorSpecialty { get; private set; }

    /// <summary>The first author's organisation id root (<c>representedOrganization/id/@root</c>).</summary>
    internal string? AuthorOrgIdRoot { get; private set; }

    /// <summary>The first author's organisation id (IdNat_Struct under <c>1.2.250.1.71.4.2.2</c>).</summary>
    internal string? AuthorOrgIdExtension { get; private set; }

    /// <summary>The first author's organisation name.</summary>
    internal string? AuthorOrgName { get; private set; }

    /// <summary>The legal authenticator's id root.</summary>
    internal string? LegalIdRoot { get; private set; }

    /// <summary>The legal authenticator's id.</summary>
    internal string? LegalIdExtension { get; private set; }

    internal string? LegalFamily { get; private set; }

    internal string? LegalGiven { get; private set; }

    /// <summary>The first service event's start (<c>documentationOf/serviceEvent/effectiveTime/low/@value</c>), HL7 TS.</summary>
    internal string? ServiceStart { get; private set; }

    /// <summary>The first service event's end (<c>…/high/@value</c>), HL7 TS.</summary>
    internal string? ServiceStop { get; private set; }

    /// <summary>The code of every service event (<c>documentationOf/serviceEvent/code</c>): the eventCodeList.</summary>
    internal List<XdmCode> EventCodes { get; } = new();

    /// <summary>The unique id <c>root^extension</c>, or <c>root</c> without extension; null without an id.</summary>
    internal string? UniqueId => IdRoot is null ? null : IdExtension is null ? IdRoot : IdRoot + "^" + IdExtension;

    /// <summary>
    /// Reads the header of <paramref name="xml"/>; null when it is not well-formed XML, holds a DTD, or its root is not
    /// <c>ClinicalDocument</c> in <c>urn:hl7-org:v3</c>. Never throws.
    /// </summary>
    internal static CdaHeader? TryRead(byte[] xml)
    {
        try
        {
            using XmlReader reader = SafeXml.Reader(xml);
            if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != "ClinicalDocument" || reader.NamespaceURI != Hl7)
            {
                return null;
            }

            var header = new CdaHeader();
            if (reader.IsEmptyElement)
            {
                return header;
            }

            reader.Read();
            while (!reader.EOF && reader.NodeType != XmlNodeType.EndElement)
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    reader.Read();
                    continue;
                }

                if (reader.NamespaceURI != Hl7)
                {
                    reader.Skip();
                    continue;
                }

                if (reader.LocalName == "component")
                {
                    var component = (XElement)XNode.ReadFrom(reader);
                    XElement? body = component.Element(V3 + "nonXMLBody");
                    header.NonXmlBody = body is not null;
                    header.BodyMediaType = Attr(body?.Element(V3 + "text"), "mediaType");
                    break;
                }

                header.Read(reader);
            }

            return header;
        }
        catch (XmlException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
        catch (ArgumentException)
        {
            return null; // a code with a control character
        }
    }

    /// <summary>
    /// Whether the header holds a qualified INS (REF2-4): the patient's INS matricule <paramref name="ins"/> with an
    /// INS OID (INS-5), and the traits birth name, first given name, birth date and sex.
    /// </summary>
    internal bool HasQualifiedIns(InsMatricule ins) =>
        HasIns(ins)
        && !string.IsNullOrWhiteSpace(BirthName)
        && !string.IsNullOrWhiteSpace(FirstGivenName)
        && BirthTime is { Length: >= 8 } birth && IsDigits(birth, 8)
        && Sex is "M" or "F";

    /// <summary>Whether a patient id is <paramref name="ins"/> under an INS OID (NIR, NIA, test or demo: INS-5).</summary>
    internal bool HasIns(InsMatricule ins)
    {
        foreach ((string root, string extension) in PatientIds)
        {
            if (InsOid.TryGetKind(root.AsSpan(), out _) && InsMatricule.TryParse(extension, out InsMatricule m) && m == ins)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a patient id names an INS (under an INS OID) other than <paramref name="ins"/>.</summary>
    internal bool NamesOtherIns(InsMatricule ins)
    {
        foreach ((string root, string extension) in PatientIds)
        {
            if (InsOid.TryGetKind(root.AsSpan(), out _) && !(InsMatricule.TryParse(extension, out InsMatricule m) && m == ins))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsDigits(string s, int count)
    {
        for (int i = 0; i < count; i++)
        {
            if (s[i] is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    private static string? Attr(XElement? e, string name)
    {
        string? value = e?.Attribute(name)?.Value.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    private static XdmCode? CodeOf(XElement? e)
    {
        string? code = Attr(e, "code");
        string? system = Attr(e, "codeSystem");
        return code is null || system is null ? null : new XdmCode(code, system, Attr(e, "displayName") ?? string.Empty);
    }

    private static bool HasQualifier(XElement e, string qualifier)
    {
        string? value = e.Attribute("qualifier")?.Value;
        if (value is null)
        {
            return false;
        }

        foreach (string token in value.Split(' ', '\t', '\r', '\n'))
        {
            if (token == qualifier)
            {
                return true;
            }
        }

        return false;
    }

    private static string? Text(XElement? e)
    {
        string? text = e?.Value.Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }

    private void Read(XmlReader reader)
    {
        switch (reader.LocalName)
        {
            case "templateId":
            case "legalAuthenticator":
            case "id":
            case "code":
            case "effectiveTime":
            case "confidentialityCode":
            case "languageCode":
            case "title":
            case "recordTarget":
            case "author":
            case "documentationOf":
            case "componentOf":
                Apply((XElement)XNode.ReadFrom(reader));
                break;
            default:
                reader.Skip();
                break;
        }
    }

    private void Apply(XElement e)
    {
        switch (e.Name.LocalName)
        {
            case "templateId":
                if (Attr(e, "root") is string template)
                {
                    TemplateIds.Add(template);
                }

                break;
            case "id":
                IdRoot ??= Attr(e, "root");
                IdExtension ??= IdRoot is null ? null : Attr(e, "extension");
                break;
            case "code":
                Code ??= CodeOf(e);
                break;
            case "effectiveTime":
                EffectiveTime ??= Attr(e, "value");
                break;
            case "confidentialityCode":
                Confidentiality ??= CodeOf(e);
                break;
            case "languageCode":
                LanguageCode ??= Attr(e, "code");
                break;
            case "title":
                Title ??= Text(e);
                break;
            case "recordTarget":
                ReadPatient(e);
                break;
            case "author":
                ReadAuthor(e);
                break;
            case "legalAuthenticator":
                ReadLegalAuthenticator(e);
                break;
            case "documentationOf":
                ReadServiceEvent(e.Element(V3 + "serviceEvent"));
                PracticeSetting ??= CodeOf(e.Element(V3 + "serviceEvent")?.Element(V3 + "performer")?.Element(V3 + "assignedEntity")
                    ?.Element(V3 + "representedOrganization")?.Element(V3 + "standardIndustryClassCode"));
                break;
            case "componentOf":
                FacilityType ??= CodeOf(e.Element(V3 + "encompassingEncounter")?.Element(V3 + "location")
                    ?.Element(V3 + "healthCareFacility")?.Element(V3 + "code"));
                break;
        }
    }

    private void ReadPatient(XElement recordTarget)
    {
        if (PatientIds.Count > 0)
        {
            return; // one patient: the first recordTarget
        }

        XElement? role = recordTarget.Element(V3 + "patientRole");
        if (role is null)
        {
            return;
        }

        foreach (XElement id in role.Elements(V3 + "id"))
        {
            if (Attr(id, "root") is string root && Attr(id, "extension") is string extension)
            {
                PatientIds.Add((root, extension));
            }
        }

        XElement? patient = role.Element(V3 + "patient");
        if (patient is null)
        {
            return;
        }

        foreach (XElement name in patient.Elements(V3 + "name"))
        {
            foreach (XElement family in name.Elements(V3 + "family"))
            {
                if (BirthName is null && HasQualifier(family, "BR"))
                {
                    BirthName = Text(family);
                }
            }

            foreach (XElement given in name.Elements(V3 + "given"))
            {
                if (FirstGivenName is null && HasQualifier(given, "BR"))
                {
                    FirstGivenName = Text(given);
                }
            }
        }

        Sex = Attr(patient.Element(V3 + "administrativeGenderCode"), "code");
        BirthTime = Attr(patient.Element(V3 + "birthTime"), "value");
    }

    private void ReadLegalAuthenticator(XElement legal)
    {
        if (LegalIdRoot is not null)
        {
            return;
        }

        XElement? entity = legal.Element(V3 + "assignedEntity");
        XElement? id = entity?.Element(V3 + "id");
        LegalIdRoot = Attr(id, "root");
        LegalIdExtension = Attr(id, "extension");
        XElement? name = entity?.Element(V3 + "assignedPerson")?.Element(V3 + "name");
        LegalFamily = Text(name?.Element(V3 + "family"));
        LegalGiven = Text(name?.Element(V3 + "given"));
    }

    private void ReadServiceEvent(XElement? serviceEvent)
    {
        if (serviceEvent is null)
        {
            return;
        }

        if (CodeOf(serviceEvent.Element(V3 + "code")) is XdmCode code)
        {
            EventCodes.Add(code);
        }

        XElement? time = serviceEvent.Element(V3 + "effectiveTime");
        ServiceStart ??= Attr(time?.Element(V3 + "low"), "value");
        ServiceStop ??= Attr(time?.Element(V3 + "high"), "value");
    }

    private void ReadAuthor(XElement author)
    {
        if (AuthorIdRoot is not null || AuthorFamily is not null)
        {
            return; // the first author
        }

        XElement? assigned = author.Element(V3 + "assignedAuthor");
        XElement? id = assigned?.Element(V3 + "id");
        AuthorIdRoot = Attr(id, "root");
        AuthorIdExtension = Attr(id, "extension");
        XElement? name = assigned?.Element(V3 + "assignedPerson")?.Element(V3 + "name");
        AuthorFamily = Text(name?.Element(V3 + "family"));
        AuthorGiven = Text(name?.Element(V3 + "given"));
        AuthorSpecialty = CodeOf(assigned?.Element(V3 + "code"));
        XElement? organization = assigned?.Element(V3 + "representedOrganization");
        AuthorOrgIdRoot = Attr(organization?.Element(V3 + "id"), "root");
        AuthorOrgIdExtension = Attr(organization?.Element(V3 + "id"), "extension");
        AuthorOrgName = Text(organization?.Element(V3 + "name"));
    }

    /// <summary>The patient's local id (IPP): the first recordTarget id whose root is not an INS OID (INS-5); null without one.</summary>
    internal (string Root, string Extension)? LocalPatientId
    {
        get
        {
            foreach ((string root, string extension) in PatientIds)
            {
                if (!InsOid.TryGetKind(root.AsSpan(), out _))
                {
                    return (root, extension);
                }
            }

            return null;
        }
    }

    /// <summary>
    /// The CDA effective time (<c>YYYYMMDDhhmmss[.f][+-ZZzz]</c>) as an XDS DTM in UTC (ITI TF-3 §4.2.3.1.5:
    /// <c>YYYY[MM[DD[hh[mm[ss]]]]]</c>); null when it does not read.
    /// </summary>
    internal static string? ToXdsTime(string? hl7)
    {
        if (hl7 is null || hl7.Length < 4 || !IsDigits(hl7, 4))
        {
            return null;
        }

        int sign = hl7.IndexOfAny(new[] { '+', '-' });
        string local = sign < 0 ? hl7 : hl7.Substring(0, sign);
        int dot = local.IndexOf('.');
        if (dot >= 0)
        {
            local = local.Substring(0, dot);
        }

        if (local.Length % 2 != 0 || local.Length > 14 || !IsDigits(local, local.Length))
        {
            return null;
        }

        if (sign < 0 || local.Length < 12)
        {
            return local; // no offset: as given (decided here); a date alone has no time zone to shift
        }

        string offset = hl7.Substring(sign);
        if (offset.Length != 5 || !IsDigits(offset.Substring(1), 4))
        {
            return null;
        }

        string padded = local.PadRight(14, '0');
        if (!DateTime.TryParseExact(padded, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime clock))
        {
            return null;
        }

        int minutes = (int.Parse(offset.Substring(1, 2), CultureInfo.InvariantCulture) * 60) + int.Parse(offset.Substring(3, 2), CultureInfo.InvariantCulture);
        DateTime utc = offset[0] == '+' ? clock.AddMinutes(-minutes) : clock.AddMinutes(minutes);
        return utc.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture).Substring(0, local.Length);
    }
}
