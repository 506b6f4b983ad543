using System.Text;

namespace Mss.Core.Tests;

/// <summary>
/// The surface the health identifiers share (BAL-6: RPPS, ADELI, IdNat_PS, FINESS), checked on one
/// valid text, another valid text and one refused text given by each type's test: equality operators, the span and
/// UTF-8 parsers (accepted, refused, thrown), the <c>"G"</c> format and its refusal of others, short destinations and
/// <c>default</c>, which writes nothing.
/// </summary>
internal static class IdentifierSurface
{
    internal delegate bool TrySpan<T>(ReadOnlySpan<char> s, out T result);

    internal delegate bool TryUtf8<T>(ReadOnlySpan<byte> utf8, out T result);

    public static void Check<T>(
        string valid,
        string other,
        string refused,
        HealthIdentifierError refusal,
        string parameterName,
        Func<string, T> parse,
        Func<ReadOnlySpan<char>, T> parseSpan,
        Func<ReadOnlySpan<byte>, T> parseUtf8,
        TrySpan<T> tryParseSpan,
        TryUtf8<T> tryParseUtf8,
        Func<T, T, bool> equal,
        Func<T, T, bool> notEqual)
        where T : struct, ISpanFormattable, IUtf8SpanFormattable
    {
        T a = parse(valid);
        T b = parse(other);
        Assert.Equal(valid, a.ToString());
        Assert.True(equal(a, parse(valid)));
        Assert.False(notEqual(a, parse(valid)));
        Assert.False(equal(a, b));
        Assert.True(notEqual(a, b));

        byte[] validUtf8 = Encoding.ASCII.GetBytes(valid);
        byte[] refusedUtf8 = Encoding.ASCII.GetBytes(refused);
        Assert.True(tryParseSpan(valid.AsSpan(), out T fromSpan));
        Assert.Equal(a, fromSpan);
        Assert.False(tryParseSpan(refused.AsSpan(), out T none));
        Assert.Equal(default, none);
        Assert.True(tryParseUtf8(validUtf8, out T fromUtf8));
        Assert.Equal(a, fromUtf8);
        Assert.False(tryParseUtf8(refusedUtf8, out none));
        Assert.Equal(default, none);
        Assert.Equal(a, parseSpan(valid.AsSpan()));
        Assert.Equal(a, parseUtf8(validUtf8));
        Assert.Equal(refusal, Assert.Throws<HealthIdentifierFormatException>(() => parseSpan(refused.AsSpan())).Error);
        Assert.Equal(refusal, Assert.Throws<HealthIdentifierFormatException>(() => parseUtf8(refusedUtf8)).Error);
        Assert.Equal(parameterName, Assert.Throws<ArgumentNullException>(() => parse(null!)).ParamName);

        Assert.Equal(valid, a.ToString(null, null));
        Assert.Equal(valid, a.ToString("G", null));
        Assert.Equal(valid, a.ToString("g", null));
        Assert.Throws<FormatException>(() => a.ToString("X", null));

        char[] chars = new char[valid.Length];
        Assert.True(a.TryFormat(chars, out int written, "G", null));
        Assert.Equal(valid, new string(chars, 0, written));
        Assert.False(a.TryFormat(new char[valid.Length - 1], out written, default, null));
        Assert.Equal(0, written);
        Assert.Throws<FormatException>(() => a.TryFormat(chars, out _, "X", null));

        byte[] bytes = new byte[valid.Length];
        Assert.True(a.TryFormat(bytes, out written, "g", null));
        Assert.Equal(valid, Encoding.ASCII.GetString(bytes, 0, written));
        Assert.False(a.TryFormat(new byte[valid.Length - 1], out written, default, null));
        Assert.Equal(0, written);
        Assert.Throws<FormatException>(() => a.TryFormat(bytes, out _, "X", null));

        T empty = default;
        Assert.Equal(string.Empty, empty.ToString());
        Assert.True(empty.TryFormat(Span<char>.Empty, out written, default, null));
        Assert.Equal(0, written);
        Assert.True(empty.TryFormat(Span<byte>.Empty, out written, default, null));
        Assert.Equal(0, written);
    }
}
