using Mss.Core.Xdm;

namespace Mss.Core.Tests.Xdm;

/// <summary>The "zip slip" guard of the XDM reader (REF2-2): which entry names stay inside the archive when extracted.</summary>
public class XdmReaderTest
{
    [Theory]
    [InlineData("IHE_XDM/SUBSET01/DOC0001.XML", false, true)]
    [InlineData("IHE_XDM/SUBSET01/", true, true)]          // a directory entry, where directories are allowed
    [InlineData("IHE_XDM/SUBSET01/", false, false)]
    [InlineData("IHE_XDM//DOC0001.XML", true, false)]      // an empty segment inside
    [InlineData("/IHE_XDM/DOC0001.XML", true, false)]      // absolute
    [InlineData("", true, false)]
    [InlineData("IHE_XDM/../../etc/passwd", false, false)]
    [InlineData("IHE_XDM/ .. /x", false, false)]            // dot segments padded with spaces
    [InlineData("IHE_XDM/./x", false, false)]
    [InlineData("IHE_XDM\\x", false, false)]
    [InlineData("C:/x", false, false)]
    [InlineData("mon document.pdf", false, true)]          // a space is printable
    [InlineData("a\u001Fb", false, false)]
    [InlineData("a\u007Fb", false, false)]
    [InlineData("a~b", false, true)]
    public void IsSafePath_Table(string path, bool allowDirectory, bool expected) =>
        Assert.Equal(expected, XdmReader.IsSafePath(path, allowDirectory));

    // At most 1,024 characters.
    [Fact]
    public void IsSafePath_LengthBound()
    {
        Assert.True(XdmReader.IsSafePath(new string('a', 1024), allowDirectory: false));
        Assert.False(XdmReader.IsSafePath(new string('a', 1025), allowDirectory: false));
        Assert.False(XdmReader.IsSafePath("/" + new string('a', 1023), allowDirectory: false));
    }
}
