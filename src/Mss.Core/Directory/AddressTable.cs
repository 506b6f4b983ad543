using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;

namespace Mss.Core.Directory;

/// <summary>
/// The directory's index by address (BAL-7), ASCII case ignored as <see cref="MssAddress"/> equality does (ADDR-1;
/// addresses are ASCII, ADDR-3). Open addressing over one array of slots, each holding the hash, the address text and the
/// entry: a lookup hashes the text as it is (folding case on the fly, no lower-case copy) and reads two places in memory,
/// the slot and the key's text, where a <c>Dictionary&lt;string, …&gt;</c> reads three (bucket, entry, key).
/// </summary>
/// <remarks>
/// The hash is seeded per process, so that a file cannot be prepared in advance to collide (not a keyed hash: a defence
/// against prepared inputs, not against an attacker who sees the timings). Not thread-safe while adding; lookups on
/// a table no longer written are.
/// </remarks>
internal sealed class AddressTable
{
    private static readonly ulong Seed = NewSeed();

    private Slot[] _slots;
    private int _mask;

    public AddressTable()
    {
        _slots = new Slot[16];
        _mask = _slots.Length - 1;
    }

    /// <summary>How many addresses the table holds.</summary>
    public int Count { get; private set; }

    /// <summary>Adds an address unless it is already there (case ignored); the entry may be filled in later.</summary>
    /// <returns>False when the address was already in the table (the first one stays).</returns>
    public bool TryAdd(string address, DirectoryEntry? entry)
    {
        int hash = Hash(address.AsSpan());
        int index = Find(address.AsSpan(), hash);
        if (_slots[index].Key is not null)
        {
            return false;
        }

        _slots[index] = new Slot(address, entry, hash);
        Count++;
        // Stryker disable once Equality,Bitwise : growing one slot earlier or later changes no answer (tests/MUTATION.md)
        if (Count > _slots.Length - (_slots.Length >> 2))
        {
            Grow(); // at most three quarters full
        }

        return true;
    }

    /// <summary>Sets the entry of an address already added.</summary>
    public void Fill(string address, DirectoryEntry entry)
    {
        int index = Find(address.AsSpan(), Hash(address.AsSpan()));
        if (_slots[index].Key is not null)
        {
            _slots[index].Entry = entry;
        }
    }

    /// <summary>Finds the entry of an address, case ignored.</summary>
    public bool TryGetValue(ReadOnlySpan<char> address, [NotNullWhen(true)] out DirectoryEntry? entry)
    {
        int index = Find(address, Hash(address));
        entry = _slots[index].Entry;
        return _slots[index].Key is not null && entry is not null;
    }

    /// <summary>
    /// The hash of an address with ASCII letters folded to lower case, four characters at a time. Only ASCII letters are
    /// folded: two texts that differ in the case of another character hash apart, as they compare apart.
    /// </summary>
    // Stryker disable all : hash mixing. Any hash of the text with ASCII case folded gives the same answers, with more
    // or fewer collisions: its mutants are equivalent (tests/MUTATION.md). The four-character fold, LowerAscii(ulong),
    // stays mutated.
    internal static int Hash(ReadOnlySpan<char> text)
    {
        ulong h = Seed ^ (ulong)text.Length;
        ReadOnlySpan<ulong> words = MemoryMarshal.Cast<char, ulong>(text);
        foreach (ulong word in words)
        {
            h = Mix(h, LowerAscii(word));
        }

        ulong tail = 0;
        for (int i = words.Length * 4; i < text.Length; i++)
        {
            tail = (tail << 16) | LowerAscii(text[i]);
        }

        h = Mix(h, tail);
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        return (int)h;
    }

    /// <summary>Four UTF-16 characters with 'A'–'Z' turned into 'a'–'z'; other characters below U+0080 unchanged.</summary>
    internal static ulong LowerAscii(ulong word)
    {
        // In each 16-bit lane c, c + 0x3F reaches bit 7 when c >= 'A', c + 0x25 when c > 'Z'. The bit moved to 0x20 is
        // the case bit. A lane of U+0080 or more may carry into the next: such text is not an address (ADDR-3), and its
        // hash stays a function of the text.
        ulong upper = (word + 0x003F003F003F003FUL) & ~(word + 0x0025002500250025UL) & 0x0080008000800080UL;
        // Stryker disable once Bitwise : >> and >>> are one operation on a ulong
        return word | (upper >> 2);
    }

    // Stryker disable all : the tail's fold, equivalent as Hash's mixing (a wider fold only adds collisions)
    private static char LowerAscii(char c) => c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c;

    // Stryker disable all : the mixing step, equivalent as Hash's
    private static ulong Mix(ulong h, ulong value)
    {
        h = (h ^ value) * 0x9E3779B97F4A7C15UL;
        return (h << 31) | (h >> 33);
    }

    // Addresses are ASCII (ADDR-3): ignoring case ordinally is ignoring ASCII case, as the hash does.
    private static bool SameAddress(string key, ReadOnlySpan<char> address) =>
        key.AsSpan().Equals(address, StringComparison.OrdinalIgnoreCase);

    // Stryker disable all : any seed gives the same answers
    private static ulong NewSeed()
    {
        byte[] bytes = Guid.NewGuid().ToByteArray();
        return BitConverter.ToUInt64(bytes, 0) ^ BitConverter.ToUInt64(bytes, 8);
    }

    /// <summary>The slot holding the address, or the empty slot where it would go.</summary>
    private int Find(ReadOnlySpan<char> address, int hash)
    {
        Slot[] slots = _slots;
        int index = hash & _mask;
        while (true)
        {
            ref Slot slot = ref slots[index];
            if (slot.Key is null || (slot.Hash == hash && SameAddress(slot.Key, address)))
            {
                return index;
            }

            index = (index + 1) & _mask;
        }
    }

    private void Grow()
    {
        Slot[] old = _slots;
        _slots = new Slot[old.Length * 2];
        _mask = _slots.Length - 1;
        foreach (Slot slot in old)
        {
            if (slot.Key is not null)
            {
                int index = slot.Hash & _mask;
                while (_slots[index].Key is not null)
                {
                    index = (index + 1) & _mask;
                }

                _slots[index] = slot;
            }
        }
    }

    private struct Slot
    {
        public Slot(string key, DirectoryEntry? entry, int hash)
        {
            Key = key;
            Entry = entry;
            Hash = hash;
        }

        public string? Key;
        public DirectoryEntry? Entry;
        public int Hash;
    }
}
