using BenchmarkDotNet.Running;

namespace Mss.Core.Benchmarks;

/// <summary>Runs the benchmarks: <c>dotnet run -c Release --project benchmarks/Mss.Core.Benchmarks -- --filter '*'</c>.</summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args is ["bounce-ratios"])
        {
            // Issue 27: each message's TryRead against its own MimeKit parse (see DeliveryReportBenchmarks.WorstRatios).
            DeliveryReportBenchmarks.WorstRatios(Console.Out);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
