using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace Mss.Core.Directory;

/// <summary>
/// What every directory reader feeds (BAL-7): the boxes in reading order, the index by address (<see cref="AddressTable"/>,
/// the first occurrence of an address wins, ASCII case ignored), the count of what was skipped, and one instance per
/// distinct text (<see cref="TextPool"/>). The FHIR reader (<see cref="FhirDirectoryReader"/>) and the flat-file reader
/// (<see cref="ExtractionReader"/>) both build through it, so that there is one index and one way to fill it.
/// </summary>
internal sealed class DirectoryBuilder
{
    private readonly List<DirectoryEntry?> _entries = new();
    private readonly AddressTable _byAddress = new();

    /// <summary>One instance per distinct text, for the load's duration.</summary>
    public TextPool Texts { get; } = new();

    /// <summary>How many malformed records (resources, boxes, lines) were skipped.</summary>
    public int Skipped { get; set; }

    /// <summary>How many boxes were added.</summary>
    public int Count => _entries.Count;

    /// <summary>
    /// Adds a box unless its address is already indexed (the first occurrence wins); the entry may be null and filled
    /// in later (<see cref="Fill"/>).
    /// </summary>
    /// <returns>The box's slot, or −1 when the address was already there.</returns>
    public int TryAdd(MssAddress address, DirectoryEntry? entry)
    {
        if (!_byAddress.TryAdd(address.ToString(), entry))
        {
            return -1;
        }

        _entries.Add(entry);
        return _entries.Count - 1;
    }

    /// <summary>Sets the entry of a slot added empty.</summary>
    public void Fill(int slot, DirectoryEntry entry)
    {
        _entries[slot] = entry;
        _byAddress.Fill(entry.Address.ToString(), entry);
    }

    /// <summary>The box already indexed at an address (case ignored), if any.</summary>
    public bool TryGet(ReadOnlySpan<char> address, [NotNullWhen(true)] out DirectoryEntry? entry) =>
        _byAddress.TryGetValue(address, out entry);

    /// <summary>The entries in reading order (every slot filled) and the index.</summary>
    public (DirectoryEntry[] Entries, AddressTable ByAddress) Build()
    {
        var entries = new DirectoryEntry[_entries.Count];
        for (int i = 0; i < entries.Length; i++)
        {
            entries[i] = _entries[i]!;
        }

        return (entries, _byAddress);
    }
}
