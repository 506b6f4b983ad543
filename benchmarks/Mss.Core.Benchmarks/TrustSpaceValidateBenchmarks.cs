using System.IO.Compression;
using BenchmarkDotNet.Attributes;

namespace Mss.Core.Benchmarks;

/// <summary>
/// The cost of the trust space in address validation (issue 22, ADDR-1 0.3): <c>Validate(s, styles)</c> (0.2, the
/// suffix rule; baseline) against <c>Validate(s, styles, trust)</c> with ANS's real liste blanche (4,944 domains, the
/// signed copy in tests/Mss.Core.Tests/TestData/TrustSpace) and with <see cref="TrustSpace.MssanteFr"/>. 1,000 addresses,
/// shuffled with seed 42: 500 professional on listed <c>.mssante.fr</c> domains, 100 on
/// <c>interop-mssante.apicrypt.org</c>, 200 patient addresses, 100 on unlisted <c>.mssante.fr</c> domains, 100 invalid
/// (look-alikes, suffix tricks, syntax). Per address (OperationsPerInvoke). Target: at most 40 ns more than the
/// baseline, 0 B.
/// Run: <c>dotnet run -c Release --project benchmarks/Mss.Core.Benchmarks -- --filter '*TrustSpaceValidate*'</c>.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class TrustSpaceValidateBenchmarks
{
    private const int Count = 1000;

    private static readonly string[] Invalid =
    [
        "jean.dupont@mssante.fr.evil.com", "jean.dupont@interop-mssante.apicrypt.org.evil.com", "jean.dupont@ch-nord.mss\u0430nte.fr",
        "jean.dupont@xn--mssant-bva.fr", "Jean Dupont <jean.dupont@ch-nord.mssante.fr>", "jean..dupont@ch-nord.mssante.fr", "jean.dupont@gmail.com",
    ];

    private string[] _inputs = [];
    private TrustSpace _list = TrustSpace.MssanteFr;

    [GlobalSetup]
    public void Setup()
    {
        string directory = Corpus.Directory("TrustSpace");
        using (var gzip = new GZipStream(File.OpenRead(Path.Combine(directory, "signed-listeblanchemssante.xml.gz")), CompressionMode.Decompress))
        {
            _list = TrustSpace.LoadUnsignedWhitelist(gzip); // the same domains LoadWhitelist gives; the signature is not this benchmark's
        }

        string[] listed = System.Text.RegularExpressions.Regex.Matches(
                File.ReadAllText(Path.Combine(directory, "ans-github-listeblanchemssante.xml")), "<Nom>([^<]+)</Nom>")
            .Select(m => m.Groups[1].Value.Trim())
            .Where(d => d.EndsWith(".mssante.fr", StringComparison.Ordinal) && d != MssAddress.PatientDomain && _list.Contains(d))
            .Distinct()
            .ToArray();
        var random = new Random(42);
        var inputs = new List<string>(Count);
        for (int i = 0; i < 500; i++)
        {
            inputs.Add("secretariat." + i + "@" + listed[random.Next(listed.Length)]);
        }

        for (int i = 0; i < 100; i++)
        {
            inputs.Add("dr.martin" + i + "@interop-mssante.apicrypt.org");
        }

        for (int i = 0; i < 200; i++)
        {
            inputs.Add(PatientAddress(random));
        }

        for (int i = 0; i < 100; i++)
        {
            inputs.Add("accueil@etablissement-inconnu-" + i + ".mssante.fr");
        }

        for (int i = 0; i < 100; i++)
        {
            inputs.Add(Invalid[i % Invalid.Length]);
        }

        for (int i = inputs.Count - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (inputs[i], inputs[j]) = (inputs[j], inputs[i]);
        }

        _inputs = inputs.ToArray();
        int inside = _inputs.Count(s => MssAddress.Validate(s, AddressStyles.None, _list) == AddressError.None);
        if (inside != 800)
        {
            throw new InvalidOperationException($"Expected 800 addresses inside the list, got {inside}.");
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Count, Description = "Validate(s, styles) — 0.2, suffix rule")]
    public int Validate02()
    {
        int valid = 0;
        foreach (string s in _inputs)
        {
            valid += MssAddress.Validate(s, AddressStyles.None) == AddressError.None ? 1 : 0;
        }

        return valid;
    }

    [Benchmark(OperationsPerInvoke = Count, Description = "Validate(s, styles, MssanteFr)")]
    public int ValidateMssanteFr()
    {
        int valid = 0;
        foreach (string s in _inputs)
        {
            valid += MssAddress.Validate(s, AddressStyles.None, TrustSpace.MssanteFr) == AddressError.None ? 1 : 0;
        }

        return valid;
    }

    [Benchmark(OperationsPerInvoke = Count, Description = "Validate(s, styles, ANS's list)")]
    public int ValidateList()
    {
        int valid = 0;
        TrustSpace list = _list;
        foreach (string s in _inputs)
        {
            valid += MssAddress.Validate(s, AddressStyles.None, list) == AddressError.None ? 1 : 0;
        }

        return valid;
    }

    [Benchmark(OperationsPerInvoke = Count, Description = "Validate(s, Lenient) — 0.2")]
    public int ValidateLenient02()
    {
        int valid = 0;
        foreach (string s in _inputs)
        {
            valid += MssAddress.Validate(s, AddressStyles.Lenient) == AddressError.None ? 1 : 0;
        }

        return valid;
    }

    [Benchmark(OperationsPerInvoke = Count, Description = "Validate(s, Lenient, ANS's list)")]
    public int ValidateLenientList()
    {
        int valid = 0;
        TrustSpace list = _list;
        foreach (string s in _inputs)
        {
            valid += MssAddress.Validate(s, AddressStyles.Lenient, list) == AddressError.None ? 1 : 0;
        }

        return valid;
    }

    private static string PatientAddress(Random random)
    {
        long body = (1L + random.Next(2)) * 1_000_000_000_000 + ((long)random.Next(1_000_000) * 1_000_000) + random.Next(1_000_000);
        int key = 97 - (int)(body % 97);
        return body.ToString("D13", System.Globalization.CultureInfo.InvariantCulture) + key.ToString("D2", System.Globalization.CultureInfo.InvariantCulture) + "@" + MssAddress.PatientDomain;
    }
}
