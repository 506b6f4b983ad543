using Mss.Core;
using Mss.Core.Conversations;
using Mss.Core.Directory;
using Mss.Core.Mailboxes;

// Check a recipient in the Annuaire Santé and watch for homonyms (seed 004 FAQ 5, BAL-7), then list the officines a
// patient may write to (CONV-6). Then load two days of ANS's national extraction file and print what changed
// (BAL-7 0.3). Usage: Directory ["texte recherché"] [annuaire.json|.ndjson]
//                or: Directory --extraction hier.txt|.zip aujourdhui.txt|.zip
if (args.Length == 3 && args[0] == "--extraction")
{
    return CompareDays(args[1], args[2]);
}

string query = args.Length > 0 ? args[0] : "dupont jean";
string file = args.Length > 1 ? args[1] : Path.Combine(AppContext.BaseDirectory, "annuaire-exemple.json");

MssDirectory directory;
using (FileStream json = File.OpenRead(file))
{
    directory = MssDirectory.Load(json);
}

Console.WriteLine($"Annuaire chargé : {directory.Count} boîtes MSSanté, {directory.Skipped} élément(s) ignoré(s).");
Console.WriteLine();
Console.WriteLine($"Recherche « {query} » :");
IReadOnlyList<DirectoryEntry> found = directory.Search(query, 20);
if (found.Count == 0)
{
    Console.WriteLine("  Aucune boîte trouvée.");
}

foreach (DirectoryEntry entry in found)
{
    Console.WriteLine($"  {Describe(entry)}");
    IReadOnlyList<DirectoryEntry> homonyms = directory.Homonyms(entry);
    foreach (DirectoryEntry homonym in homonyms)
    {
        Console.WriteLine($"    Attention, homonyme : {Describe(homonym)}. Vérifiez le RPPS avant d'écrire.");
    }
}

Console.WriteLine();
MssAddress typed = MssAddress.Parse("Jean-Marie.Dupont@infirmier.mssante.fr");
Console.WriteLine(directory.TryFind(typed, out DirectoryEntry? recipient)
    ? $"Destinataire {typed} : trouvé dans l'Annuaire, {Describe(recipient)}."
    : $"Destinataire {typed} : absent de l'Annuaire, vérifiez l'adresse.");

Console.WriteLine();
Console.WriteLine("Officines joignables par un patient (boîte organisationnelle) :");
var choice = new PharmacyChoice(["580008803"], directory);
foreach (PharmacyDirectoryEntry pharmacy in choice.Defaults)
{
    Console.WriteLine($"  {pharmacy.Name} <{pharmacy.Address}> (dans l'historique de remboursement)");
}

Console.WriteLine();
return CompareDays(
    Path.Combine(AppContext.BaseDirectory, "extraction-hier.txt"),
    Path.Combine(AppContext.BaseDirectory, "extraction-aujourdhui.txt"));

// The flat file has no dates: what appeared, disappeared or changed is known only by comparing two days (BAL-7 0.3).
static int CompareDays(string yesterdayFile, string todayFile)
{
    MssDirectory yesterday = LoadExtraction(yesterdayFile);
    MssDirectory today = LoadExtraction(todayFile);
    DirectoryChanges changes = MssDirectory.Compare(yesterday, today);
    Console.WriteLine($"Changements entre {Path.GetFileName(yesterdayFile)} et {Path.GetFileName(todayFile)} :");
    Console.WriteLine($"  {changes.Created.Count} boîte(s) créée(s), {changes.Deleted.Count} supprimée(s), {changes.Changed.Count} modifiée(s).");
    foreach (DirectoryEntry entry in changes.Created)
    {
        Console.WriteLine($"  + créée : {Describe(entry)}");
    }

    foreach (DirectoryEntry entry in changes.Deleted)
    {
        Console.WriteLine($"  - supprimée : {Describe(entry)}");
    }

    foreach (DirectoryEntry entry in changes.Changed)
    {
        yesterday.TryFind(entry.Address, out DirectoryEntry? before);
        Console.WriteLine($"  ~ modifiée : {Describe(entry)}, service « {before?.Service} » devenu « {entry.Service} »");
    }

    return 0;
}

static MssDirectory LoadExtraction(string file)
{
    using FileStream stream = File.OpenRead(file);
    MssDirectory directory = MssDirectory.LoadExtraction(stream);
    Console.WriteLine($"Fichier d'extraction {Path.GetFileName(file)} : {directory.Count} boîtes MSSanté, {directory.Skipped} ligne(s) ignorée(s).");
    return directory;
}

static string Describe(DirectoryEntry entry)
{
    string kind = entry.Kind switch
    {
        MailboxKind.Personal => "boîte personnelle",
        MailboxKind.Organisational => "boîte organisationnelle",
        MailboxKind.Applicative => "boîte applicative",
        MailboxKind.Cabinet => "boîte de cabinet",
        _ => "boîte",
    };
    string who = entry.FamilyName is not null
        ? $"{entry.FamilyName} {entry.GivenName}".Trim()
        : entry.StructureName ?? "(sans nom)";
    string rpps = entry.Professional is Rpps r ? $", RPPS {r}"
        : entry.NationalId is IdNatPs id ? $", IdNat_PS {id}" : string.Empty;
    string profession = entry.Profession is null ? string.Empty : $", {entry.Profession}";
    string red = entry.RedList ? ", liste rouge" : string.Empty;
    return $"{who} <{entry.Address}> ({kind}{rpps}{profession}{red})";
}
