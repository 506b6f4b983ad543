// The executable consumers' entry point: run the checks, say what failed, exit non-zero on any failure.
using System;
using System.Collections.Generic;
using Mss.Core.Consumers;

IReadOnlyList<string> problems = ConsumerChecks.Run();
foreach (string problem in problems)
{
    Console.Error.WriteLine($"consumer check failed: {problem}");
}

Console.WriteLine(problems.Count == 0
    ? $"consumer (.NET {Environment.Version}): Mss.Core works from the package"
    : "consumer checks failed");
return problems.Count == 0 ? 0 : 1;
