using Mss.Core.Mailboxes;

namespace Mss.Core.Tests.Mailboxes;

public class PatientHolderTest
{
    // INS-8: the holder's text masks the matricule.
    [Fact]
    public void ToString_MasksIns()
    {
        var holder = new PatientHolder(InsMatricule.Parse(TestHolders.PatientInsText));
        Assert.DoesNotContain(TestHolders.PatientInsText, holder.ToString(), StringComparison.Ordinal);
        Assert.Contains("2790351********", holder.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultIns_Refused()
    {
        Assert.Throws<ArgumentException>(() => new PatientHolder(default));
    }

    [Fact]
    public void Equality_ByIns()
    {
        Assert.Equal(TestHolders.PatientHolder, new PatientHolder(InsMatricule.Parse(TestHolders.PatientInsText)));
        Assert.NotEqual(TestHolders.PatientHolder, TestHolders.OtherPatient);
    }
}
