using System.IO;
using System.Xml;

namespace Mss.Core.Xdm;

/// <summary>XML reader settings for documents from outside (REF2-2): no DTD, no external resolution, bounded size.</summary>
internal static class SafeXml
{
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
