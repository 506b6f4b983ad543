using System.Text;
using MimeKit;
using Mss.Core;
using Mss.Core.Delivery;
using Mss.Core.Mailboxes;
using Mss.Core.Mime;
using NodaTime;

// Send to a patient (ADDR-2, DEL-4, DEL-5, CONV-3): build a message with a PDF and a read-receipt request, then a
// closing [FIN] message, write both as .eml files, then classify a bounce and read a receipt.
// Usage: SendToPatient [output folder]
string folder = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "mss-core-samples");
Directory.CreateDirectory(folder);
IClock clock = SystemClock.Instance;

MssAddress doctor = MssAddress.Parse("dr.durand@ch-lemans.mssante.fr");
InsMatricule ins = InsMatricule.Parse("2 79 03 51 215 189 89", InsStyles.Lenient);
MssAddress patient = MssAddress.ForPatient(ins);
Console.WriteLine($"To the patient {ins.ToMaskedString()}@{MssAddress.PatientDomain}: {InsIdentityCheck.AsOf(ins, InactivityPolicy.Today(clock)).ToFrenchSentence()}");

MimeMessage letter = new MssMessageBuilder(doctor, clock)
    .To(patient)
    .Subject("Compte rendu de consultation")
    .TextBody("Bonjour,\nVous trouverez ci-joint le compte rendu de votre consultation.\nDr Durand")
    .Attach("compte-rendu.pdf", MinimalPdf("Compte rendu de consultation"), "application/pdf")
    .RequestReadReceipt()
    .Build();
Write(letter, "1-compte-rendu.eml");

MimeMessage closing = new MssMessageBuilder(doctor, clock)
    .To(patient)
    .CloseConversation()
    .TextBody("Cet échange est clos. Pour toute nouvelle question, prenez rendez-vous.")
    .Build();
Write(closing, "2-fin.eml");

// The patient closed their Mon espace santé profile: the platform bounces (DEL-2).
MimeMessage bounce = NonDeliveryReports.Create(letter, patient.ToString(), NonDeliveryReason.MailboxClosed, "mta.patient.mssante.fr", clock);
Write(bounce, "3-non-distribue.eml");
MimeMessage bounceRead = Reload(bounce);
if (NonDeliveryReports.TryClassify(bounceRead, out NonDeliveryReason reason, out string? recipient))
{
    bool samePatient = MssAddress.TryParse(recipient, out MssAddress bounced) && bounced == patient;
    Console.WriteLine($"Bounce classified: {reason} (status {NonDeliveryNotice.StatusCode(reason)}), recipient is the patient: {samePatient}");
    Console.WriteLine($"  {NonDeliveryNotice.Text(reason, "<adresse>")}");
}

// The patient opened the letter: their client returns a read receipt (DEL-4).
MimeMessage receipt = ReadReceipts.Create(letter, patient, clock);
Write(receipt, "4-accuse-de-lecture.eml");
if (ReadReceipts.TryRead(Reload(receipt), out string? originalId, out MssAddress reader))
{
    Console.WriteLine($"Read receipt: message {originalId} read by the patient: {reader == patient}, same message: {originalId == letter.MessageId}");
}

void Write(MimeMessage message, string name)
{
    string path = Path.Combine(folder, name);
    message.WriteTo(path);
    Console.WriteLine($"Wrote {path} ({new FileInfo(path).Length} bytes): {message.Subject}");
}

static MimeMessage Reload(MimeMessage message)
{
    using var stream = new MemoryStream();
    message.WriteTo(stream);
    stream.Position = 0;
    return MimeMessage.Load(stream);
}

// A one-page PDF with a line of text, enough for any viewer to open.
static byte[] MinimalPdf(string text)
{
    string content = $"BT /F1 18 Tf 72 720 Td ({text}) Tj ET";
    string[] objects =
    [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ];
    var pdf = new StringBuilder("%PDF-1.4\n");
    var offsets = new List<int>();
    for (int i = 0; i < objects.Length; i++)
    {
        offsets.Add(pdf.Length);
        pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
    }

    int xref = pdf.Length;
    pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
    foreach (int offset in offsets)
    {
        pdf.Append($"{offset:D10} 00000 n \n");
    }

    pdf.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
    return Encoding.ASCII.GetBytes(pdf.ToString());
}
