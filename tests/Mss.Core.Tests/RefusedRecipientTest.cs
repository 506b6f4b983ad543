namespace Mss.Core.Tests;

public class RefusedRecipientTest
{
    // INS-8: a refused patient address never shows its INS in ToString.
    [Fact]
    public void ToString_ShowsPositionAndReasons_NotTheIns()
    {
        RefusedRecipient refused = MssRecipients.Check(["x@ch.mssante.fr", "279035121518990@patient.mssante.fr"]).Refused[0];
        Assert.Equal("#1: InvalidPatientIns (Mssante)", refused.ToString());
        Assert.Equal("279035121518990@patient.mssante.fr", refused.Text);
    }

    [Fact]
    public void Equality_ByValue()
    {
        RefusedRecipient a = MssRecipients.Check(["x@gmail.com"]).Refused[0];
        RefusedRecipient b = MssRecipients.Check(["x@gmail.com"]).Refused[0];
        RefusedRecipient c = MssRecipients.Check(["x@mssante.com"]).Refused[0];
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.True(a != c);
        Assert.Equal(DomainVerdict.OutsideTrustSpace, a.Verdict);
        Assert.Equal(DomainVerdict.WrongTld, c.Verdict);
        Assert.True(default(RefusedRecipient) != a);
        Assert.Equal(string.Empty, default(RefusedRecipient).Text);
    }
}
