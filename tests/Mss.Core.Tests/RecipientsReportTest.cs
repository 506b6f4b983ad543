namespace Mss.Core.Tests;

public class RecipientsReportTest
{
    // INS-8: the summary gives counts and reasons, never an address.
    [Fact]
    public void ToString_CountsAndReasons_NoAddress()
    {
        RecipientsReport report = MssRecipients.Check(
            ["279035121518989@patient.mssante.fr", "a@b.mssante.fr", "c@d.mssante.fr", "279035121518990@patient.mssante.fr"]);
        Assert.Equal("4 recipients, 1 refused [#3: InvalidPatientIns (Mssante)], 1 beyond the threshold of 3", report.ToString());
    }
}
