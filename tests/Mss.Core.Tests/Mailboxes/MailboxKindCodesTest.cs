using FsCheck.Xunit;
using Mss.Core.Mailboxes;

namespace Mss.Core.Tests.Mailboxes;

public class MailboxKindCodesTest
{
    // BAL-1: the ANS codes, both ways.
    [Theory]
    [InlineData(MailboxKind.Personal, "PER")]
    [InlineData(MailboxKind.Organisational, "ORG")]
    [InlineData(MailboxKind.Applicative, "APP")]
    [InlineData(MailboxKind.Cabinet, "CAB")] // 0.2: TRE_R257-TypeBAL's fourth code
    public void Codes_BothWays(MailboxKind kind, string code)
    {
        Assert.Equal(code, MailboxKindCodes.ToCode(kind));
        Assert.True(MailboxKindCodes.TryGetCode(kind, out string? got));
        Assert.Equal(code, got);
        Assert.True(MailboxKindCodes.TryParse(code, out MailboxKind parsed));
        Assert.Equal(kind, parsed);
        Assert.Equal(kind, MailboxKindCodes.Parse(code));
    }

    // BAL-1, BAL-4: the patient box has no ANS code.
    [Fact]
    public void Patient_HasNoCode()
    {
        Assert.False(MailboxKindCodes.TryGetCode(MailboxKind.Patient, out string? code));
        Assert.Null(code);
        Assert.Throws<ArgumentOutOfRangeException>(() => MailboxKindCodes.ToCode(MailboxKind.Patient));
        Assert.False(MailboxKindCodes.TryGetCode((MailboxKind)42, out _));
    }

    [Fact]
    public void Parse_Null_ThrowsArgumentNull()
    {
        Assert.False(MailboxKindCodes.TryParse(null, out _));
        Assert.Throws<ArgumentNullException>(() => MailboxKindCodes.Parse(null!));
    }

    // Issue 16: Parse says why, with an error enum (the exception is still a FormatException).
    [Theory]
    [InlineData("", MailboxKindCodeError.Empty)]
    [InlineData("per", MailboxKindCodeError.Case)]
    [InlineData("Cab", MailboxKindCodeError.Case)]
    [InlineData(" PER", MailboxKindCodeError.Unknown)]
    [InlineData("PER ", MailboxKindCodeError.Unknown)]
    [InlineData("NOM", MailboxKindCodeError.Unknown)] // the seed's "BAL NOM" is not the ANS code
    [InlineData("PAT", MailboxKindCodeError.Unknown)]
    [InlineData("XYZ", MailboxKindCodeError.Unknown)]
    [InlineData("Patient", MailboxKindCodeError.Unknown)]
    public void Parse_OtherText_RefusedWithError(string code, MailboxKindCodeError expected)
    {
        Assert.False(MailboxKindCodes.TryParse(code, out _));
        Assert.Equal(expected, MailboxKindCodes.Validate(code));
        MailboxKindCodeFormatException e = Assert.Throws<MailboxKindCodeFormatException>(() => MailboxKindCodes.Parse(code));
        Assert.Equal(expected, e.Error);
        Assert.IsAssignableFrom<FormatException>(e);
    }

    // BAL-1: TryParse never throws and accepts exactly the four codes.
    [Property(MaxTest = 1000)]
    public bool TryParse_NeverThrows_OnlyFourCodes(string? s) =>
        MailboxKindCodes.TryParse(s, out MailboxKind kind) == (s is "PER" or "ORG" or "APP" or "CAB")
        && (s is not ("PER" or "ORG" or "APP" or "CAB") || MailboxKindCodes.ToCode(kind) == s)
        && (MailboxKindCodes.Validate(s.AsSpan()) == MailboxKindCodeError.None) == (s is "PER" or "ORG" or "APP" or "CAB");
}
