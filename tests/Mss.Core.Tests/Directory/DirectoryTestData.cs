using System.Text;

namespace Mss.Core.Tests.Directory;

/// <summary>The ANS implementation guides' example resources kept in TestData/Directory (see PROVENANCE.md).</summary>
internal static class DirectoryTestData
{
    public static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "TestData", "Directory", file);

    public static Stream Open(string file) => File.OpenRead(PathOf(file));

    public static Stream FromText(string text) => new MemoryStream(Encoding.UTF8.GetBytes(text));

    /// <summary>A stream that returns at most <paramref name="chunk"/> bytes per read, to exercise buffer refills.</summary>
    public static Stream Trickle(byte[] bytes, int chunk) => new TrickleStream(bytes, chunk);

    /// <summary>Every example file as NDJSON: each resource on one line.</summary>
    public static byte[] AsNdjson(params string[] files)
    {
        var sb = new StringBuilder();
        foreach (string file in files)
        {
            using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(PathOf(file)));
            sb.Append(doc.RootElement.GetRawText().Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal)).Append('\n');
        }

        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private sealed class TrickleStream(byte[] bytes, int chunk) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));
    }
}
