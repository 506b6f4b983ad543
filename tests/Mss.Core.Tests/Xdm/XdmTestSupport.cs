using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Mss.Core.Xdm;
using NodaTime;

namespace Mss.Core.Tests.Xdm;

/// <summary>Real CDA documents (ANS CI-SIS examples, TestData/Cda/PROVENANCE.md) and crafted archives.</summary>
internal static class XdmTestSupport
{
    /// <summary>The INS of the ANS examples' patient (PAT-TROIS DOMINIQUE), under the INS-NIR test OID.</summary>
    internal const string ExampleIns = "279035121518989";

    internal const string InsNirTestOid = "1.2.250.1.213.1.4.10";

    internal static readonly Instant Now = Instant.FromUtc(2026, 11, 30, 9, 15, 42);

    internal static InsMatricule Patient => InsMatricule.Parse(ExampleIns);

    internal static byte[] Cda(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "Cda", name));

    internal static byte[] LdlSes => Cda("LDL-SES_2022.01.xml");

    internal static byte[] LdlEes => Cda("LDL-EES_2022.01.xml");

    internal static byte[] CdaWrappingPdf => Cda("DOC_NON_STRUCTURE_CDA-R2-N1.xml");

    internal static XdmPackageBuilder Builder() => new(Patient, InsNirTestOid, new Mailboxes.FixedClock(Now));

    /// <summary>SHA-1, lower-case hex, computed here independently of the library.</summary>
    internal static string Sha1(byte[] bytes) => Convert.ToHexString(SHA1.HashData(bytes)).ToLowerInvariant();

    /// <summary>A ZIP with the entries given, in that order.</summary>
    internal static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach ((string name, byte[] content) in entries)
            {
                ZipArchiveEntry entry = zip.CreateEntry(name, CompressionLevel.SmallestSize);
                using Stream stream = entry.Open();
                stream.Write(content);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>The entries of an archive, in order.</summary>
    internal static List<(string Name, byte[] Content)> Entries(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        var list = new List<(string, byte[])>();
        foreach (ZipArchiveEntry entry in archive.Entries)
        {
            using Stream stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            list.Add((entry.FullName, copy.ToArray()));
        }

        return list;
    }

    internal static XdmError Read(byte[] zip)
    {
        bool ok = XdmPackage.TryRead(new MemoryStream(zip), out XdmPackage? package, out XdmError error);
        Assert.Equal(ok, error == XdmError.None);
        Assert.Equal(ok, package is not null);
        return error;
    }

    internal static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);
}
