using System;

namespace Mss.Core.Xdm;

/// <summary>
/// One document of an IHE_XDM package (REF2-2): where it lies in the archive, its media type, its type code and title
/// from the metadata, its bytes, SHA-1 and size.
/// </summary>
public sealed class XdmDocument
{
    private readonly byte[] _content;

    internal XdmDocument(string path, string mediaType, string? typeCode, string? title, byte[] content, string hash, string uniqueId, bool isCda)
    {
        Path = path;
        MediaType = mediaType;
        TypeCode = typeCode;
        Title = title;
        _content = content;
        Hash = hash;
        UniqueId = uniqueId;
        IsCda = isCda;
    }

    /// <summary>The entry's path in the archive, for example <c>IHE_XDM/SUBSET01/DOC00001.XML</c> (ISO 9660 8.3 names, ITI TF-1 §16).</summary>
    public string Path { get; }

    /// <summary>The media type from the metadata (<c>mimeType</c>), for example <c>text/xml</c> for a CDA.</summary>
    public string MediaType { get; }

    /// <summary>The type code (<c>typeCode</c> classification, LOINC for a CDA: its header's <c>code</c>); null when absent.</summary>
    public string? TypeCode { get; }

    /// <summary>The title (the document entry's <c>Name</c>); null when absent.</summary>
    public string? Title { get; }

    /// <summary>A copy of the document's bytes (a new array on each call).</summary>
    public byte[] Content => (byte[])_content.Clone();

    /// <summary>The SHA-1 of the content, 40 lower-case hexadecimal digits (the <c>hash</c> slot, ITI TF-3 §4.2.3.2.10).</summary>
    public string Hash { get; }

    /// <summary>The size of the content in bytes (the <c>size</c> slot).</summary>
    public long Size => _content.LongLength;

    /// <summary>The document's unique id (<c>XDSDocumentEntry.uniqueId</c>): the CDA's <c>id</c> as <c>root^extension</c> or <c>root</c>.</summary>
    public string UniqueId { get; }

    /// <summary>Whether the document is an HL7 CDA R2 document (its root is <c>ClinicalDocument</c> in <c>urn:hl7-org:v3</c>).</summary>
    public bool IsCda { get; }

    internal byte[] RawContent => _content;
}
