namespace Mss.Core.Tests;

/// <summary>ADDR-4 (only MSSanté recipients) and ADDR-5 (copies beyond the threshold reported, not refused).</summary>
public class MssRecipientsTest
{
    [Fact]
    public void AllMssante_WithinThreshold_CanSend()
    {
        RecipientsReport report = MssRecipients.Check(["279035121518989@patient.mssante.fr", "Secretariat@CH-Nord.mssante.fr"]);
        Assert.True(report.CanSend);
        Assert.True(report.AllMssante);
        Assert.False(report.HasExcessCopies);
        Assert.Equal(0, report.ExcessCopies);
        Assert.Equal(2, report.RecipientCount);
        Assert.Empty(report.Refused);
        Assert.Equal(["279035121518989@patient.mssante.fr", "Secretariat@ch-nord.mssante.fr"], report.Accepted.Select(a => a.ToString()));
        Assert.True(report.Accepted[0].IsPatient);
    }

    // ADDR-4: every recipient outside the trust space is reported with its position and reasons.
    [Fact]
    public void NonMssanteRecipients_ReportedWithReasons()
    {
        RecipientsReport report = MssRecipients.Check(
        [
            "jean@ch.mssante.fr",
            "jean@mssante.fr.evil.com",
            null,
            "279035121518990@patient.mssante.fr",
            "jean@ch.mss\u0430nte.fr",
            "Jean <jean@ch.mssante.fr>",
        ]);
        Assert.False(report.CanSend);
        Assert.False(report.AllMssante);
        Assert.Single(report.Accepted);
        Assert.Equal(6, report.RecipientCount);
        Assert.Equal(
            [
                (1, AddressError.NotMssante, DomainVerdict.SuffixTrick),
                (2, AddressError.Empty, DomainVerdict.Malformed),
                (3, AddressError.InvalidPatientIns, DomainVerdict.Mssante),
                (4, AddressError.Syntax, DomainVerdict.Confusable),
                (5, AddressError.Syntax, DomainVerdict.Malformed),
            ],
            report.Refused.Select(r => (r.Index, r.Error, r.Verdict)));
        Assert.Equal("jean@mssante.fr.evil.com", report.Refused[0].Text);
        Assert.Equal(string.Empty, report.Refused[1].Text);
    }

    // ADDR-5: beyond the threshold the copies are reported and the message can still be sent.
    [Theory]
    [InlineData(3, 3, 0)]
    [InlineData(3, 5, 2)]
    [InlineData(1, 2, 1)]
    [InlineData(10, 5, 0)]
    public void CopiesBeyondThreshold_Reported_NotRefused(int threshold, int recipients, int expectedExcess)
    {
        string[] list = Enumerable.Range(0, recipients).Select(i => $"medecin{i}@ch.mssante.fr").ToArray();
        RecipientsReport report = MssRecipients.Check(list, new CopyPolicy(threshold));
        Assert.Equal(expectedExcess, report.ExcessCopies);
        Assert.Equal(expectedExcess > 0, report.HasExcessCopies);
        Assert.True(report.CanSend);
        Assert.Equal(threshold, report.Policy.Threshold);
    }

    [Fact]
    public void DefaultPolicy_IsCopyPolicyDefault()
    {
        RecipientsReport report = MssRecipients.Check(Enumerable.Range(0, 4).Select(i => $"m{i}@ch.mssante.fr"));
        Assert.Same(CopyPolicy.Default, report.Policy);
        Assert.Equal(1, report.ExcessCopies);
    }

    // ADDR-1 (0.2): the same address in another case is one recipient: accepted once, its repetitions listed, not counted
    // as copies (ADDR-5).
    [Fact]
    public void SameAddressInAnotherCase_OneRecipient()
    {
        RecipientsReport report = MssRecipients.Check(
        [
            "Jean.Dupont@CH.mssante.fr",
            "jean.dupont@ch.mssante.fr",
            "185052A12345633@patient.mssante.fr",
            "JEAN.DUPONT@CH.MSSANTE.FR",
            "185052A12345633@PATIENT.MSSANTE.FR",
            "secretariat@ch.mssante.fr",
            "x@gmail.com",
            "x@gmail.com",
        ], new CopyPolicy(2));
        Assert.Equal(["Jean.Dupont@ch.mssante.fr", "185052A12345633@patient.mssante.fr", "secretariat@ch.mssante.fr"], report.Accepted.Select(a => a.ToString()));
        Assert.Equal([1, 3, 4], report.Duplicates);
        Assert.Equal([6, 7], report.Refused.Select(r => r.Index));
        Assert.Equal(5, report.RecipientCount);
        Assert.Equal(3, report.ExcessCopies);
        Assert.Equal("5 recipients, 2 refused [#6: NotMssante (OutsideTrustSpace), #7: NotMssante (OutsideTrustSpace)], 3 beyond the threshold of 2, 3 repeated [#1, #3, #4]", report.ToString());
    }

    [Fact]
    public void NoRepetition_EmptyDuplicates()
    {
        RecipientsReport report = MssRecipients.Check(["a@ch.mssante.fr", "b@ch.mssante.fr"]);
        Assert.Empty(report.Duplicates);
    }

    // ADDR-6: recipients as people type them, with styles; strict stays the default.
    [Fact]
    public void WithStyles_DecoratedRecipientsAccepted_Canonical()
    {
        string?[] typed =
        [
            " Dr Jean Durand <Dr.Durand@CH-LeMans.mssante.fr> ",
            "mailto:185052a12345633@patient.mssante.fr",
            "\"Durand, Jean\" <dr.durand@ch-lemans.mssante.fr>",
            "Jean <jean@gmail.com>",
            "a@ch.mssante.fr, b@ch.mssante.fr",
        ];
        RecipientsReport lenient = MssRecipients.Check(typed, AddressStyles.Lenient, CopyPolicy.Default);
        Assert.Equal(["Dr.Durand@ch-lemans.mssante.fr", "185052A12345633@patient.mssante.fr"], lenient.Accepted.Select(a => a.ToString()));
        Assert.Equal([2], lenient.Duplicates);
        Assert.Equal([(3, AddressError.NotMssante), (4, AddressError.Syntax)], lenient.Refused.Select(r => (r.Index, r.Error)));
        Assert.Equal(typed[3], lenient.Refused[0].Text);

        RecipientsReport strict = MssRecipients.Check(typed);
        Assert.Empty(strict.Accepted);
        Assert.Equal(5, strict.Refused.Count);
        Assert.Throws<ArgumentNullException>(() => MssRecipients.Check(null!, AddressStyles.Lenient, CopyPolicy.Default));
        Assert.Throws<ArgumentNullException>(() => MssRecipients.Check([], AddressStyles.Lenient, null!));
    }

    [Fact]
    public void EmptyList_CannotSend()
    {
        RecipientsReport report = MssRecipients.Check([]);
        Assert.False(report.CanSend);
        Assert.True(report.AllMssante);
        Assert.Equal(0, report.RecipientCount);
    }

    [Fact]
    public void NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => MssRecipients.Check(null!));
        Assert.Throws<ArgumentNullException>(() => MssRecipients.Check([], null!));
    }
}
