using System.IO.Compression;
using System.Text;

namespace Mss.Core.Tests;

/// <summary>
/// The inputs found by fuzzing 0.2 (issue 29, TestData/Fuzz/PROVENANCE.md) and generated variants of them at any size,
/// for the regression tests of each area.
/// </summary>
public static class FuzzFindings
{
    public static byte[] Bytes(string file) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "Fuzz", file));

    public static MimeKit.MimeMessage Message(string file) => MimeKit.MimeMessage.Load(new MemoryStream(Bytes(file)));

    /// <summary>NDJSON of <paramref name="lines"/> lines each opening an object and a block comment, closed by a syntax error at the end.</summary>
    public static byte[] CommentLines(int lines) =>
        Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("{/*\n", lines)) + "*/ x\n");

    /// <summary>A message whose To header holds one address then <paramref name="entries"/> entries without a domain.</summary>
    public static MimeKit.MimeMessage DomainlessTo(string from, string first, int entries) =>
        MimeKit.MimeMessage.Load(new MemoryStream(Encoding.ASCII.GetBytes(
            "From: " + from + "\r\nTo: " + first + string.Concat(Enumerable.Repeat(", x", entries))
            + "\r\nSubject: x\r\nDate: Mon, 30 Nov 2026 12:00:00 +0100\r\nMessage-Id: <a@b>\r\n\r\nx\r\n")));

    /// <summary>
    /// The reproducer's archive with its METADATA.XML nested <paramref name="depth"/> elements deep just inside the root
    /// and left unclosed.
    /// </summary>
    public static byte[] DeepMetadataArchive(int depth)
    {
        using var source = new ZipArchive(new MemoryStream(Bytes("xdm-deep-nesting-4000.zip")), ZipArchiveMode.Read);
        var output = new MemoryStream();
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (ZipArchiveEntry entry in source.Entries)
            {
                using Stream from = entry.Open();
                using var copy = new MemoryStream();
                from.CopyTo(copy);
                byte[] content = copy.ToArray();
                if (entry.FullName.EndsWith("METADATA.XML", StringComparison.Ordinal))
                {
                    content = Encoding.UTF8.GetBytes(
                        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<lcm:SubmitObjectsRequest xmlns:lcm=\"urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0\" xmlns:rim=\"urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0\">"
                        + string.Concat(Enumerable.Repeat("<rim:Slot><rim:ValueList>", depth / 2)));
                }

                using Stream to = target.CreateEntry(entry.FullName, CompressionLevel.Optimal).Open();
                to.Write(content);
            }
        }

        return output.ToArray();
    }
}
