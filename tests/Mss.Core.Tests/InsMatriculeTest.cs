using System.Globalization;
using System.Text;
using NodaTime;

namespace Mss.Core.Tests;

public class InsMatriculeTest
{
    // Keys computed outside this code base (INSEE rule, python reference); the first is ANS's own example (ADDR-2).
    [Theory]
    [InlineData("279035121518989")]
    [InlineData("196097212345667")]
    [InlineData("284052732102530")]
    [InlineData("175022001234509")] // zero-padded key, Corsica before 1976
    [InlineData("287019710123452")] // overseas 971
    [InlineData("194039935012341")] // born abroad
    [InlineData("185057200002705")] // key 05
    [InlineData("185057200003101")] // key 01 (INS-2 lower bound)
    [InlineData("185057200003297")] // key 97 (INS-2 upper bound)
    public void TryParse_ValidCanonical_Accepted(string text)
    {
        Assert.True(InsMatricule.TryParse(text, out InsMatricule ins));
        Assert.Equal(text, ins.ToString());
        Assert.Equal(InsError.None, InsMatricule.Validate(text));
    }

    // INS-2: 2A reads as 19, 2B as 18. The buggy keys are what A/B→0 and 2A→20 / 2B→19 validators compute.
    [Theory]
    [InlineData("185052A123456", 33, 6)]
    [InlineData("291032B045678", 56, 29)]
    [InlineData("185052A000007", 1, -1)]
    [InlineData("185052A000008", 97, -1)]
    [InlineData("269032B000057", 1, -1)]
    [InlineData("269032B000058", 97, -1)]
    public void TryParse_CorsicanKey_Accepted_AndBuggyKeyRefused(string body, int rightKey, int buggyKey)
    {
        Assert.True(InsMatricule.TryParse(InsGenerators.WithKey(body, rightKey), out InsMatricule ins));
        Assert.Equal(rightKey, ins.Key);
        Assert.Equal(rightKey, InsMatricule.ComputeKey(body));
        Assert.Equal(body.Substring(5, 2), ins.BirthDepartment);
        Assert.Equal(BirthPlaceKind.Corsica, ins.BirthPlace.Kind);
        if (buggyKey > 0)
        {
            Assert.Equal(InsError.Key, InsMatricule.Validate(InsGenerators.WithKey(body, buggyKey)));
        }
    }

    [Theory]
    [InlineData("", InsError.Empty)]
    [InlineData("27903512151898", InsError.Length)]
    [InlineData("2790351215189890", InsError.Length)]
    [InlineData("2 79 03 51 215 189 89", InsError.Length)] // separators are not canonical
    [InlineData("27903512151898X", InsError.Character)]
    [InlineData("279035121518990", InsError.Key)]
    [InlineData("279035121518900", InsError.Key)] // key 00 is never a key
    [InlineData("279035121518998", InsError.Key)] // nor 98
    [InlineData("185052a12345633", InsError.Character)] // lower case is lenient only (INS-6)
    [InlineData("185052C12345633", InsError.Character)]
    [InlineData("18505A212345633", InsError.Character)] // letter at the wrong position
    [InlineData("185053A12345633", InsError.Character)] // 3A is not Corsica
    [InlineData("２７９035121518989", InsError.Character)] // full-width digits
    [InlineData("٢٧٩035121518989", InsError.Character)] // Arabic-Indic digits
    public void Validate_ReturnsFirstError_AndTryParseAgrees(string text, InsError expected)
    {
        Assert.Equal(expected, InsMatricule.Validate(text));
        Assert.False(InsMatricule.TryParse(text, out InsMatricule ins));
        Assert.True(ins.IsDefault);
        InsFormatException ex = Assert.Throws<InsFormatException>(() => InsMatricule.Parse(text));
        Assert.Equal(expected, ex.Error);
    }

    [Fact]
    public void Validate_UnpairedSurrogate_Character()
    {
        // Built in code: xunit's data serialisation does not keep a lone surrogate intact.
        string text = "27903512151898" + '\uD800';
        Assert.Equal(15, text.Length);
        Assert.Equal(InsError.Character, InsMatricule.Validate(text));
        Assert.False(InsMatricule.TryParse(text, InsStyles.Lenient, out _));
        Assert.Equal(InsError.Character, InsMatricule.Validate("\uDC00" + "27903512151898"));
    }

    [Fact]
    public void Validate_LengthBeforeCharacter()
    {
        // Precedence of API.md: Empty → Length → Character → Key.
        Assert.Equal(InsError.Length, InsMatricule.Validate("abc"));
    }

    [Fact]
    public void TryParse_Null_RefusedWithoutThrowing()
    {
        Assert.False(InsMatricule.TryParse((string?)null, out _));
        Assert.False(InsMatricule.TryParse((string?)null, InsStyles.Lenient, out _));
    }

    [Fact]
    public void Parse_Null_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => InsMatricule.Parse((string)null!));
    }

    // INS-8: "G" (or "g", or none) is the canonical text, "M" (or "m") the masked one; any other format is refused.
    [Theory]
    [InlineData(null, "196097212345667")]
    [InlineData("", "196097212345667")]
    [InlineData("G", "196097212345667")]
    [InlineData("g", "196097212345667")]
    [InlineData("M", "1960972********")]
    [InlineData("m", "1960972********")]
    public void ToString_Formats(string? format, string expected)
    {
        Assert.Equal(expected, InsMatricule.Parse("196097212345667").ToString(format, CultureInfo.InvariantCulture));
        Assert.Throws<FormatException>(() => InsMatricule.Parse("196097212345667").ToString("X", CultureInfo.InvariantCulture));
    }

    // INS-8: the refusal of an unknown format names the formats there are, so the caller can mend the call.
    [Fact]
    public void ToString_UnknownFormat_MessageNamesTheFormats()
    {
        FormatException ex = Assert.Throws<FormatException>(() => InsMatricule.Parse("196097212345667").ToString("X", null));
        Assert.Contains("\"G\"", ex.Message, StringComparison.Ordinal);
        Assert.Contains("\"M\"", ex.Message, StringComparison.Ordinal);
    }

    // INS-1: the span overload is the canonical core, no style.
    [Fact]
    public void TryParse_Span_CanonicalOnly()
    {
        Assert.True(InsMatricule.TryParse("185052A12345633".AsSpan(), out InsMatricule corsican));
        Assert.Equal("185052A12345633", corsican.ToString());
        Assert.False(InsMatricule.TryParse("185052a12345633".AsSpan(), out InsMatricule refused));
        Assert.True(refused.IsDefault);
        Assert.False(InsMatricule.TryParse("1 85 05 2A 123 456 33".AsSpan(), out _));
    }

    [Fact]
    public void Parse_NullWithStyles_ThrowsArgumentNullException()
    {
        ArgumentNullException ex = Assert.Throws<ArgumentNullException>(() => InsMatricule.Parse((string)null!, InsStyles.Lenient));
        Assert.Equal("s", ex.ParamName);
    }

    [Fact]
    public void TryFormat_DestinationTooSmall_FalseAndNothingWritten()
    {
        InsMatricule ins = InsMatricule.Parse("279035121518989");
        Span<char> buffer = stackalloc char[14];
        buffer.Fill('x');
        Assert.False(ins.TryFormat(buffer, out int written));
        Assert.Equal(0, written);
        Assert.False(ins.TryFormat(buffer, out written, "M"));
        Assert.Equal(0, written);
        Assert.Equal(new string('x', 14), buffer.ToString());
    }

    // INS-1: a body of the wrong length and a body with a wrong character are told apart in the message.
    [Theory]
    [InlineData("123")]
    [InlineData("12345678901234")]
    public void ComputeKey_BodyOfWrongLength_MessageSaysThirteenCharacters(string body)
    {
        ArgumentException ex = Assert.Throws<ArgumentException>(() => InsMatricule.ComputeKey(body));
        Assert.Contains("13 characters", ex.Message, StringComparison.Ordinal);
        Assert.Equal("body", ex.ParamName);
    }

    [Fact]
    public void ComputeKey_BodyWithWrongCharacter_MessageSaysDigits()
    {
        ArgumentException ex = Assert.Throws<ArgumentException>(() => InsMatricule.ComputeKey("18505X1234563"));
        Assert.Contains("ASCII digits", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("13 characters", ex.Message, StringComparison.Ordinal);
    }

    // INS-1 precedence on UTF-8: 15 bytes of full-width digits are 5 characters, a Length error as the same UTF-16
    // text is; the bytes are never read one character each.
    [Fact]
    public void Validate_Utf8FifteenBytesOfFullWidthDigits_LengthAsInUtf16()
    {
        const string fullWidth = "\uFF11\uFF12\uFF13\uFF14\uFF15";
        byte[] utf8 = Encoding.UTF8.GetBytes(fullWidth);
        Assert.Equal(15, utf8.Length);
        Assert.Equal(InsError.Length, InsMatricule.Validate(fullWidth));
        Assert.Equal(InsError.Length, InsMatricule.Validate(utf8));
        Assert.Equal(InsError.Length, Assert.Throws<InsFormatException>(() => InsMatricule.Parse(utf8, InsStyles.IgnoreCase)).Error);
    }

    // INS-6: lenient UTF-8 input longer than 256 characters (white space around the matricule) is decoded whole.
    [Fact]
    public void TryParse_LenientUtf8LongerThan256Characters_Read()
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(new string(' ', 300) + "2 79 03 51 215 189 89\u00A0");
        Assert.True(InsMatricule.TryParse(utf8, InsStyles.Lenient, out InsMatricule ins));
        Assert.Equal("279035121518989", ins.ToString());
    }

    [Fact]
    public void TryParse_TenMegabytes_RefusedWithoutThrowing()
    {
        string huge = new('1', 10 * 1024 * 1024);
        Assert.False(InsMatricule.TryParse(huge, out _));
        Assert.False(InsMatricule.TryParse(huge, InsStyles.Lenient, out _));
        Assert.Equal(InsError.Length, InsMatricule.Validate(Encoding.UTF8.GetBytes(huge)));
        string spaces = new(' ', 10 * 1024 * 1024);
        Assert.Equal(InsError.Empty, InsMatricule.Validate(spaces, InsStyles.Lenient));
    }

    // INS-6: separators anywhere, any Unicode white space, lower-case Corsican letters.
    [Theory]
    [InlineData("2 79 03 51 215 189 89", "279035121518989")]
    [InlineData("  279035121518989\t", "279035121518989")]
    [InlineData("2.79.03.51.215.189-89", "279035121518989")]
    [InlineData("2\u00A079\u00A003\u00A051\u00A0215\u00A0189\u00A089", "279035121518989")] // non-breaking spaces
    [InlineData("2\u202F79\u202F03\u202F51\u202F215\u202F189\u202F89", "279035121518989")] // narrow no-break spaces
    [InlineData("1 85 05 2a 123 456 33", "185052A12345633")]
    [InlineData("2 91 03 2b 045 678 56", "291032B04567856")]
    public void TryParse_LenientForms_AcceptedAndCanonical(string typed, string canonical)
    {
        Assert.True(InsMatricule.TryParse(typed, InsStyles.Lenient, out InsMatricule ins));
        Assert.Equal(canonical, ins.ToString());
        Assert.False(InsMatricule.TryParse(typed, out _));
    }

    // INS-6 (0.2, decided here): invisible characters a copy from a web page or a PDF leaves between groups are separators.
    [Theory]
    [InlineData("2\u200B79\u200B03\u200B51\u200B215\u200B189\u200B89")] // zero-width space
    [InlineData("2\u00AD79\u00AD03\u00AD51\u00AD215\u00AD189\u00AD89")] // soft hyphen
    [InlineData("\uFEFF2 79 03 51 215\u2060189\u200C89\u200D")] // BOM, word joiner, ZWNJ, ZWJ
    public void TryParse_Lenient_InvisibleSeparators_Accepted(string typed)
    {
        Assert.True(InsMatricule.TryParse(typed, InsStyles.Lenient, out InsMatricule ins));
        Assert.Equal("279035121518989", ins.ToString());
        Assert.True(InsMatricule.TryParse(Encoding.UTF8.GetBytes(typed), InsStyles.Lenient, out InsMatricule utf8));
        Assert.Equal(ins, utf8);
        Assert.Equal(InsError.Length, InsMatricule.Validate(typed));
    }

    // INS-6 (0.2, decided here): '/' and '_' between groups are Character errors, never Length, even when also too long.
    [Theory]
    [InlineData("2/79/03/51/215/189/89")]
    [InlineData("2_79_03_51_215_189_89")]
    [InlineData("2 79 03 51 215 189/89")]
    [InlineData("279035121518989/")]
    [InlineData("/279035121518989")]
    [InlineData("2 79 03 51 215 189 89 12_")]
    [InlineData("2 79 03 51 215 189 89 1\u200B2/3")]
    public void Validate_Lenient_SlashOrUnderscore_CharacterNeverLength(string typed)
    {
        Assert.Equal(InsError.Character, InsMatricule.Validate(typed, InsStyles.Lenient));
        Assert.Equal(InsError.Character, InsMatricule.Validate(typed, InsStyles.AllowSeparators));
        Assert.Equal(InsError.Character, Assert.Throws<InsFormatException>(() => InsMatricule.Parse(typed, InsStyles.Lenient)).Error);
        Assert.Equal(InsError.Character, Assert.Throws<InsFormatException>(() => InsMatricule.Parse(Encoding.UTF8.GetBytes(typed), InsStyles.Lenient)).Error);
    }

    // INS-8, issue 16: the body on which the old substring-absence property failed by chance; masked by position.
    [Fact]
    public void ToMaskedString_Issue16Body_KeepsSevenPositions()
    {
        InsMatricule ins = InsMatricule.FromBody("0696144196069");
        Assert.Equal("0696144********", ins.ToMaskedString());
        Assert.Equal("19710971*******", InsMatricule.FromBody("1971097101234").ToMaskedString());
    }

    [Fact]
    public void TryParse_StylesAreSeparate()
    {
        Assert.False(InsMatricule.TryParse("185052a12345633", InsStyles.AllowSeparators, out _));
        Assert.True(InsMatricule.TryParse("185052a12345633", InsStyles.IgnoreCase, out _));
        Assert.False(InsMatricule.TryParse("1 85 05 2A 123 456 33", InsStyles.IgnoreCase, out _));
        Assert.False(InsMatricule.TryParse("1_85_05_2A_123_456_33", InsStyles.Lenient, out _));
    }

    [Fact]
    public void Fields_Decoded()
    {
        InsMatricule ins = InsMatricule.Parse("196097212345667");
        Assert.Equal(Sex.Male, ins.Sex);
        Assert.Equal(96, ins.BirthYearOfCentury);
        Assert.Equal(9, ins.BirthMonth);
        Assert.Equal("72", ins.BirthDepartment);
        Assert.Equal(456, ins.OrderNumber);
        Assert.Equal(67, ins.Key);
        Assert.Equal(InsAnomalies.None, ins.Anomalies);
        Assert.Equal("72123", ins.BirthPlace.InseeCode);
    }

    [Theory]
    [InlineData("2870197101234", "971", BirthPlaceKind.Overseas, "01", "", "97101")]
    [InlineData("1940399350123", "99", BirthPlaceKind.Abroad, "", "350", "99350")]
    [InlineData("1750220012345", "20", BirthPlaceKind.Corsica, "012", "", "20012")]
    [InlineData("1850572000027", "72", BirthPlaceKind.MetropolitanDepartment, "000", "", "72000")]
    [InlineData("1850500012345", "00", BirthPlaceKind.Unexpected, "012", "", "00012")]
    [InlineData("1850597012345", "970", BirthPlaceKind.Unexpected, "12", "", "97012")]
    [InlineData("1850598812345", "988", BirthPlaceKind.Overseas, "12", "", "98812")]
    [InlineData("1850599000345", "99", BirthPlaceKind.Unexpected, "", "000", "99000")]
    public void BirthPlace_Decoded(string body, string department, BirthPlaceKind kind, string commune, string country, string insee)
    {
        InsMatricule ins = InsMatricule.FromBody(body);
        Assert.Equal(department, ins.BirthDepartment);
        Assert.Equal(department, ins.BirthPlace.Department);
        Assert.Equal(kind, ins.BirthPlace.Kind);
        Assert.Equal(commune, ins.BirthPlace.Commune);
        Assert.Equal(country, ins.BirthPlace.Country);
        Assert.Equal(insee, ins.BirthPlace.InseeCode);
    }

    // INS-3 / INS-4: oddities are reported and never refuse the value.
    [Theory]
    [InlineData("3960972123456", InsAnomalies.UnexpectedSex)]
    [InlineData("1960072123456", InsAnomalies.InvalidMonth)]
    [InlineData("1961372123456", InsAnomalies.InvalidMonth)]
    [InlineData("1961972123456", InsAnomalies.InvalidMonth)]
    [InlineData("1962072123456", InsAnomalies.UnknownMonth)]
    [InlineData("1969972123456", InsAnomalies.UnknownMonth)]
    [InlineData("1961200012345", InsAnomalies.UnexpectedPlace)]
    [InlineData("0960096012345", InsAnomalies.UnexpectedSex | InsAnomalies.InvalidMonth | InsAnomalies.UnexpectedPlace)]
    public void Anomalies_ReportedNotRefused(string body, InsAnomalies expected)
    {
        string text = InsGenerators.WithKey(body, InsGenerators.ReferenceKey(body));
        Assert.True(InsMatricule.TryParse(text, out InsMatricule ins));
        Assert.Equal(expected, ins.Anomalies);
    }

    [Theory]
    [InlineData("3960972123456", Sex.Unknown, 9)]
    [InlineData("1960072123456", Sex.Male, null)]
    [InlineData("2962572123456", Sex.Female, null)]
    [InlineData("1961272123456", Sex.Male, 12)]
    public void SexAndMonth_OddCodes_GiveUnknownAndNull(string body, Sex sex, int? month)
    {
        InsMatricule ins = InsMatricule.FromBody(body);
        Assert.Equal(sex, ins.Sex);
        Assert.Equal(month, ins.BirthMonth);
    }

    [Theory]
    [InlineData("")]
    [InlineData("123")]
    [InlineData("12345678901234")]
    [InlineData("1234567890123X")]
    [InlineData("185052a123456")]
    [InlineData("1850520123４56")]
    public void ComputeKey_MalformedBody_ThrowsArgumentExceptionWithoutTheBody(string body)
    {
        ArgumentException ex = Assert.Throws<ArgumentException>(() => InsMatricule.ComputeKey(body));
        if (body.Length > 0)
        {
            Assert.DoesNotContain(body, ex.Message, StringComparison.Ordinal);
        }

        Assert.Throws<ArgumentException>(() => InsMatricule.FromBody(body));
    }

    [Fact]
    public void ToMaskedString_KeepsSexYearMonthDepartmentOnly()
    {
        Assert.Equal("1960972********", InsMatricule.Parse("196097212345667").ToMaskedString());
        Assert.Equal("28701971*******", InsMatricule.Parse("287019710123452").ToMaskedString());
        Assert.Equal("185052A********", InsMatricule.Parse("185052A12345633").ToMaskedString());
        Assert.Equal("1960972********", InsMatricule.Parse("196097212345667").ToString("M", null));
    }

    [Fact]
    public void Default_IsDocumentedEmptyValue()
    {
        InsMatricule none = default;
        Assert.True(none.IsDefault);
        Assert.Equal(string.Empty, none.ToString());
        Assert.Equal(string.Empty, none.ToMaskedString());
        Assert.Equal(string.Empty, none.BirthDepartment);
        Assert.Equal(Sex.Unknown, none.Sex);
        Assert.Equal(0, none.Key);
        Assert.Equal(BirthPlaceKind.Unknown, none.BirthPlace.Kind);
        Assert.Equal(InsAnomalies.None, none.Anomalies);
        Assert.True(none.TryFormat(Span<char>.Empty, out int written));
        Assert.Equal(0, written);
        Assert.NotEqual(none, InsMatricule.Parse("279035121518989"));
    }

    [Fact]
    public void Equality_ByValue()
    {
        InsMatricule a = InsMatricule.Parse("185052A12345633");
        InsMatricule b = InsMatricule.Parse("1 85 05 2a 123 456 33", InsStyles.Lenient);
        InsMatricule c = InsMatricule.Parse("291032B04567856");
        Assert.True(a == b);
        Assert.False(a != b);
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.True(a != c);
        // 2A is not the same body as 19 at positions 6-7, though both read as the same number (INS-2).
        InsMatricule nineteen = InsMatricule.FromBody("1850519123456");
        Assert.Equal(a.Key, nineteen.Key);
        Assert.NotEqual(a, nineteen);
        Assert.Equal("1850519123456", nineteen.ToString().Substring(0, 13));
    }

    [Fact]
    public void Exceptions_NeverCarryTheMatricule()
    {
        const string text = "279035121518990"; // wrong key
        InsFormatException ex = Assert.Throws<InsFormatException>(() => InsMatricule.Parse(text));
        Assert.DoesNotContain("2790351215189", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("2790351215189", ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("2790351215189", InsError.Key.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void DebuggerDisplay_IsMasked()
    {
        var attribute = (System.Diagnostics.DebuggerDisplayAttribute)Attribute.GetCustomAttribute(typeof(InsMatricule), typeof(System.Diagnostics.DebuggerDisplayAttribute))!;
        Assert.Contains("ToMaskedString", attribute.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Utf8_ParseAndFormat()
    {
        Assert.True(InsMatricule.TryParse("279035121518989"u8, out InsMatricule ins));
        Span<byte> buffer = stackalloc byte[15];
        Assert.True(ins.TryFormat(buffer, out int written));
        Assert.Equal("279035121518989", Encoding.ASCII.GetString(buffer.Slice(0, written)));
        Assert.False(ins.TryFormat(stackalloc byte[14], out _));
        Assert.True(InsMatricule.TryParse("1 85 05 2a 123 456 33"u8, InsStyles.Lenient, out InsMatricule corsican));
        Assert.Equal("185052A12345633", corsican.ToString());
        Assert.True(InsMatricule.TryParse(Encoding.UTF8.GetBytes("2\u00A079 03 51 215 189 89"), InsStyles.Lenient, out _));
        Assert.Equal(InsError.Character, InsMatricule.Validate(Encoding.UTF8.GetBytes("２７９035121518989")));
        Assert.Equal(InsError.Character, InsMatricule.Validate(new byte[] { 0xFF, 0x32, 0x37, 0x39, 0x30, 0x33, 0x35, 0x31, 0x32, 0x31, 0x35, 0x31, 0x38, 0x39, 0x38 }));
        Assert.Equal(InsError.Empty, InsMatricule.Validate(ReadOnlySpan<byte>.Empty));
    }

    // INS-1 precedence Empty → Length → Character on UTF-8 too: invalid bytes count as one character each, as the
    // U+FFFD of the same text in UTF-16 does, so a wrong length is reported before the bad byte.
    [Fact]
    public void Utf8_InvalidBytes_LengthBeforeCharacter()
    {
        byte[] twenty = [.. "27903512151898912345"u8, 0xFF];
        Assert.Equal(InsError.Length, InsMatricule.Validate(twenty));
        Assert.Equal(InsError.Length, InsMatricule.Validate("27903512151898912345�"));
        Assert.Equal(InsError.Length, InsMatricule.Validate([.. "2790351215189"u8, 0xFF, 0xFE, 0x38, 0x39]));
        // 0.2, INS-6: in lenient style a stray character is a Character error whatever the length, in UTF-8 as in UTF-16.
        byte[] lenientSixteen = [.. "2 79 03 51 215 189 89 "u8, 0xFF];
        Assert.Equal(InsError.Character, Assert.Throws<InsFormatException>(() => InsMatricule.Parse(lenientSixteen, InsStyles.Lenient)).Error);
        Assert.Equal(InsError.Character, InsMatricule.Validate("2 79 03 51 215 189 89 \uFFFD", InsStyles.Lenient));
        Assert.Equal(InsError.Length, InsMatricule.Validate("2 79 03 51 215 189 89 1", InsStyles.Lenient));
        byte[] lenientFifteen = [.. "2 79 03 51 215 189 8"u8, 0xFF];
        Assert.Equal(InsError.Character, Assert.Throws<InsFormatException>(() => InsMatricule.Parse(lenientFifteen, InsStyles.Lenient)).Error);
        Assert.False(InsMatricule.TryParse([.. "2 79 03 51 215 189 8"u8, 0xC3], InsStyles.Lenient, out InsMatricule refused));
        Assert.True(refused.IsDefault);
    }

    [Fact]
    public void ModernInterfaces_Implemented()
    {
        Assert.Equal("279035121518989", ParseGeneric<InsMatricule>("279035121518989").ToString());
        Assert.Equal("279035121518989", ParseUtf8Generic<InsMatricule>("279035121518989"u8).ToString());
        ISpanFormattable formattable = InsMatricule.Parse("279035121518989");
        Span<char> chars = stackalloc char[20];
        Assert.True(formattable.TryFormat(chars, out int written, "M", null));
        Assert.Equal("2790351********", chars.Slice(0, written).ToString());
        Assert.Throws<FormatException>(() => InsMatricule.Parse("279035121518989").ToString("X", null));
    }

    private static T ParseGeneric<T>(string s)
        where T : ISpanParsable<T> => T.Parse(s.AsSpan(), null);

    private static T ParseUtf8Generic<T>(ReadOnlySpan<byte> s)
        where T : IUtf8SpanParsable<T> => T.Parse(s, null);
}
