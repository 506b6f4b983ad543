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

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("per")]
    [InlineData(" PER")]
    [InlineData("PER ")]
    [InlineData("NOM")] // the seed's "BAL NOM" is not the ANS code
    [InlineData("PAT")]
    [InlineData("Patient")]
    public void TryParse_OtherText_Refused(string? code)
    {
        Assert.False(MailboxKindCodes.TryParse(code, out _));
        if (code is null)
        {
            Assert.Throws<ArgumentNullException>(() => MailboxKindCodes.Parse(code!));
        }
        else
        {
            Assert.Throws<FormatException>(() => MailboxKindCodes.Parse(code));
        }
    }

    // BAL-1: TryParse never throws and accepts exactly the three codes.
    [Property(MaxTest = 1000)]
    public bool TryParse_NeverThrows_OnlyThreeCodes(string? s) =>
        MailboxKindCodes.TryParse(s, out MailboxKind kind) == (s is "PER" or "ORG" or "APP")
        && (s is not ("PER" or "ORG" or "APP") || MailboxKindCodes.ToCode(kind) == s);
}
