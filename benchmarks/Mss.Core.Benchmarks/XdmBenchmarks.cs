using System.IO.Compression;
using BenchmarkDotNet.Attributes;
using Mss.Core.Xdm;

namespace Mss.Core.Benchmarks;

/// <summary>
/// Reading a received IHE_XDM.ZIP (REF2-2) with <see cref="XdmPackage.TryRead"/>: 100, 1 000 and 10 000 small PDF
/// documents (1×, 10×, 100×), and a decompression bomb (one document that inflates to 1 GiB from about 1 MiB) that must be
/// refused at the first byte beyond its declared size, in little time and memory.
/// </summary>
[MemoryDiagnoser]
public class XdmBenchmarks
{
    private byte[] _archive = [];
    private byte[] _bomb = [];

    [Params(100, 1_000, 10_000)]
    public int Documents { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var builder = Builder(); // REF2-2 0.3: no default facility or practice setting; SA07 gives the contentTypeCode
        var random = new Random(42);
        for (int i = 0; i < Documents; i++)
        {
            byte[] pdf = new byte[512];
            random.NextBytes(pdf);
            builder.AddDocument("cr.pdf", pdf, "application/pdf", "11488-4", "Compte rendu " + i);
        }

        _archive = builder.Build().ToZip();
        _bomb = Bomb();
    }

    [Benchmark(Baseline = true)]
    public bool TryRead() => XdmPackage.TryRead(new MemoryStream(_archive, false), out _, out _);

    [Benchmark]
    public XdmError TryReadBomb()
    {
        XdmPackage.TryRead(new MemoryStream(_bomb, false), out _, out XdmError error);
        return error; // TooLarge
    }

    private static XdmPackageBuilder Builder() => new XdmPackageBuilder(InsMatricule.Parse("279035121518989"), "1.2.250.1.213.1.4.10")
        .HealthcareFacilityTypeCode(new XdmCode("SA07", "1.2.250.1.71.4.2.4", "Cabinet individuel"))
        .PracticeSettingCode(new XdmCode("AMBULATOIRE", "1.2.250.1.213.1.1.4.9", "Ambulatoire"));

    /// <summary>A valid one-document package whose document entry is replaced by 1 GiB of zeros (its metadata still says 512 bytes).</summary>
    private static byte[] Bomb()
    {
        byte[] small = Builder()
            .AddDocument("cr.pdf", new byte[512], "application/pdf", "11488-4", "Compte rendu").Build().ToZip();
        using var source = new ZipArchive(new MemoryStream(small), ZipArchiveMode.Read);
        using var buffer = new MemoryStream();
        using (var target = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (ZipArchiveEntry entry in source.Entries)
            {
                ZipArchiveEntry copy = target.CreateEntry(entry.FullName, CompressionLevel.SmallestSize);
                using Stream output = copy.Open();
                if (entry.FullName.EndsWith(".PDF", StringComparison.Ordinal))
                {
                    byte[] zeros = new byte[1 << 20];
                    for (int i = 0; i < 1024; i++)
                    {
                        output.Write(zeros);
                    }
                }
                else
                {
                    using Stream input = entry.Open();
                    input.CopyTo(output);
                }
            }
        }

        return buffer.ToArray();
    }
}
