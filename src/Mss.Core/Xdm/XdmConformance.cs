using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml;
using System.Xml.Linq;

namespace Mss.Core.Xdm;

/// <summary>
/// REF2-2 0.3: judges METADATA.XML against what Mon espace santé and the DMP file (CI-SIS logical model of the XDS
/// metadata; ANS tables ASS_X04, ASS_A11, ASS_A12, JDV_J03, JDV_J06, JDV_J10) and lists every departure as an
/// <see cref="XdmFinding"/>. The same judge runs on packages built (over the bytes written) and received. It reads only
/// <c>SubmitObjectsRequest/RegistryObjectList</c> and the children of its objects (never the whole tree), and never throws:
/// metadata it cannot read gives one finding.
/// </summary>
internal static class XdmConformance
{
    internal const string Rule = "REF2-2 0.3";
    internal const string RuleX04 = "CI-SIS ASS_X04";
    internal const string RuleA11 = "CI-SIS ASS_A11";
    internal const string RuleA12 = "CI-SIS ASS_A12";
    internal const string RuleJ03 = "CI-SIS JDV_J03";
    internal const string RuleJ06 = "CI-SIS JDV_J06";
    internal const string RuleJ10 = "CI-SIS JDV_J10";

    private static readonly XNamespace Rim = Ebrim.Rim;
    private static readonly XNamespace Lcm = Ebrim.Lcm;

    /// <summary>
    /// The findings on <paramref name="metadata"/>; <paramref name="cdaByUri"/> gives the CDA header of each document by its
    /// <c>URI</c> slot (null or absent for a document that is not a CDA), for the attributes the header carries.
    /// </summary>
    internal static List<XdmFinding> Check(byte[] metadata, IReadOnlyDictionary<string, CdaHeader?> cdaByUri)
    {
        var findings = new List<XdmFinding>();
        XElement? list;
        try
        {
            using XmlReader reader = SafeXml.Reader(metadata);
            XElement root = XElement.Load(reader);
            list = root.Name == Lcm + "SubmitObjectsRequest" ? root.Element(Rim + "RegistryObjectList") : null;
        }
        catch (XmlException)
        {
            list = null;
        }

        if (list is null)
        {
            findings.Add(new XdmFinding("SubmitObjectsRequest", Rule, FrenchText.Xdm.Missing(FrenchText.Xdm.SubmissionSet, "RegistryObjectList")));
            return findings;
        }

        // Classifications may be children of their object or siblings that name it (ebRIM 3.0 §4.3).
        var outside = new Dictionary<string, List<XElement>>(StringComparer.Ordinal);
        foreach (XElement c in list.Elements(Rim + "Classification"))
        {
            if ((string?)c.Attribute("classifiedObject") is string target)
            {
                if (!outside.TryGetValue(target, out List<XElement>? l))
                {
                    outside[target] = l = new List<XElement>();
                }

                l.Add(c);
            }
        }

        // The submission set is the RegistryPackage classified as one (ITI TF-3 §4.2.3.3); others are folders. Without that
        // classification every RegistryPackage is taken for a submission set.
        var sets = new HashSet<string>(StringComparer.Ordinal);
        foreach (XElement c in list.Elements(Rim + "Classification").Concat(list.Elements(Rim + "RegistryPackage").Elements(Rim + "Classification")))
        {
            if ((string?)c.Attribute("classificationNode") == Ebrim.SubmissionSetNode && (string?)c.Attribute("classifiedObject") is string target)
            {
                sets.Add(target);
            }
        }

        foreach (XElement set in list.Elements(Rim + "RegistryPackage"))
        {
            if (sets.Count == 0 || sets.Contains((string?)set.Attribute("id") ?? string.Empty))
            {
                CheckSubmissionSet(set, Classifications(set, outside), findings);
            }
        }

        int position = 0;
        foreach (XElement document in list.Elements(Rim + "ExtrinsicObject"))
        {
            position++;
            string? uri = SlotValue(document, "URI");
            CdaHeader? cda = uri is not null && cdaByUri.TryGetValue(uri, out CdaHeader? h) ? h : null;
            CheckDocument(document, Classifications(document, outside), cda, FrenchText.Xdm.Document(position), findings);
        }

        return findings;
    }

    /// <summary>Whether <paramref name="value"/> is <c>INS^^^&amp;OID&amp;ISO^NH</c> with a valid INS under an INS OID (REF2-2 0.3).</summary>
    internal static bool IsInsNh(string? value) =>
        value is not null && value.EndsWith("^NH", StringComparison.Ordinal)
        && XdmReader.TryParsePatientId(value.Substring(0, value.Length - 3), out _, out _);

    /// <summary>The identifier type (CX-5 / XCN-13) of an author, from its id and OID (REF2-2 0.3): NH, EI, IDNPS or RI.</summary>
    internal static string IdentifierType(string id, string oid) =>
        InsOid.TryGetKind(oid, out _) ? "NH"
        : id.IndexOf('/') >= 0 ? "EI"
        : oid == XdmPackageBuilder.IdNatPsOid ? "IDNPS"
        : "RI";

    private static void CheckSubmissionSet(XElement set, List<XElement> classifications, List<XdmFinding> findings)
    {
        string where = FrenchText.Xdm.SubmissionSet;
        if (!IsInsNh(ExternalIdentifier(set, Ebrim.SubmissionSetPatientId)))
        {
            findings.Add(new XdmFinding("patientId", Rule, FrenchText.Xdm.PatientIdNotNh(where)));
        }

        XElement? content = Find(classifications, Ebrim.SubmissionSetContentTypeCode);
        if (content is null)
        {
            findings.Add(new XdmFinding("contentTypeCode", RuleJ03, FrenchText.Xdm.Missing(where, "contentTypeCode")));
        }
        else if (CisisTables.ContentType(Node(content), SlotValue(content, "codingScheme") ?? string.Empty) is null)
        {
            findings.Add(new XdmFinding("contentTypeCode", RuleJ03, FrenchText.Xdm.NotInValueSet(where, "contentTypeCode", Node(content), "JDV_J03")));
        }

        CheckAuthors(classifications, Ebrim.SubmissionSetAuthor, where, findings);
    }

    private static void CheckDocument(XElement document, List<XElement> classifications, CdaHeader? cda, string where, List<XdmFinding> findings)
    {
        if (!IsInsNh(ExternalIdentifier(document, Ebrim.DocumentPatientId)))
        {
            findings.Add(new XdmFinding("patientId", Rule, FrenchText.Xdm.PatientIdNotNh(where)));
        }

        string? source = SlotValue(document, "sourcePatientId");
        if (source is null || !(IsInsNh(source) || IsLocalId(source)))
        {
            findings.Add(new XdmFinding("sourcePatientId", Rule, FrenchText.Xdm.SourcePatientIdMissing(where)));
        }

        if (SlotValue(document, "sourcePatientInfo") is null)
        {
            findings.Add(new XdmFinding("sourcePatientInfo", Rule, FrenchText.Xdm.SourcePatientInfoMissing(where)));
        }

        if (SlotValue(document, "creationTime") is null)
        {
            findings.Add(new XdmFinding("creationTime", Rule, FrenchText.Xdm.Missing(where, "creationTime")));
        }

        XElement? type = Find(classifications, Ebrim.DocumentTypeCode);
        XElement? klass = Find(classifications, Ebrim.DocumentClassCode);
        XdmCode? expectedClass = type is null ? null : CisisTables.ClassOfType(Node(type), SlotValue(type, "codingScheme") ?? string.Empty);
        if (type is null)
        {
            findings.Add(new XdmFinding("typeCode", Rule, FrenchText.Xdm.Missing(where, "typeCode")));
        }
        else if (expectedClass is null)
        {
            findings.Add(new XdmFinding("typeCode", RuleX04, FrenchText.Xdm.TypeNotInX04(where, Node(type))));
        }

        if (klass is null)
        {
            findings.Add(new XdmFinding("classCode", Rule, FrenchText.Xdm.Missing(where, "classCode")));
        }
        else if (CisisTables.Class(Node(klass)) is null || SlotValue(klass, "codingScheme") != CisisTables.ClassScheme)
        {
            findings.Add(new XdmFinding("classCode", RuleJ06, FrenchText.Xdm.NotInValueSet(where, "classCode", Node(klass), "JDV_J06")));
        }
        else if (expectedClass is not null && expectedClass.Code != Node(klass))
        {
            findings.Add(new XdmFinding("classCode", RuleX04, FrenchText.Xdm.ClassNotFromType(where, Node(klass), expectedClass.Code, Node(type!))));
        }

        CheckFormat(Find(classifications, Ebrim.DocumentFormatCode), cda, where, findings);
        foreach ((string scheme, string attribute) in new[]
        {
            (Ebrim.DocumentConfidentialityCode, "confidentialityCode"),
            (Ebrim.DocumentFacilityTypeCode, "healthcareFacilityTypeCode"),
            (Ebrim.DocumentPracticeSettingCode, "practiceSettingCode"),
        })
        {
            if (Find(classifications, scheme) is null)
            {
                findings.Add(new XdmFinding(attribute, Rule, FrenchText.Xdm.Missing(where, attribute)));
            }
        }

        CheckAuthors(classifications, Ebrim.DocumentAuthor, where, findings);
        if (cda is not null)
        {
            CheckHeaderCarried(document, classifications, cda, where, findings);
        }
    }

    private static void CheckFormat(XElement? format, CdaHeader? cda, string where, List<XdmFinding> findings)
    {
        if (format is null)
        {
            findings.Add(new XdmFinding("formatCode", Rule, FrenchText.Xdm.Missing(where, "formatCode")));
            return;
        }

        string code = Node(format);
        if (CisisTables.Format(code) is not XdmCode known || SlotValue(format, "codingScheme") != known.CodingScheme)
        {
            findings.Add(new XdmFinding("formatCode", RuleJ10, FrenchText.Xdm.NotInValueSet(where, "formatCode", code, "JDV_J10")));
            return;
        }

        if (cda is not null)
        {
            (XdmCode expected, bool unstructured) = XdmPackageBuilder.FormatOf(cda);
            if (expected.Code != code)
            {
                string rule = unstructured ? RuleA12 : RuleA11;
                findings.Add(new XdmFinding("formatCode", rule, FrenchText.Xdm.FormatNotFromModel(where, code, expected.Code, rule.Substring("CI-SIS ".Length))));
            }
        }
    }

    private static void CheckHeaderCarried(XElement document, List<XElement> classifications, CdaHeader cda, string where, List<XdmFinding> findings)
    {
        if (cda.LegalIdRoot is not null && cda.LegalIdExtension is not null && SlotValue(document, "legalAuthenticator") is null)
        {
            findings.Add(new XdmFinding("legalAuthenticator", Rule, FrenchText.Xdm.HeaderNotCarried(where, "legalAuthenticator")));
        }

        if (CdaHeader.ToXdsTime(cda.ServiceStart) is not null && SlotValue(document, "serviceStartTime") is null)
        {
            findings.Add(new XdmFinding("serviceStartTime", Rule, FrenchText.Xdm.HeaderNotCarried(where, "serviceStartTime")));
        }

        if (CdaHeader.ToXdsTime(cda.ServiceStop) is not null && SlotValue(document, "serviceStopTime") is null)
        {
            findings.Add(new XdmFinding("serviceStopTime", Rule, FrenchText.Xdm.HeaderNotCarried(where, "serviceStopTime")));
        }

        if (cda.EventCodes.Count > 0 && Find(classifications, Ebrim.DocumentEventCodeList) is null)
        {
            findings.Add(new XdmFinding("eventCodeList", Rule, FrenchText.Xdm.HeaderNotCarried(where, "eventCodeList")));
        }

        XElement? author = Find(classifications, Ebrim.DocumentAuthor);
        if (XdmPackageBuilder.InstitutionOf(cda) is not null && (author is null || SlotValue(author, "authorInstitution") is null))
        {
            findings.Add(new XdmFinding("authorInstitution", Rule, FrenchText.Xdm.HeaderNotCarried(where, "authorInstitution")));
        }

        if (cda.AuthorSpecialty is not null && (author is null || SlotValue(author, "authorSpecialty") is null))
        {
            findings.Add(new XdmFinding("authorSpecialty", Rule, FrenchText.Xdm.HeaderNotCarried(where, "authorSpecialty")));
        }
    }

    /// <summary>authorPerson: an XCN whose assigning authority is an OID must carry the identifier type its id calls for (REF2-2 0.3).</summary>
    private static void CheckAuthors(List<XElement> classifications, string scheme, string where, List<XdmFinding> findings)
    {
        foreach (XElement author in classifications)
        {
            if ((string?)author.Attribute("classificationScheme") != scheme)
            {
                continue;
            }

            foreach (string person in SlotValues(author, "authorPerson"))
            {
                string[] parts = person.Split('^');
                string[] authority = parts.Length > 8 ? parts[8].Split('&') : Array.Empty<string>();
                if (authority.Length >= 2 && authority[1].Length > 0
                    && (parts.Length < 13 || parts[12] != IdentifierType(parts[0], authority[1])))
                {
                    findings.Add(new XdmFinding("authorPerson", Rule, FrenchText.Xdm.AuthorIdType(where)));
                }
            }
        }
    }

    /// <summary>A local patient id: <c>id^^^&amp;OID&amp;ISO^PI</c>.</summary>
    private static bool IsLocalId(string value)
    {
        const string suffix = "&ISO^PI";
        int at = value.IndexOf("^^^&", StringComparison.Ordinal);
        return at > 0 && value.EndsWith(suffix, StringComparison.Ordinal) && value.Length > at + 4 + suffix.Length;
    }

    private static List<XElement> Classifications(XElement obj, Dictionary<string, List<XElement>> outside)
    {
        var all = new List<XElement>(obj.Elements(Rim + "Classification"));
        if ((string?)obj.Attribute("id") is string id && outside.TryGetValue(id, out List<XElement>? more))
        {
            all.AddRange(more);
        }

        return all;
    }

    private static XElement? Find(List<XElement> classifications, string scheme)
    {
        foreach (XElement c in classifications)
        {
            if ((string?)c.Attribute("classificationScheme") == scheme)
            {
                return c;
            }
        }

        return null;
    }

    private static string Node(XElement classification) => ((string?)classification.Attribute("nodeRepresentation") ?? string.Empty).Trim();

    private static string? ExternalIdentifier(XElement e, string scheme)
    {
        foreach (XElement x in e.Elements(Rim + "ExternalIdentifier"))
        {
            if ((string?)x.Attribute("identificationScheme") == scheme)
            {
                return (string?)x.Attribute("value");
            }
        }

        return null;
    }

    private static string? SlotValue(XElement e, string name)
    {
        foreach (string value in SlotValues(e, name))
        {
            return value;
        }

        return null;
    }

    private static IEnumerable<string> SlotValues(XElement e, string name)
    {
        foreach (XElement slot in e.Elements(Rim + "Slot"))
        {
            if ((string?)slot.Attribute("name") == name)
            {
                foreach (XElement value in slot.Element(Rim + "ValueList")?.Elements(Rim + "Value") ?? Array.Empty<XElement>())
                {
                    string text = value.Value.Trim();
                    if (text.Length > 0)
                    {
                        yield return text;
                    }
                }
            }
        }
    }
}
