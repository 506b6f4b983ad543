using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.IO;
using System.Threading;
using Mss.Core.Mailboxes;

namespace Mss.Core.Directory;

/// <summary>
/// The MSSanté boxes of the Annuaire Santé, loaded from its FHIR R4 JSON and indexed (BAL-7): look a box up by address
/// before writing (seed 004 FAQ 5), list a professional's boxes, search by name, warn about homonyms, list the officines
/// a patient may write to (CONV-6); or from ANS's national extraction file (BAL-7 0.3, <see cref="LoadExtraction(Stream)"/>)
/// and compare two days (<see cref="Compare"/>).
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Load(Stream)"/> reads a FHIR Bundle (a search page), NDJSON (one resource per line, as bulk exports give)
/// or a single resource with <c>System.Text.Json</c>'s <c>Utf8JsonReader</c>, streaming: it never builds a document of
/// the whole input and holds at most one resource in memory besides the index. Practitioner, PractitionerRole and
/// Organization resources are read; a <c>telecom</c> is an MSSanté box when it carries the extension
/// <c>as-ext-mailbox-mss-metadata</c> (its <c>type</c> from TRE_R257-TypeBAL, its <c>listeRouge</c>); other e-mails are
/// ordinary contacts, not boxes. Professionals are identified by IdNat_PS (<c>8</c> + RPPS, OID 1.2.250.1.71.4.2.1) or
/// their RPPS identifier, structures by IdNat_Struct (OID 1.2.250.1.71.4.2.2) or FINESS (BAL-6). A malformed resource or
/// box is skipped and counted in <see cref="Skipped"/>: loading never throws on content.
/// </para>
/// <para>
/// Both readers feed the same structures (one address index, <c>AddressTable</c>). The name index behind
/// <see cref="Search"/> and <see cref="Homonyms"/>, and the indexes behind <see cref="FindByNationalId"/>,
/// <see cref="FindByProfessional"/> and <see cref="FindByStructure"/>, are built on first use (thread-safe), so that
/// loading and <see cref="TryFind"/> do not pay for them. Instances are immutable after loading and thread-safe.
/// </para>
/// </remarks>
public sealed class MssDirectory
{
    private static readonly ReadOnlyCollection<DirectoryEntry> None = new(Array.Empty<DirectoryEntry>());

    /// <summary>How many boxes ahead <see cref="Compare"/> looks in the day before before using the address index.</summary>
    private const int CompareLookahead = 4;

    private readonly DirectoryEntry[] _entries;
    private readonly AddressTable _byAddress;
    private readonly ReadOnlyCollection<DirectoryEntry> _pharmacies;
    private readonly object _indexLock = new();
    private NameIndex? _names;
    private Dictionary<IdNatPs, object>? _byNationalId;
    private Dictionary<StructureId, object>? _byStructure;

    private MssDirectory(DirectoryEntry[] entries, AddressTable byAddress, int skipped)
    {
        _entries = entries;
        _byAddress = byAddress;
        Skipped = skipped;
        var pharmacies = new List<DirectoryEntry>();
        foreach (DirectoryEntry entry in entries)
        {
            if (entry.IsPharmacy)
            {
                pharmacies.Add(entry);
            }
        }

        _pharmacies = pharmacies.AsReadOnly();
        Entries = new ReadOnlyCollection<DirectoryEntry>(entries);
    }

    /// <summary>How many MSSanté boxes are indexed (each address once).</summary>
    public int Count => _entries.Length;

    /// <summary>How many malformed resources, box telecoms or top-level values were skipped while loading.</summary>
    public int Skipped { get; }

    /// <summary>Every box, in the order read.</summary>
    public IReadOnlyList<DirectoryEntry> Entries { get; }

    /// <summary>
    /// Loads a FHIR Bundle (JSON), NDJSON of Practitioner / PractitionerRole / Organization, or a single resource
    /// (BAL-7), streaming. Never throws on content: a malformed resource or telecom is skipped and counted.
    /// </summary>
    /// <param name="json">The UTF-8 JSON; read to its end, not disposed.</param>
    /// <returns>The directory.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="IOException">Reading the stream failed.</exception>
    public static MssDirectory Load(Stream json)
    {
        if (json is null)
        {
            throw new ArgumentNullException(nameof(json));
        }

        var reader = new FhirDirectoryReader();
        reader.Read(json);
        return Build(reader);
    }

    /// <summary>
    /// Loads the pages of a paged search (each a Bundle) or several NDJSON files, in order, into one directory (BAL-7).
    /// A PractitionerRole on one page may reference a Practitioner or Organization on another.
    /// </summary>
    /// <param name="pages">The pages; each is read to its end, not disposed.</param>
    /// <returns>The directory.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pages"/> is null or holds a null stream.</exception>
    /// <exception cref="IOException">Reading a stream failed.</exception>
    public static MssDirectory Load(IEnumerable<Stream> pages)
    {
        if (pages is null)
        {
            throw new ArgumentNullException(nameof(pages));
        }

        var reader = new FhirDirectoryReader();
        foreach (Stream page in pages)
        {
            reader.Read(page ?? throw new ArgumentNullException(nameof(pages), "A page is null."));
        }

        return Build(reader);
    }

    /// <summary>
    /// Loads ANS's national extraction file <c>Extraction_Correspondance_MSSante</c> (BAL-7 0.3): the <c>.txt</c>, or the
    /// <c>.zip</c> as downloaded (its one file entry), streaming. UTF-8 with or without BOM, Windows-1252 when a line's
    /// bytes are not UTF-8 (decided line by line), LF or CRLF, <c>|</c>-separated with no quoting, columns found by their
    /// header names. An address on several lines is one box holding every line's structure
    /// (<see cref="DirectoryEntry.Structures"/>). Boxes whose address is not an MSSanté address (ADDR-1: the
    /// <c>.mssante.fr</c> rule; give ANS's list to <see cref="LoadExtraction(Stream, TrustSpace)"/> to keep the boxes of
    /// the other operators it lists) are skipped and counted, as are malformed lines, lines longer than 16 KiB and a ZIP that
    /// cannot be read: never throws on content. Memory grows with the boxes kept, not with the file.
    /// </summary>
    /// <param name="extraction">The file's bytes; read to its end, not disposed.</param>
    /// <returns>The directory.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="extraction"/> is null.</exception>
    /// <exception cref="IOException">Reading the stream failed.</exception>
    public static MssDirectory LoadExtraction(Stream extraction)
    {
        if (extraction is null)
        {
            throw new ArgumentNullException(nameof(extraction));
        }

        var reader = new ExtractionReader();
        reader.Read(extraction);
        return Build(reader);
    }

    /// <summary>
    /// Loads the national extraction file as <see cref="LoadExtraction(Stream)"/> does, keeping the boxes of a trust space
    /// (ADDR-1 0.3, BAL-7 0.3): a box is kept when its address is an address of <paramref name="trust"/> (with ANS's liste
    /// blanche, <c>dr.durand@interop-mssante.apicrypt.org</c> is); boxes outside it are skipped and counted in
    /// <see cref="Skipped"/>. With <see cref="TrustSpace.MssanteFr"/> it is <see cref="LoadExtraction(Stream)"/>.
    /// </summary>
    /// <param name="extraction">The file's bytes; read to its end, not disposed.</param>
    /// <param name="trust">The trust space, e.g. ANS's list loaded by <see cref="TrustSpace.LoadWhitelist"/>.</param>
    /// <returns>The directory.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="extraction"/> or <paramref name="trust"/> is null.</exception>
    /// <exception cref="IOException">Reading the stream failed.</exception>
    public static MssDirectory LoadExtraction(Stream extraction, TrustSpace trust)
    {
        if (extraction is null)
        {
            throw new ArgumentNullException(nameof(extraction));
        }

        if (trust is null)
        {
            throw new ArgumentNullException(nameof(trust));
        }

        var reader = new ExtractionReader(trust);
        reader.Read(extraction);
        return Build(reader);
    }

    /// <summary>Builds a directory from entries the caller already holds (e.g. a cache); the first entry of an address wins.</summary>
    /// <param name="entries">The entries.</param>
    /// <returns>The directory.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="entries"/> is null or holds a null entry.</exception>
    public static MssDirectory FromEntries(IEnumerable<DirectoryEntry> entries)
    {
        if (entries is null)
        {
            throw new ArgumentNullException(nameof(entries));
        }

        var list = new List<DirectoryEntry>();
        var byAddress = new AddressTable();
        foreach (DirectoryEntry entry in entries)
        {
            if (entry is null)
            {
                throw new ArgumentNullException(nameof(entries), "An entry is null.");
            }

            if (byAddress.TryAdd(entry.Address.ToString(), entry))
            {
                list.Add(entry);
            }
        }

        return new MssDirectory(list.ToArray(), byAddress, 0);
    }

    /// <summary>
    /// Finds the box at an address, ignoring ASCII case as <see cref="MssAddress"/> equality does (ADDR-1, 0.2): check the
    /// recipient in the Annuaire before writing (seed 004 FAQ 5). A patient address is never found (BAL-4).
    /// </summary>
    /// <param name="address">The address.</param>
    /// <param name="entry">The box, or null.</param>
    /// <returns>True when the Annuaire lists the address.</returns>
    public bool TryFind(MssAddress address, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out DirectoryEntry? entry)
    {
        entry = null;
        // Stryker disable once Logical : a fast exit; the table holds neither default's text nor a patient address
        if (address.IsDefault || address.IsPatient)
        {
            return false;
        }

        // The canonical text, not a copy; the table ignores ASCII case (ADDR-1).
        return _byAddress.TryGetValue(address.ToString().AsSpan(), out entry);
    }

    /// <summary>The boxes of a professional (personal, cabinet, or tied to a practice), in the order read.</summary>
    /// <param name="rpps">The professional's RPPS.</param>
    /// <returns>The boxes; empty when none (or for <c>default(Rpps)</c>).</returns>
    public IReadOnlyList<DirectoryEntry> FindByProfessional(Rpps rpps) =>
        rpps.IsDefault ? None : FindByNationalId(IdNatPs.FromRpps(rpps));

    /// <summary>
    /// The boxes of a professional by IdNat_PS (BAL-6): <c>8</c> + RPPS or <c>0</c> + ADELI, in the order read. The
    /// index is built on first use (thread-safe).
    /// </summary>
    /// <param name="id">The professional's IdNat_PS.</param>
    /// <returns>The boxes; empty when none (or for <c>default(IdNatPs)</c>).</returns>
    public IReadOnlyList<DirectoryEntry> FindByNationalId(IdNatPs id)
    {
        Dictionary<IdNatPs, object> index = Volatile.Read(ref _byNationalId) ?? BuildIndex(ref _byNationalId, NationalIdsOf);
        return Found(index, id);
    }

    /// <summary>
    /// The boxes attached to a structure (BAL-6, BAL-7 0.3): every box whose <see cref="DirectoryEntry.Structures"/>
    /// holds it, in the order read. The index is built on first use (thread-safe).
    /// </summary>
    /// <param name="structure">The structure's IdNat_Struct.</param>
    /// <returns>The boxes; empty when none (or for <c>default(StructureId)</c>).</returns>
    public IReadOnlyList<DirectoryEntry> FindByStructure(StructureId structure)
    {
        Dictionary<StructureId, object> index = Volatile.Read(ref _byStructure) ?? BuildIndex(ref _byStructure, StructuresOf);
        return Found(index, structure);
    }

    /// <summary>
    /// What changed from one day's directory to the next (BAL-7 0.3: the extraction file has no dates, so creations and
    /// deletions are known only by comparing two days). Boxes are matched by address, ASCII case ignored; a box in both
    /// is changed when any published field differs (kind, IdNat_PS, names, structures, profession, savoir-faire,
    /// service, postal code, town, sector, red list). Time linear in the two sizes: one lookup per box in the other
    /// directory's address index.
    /// </summary>
    /// <param name="before">The older directory.</param>
    /// <param name="after">The newer directory.</param>
    /// <returns>The created (in <paramref name="after"/> only), deleted (in <paramref name="before"/> only) and changed (the <paramref name="after"/> entry) boxes, each in reading order.</returns>
    /// <exception cref="ArgumentNullException">A directory is null.</exception>
    public static DirectoryChanges Compare(MssDirectory before, MssDirectory after)
    {
        if (before is null)
        {
            throw new ArgumentNullException(nameof(before));
        }

        if (after is null)
        {
            throw new ArgumentNullException(nameof(after));
        }

        // The file keeps its order from one day to the next: the box of the day before is looked for first among the
        // next few after the last one matched (a sequential walk through both), then in its address index. Every box of
        // the day before that is matched is marked, so the deleted ones need no second lookup.
        DirectoryEntry[] old = before._entries;
        bool[] matched = new bool[old.Length];
        HashSet<DirectoryEntry>? matchedByIndex = null;
        var created = new List<DirectoryEntry>();
        var changed = new List<DirectoryEntry>();
        int next = 0;
        foreach (DirectoryEntry entry in after._entries)
        {
            string address = entry.Address.ToString();
            DirectoryEntry? previous = null;
            int end = Math.Min(old.Length, next + CompareLookahead);
            for (int k = next; k < end; k++)
            {
                if (string.Equals(old[k].Address.ToString(), address, StringComparison.OrdinalIgnoreCase))
                {
                    previous = old[k];
                    matched[k] = true;
                    next = k + 1;
                    break;
                }
            }

            if (previous is null)
            {
                if (!before._byAddress.TryGetValue(address.AsSpan(), out previous))
                {
                    created.Add(entry);
                    continue;
                }

                (matchedByIndex ??= new HashSet<DirectoryEntry>(ReferenceComparer.Instance)).Add(previous);
            }

            if (!previous.SamePublished(entry))
            {
                changed.Add(entry);
            }
        }

        var deleted = new List<DirectoryEntry>();
        for (int k = 0; k < old.Length; k++)
        {
            if (!matched[k] && (matchedByIndex is null || !matchedByIndex.Contains(old[k])))
            {
                deleted.Add(old[k]);
            }
        }

        return new DirectoryChanges(created, deleted, changed);
    }

    /// <summary>
    /// Searches by name: every word of <paramref name="text"/> must be the start of a word of the family, given or
    /// structure name, ignoring accents, case and punctuation ("dup jean" finds DUPONT Jean-Marie; "eure" finds CH
    /// EURE-SEINE). A blank text finds nothing. Results are ordered by the matched name word, then in reading order.
    /// </summary>
    /// <param name="text">What the user typed.</param>
    /// <param name="max">The most results to return.</param>
    /// <returns>At most <paramref name="max"/> boxes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="max"/> is negative.</exception>
    public IReadOnlyList<DirectoryEntry> Search(string text, int max)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        if (max < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(max), max, "The number of results cannot be negative.");
        }

        // Stryker disable once Block : a fast exit; a search for no result finds none
        if (max == 0)
        {
            return None;
        }

        NameIndex names = Names;
        List<int> found = names.Search(text, max);
        var result = new DirectoryEntry[found.Count];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = _entries[found[i]];
        }

        return result;
    }

    /// <summary>
    /// The boxes of other professionals with the same family and given names, accents and case ignored (seed 004 FAQ 5:
    /// "être vigilant aux homonymes"). Another professional is one with another RPPS; a box without RPPS is another
    /// professional's unless it is <paramref name="entry"/> itself. Empty when the entry has no family name.
    /// </summary>
    /// <param name="entry">A box of this directory (or one with the same names).</param>
    /// <returns>The homonyms' boxes, in reading order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="entry"/> is null.</exception>
    public IReadOnlyList<DirectoryEntry> Homonyms(DirectoryEntry entry)
    {
        if (entry is null)
        {
            throw new ArgumentNullException(nameof(entry));
        }

        if (string.IsNullOrWhiteSpace(entry.FamilyName))
        {
            return None;
        }

        int[]? same = Names.SameNames(entry.FamilyName!, entry.GivenName);
        if (same is null)
        {
            return None;
        }

        var result = new List<DirectoryEntry>();
        foreach (int i in same)
        {
            DirectoryEntry other = _entries[i];
            bool sameProfessional = ReferenceEquals(other, entry)
                || (entry.Professional.HasValue && other.Professional == entry.Professional);
            if (!sameProfessional)
            {
                result.Add(other);
            }
        }

        return result.AsReadOnly();
    }

    /// <summary>
    /// The organisational boxes of officines (CONV-5, CONV-6, BAL-7): Organization boxes of type ORG whose activity
    /// sector is SA33, SA38, SA39 or SA65 (TRE_R02), in reading order. Give them to
    /// <see cref="Mss.Core.Conversations.PharmacyChoice"/>.
    /// </summary>
    /// <returns>The pharmacies' boxes.</returns>
    public IReadOnlyList<DirectoryEntry> Pharmacies() => _pharmacies;

    private NameIndex Names
    {
        get
        {
            NameIndex? names = Volatile.Read(ref _names);
            // Stryker disable once Block : the lock-free read of the built index; the locked path returns the same
            if (names is not null)
            {
                return names;
            }

            lock (_indexLock)
            {
                // Stryker disable once Assignment : building it again gives the same index
                _names ??= new NameIndex(_entries);
                return _names;
            }
        }
    }

    /// <summary>Entries by identity (DirectoryEntry does not override equality; said here so that no one relies on it).</summary>
    private sealed class ReferenceComparer : IEqualityComparer<DirectoryEntry>
    {
        public static readonly ReferenceComparer Instance = new();

        public bool Equals(DirectoryEntry? x, DirectoryEntry? y) => ReferenceEquals(x, y);

        public int GetHashCode(DirectoryEntry obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }

    private static IReadOnlyList<DirectoryEntry> Found<TKey>(Dictionary<TKey, object> index, TKey key)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out object? found))
        {
            return None;
        }

        return found is List<DirectoryEntry> list ? list.AsReadOnly() : new[] { (DirectoryEntry)found };
    }

    private static IEnumerable<IdNatPs> NationalIdsOf(DirectoryEntry entry)
    {
        if (entry.NationalId is IdNatPs id)
        {
            yield return id;
        }
    }

    private static IEnumerable<StructureId> StructuresOf(DirectoryEntry entry) => entry.Structures;

    /// <summary>Builds a lookup index once, under the lock; each entry listed once per key, in reading order.</summary>
    private Dictionary<TKey, object> BuildIndex<TKey>(ref Dictionary<TKey, object>? field, Func<DirectoryEntry, IEnumerable<TKey>> keysOf)
        where TKey : notnull
    {
        lock (_indexLock)
        {
            if (field is not null)
            {
                return field;
            }

            var index = new Dictionary<TKey, object>();
            foreach (DirectoryEntry entry in _entries)
            {
                foreach (TKey key in keysOf(entry))
                {
                    if (!index.TryGetValue(key, out object? existing))
                    {
                        index.Add(key, entry);
                    }
                    else if (existing is List<DirectoryEntry> list)
                    {
                        list.Add(entry);
                    }
                    else
                    {
                        index[key] = new List<DirectoryEntry> { (DirectoryEntry)existing, entry };
                    }
                }
            }

            Volatile.Write(ref field, index);
            return index;
        }
    }

    private static MssDirectory Build(ExtractionReader reader)
    {
        (DirectoryEntry[] entries, AddressTable byAddress) = reader.Build();
        return new MssDirectory(entries, byAddress, reader.Skipped);
    }

    private static MssDirectory Build(FhirDirectoryReader reader)
    {
        (DirectoryEntry[] entries, AddressTable byAddress) = reader.Build();
        return new MssDirectory(entries, byAddress, reader.Skipped);
    }
}
