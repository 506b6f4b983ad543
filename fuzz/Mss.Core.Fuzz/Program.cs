using System.Globalization;
using System.Reflection;
using SharpFuzz;

namespace Mss.Core.Fuzz;

/// <summary>
/// Fuzz targets for Mss.Core's parsers and readers (issue 16). See fuzz/README.md.
/// <list type="bullet">
/// <item><c>replay [--mutations N] [--seconds S] [--target NAME] [--corpus DIR]</c>: corpus + deterministic mutations, no fuzzer (CI).</item>
/// <item><c>afl NAME</c>: one target under AFL++ (SharpFuzz out-of-process; instrument Mss.Core.dll first).</item>
/// <item><c>libfuzzer NAME</c>: one target under libFuzzer (SharpFuzz's libfuzzer-dotnet driver).</item>
/// <item><c>run NAME FILE…</c>: runs files through a target once and says what they do (reproducing a crash).</item>
/// <item><c>list</c>: the targets.</item>
/// </list>
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        string command = args.Length > 0 ? args[0] : "replay";
        switch (command)
        {
            case "list":
                foreach (FuzzTarget t in Targets.All)
                {
                    Console.WriteLine(t.Name);
                }

                return 0;
            case "replay":
                return RunReplay(args.AsSpan(1));
            case "afl" when args.Length == 2 && Targets.Find(args[1]) is { } aflTarget:
                Fuzzer.OutOfProcess.Run(stream =>
                {
                    using var buffer = new MemoryStream();
                    stream.CopyTo(buffer);
                    aflTarget.Run(buffer.ToArray());
                });
                return 0;
            case "libfuzzer" when args.Length == 2 && Targets.Find(args[1]) is { } libFuzzerTarget:
                Fuzzer.LibFuzzer.Run(data => libFuzzerTarget.Run(data));
                return 0;
            case "run" when args.Length >= 3 && Targets.Find(args[1]) is { } runTarget:
                int failed = 0;
                foreach (string file in args.Skip(2))
                {
                    try
                    {
                        runTarget.Run(File.ReadAllBytes(file));
                        Console.WriteLine($"{file}: ok");
                    }
                    catch (Exception e)
                    {
                        Console.WriteLine($"{file}: {e}");
                        failed++;
                    }
                }

                return failed == 0 ? 0 : 1;
            default:
                Console.Error.WriteLine("usage: replay [--mutations N] [--seconds S] [--target NAME] [--corpus DIR] | afl NAME | libfuzzer NAME | run NAME FILE... | list");
                Console.Error.WriteLine("targets: " + string.Join(", ", Targets.All.Select(t => t.Name)));
                return 2;
        }
    }

    private static int RunReplay(ReadOnlySpan<string> args)
    {
        int mutations = 20000;
        double seconds = 75;
        string? only = null;
        string corpus = DefaultCorpus();
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--mutations":
                    mutations = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                case "--seconds":
                    seconds = double.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                case "--target":
                    only = args[i + 1];
                    break;
                case "--corpus":
                    corpus = args[i + 1];
                    break;
                default:
                    Console.Error.WriteLine($"unknown option {args[i]}");
                    return 2;
            }
        }

        if (args.Length % 2 != 0)
        {
            Console.Error.WriteLine($"option {args[^1]} needs a value");
            return 2;
        }

        IReadOnlyList<FuzzTarget> targets = only is null ? Targets.All : Targets.All.Where(t => t.Name == only).ToList();
        if (targets.Count == 0)
        {
            Console.Error.WriteLine($"no target {only}");
            return 2;
        }

        return Replay.Run(targets, corpus, mutations, seconds);
    }

    /// <summary>The corpus folder beside the project's sources (set at build time), so regressions land in the repository.</summary>
    private static string DefaultCorpus() =>
        typeof(Program).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "CorpusDirectory")?.Value
        ?? Path.Combine(AppContext.BaseDirectory, "corpus");
}
