using System.Globalization;
using BenchmarkDotNet.Attributes;

namespace Mss.Core.Benchmarks;

/// <summary>
/// INS matricule parsing and validation (issue 2): a mix of 1,000 matricules (70 % valid, 10 % of them Corsican; 20 %
/// wrong key; 10 % bad character), against the validator vendors typically hand-write (substring, replace, long.Parse).
/// Results are per matricule (OperationsPerInvoke).
/// </summary>
[MemoryDiagnoser]
public class InsMatriculeBenchmarks
{
    private const int Count = 1000;
    private string[] _inputs = [];
    private string[] _lenient = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _inputs = new string[Count];
        _lenient = new string[Count];
        for (int i = 0; i < Count; i++)
        {
            string department = i % 10 == 0 ? (i % 20 == 0 ? "2A" : "2B") : random.Next(1, 96).ToString("00", CultureInfo.InvariantCulture);
            string body = $"{random.Next(1, 3)}{random.Next(0, 100):00}{random.Next(1, 13):00}{department}{random.Next(0, 1_000_000):000000}";
            string text = InsMatricule.FromBody(body).ToString();
            _inputs[i] = (i % 5) switch
            {
                3 => text.Substring(0, 13) + ((InsMatricule.ComputeKey(body) % 97) + 1).ToString("00", CultureInfo.InvariantCulture), // wrong key
                4 when i % 10 == 4 => text.Substring(0, 14) + "X",
                _ => text,
            };
            _lenient[i] = $"{text[0]} {text.Substring(1, 2)} {text.Substring(3, 2)} {text.Substring(5, 2).ToLowerInvariant()} {text.Substring(7, 3)} {text.Substring(10, 3)} {text.Substring(13, 2)}";
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public int HandWritten_SubstringLongParse()
    {
        int valid = 0;
        foreach (string s in _inputs)
        {
            if (HandWritten(s))
            {
                valid++;
            }
        }

        return valid;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public int TryParse()
    {
        int valid = 0;
        foreach (string s in _inputs)
        {
            if (InsMatricule.TryParse(s, out _))
            {
                valid++;
            }
        }

        return valid;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public int Validate()
    {
        int valid = 0;
        foreach (string s in _inputs)
        {
            if (InsMatricule.Validate(s) == InsError.None)
            {
                valid++;
            }
        }

        return valid;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public int TryParse_Lenient()
    {
        int valid = 0;
        foreach (string s in _lenient)
        {
            if (InsMatricule.TryParse(s, InsStyles.Lenient, out _))
            {
                valid++;
            }
        }

        return valid;
    }

    /// <summary>The shape of validators found in the wild (with the correct Corsica rule, to compare like with like).</summary>
    private static bool HandWritten(string s)
    {
        if (s.Length != 15)
        {
            return false;
        }

        string body = s.Substring(0, 13).Replace("2A", "19", StringComparison.Ordinal).Replace("2B", "18", StringComparison.Ordinal);
        return long.TryParse(body, NumberStyles.None, CultureInfo.InvariantCulture, out long n)
            && int.TryParse(s.AsSpan(13, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int key)
            && key == 97 - (n % 97);
    }
}
