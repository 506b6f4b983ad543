using System.Globalization;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Mss.Core.Directory;

namespace Mss.Core.Benchmarks;

/// <summary>
/// Generated Annuaire Santé data (issue 14, BAL-7): Practitioner resources as NDJSON, each with one PER box carrying the
/// <c>as-ext-mailbox-mss-metadata</c> extension (type, listeRouge), an IdNat_PS and a name, plus an ordinary e-mail; names
/// drawn (seed 42) from 400 family names and 60 given names, so homonyms and shared prefixes are frequent.
/// </summary>
internal static class DirectoryData
{
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

    public static string[] Addresses(int count)
    {
        var addresses = new string[count];
        for (int i = 0; i < count; i++)
        {
            addresses[i] = "pro" + i.ToString(CultureInfo.InvariantCulture) + "@medecin.mssante.fr";
        }

        return addresses;
    }

    /// <summary>The NDJSON lines (UTF-8, '\n' separated) of <paramref name="count"/> Practitioners with one box each.</summary>
    public static byte[] Ndjson(int count)
    {
        var random = new Random(42);
        var sb = new StringBuilder(count * 700);
        for (int i = 0; i < count; i++)
        {
            string family = FamilyStems[random.Next(FamilyStems.Length)] + FamilySuffixes[random.Next(FamilySuffixes.Length)];
            string given = Givens[random.Next(Givens.Length)];
            string rpps = (10000000000L + i).ToString(CultureInfo.InvariantCulture);
            sb.Append("{\"resourceType\":\"Practitioner\",\"id\":\"p").Append(i)
              .Append("\",\"meta\":{\"versionId\":\"1\",\"lastUpdated\":\"2025-11-04T09:12:00.000+01:00\",\"source\":\"https://annuaire.sante.fr\"}")
              .Append(",\"identifier\":[{\"use\":\"official\",\"type\":{\"coding\":[{\"system\":\"https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203\",\"code\":\"IDNPS\"}]},\"system\":\"urn:oid:1.2.250.1.71.4.2.1\",\"value\":\"8").Append(rpps).Append("\"}]")
              .Append(",\"active\":true,\"name\":[{\"use\":\"usual\",\"family\":\"").Append(family).Append("\",\"given\":[\"").Append(given).Append("\"],\"prefix\":[\"DR\"]}]")
              .Append(",\"telecom\":[{\"extension\":[{\"extension\":[{\"url\":\"type\",\"valueCodeableConcept\":{\"coding\":[{\"system\":\"https://mos.esante.gouv.fr/NOS/TRE_R257-TypeBAL/FHIR/TRE-R257-TypeBAL\",\"code\":\"PER\"}]}},{\"url\":\"listeRouge\",\"valueBoolean\":false}],\"url\":\"https://interop.esante.gouv.fr/ig/fhir/annuaire/StructureDefinition/as-ext-mailbox-mss-metadata\"}],\"system\":\"email\",\"value\":\"pro")
              .Append(i).Append("@medecin.mssante.fr\"},{\"system\":\"email\",\"value\":\"pro").Append(i).Append("@orange.fr\"}]}\n");
        }

        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    /// <summary>1,000,000 for the measurements; <c>MSS_BENCH_SMALL=1</c> gives 2,000 to check that the benchmarks run.</summary>
    public static bool Small => Environment.GetEnvironmentVariable("MSS_BENCH_SMALL") == "1";

    /// <summary><c>MSS_BENCH_BOXES=200000</c>: one size only for the load benchmark (issue 27's).</summary>
    public static int? Boxes => int.TryParse(Environment.GetEnvironmentVariable("MSS_BENCH_BOXES"), NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0 ? n : null;
}

/// <summary>
/// Loading and indexing the Annuaire's NDJSON (issue 14 target: no slower than parsing the same lines into
/// <see cref="JsonDocument"/>, which only parses). Run:
/// <c>dotnet run -c Release --project benchmarks/Mss.Core.Benchmarks -- --filter '*DirectoryLoad*'</c>.
/// The setup prints the memory the loaded directory keeps per box.
/// </summary>
[MemoryDiagnoser]
public class DirectoryLoadBenchmarks
{
    private byte[] _ndjson = [];

    [ParamsSource(nameof(Sizes))]
    public int Boxes { get; set; }

    // 200,000: issue 27's measurement (target ≤ 1.0× the baseline); 1,000,000: issue 14's. MSS_BENCH_BOXES=n: n only.
    public static IEnumerable<int> Sizes => DirectoryData.Small ? [2_000] : DirectoryData.Boxes is { } boxes ? [boxes] : [200_000, 1_000_000];

    [GlobalSetup]
    public void Setup()
    {
        _ndjson = DirectoryData.Ndjson(Boxes);
        long before = GC.GetTotalMemory(forceFullCollection: true);
        MssDirectory directory = MssDirectory.Load(new MemoryStream(_ndjson, writable: false));
        long after = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"// Directory: {directory.Count} boxes, {directory.Skipped} skipped, input {_ndjson.Length / (double)Boxes:F0} bytes per box, retained {(after - before) / (double)Boxes:F0} bytes per box");
        GC.KeepAlive(directory);
    }

    [Benchmark(Baseline = true)]
    public int JsonDocumentPerLine()
    {
        int count = 0;
        ReadOnlySpan<byte> rest = _ndjson;
        while (!rest.IsEmpty)
        {
            int newline = rest.IndexOf((byte)'\n');
            ReadOnlySpan<byte> line = newline < 0 ? rest : rest[..newline];
            rest = newline < 0 ? [] : rest[(newline + 1)..];
            if (line.IsEmpty)
            {
                continue;
            }

            var reader = new Utf8JsonReader(line);
            using JsonDocument document = JsonDocument.ParseValue(ref reader);
            count += document.RootElement.Touch();
        }

        return count;
    }

    [Benchmark]
    public int LoadAndIndex() => MssDirectory.Load(new MemoryStream(_ndjson, writable: false)).Count;
}

/// <summary>
/// Looking a box up by address (issue 14 target: within 1.5× of a <c>Dictionary&lt;string, …&gt;</c> lookup), per lookup
/// over 1,000 addresses (mixed case for a quarter of them). Run: <c>-- --filter '*DirectoryLookup*'</c>.
/// </summary>
[MemoryDiagnoser]
public class DirectoryLookupBenchmarks
{
    private const int Lookups = 1000;
    private MssDirectory _directory = null!;
    private Dictionary<string, DirectoryEntry> _dictionary = null!;
    private Dictionary<string, DirectoryEntry> _ignoreCase = null!;
    private MssAddress[] _addresses = [];
    private string[] _mixed = [];
    private string[] _texts = [];

    [ParamsSource(nameof(Sizes))]
    public int Boxes { get; set; }

    public static IEnumerable<int> Sizes => DirectoryData.Small ? [2_000] : [1_000_000];

    [GlobalSetup]
    public void Setup()
    {
        _directory = MssDirectory.Load(new MemoryStream(DirectoryData.Ndjson(Boxes)));
        _dictionary = _directory.Entries.ToDictionary(e => e.Address.ToString(), StringComparer.Ordinal);
        var random = new Random(7);
        string[] all = DirectoryData.Addresses(Boxes);
        _texts = Enumerable.Range(0, Lookups).Select(_ => all[random.Next(all.Length)]).ToArray();
        _mixed = _texts.Select((t, i) => i % 4 == 0 ? char.ToUpperInvariant(t[0]) + t[1..] : t).ToArray();
        _addresses = _mixed.Select(MssAddress.Parse).ToArray();
        _ignoreCase = _directory.Entries.ToDictionary(e => e.Address.ToString(), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The same texts as <see cref="TryFind"/> (a quarter in mixed case) in a dictionary that ignores case.</summary>
    [Benchmark(OperationsPerInvoke = Lookups)]
    public int DictionaryIgnoringCase()
    {
        int found = 0;
        foreach (string text in _mixed)
        {
            if (_ignoreCase.TryGetValue(text, out _))
            {
                found++;
            }
        }

        return found;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Lookups)]
    public int DictionaryOfString()
    {
        int found = 0;
        foreach (string text in _texts)
        {
            if (_dictionary.TryGetValue(text, out _))
            {
                found++;
            }
        }

        return found;
    }

    [Benchmark(OperationsPerInvoke = Lookups)]
    public int TryFind()
    {
        int found = 0;
        foreach (MssAddress address in _addresses)
        {
            if (_directory.TryFind(address, out _))
            {
                found++;
            }
        }

        return found;
    }
}

/// <summary>
/// Name search, 20 results, on 200,000 boxes (issue 14 target: under 200 µs); the name index is built in the setup (it
/// is built on first use). Run: <c>-- --filter '*DirectorySearch*'</c>.
/// </summary>
[MemoryDiagnoser]
public class DirectorySearchBenchmarks
{
    private MssDirectory _directory = null!;

    [ParamsSource(nameof(Sizes))]
    public int Boxes { get; set; }

    [Params("mar", "dupont jea", "lefebvre marie-cl", "zzz")]
    public string Query { get; set; } = string.Empty;

    public static IEnumerable<int> Sizes => DirectoryData.Small ? [2_000] : [200_000];

    [GlobalSetup]
    public void Setup()
    {
        _directory = MssDirectory.Load(new MemoryStream(DirectoryData.Ndjson(Boxes)));
        _directory.Search("warm up", 1);
    }

    [Benchmark]
    public int Search20() => _directory.Search(Query, 20).Count;

    [Benchmark]
    public int Homonyms() => _directory.Homonyms(_directory.Entries[Boxes / 2]).Count;
}

/// <summary>
/// Issue 27: the first <see cref="MssDirectory.Search"/> after a load, name index included (target: within 50 ms on
/// 200,000 boxes). Each measured call runs on a directory loaded fresh in the iteration's setup (not measured). Run:
/// <c>-- --filter '*DirectoryFirstSearch*'</c>.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(1)]
public class DirectoryFirstSearchBenchmarks
{
    private byte[] _ndjson = [];
    private MssDirectory _directory = null!;

    [ParamsSource(nameof(Sizes))]
    public int Boxes { get; set; }

    public static IEnumerable<int> Sizes => DirectoryData.Small ? [2_000] : [200_000];

    [GlobalSetup]
    public void Setup() => _ndjson = DirectoryData.Ndjson(Boxes);

    [IterationSetup]
    public void Load() => _directory = MssDirectory.Load(new MemoryStream(_ndjson, writable: false));

    [Benchmark]
    public int FirstSearch() => _directory.Search("dupont jea", 20).Count;
}

internal static class JsonElementExtensions
{
    /// <summary>Touches the document so that the parse cannot be skipped: the number of properties of the root.</summary>
    public static int Touch(this JsonElement element) => element.ValueKind == JsonValueKind.Object ? 1 : 0;
}
