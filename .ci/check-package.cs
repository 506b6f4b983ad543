// Checks the package CI just packed (issues 7 and 15): the three lib folders, each assembly strong-named with the
// repository's key and its XML docs beside it, the symbols package with a PDB per framework, the README (declared,
// absolute links only, the repository README otherwise), the icon, the license, the project URL and release notes,
// the SourceLink commit, and exactly the expected dependencies per framework group (no needless one).
// Run from the repository root: dotnet run .ci/check-package.cs -- artifacts/package
using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using System.Xml.Linq;

const string RepositoryBlob = "https://github.com/mss-core/Mss.Core/blob/main/";
const string ExpectedPublicKeyToken = "19c3b31d759a26bf"; // Mss.Core.snk
string[] frameworks = ["netstandard2.0", "net8.0", "net10.0"];

// What Mss.Core itself calls, per nuspec group. Anything else (System.Text.Encoding.CodePages, a transitive pin…) is a
// needless dependency every consumer would inherit.
var expectedDependencies = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
{
    // System.Security.Cryptography.Xml (issue 22): the signed liste blanche's XML-DSig, on every target (not in the BCL).
    [".NETStandard2.0"] = ["MimeKit", "NodaTime", "System.Memory", "Microsoft.Bcl.HashCode", "System.Text.Json", "System.Security.Cryptography.Xml"],
    ["net8.0"] = ["MimeKit", "NodaTime", "System.Security.Cryptography.Xml"],
    ["net10.0"] = ["MimeKit", "NodaTime", "System.Security.Cryptography.Xml"],
};

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
    var entries = zip.Entries.ToDictionary(e => e.FullName, StringComparer.Ordinal);
    byte[] Read(string name)
    {
        using Stream s = entries[name].Open();
        using var copy = new MemoryStream();
        s.CopyTo(copy);
        return copy.ToArray();
    }

    foreach (string tfm in frameworks)
    {
        string dll = $"lib/{tfm}/Mss.Core.dll";
        if (!entries.ContainsKey(dll))
        {
            problems.Add($"missing {dll}");
            continue;
        }

        if (!entries.ContainsKey($"lib/{tfm}/Mss.Core.xml"))
        {
            problems.Add($"missing lib/{tfm}/Mss.Core.xml (XML docs)");
        }

        CheckStrongName(dll, Read(dll));
    }

    string[] otherLibs = entries.Keys
        .Where(e => e.StartsWith("lib/", StringComparison.Ordinal) && !frameworks.Any(f => e.StartsWith($"lib/{f}/", StringComparison.Ordinal)))
        .ToArray();
    if (otherLibs.Length > 0)
    {
        problems.Add($"unexpected files under lib/: {string.Join(", ", otherLibs)}");
    }

    ZipArchiveEntry nuspec = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
    XElement metadata;
    using (Stream stream = nuspec.Open())
    {
        metadata = XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    XElement? Element(XElement parent, string name) => parent.Elements().FirstOrDefault(e => e.Name.LocalName == name);
    string? Field(string name) => Element(metadata, name)?.Value;
    if (Field("license") != "MIT")
    {
        problems.Add("license expression is not MIT");
    }

    if (Field("projectUrl") != "https://github.com/mss-core/Mss.Core")
    {
        problems.Add($"projectUrl is '{Field("projectUrl")}'");
    }

    if (Field("releaseNotes") is not { } notes || !notes.Contains(RepositoryBlob + "CHANGELOG.md", StringComparison.Ordinal))
    {
        problems.Add("release notes do not point at the CHANGELOG");
    }

    if (Element(metadata, "repository")?.Attribute("commit") is null)
    {
        problems.Add("no repository commit (SourceLink metadata)");
    }

    // Icon: declared and a PNG.
    if (Field("icon") is not { } icon || !entries.ContainsKey(icon))
    {
        problems.Add("package icon not declared or missing");
    }
    else if (!Read(icon).AsSpan().StartsWith(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }))
    {
        problems.Add($"{icon} is not a PNG");
    }

    // README: declared, no relative link (nuget.org has nothing to resolve them against), and otherwise the
    // repository's README (so the package page never drifts from it).
    if (Field("readme") != "README.md" || !entries.ContainsKey("README.md"))
    {
        problems.Add("package README not declared or missing");
    }
    else
    {
        string readme = System.Text.Encoding.UTF8.GetString(Read("README.md"));
        var relative = new Regex(@"\]\((?![a-zA-Z][a-zA-Z0-9+.-]*:|#)[^)]*\)|^\s*\[[^\]]+\]:\s*(?![a-zA-Z][a-zA-Z0-9+.-]*:|#)\S+|(?:href|src)\s*=\s*[""'](?![a-zA-Z][a-zA-Z0-9+.-]*:|#)", RegexOptions.Multiline);
        foreach (Match m in relative.Matches(readme))
        {
            problems.Add($"relative link in the package README: {m.Value.Trim()}");
        }

        if (File.Exists("README.md"))
        {
            string expected = File.ReadAllText("README.md").ReplaceLineEndings("\n").TrimEnd();
            if (readme.Replace(RepositoryBlob, "", StringComparison.Ordinal).ReplaceLineEndings("\n").TrimEnd() != expected)
            {
                problems.Add("package README differs from the repository README by more than its links");
            }
        }
    }

    // Dependencies: exactly the expected ids per group, and the same groups as the lib folders.
    XElement? dependencies = Element(metadata, "dependencies");
    var groups = dependencies?.Elements().Where(e => e.Name.LocalName == "group").ToList() ?? [];
    if (dependencies?.Elements().Any(e => e.Name.LocalName == "dependency") == true)
    {
        problems.Add("dependencies outside a framework group");
    }

    foreach (XElement group in groups)
    {
        string tfm = group.Attribute("targetFramework")?.Value ?? "(none)";
        string[] ids = group.Elements().Select(d => d.Attribute("id")!.Value).ToArray();
        Console.WriteLine($"package check: {tfm}: {string.Join(", ", group.Elements().Select(d => $"{d.Attribute("id")!.Value} {d.Attribute("version")!.Value}"))}");
        if (!expectedDependencies.TryGetValue(tfm, out string[]? expected))
        {
            problems.Add($"unexpected dependency group {tfm}");
            continue;
        }

        foreach (string needless in ids.Except(expected, StringComparer.OrdinalIgnoreCase))
        {
            problems.Add($"needless dependency {needless} in {tfm}");
        }

        foreach (string missing in expected.Except(ids, StringComparer.OrdinalIgnoreCase))
        {
            problems.Add($"missing dependency {missing} in {tfm}");
        }
    }

    foreach (string tfm in expectedDependencies.Keys.Except(groups.Select(g => g.Attribute("targetFramework")?.Value ?? ""), StringComparer.OrdinalIgnoreCase))
    {
        problems.Add($"missing dependency group {tfm}");
    }
}

// Symbols: a portable PDB per framework in the .snupkg.
string snupkg = Path.ChangeExtension(nupkg, ".snupkg");
if (!File.Exists(snupkg))
{
    problems.Add("missing .snupkg symbols package");
}
else
{
    using ZipArchive symbols = ZipFile.OpenRead(snupkg);
    foreach (string tfm in frameworks)
    {
        string pdb = $"lib/{tfm}/Mss.Core.pdb";
        ZipArchiveEntry? entry = symbols.GetEntry(pdb);
        if (entry is null)
        {
            problems.Add($"missing {pdb} in the .snupkg");
            continue;
        }

        using Stream s = entry.Open();
        var magic = new byte[4];
        s.ReadExactly(magic);
        if (!magic.AsSpan().SequenceEqual("BSJB"u8))
        {
            problems.Add($"{pdb} is not a portable PDB");
        }
    }
}

foreach (string problem in problems)
{
    Console.Error.WriteLine($"package check: {problem}");
}

Console.WriteLine(problems.Count == 0 ? $"package check: {Path.GetFileName(nupkg)} OK" : "package check failed");
return problems.Count == 0 ? 0 : 1;

// Strong name: the assembly carries the repository's public key (its token is computed here from the key, not read
// from anything the build wrote), the CLI header says it is signed, and the signature blob is really there (a
// delay-signed or public-signed assembly leaves it zeroed).
void CheckStrongName(string name, byte[] image)
{
    using var pe = new PEReader(new MemoryStream(image));
    MetadataReader reader = pe.GetMetadataReader();
    byte[] publicKey = reader.GetBlobBytes(reader.GetAssemblyDefinition().PublicKey);
    if (publicKey.Length == 0)
    {
        problems.Add($"{name} has no public key (not strong-named)");
        return;
    }

    // Public key token: the last 8 bytes of the key's SHA-1, reversed.
    string token = Convert.ToHexStringLower(SHA1.HashData(publicKey).TakeLast(8).Reverse().ToArray());
    if (token != ExpectedPublicKeyToken)
    {
        problems.Add($"{name} public key token is {token}, expected {ExpectedPublicKeyToken}");
    }

    CorHeader cor = pe.PEHeaders.CorHeader!;
    if ((cor.Flags & CorFlags.StrongNameSigned) == 0)
    {
        problems.Add($"{name} is not marked strong-name signed");
    }

    DirectoryEntry signature = cor.StrongNameSignatureDirectory;
    if (signature.Size == 0 || pe.GetSectionData(signature.RelativeVirtualAddress).GetContent(0, signature.Size).All(b => b == 0))
    {
        problems.Add($"{name} has no strong-name signature (delay- or public-signed)");
    }
}
