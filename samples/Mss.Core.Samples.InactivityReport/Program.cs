using System.Globalization;
using Mss.Core;
using Mss.Core.Mailboxes;
using NodaTime;
using NodaTime.Text;

// The operator's daily run (BAL-5) on an export of the boxes that still exist: every box is listed once, under the
// state it is in today (InactivityPolicy.StatusOn), with what to do about it today. InactivityPolicy.DailyRun gives the
// transitions that fell since the previous run; a box still in the export after its deletion day must be deleted too,
// even when that day fell before the previous run (a missed deletion), so the deletion list is every box whose state
// today is Deleted.
// Usage: InactivityReport [boxes.csv] [jour du traitement aaaa-mm-jj | "aujourdhui"] [traitement précédent aaaa-mm-jj]
string path = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "boxes.csv");
bool fixedDate = args.Length < 2;
LocalDate today = fixedDate
    ? new LocalDate(2026, 11, 23) // fixed so the output can be checked against boxes.csv
    : args[1] is "aujourdhui" or "today" ? InactivityPolicy.Today(SystemClock.Instance) : LocalDatePattern.Iso.Parse(args[1]).Value;
LocalDate previousRun = args.Length > 2 ? LocalDatePattern.Iso.Parse(args[2]).Value : today.PlusDays(-3);

var boxes = new List<(MssAddress Address, string Kind, LocalDate LastConnection)>();
int lineNumber = 1;
foreach (string line in File.ReadLines(path).Skip(1))
{
    lineNumber++;
    string[] fields = line.Split(',');
    if (fields.Length != 3)
    {
        Console.WriteLine($"ligne {lineNumber} ignorée : 3 champs attendus (adresse, type, dernière connexion).");
    }
    else if (!MssAddress.TryParse(fields[0], AddressStyles.Lenient, out MssAddress address))
    {
        Console.WriteLine($"ligne {lineNumber} ignorée : {FrenchText.Describe(MssAddress.Validate(fields[0], AddressStyles.Lenient))}");
    }
    else if (!MailboxKindCodes.TryParse(fields[1], out MailboxKind kind))
    {
        Console.WriteLine($"ligne {lineNumber} ignorée : type de boîte « {fields[1]} » inconnu (codes ANS : PER, ORG, APP).");
    }
    else if (LocalDatePattern.Iso.Parse(fields[2]) is not { Success: true } date)
    {
        Console.WriteLine($"ligne {lineNumber} ignorée : date de dernière connexion « {fields[2]} » illisible (attendu : aaaa-mm-jj).");
    }
    else
    {
        boxes.Add((address, MailboxKindCodes.ToCode(kind), date.Value));
    }
}

InactivityPolicy policy = InactivityPolicy.Default;
LocalDate[] lastConnections = boxes.Select(b => b.LastConnection).ToArray();
InactivityRun run = policy.DailyRun(lastConnections, previousRun, today);

Console.WriteLine();
Console.WriteLine(fixedDate
    ? $"Date de référence fixée pour l'exemple : {Day(today)} (passez « aujourdhui » en deuxième argument pour la date du jour)."
    : $"Traitement du {Day(today)}.");
Console.WriteLine($"Traitement précédent : {Day(previousRun)}. {boxes.Count} boîtes lues.");
Console.WriteLine("Règle BAL-5 : dépubliée de l'Annuaire Santé 60 jours après la dernière connexion, supprimée après 1 an, titulaire alerté 2 mois avant la suppression.");

Section(MailboxActivity.Deleted, "À supprimer (plus d'un an sans connexion)");
Section(MailboxActivity.DeletionAlerted, "Titulaires à alerter ou déjà alertés de la suppression prochaine");
Section(MailboxActivity.Unpublished, "Dépubliées de l'Annuaire Santé (plus de 60 jours sans connexion)");
Section(MailboxActivity.Active, "Actives");

void Section(MailboxActivity state, string title)
{
    var indices = Enumerable.Range(0, boxes.Count).Where(i => policy.StatusOn(lastConnections[i], today) == state).ToList();
    Console.WriteLine();
    Console.WriteLine($"{title} : {indices.Count}");
    foreach (int i in indices)
    {
        (MssAddress address, string kind, LocalDate last) = boxes[i];
        InactivitySchedule s = policy.ScheduleFor(last);
        Console.WriteLine($"  {address.ToString("M", null),-42} {kind}  dernière connexion {Day(last)}");
        Console.WriteLine($"    {ToDo(i, state, s)}");
    }
}

// What the operator does today for box i: the transitions DailyRun reports since the previous run, plus a deletion
// whose day fell before it (the box should no longer exist).
string ToDo(int i, MailboxActivity state, InactivitySchedule s)
{
    var actions = new List<string>();
    if (state == MailboxActivity.Deleted)
    {
        actions.Add(run.ToDelete.Contains(i)
            ? $"à faire aujourd'hui : supprimer la boîte ({Due(s.DeleteOn)})"
            : $"à faire aujourd'hui : supprimer la boîte, EN RETARD (suppression prévue le {Day(s.DeleteOn)}, avant le traitement précédent)");
        return string.Join(" ; ", actions);
    }

    if (run.ToUnpublish.Contains(i))
    {
        actions.Add($"retirer de l'Annuaire Santé ({Due(s.UnpublishOn)})");
    }

    if (run.ToAlert.Contains(i))
    {
        actions.Add($"envoyer au titulaire l'alerte de suppression ({Due(s.DeletionAlertOn)})");
    }

    return actions.Count > 0
        ? $"à faire aujourd'hui : {string.Join(", puis ", actions)} ; suppression le {Day(s.DeleteOn)}"
        : state switch
        {
            MailboxActivity.Active => $"rien à faire ; dépublication le {Day(s.UnpublishOn)} sans nouvelle connexion",
            MailboxActivity.Unpublished => $"rien à faire (dépubliée le {Day(s.UnpublishOn)}) ; alerte le {Day(s.DeletionAlertOn)}, suppression le {Day(s.DeleteOn)}",
            _ => $"rien à faire (alerté le {Day(s.DeletionAlertOn)}) ; suppression le {Day(s.DeleteOn)}",
        };
}

string Due(LocalDate day) => day == today ? "échéance aujourd'hui" : $"échéance du {Day(day)}, jour sans traitement";

static string Day(LocalDate date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
