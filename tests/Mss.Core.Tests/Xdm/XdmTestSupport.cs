using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Mss.Core.Xdm;
using NodaTime;

namespace Mss.Core.Tests.Xdm;

/// <summary>Real CDA documents (ANS CI-SIS examples, TestData/Cda/PROVENANCE.md) and crafted archives.</summary>
internal static class XdmTestSupport
{
    /// <summary>The INS of the ANS examples' patient (PAT-TROIS DOMINIQUE), under the INS-NIR test OID.</summary>
    internal const string ExampleIns = "279035121518989";

    internal const string InsNirTestOid = "1.2.250.1.213.1.4.10";

    internal static readonly Instant Now = Instant.FromUtc(2026, 11, 30, 9, 15, 42);

    internal static InsMatricule Patient => InsMatricule.Parse(ExampleIns);

    internal static byte[] Cda(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "Cda", name));

    internal static byte[] LdlSes => Cda("LDL-SES_2022.01.xml");

    internal static byte[] LdlEes => Cda("LDL-EES_2022.01.xml");

    internal static byte[] CdaWrappingPdf => Cda("DOC_NON_STRUCTURE_CDA-R2-N1.xml");

    /// <summary>
    /// A JDV_J03 contentTypeCode (TRE_R209 "03", OID 1.2.250.1.213.2.2, as JDV_J03 version 20260223120000 lists it). REF2-2 0.3:
    /// Build refuses a package without one unless the facility's TRE_R02 sector is in JDV_J03; the LDL examples' facility is
    /// SA01, which is not, so the builder the 0.2 tests share gives this one.
    /// </summary>
    internal static readonly XdmCode HospitalisationComplete = new("03", "1.2.250.1.213.2.2", "Hospitalisation complète (non compris hospitalisation de semaine)");

    internal static XdmPackageBuilder Builder() => new XdmPackageBuilder(Patient, InsNirTestOid, new Mailboxes.FixedClock(Now)).ContentType(HospitalisationComplete);

    /// <summary>
    /// A builder for packages without a CDA: REF2-2 0.3 has no default healthcare facility type or practice setting (0.2's SA01
    /// and ETABLISSEMENT stated what the sender had not said), so the caller gives them: a cabinet individuel (TRE_R02 SA07,
    /// JDV_J02) practising ambulatory care (AMBULATOIRE, JDV_J04).
    /// </summary>
    internal static XdmPackageBuilder NonCdaBuilder() => Builder()
        .HealthcareFacilityTypeCode(new XdmCode("SA07", "1.2.250.1.71.4.2.4", "Cabinet individuel"))
        .PracticeSettingCode(new XdmCode("AMBULATOIRE", "1.2.250.1.213.1.1.4.9", "Ambulatoire"));

    /// <summary>SHA-1, lower-case hex, computed here independently of the library.</summary>
    internal static string Sha1(byte[] bytes) => Convert.ToHexString(SHA1.HashData(bytes)).ToLowerInvariant();

    /// <summary>A ZIP with the entries given, in that order.</summary>
    internal static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach ((string name, byte[] content) in entries)
            {
                ZipArchiveEntry entry = zip.CreateEntry(name, CompressionLevel.SmallestSize);
                using Stream stream = entry.Open();
                stream.Write(content);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>The entries of an archive, in order.</summary>
    internal static List<(string Name, byte[] Content)> Entries(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        var list = new List<(string, byte[])>();
        foreach (ZipArchiveEntry entry in archive.Entries)
        {
            using Stream stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            list.Add((entry.FullName, copy.ToArray()));
        }

        return list;
    }

    internal static XdmError Read(byte[] zip)
    {
        bool ok = XdmPackage.TryRead(new MemoryStream(zip), out XdmPackage? package, out XdmError error);
        Assert.Equal(ok, error == XdmError.None);
        Assert.Equal(ok, package is not null);
        return error;
    }

    internal static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    // Hand-written ebRIM 3.0 metadata (ITI TF-3 §4.2.3), for archives the builder would never write. The schemes are
    // the UUIDs of ITI TF-3 Tables 4.2.3.2-1 and 4.2.3.3-1, written out here rather than taken from the library.

    /// <summary>XDSSubmissionSet.patientId.</summary>
    internal const string SubmissionSetPatientIdScheme = "urn:uuid:6b5aea1a-874d-4603-a4bc-96a0a7b38446";

    /// <summary>XDSDocumentEntry.patientId.</summary>
    internal const string DocumentPatientIdScheme = "urn:uuid:58a6f841-87b3-4a3e-92fd-a8ffeff98427";

    /// <summary>XDSDocumentEntry.uniqueId.</summary>
    internal const string DocumentUniqueIdScheme = "urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab";

    /// <summary>XDSDocumentEntry.typeCode.</summary>
    internal const string DocumentTypeCodeScheme = "urn:uuid:f0306f51-975f-434e-a61c-c59651d33983";

    /// <summary>The example patient's id as 0.2 wrote it, <c>INS^^^&amp;OID&amp;ISO</c> (REF2-2 0.2; still read, with a finding, in 0.3).</summary>
    internal const string ExamplePatientId = ExampleIns + "^^^&" + InsNirTestOid + "&ISO";

    /// <summary>METADATA.XML holding the registry objects given (<see cref="SubmissionSet"/>, <see cref="DocumentEntry"/>).</summary>
    internal static byte[] MetadataXml(params string[] registryObjects) => Utf8(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        + "<lcm:SubmitObjectsRequest xmlns:lcm=\"urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0\" xmlns:rim=\"urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0\">"
        + "<rim:RegistryObjectList>" + string.Concat(registryObjects) + "</rim:RegistryObjectList></lcm:SubmitObjectsRequest>");

    /// <summary>A submission set (RegistryPackage) with the children given.</summary>
    internal static string SubmissionSet(params string[] children) =>
        "<rim:RegistryPackage id=\"SubmissionSet01\">" + string.Concat(children) + "</rim:RegistryPackage>";

    /// <summary>A document entry (ExtrinsicObject): its mimeType attribute when not null, the slots given, then the other children.</summary>
    internal static string DocumentEntry(string? mimeType, IEnumerable<(string Name, string Value)> slots, params string[] children) =>
        "<rim:ExtrinsicObject id=\"Document01\"" + (mimeType is null ? string.Empty : " mimeType=\"" + Escape(mimeType) + "\"") + ">"
        + string.Concat(slots.Select(s => "<rim:Slot name=\"" + Escape(s.Name) + "\"><rim:ValueList><rim:Value>" + Escape(s.Value) + "</rim:Value></rim:ValueList></rim:Slot>"))
        + string.Concat(children) + "</rim:ExtrinsicObject>";

    /// <summary>The hash, size and URI slots of <paramref name="content"/> stored as <paramref name="uri"/>.</summary>
    internal static (string, string)[] FileSlots(string uri, byte[] content) =>
        [("hash", Sha1(content)), ("size", content.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("URI", uri)];

    internal static string ExternalIdentifier(string scheme, string value) =>
        "<rim:ExternalIdentifier identificationScheme=\"" + scheme + "\" value=\"" + Escape(value) + "\"/>";

    internal static string Classification(string scheme, string code) =>
        "<rim:Classification classificationScheme=\"" + scheme + "\" nodeRepresentation=\"" + Escape(code) + "\"/>";

    private static string Escape(string s) => s.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal);

    /// <summary>A stream that gives at most <c>most</c> bytes per read (as network streams do), checking its arguments as every stream must.</summary>
    internal sealed class TrickleStream(byte[] bytes, int most) : MemoryStream(bytes, writable: false)
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            ValidateBufferArguments(buffer, offset, count);
            return base.Read(buffer, offset, Math.Min(count, most));
        }

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, most)]);
    }
}
