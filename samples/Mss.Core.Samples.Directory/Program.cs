using Mss.Core;
using Mss.Core.Conversations;
using Mss.Core.Directory;
using Mss.Core.Mailboxes;

// Check a recipient in the Annuaire Santé and watch for homonyms (seed 004 FAQ 5, BAL-7), then list the officines a
// patient may write to (CONV-6). Usage: Directory ["texte recherché"] [annuaire.json|.ndjson]
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

return 0;

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
    string rpps = entry.Professional is Rpps r ? $", RPPS {r}" : string.Empty;
    string red = entry.RedList ? ", liste rouge" : string.Empty;
    return $"{who} <{entry.Address}> ({kind}{rpps}{red})";
}
