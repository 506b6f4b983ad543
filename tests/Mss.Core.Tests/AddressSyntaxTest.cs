using System.Text;

namespace Mss.Core.Tests;

// The internal parsing core of MssAddress (ADDR-1…ADDR-3). MssAddressTest and MssAddressPropertyTest check its verdicts
// on every path and that the paths agree. Agreement cannot show that a fast path decides what it is built for (one that
// declined everything would agree with the scalar pass, only slowly), so the fast paths are called here directly; so
// are the small helpers MssDomain shares.
public class AddressSyntaxTest
{
    // ADDR-2 / INS-2: plain-digit patient addresses in any case, with 0 and 9 among the first eight digits and 9 among
    // the last seven (the two halves are read apart), keys right and wrong.
    public static TheoryData<string, AddressError> PatientShapes => new()
    {
        { "279035121518989@patient.mssante.fr", AddressError.None },
        { "279035121518989@PATIENT.MSSANTE.FR", AddressError.None },
        { "196097212345667@Patient.MsSante.Fr", AddressError.None },
        { "185057212302897@pAtIeNt.mSsAnTe.fR", AddressError.None },
        { "279035121518990@patient.mssante.fr", AddressError.InvalidPatientIns },
        { "185057212302800@PATIENT.mssante.fr", AddressError.InvalidPatientIns },
    };

    // Not the plain-digit patient shape: the fast patient paths hand these over to the general passes.
    public static TheoryData<string> NotPatientShapes => new()
    {
        "185052A12345633@patient.mssante.fr",
        "279035121518989@patient.mssante.fx",
        "279035121518989@patient-mssante.fr",
        "279035121518989#patient.mssante.fr",
        "27903512151898 @patient.mssante.fr",
        "x79035121518989@patient.mssante.fr",
    };

    [Theory]
    [MemberData(nameof(PatientShapes))]
    public void TryPatientScalar_PlainDigitPatientAddress_Decided(string text, AddressError expected)
    {
        Assert.Equal(AddressSyntax.PatientLength, text.Length);
        Assert.True(AddressSyntax.TryPatientScalar(text, out AddressError error, out InsMatricule ins));
        Assert.Equal(expected, error);
        Assert.Equal(expected == AddressError.None ? text.Substring(0, 15) : string.Empty, ins.ToString());
    }

    [Theory]
    [MemberData(nameof(PatientShapes))]
    public void TryPatientVector_PlainDigitPatientAddress_Decided(string text, AddressError expected)
    {
        Assert.Equal(AddressSyntax.PatientLength, text.Length); // the vector paths read exactly this many units
        string matricule = expected == AddressError.None ? text.Substring(0, 15) : string.Empty;
        byte[] utf8 = Encoding.ASCII.GetBytes(text);

        Assert.True(AddressSyntax.TryPatientUtf16(text, wantIns: true, out AddressError error, out InsMatricule ins));
        Assert.Equal(expected, error);
        Assert.Equal(matricule, ins.ToString());
        Assert.True(AddressSyntax.TryPatientUtf16(text, wantIns: false, out error, out ins));
        Assert.Equal(expected, error);
        Assert.True(ins.IsDefault);

        Assert.True(AddressSyntax.TryPatientUtf8(utf8, wantIns: true, out error, out ins));
        Assert.Equal(expected, error);
        Assert.Equal(matricule, ins.ToString());
        Assert.True(AddressSyntax.TryPatientUtf8(utf8, wantIns: false, out error, out ins));
        Assert.Equal(expected, error);
        Assert.True(ins.IsDefault);
    }

    [Theory]
    [MemberData(nameof(NotPatientShapes))]
    public void TryPatient_OtherShape_NotDecided(string text)
    {
        Assert.Equal(AddressSyntax.PatientLength, text.Length);
        Assert.False(AddressSyntax.TryPatientScalar(text, out _, out InsMatricule ins));
        Assert.True(ins.IsDefault);
        Assert.False(AddressSyntax.TryPatientUtf16(text, wantIns: true, out _, out ins));
        Assert.True(ins.IsDefault);
        Assert.False(AddressSyntax.TryPatientUtf8(Encoding.ASCII.GetBytes(text), wantIns: true, out _, out ins));
        Assert.True(ins.IsDefault);
    }

    // ADDR-1…ADDR-3: every ASCII text of 16 to 254 units outside the patient domain is decided by the general vector
    // pass, whatever the verdict.
    public static TheoryData<string, AddressError> GeneralShapes => new()
    {
        { "jean.dupont@ch-nord.mssante.fr", AddressError.None },
        { "Dr.Claire@CHU-Lyon.MSSante.fr", AddressError.None },
        { "secretariat@ehpad_dumoulin.mssante.fr", AddressError.None },
        // 18 characters starting with p, like patient.mssante.fr, but not it.
        { "accueil@pharmac.mssante.fr", AddressError.None },
        { "accueil@PHARMAC.mssante.fr", AddressError.None },
        { "jean.dupont.ch-nord.mssante.fr", AddressError.Syntax },
        { new string('l', 65) + "@ch.mssante.fr", AddressError.TooLong },
        { "jean..dupont@ch.mssante.fr", AddressError.Syntax },
        { "jean.dupont@mssante.fr", AddressError.NotMssante },
        { "jean.dupont@ch-nord.gmail.com", AddressError.NotMssante },
    };

    [Theory]
    [MemberData(nameof(GeneralShapes))]
    public void TryGeneral_AsciiAddress_Decided(string text, AddressError expected)
    {
        int expectedAt = expected == AddressError.None ? text.IndexOf('@', StringComparison.Ordinal) : -1;
        bool expectedUpper = expected == AddressError.None && text.Substring(expectedAt + 1).Any(char.IsUpper);

        Assert.True(AddressSyntax.TryGeneral(text.AsSpan(), out AddressError error, out int at, out bool upper));
        Assert.Equal((expected, expectedAt, expectedUpper), (error, at, upper));

        Assert.True(AddressSyntax.TryGeneral<byte>(Encoding.ASCII.GetBytes(text), out error, out at, out upper));
        Assert.Equal((expected, expectedAt, expectedUpper), (error, at, upper));
    }

    [Theory]
    [InlineData("jean.dupönt@ch.mssante.fr")]
    [InlineData("185052A12345633@patient.mssante.fr")]
    [InlineData("185052A12345633@PATIENT.mssante.fr")]
    public void TryGeneral_NonAsciiOrPatientDomain_NotDecided(string text)
    {
        Assert.False(AddressSyntax.TryGeneral(text.AsSpan(), out _, out _, out _));
        Assert.False(AddressSyntax.TryGeneral<byte>(Encoding.UTF8.GetBytes(text), out _, out _, out _));
    }

    // ADDR-3: U+0080 is the first character past the ASCII class table, in the local part and in the domain.
    [Fact]
    public void CheckScalar_FirstNonAsciiCharacter_Syntax()
    {
        Assert.Equal(AddressError.Syntax, AddressSyntax.CheckScalar("jean\u0080@ch.mssante.fr", out _, out _, out _));
        Assert.Equal(AddressError.Syntax, AddressSyntax.CheckScalar("jean@ch\u0080.mssante.fr", out _, out _, out _));
        Assert.Equal(AddressError.Syntax, MssAddress.Validate("jean@ch\u0080nord.mssante.fr"));
    }

    // ADDR-3: a dot before '@' is refused, and stays refused when the local part is already wrong before it.
    [Theory]
    [InlineData("jean.@ch.mssante.fr")]
    [InlineData("jean..@ch.mssante.fr")]
    [InlineData("je an.@ch.mssante.fr")]
    public void CheckScalar_DotBeforeAt_Syntax(string text)
    {
        Assert.Equal(AddressError.Syntax, AddressSyntax.CheckScalar(text, out _, out _, out _));
        Assert.Equal(AddressError.Syntax, MssAddress.Validate(text));
    }

    // ADDR-1: one or more labels, then .mssante.fr; the suffix alone is not a domain of the trust space.
    [Theory]
    [InlineData("a.mssante.fr", true)]
    [InlineData("CH-Nord.MSSante.FR", true)]
    [InlineData(".mssante.fr", false)]
    [InlineData(".MSSANTE.FR", false)]
    [InlineData("mssante.fr", false)]
    [InlineData("a.mssante.fr.evil.com", false)]
    public void IsTrustSpace_OneLabelOrMoreBeforeTheSuffix(string domain, bool expected) =>
        Assert.Equal(expected, AddressSyntax.IsTrustSpace(domain));

    // ADDR-3: a label starting with xn-- in any case, the four characters alone included.
    [Theory]
    [InlineData("xn--", true)]
    [InlineData("XN--", true)]
    [InlineData("xn--caf-dma", true)]
    [InlineData("xn-", false)]
    [InlineData("xn-a-", false)]
    [InlineData("x", false)]
    public void IsPunycode_XnDashDashInAnyCase(string label, bool expected) =>
        Assert.Equal(expected, AddressSyntax.IsPunycode(label));

    // A..Z fold to a..z and nothing else does: '\r' | 0x20 is '-' and '@' | 0x20 is '`'.
    [Theory]
    [InlineData("Z", "z", true)]
    [InlineData("AzZa", "azza", true)]
    [InlineData("patient", "patient", true)]
    [InlineData("xn\r\r", "xn--", false)]
    [InlineData("@", "`", false)]
    [InlineData("ab", "abc", false)]
    public void EqualsLowerAscii_FoldsAsciiLettersOnly(string text, string lower, bool expected) =>
        Assert.Equal(expected, AddressSyntax.EqualsLowerAscii(text, lower));

    // ADDR-3 (0.2): letters, digits, hyphen and underscore; no dot, no other ASCII, nothing past ASCII.
    [Theory]
    [InlineData('a', true)]
    [InlineData('Z', true)]
    [InlineData('0', true)]
    [InlineData('-', true)]
    [InlineData('_', true)]
    [InlineData('.', false)]
    [InlineData('@', false)]
    [InlineData(' ', false)]
    [InlineData('\u007F', false)]
    [InlineData('\u0080', false)]
    [InlineData('é', false)]
    [InlineData('\u0130', false)]
    public void IsLabelChar_LetterDigitHyphenUnderscoreOnly(char c, bool expected) =>
        Assert.Equal(expected, AddressSyntax.IsLabelChar(c));
}
