using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using Mss.Core.Directory;

namespace Mss.Core;

/// <summary>
/// The domains of a listed trust space (ADDR-1 0.3), ASCII case ignored, each with the operator certificate DNs listed
/// for it in file order. Open addressing over one array of slots, as <see cref="AddressTable"/> does for the directory, and
/// with its hash (<see cref="AddressTable.Hash"/>, ASCII letters folded on the fly): a lookup of a span hashes it once,
/// reads one slot and compares one key, without allocating. Built once, then only read: thread-safe for lookups.
/// </summary>
internal sealed class DomainTable
{
    private static readonly ReadOnlyCollection<string> NoCertificates = new(Array.Empty<string>());

    private Slot[] _slots = new Slot[16];
    private int _mask = 15;

    /// <summary>How many distinct domains the table holds.</summary>
    public int Count { get; private set; }

    /// <summary>
    /// Adds a domain (kept with ASCII letters in lower case: a lookup in lower case, the usual one, compares it as it is)
    /// and, when given, one operator certificate DN for it.
    /// </summary>
    public void Add(string domain, string? certificateDn)
    {
        int hash = HashOf(domain.AsSpan());
        int index = Find(domain.AsSpan(), hash);
        ref Slot slot = ref _slots[index];
        if (slot.Key is null)
        {
            slot = new Slot(LowerAscii(domain), hash);
            Count++;
        }

        if (certificateDn is not null)
        {
            (slot.Certificates ??= new List<string>()).Add(certificateDn);
        }

        // Stryker disable once Equality,Bitwise : growing one slot earlier or later changes no answer (tests/MUTATION.md)
        if (Count > _slots.Length - (_slots.Length >> 2))
        {
            Grow(); // at most three quarters full
        }
    }

    /// <summary>True when the domain is listed, ASCII case ignored (ADDR-1 0.3). Never allocates.</summary>
    public bool Contains(ReadOnlySpan<char> domain) => _slots[Find(domain, HashOf(domain))].Key is not null;

    /// <summary>
    /// <see cref="Contains"/> on a domain known to be ASCII (an address's, checked by ADDR-3): the hot path of
    /// <see cref="MssAddress.Validate(ReadOnlySpan{char}, AddressStyles, TrustSpace)"/>, one hash and one comparison.
    /// </summary>
    public bool ContainsAscii(ReadOnlySpan<char> domain) => _slots[Find(domain, AddressTable.Hash(domain))].Key is not null;

    /// <summary>The operator certificate DNs listed for the domain, in file order; empty when none or not listed.</summary>
    public IReadOnlyList<string> CertificatesOf(ReadOnlySpan<char> domain)
    {
        List<string>? certificates = _slots[Find(domain, HashOf(domain))].Certificates;
        return certificates is null ? NoCertificates : certificates.AsReadOnly();
    }

    /// <summary>
    /// <see cref="AddressTable.Hash"/> on ASCII text (every address domain, ADDR-3). Text with a character of U+0080 or
    /// more, which no address has, is hashed one character at a time, folding ASCII letters only: that hash's four-character
    /// fold can carry between lanes there, and two spellings that <see cref="SameDomain"/> finds equal must hash alike.
    /// </summary>
    internal static int HashOf(ReadOnlySpan<char> text)
    {
        int nonAscii = 0;
        foreach (char c in text)
        {
            nonAscii |= c & 0xFF80;
        }

        if (nonAscii == 0)
        {
            return AddressTable.Hash(text);
        }

        // Stryker disable all : hash mixing, equivalent as AddressTable.Hash's (any hash of the folded text gives the same answers)
        uint h = 2166136261;
        foreach (char c in text)
        {
            h = (h ^ LowerAscii(c)) * 16777619;
        }

        return (int)h;
        // Stryker restore all
    }

    /// <summary>Equality with ASCII letters' case ignored, and nothing else ignored (not the culture's nor Unicode's case).</summary>
    internal static bool SameDomain(string key, ReadOnlySpan<char> domain)
    {
        if (key.Length != domain.Length)
        {
            return false;
        }

        for (int i = 0; i < key.Length; i++)
        {
            if (LowerAscii(key[i]) != LowerAscii(domain[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static char LowerAscii(char c) => c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c;

    private static string LowerAscii(string text)
    {
        int i = 0;
        while (i < text.Length && text[i] is not (>= 'A' and <= 'Z'))
        {
            i++;
        }

        if (i == text.Length)
        {
            return text;
        }

        char[] lower = text.ToCharArray();
        for (; i < lower.Length; i++)
        {
            lower[i] = LowerAscii(lower[i]);
        }

        return new string(lower);
    }

    /// <summary>The slot holding the domain, or the empty slot where it would go.</summary>
    private int Find(ReadOnlySpan<char> domain, int hash)
    {
        Slot[] slots = _slots;
        int index = hash & _mask;
        while (true)
        {
            ref Slot slot = ref slots[index];
            // The key is in lower case: most lookups are too, and match it with one vectorised comparison.
            if (slot.Key is null || (slot.Hash == hash && (domain.SequenceEqual(slot.Key.AsSpan()) || SameDomain(slot.Key, domain))))
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
        public Slot(string key, int hash)
        {
            Key = key;
            Hash = hash;
            Certificates = null;
        }

        public string? Key;
        public int Hash;
        public List<string>? Certificates;
    }
}
