using System.IO;
using System.Xml;
using System.Xml.Linq;

namespace Mss.Core.Xdm;

/// <summary>
/// XML reader settings for documents from outside (REF2-2): no DTD, no external resolution, bounded size, and a bounded
/// depth before any tree is built.
/// </summary>
internal static class SafeXml
{
    /// <summary>
    /// The deepest element a document from outside may hold (issue 29). ebRIM metadata nests about eight levels and a CDA
    /// header about ten; 64 leaves room for any real document while an unclosed nesting of thousands of elements, which
    /// <see cref="XDocument.Load(XmlReader)"/> handles in time quadratic in its depth, is refused after 64 of them.
    /// </summary>
    internal const int MaxDepth = 64;

    /// <summary>A reader over <paramref name="bytes"/> that refuses DTDs and resolves nothing outside the document.</summary>
    internal static XmlReader Reader(byte[] bytes)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 0,
            MaxCharactersInDocument = (long)bytes.Length * 2 + 1024,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
            CloseInput = true,
        };
        return XmlReader.Create(new MemoryStream(bytes, false), settings);
    }

    /// <summary>
    /// The document in <paramref name="bytes"/> as a tree, read by <see cref="Reader"/>: one streaming pass first checks that
    /// it is well-formed and no deeper than <see cref="MaxDepth"/>, stopping at the first element too deep, so that no
    /// tree is built of a hostile document. Linear in its size.
    /// </summary>
    /// <exception cref="XmlException">Not well-formed, a DTD, over the size bound, or deeper than <see cref="MaxDepth"/>.</exception>
    internal static XDocument Load(byte[] bytes)
    {
        using (XmlReader check = Reader(bytes))
        {
            while (check.Read())
            {
                if (check.Depth > MaxDepth)
                {
                    throw new XmlException("The document is nested deeper than 64 elements (SafeXml.MaxDepth).");
                }
            }
        }

        using XmlReader reader = Reader(bytes);
        return XDocument.Load(reader);
    }

    /// <summary>
    /// The same refusals for a document whose white space and comments must stay as they are (an XML signature covers
    /// them: ADDR-1 0.3's liste blanche): no DTD, no entity, nothing resolved, at most <paramref name="maxCharacters"/>.
    /// </summary>
    internal static XmlReaderSettings Settings(long maxCharacters) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 0,
        MaxCharactersInDocument = maxCharacters,
        CloseInput = true,
    };
}
