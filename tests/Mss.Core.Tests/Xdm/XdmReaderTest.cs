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

    // The end-of-central-directory record is read before ZipArchive parses the directory (REF2-2): a declared count
    // above 20,000 entries, or a central directory larger than 300 bytes per allowed entry, is TooLarge without parsing.
    // The record alone (an empty archive, found at offset 0) is enough to say so.
    [Theory]
    [InlineData(20_001, 0u, true)]
    [InlineData(20_000, 0u, false)]
    [InlineData(0, 6_000_001u, true)]
    [InlineData(0, 6_000_000u, false)]
    public void TryRead_DeclaredCountAndDirectorySize_Bounded(int count, uint size, bool tooLarge)
    {
        byte[] zip = EndOfCentralDirectory((ushort)count, size);
        Assert.False(XdmPackage.TryRead(new MemoryStream(zip), out _, out XdmError error));
        Assert.Equal(tooLarge, error == XdmError.TooLarge);

        // The same record after 100 bytes of anything: still found, from the end.
        byte[] shifted = new byte[100].Concat(zip).ToArray();
        Assert.False(XdmPackage.TryRead(new MemoryStream(shifted), out _, out error));
        Assert.Equal(tooLarge, error == XdmError.TooLarge);
    }

    // A record whose signature differs in any one byte is not the record: nothing is declared, nothing is TooLarge.
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void TryRead_SignatureMismatch_NotTheRecord(int at)
    {
        byte[] zip = EndOfCentralDirectory(60_000, 0);
        zip[at] ^= 0x01;
        Assert.False(XdmPackage.TryRead(new MemoryStream(zip), out _, out XdmError error));
        Assert.NotEqual(XdmError.TooLarge, error);
    }

    // ZIP64: a count of 0xFFFF defers to the ZIP64 record the locator points to; a locator pointing past the end is NotZip.
    [Theory]
    [InlineData(20_001UL, 0L, XdmError.TooLarge)]
    [InlineData(5UL, 0L, null)]
    [InlineData(5UL, 1_000L, XdmError.NotZip)]
    public void TryRead_Zip64Record_Read(ulong count, long offsetShift, XdmError? expected)
    {
        byte[] record = new byte[56];
        new byte[] { 0x50, 0x4b, 0x06, 0x06 }.CopyTo(record, 0);
        BitConverter.GetBytes(count).CopyTo(record, 32);
        byte[] locator = new byte[20];
        new byte[] { 0x50, 0x4b, 0x06, 0x07 }.CopyTo(locator, 0);
        BitConverter.GetBytes(offsetShift).CopyTo(locator, 8); // the ZIP64 record is at offset 0 (+ the shift)
        byte[] zip = record.Concat(locator).Concat(EndOfCentralDirectory(0xFFFF, 0)).ToArray();
        Assert.False(XdmPackage.TryRead(new MemoryStream(zip), out _, out XdmError error));
        if (expected is null)
        {
            Assert.NotEqual(XdmError.TooLarge, error);
        }
        else
        {
            Assert.Equal(expected, error);
        }
    }

    private static byte[] EndOfCentralDirectory(ushort count, uint size)
    {
        byte[] record = new byte[22];
        new byte[] { 0x50, 0x4b, 0x05, 0x06 }.CopyTo(record, 0);
        BitConverter.GetBytes(count).CopyTo(record, 8);
        BitConverter.GetBytes(count).CopyTo(record, 10);
        BitConverter.GetBytes(size).CopyTo(record, 12);
        return record;
    }
}
