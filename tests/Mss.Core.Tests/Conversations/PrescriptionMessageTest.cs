using Mss.Core.Conversations;
using Mss.Core.Mailboxes;

namespace Mss.Core.Tests.Conversations;

public class PrescriptionMessageTest
{
    private static readonly PharmacyDirectoryEntry Pharmacy =
        new(MssAddress.Parse("officine@pharmacie.mssante.fr"), "Pharmacie du Centre", "Lyon", MailboxKind.Organisational, true, "690000002");

    // CONV-7: pre-filled text, the document attached, the pharmacy notified on receipt.
    [Fact]
    public void Create_PrefilledTextAndDocument()
    {
        PrescriptionMessage message = PrescriptionMessage.Create(Pharmacy, "ordonnance.pdf");
        Assert.Equal(PrescriptionMessage.DefaultText, message.Text);
        Assert.False(message.IsTextEdited);
        Assert.Equal(["ordonnance.pdf"], message.Attachments);
        Assert.Equal("ordonnance.pdf", message.Document);
        Assert.Same(Pharmacy, message.Pharmacy);
        Assert.True(message.PharmacyNotifiedOnReceipt);
        Assert.Contains("ordonnance", PrescriptionMessage.DefaultText, StringComparison.Ordinal);
    }

    // CONV-7: the patient is reminded to bring the paper prescription (seed 001).
    [Fact]
    public void PaperPrescriptionReminder_IsFrenchReminder() =>
        Assert.Equal("Pensez à apporter votre ordonnance papier lors du retrait de votre traitement en pharmacie.", PrescriptionMessage.PaperPrescriptionReminder);

    // CONV-7: editable text, extra attachments; the value is immutable.
    [Fact]
    public void WithTextAndAttachments_NewMessage_OriginalUnchanged()
    {
        PrescriptionMessage original = PrescriptionMessage.Create(Pharmacy, "ordonnance.pdf");
        PrescriptionMessage edited = original.WithText("Bonjour, je passe vers 18 h.").WithAttachment("mutuelle.pdf").WithAttachment("carte.jpg");
        Assert.Equal("Bonjour, je passe vers 18 h.", edited.Text);
        Assert.True(edited.IsTextEdited);
        Assert.Equal(["ordonnance.pdf", "mutuelle.pdf", "carte.jpg"], edited.Attachments);
        Assert.Equal(PrescriptionMessage.DefaultText, original.Text);
        Assert.Equal(["ordonnance.pdf"], original.Attachments);
        Assert.Equal(string.Empty, original.WithText(string.Empty).Text);
    }

    [Fact]
    public void Attachments_ReadOnly()
    {
        var list = Assert.IsAssignableFrom<IList<string>>(PrescriptionMessage.Create(Pharmacy, "o.pdf").Attachments);
        Assert.Throws<NotSupportedException>(() => list[0] = "autre.pdf");
    }

    // CONV-5: only a pharmacy's organisational box.
    [Fact]
    public void Create_NotOrganisational_Refused()
    {
        var personal = new PharmacyDirectoryEntry(MssAddress.Parse("j.martin@pharmacie.mssante.fr"), "Pharmacie Martin", "Lyon", MailboxKind.Personal, true, "690000003");
        Assert.Throws<ArgumentException>("pharmacy", () => PrescriptionMessage.Create(personal, "o.pdf"));
    }

    [Fact]
    public void BadInput_Refused()
    {
        PrescriptionMessage message = PrescriptionMessage.Create(Pharmacy, "o.pdf");
        Assert.Throws<ArgumentNullException>("pharmacy", () => PrescriptionMessage.Create(null!, "o.pdf"));
        Assert.Throws<ArgumentNullException>("documentFileName", () => PrescriptionMessage.Create(Pharmacy, null!));
        Assert.Throws<ArgumentException>("documentFileName", () => PrescriptionMessage.Create(Pharmacy, " "));
        Assert.Throws<ArgumentNullException>("text", () => message.WithText(null!));
        Assert.Throws<ArgumentNullException>("fileName", () => message.WithAttachment(null!));
        Assert.Throws<ArgumentException>("fileName", () => message.WithAttachment(""));
    }
}
