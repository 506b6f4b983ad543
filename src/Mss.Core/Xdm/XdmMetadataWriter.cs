using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Xml;

namespace Mss.Core.Xdm;

/// <summary>
/// Writes METADATA.XML: an ebRIM 3.0 <c>SubmitObjectsRequest</c> with one submission set (<c>RegistryPackage</c>), one
/// <c>ExtrinsicObject</c> per document and a <c>HasMember</c> association for each (IHE ITI TF-3 §4.2, §4.3.1; REF2-2).
/// </summary>
internal static class XdmMetadataWriter
{
    internal sealed class SubmissionSet
    {
        internal string Id { get; set; } = string.Empty;

        internal string UniqueId { get; set; } = string.Empty;

        internal string SourceId { get; set; } = string.Empty;

        internal string SubmissionTime { get; set; } = string.Empty;

        internal string PatientId { get; set; } = string.Empty;

        internal string? Title { get; set; }

        internal string? AuthorPerson { get; set; }

        internal string? AuthorInstitution { get; set; }

        internal string? AuthorSpecialty { get; set; }

        internal XdmCode? ContentType { get; set; }

        /// <summary>The CDA whose patient traits go in the sourcePatientInfo of the documents that are not CDA (REF2-2 0.3).</summary>
        internal CdaHeader? PatientInfo { get; set; }
    }

    internal static byte[] Write(SubmissionSet set, IReadOnlyList<XdmEntry> entries, IReadOnlyList<string> entryIds, XdmIds ids)
    {
        using var buffer = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, NewLineChars = "\n" };
        using (XmlWriter w = XmlWriter.Create(buffer, settings))
        {
            w.WriteStartDocument();
            w.WriteStartElement("lcm", "SubmitObjectsRequest", Ebrim.Lcm);
            w.WriteAttributeString("xmlns", "rim", null, Ebrim.Rim);
            w.WriteStartElement("rim", "RegistryObjectList", Ebrim.Rim);

            // The submission set (ITI TF-3 §4.2.3.3).
            w.WriteStartElement("rim", "RegistryPackage", Ebrim.Rim);
            w.WriteAttributeString("id", set.Id);
            w.WriteAttributeString("objectType", Ebrim.RegistryPackageType);
            Slot(w, "submissionTime", set.SubmissionTime);
            Name(w, set.Title);
            Author(w, ids.Next(), Ebrim.SubmissionSetAuthor, set.Id, set.AuthorPerson, set.AuthorInstitution, set.AuthorSpecialty);
            Coded(w, ids.Next(), Ebrim.SubmissionSetContentTypeCode, set.Id, set.ContentType);

            ExternalIdentifier(w, ids.Next(), Ebrim.SubmissionSetUniqueId, set.Id, set.UniqueId, "XDSSubmissionSet.uniqueId");
            ExternalIdentifier(w, ids.Next(), Ebrim.SubmissionSetSourceId, set.Id, set.SourceId, "XDSSubmissionSet.sourceId");
            ExternalIdentifier(w, ids.Next(), Ebrim.SubmissionSetPatientId, set.Id, set.PatientId, "XDSSubmissionSet.patientId");
            w.WriteEndElement();

            // Marks the RegistryPackage as a submission set.
            w.WriteStartElement("rim", "Classification", Ebrim.Rim);
            w.WriteAttributeString("id", ids.Next());
            w.WriteAttributeString("classifiedObject", set.Id);
            w.WriteAttributeString("classificationNode", Ebrim.SubmissionSetNode);
            w.WriteAttributeString("objectType", Ebrim.ClassificationType);
            w.WriteEndElement();

            for (int i = 0; i < entries.Count; i++)
            {
                Document(w, entries[i], entryIds[i], set.PatientId, set.PatientInfo, ids);
            }

            for (int i = 0; i < entries.Count; i++)
            {
                w.WriteStartElement("rim", "Association", Ebrim.Rim);
                w.WriteAttributeString("id", ids.Next());
                w.WriteAttributeString("associationType", Ebrim.HasMember);
                w.WriteAttributeString("sourceObject", set.Id);
                w.WriteAttributeString("targetObject", entryIds[i]);
                w.WriteAttributeString("objectType", Ebrim.AssociationType);
                Slot(w, "SubmissionSetStatus", "Original");
                w.WriteEndElement();
            }

            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndDocument();
        }

        return buffer.ToArray();
    }

    private static void Document(XmlWriter w, XdmEntry e, string id, string patientId, CdaHeader? patientInfo, XdmIds ids)
    {
        w.WriteStartElement("rim", "ExtrinsicObject", Ebrim.Rim);
        w.WriteAttributeString("id", id);
        w.WriteAttributeString("mimeType", e.MediaType);
        w.WriteAttributeString("objectType", Ebrim.StableDocumentEntry);

        // Slots in the order of ITI TF-3 Table 4.2.3.2-1.
        if (e.CreationTime is not null)
        {
            Slot(w, "creationTime", e.CreationTime);
        }

        Slot(w, "hash", e.Hash);
        Slot(w, "languageCode", e.LanguageCode ?? "fr-FR");
        OptionalSlot(w, "legalAuthenticator", e.LegalAuthenticator);
        OptionalSlot(w, "serviceStartTime", e.ServiceStartTime);
        OptionalSlot(w, "serviceStopTime", e.ServiceStopTime);
        Slot(w, "size", e.Content.LongLength.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Slot(w, "sourcePatientId", e.SourcePatientId ?? patientId);
        Slot(w, "sourcePatientInfo", SourcePatientInfo(e.Cda ?? patientInfo, patientId).ToArray());

        Slot(w, "URI", e.FileName);
        Name(w, e.Title);

        Author(w, ids.Next(), Ebrim.DocumentAuthor, id, e.AuthorPerson, e.AuthorInstitution, e.AuthorSpecialty);
        Coded(w, ids.Next(), Ebrim.DocumentClassCode, id, e.ClassCode);
        Coded(w, ids.Next(), Ebrim.DocumentConfidentialityCode, id, e.Confidentiality);
        foreach (XdmCode eventCode in e.EventCodes)
        {
            Coded(w, ids.Next(), Ebrim.DocumentEventCodeList, id, eventCode);
        }

        Coded(w, ids.Next(), Ebrim.DocumentFormatCode, id, e.FormatCode);
        Coded(w, ids.Next(), Ebrim.DocumentFacilityTypeCode, id, e.FacilityType);
        Coded(w, ids.Next(), Ebrim.DocumentPracticeSettingCode, id, e.PracticeSetting);
        Coded(w, ids.Next(), Ebrim.DocumentTypeCode, id, e.TypeCode);
        ExternalIdentifier(w, ids.Next(), Ebrim.DocumentPatientId, id, patientId, "XDSDocumentEntry.patientId");
        ExternalIdentifier(w, ids.Next(), Ebrim.DocumentUniqueId, id, e.UniqueId!, "XDSDocumentEntry.uniqueId");
        w.WriteEndElement();
    }

    /// <summary>
    /// PID-3 (the local id <c>^PI</c> when the CDA has one, the INS <c>^NH</c>), PID-5, PID-7, PID-8 of the patient as the CDA
    /// header gives them (ITI TF-3 §4.2.3.2.23; REF2-2 0.3); PID-3 alone without a CDA.
    /// </summary>
    private static List<string> SourcePatientInfo(CdaHeader? cda, string patientId)
    {
        var info = new List<string>();
        if (cda?.LocalPatientId is (string root, string extension))
        {
            info.Add("PID-3|" + Hl7Escape(extension) + "^^^&" + root + "&ISO^PI");
        }

        info.Add("PID-3|" + patientId);
        if (cda is null)
        {
            return info;
        }

        if (cda.BirthName is not null)
        {
            info.Add("PID-5|" + Hl7Escape(cda.BirthName) + "^" + Hl7Escape(cda.FirstGivenName ?? string.Empty) + "^^^^^L");
        }

        if (cda.BirthTime is { Length: >= 8 } birth)
        {
            info.Add("PID-7|" + birth.Substring(0, 8));
        }

        if (cda.Sex is not null)
        {
            info.Add("PID-8|" + Hl7Escape(cda.Sex));
        }

        return info;
    }

    /// <summary>HL7 v2 escapes for the separators <c>|^~\&amp;</c> (HL7 v2.5 §2.7).</summary>
    internal static string Hl7Escape(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (char c in s)
        {
            switch (c)
            {
                case '\\': sb.Append("\\E\\"); break;
                case '|': sb.Append("\\F\\"); break;
                case '^': sb.Append("\\S\\"); break;
                case '&': sb.Append("\\T\\"); break;
                case '~': sb.Append("\\R\\"); break;
                default: sb.Append(c); break;
            }
        }

        return sb.ToString();
    }

    private static void Coded(XmlWriter w, string id, string scheme, string classified, XdmCode? code)
    {
        if (code is null)
        {
            return;
        }

        StartClassification(w, id, scheme, classified, code.Code);
        Slot(w, "codingScheme", code.CodingScheme);
        Name(w, code.DisplayName);
        w.WriteEndElement();
    }

    private static void Author(XmlWriter w, string id, string scheme, string classified, string? person, string? institution, string? specialty)
    {
        if (person is null && institution is null)
        {
            return; // an author is a person or an organisation (ITI TF-3 §4.2.3.1.4)
        }

        StartClassification(w, id, scheme, classified, string.Empty);
        OptionalSlot(w, "authorPerson", person);
        OptionalSlot(w, "authorInstitution", institution);
        OptionalSlot(w, "authorSpecialty", specialty);
        w.WriteEndElement();
    }

    private static void OptionalSlot(XmlWriter w, string name, string? value)
    {
        if (value is not null)
        {
            Slot(w, name, value);
        }
    }

    private static void StartClassification(XmlWriter w, string id, string scheme, string classified, string node)
    {
        w.WriteStartElement("rim", "Classification", Ebrim.Rim);
        w.WriteAttributeString("id", id);
        w.WriteAttributeString("classificationScheme", scheme);
        w.WriteAttributeString("classifiedObject", classified);
        w.WriteAttributeString("nodeRepresentation", node);
        w.WriteAttributeString("objectType", Ebrim.ClassificationType);
    }

    private static void ExternalIdentifier(XmlWriter w, string id, string scheme, string registryObject, string value, string name)
    {
        w.WriteStartElement("rim", "ExternalIdentifier", Ebrim.Rim);
        w.WriteAttributeString("id", id);
        w.WriteAttributeString("identificationScheme", scheme);
        w.WriteAttributeString("registryObject", registryObject);
        w.WriteAttributeString("value", value);
        w.WriteAttributeString("objectType", Ebrim.ExternalIdentifierType);
        Name(w, name);
        w.WriteEndElement();
    }

    private static void Slot(XmlWriter w, string name, params string[] values)
    {
        w.WriteStartElement("rim", "Slot", Ebrim.Rim);
        w.WriteAttributeString("name", name);
        w.WriteStartElement("rim", "ValueList", Ebrim.Rim);
        foreach (string value in values)
        {
            w.WriteElementString("rim", "Value", Ebrim.Rim, value);
        }

        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void Name(XmlWriter w, string? value)
    {
        if (value is null)
        {
            return;
        }

        w.WriteStartElement("rim", "Name", Ebrim.Rim);
        w.WriteStartElement("rim", "LocalizedString", Ebrim.Rim);
        w.WriteAttributeString("xml", "lang", null, "fr-FR");
        w.WriteAttributeString("charset", "UTF-8");
        w.WriteAttributeString("value", value);
        w.WriteEndElement();
        w.WriteEndElement();
    }
}
