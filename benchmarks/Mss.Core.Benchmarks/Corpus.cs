namespace Mss.Core.Benchmarks;

/// <summary>Finds the test data of tests/Mss.Core.Tests/TestData from wherever BenchmarkDotNet runs the benchmark.</summary>
internal static class Corpus
{
    public static string Directory(params string[] parts)
    {
        for (DirectoryInfo? d = new(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            string candidate = Path.Combine([d.FullName, "tests", "Mss.Core.Tests", "TestData", .. parts]);
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/Mss.Core.Tests/TestData/" + string.Join('/', parts) + " not found above " + AppContext.BaseDirectory);
    }
}
