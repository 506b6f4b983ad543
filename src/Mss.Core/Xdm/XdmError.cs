namespace Mss.Core.Xdm;

/// <summary>Why <see cref="XdmPackage.TryRead"/> refused an archive (REF2-2). Each value names one refusal; the first met wins.</summary>
public enum XdmError
{
    /// <summary>No error: the archive was read.</summary>
    None = 0,

    /// <summary>The input is not a readable ZIP archive (no archive, a corrupt directory or corrupt compressed data).</summary>
    NotZip = 1,

    /// <summary>No <c>IHE_XDM/&lt;subset&gt;/METADATA.XML</c> in the archive.</summary>
    NoMetadata = 2,

    /// <summary>
    /// METADATA.XML is not well-formed XML, holds a DTD, or lacks what a submission set needs (a document entry with
    /// <c>URI</c>, <c>hash</c> and <c>size</c>; a patient id <c>INS^^^&amp;OID&amp;ISO^NH</c>, or 0.2's form without <c>^NH</c>, with a valid INS).
    /// </summary>
    BadMetadata = 3,

    /// <summary>A document named in METADATA.XML is not in the archive.</summary>
    MissingDocument = 4,

    /// <summary>A document's SHA-1 differs from the <c>hash</c> METADATA.XML gives for it, or it is shorter than its <c>size</c>.</summary>
    HashMismatch = 5,

    /// <summary>
    /// An entry or a document URI could leave the archive when extracted ("zip slip"): <c>..</c>, an absolute path, a
    /// drive letter, a backslash, a control character, an empty segment, or two entries with the same name (ignoring case).
    /// </summary>
    UnsafePath = 6,

    /// <summary>
    /// The archive is larger than <see cref="XdmPackage.MaxArchiveSize"/>, holds more than <see cref="XdmPackage.MaxEntries"/>
    /// entries, or what it inflates to exceeds <see cref="XdmPackage.MaxContentSize"/>; or a document inflates to more
    /// than the <c>size</c> METADATA.XML declares (INDEX.HTM and README.TXT: 8 MiB). Counted while inflating, never taken
    /// from the ZIP headers: a decompression bomb is stopped at the first byte beyond.
    /// </summary>
    TooLarge = 7,
}
