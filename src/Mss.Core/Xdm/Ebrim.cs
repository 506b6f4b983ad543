namespace Mss.Core.Xdm;

/// <summary>
/// The ebRIM 3.0 names and the XDS identification schemes of IHE ITI TF-3 §4.2.5 (Tables 4.2.5-1, -2) that METADATA.XML
/// uses (REF2-2).
/// </summary>
internal static class Ebrim
{
    internal const string Lcm = "urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0";
    internal const string Rim = "urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0";

    internal const string SubmissionSetNode = "urn:uuid:a54d6aa5-d40d-43f9-88c5-b4633d873bdd";
    internal const string SubmissionSetAuthor = "urn:uuid:a7058bb9-b4e4-4307-ba5b-e3f0ab85e12d";
    internal const string SubmissionSetPatientId = "urn:uuid:6b5aea1a-874d-4603-a4bc-96a0a7b38446";
    internal const string SubmissionSetSourceId = "urn:uuid:554ac39e-e3fe-47fe-b233-965d2a147832";
    internal const string SubmissionSetUniqueId = "urn:uuid:96fdda7c-d067-4183-912e-bf5ee74998a8";
    internal const string SubmissionSetContentTypeCode = "urn:uuid:aa543740-bdda-424e-8c96-df4873be8500";

    internal const string StableDocumentEntry = "urn:uuid:7edca82f-054d-47f2-a032-9b2a5b5186c1";
    internal const string DocumentAuthor = "urn:uuid:93606bcf-9494-43ec-9b4e-a7748d1a838d";
    internal const string DocumentClassCode = "urn:uuid:41a5887f-8865-4c09-adf7-e362475b143a";
    internal const string DocumentConfidentialityCode = "urn:uuid:f4f85eac-e6cb-4883-b524-f2705394840f";
    internal const string DocumentFormatCode = "urn:uuid:a09d5840-386c-46f2-b5ad-9c3699a4309d";
    internal const string DocumentFacilityTypeCode = "urn:uuid:f33fb8ac-18af-42cc-ae0e-ed0b0bdb91e1";
    internal const string DocumentPracticeSettingCode = "urn:uuid:cccf5598-8b07-4b77-a05e-ae952c785ead";
    internal const string DocumentTypeCode = "urn:uuid:f0306f51-975f-434e-a61c-c59651d33983";
    internal const string DocumentEventCodeList = "urn:uuid:2c6b8cb7-8b2a-4051-b291-b1ae6a575ef4";
    internal const string DocumentPatientId = "urn:uuid:58a6f841-87b3-4a3e-92fd-a8ffeff98427";
    internal const string DocumentUniqueId = "urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab";

    internal const string HasMember = "urn:oasis:names:tc:ebxml-regrep:AssociationType:HasMember";
    internal const string RegistryPackageType = "urn:oasis:names:tc:ebxml-regrep:ObjectType:RegistryObject:RegistryPackage";
    internal const string ClassificationType = "urn:oasis:names:tc:ebxml-regrep:ObjectType:RegistryObject:Classification";
    internal const string ExternalIdentifierType = "urn:oasis:names:tc:ebxml-regrep:ObjectType:RegistryObject:ExternalIdentifier";
    internal const string AssociationType = "urn:oasis:names:tc:ebxml-regrep:ObjectType:RegistryObject:Association";
}
