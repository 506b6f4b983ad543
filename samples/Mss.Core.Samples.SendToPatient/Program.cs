using System.Text;
using MimeKit;
using Mss.Core;
using Mss.Core.Delivery;
using Mss.Core.Mime;
using NodaTime;

// Send to patients (ADDR-2, ADDR-6, ADDR-7, CONV-3, CONV-9, DEL-2, DEL-4, DEL-5, REF2-1): a report with a PDF and
// a read-receipt request, a vaccination reminder sent one message per patient that needs no reply (X-MSS-MES: FIN),
// a closing [FIN], all written as .eml files; then a bounce read recipient by recipient and a read receipt read. Patients' INS and
// addresses are printed masked only (INS-8).
// Usage: SendToPatient [dossier de sortie]
string folder = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "mss-core-samples", "send-to-patient");
Directory.CreateDirectory(folder);
IClock clock = SystemClock.Instance;
const string ProductReference = "MSS-CORE-SAMPLE-0001"; // the reference ANS's Convergence platform gave the software

// The sender's address as a user pastes it from a mail client (ADDR-6).
const string typed = "Dr Jeanne Durand <Dr.Durand@CH-LeMans.mssante.fr>";
MssAddress doctor = MssAddress.Parse(typed, AddressStyles.Lenient);
MssAddress gp = MssAddress.Parse("stephane.medioni@cabinet-exemple.mssante.fr");
Console.WriteLine($"Dossier de sortie : {folder}");
Console.WriteLine($"Référence produit (X-MSS-NIL) sur chaque message : {ProductReference}");
Console.WriteLine($"Expéditeur saisi « {typed} », lu comme {doctor}");

InsMatricule ins = InsMatricule.Parse("2 79 03 51 215 189 89", InsStyles.Lenient);
MssAddress patient = MssAddress.ForPatient(ins);
Console.WriteLine($"Patiente {patient.ToString("M", null)} : {InsIdentityCheck.AsOf(ins, clock).ToFrenchSentence()}");

MimeMessage letter = new MssMessageBuilder(doctor, clock)
    .To(patient)
    .Cc(gp)
    .Subject("Compte rendu de consultation")
    .TextBody("Bonjour,\nVous trouverez ci-joint le compte rendu de votre consultation.\nDr Durand")
    .Attach("compte-rendu.pdf", MinimalPdf("Compte rendu de consultation"), "application/pdf")
    .ProductReference(ProductReference)
    .RequestReadReceipt()
    .Build();
Write(letter, "1-compte-rendu.eml");

// A reminder to several patients: each gets their own message, so no one sees another's INS (ADDR-7), and none
// expects a reply (X-MSS-MES: FIN, CONV-9: the conversation stays open).
InsMatricule other = InsMatricule.Parse("1 85 05 2a 123 456 33", InsStyles.Lenient);
IReadOnlyList<MimeMessage> reminders = new MssMessageBuilder(doctor, clock)
    .To(patient)
    .To(MssAddress.ForPatient(other))
    .Subject("Rappel : vaccination contre la grippe")
    .TextBody("Bonjour,\nLa campagne de vaccination contre la grippe a commencé. Ce message n'attend pas de réponse.\nDr Durand")
    .ProductReference(ProductReference)
    .NoReply()
    .BuildPerPatient();
for (int i = 0; i < reminders.Count; i++)
{
    Write(reminders[i], $"2-rappel-{i + 1}.eml");
}

MimeMessage closing = new MssMessageBuilder(doctor, clock)
    .To(patient)
    .CloseConversation()
    .TextBody("Cet échange est clos. Pour toute nouvelle question, prenez rendez-vous.")
    .ProductReference(ProductReference)
    .Build();
Write(closing, "3-fin.eml");

// The patient closed her Mon espace santé profile: the platform bounces the report (DEL-2).
MimeMessage bounce = NonDeliveryReports.Create(letter, patient.ToString(), NonDeliveryReason.MailboxClosed, "mta.patient.mssante.fr", clock);
Write(bounce, "4-non-distribue.eml");
// Every failed recipient of the report, as a real server writes it (DEL-6): reason, status, permanent or not.
if (NonDeliveryReports.TryRead(Reload(bounce), out DeliveryReport? report))
{
    Console.WriteLine($"Avis de non-distribution relu : {report.Recipients.Count} destinataire(s) en échec, message d'origine {(report.OriginalMessageId == letter.MessageId ? "le compte rendu" : "inconnu")}");
    foreach (FailedRecipient failed in report.Recipients)
    {
        string shown = failed.TryGetMssAddress(out MssAddress bounced) ? bounced.ToString("M", null) : failed.Address;
        Console.WriteLine($"  {shown} (statut {failed.Status}, {(failed.IsPermanent ? "définitif" : "temporaire")}) : {FrenchText.Describe(failed.Reason)}");
        Console.WriteLine($"  texte exact de la plateforme (DEL-2) : {NonDeliveryNotice.Text(failed.Reason, shown)}");
    }
}

// The patient opened the report: her client returns a read receipt (DEL-4).
MimeMessage receipt = ReadReceipts.Create(letter, patient, clock);
Write(receipt, "5-accuse-de-lecture.eml");
if (ReadReceipts.TryRead(Reload(receipt), out string? originalId, out MssAddress reader))
{
    Console.WriteLine($"Accusé de lecture relu : lu par {reader.ToString("M", null)}, {(originalId == letter.MessageId ? "il porte sur le compte rendu envoyé" : "il porte sur un autre message")}");
}

void Write(MimeMessage message, string name)
{
    string path = Path.Combine(folder, name);
    message.WriteTo(path);
    string to = string.Join(", ", message.To.Mailboxes.Concat(message.Cc.Mailboxes).Select(m => Masked(m.Address)));
    Console.WriteLine($"Écrit : {name} ({new FileInfo(path).Length} octets), objet « {message.Subject} », à {to}"
        + (message.Headers.Contains("X-MSS-MES") ? " (X-MSS-MES: FIN, sans réponse possible)" : string.Empty));
}

// A recipient as shown on screen: a patient's INS masked (INS-8).
static string Masked(string address) => MssAddress.TryParse(address, out MssAddress a) ? a.ToString("M", null) : address;

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
