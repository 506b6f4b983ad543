using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;

namespace Mss.Core.Xdm;

/// <summary>
/// An IHE_XDM package (REF2-2; IHE ITI TF-1 §16, ITI TF-3 §4.2): <c>INDEX.HTM</c> and <c>README.TXT</c> at the root,
/// <c>IHE_XDM/SUBSET01/METADATA.XML</c> and the documents of one patient beside it. Built by
/// <see cref="XdmPackageBuilder"/> or read from a received archive by <see cref="TryRead"/>; immutable.
/// </summary>
/// <remarks>
/// <see cref="ToZip"/> gives the same bytes each time for the same package (fixed entry order and timestamps), and a
/// package read back from those bytes gives them again: the metadata, index and readme are kept as read.
/// </remarks>
public sealed class XdmPackage
{
    /// <summary>The largest archive <see cref="TryRead"/> accepts, in bytes (64 MiB; decided here, above what MSSanté operators carry).</summary>
    public const long MaxArchiveSize = 64L * 1024 * 1024;

    /// <summary>
    /// The most bytes <see cref="TryRead"/> inflates from one archive, all entries together (128 MiB; decided here): beyond,
    /// the archive is refused as <see cref="XdmError.TooLarge"/> (decompression bomb). Counted while inflating.
    /// </summary>
    public const long MaxContentSize = 128L * 1024 * 1024;

    /// <summary>The most entries an archive may hold for <see cref="TryRead"/> (20 000; decided here).</summary>
    public const int MaxEntries = 20_000;

    /// <summary>The timestamp of every entry <see cref="ToZip"/> writes, so that the bytes do not depend on the clock: 1 January 2000, 00:00.</summary>
    internal static readonly DateTimeOffset EntryTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly XdmDocument[] _documents;
    private readonly string[] _cdaCodes;
    private readonly byte[] _metadata;
    private readonly byte[]? _index;
    private readonly byte[]? _readme;
    private readonly XdmFinding[] _findings;

    internal XdmPackage(InsMatricule patient, string patientOid, XdmDocument[] documents, string[] cdaCodes, bool hasQualifiedIns,
        string metadataPath, byte[] metadata, byte[]? index, byte[]? readme, List<XdmFinding> findings)
    {
        _findings = findings.ToArray();
        Patient = patient;
        PatientOid = patientOid;
        _documents = documents;
        _cdaCodes = cdaCodes;
        HasQualifiedIns = hasQualifiedIns;
        MetadataPath = metadataPath;
        _metadata = metadata;
        _index = index;
        _readme = readme;
    }

    /// <summary>The documents, in the order of the metadata (the order of the builder's calls).</summary>
    public IReadOnlyList<XdmDocument> Documents => _documents;

    /// <summary>
    /// Every departure of the metadata from what Mon espace santé and the DMP file (REF2-2 0.3: CI-SIS logical model, ANS
    /// tables ASS_X04, ASS_A11, ASS_A12, JDV_J03, JDV_J06, JDV_J10), in metadata order; empty for a conformant package. A
    /// package read with findings still reads: they judge, they do not refuse. Messages are French and hold no INS (INS-8).
    /// </summary>
    public IReadOnlyList<XdmFinding> Findings => _findings;

    /// <summary>The patient's INS matricule (the submission set's patient id, <c>INS^^^&amp;OID&amp;ISO^NH</c>).</summary>
    public InsMatricule Patient { get; }

    /// <summary>The OID that goes with <see cref="Patient"/> (INS-NIR, INS-NIA, test or demo: INS-5).</summary>
    public string PatientOid { get; }

    /// <summary>The patient id of the metadata, <c>INS^^^&amp;OID&amp;ISO^NH</c> (REF2-2 0.3: 0.2 wrote it without <c>^NH</c>).</summary>
    public string PatientId => PatientIdOf(Patient, PatientOid);

    /// <summary>
    /// Whether the archive holds a qualified INS (REF2-4, header <c>X-MSS-INS: O</c>): a CDA document whose header gives
    /// the patient's INS matricule with an INS OID and the traits birth name (<c>family</c> qualified <c>BR</c>), first
    /// given name (<c>given</c> qualified <c>BR</c>), birth date (<c>birthTime</c>, at least YYYYMMDD) and sex
    /// (<c>administrativeGenderCode</c> <c>M</c> or <c>F</c>). False without a CDA.
    /// </summary>
    public bool HasQualifiedIns { get; }

    /// <summary>The <c>code</c> of each CDA document's header, in document order (REF2-3, header <c>X-MSS-CODECDA</c>); empty without a CDA.</summary>
    public IReadOnlyList<string> CdaCodes => _cdaCodes;

    /// <summary>Whether the package holds at least one CDA document: the X-MSS-CODECDA and X-MSS-INS headers go with it (REF2-3, REF2-4).</summary>
    public bool HasCda => _cdaCodes.Length > 0;

    /// <summary>The path of METADATA.XML in the archive (<c>IHE_XDM/SUBSET01/METADATA.XML</c> when built here).</summary>
    public string MetadataPath { get; }

    /// <summary>A copy of METADATA.XML's bytes (UTF-8).</summary>
    public byte[] Metadata => (byte[])_metadata.Clone();

    /// <summary>
    /// The <c>IHE_XDM.ZIP</c> bytes: <c>INDEX.HTM</c>, <c>README.TXT</c>, METADATA.XML, then the documents, each with the
    /// same fixed timestamp; the same package gives the same bytes.
    /// </summary>
    /// <returns>A new array.</returns>
    public byte[] ToZip()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            if (_index is not null)
            {
                Add(zip, XdmFiles.IndexPath, _index);
            }

            if (_readme is not null)
            {
                Add(zip, XdmFiles.ReadmePath, _readme);
            }

            Add(zip, MetadataPath, _metadata);
            foreach (XdmDocument document in _documents)
            {
                Add(zip, document.Path, document.RawContent);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Reads a received <c>IHE_XDM.ZIP</c> (REF2-2). The input is hostile: no path may leave the archive, sizes are
    /// counted while inflating (never taken from the headers) against <see cref="MaxContentSize"/>, each document's SHA-1
    /// and size are checked against the metadata, and XML with a DTD is refused. Never throws.
    /// </summary>
    /// <param name="zip">The archive; read from its current position, left open. A stream that cannot seek is copied first (at most <see cref="MaxArchiveSize"/> bytes).</param>
    /// <param name="package">The package, or null.</param>
    /// <param name="error">Why the archive was refused; <see cref="XdmError.None"/> on success.</param>
    /// <returns>Whether the archive was read.</returns>
    public static bool TryRead(Stream zip, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out XdmPackage? package, out XdmError error)
    {
        error = XdmReader.Read(zip, out package);
        return error == XdmError.None;
    }

    internal static string PatientIdOf(InsMatricule patient, string oid) => patient.ToString() + "^^^&" + oid + "&ISO^NH";

    private static void Add(ZipArchive zip, string path, byte[] content)
    {
        ZipArchiveEntry entry = zip.CreateEntry(path, CompressionLevel.Optimal);
        entry.LastWriteTime = EntryTime;
        using Stream stream = entry.Open();
        stream.Write(content, 0, content.Length);
    }
}
