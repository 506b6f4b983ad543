using System;
using System.IO;
using System.Xml;
using Mss.Core.Xdm;

namespace Mss.Core;

/// <summary>
/// Reads the content of ANS's liste blanche (ADDR-1 0.3) in one streaming pass: root <c>ListeBlancheMSSante</c> in the
/// namespace <c>https://listeblanche.mssante.fr/schema</c>, its <c>DateDeGeneration</c>, and each
/// <c>ListeDomaines/Domaine</c> with its <c>Nom</c> and <c>DNCertificatOperateur</c> (<c>Description</c>, the contacts and
/// <c>DateMAJ</c> are not kept). It also counts the XML signatures and where they stand, for <see cref="WhitelistSignature"/>.
/// </summary>
/// <remarks>
/// An entry counts when its closing <c>&lt;/Domaine&gt;</c> has been read. A complete document is required of a signed
/// list; an unsigned one (ANS's GitHub copy has no closing root tag) is read up to its end or first XML error.
/// </remarks>
internal static class WhitelistReader
{
    /// <summary>The namespace of the list's elements.</summary>
    internal const string Namespace = "https://listeblanche.mssante.fr/schema";

    /// <summary>The XML-DSig namespace.</summary>
    internal const string DsigNamespace = "http://www.w3.org/2000/09/xmldsig#";

    /// <summary>The list's bytes, refused beyond <see cref="TrustSpace.MaxDocumentBytes"/> without reading further.</summary>
    internal static byte[] ReadAll(Stream xml)
    {
        var buffer = new MemoryStream();
        byte[] chunk = new byte[81920];
        int read;
        while ((read = xml.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > TrustSpace.MaxDocumentBytes)
            {
                throw new TrustSpaceFormatException(TrustSpaceError.Unreadable);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>A reader over the list: hostile input (no DTD, nothing resolved, bounded), white space kept for signing.</summary>
    internal static XmlReader Reader(byte[] bytes) =>
        XmlReader.Create(new MemoryStream(bytes, writable: false), SafeXml.Settings((long)bytes.Length + 1024));

    /// <summary>
    /// Reads the list. With <paramref name="complete"/>, any XML error makes it <see cref="TrustSpaceError.Unreadable"/>;
    /// without, reading stops at the first one and keeps the entries read so far. A document whose root is not the list's,
    /// a DTD, too deep a nesting or an invalid <c>DateDeGeneration</c> is always unreadable.
    /// </summary>
    internal static Result Read(byte[] bytes, bool complete)
    {
        var result = new Result();
        bool rootSeen = false;
        try
        {
            using XmlReader reader = Reader(bytes);
            reader.Read();
            while (!reader.EOF)
            {
                if (reader.NodeType == XmlNodeType.Element)
                {
                    CheckDepth(reader.Depth);
                    if (!rootSeen)
                    {
                        if (reader.LocalName != "ListeBlancheMSSante" || reader.NamespaceURI != Namespace)
                        {
                            throw new TrustSpaceFormatException(TrustSpaceError.Unreadable);
                        }

                        rootSeen = true;
                    }
                    else if (ReadChild(reader, result))
                    {
                        continue; // the reader is already on the next node
                    }
                }

                reader.Read();
            }
        }
        catch (XmlException e) when (complete || !rootSeen)
        {
            throw new TrustSpaceFormatException(TrustSpaceError.Unreadable, e);
        }
        catch (XmlException)
        {
            // An unsigned list that stops short (ANS's GitHub copy) or goes wrong inside its root: keep every complete entry
            // read so far. A DTD comes before the root, so it is refused above.
        }

        return rootSeen ? result : throw new TrustSpaceFormatException(TrustSpaceError.Unreadable);
    }

    /// <summary>
    /// Reads an element below the root: the date, an entry, a signature (counted wherever it stands); anything else is
    /// passed over. True when the reader has moved past the element (on the next node), false when it is on its end.
    /// </summary>
    private static bool ReadChild(XmlReader reader, Result result)
    {
        if (IsSignature(reader))
        {
            CountSignature(reader, result);
            return false;
        }

        if (reader.NamespaceURI != Namespace)
        {
            return false;
        }

        if (reader.Depth == 1 && reader.LocalName == "DateDeGeneration")
        {
            string text = reader.ReadElementContentAsString();
            try
            {
                result.GeneratedAt = XmlConvert.ToDateTimeOffset(text.Trim());
            }
            catch (FormatException e)
            {
                throw new TrustSpaceFormatException(TrustSpaceError.Unreadable, e);
            }

            return true;
        }

        if (reader.Depth == 2 && reader.LocalName == "Domaine")
        {
            ReadEntry(reader, result);
        }

        return false;
    }

    /// <summary>One <c>Domaine</c>, added once its end tag is read; an entry without a <c>Nom</c> lists nothing.</summary>
    private static void ReadEntry(XmlReader reader, Result result)
    {
        if (reader.IsEmptyElement)
        {
            return;
        }

        int depth = reader.Depth;
        string? name = null;
        string? certificate = null;
        reader.Read();
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth)
            {
                if (!string.IsNullOrEmpty(name))
                {
                    result.Domains.Add(name!, certificate);
                }

                return;
            }

            if (reader.NodeType == XmlNodeType.Element)
            {
                CheckDepth(reader.Depth);
                if (IsSignature(reader))
                {
                    CountSignature(reader, result);
                }
                else if (reader.Depth == depth + 1 && reader.NamespaceURI == Namespace && reader.LocalName is "Nom" or "DNCertificatOperateur")
                {
                    bool isName = reader.LocalName == "Nom";
                    string text = reader.ReadElementContentAsString().Trim();
                    name = isName ? text : name;
                    certificate = isName ? certificate : text;
                    continue; // the reader is already on the next node
                }
            }

            reader.Read();
        }
    }

    private static bool IsSignature(XmlReader reader) => reader.LocalName == "Signature" && reader.NamespaceURI == DsigNamespace;

    /// <summary>Counts a signature, notes whether it is a child of the root, and walks it to its end tag.</summary>
    private static void CountSignature(XmlReader reader, Result result)
    {
        result.Signatures++;
        result.SignatureIsRootChild = reader.Depth == 1;
        WalkSignature(reader);
    }

    private static void CheckDepth(int depth)
    {
        if (depth > TrustSpace.MaxDepth)
        {
            throw new TrustSpaceFormatException(TrustSpaceError.Unreadable);
        }
    }

    /// <summary>Walks a signature's subtree, refusing it beyond <see cref="TrustSpace.MaxDepth"/> (the canonicaliser recurses).</summary>
    private static void WalkSignature(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            return;
        }

        int depth = reader.Depth;
        while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                CheckDepth(reader.Depth);
            }
        }
    }

    /// <summary>What one pass found.</summary>
    internal sealed class Result
    {
        public DomainTable Domains { get; } = new();

        public DateTimeOffset? GeneratedAt { get; set; }

        /// <summary>How many <c>ds:Signature</c> elements the document has, at any depth.</summary>
        public int Signatures { get; set; }

        /// <summary>Whether the (last) signature is a child of the root, where an enveloped signature of the list stands.</summary>
        public bool SignatureIsRootChild { get; set; }
    }
}
