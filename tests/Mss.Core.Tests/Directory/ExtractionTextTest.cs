using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Mss.Core.Directory;

namespace Mss.Core.Tests.Directory;

/// <summary>BAL-7 0.3: the extraction file's two encodings, strict UTF-8 and Windows-1252 by table.</summary>
public class ExtractionTextTest
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static string? StrictDecode(byte[] bytes)
    {
        try
        {
            return Strict.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static string? Decode(Func<byte[], char[], int> decoder, byte[] bytes)
    {
        char[] chars = new char[bytes.Length + 1];
        int written = decoder(bytes, chars);
        return written < 0 ? null : new string(chars, 0, written);
    }

    // Bytes that are mostly UTF-8 lead and continuation bytes, so that valid and invalid sequences are both frequent.
    private static Arbitrary<byte[]> Utf8ish() => Gen.ArrayOf(Gen.OneOf(
        Gen.Choose(0, 0x7F),
        Gen.Choose(0x80, 0xBF),
        Gen.Choose(0xC0, 0xF7),
        Gen.Elements(0xC2, 0xE0, 0xED, 0xF0, 0xF4, 0xF5, 0xFF)).Select(i => (byte)i)).ToArbitrary();

    // The scalar decoder (netstandard2.0) and the runtime's (.NET 8+) agree with .NET's strict UTF8Encoding.
    [Property(MaxTest = 3000)]
    public Property Utf8_AgreesWithStrictEncoding() => Prop.ForAll(Utf8ish(), bytes =>
    {
        string? expected = StrictDecode(bytes);
        return Decode((b, c) => ExtractionText.DecodeUtf8Scalar(b, c), bytes) == expected
            && Decode((b, c) => ExtractionText.TryDecodeUtf8(b, c), bytes) == expected;
    });

    [Property(MaxTest = 500)]
    public Property Utf8_OfAnyText_RoundTrips() => Prop.ForAll(ArbMap.Default.ArbFor<string>(), text =>
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text ?? string.Empty); // lone surrogates become U+FFFD
        string expected = Encoding.UTF8.GetString(bytes);
        return Decode((b, c) => ExtractionText.DecodeUtf8Scalar(b, c), bytes) == expected;
    });

    [Theory]
    [InlineData(new byte[] { 0xC3, 0xA9 }, "é")]
    [InlineData(new byte[] { 0xE2, 0x82, 0xAC }, "€")]
    [InlineData(new byte[] { 0xF0, 0x9F, 0x98, 0x80 }, "\U0001F600")]
    [InlineData(new byte[] { 0x41 }, "A")]
    [InlineData(new byte[] { }, "")]
    public void Utf8_Decoded(byte[] bytes, string expected)
    {
        Assert.Equal(expected, Decode((b, c) => ExtractionText.DecodeUtf8Scalar(b, c), bytes));
    }

    [Theory]
    [InlineData(new byte[] { 0xE9 })]                   // Windows-1252 é: a lead byte without continuation
    [InlineData(new byte[] { 0xC3 })]                   // truncated
    [InlineData(new byte[] { 0xC0, 0x80 })]             // overlong NUL
    [InlineData(new byte[] { 0xE0, 0x80, 0x80 })]       // overlong
    [InlineData(new byte[] { 0xF0, 0x80, 0x80, 0x80 })] // overlong
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]       // a surrogate
    [InlineData(new byte[] { 0xF4, 0x90, 0x80, 0x80 })] // above U+10FFFF
    [InlineData(new byte[] { 0xF8, 0x88, 0x80, 0x80 })] // five-byte form
    [InlineData(new byte[] { 0x80 })]                   // a continuation first
    [InlineData(new byte[] { 0xE2, 0x82, 0x41 })]       // a broken continuation
    public void Utf8_Invalid_Refused(byte[] bytes)
    {
        Assert.Null(Decode((b, c) => ExtractionText.DecodeUtf8Scalar(b, c), bytes));
        Assert.Null(Decode((b, c) => ExtractionText.TryDecodeUtf8(b, c), bytes));
    }

    // Too small a buffer is refused, never overrun.
    [Theory]
    [InlineData(new byte[] { 0x41, 0x42 }, 1)]
    [InlineData(new byte[] { 0xC3, 0xA9 }, 0)]
    [InlineData(new byte[] { 0xF0, 0x9F, 0x98, 0x80 }, 1)]
    public void Utf8_BufferTooSmall_Refused(byte[] bytes, int room)
    {
        Assert.Equal(-1, ExtractionText.DecodeUtf8Scalar(bytes, new char[room]));
        Assert.Equal(-1, ExtractionText.TryDecodeUtf8(bytes, new char[room]));
    }

    // The Unicode Consortium's cp1252 table for 0x80–0x9F (undefined bytes as the C1 control), Latin-1 for the rest.
    [Fact]
    public void Windows1252_EveryByte()
    {
        const string High = "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F"
            + "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";
        byte[] all = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        char[] chars = new char[256];

        Assert.Equal(256, ExtractionText.DecodeWindows1252(all, chars));
        for (int i = 0; i < 256; i++)
        {
            char expected = i is >= 0x80 and <= 0x9F ? High[i - 0x80] : (char)i;
            Assert.Equal(expected, chars[i]);
        }
    }
}
