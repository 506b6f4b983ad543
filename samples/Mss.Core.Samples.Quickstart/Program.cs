using System.Globalization;
using Mss.Core;
using Mss.Core.Conversations;
using Mss.Core.Mailboxes;
using NodaTime;

// Quickstart: INS (from the arguments, or built-in examples) with the identity check and a parent's card caught (INS-9),
// addresses as people type them, a conversation through X-MSS-MES: FIN and [FIN], the pharmacy exception, and a
// mailbox's inactivity schedule. Every refusal is shown with FrenchText; a patient's INS is always masked (INS-8).
string[] inputs = args.Length > 0
    ? args
    : ["279035121518989", "1 85 05 2a 123 456 33", "279035121518990", "２７９035121518989"];

// A fixed reference date keeps this output the same every day; a real program passes a clock instead:
// InsIdentityCheck.AsOf(ins, SystemClock.Instance), InactivityPolicy.Today(SystemClock.Instance).
var today = new LocalDate(2026, 11, 23);
Console.WriteLine($"Date de référence fixée pour l'exemple : {Day(today)}");

Console.WriteLine();
Console.WriteLine("1. Matricules INS saisis (INS-1 à INS-8 ; espaces, points et 2a/2b acceptés)");
for (int n = 0; n < inputs.Length; n++)
{
    // The inputs are not echoed: a typed INS is a social-security number, shown masked only (INS-8).
    if (InsMatricule.TryParse(inputs[n], InsStyles.Lenient, out InsMatricule ins))
    {
        Console.WriteLine($"  saisie {n + 1} : valide, {ins.ToMaskedString()} (clé {ins.Key:00})");
        Console.WriteLine($"             {InsIdentityCheck.AsOf(ins, today).ToFrenchSentence()}");
        Console.WriteLine($"             adresse Mon espace santé : {MssAddress.ForPatient(ins).ToString("M", null)}");
    }
    else
    {
        Console.WriteLine($"  saisie {n + 1} : refusée. {FrenchText.Describe(InsMatricule.Validate(inputs[n].AsSpan(), InsStyles.Lenient))}");
    }
}

// Shown once in clear, on ANS's test identity, to show the canonical form (ADDR-2); never print a real one.
Console.WriteLine($"  forme canonique d'une adresse patient (identité de test de l'ANS) : {MssAddress.ForPatient(InsMatricule.Parse("279035121518989"))}");

Console.WriteLine();
Console.WriteLine("2. Un enfant inscrit avec la carte Vitale de son père (INS-9)");
InsMatricule fromCard = InsMatricule.Parse("1 75 03 72 123 456 30", InsStyles.Lenient);
InsMismatches mismatches = InsIdentityCheck.Compare(fromCard, Sex.Female, new LocalDate(2015, 6, 10), "72181");
Console.WriteLine($"  fille née le 10/06/2015 au Mans, matricule saisi {fromCard.ToMaskedString()} :");
Console.WriteLine($"  {FrenchText.Describe(mismatches)}");

Console.WriteLine();
Console.WriteLine("3. Adresses MSSanté (ADDR-1 à ADDR-6)");
const string typed = " Dr Durand <mailto:Dr.Durand@CH-LeMans.mssante.fr> ";
if (MssAddress.TryParse(typed, AddressStyles.Lenient, out MssAddress doctor))
{
    Console.WriteLine($"  saisie « {typed.Trim()} » lue comme {doctor}");
}

foreach (string address in new[] { "accueil@ch123.mssante.fr", "x@mssante.fr.evil.com", "x@notmssante.fr", "jean@mssanté.fr" })
{
    AddressError error = MssAddress.Validate(address);
    Console.WriteLine($"  {address} : {FrenchText.Describe(error)}");
    if (error != AddressError.None)
    {
        Console.WriteLine($"    {FrenchText.Describe(MssDomain.ClassifyAddress(address))}");
    }
}

Console.WriteLine();
Console.WriteLine("4. Une conversation avec un professionnel (CONV-1 à CONV-4, CONV-8, CONV-9)");
Conversation conversation = Conversation.Start(Counterpart.HealthActor);
ConversationMessage[] messages =
[
    new(Author.Patient, "Bonjour docteur", false, default),
    new(Author.HealthActor, "Vos résultats", false, default) { MessageId = "r1@ch-lemans.mssante.fr" },
    new(Author.Patient, "RE: Vos résultats", false, default) { InReplyTo = "r1@ch-lemans.mssante.fr" },
    new(Author.HealthActor, "Résultats normaux, pour information", true, default) { MessageId = "r2@ch-lemans.mssante.fr" },
    new(Author.Patient, "RE: Résultats normaux, pour information", false, default) { InReplyTo = "r2@ch-lemans.mssante.fr" },
    new(Author.HealthActor, "[FIN]", false, default) { MessageId = "r3@ch-lemans.mssante.fr" },
    new(Author.Patient, "Encore une question", false, default),
    new(Author.HealthActor, "Nouveau résultat", false, default) { MessageId = "r4@ch-lemans.mssante.fr" },
    new(Author.Patient, "Merci beaucoup", false, default),
];
foreach (ConversationMessage message in messages)
{
    string who = message.Author == Author.Patient ? "le patient" : "le médecin";
    string header = message.NoReply ? " (avec X-MSS-MES: FIN)" : string.Empty;
    Console.WriteLine(conversation.TryApply(message, out Conversation next, out ConversationDenial denial)
        ? $"  {who} écrit « {message.Subject} »{header} : accepté, conversation {Status(next.Status)}"
        : $"  {who} écrit « {message.Subject} » : refusé. {FrenchText.Describe(denial)}");
    conversation = next;
}

Console.WriteLine($"  le patient peut-il répondre à « Vos résultats » ? {YesNo(conversation.CanPatientReplyTo("r1@ch-lemans.mssante.fr"))} (message antérieur au [FIN])");
Console.WriteLine($"  et à « Nouveau résultat » ? {YesNo(conversation.CanPatientReplyTo("r4@ch-lemans.mssante.fr"))}");

// CONV-3: white space around a subject is not part of it (MimeKit sends " [FIN]" as "Subject: [FIN]"), so it closes.
foreach ((string subject, string shown) in new[] { ("[fin]", "« [fin] »"), ("RE: [FIN]", "« RE: [FIN] »"), (" [FIN]", "« [FIN] » précédé d'une espace") })
{
    SubjectVerdict verdict = ClosingSubject.Diagnose(subject);
    string says = verdict.IsClosing ? "clôture la conversation (les espaces autour de l'objet ne comptent pas)." : verdict.ToFrenchWarning();
    Console.WriteLine($"  objet {shown} : {says}");
}

Console.WriteLine();
Console.WriteLine("5. L'exception des pharmacies (CONV-5)");
Conversation pharmacy = Conversation.Start(Counterpart.Pharmacy, patientProfileActivated: true);
pharmacy.TryApply(Author.Patient, "Mon ordonnance", out pharmacy, out _);
Console.WriteLine($"  le patient écrit le premier à sa pharmacie : conversation {Status(pharmacy.Status)}");
pharmacy.TryApply(Author.HealthActor, "[FIN]", out pharmacy, out _);
Console.WriteLine($"  la pharmacie clôture par [FIN] : conversation {Status(pharmacy.Status)}");
pharmacy.TryApply(Author.Patient, "Nouvelle ordonnance", out pharmacy, out _);
Console.WriteLine($"  le patient recommence : conversation {Status(pharmacy.Status)}");
Conversation.Start(Counterpart.Pharmacy, patientProfileActivated: false)
    .TryApply(Author.Patient, "Mon ordonnance", out _, out ConversationDenial notActivated);
Console.WriteLine($"  profil non activé : refusé. {FrenchText.Describe(notActivated)}");

Console.WriteLine();
Console.WriteLine("6. Inactivité d'une boîte aux lettres (BAL-5 : dépubliée à 60 jours, supprimée à 1 an, alerte 2 mois avant)");
var lastConnection = new LocalDate(2024, 2, 29);
InactivitySchedule schedule = InactivityPolicy.Default.ScheduleFor(lastConnection);
Console.WriteLine($"  dernière connexion le {Day(lastConnection)} : dépubliée le {Day(schedule.UnpublishOn)}, alerte le {Day(schedule.DeletionAlertOn)}, supprimée le {Day(schedule.DeleteOn)} (29 février + 1 an = 28 février)");
Console.WriteLine($"  état au {Day(today)} : {Activity(InactivityPolicy.Default.StatusOn(lastConnection, today))}");

static string Day(LocalDate date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

static string YesNo(bool value) => value ? "oui" : "non";

static string Status(ConversationStatus status) => status switch
{
    ConversationStatus.NotStarted => "non commencée",
    ConversationStatus.Open => "ouverte",
    _ => "clôturée",
};

static string Activity(MailboxActivity activity) => activity switch
{
    MailboxActivity.Active => "active",
    MailboxActivity.Unpublished => "dépubliée de l'Annuaire Santé",
    MailboxActivity.DeletionAlerted => "titulaire alerté de la suppression",
    _ => "supprimée",
};
