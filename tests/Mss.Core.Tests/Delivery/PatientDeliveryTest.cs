using Mss.Core.Delivery;

namespace Mss.Core.Tests.Delivery;

public class PatientDeliveryTest
{
    private const string Patient = "279035121518989@patient.mssante.fr";

    // DEL-1, DEL-3: delivered when Active or NotActivated; e-mail always, the app only when activated and installed.
    [Theory]
    [InlineData(PatientMailboxStatus.Active, true, PatientNotifications.Email | PatientNotifications.App)]
    [InlineData(PatientMailboxStatus.Active, false, PatientNotifications.Email)]
    [InlineData(PatientMailboxStatus.NotActivated, true, PatientNotifications.Email)]
    [InlineData(PatientMailboxStatus.NotActivated, false, PatientNotifications.Email)]
    public void Delivered_WithDel3Notifications(PatientMailboxStatus status, bool app, PatientNotifications expected)
    {
        Assert.True(PatientDelivery.TryDecide(Patient, status, app, out DeliveryDecision decision));
        Assert.True(decision.IsDelivered);
        Assert.Null(decision.Reason);
        Assert.Null(decision.NoticeText);
        Assert.Equal(expected, decision.Notifications);
        Assert.Equal(Patient, decision.Recipient);
    }

    // DEL-1, DEL-2: Opposed → does not exist, Closed → closed; no notification.
    [Theory]
    [InlineData(PatientMailboxStatus.Opposed, NonDeliveryReason.AddressDoesNotExist, "Le message que vous avez envoyé à l'adresse \"279035121518989@patient.mssante.fr\" n'a pas pu être distribué, car cette adresse Mon espace santé n'existe pas.")]
    [InlineData(PatientMailboxStatus.Closed, NonDeliveryReason.MailboxClosed, "Le message que vous avez envoyé à l'adresse \"279035121518989@patient.mssante.fr\" n'a pas pu être distribué, car la messagerie Mon espace santé de votre destinataire est clôturée.")]
    public void NotDelivered_ByStatus(PatientMailboxStatus status, NonDeliveryReason reason, string text)
    {
        DeliveryDecision decision = PatientDelivery.Decide(Patient, status, mobileAppInstalled: true);
        Assert.False(decision.IsDelivered);
        Assert.Equal(reason, decision.Reason);
        Assert.Equal(PatientNotifications.None, decision.Notifications);
        Assert.Equal(text, decision.NoticeText);
    }

    // DEL-2, ADDR-2: a wrong key, length or character in the INS → "invalidé", whatever the status; the address as sent.
    [Theory]
    [InlineData("279035121518990@patient.mssante.fr")]
    [InlineData("27903512151898@patient.mssante.fr")]
    [InlineData("2790351215189890@patient.mssante.fr")]
    [InlineData("185052a12345633@patient.mssante.fr")]
    public void InvalidIns_IsAddressInvalid_WhateverTheStatus(string recipient)
    {
        foreach (PatientMailboxStatus status in Enum.GetValues<PatientMailboxStatus>())
        {
            Assert.True(PatientDelivery.TryDecide(recipient, status, true, out DeliveryDecision decision));
            Assert.Equal(NonDeliveryReason.AddressInvalid, decision.Reason);
            Assert.False(decision.IsDelivered);
            Assert.Equal(
                "Le message que vous avez envoyé à l'adresse \"" + recipient + "\" n'a pas pu être distribué, car cette adresse Mon espace santé est invalidé.",
                decision.NoticeText);
        }
    }

    // Decided here: no patient box behind a professional, foreign or malformed address: false on Try, ArgumentException on Decide.
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("dr.martin@chu-nantes.mssante.fr")]
    [InlineData("279035121518989@gmail.com")]
    [InlineData("not an address")]
    [InlineData("279035121518989@patient.mssante.fr.evil.com")]
    public void NotAPatientAddress_NoDecision(string? recipient)
    {
        Assert.False(PatientDelivery.TryDecide(recipient, PatientMailboxStatus.Active, true, out DeliveryDecision decision));
        Assert.Equal(default, decision);
        if (recipient is not null)
        {
            ArgumentException e = Assert.Throws<ArgumentException>(() => PatientDelivery.Decide(recipient, PatientMailboxStatus.Active, true));
            Assert.DoesNotContain("279035121518989", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void UndefinedStatus_Refused()
    {
        Assert.False(PatientDelivery.TryDecide(Patient, (PatientMailboxStatus)9, true, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => PatientDelivery.Decide(Patient, (PatientMailboxStatus)9, true));
        Assert.Throws<ArgumentNullException>(() => PatientDelivery.Decide((string)null!, PatientMailboxStatus.Active, true));
    }

    [Fact]
    public void Decide_OnParsedAddress_AgreesWithRawString_AndRefusesProfessionals()
    {
        MssAddress patient = MssAddress.Parse(Patient);
        Assert.Equal(PatientDelivery.Decide(Patient, PatientMailboxStatus.Closed, false), PatientDelivery.Decide(patient, PatientMailboxStatus.Closed, false));
        Assert.Throws<ArgumentException>(() => PatientDelivery.Decide(MssAddress.Parse("secretariat@chu-nantes.mssante.fr"), PatientMailboxStatus.Active, true));
    }

    // INS-8: a decision printed to a log does not show the INS.
    [Fact]
    public void ToString_DoesNotShowTheIns()
    {
        DeliveryDecision decision = PatientDelivery.Decide(Patient, PatientMailboxStatus.Opposed, false);
        Assert.Equal("NotDelivered (AddressDoesNotExist)", decision.ToString());
        Assert.Equal("Delivered (Email, App)", PatientDelivery.Decide(Patient, PatientMailboxStatus.Active, true).ToString());
        Assert.Equal("NoDecision", default(DeliveryDecision).ToString());
        Assert.Equal(string.Empty, default(DeliveryDecision).Recipient);
    }
}
