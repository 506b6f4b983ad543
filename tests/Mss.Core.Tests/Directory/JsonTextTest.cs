using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FsCheck.Xunit;
using Mss.Core.Directory;

namespace Mss.Core.Tests.Directory;

/// <summary>
/// The JSON text comparisons of the directory reader (issue 29): never throwing, a lone surrogate escape compared as
/// U+FFFD, escapes decoded as the reader's own <c>GetString</c> decodes them.
/// </summary>
public class JsonTextTest
{
    // An escaped value equals its decoded text; a lone surrogate equals nothing the reader looks for, and does not throw
    // (0.2 threw InvalidOperationException from ValueTextEquals).
    [Theory]
    [InlineData("\"Bundle\"", "Bundle", true)]
    [InlineData("\"\\u0042undle\"", "Bundle", true)]
    [InlineData("\"\\u0042\\u0075ndle\"", "Bundle", true)]
    [InlineData("\"Bundl\\u0065\"", "Bundle", true)]
    [InlineData("\"\\ud800\"", "Bundle", false)]
    [InlineData("\"\\ud800\"", "\uFFFD", true)]
    [InlineData("\"\\udc00Bundle\"", "Bundle", false)]
    [InlineData("\"a\\\"b\\\\c\\/d\\n\\t\"", "a\"b\\c/d\n\t", true)]
    [InlineData("\"\\ud83d\\ude00\"", "\U0001F600", true)]
    [InlineData("\"\\ud83d\"", "\U0001F600", false)]
    [InlineData("\"Bundle\"", "Bundl", false)]
    [InlineData("\"\\u00e9\"", "é", true)]
    public void Is_DecodesEscapes_NeverThrows(string json, string text, bool expected)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        Assert.True(reader.Read());
        Assert.Equal(expected, JsonText.Is(ref reader, Encoding.UTF8.GetBytes(text)));
    }

    // Property names are compared the same way (the 0.2 reproducer had a lone surrogate as a Bundle's property name).
    [Fact]
    public void Is_PropertyNameWithALoneSurrogate_False()
    {
        var reader = new Utf8JsonReader("{\"\\ud800\":1}"u8);
        Assert.True(reader.Read());
        Assert.True(reader.Read());
        Assert.False(JsonText.Is(ref reader, "entry"u8));
        Assert.True(reader.Read());
        Assert.False(JsonText.Is(ref reader, "1"u8)); // a number is no text
    }

    [Theory]
    [InlineData("\"https://x/as-ext-mailbox-mss-metadata\"", "/as-ext-mailbox-mss-metadata", true, true)]
    [InlineData("\"https:\\/\\/x\\/as-ext-mailbox-mss-metadata\"", "/as-ext-mailbox-mss-metadata", true, true)]
    [InlineData("\"\\ud800/as-ext-mailbox-mss-metadata\\ud800\"", "/as-ext-mailbox-mss-metadata", false, true)]
    [InlineData("\"TRE_R02-SecteurActivite\"", "R02", false, true)]
    [InlineData("\"x\"", "R02", false, false)]
    public void EndsWithAndContains_DecodeEscapes(string json, string part, bool endsWith, bool contains)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        Assert.True(reader.Read());
        Assert.Equal(endsWith, JsonText.EndsWith(ref reader, Encoding.UTF8.GetBytes(part)));
        Assert.Equal(contains, JsonText.Contains(ref reader, Encoding.UTF8.GetBytes(part)));
    }

    // Any valid text, written with every character escaped that can be, decodes to its UTF-8 as GetString gives it;
    // long values (past the stack buffer) too.
    [Property(MaxTest = 300)]
    public bool Unescape_AgreesWithGetString(string? text, bool longer)
    {
        string value = (text ?? string.Empty) + (longer ? new string('é', 200) : string.Empty);
        byte[] json;
        try
        {
            json = JsonSerializer.SerializeToUtf8Bytes(value, new JsonSerializerOptions { Encoder = JavaScriptEncoder.Default });
        }
        catch (ArgumentException)
        {
            return true; // a lone surrogate: the serializer refuses it (Is_DecodesEscapes_NeverThrows covers that case)
        }

        var reader = new Utf8JsonReader(json);
        reader.Read();
        string decoded = reader.GetString()!;
        byte[] utf8 = Encoding.UTF8.GetBytes(decoded);
        var buffer = new byte[reader.ValueSpan.Length];
        int written = JsonText.Unescape(reader.ValueSpan, buffer);
        return buffer.AsSpan(0, written).SequenceEqual(utf8) && JsonText.Is(ref reader, utf8);
    }
}
