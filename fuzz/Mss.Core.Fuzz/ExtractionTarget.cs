using Mss.Core.Directory;

namespace Mss.Core.Fuzz;

/// <summary>The national extraction file reader (BAL-7 0.3), <c>MssDirectory.LoadExtraction</c>, on hostile bytes.</summary>
internal static class ExtractionTarget
{
    public static readonly string[] Tokens =
    [
        "Type de BAL|Adresse BAL|Identification nationale PP|Type identifiant structure|Identification Structure|Nom d'exercice|L6LIGNEACHEMINEMENT|Code postal\n",
        "PER|", "ORG|", "APP|", "|", "||", "\r\n", "\n", "\"", "a@medecin.mssante.fr|", "A@MEDECIN.MSSANTE.FR|", "810000000019|", "0974123456|",
        "1|750100125|", "1|2A0000279|", "3|12345678900017|", "75015 PARIS", "\u00E9", "\u00C9", "\uFEFF", "PK\u0003\u0004",
    ];

    /// <summary>
    /// Never throws; as many boxes as distinct addresses, each kept once (case ignored) and found by TryFind; the first
    /// structure is <c>Structure</c>; a directory compared with itself has no change; the same bytes zipped give the same boxes.
    /// </summary>
    public static void Load(ReadOnlySpan<byte> data)
    {
        byte[] bytes = data.ToArray();
        MssDirectory directory = MssDirectory.LoadExtraction(new MemoryStream(bytes, writable: false));
        Contract.That(directory.Count >= 0 && directory.Skipped >= 0, "counts are not negative");
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (DirectoryEntry entry in directory.Entries)
        {
            Contract.That(!entry.Address.IsDefault && !entry.Address.IsPatient, "a box has an address, never a patient's (BAL-4)");
            Contract.That(seen.Add(entry.Address.ToString()), "one box per address, case ignored");
            Contract.That(directory.TryFind(entry.Address, out DirectoryEntry? found) && ReferenceEquals(found, entry), "TryFind finds every box");
            IReadOnlyList<StructureId> structures = entry.Structures;
            Contract.Equal(structures.Count == 0 ? null : structures[0], entry.Structure, "Structure is the first of Structures");
        }

        DirectoryChanges changes = MssDirectory.Compare(directory, directory);
        Contract.That(changes.Created.Count == 0 && changes.Deleted.Count == 0 && changes.Changed.Count == 0, "Compare(d, d) is empty");
        if (bytes.Length < 4096)
        {
            MssDirectory fromZip = MssDirectory.LoadExtraction(new MemoryStream(Zip(bytes), writable: false));
            bool zipLike = bytes.Length >= 4 && bytes[0] == (byte)'P' && bytes[1] == (byte)'K' && bytes[2] == 3 && bytes[3] == 4;
            Contract.That(zipLike || fromZip.Count == directory.Count, "the ZIP of the text gives the same boxes");
        }
    }

    private static byte[] Zip(byte[] content)
    {
        using var memory = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(memory, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using Stream stream = zip.CreateEntry("Extraction_Correspondance_MSSante.txt").Open();
            stream.Write(content);
        }

        return memory.ToArray();
    }
}
