using System.Text;

namespace Mss.Core.Tests;

/// <summary>ADDR-6: addresses as people type them, by table; the precedence of errors for decorated text (decided here).</summary>
public class AddressStylesTest
{
    private const AddressStyles Lenient = AddressStyles.Lenient;

    // Accepted with AddressStyles.Lenient: the input as typed, and the canonical address written by hand.
    [Theory]
    // ADDR-6 white space: any Unicode white space around the address.
    [InlineData(" Dr.Durand@CH-LeMans.MSSante.fr ", "Dr.Durand@ch-lemans.mssante.fr")]
    [InlineData("\t\r\n jean@ch.mssante.fr\r\n", "jean@ch.mssante.fr")]
    [InlineData("\u00A0jean@ch.mssante.fr\u3000", "jean@ch.mssante.fr")]
    [InlineData("\u2003\u202F\u205F\u1680jean@ch.mssante.fr\u2028\u2029\u0085\u000B\u000C", "jean@ch.mssante.fr")]
    // ADDR-6 display names, plain and quoted, and bare angle brackets.
    [InlineData("Dr Jean Durand <dr.durand@ch-lemans.mssante.fr>", "dr.durand@ch-lemans.mssante.fr")]
    [InlineData("Dr. Jean Durand (CH Le Mans) <dr.durand@ch-lemans.mssante.fr>", "dr.durand@ch-lemans.mssante.fr")]
    [InlineData("\"Durand, Jean\" <Jean.Durand@CH.mssante.fr>", "Jean.Durand@ch.mssante.fr")]
    [InlineData("\"Dr \\\"Jo\\\" Durand <jo@x.fr>; @home\" <jo@ch.mssante.fr>", "jo@ch.mssante.fr")]
    [InlineData("Jean \"le docteur\" Durand<jean@ch.mssante.fr>", "jean@ch.mssante.fr")]
    [InlineData("Hélène Müller <helene.muller@ch.mssante.fr>", "helene.muller@ch.mssante.fr")]
    [InlineData("<jean@ch.mssante.fr>", "jean@ch.mssante.fr")]
    [InlineData("  < jean@ch.mssante.fr >  ", "jean@ch.mssante.fr")]
    [InlineData("\"\" <jean@ch.mssante.fr>", "jean@ch.mssante.fr")]
    // ADDR-6 mailto: in any case, bare or inside the brackets.
    [InlineData("mailto:jean@ch.mssante.fr", "jean@ch.mssante.fr")]
    [InlineData("MAILTO:jean@ch.mssante.fr", "jean@ch.mssante.fr")]
    [InlineData("MailTo:Jean@CH.mssante.fr", "Jean@ch.mssante.fr")]
    [InlineData("<mailto:jean@ch.mssante.fr>", "jean@ch.mssante.fr")]
    [InlineData(" Jean Durand < mailto:jean@ch.mssante.fr > ", "jean@ch.mssante.fr")]
    // ADDR-6 / INS-6: lower-case 2a/2b in a patient INS, whatever else decorates it; canonical INS upper case.
    [InlineData("185052a12345633@patient.mssante.fr", "185052A12345633@patient.mssante.fr")]
    [InlineData("185052b12345660@PATIENT.MSSANTE.FR", "185052B12345660@patient.mssante.fr")]
    [InlineData(" Patient <mailto:185052a12345633@Patient.MSSante.fr> ", "185052A12345633@patient.mssante.fr")]
    [InlineData("279035121518989@patient.mssante.fr", "279035121518989@patient.mssante.fr")]
    // IgnoreCase is about the patient INS only: a professional local part keeps its case as typed.
    [InlineData("185052a12345633@ch.mssante.fr", "185052a12345633@ch.mssante.fr")]
    // ADDR-3 (0.2) underscores, decorated.
    [InlineData("Jean Dupont <jean.dupont@ehpad_dumoulin.mssante.fr>", "jean.dupont@ehpad_dumoulin.mssante.fr")]
    public void Lenient_Accepted_Canonical(string typed, string canonical)
    {
        Assert.Equal(AddressError.None, MssAddress.Validate(typed.AsSpan(), Lenient));
        Assert.Equal(AddressError.None, MssAddress.Validate(Encoding.UTF8.GetBytes(typed), Lenient));
        Assert.True(MssAddress.TryParse(typed, Lenient, out MssAddress fromString));
        Assert.True(MssAddress.TryParse(typed.AsSpan(), Lenient, out MssAddress fromSpan));
        Assert.True(MssAddress.TryParse(Encoding.UTF8.GetBytes(typed), Lenient, out MssAddress fromUtf8));
        Assert.Equal(canonical, fromString.ToString());
        Assert.Equal(canonical, fromSpan.ToString());
        Assert.Equal(canonical, fromUtf8.ToString());
        Assert.Equal(canonical, MssAddress.Parse(typed, Lenient).ToString());
        Assert.Equal(canonical, MssAddress.Parse(typed.AsSpan(), Lenient).ToString());
        Assert.Equal(canonical, MssAddress.Parse(Encoding.UTF8.GetBytes(typed), Lenient).ToString());
        Assert.Equal(MssAddress.Parse(canonical), fromString);
    }

    // Refused with AddressStyles.Lenient, with the error by the precedence documented on Validate(s, styles).
    [Theory]
    // Nothing typed: Empty.
    [InlineData("", AddressError.Empty)]
    [InlineData(" \t\u00A0\u3000 ", AddressError.Empty)]
    [InlineData("<>", AddressError.Empty)]
    [InlineData("Jean <  >", AddressError.Empty)]
    [InlineData("mailto:", AddressError.Empty)]
    [InlineData(" <MAILTO:> ", AddressError.Empty)]
    // A decoration that does not frame exactly one address: Syntax, whatever the address.
    [InlineData("Jean <jean@ch.mssante.fr", AddressError.Syntax)]
    [InlineData("Jean jean@ch.mssante.fr>", AddressError.Syntax)]
    [InlineData("<jean@ch.mssante.fr> Jean", AddressError.Syntax)]
    [InlineData("<<jean@ch.mssante.fr>>", AddressError.Syntax)]
    [InlineData("Jean <", AddressError.Syntax)]
    [InlineData("\"Durand <jean@ch.mssante.fr>", AddressError.Syntax)]
    [InlineData("Durand, Jean <jean@ch.mssante.fr>", AddressError.Syntax)]
    [InlineData("Team: <jean@ch.mssante.fr>", AddressError.Syntax)]
    [InlineData("Jean > <jean@ch.mssante.fr>", AddressError.Syntax)]
    [InlineData("Jean <" + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" + "@ch.mssante.fr", AddressError.Syntax)]
    // ADDR-6: two addresses are refused, however they are written.
    [InlineData("a@ch.mssante.fr, b@ch.mssante.fr", AddressError.Syntax)]
    [InlineData("a@ch.mssante.fr;b@ch.mssante.fr", AddressError.Syntax)]
    [InlineData("a@ch.mssante.fr b@ch.mssante.fr", AddressError.Syntax)]
    [InlineData("Jean <a@ch.mssante.fr>, Paul <b@ch.mssante.fr>", AddressError.Syntax)]
    [InlineData("<a@ch.mssante.fr> <b@ch.mssante.fr>", AddressError.Syntax)]
    [InlineData("a@ch.mssante.fr <b@ch.mssante.fr>", AddressError.Syntax)]
    [InlineData("mailto:a@ch.mssante.fr,b@ch.mssante.fr", AddressError.Syntax)]
    // mailto: once, no query, nothing between it and the address.
    [InlineData("mailto:jean@ch.mssante.fr?subject=CR", AddressError.Syntax)]
    [InlineData("mailto:mailto:jean@ch.mssante.fr", AddressError.Syntax)]
    [InlineData("mailto: jean@ch.mssante.fr", AddressError.Syntax)]
    [InlineData("mailto:<jean@ch.mssante.fr>", AddressError.Syntax)]
    [InlineData("mailto:Jean <jean@ch.mssante.fr>", AddressError.Syntax)]
    // White space is Unicode white space only: zero-width space and BOM are not, and nothing inside the address.
    [InlineData("\u200Bjean@ch.mssante.fr", AddressError.Syntax)]
    [InlineData("\uFEFFjean@ch.mssante.fr", AddressError.Syntax)]
    [InlineData("jean @ch.mssante.fr", AddressError.Syntax)]
    [InlineData("jean@ch.mssante.fr\u0000", AddressError.Syntax)]
    // The bare address gets the strict verdict: TooLong, Syntax, NotMssante, InvalidPatientIns.
    [InlineData("Jean <" + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" + "@ch.mssante.fr>", AddressError.TooLong)]
    [InlineData("Jean <\"jean\"@ch.mssante.fr>", AddressError.Syntax)]
    [InlineData("Jean <jean@mssanté.fr>", AddressError.Syntax)]
    [InlineData(" Jean <jean@gmail.com> ", AddressError.NotMssante)]
    [InlineData("mailto:jean@mssante.fr.evil.com", AddressError.NotMssante)]
    [InlineData("<x@notmssante.fr>", AddressError.NotMssante)]
    [InlineData("185052a12345634@patient.mssante.fr", AddressError.InvalidPatientIns)]
    [InlineData("185052c12345633@patient.mssante.fr", AddressError.InvalidPatientIns)]
    [InlineData("18505a212345633@patient.mssante.fr", AddressError.InvalidPatientIns)]
    [InlineData("2 79 03 51 215 189 89@patient.mssante.fr", AddressError.Syntax)]
    [InlineData("Patient <279035121518990@patient.mssante.fr>", AddressError.InvalidPatientIns)]
    public void Lenient_Refused_ByPrecedence(string typed, AddressError expected)
    {
        Assert.Equal(expected, MssAddress.Validate(typed.AsSpan(), Lenient));
        Assert.Equal(expected, MssAddress.Validate(Encoding.UTF8.GetBytes(typed), Lenient));
        Assert.False(MssAddress.TryParse(typed, Lenient, out MssAddress result));
        Assert.True(result.IsDefault);
        Assert.False(MssAddress.TryParse(typed.AsSpan(), Lenient, out _));
        Assert.False(MssAddress.TryParse(Encoding.UTF8.GetBytes(typed), Lenient, out _));
        Assert.Equal(expected, Assert.Throws<MssAddressFormatException>(() => MssAddress.Parse(typed, Lenient)).Error);
        Assert.Equal(expected, Assert.Throws<MssAddressFormatException>(() => MssAddress.Parse(Encoding.UTF8.GetBytes(typed), Lenient)).Error);
    }

    // Each style alone allows its own decoration and no other (ADDR-6); None is strict (ADDR-3), the default.
    [Theory]
    [InlineData(" jean@ch.mssante.fr ", AddressStyles.AllowWhiteSpace, AddressError.None)]
    [InlineData(" jean@ch.mssante.fr ", AddressStyles.AllowDisplayName | AddressStyles.AllowMailto | AddressStyles.IgnoreCase, AddressError.Syntax)]
    [InlineData("<jean@ch.mssante.fr>", AddressStyles.AllowDisplayName, AddressError.None)]
    [InlineData("<jean@ch.mssante.fr>", AddressStyles.AllowWhiteSpace | AddressStyles.AllowMailto | AddressStyles.IgnoreCase, AddressError.Syntax)]
    [InlineData("Jean Durand <jean@ch.mssante.fr>", AddressStyles.AllowDisplayName, AddressError.None)]
    [InlineData("<jean@ch.mssante.fr> ", AddressStyles.AllowDisplayName, AddressError.Syntax)]
    [InlineData("< jean@ch.mssante.fr>", AddressStyles.AllowDisplayName, AddressError.Syntax)]
    [InlineData("< jean@ch.mssante.fr>", AddressStyles.AllowDisplayName | AddressStyles.AllowWhiteSpace, AddressError.None)]
    [InlineData("mailto:jean@ch.mssante.fr", AddressStyles.AllowMailto, AddressError.None)]
    [InlineData("mailto:jean@ch.mssante.fr", AddressStyles.AllowWhiteSpace | AddressStyles.AllowDisplayName | AddressStyles.IgnoreCase, AddressError.Syntax)]
    [InlineData("<mailto:jean@ch.mssante.fr>", AddressStyles.AllowMailto, AddressError.Syntax)]
    [InlineData(" mailto:jean@ch.mssante.fr", AddressStyles.AllowMailto, AddressError.Syntax)]
    [InlineData("185052a12345633@patient.mssante.fr", AddressStyles.IgnoreCase, AddressError.None)]
    [InlineData("185052a12345633@patient.mssante.fr", AddressStyles.AllowWhiteSpace | AddressStyles.AllowDisplayName | AddressStyles.AllowMailto, AddressError.InvalidPatientIns)]
    [InlineData(" 185052a12345633@patient.mssante.fr", AddressStyles.IgnoreCase, AddressError.Syntax)]
    [InlineData(" ", AddressStyles.AllowDisplayName, AddressError.Syntax)]
    [InlineData(" ", AddressStyles.AllowWhiteSpace, AddressError.Empty)]
    [InlineData("", AddressStyles.None, AddressError.Empty)]
    [InlineData(" jean@ch.mssante.fr", AddressStyles.None, AddressError.Syntax)]
    [InlineData("jean@ch.mssante.fr", AddressStyles.None, AddressError.None)]
    // Bits outside Lenient are ignored, never an exception (Try… never throws).
    [InlineData(" jean@ch.mssante.fr", (AddressStyles)16, AddressError.Syntax)]
    [InlineData(" jean@ch.mssante.fr", (AddressStyles)(-1), AddressError.None)]
    public void EachStyle_AllowsItsOwnDecoration(string typed, AddressStyles styles, AddressError expected)
    {
        Assert.Equal(expected, MssAddress.Validate(typed.AsSpan(), styles));
        Assert.Equal(expected, MssAddress.Validate(Encoding.UTF8.GetBytes(typed), styles));
        Assert.Equal(expected == AddressError.None, MssAddress.TryParse(typed, styles, out _));
        Assert.Equal(expected == AddressError.None, MssAddress.TryParse(Encoding.UTF8.GetBytes(typed), styles, out _));
    }

    // UTF-8 white space at the edges is decoded as the decoder does: an invalid or over-long sequence is not white space.
    [Theory]
    [InlineData(new byte[] { 0xC2, 0xA0 }, AddressError.None)]              // U+00A0
    [InlineData(new byte[] { 0xE3, 0x80, 0x80 }, AddressError.None)]        // U+3000
    [InlineData(new byte[] { 0xE2, 0x80, 0xA8 }, AddressError.None)]        // U+2028
    [InlineData(new byte[] { 0xC2 }, AddressError.Syntax)]                  // truncated
    [InlineData(new byte[] { 0xE0, 0x80, 0xA0 }, AddressError.Syntax)]      // over-long U+0020
    [InlineData(new byte[] { 0xC0, 0xA0 }, AddressError.Syntax)]            // over-long U+0020
    [InlineData(new byte[] { 0xA0 }, AddressError.Syntax)]                  // lone continuation byte
    [InlineData(new byte[] { 0xE2, 0x80, 0x8B }, AddressError.Syntax)]      // U+200B zero-width space
    [InlineData(new byte[] { 0xE2, 0x80, 0xA8, 0x80 }, AddressError.Syntax)] // U+2028 then a stray continuation byte
    public void Utf8WhiteSpace_AtEitherEnd_DecodedLikeUtf16(byte[] space, AddressError expected)
    {
        byte[] address = Encoding.ASCII.GetBytes("jean@ch.mssante.fr");
        byte[] before = [.. space, .. address];
        byte[] after = [.. address, .. space];
        Assert.Equal(expected, MssAddress.Validate(before, Lenient));
        Assert.Equal(expected, MssAddress.Validate(after, Lenient));
        Assert.Equal(MssAddress.Validate(Encoding.UTF8.GetString(before).AsSpan(), Lenient), MssAddress.Validate(before, Lenient));
        Assert.Equal(MssAddress.Validate(Encoding.UTF8.GetString(after).AsSpan(), Lenient), MssAddress.Validate(after, Lenient));
    }

    // INS-8: a refused lenient parse says why, never the INS.
    [Fact]
    public void Parse_Refused_ExceptionCarriesErrorNotIns()
    {
        MssAddressFormatException e = Assert.Throws<MssAddressFormatException>(() => MssAddress.Parse(" Patient <185052a12345634@patient.mssante.fr> ", Lenient));
        Assert.Equal(AddressError.InvalidPatientIns, e.Error);
        Assert.DoesNotContain("1850", e.ToString(), StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => MssAddress.Parse((string)null!, Lenient));
        Assert.False(MssAddress.TryParse((string?)null, Lenient, out MssAddress none));
        Assert.True(none.IsDefault);
    }

    // A string that is already the canonical bare address is held as it is, styles or not.
    [Fact]
    public void TryParse_CanonicalString_IsHeldAsIs()
    {
        string text = "secretariat@ch-nord.mssante.fr";
        Assert.True(MssAddress.TryParse(text, Lenient, out MssAddress a));
        Assert.Same(text, a.ToString());
    }

#if !DEBUG
    // Release only (issue 27): Debug builds allocate where Release does not; the measurement is in the benchmarks.
    // ADDR-6: Validate with styles allocates nothing, on UTF-16 and UTF-8, decorated or not.
    [Fact]
    public void Validate_WithStyles_AllocatesNothing()
    {
        string[] inputs =
        [
            " Dr.Durand@CH-LeMans.MSSante.fr ",
            "\"Durand, Jean\" <jean.durand@ch.mssante.fr>",
            "<mailto:185052a12345633@patient.mssante.fr>",
            "\u3000Jean <jean@gmail.com>",
            "Jean <jean@ch.mssante.fr",
            "279035121518989@patient.mssante.fr",
        ];
        byte[][] utf8 = inputs.Select(Encoding.UTF8.GetBytes).ToArray();
        Assert.Equal(0, Allocations.Measure(Run, 100, out int[] results));
        Assert.All(results, r => Assert.Equal(8, r));

        int Run()
        {
            int valid = 0;
            for (int i = 0; i < inputs.Length; i++)
            {
                valid += MssAddress.Validate(inputs[i].AsSpan(), Lenient) == AddressError.None ? 1 : 0;
                valid += MssAddress.Validate(utf8[i], Lenient) == AddressError.None ? 1 : 0;
            }

            return valid;
        }
    }
#endif
}
