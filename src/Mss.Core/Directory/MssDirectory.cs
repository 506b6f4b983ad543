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
/// a patient may write to (CONV-6).
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
/// The name index behind <see cref="Search"/> and <see cref="Homonyms"/> is built on first use (thread-safe), so that
/// loading and <see cref="TryFind"/> do not pay for it. Instances are immutable after loading and thread-safe.
/// </para>
/// </remarks>
public sealed class MssDirectory
{
    private static readonly ReadOnlyCollection<DirectoryEntry> None = new(Array.Empty<DirectoryEntry>());

    private readonly DirectoryEntry[] _entries;
    private readonly AddressTable _byAddress;
    private readonly Dictionary<Rpps, object> _byProfessional;
    private readonly ReadOnlyCollection<DirectoryEntry> _pharmacies;
    private readonly object _nameLock = new();
    private NameIndex? _names;

    private MssDirectory(DirectoryEntry[] entries, AddressTable byAddress, int skipped)
    {
        _entries = entries;
        _byAddress = byAddress;
        Skipped = skipped;
        _byProfessional = new Dictionary<Rpps, object>();
        var pharmacies = new List<DirectoryEntry>();
        foreach (DirectoryEntry entry in entries)
        {
            if (entry.Professional is Rpps rpps)
            {
                if (!_byProfessional.TryGetValue(rpps, out object? existing))
                {
                    _byProfessional.Add(rpps, entry);
                }
                else if (existing is List<DirectoryEntry> list)
                {
                    list.Add(entry);
                }
                else
                {
                    _byProfessional[rpps] = new List<DirectoryEntry> { (DirectoryEntry)existing, entry };
                }
            }

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
    public IReadOnlyList<DirectoryEntry> FindByProfessional(Rpps rpps)
    {
        if (!_byProfessional.TryGetValue(rpps, out object? found))
        {
            return None;
        }

        return found is List<DirectoryEntry> list ? list.AsReadOnly() : new[] { (DirectoryEntry)found };
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

            lock (_nameLock)
            {
                // Stryker disable once Assignment : building it again gives the same index
                _names ??= new NameIndex(_entries);
                return _names;
            }
        }
    }

    private static MssDirectory Build(FhirDirectoryReader reader)
    {
        (DirectoryEntry[] entries, AddressTable byAddress) = reader.Build();
        return new MssDirectory(entries, byAddress, reader.Skipped);
    }
}
