// Checks the package CI just packed (issue 7): the three lib folders with XML docs, the README, the license
// expression and the symbols package. Run: dotnet run .ci/check-package.cs -- artifacts/package
using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;

string folder = args.Length > 0 ? args[0] : "artifacts/package";
string[] packages = Directory.GetFiles(folder, "Mss.Core.*.nupkg");
if (packages.Length != 1)
{
    Console.Error.WriteLine($"expected one Mss.Core nupkg in {folder}, found {packages.Length}");
    return 1;
}

string nupkg = packages[0];
var problems = new List<string>();
using (ZipArchive zip = ZipFile.OpenRead(nupkg))
{
    var entries = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
    foreach (string tfm in new[] { "netstandard2.0", "net8.0", "net10.0" })
    {
        foreach (string file in new[] { "Mss.Core.dll", "Mss.Core.xml" })
        {
            if (!entries.Contains($"lib/{tfm}/{file}"))
            {
                problems.Add($"missing lib/{tfm}/{file}");
            }
        }
    }

    if (!entries.Contains("README.md"))
    {
        problems.Add("missing README.md");
    }

    ZipArchiveEntry nuspec = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
    using Stream stream = nuspec.Open();
    XElement metadata = XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    string? Field(string name) => metadata.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
    if (Field("license") != "MIT")
    {
        problems.Add("license expression is not MIT");
    }

    if (Field("readme") != "README.md")
    {
        problems.Add("package README not declared");
    }

    if (metadata.Elements().FirstOrDefault(e => e.Name.LocalName == "repository")?.Attribute("commit") is null)
    {
        problems.Add("no repository commit (SourceLink metadata)");
    }
}

if (!File.Exists(Path.ChangeExtension(nupkg, ".snupkg")))
{
    problems.Add("missing .snupkg symbols package");
}

foreach (string problem in problems)
{
    Console.Error.WriteLine($"package check: {problem}");
}

Console.WriteLine(problems.Count == 0 ? $"package check: {Path.GetFileName(nupkg)} OK" : "package check failed");
return problems.Count == 0 ? 0 : 1;
