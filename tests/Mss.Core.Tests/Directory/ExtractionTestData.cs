using System.IO.Compression;
using System.Text;

namespace Mss.Core.Tests.Directory;

/// <summary>The extraction-file fixture (TestData/Directory/Extraction, see PROVENANCE.md) and files built from it.</summary>
internal static class ExtractionTestData
{
    public const string Fixture = "Extraction/Extraction_Correspondance_MSSante_fixture.txt";

    /// <summary>The 31 column names as BAL-7 0.3 gives them.</summary>
    public const string Header =
        "Type de BAL|Adresse BAL|Type Identifiant PP|Identifiant PP|Identification nationale PP|Type identifiant structure|"
        + "Identification Structure|Service de rattachement|Civilité d'exercice|Nom d'exercice|Prénom d'exercice|Catégorie profession|"
        + "Libellé de catégorie profession|Code Profession|Libellé Profession|Code savoir-faire|Libellé savoir-faire|Dématérialisation|"
        + "Raison Sociale structure BAL|Enseigne commerciale structure BAL|L2COMPLEMENTLOCALISATION structure BAL|"
        + "L3COMPLEMENTDISTRIBUTION structure BAL|L4NUMEROVOIE structure BAL|L4COMPLEMENTNUMEROVOIE structure BAL|"
        + "L4TYPEVOIE structure BAL|L4LIBELLEVOIE structure BAL|L5LIEUDITMENTION structure BAL|L6LIGNEACHEMINEMENT structure BAL|"
        + "Code postal structure BAL|Département structure BAL|Pays structure BAL";

    public static byte[] FixtureBytes() => System.IO.File.ReadAllBytes(DirectoryTestData.PathOf(Fixture));

    public static string FixtureText() => Encoding.UTF8.GetString(FixtureBytes());

    /// <summary>A line of 31 fields: the given ones (column index → text), the others empty.</summary>
    public static string Row(params (int Column, string Text)[] fields)
    {
        string[] values = new string[31];
        Array.Fill(values, string.Empty);
        foreach ((int column, string text) in fields)
        {
            values[column] = text;
        }

        return string.Join("|", values);
    }

    /// <summary>A box line: type, address, IdNat_PS, structure type and id, family and given names.</summary>
    public static string Box(string type, string address, string nationalId = "", string structureType = "", string structure = "", string family = "", string given = "") =>
        Row((0, type), (1, address), (4, nationalId), (5, structureType), (6, structure), (9, family), (10, given));

    public static string File(params string[] lines) => Header + "\n" + string.Join("\n", lines) + "\n";

    public static Stream Stream(string text) => new MemoryStream(Encoding.UTF8.GetBytes(text));

    /// <summary>A ZIP holding one entry, as ANS serves the file.</summary>
    public static byte[] Zip(byte[] content, string name = "Extraction_Correspondance_MSSante_202612080313.txt")
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            ZipArchiveEntry entry = zip.CreateEntry(name, CompressionLevel.Optimal);
            using Stream stream = entry.Open();
            stream.Write(content);
        }

        return memory.ToArray();
    }

    /// <summary>A stream that cannot seek, as an HTTP response body.</summary>
    public static Stream Unseekable(byte[] bytes) => new UnseekableStream(bytes);

    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();
    }
}
