using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Mss.Core.Directory;

namespace Mss.Core.Benchmarks;

/// <summary>
/// A generated national extraction file (issue 23, BAL-7 0.3), shaped like ANS's <c>Extraction_Correspondance_MSSante</c>:
/// the 31 columns of BAL-7 0.3, 85 % PER lines (RPPS four times in five, else ADELI) and 15 % ORG, 30,000 structures
/// (FINESS, a SIRET one in five, Corsican and overseas ones), TRE_G15 professions with savoir-faire, services, AFNOR
/// address lines, one address in 20 in mixed case, one in 3,000 repeated on a second line with another structure (the
/// real file: 169 in 535,357), names drawn (seed 23) from 400 family names and 60 given names, bare quotes in some
/// structure names. About 180 bytes a line (the real file: 89 MB for 535,928 lines, 166 bytes).
/// </summary>
internal static class ExtractionData
{
    public const string Header =
        "Type de BAL|Adresse BAL|Type Identifiant PP|Identifiant PP|Identification nationale PP|Type identifiant structure|"
        + "Identification Structure|Service de rattachement|Civilité d'exercice|Nom d'exercice|Prénom d'exercice|Catégorie profession|"
        + "Libellé de catégorie profession|Code Profession|Libellé Profession|Code savoir-faire|Libellé savoir-faire|Dématérialisation|"
        + "Raison Sociale structure BAL|Enseigne commerciale structure BAL|L2COMPLEMENTLOCALISATION structure BAL|"
        + "L3COMPLEMENTDISTRIBUTION structure BAL|L4NUMEROVOIE structure BAL|L4COMPLEMENTNUMEROVOIE structure BAL|"
        + "L4TYPEVOIE structure BAL|L4LIBELLEVOIE structure BAL|L5LIEUDITMENTION structure BAL|L6LIGNEACHEMINEMENT structure BAL|"
        + "Code postal structure BAL|Département structure BAL|Pays structure BAL";

    private static readonly (string Code, string Label, string Sf, string SfLabel)[] Professions =
    [
        ("10", "Médecin", "SM54", "Médecine Générale (SM)"), ("10", "Médecin", "SM04", "Cardiologie et maladies vasculaires"),
        ("10", "Médecin", "SM26", "Qualifié en Médecine Générale (SM)"), ("10", "Médecin", "SM42", "Radio-diagnostic"),
        ("10", "Médecin", "SM38", "Psychiatrie"), ("21", "Pharmacien", "", ""), ("40", "Chirurgien-Dentiste", "SCD01", "Orthopédie dento-faciale"),
        ("40", "Chirurgien-Dentiste", "", ""), ("50", "Sage-Femme", "", ""), ("60", "Infirmier", "", ""), ("70", "Masseur-Kinésithérapeute", "", ""),
    ];

    private static readonly string[] Services = ["", "", "Cardiologie", "Urgences", "Pédiatrie", "Maternité", "Radiologie", "Secrétariat médical", "Bloc opératoire", "Laboratoire"];

    private static readonly string[] Towns =
    [
        "75015 PARIS", "75012 PARIS CEDEX 12", "69003 LYON", "13008 MARSEILLE", "31059 TOULOUSE CEDEX 9", "33000 BORDEAUX", "59000 LILLE",
        "67000 STRASBOURG", "44000 NANTES", "06000 NICE", "20090 AJACCIO", "20200 BASTIA", "97400 SAINT-DENIS", "97300 CAYENNE",
        "97200 FORT-DE-FRANCE", "01000 BOURG-EN-BRESSE", "58400 LA CHARITE SUR LOIRE", "35000 RENNES", "34000 MONTPELLIER", "51100 REIMS",
    ];

    private static readonly string[] FamilyStems =
    [
        "MARTIN", "BERNARD", "THOMAS", "PETIT", "ROBERT", "RICHARD", "DURAND", "DUBOIS", "MOREAU", "LAURENT",
        "SIMON", "MICHEL", "LEFEBVRE", "LEROY", "ROUX", "DAVID", "BERTRAND", "MOREL", "FOURNIER", "GIRARD",
        "BONNET", "DUPONT", "LAMBERT", "FONTAINE", "ROUSSEAU", "VINCENT", "MULLER", "LEFEVRE", "FAURE", "ANDRE",
        "MERCIER", "BLANC", "GUERIN", "BOYER", "GARNIER", "CHEVALIER", "FRANCOIS", "LEGRAND", "GAUTHIER", "GARCIA",
    ];

    private static readonly string[] FamilySuffixes = ["", "-LEBLANC", " DE LA TOUR", "-PERRIN", "ET", "IN", "EAU", "-GIRAUD", "-NOEL", "-ÉTIENNE"];

    private static readonly string[] Givens =
    [
        "Jean", "Marie", "Pierre", "Jeanne", "Michel", "Françoise", "André", "Monique", "Philippe", "Catherine",
        "Jacques", "Nathalie", "Louis", "Isabelle", "Alain", "Sylvie", "Nicolas", "Anne", "Christophe", "Martine",
        "Éric", "Christine", "Daniel", "Sophie", "Bernard", "Sandrine", "Patrick", "Valérie", "Laurent", "Céline",
        "Stéphane", "Julie", "Thierry", "Aurélie", "Olivier", "Émilie", "Frédéric", "Hélène", "Christian", "Claire",
        "Jean-Marie", "Marie-Claire", "Anne-Sophie", "Jean-Luc", "Luc", "Paul", "Léa", "Chloé", "Hugo", "Louise",
        "Gabriel", "Emma", "Raphaël", "Jade", "Arthur", "Zoé", "Jules", "Lina", "Adam", "Rose",
    ];

    /// <summary>540,000 lines for the measurements; <c>MSS_BENCH_SMALL=1</c> gives 2,000 to check that the benchmarks run.</summary>
    public static int Lines => Environment.GetEnvironmentVariable("MSS_BENCH_SMALL") == "1" ? 2_000 : 540_000;

    /// <summary>
    /// The file's bytes (UTF-8, LF). <paramref name="day"/> 1 is the next day's file: one box in 200 gone, one in 200
    /// new, one in 200 with another service.
    /// </summary>
    public static byte[] File(int lines, int day = 0)
    {
        var random = new Random(23);
        var sb = new StringBuilder(lines * 190);
        sb.Append(Header).Append('\n');
        for (int i = 0; i < lines; i++)
        {
            int n = i;
            bool gone = day == 1 && i % 200 == 7;
            bool changed = day == 1 && i % 200 == 11;
            if (gone)
            {
                n = lines + i; // deleted from the day before, and a new box in its place
            }

            int structure = random.Next(30_000);
            bool org = random.Next(100) < 15;
            bool siret = structure % 5 == 0;
            string structureId = siret
                ? (10000000000000L + (structure * 7919L)).ToString(CultureInfo.InvariantCulture)
                : structure % 97 == 0 ? "2A" + (structure % 10_000_000).ToString("D7", CultureInfo.InvariantCulture)
                : (structure % 95 + 1).ToString("D2", CultureInfo.InvariantCulture) + (structure % 10_000_000).ToString("D7", CultureInfo.InvariantCulture);
            string town = Towns[structure % Towns.Length];
            string service = Services[random.Next(Services.Length)];
            if (changed)
            {
                service = "Service modifié";
            }

            string domain = org || structure % 3 == 0 ? "ch-" + structure.ToString(CultureInfo.InvariantCulture) + ".mssante.fr" : "medecin.mssante.fr";
            string family = FamilyStems[random.Next(FamilyStems.Length)] + FamilySuffixes[random.Next(FamilySuffixes.Length)];
            string given = Givens[random.Next(Givens.Length)];
            var profession = Professions[random.Next(Professions.Length)];
            string local = org ? "secretariat." + n.ToString(CultureInfo.InvariantCulture) : Ascii(given) + "." + n.ToString(CultureInfo.InvariantCulture);
            string address = local + "@" + domain;
            if (n % 20 == 3)
            {
                address = address.ToUpperInvariant();
            }

            string name = (structure % 11 == 0 ? "CABINET \"" : "CENTRE HOSPITALIER ") + structure.ToString(CultureInfo.InvariantCulture) + (structure % 11 == 0 ? "\"" : string.Empty);
            AppendLine(sb, org, address, n, siret, structureId, service, family, given, profession, name, town);
            if (n % 3000 == 5)
            {
                AppendLine(sb, org, address, n, false, "75" + (n % 10_000_000).ToString("D7", CultureInfo.InvariantCulture), service, family, given, profession, name, town);
            }
        }

        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    /// <summary>The given name as an address's local part writes it: lower case, accents off (ADDR-3: ASCII).</summary>
    private static string Ascii(string given)
    {
        var sb = new StringBuilder();
        foreach (char c in given.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (c < 0x80)
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static void AppendLine(
        StringBuilder sb, bool org, string address, int n, bool siret, string structureId, string service, string family, string given,
        (string Code, string Label, string Sf, string SfLabel) profession, string name, string town)
    {
        bool adeli = n % 5 == 4;
        string id = adeli ? (100000000 + n).ToString(CultureInfo.InvariantCulture) : (10000000000L + n).ToString(CultureInfo.InvariantCulture);
        sb.Append(org ? "ORG" : "PER").Append('|').Append(address).Append('|');
        if (org)
        {
            sb.Append("|||");
        }
        else
        {
            sb.Append(adeli ? '0' : '8').Append('|').Append(id).Append('|').Append(adeli ? '0' : '8').Append(id).Append('|');
        }

        sb.Append(siret ? '3' : '1').Append('|').Append(structureId).Append('|').Append(service).Append('|');
        if (org)
        {
            sb.Append("|||||||||");
        }
        else
        {
            sb.Append("DR|").Append(family).Append('|').Append(given).Append("|C|Civil|").Append(profession.Code).Append('|').Append(profession.Label)
              .Append('|').Append(profession.Sf).Append('|').Append(profession.SfLabel).Append('|');
        }

        sb.Append("O|").Append(name).Append("||||12||RUE|DE LA REPUBLIQUE||").Append(town).Append('|').Append(town, 0, 5).Append('|')
          .Append(town, 0, 2).Append("|FRANCE\n");
    }
}

/// <summary>
/// Loading the national extraction file (issue 23 targets, 540,000 lines: load and index at most 1.0× a naive reader,
/// <c>StreamReader.ReadLine</c> + <c>Split('|')</c> + a case-insensitive <c>Dictionary&lt;string, string[]&gt;</c> by
/// address; at most 450 bytes retained per box; <c>Compare</c> of two national-size directories at most 0.5× a load).
/// Run: <c>dotnet run -c Release --project benchmarks/Mss.Core.Benchmarks -- --filter '*Extraction*'</c>. The setup
/// prints the memory the loaded directory keeps per box.
/// </summary>
[MemoryDiagnoser]
public class ExtractionBenchmarks
{
    private byte[] _file = [];
    private MssDirectory _before = null!;
    private MssDirectory _after = null!;

    [GlobalSetup]
    public void Setup()
    {
        int lines = ExtractionData.Lines;
        _file = ExtractionData.File(lines);
        long before = GC.GetTotalMemory(forceFullCollection: true);
        MssDirectory directory = MssDirectory.LoadExtraction(new MemoryStream(_file, writable: false));
        long after = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"// Extraction: {lines} lines, {_file.Length} bytes, {directory.Count} boxes, {directory.Skipped} skipped, retained {(after - before) / (double)directory.Count:F0} bytes per box");
        _before = directory;
        _after = MssDirectory.LoadExtraction(new MemoryStream(ExtractionData.File(lines, day: 1), writable: false));
        DirectoryChanges changes = MssDirectory.Compare(_before, _after);
        Console.WriteLine($"// Compare: {changes.Created.Count} created, {changes.Deleted.Count} deleted, {changes.Changed.Count} changed");
    }

    [Benchmark(Baseline = true)]
    public int NaiveReadLineSplit()
    {
        var byAddress = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        using var reader = new StreamReader(new MemoryStream(_file, writable: false), Encoding.UTF8);
        reader.ReadLine(); // header
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            string[] fields = line.Split('|');
            if (fields.Length > 1)
            {
                byAddress.TryAdd(fields[1], fields);
            }
        }

        return byAddress.Count;
    }

    [Benchmark]
    public int LoadExtraction() => MssDirectory.LoadExtraction(new MemoryStream(_file, writable: false)).Count;

    [Benchmark]
    public int Compare()
    {
        DirectoryChanges changes = MssDirectory.Compare(_before, _after);
        return changes.Created.Count + changes.Deleted.Count + changes.Changed.Count;
    }
}
