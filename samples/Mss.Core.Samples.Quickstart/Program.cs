using Mss.Core;
using Mss.Core.Conversations;
using Mss.Core.Mailboxes;
using NodaTime;

// Quickstart: INS (from the arguments, or built-in examples), the identity check, the patient address, a
// conversation through [FIN] and the pharmacy exception, and a mailbox's inactivity schedule.
string[] inputs = args.Length > 0
    ? args
    : ["279035121518989", "1 85 05 2a 123 456 33", "279035121518990", "２７９035121518989"];
var today = new LocalDate(2026, 11, 23); // fixed so the output can be checked; a real program takes it from an IClock

Console.WriteLine("1. INS matricules (INS-1…INS-8, lenient input)");
foreach (string input in inputs)
{
    if (InsMatricule.TryParse(input, InsStyles.Lenient, out InsMatricule ins))
    {
        Console.WriteLine($"  {input,-24} valid     {ins.ToMaskedString()}  key {ins.Key:00}  anomalies: {ins.Anomalies}");
        Console.WriteLine($"  {"",-24}           {InsIdentityCheck.AsOf(ins, today).ToFrenchSentence()}");
        Console.WriteLine($"  {"",-24}           patient address: {MssAddress.ForPatient(ins)}");
    }
    else
    {
        Console.WriteLine($"  {input,-24} refused   {InsMatricule.Validate(input.AsSpan(), InsStyles.Lenient)}");
    }
}

Console.WriteLine();
Console.WriteLine("2. Addresses (ADDR-1…ADDR-3)");
foreach (string address in new[] { "accueil@ch123.mssante.fr", "x@mssante.fr.evil.com", "x@notmssante.fr", "jean@mssanté.fr" })
{
    Console.WriteLine($"  {address,-28} {MssAddress.Validate(address)}");
}

Console.WriteLine();
Console.WriteLine("3. A conversation with a health actor (CONV-1…CONV-4, CONV-8)");
Conversation conversation = Conversation.Start(Counterpart.HealthActor);
(Author Author, string Subject)[] messages =
[
    (Author.Patient, "Bonjour docteur"),
    (Author.HealthActor, "Vos résultats"),
    (Author.Patient, "Merci, une question"),
    (Author.HealthActor, "[FIN]"),
    (Author.Patient, "Encore une question"),
    (Author.HealthActor, "Nouveau résultat"),
    (Author.Patient, "Merci"),
];
foreach ((Author author, string subject) in messages)
{
    if (conversation.TryApply(author, subject, out Conversation next, out ConversationDenial denial))
    {
        conversation = next;
        Console.WriteLine($"  {author,-11} \"{subject}\" -> {conversation.Status}");
    }
    else
    {
        Console.WriteLine($"  {author,-11} \"{subject}\" -> refused: {denial}");
    }
}

// CONV-3: white space around a subject is not part of it (MimeKit sends " [FIN]" as "Subject: [FIN]"), so it closes.
foreach (string subject in new[] { "[fin]", "RE: [FIN]", " [FIN]" })
{
    SubjectVerdict verdict = ClosingSubject.Diagnose(subject);
    string says = verdict.IsClosing ? "closes the conversation (the spaces around it do not count)" : verdict.ToFrenchWarning();
    Console.WriteLine($"  subject \"{subject}\": {says}");
}

Console.WriteLine();
Console.WriteLine("4. The pharmacy exception (CONV-5)");
Conversation pharmacy = Conversation.Start(Counterpart.Pharmacy, patientProfileActivated: true);
pharmacy.TryApply(Author.Patient, "Mon ordonnance", out pharmacy, out _);
Console.WriteLine($"  patient writes first to a pharmacy -> {pharmacy.Status}");
pharmacy.TryApply(Author.HealthActor, "[FIN]", out pharmacy, out _);
Console.WriteLine($"  pharmacy closes with [FIN] -> {pharmacy.Status}");
pharmacy.TryApply(Author.Patient, "Nouvelle ordonnance", out pharmacy, out _);
Console.WriteLine($"  patient starts again -> {pharmacy.Status}");
bool allowed = Conversation.Start(Counterpart.Pharmacy, patientProfileActivated: false)
    .TryApply(Author.Patient, "Mon ordonnance", out _, out ConversationDenial notActivated);
Console.WriteLine($"  profile not activated -> allowed: {allowed}, {notActivated}");

Console.WriteLine();
Console.WriteLine("5. A mailbox's inactivity schedule (BAL-5)");
var lastConnection = new LocalDate(2024, 2, 29);
InactivitySchedule schedule = InactivityPolicy.Default.ScheduleFor(lastConnection);
Console.WriteLine($"  last connection {lastConnection:yyyy-MM-dd}: unpublished {schedule.UnpublishOn:yyyy-MM-dd}, alerted {schedule.DeletionAlertOn:yyyy-MM-dd}, deleted {schedule.DeleteOn:yyyy-MM-dd}");
Console.WriteLine($"  status on {today:yyyy-MM-dd}: {InactivityPolicy.Default.StatusOn(lastConnection, today)}");
