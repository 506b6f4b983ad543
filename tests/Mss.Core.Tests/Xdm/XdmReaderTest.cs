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

    // The locator is followed only when the end record says 0xFFFF entries or 0xFFFFFFFF bytes (APPNOTE 4.4.1.4): with
    // plain values, a ZIP64 record declaring 20,001 entries is not read.
    [Fact]
    public void TryRead_Zip64LocatorWithoutMarker_NotFollowed()
    {
        byte[] zip = Zip64Record(20_001, 0).Concat(Zip64Locator(0)).Concat(EndOfCentralDirectory(5, 0)).ToArray();
        Assert.False(XdmPackage.TryRead(new MemoryStream(zip), out _, out XdmError error));
        Assert.Equal(XdmError.NotZip, error);
    }

    // The size marker 0xFFFFFFFF defers to the ZIP64 record as the count marker does: its directory size is checked.
    [Theory]
    [InlineData(100UL, XdmError.NotZip)]
    [InlineData(6_000_001UL, XdmError.TooLarge)]
    public void TryRead_Zip64SizeMarker_RecordSizeChecked(ulong size, XdmError expected)
    {
        byte[] zip = Zip64Record(5, size).Concat(Zip64Locator(0)).Concat(EndOfCentralDirectory(5, 0xFFFFFFFF)).ToArray();
        Assert.False(XdmPackage.TryRead(new MemoryStream(zip), out _, out XdmError error));
        Assert.Equal(expected, error);
    }

    // The locator at the very start of the input (the end record at offset 20) and the ZIP64 record ending exactly at
    // the end of the input: both are read.
    [Theory]
    [InlineData(20_001UL, XdmError.TooLarge)]
    [InlineData(5UL, XdmError.NotZip)]
    public void TryRead_Zip64LocatorFirstRecordLast_Read(ulong count, XdmError expected)
    {
        byte[] zip = Zip64Locator(42).Concat(EndOfCentralDirectory(0xFFFF, 0)).Concat(Zip64Record(count, 0)).ToArray();
        Assert.Equal(98, zip.Length);
        Assert.False(XdmPackage.TryRead(new MemoryStream(zip), out _, out XdmError error));
        Assert.Equal(expected, error);
    }

    // The ZIP64 record is read where the locator says, not at the start of the input.
    [Fact]
    public void TryRead_Zip64RecordAfterOtherBytes_ReadAtItsOffset()
    {
        byte[] zip = new byte[16].Concat(Zip64Record(20_001, 0)).Concat(Zip64Locator(16)).Concat(EndOfCentralDirectory(0xFFFF, 0)).ToArray();
        Assert.False(XdmPackage.TryRead(new MemoryStream(zip), out _, out XdmError error));
        Assert.Equal(XdmError.TooLarge, error);
    }

    // A stream that gives a few bytes per read: the end of the input and the ZIP64 record are read all the same.
    [Fact]
    public void TryRead_Zip64RecordThroughShortReads_Read()
    {
        byte[] zip = Zip64Record(20_001, 0).Concat(Zip64Locator(0)).Concat(EndOfCentralDirectory(0xFFFF, 0)).ToArray();
        Assert.False(XdmPackage.TryRead(new XdmTestSupport.TrickleStream(zip, 7), out _, out XdmError error));
        Assert.Equal(XdmError.TooLarge, error);
    }

    // A stream whose bytes end before its Length says (a file truncated while read): the reader stops at the end of the
    // bytes, and a ZIP64 record the locator places in the missing part is NotZip.
    [Fact]
    public void TryRead_StreamEndingBeforeItsLength_NotZip()
    {
        byte[] zip = Zip64Locator(50).Concat(EndOfCentralDirectory(0xFFFF, 0)).ToArray();
        var stream = new OverstatedLengthStream(zip, 100);
        Assert.Equal(142, stream.Length);
        Assert.False(XdmPackage.TryRead(stream, out _, out XdmError error));
        Assert.Equal(XdmError.NotZip, error);
    }

    /// <summary>A ZIP64 end of central directory record (56 bytes) declaring <paramref name="count"/> entries in a directory of <paramref name="size"/> bytes.</summary>
    private static byte[] Zip64Record(ulong count, ulong size)
    {
        byte[] record = new byte[56];
        new byte[] { 0x50, 0x4b, 0x06, 0x06 }.CopyTo(record, 0);
        BitConverter.GetBytes(44UL).CopyTo(record, 4);   // the size of the rest of the record
        BitConverter.GetBytes(count).CopyTo(record, 24); // entries on this disk
        BitConverter.GetBytes(count).CopyTo(record, 32); // entries in all
        BitConverter.GetBytes(size).CopyTo(record, 40);
        return record;
    }

    /// <summary>A ZIP64 end of central directory locator (20 bytes) pointing at <paramref name="offset"/>.</summary>
    private static byte[] Zip64Locator(ulong offset)
    {
        byte[] locator = new byte[20];
        new byte[] { 0x50, 0x4b, 0x06, 0x07 }.CopyTo(locator, 0);
        BitConverter.GetBytes(offset).CopyTo(locator, 8);
        BitConverter.GetBytes(1u).CopyTo(locator, 16);   // the number of disks
        return locator;
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

    /// <summary>A stream of <c>bytes</c> whose Length says <c>extra</c> bytes more than it has.</summary>
    private sealed class OverstatedLengthStream(byte[] bytes, long extra) : MemoryStream(bytes, writable: false)
    {
        public override long Length => base.Length + extra;
    }
}
