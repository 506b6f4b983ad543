using System.IO.Compression;
using Mss.Core.Xdm;
using static Mss.Core.Tests.Xdm.XdmTestSupport;

namespace Mss.Core.Tests.Xdm;

// REF2-2: reading a received IHE_XDM.ZIP is hostile input. Each refusal is provoked by a crafted archive.
public class XdmPackageTest
{
    private static XdmPackage Sample() => Builder()
        .AddCda("lettre.xml", LdlSes)
        .AddDocument("cr.pdf", Utf8("%PDF-1.4\n%%EOF\n"), "application/pdf", "11488-4", "Compte rendu")
        .Build();

    /// <summary>The sample's entries with <paramref name="change"/> applied (null content drops the entry).</summary>
    private static byte[] Crafted(Func<string, byte[], byte[]?> change)
    {
        var entries = new List<(string, byte[])>();
        foreach ((string name, byte[] content) in Entries(Sample().ToZip()))
        {
            byte[]? changed = change(name, content);
            if (changed is not null)
            {
                entries.Add((name, changed));
            }
        }

        return Zip(entries.ToArray());
    }

    private static byte[] MetadataReplaced(string find, string replace) => Crafted((name, content) =>
    {
        if (name != "IHE_XDM/SUBSET01/METADATA.XML")
        {
            return content;
        }

        string xml = System.Text.Encoding.UTF8.GetString(content);
        Assert.Contains(find, xml, StringComparison.Ordinal);
        return Utf8(xml.Replace(find, replace, StringComparison.Ordinal));
    });

    [Fact]
    public void TryRead_RoundTrip_SameDocumentsSameBytes()
    {
        XdmPackage built = Sample();
        byte[] zip = built.ToZip();
        Assert.True(XdmPackage.TryRead(new MemoryStream(zip), out XdmPackage? read, out XdmError error));
        Assert.Equal(XdmError.None, error);
        Assert.Equal(zip, read!.ToZip());
        Assert.Equal(built.Patient, read.Patient);
        Assert.Equal("1.2.250.1.213.1.4.10", read.PatientOid);
        Assert.Equal("279035121518989^^^&1.2.250.1.213.1.4.10&ISO^NH", read.PatientId); // REF2-2 0.3: ^NH (0.2 had none)
        Assert.Equal(new[] { "11490-0" }, read.CdaCodes);
        Assert.True(read.HasQualifiedIns);
        Assert.Equal(2, read.Documents.Count);
        XdmDocument cda = read.Documents[0];
        Assert.Equal("IHE_XDM/SUBSET01/DOC00001.XML", cda.Path);
        Assert.Equal("text/xml", cda.MediaType);
        Assert.Equal("11490-0", cda.TypeCode);
        Assert.Equal("Lettre de liaison à la sortie de l'établissement de santé", cda.Title);
        Assert.Equal(LdlSes, cda.Content);
        Assert.Equal(Sha1(LdlSes), cda.Hash);
        Assert.Equal(LdlSes.Length, cda.Size);
        Assert.True(cda.IsCda);
        XdmDocument pdf = read.Documents[1];
        Assert.Equal("application/pdf", pdf.MediaType);
        Assert.Equal("11488-4", pdf.TypeCode);
        Assert.Equal("Compte rendu", pdf.Title);
        Assert.False(pdf.IsCda);
    }

    [Fact]
    public void TryRead_NonSeekableStream_Read()
    {
        byte[] zip = Sample().ToZip();
        Assert.True(XdmPackage.TryRead(new ForwardOnlyStream(zip), out XdmPackage? read, out _));
        Assert.Equal(zip, read!.ToZip());
    }

    [Fact]
    public void TryRead_LowerCaseNames_Read()
    {
        // Some tools lower-case ISO 9660 names: the paths are matched ignoring case.
        Assert.Equal(XdmError.None, Read(Zip(Entries(Sample().ToZip()).Select(e => (e.Name.ToLowerInvariant(), e.Content)).ToArray())));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a zip at all")]
    [InlineData("%PDF-1.4\n%%EOF")]
    [InlineData("PK\u0003\u0004garbage")]
    public void TryRead_NotZip(string bytes)
    {
        Assert.Equal(XdmError.NotZip, Read(Utf8(bytes)));
    }

    [Fact]
    public void TryRead_NullOrUnreadable_NotZip()
    {
        Assert.False(XdmPackage.TryRead(null!, out _, out XdmError error));
        Assert.Equal(XdmError.NotZip, error);
        var closed = new MemoryStream(Sample().ToZip());
        closed.Dispose();
        Assert.False(XdmPackage.TryRead(closed, out _, out error));
        Assert.Equal(XdmError.NotZip, error);
    }

    [Fact]
    public void TryRead_TruncatedArchive_NotZip()
    {
        byte[] zip = Sample().ToZip();
        Assert.Equal(XdmError.NotZip, Read(zip[..(zip.Length / 2)]));
    }

    [Fact]
    public void TryRead_NoMetadata()
    {
        Assert.Equal(XdmError.NoMetadata, Read(Crafted((name, content) => name.EndsWith("METADATA.XML", StringComparison.Ordinal) ? null : content)));
        Assert.Equal(XdmError.NoMetadata, Read(Zip(("METADATA.XML", Utf8("<x/>")), ("IHE_XDM/METADATA.XML", Utf8("<x/>")))));
    }

    [Theory]
    [InlineData("<rim:RegistryObjectList>", "<rim:RegistryObjectList><broken>")]          // not well-formed
    [InlineData("<?xml version=\"1.0\" encoding=\"utf-8\"?>", "<?xml version=\"1.0\" encoding=\"utf-8\"?><!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>")] // DTD (billion laughs)
    [InlineData("279035121518989^^^&amp;", "279035121518988^^^&amp;")]                      // INS key wrong (INS-2)
    [InlineData("<rim:Slot name=\"hash\">", "<rim:Slot name=\"hash-not\">")]             // no hash
    [InlineData("<rim:Slot name=\"size\">", "<rim:Slot name=\"sizes\">")]               // no size
    [InlineData("ExtrinsicObject", "ExtrinsicThing")]                                  // no document entry
    public void TryRead_BadMetadata(string find, string replace)
    {
        Assert.Equal(XdmError.BadMetadata, Read(MetadataReplaced(find, replace)));
    }

    [Fact]
    public void TryRead_MetadataNotXml_BadMetadata()
    {
        Assert.Equal(XdmError.BadMetadata, Read(Crafted((name, content) => name.EndsWith("METADATA.XML", StringComparison.Ordinal) ? Utf8("{ \"json\": true }") : content)));
    }

    [Fact]
    public void TryRead_MissingDocument()
    {
        Assert.Equal(XdmError.MissingDocument, Read(Crafted((name, content) => name.EndsWith("DOC00002.PDF", StringComparison.Ordinal) ? null : content)));
        Assert.Equal(XdmError.MissingDocument, Read(MetadataReplaced("<rim:Value>DOC00001.XML</rim:Value>", "<rim:Value>DOC00009.XML</rim:Value>")));
    }

    [Fact]
    public void TryRead_AlteredDocument_HashMismatch()
    {
        Assert.Equal(XdmError.HashMismatch, Read(Crafted((name, content) =>
        {
            if (!name.EndsWith("DOC00001.XML", StringComparison.Ordinal))
            {
                return content;
            }

            byte[] altered = (byte[])content.Clone();
            altered[^10] ^= 1; // one bit, same size
            return altered;
        })));
    }

    [Fact]
    public void TryRead_WrongSize_HashMismatch()
    {
        string size = LdlSes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(XdmError.HashMismatch, Read(MetadataReplaced("<rim:Value>" + size + "</rim:Value>", "<rim:Value>" + (LdlSes.Length + 1) + "</rim:Value>")));
    }

    // Zip slip: an entry anywhere in the archive whose name could leave the extraction folder.
    [Theory]
    [InlineData("../evil.txt")]
    [InlineData("IHE_XDM/SUBSET01/../../../evil.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("C:/Windows/evil.dll")]
    [InlineData("C:evil.dll")]
    [InlineData("IHE_XDM\\SUBSET01\\evil.txt")]
    [InlineData("..\\evil.txt")]
    [InlineData("IHE_XDM//SUBSET01/x")]
    [InlineData("IHE_XDM/./x")]
    [InlineData("evil\u0000.txt")]
    [InlineData("README.TXT:stream")]
    public void TryRead_UnsafeEntryName_UnsafePath(string name)
    {
        List<(string Name, byte[] Content)> entries = Entries(Sample().ToZip());
        entries.Add((name, Utf8("pwned")));
        Assert.Equal(XdmError.UnsafePath, Read(Zip(entries.ToArray())));
    }

    [Theory]
    [InlineData("../../evil.xml")]
    [InlineData("/tmp/evil.xml")]
    [InlineData("..\\evil.xml")]
    [InlineData("C:\\evil.xml")]
    public void TryRead_UnsafeDocumentUri_UnsafePath(string uri)
    {
        Assert.Equal(XdmError.UnsafePath, Read(MetadataReplaced("<rim:Value>DOC00001.XML</rim:Value>", "<rim:Value>" + uri + "</rim:Value>")));
    }

    [Fact]
    public void TryRead_DuplicateNamesIgnoringCase_UnsafePath()
    {
        List<(string Name, byte[] Content)> entries = Entries(Sample().ToZip());
        entries.Add(("ihe_xdm/subset01/doc00001.xml", Utf8("shadow")));
        Assert.Equal(XdmError.UnsafePath, Read(Zip(entries.ToArray())));
    }

    // A decompression bomb: a small archive that inflates past MaxContentSize. Refused while inflating.
    [Fact]
    public void TryRead_DecompressionBomb_TooLarge()
    {
        byte[] bomb = new byte[XdmPackage.MaxContentSize + 1];
        byte[] zip = Crafted((name, content) => name.EndsWith("DOC00002.PDF", StringComparison.Ordinal) ? bomb : content);
        Assert.True(zip.Length < 1024 * 1024, "the bomb compresses to little");
        Assert.Equal(XdmError.TooLarge, Read(zip));
    }

    // A document declared larger than what is left of MaxContentSize is refused before it is inflated.
    [Fact]
    public void TryRead_DeclaredSizeBeyondLimit_TooLarge()
    {
        Assert.Equal(XdmError.TooLarge, Read(MetadataReplaced("<rim:Value>15</rim:Value>", "<rim:Value>" + (XdmPackage.MaxContentSize + 1) + "</rim:Value>")));
    }

    // The sizes in the headers are not trusted: a bomb whose headers claim a few bytes is still caught.
    [Fact]
    public void TryRead_BombWithLyingHeaders_Refused()
    {
        byte[] bomb = new byte[XdmPackage.MaxContentSize + 1];
        byte[] zip = Crafted((name, content) => name.EndsWith("DOC00002.PDF", StringComparison.Ordinal) ? bomb : content);
        byte[] lying = PatchUncompressedSizes(zip, (uint)(XdmPackage.MaxContentSize + 1), 15);
        Assert.False(XdmPackage.TryRead(new MemoryStream(lying), out XdmPackage? package, out XdmError error));
        Assert.Null(package);
        Assert.NotEqual(XdmError.None, error);
    }

    [Fact]
    public void TryRead_TooManyEntries_TooLarge()
    {
        var entries = new List<(string, byte[])>(Entries(Sample().ToZip()));
        for (int i = 0; i <= XdmPackage.MaxEntries; i++)
        {
            entries.Add(("X/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), Array.Empty<byte>()));
        }

        Assert.Equal(XdmError.TooLarge, Read(Zip(entries.ToArray())));
    }

    [Fact]
    public void TryRead_ArchiveLargerThanLimit_TooLarge()
    {
        var huge = new LengthOnlyStream(XdmPackage.MaxArchiveSize + 1);
        Assert.False(XdmPackage.TryRead(huge, out _, out XdmError error));
        Assert.Equal(XdmError.TooLarge, error);
        Assert.Equal(0, huge.BytesRead);
    }

    /// <summary>Rewrites the uncompressed size of every local and central header that says <paramref name="from"/>.</summary>
    private static byte[] PatchUncompressedSizes(byte[] zip, uint from, uint to)
    {
        byte[] patched = (byte[])zip.Clone();
        for (int i = 0; i + 4 <= patched.Length; i++)
        {
            uint signature = BitConverter.ToUInt32(patched, i);
            int offset = signature switch { 0x04034b50 => 22, 0x02014b50 => 24, _ => -1 };
            if (offset > 0 && i + offset + 4 <= patched.Length && BitConverter.ToUInt32(patched, i + offset) == from)
            {
                BitConverter.GetBytes(to).CopyTo(patched, i + offset);
            }
        }

        return patched;
    }

    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Position { get => base.Position; set => throw new NotSupportedException(); }

        public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();

        public override long Length => throw new NotSupportedException();
    }

    private sealed class LengthOnlyStream(long length) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get; set; }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            BytesRead += count;
            return 0;
        }

        public override long Seek(long offset, SeekOrigin origin) => Position = offset;

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
