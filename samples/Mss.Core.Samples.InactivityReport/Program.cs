using System.Globalization;
using Mss.Core;
using Mss.Core.Mailboxes;
using NodaTime;
using NodaTime.Text;

// The operator's daily run (BAL-5): read boxes and their last connection, print what to unpublish, alert and
// delete today — and what fell due since the previous run if a day was skipped.
// Usage: InactivityReport [boxes.csv] [today yyyy-MM-dd | "today"] [previous run yyyy-MM-dd]
string path = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "boxes.csv");
LocalDate today = args.Length > 1
    ? (args[1] == "today" ? InactivityPolicy.Today(SystemClock.Instance) : LocalDatePattern.Iso.Parse(args[1]).Value)
    : new LocalDate(2026, 11, 23); // a fixed demonstration date, so the output can be checked against boxes.csv
LocalDate previousRun = args.Length > 2 ? LocalDatePattern.Iso.Parse(args[2]).Value : today.PlusDays(-3);

var addresses = new List<MssAddress>();
var lastConnections = new List<LocalDate>();
var kinds = new List<MailboxKind>();
int lineNumber = 0;
foreach (string line in File.ReadLines(path).Skip(1))
{
    lineNumber++;
    string[] fields = line.Split(',');
    if (fields.Length != 3)
    {
        Console.WriteLine($"line {lineNumber + 1}: expected 3 fields");
        continue;
    }

    if (!MssAddress.TryParse(fields[0], out MssAddress address))
    {
        Console.WriteLine($"line {lineNumber + 1}: refused address ({MssAddress.Validate(fields[0])})");
        continue;
    }

    if (!MailboxKindCodes.TryParse(fields[1], out MailboxKind kind))
    {
        Console.WriteLine($"line {lineNumber + 1}: unknown ANS box kind '{fields[1]}' (PER, ORG or APP)");
        continue;
    }

    ParseResult<LocalDate> date = LocalDatePattern.Iso.Parse(fields[2]);
    if (!date.Success)
    {
        Console.WriteLine($"line {lineNumber + 1}: unreadable date '{fields[2]}'");
        continue;
    }

    addresses.Add(address);
    kinds.Add(kind);
    lastConnections.Add(date.Value);
}

InactivityPolicy policy = InactivityPolicy.Default;
InactivityRun run = policy.DailyRun(lastConnections.ToArray(), previousRun, today);
Console.WriteLine();
Console.WriteLine($"Daily run of {today:yyyy-MM-dd} (previous run {previousRun:yyyy-MM-dd}), {addresses.Count} boxes, policy: unpublish after 60 days, delete after 1 year, alert 2 months before");
Print("Unpublish from the Annuaire Santé", run.ToUnpublish, s => s.UnpublishOn);
Print("Send the deletion alert", run.ToAlert, s => s.DeletionAlertOn);
Print("Delete", run.ToDelete, s => s.DeleteOn);

Console.WriteLine();
Console.WriteLine("Every box today:");
for (int i = 0; i < addresses.Count; i++)
{
    InactivitySchedule schedule = policy.ScheduleFor(lastConnections[i]);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  {addresses[i],-42} {MailboxKindCodes.ToCode(kinds[i])}  last {lastConnections[i]:yyyy-MM-dd}  {policy.StatusOn(lastConnections[i], today),-15} unpublish {schedule.UnpublishOn:yyyy-MM-dd}  alert {schedule.DeletionAlertOn:yyyy-MM-dd}  delete {schedule.DeleteOn:yyyy-MM-dd}"));
}

void Print(string title, IReadOnlyList<int> indices, Func<InactivitySchedule, LocalDate> day)
{
    Console.WriteLine($"{title}: {indices.Count}");
    foreach (int i in indices)
    {
        LocalDate due = day(policy.ScheduleFor(lastConnections[i]));
        string late = due < today ? $" (due {due:yyyy-MM-dd}, missed)" : string.Empty;
        Console.WriteLine($"  {addresses[i]}{late}");
    }
}
