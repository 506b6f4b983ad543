using System.Text;
using System.Xml;
using System.Xml.Linq;
using Mss.Core.Xdm;

namespace Mss.Core.Tests.Xdm;

/// <summary>
/// XML from a received archive (REF2-2) is checked in one streaming pass — well-formed, no DTD, at most
/// <see cref="SafeXml.MaxDepth"/> deep — before any tree is built (issue 29: <c>XDocument.Load</c> is quadratic in the
/// depth of an unclosed nesting).
/// </summary>
public class SafeXmlTest
{
    private static byte[] Nested(int depth, bool closed) => Encoding.UTF8.GetBytes(
        string.Concat(Enumerable.Repeat("<a>", depth)) + (closed ? string.Concat(Enumerable.Repeat("</a>", depth)) : string.Empty));

    // The root is at depth 0: MaxDepth + 1 nested elements is the deepest document read.
    [Fact]
    public void Load_AtMaxDepth_Read()
    {
        XDocument document = SafeXml.Load(Nested(SafeXml.MaxDepth + 1, closed: true));
        Assert.Equal(SafeXml.MaxDepth + 1, document.Descendants("a").Count());
    }

    [Fact]
    public void Load_OneDeeperThanMaxDepth_Refused() =>
        Assert.Throws<XmlException>(() => SafeXml.Load(Nested(SafeXml.MaxDepth + 2, closed: true)));

    // Unclosed and deep: refused at the first element too deep, not after reading to the end.
    [Fact]
    public void Load_DeepUnclosed_RefusedForItsDepth()
    {
        XmlException e = Assert.Throws<XmlException>(() => SafeXml.Load(Nested(100_000, closed: false)));
        Assert.Contains("deeper than 64", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>")]
    [InlineData("<a><b></a>")]
    [InlineData("")]
    public void Load_DtdOrMalformed_Refused(string xml) =>
        Assert.Throws<XmlException>(() => SafeXml.Load(Encoding.UTF8.GetBytes(xml)));
}
