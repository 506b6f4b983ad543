using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml;
using System.Xml.Linq;

namespace Mss.Core.Xdm;

/// <summary>
/// The one reading core of <see cref="XdmPackage.TryRead"/> (REF2-2): hostile archives are refused with an
/// <see cref="XdmError"/>, never with an exception.
/// </summary>
internal static class XdmReader
{
    /// <summary>Average bytes per central-directory record allowed (46 fixed bytes, a name and extras): bounds what ZipArchive parses before we can count.</summary>
    internal const int CentralDirectoryBytesPerEntry = 300;

    /// <summary>The most bytes INDEX.HTM or README.TXT may inflate to (8 MiB; decided here).</summary>
    internal const long MaxFixedFileSize = 8L * 1024 * 1024;

    private static readonly XNamespace RimNs = Ebrim.Rim;

    internal static XdmError Read(Stream? zip, out XdmPackage? package)
    {
        package = null;
        try
        {
            return ReadCore(zip, out package);
        }
        catch (InvalidDataException)
        {
            return XdmError.NotZip;
        }
        catch (IOException)
        {
            return XdmError.NotZip;
        }
        catch (NotSupportedException)
        {
            return XdmError.NotZip; // e.g. an unsupported compression method
        }
        catch (ObjectDisposedException)
        {
            return XdmError.NotZip;
        }
        catch (UnauthorizedAccessException)
        {
            return XdmError.NotZip;
        }
        catch (InvalidOperationException)
        {
            return XdmError.NotZip;
        }
        catch (ArgumentException)
        {
            return XdmError.NotZip;
        }
        catch (OverflowException)
        {
            return XdmError.TooLarge;
        }
    }

    private static XdmError ReadCore(Stream? zip, out XdmPackage? package)
    {
        package = null;
        if (zip is null || !zip.CanRead)
        {
            return XdmError.NotZip;
        }

        Stream source;
        if (zip.CanSeek && zip.Position == 0)
        {
            if (zip.Length > XdmPackage.MaxArchiveSize)
            {
                return XdmError.TooLarge;
            }

            source = zip;
        }
        else
        {
            MemoryStream? copy = CopyBounded(zip, XdmPackage.MaxArchiveSize);
            if (copy is null)
            {
                return XdmError.TooLarge;
            }

            source = copy;
        }

        XdmError directory = CheckEndOfCentralDirectory(source);
        if (directory != XdmError.None)
        {
            return directory;
        }

        using var archive = new ZipArchive(source, ZipArchiveMode.Read, leaveOpen: true);
        var entries = archive.Entries;
        if (entries.Count > XdmPackage.MaxEntries)
        {
            return XdmError.TooLarge;
        }

        var byName = new Dictionary<string, ZipArchiveEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (ZipArchiveEntry entry in entries)
        {
            string name = entry.FullName;
            if (!IsSafePath(name, allowDirectory: true))
            {
                return XdmError.UnsafePath;
            }

            if (byName.ContainsKey(name))
            {
                return XdmError.UnsafePath; // two entries that extract to the same file
            }

            byName.Add(name, entry);
        }

        string? metadataPath = null;
        foreach (string name in byName.Keys)
        {
            if (IsMetadataPath(name) && (metadataPath is null || string.CompareOrdinal(name.ToUpperInvariant(), metadataPath.ToUpperInvariant()) < 0))
            {
                metadataPath = name;
            }
        }

        if (metadataPath is null)
        {
            return XdmError.NoMetadata;
        }

        long budget = XdmPackage.MaxContentSize;
        var buffer = new byte[16 * 1024];
        byte[]? metadata = ReadEntry(byName[metadataPath], buffer, ref budget, budget);
        if (metadata is null)
        {
            return XdmError.TooLarge;
        }

        if (!TryParseMetadata(metadata, out List<Entry>? described, out InsMatricule patient, out string? patientOid))
        {
            return XdmError.BadMetadata;
        }

        string folder = metadataPath.Substring(0, metadataPath.Length - XdmFiles.MetadataName.Length);
        var documents = new XdmDocument[described.Count];
        var codes = new List<string>();
        var cdaByUri = new Dictionary<string, CdaHeader?>(StringComparer.Ordinal); // REF2-2 0.3: the findings read the headers
        bool qualified = false;
        for (int i = 0; i < described.Count; i++)
        {
            Entry d = described[i];
            if (!IsSafePath(d.Uri, allowDirectory: false))
            {
                return XdmError.UnsafePath;
            }

            if (!byName.TryGetValue(folder + d.Uri, out ZipArchiveEntry? file))
            {
                return XdmError.MissingDocument;
            }

            // At most the size the metadata declares: a document that inflates beyond it is stopped there (a bomb).
            if (d.Size > budget)
            {
                return XdmError.TooLarge;
            }

            byte[]? content = ReadEntry(file, buffer, ref budget, d.Size);
            if (content is null)
            {
                return XdmError.TooLarge;
            }

            string hash = XdmHash.Sha1Hex(content);
            if (!string.Equals(hash, d.Hash, StringComparison.OrdinalIgnoreCase) || content.LongLength != d.Size)
            {
                return XdmError.HashMismatch;
            }

            CdaHeader? cda = LooksLikeXml(d.MediaType) ? CdaHeader.TryRead(content) : null;
            cdaByUri[d.Uri] = cda;
            if (cda?.Code is XdmCode code)
            {
                codes.Add(code.Code);
                qualified |= cda.HasQualifiedIns(patient);
            }

            documents[i] = new XdmDocument(file.FullName, d.MediaType, d.TypeCode, d.Title, content, hash, d.UniqueId ?? string.Empty, cda is not null);
        }

        byte[]? index = null;
        byte[]? readme = null;
        if (byName.TryGetValue(XdmFiles.IndexPath, out ZipArchiveEntry? indexEntry) && (index = ReadEntry(indexEntry, buffer, ref budget, MaxFixedFileSize)) is null)
        {
            return XdmError.TooLarge;
        }

        if (byName.TryGetValue(XdmFiles.ReadmePath, out ZipArchiveEntry? readmeEntry) && (readme = ReadEntry(readmeEntry, buffer, ref budget, MaxFixedFileSize)) is null)
        {
            return XdmError.TooLarge;
        }

        package = new XdmPackage(patient, patientOid, documents, codes.ToArray(), qualified, byName[metadataPath].FullName, metadata,
            index, readme, XdmConformance.Check(metadata, cdaByUri));
        return XdmError.None;
    }

    /// <summary>
    /// Whether <paramref name="path"/> stays inside the archive when extracted (REF2-2, "zip slip"): relative, '/'-separated,
    /// no <c>.</c> or <c>..</c> or empty segment, no backslash, colon (drive letters, streams) or control character.
    /// </summary>
    internal static bool IsSafePath(string path, bool allowDirectory)
    {
        if (path.Length == 0 || path.Length > 1024 || path[0] == '/')
        {
            return false;
        }

        foreach (char c in path)
        {
            if (c is '\\' or ':' || c < ' ' || c == '\u007f')
            {
                return false;
            }
        }

        string[] segments = path.Split('/');
        for (int i = 0; i < segments.Length; i++)
        {
            string segment = segments[i];
            bool last = i == segments.Length - 1;
            if (segment.Length == 0 && !(last && allowDirectory && i > 0))
            {
                return false;
            }

            if (segment.Trim() is "." or "..")
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsMetadataPath(string name)
    {
        // IHE_XDM/<subset>/METADATA.XML, case ignored (ISO 9660 names are upper case; some tools lower them).
        const string prefix = "IHE_XDM/";
        if (name.Length <= prefix.Length + XdmFiles.MetadataName.Length + 1
            || !name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || !name.EndsWith("/" + XdmFiles.MetadataName, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        string subset = name.Substring(prefix.Length, name.Length - prefix.Length - XdmFiles.MetadataName.Length - 1);
        return subset.Length > 0 && subset.IndexOf('/') < 0;
    }

    private static bool LooksLikeXml(string mediaType) =>
        mediaType.Equals("text/xml", StringComparison.OrdinalIgnoreCase) || mediaType.Equals("application/xml", StringComparison.OrdinalIgnoreCase)
        || mediaType.EndsWith("+xml", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Inflates one entry, counting bytes against <paramref name="budget"/> (all entries) and <paramref name="limit"/>
    /// (this entry); null as soon as either is passed. The entry's headers are not trusted.
    /// </summary>
    private static byte[]? ReadEntry(ZipArchiveEntry entry, byte[] buffer, ref long budget, long limit)
    {
        using Stream stream = entry.Open();
        long hint = Math.Min(Math.Min(Math.Min(entry.Length, budget), limit), 1 << 20);
        using var output = new MemoryStream((int)Math.Max(hint, 0));
        int read;
        long total = 0;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            budget -= read;
            total += read;
            if (budget < 0 || total > limit)
            {
                return null;
            }

            output.Write(buffer, 0, read);
        }

        return output.ToArray();
    }

    private static MemoryStream? CopyBounded(Stream input, long limit)
    {
        var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (copy.Length + read > limit)
            {
                return null;
            }

            copy.Write(buffer, 0, read);
        }

        copy.Position = 0;
        return copy;
    }

    /// <summary>
    /// Reads the end of central directory record (and its ZIP64 form) before <see cref="ZipArchive"/> does, to refuse a
    /// declared entry count above <see cref="XdmPackage.MaxEntries"/> or a central directory too large for it without
    /// parsing it. A record not found is left to ZipArchive (which then refuses the input).
    /// </summary>
    private static XdmError CheckEndOfCentralDirectory(Stream s)
    {
        long length = s.Length;
        int tail = (int)Math.Min(length, 22 + 65535);
        var bytes = new byte[tail];
        s.Position = length - tail;
        int total = 0;
        while (total < tail)
        {
            int n = s.Read(bytes, total, tail - total);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        s.Position = 0;
        for (int i = total - 22; i >= 0; i--)
        {
            if (bytes[i] == 0x50 && bytes[i + 1] == 0x4b && bytes[i + 2] == 0x05 && bytes[i + 3] == 0x06)
            {
                ulong count = BitConverter.ToUInt16(bytes, i + 10);
                ulong size = BitConverter.ToUInt32(bytes, i + 12);
                if ((count == 0xFFFF || size == 0xFFFFFFFF) && i >= 20 && bytes[i - 20] == 0x50 && bytes[i - 19] == 0x4b && bytes[i - 18] == 0x06 && bytes[i - 17] == 0x07)
                {
                    long zip64 = (long)Math.Min(BitConverter.ToUInt64(bytes, i - 20 + 8), long.MaxValue);
                    if (zip64 < 0 || zip64 + 56 > length)
                    {
                        return XdmError.NotZip;
                    }

                    var record = new byte[56];
                    s.Position = zip64;
                    int got = 0;
                    while (got < 56)
                    {
                        int n = s.Read(record, got, 56 - got);
                        if (n == 0)
                        {
                            return XdmError.NotZip;
                        }

                        got += n;
                    }

                    s.Position = 0;
                    count = BitConverter.ToUInt64(record, 32);
                    size = BitConverter.ToUInt64(record, 40);
                }

                return count > XdmPackage.MaxEntries || size > (ulong)XdmPackage.MaxEntries * CentralDirectoryBytesPerEntry
                    ? XdmError.TooLarge
                    : XdmError.None;
            }
        }

        return XdmError.None;
    }

    private sealed class Entry
    {
        internal string MediaType { get; set; } = string.Empty;

        internal string Uri { get; set; } = string.Empty;

        internal string Hash { get; set; } = string.Empty;

        internal long Size { get; set; }

        internal string? Title { get; set; }

        internal string? TypeCode { get; set; }

        internal string? UniqueId { get; set; }
    }

    private static bool TryParseMetadata(byte[] metadata, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out List<Entry>? entries,
        out InsMatricule patient, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? patientOid)
    {
        entries = null;
        patient = default;
        patientOid = null;
        XDocument document;
        try
        {
            document = SafeXml.Load(metadata);
        }
        catch (XmlException)
        {
            return false;
        }

        var list = new List<Entry>();
        foreach (XElement e in document.Descendants(RimNs + "ExtrinsicObject"))
        {
            string? mediaType = (string?)e.Attribute("mimeType");
            string? uri = SlotValue(e, "URI");
            string? hash = SlotValue(e, "hash");
            string? size = SlotValue(e, "size");
            if (string.IsNullOrWhiteSpace(mediaType) || uri is null || hash is null || hash.Length != 40 || size is null
                || !long.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out long length))
            {
                return false;
            }

            list.Add(new Entry
            {
                MediaType = mediaType!.Trim(),
                Uri = uri,
                Hash = hash,
                Size = length,
                Title = (string?)e.Element(RimNs + "Name")?.Element(RimNs + "LocalizedString")?.Attribute("value"),
                TypeCode = e.Elements(RimNs + "Classification")
                    .Where(c => (string?)c.Attribute("classificationScheme") == Ebrim.DocumentTypeCode)
                    .Select(c => (string?)c.Attribute("nodeRepresentation")).FirstOrDefault(),
                UniqueId = ExternalIdentifier(e, Ebrim.DocumentUniqueId),
            });
        }

        if (list.Count == 0)
        {
            return false;
        }

        string? patientId = document.Descendants(RimNs + "RegistryPackage").Select(p => ExternalIdentifier(p, Ebrim.SubmissionSetPatientId)).FirstOrDefault(v => v is not null)
            ?? document.Descendants(RimNs + "ExtrinsicObject").Select(p => ExternalIdentifier(p, Ebrim.DocumentPatientId)).FirstOrDefault(v => v is not null);
        if (patientId is null || !TryParsePatientId(patientId, out patient, out patientOid))
        {
            return false;
        }

        entries = list;
        return true;
    }

    /// <summary>
    /// Reads <c>INS^^^&amp;OID&amp;ISO^NH</c> (REF2-2 0.3) or 0.2's <c>INS^^^&amp;OID&amp;ISO</c> (read, and reported as a finding):
    /// a valid INS matricule (INS-1, INS-2) under an INS OID (INS-5).
    /// </summary>
    internal static bool TryParsePatientId(string value, out InsMatricule patient, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? oid)
    {
        patient = default;
        oid = null;
        const string separator = "^^^&";
        const string suffix = "&ISO";
        string v = value.Trim();
        if (v.EndsWith("^NH", StringComparison.Ordinal))
        {
            v = v.Substring(0, v.Length - 3);
        }

        int at = v.IndexOf(separator, StringComparison.Ordinal);
        if (at <= 0 || !v.EndsWith(suffix, StringComparison.Ordinal) || v.Length < at + separator.Length + suffix.Length)
        {
            return false;
        }

        string candidate = v.Substring(at + separator.Length, v.Length - at - separator.Length - suffix.Length);
        if (!InsOid.TryGetKind(candidate.AsSpan(), out InsKind kind) || kind == InsKind.Unknown
            || !InsMatricule.TryParse(v.Substring(0, at), out patient))
        {
            return false;
        }

        oid = InsOid.Of(kind);
        return true;
    }

    private static string? SlotValue(XElement e, string name) => e.Elements(RimNs + "Slot")
        .Where(s => (string?)s.Attribute("name") == name)
        .Select(s => s.Element(RimNs + "ValueList")?.Element(RimNs + "Value")?.Value.Trim())
        .FirstOrDefault();

    private static string? ExternalIdentifier(XElement e, string scheme) => e.Elements(RimNs + "ExternalIdentifier")
        .Where(x => (string?)x.Attribute("identificationScheme") == scheme)
        .Select(x => (string?)x.Attribute("value"))
        .FirstOrDefault();
}
