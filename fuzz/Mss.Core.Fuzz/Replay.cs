using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;

namespace Mss.Core.Fuzz;

/// <summary>
/// Runs each target over its corpus, then over deterministic mutations of it, without a fuzzer (what CI runs). A
/// contract violation prints the input in hex and saves it in the target's corpus folder, where every later replay
/// runs it again (a regression case).
/// </summary>
internal static class Replay
{
    /// <summary>Stops reporting a target after this many violations (the first ones say enough).</summary>
    private const int MaxViolationsPerTarget = 3;

    /// <summary>The mutations' seed: fixed, so every run tries the same inputs.</summary>
    private const ulong Seed = 0x4D53_5341_4E54_4531UL;

    public static int Run(IReadOnlyList<FuzzTarget> targets, string corpusRoot, int mutations, double seconds)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fuzz replay: {targets.Count} targets, corpus {corpusRoot}, {mutations} mutations each, budget {seconds:0} s"));
        var total = Stopwatch.StartNew();
        long inputs = 0;
        int violations = 0;
        for (int index = 0; index < targets.Count; index++)
        {
            // What the targets before left unused goes to the ones after (the MIME readers are the slow ones).
            FuzzTarget target = targets[index];
            double perTarget = (seconds - total.Elapsed.TotalSeconds) / (targets.Count - index);
            string folder = Path.Combine(corpusRoot, target.Name);
            List<byte[]> corpus = Corpus.Read(folder);
            var clock = Stopwatch.StartNew();
            var found = new List<string>();
            long run = 0;
            long slowestTicks = 0;
            int mutated = 0;
            foreach (byte[] input in corpus)
            {
                RunOne(target, input, folder, found, ref slowestTicks, save: false);
                run++;
            }

            var mutator = new Mutator(Seed ^ Hash(target.Name), corpus, target.Tokens, target.MaxLength);
            for (; mutated < mutations && found.Count < MaxViolationsPerTarget; mutated++)
            {
                if (clock.Elapsed.TotalSeconds > perTarget)
                {
                    break;
                }

                RunOne(target, mutator.Next(), folder, found, ref slowestTicks, save: true);
                run++;
            }

            inputs += run;
            violations += found.Count;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  {target.Name,-20} {corpus.Count,4} corpus + {mutated,6} mutations in {clock.Elapsed.TotalSeconds,6:0.00} s, slowest input {TimeSpan.FromTicks(slowestTicks).TotalMilliseconds,7:0.0} ms{(mutated < mutations && found.Count == 0 ? "  (time budget reached)" : string.Empty)}{(found.Count > 0 ? $"  {found.Count} VIOLATION(S)" : string.Empty)}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fuzz replay: {inputs} inputs in {total.Elapsed.TotalSeconds:0.0} s, {violations} contract violation(s)"));
        return violations == 0 ? 0 : 1;
    }

    /// <summary>Runs one input; on a violation prints it and, for a new input, saves it as a regression case.</summary>
    private static void RunOne(FuzzTarget target, byte[] input, string folder, List<string> found, ref long slowestTicks, bool save)
    {
        long start = Stopwatch.GetTimestamp();
        try
        {
            target.Run(input);
        }
        catch (Exception e)
        {
            string name = "regression-" + Convert.ToHexStringLower(SHA256.HashData(input), 0, 8);
            found.Add(name);
            Console.WriteLine($"\nVIOLATION in {target.Name}: {e.GetType().FullName}: {e.Message}");
            if (e.InnerException is { } inner)
            {
                Console.WriteLine($"  caused by {inner.GetType().FullName}: {inner.Message}");
            }

            Console.WriteLine(e.StackTrace);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  input ({input.Length} bytes, hex{(input.Length > 1024 ? ", first 1024 bytes" : string.Empty)}):"));
            Console.WriteLine("  " + Convert.ToHexString(input, 0, Math.Min(input.Length, 1024)));
            if (save)
            {
                System.IO.Directory.CreateDirectory(folder);
                string path = Path.Combine(folder, name);
                File.WriteAllBytes(path, input);
                Console.WriteLine($"  saved as {path} (a regression case: commit it with the fix)");
            }
        }

        slowestTicks = Math.Max(slowestTicks, Stopwatch.GetElapsedTime(start).Ticks);
    }

    /// <summary>FNV-1a of the name: a per-target seed that does not depend on string hashing randomisation.</summary>
    private static ulong Hash(string name)
    {
        ulong hash = 14695981039346656037UL;
        foreach (char c in name)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}

/// <summary>A target's corpus: every file of its folder, in ordinal name order (the same order on every machine).</summary>
internal static class Corpus
{
    public static List<byte[]> Read(string folder) =>
        System.IO.Directory.Exists(folder)
            ? System.IO.Directory.GetFiles(folder)
                .Where(path => !Path.GetFileName(path).StartsWith('.'))
                .Order(StringComparer.Ordinal)
                .Select(File.ReadAllBytes)
                .ToList()
            : [];
}
