using System;
using System.Runtime.InteropServices;

namespace Mss.Core.Directory;

/// <summary>
/// One string instance per distinct text while a directory loads: names, professions, services and towns repeat across
/// the Annuaire (BAL-7), so the loaded entries keep each text once. Looked up from a span, so that a text already seen costs
/// no new string. Open addressing over one array of slots; bounded, so that a directory of unique texts does not pay for
/// a useless table (past the bound, new texts are returned unshared).
/// </summary>
/// <remarks>
/// The hash is seeded per process (as <see cref="AddressTable"/>'s), so that a file cannot be prepared to collide. Not
/// thread-safe: one pool per reader, dropped when the load ends.
/// </remarks>
internal sealed class TextPool
{
    private static readonly ulong Seed = (ulong)Guid.NewGuid().GetHashCode() * 0x9E3779B97F4A7C15UL;

    private readonly int _limit;
    private Slot[] _slots = new Slot[256];

    /// <summary>Creates a pool that shares at most <paramref name="limit"/> distinct texts.</summary>
    public TextPool(int limit = 1 << 20)
    {
        _limit = limit;
    }

    /// <summary>How many distinct texts the pool holds.</summary>
    public int Count { get; private set; }

    /// <summary>The shared instance of a text, or null for null.</summary>
    public string? Share(string? text) => text is null ? null : Share(text.AsSpan(), text);

    /// <summary>The shared instance of a text, made once; null for an empty span.</summary>
    public string? Share(ReadOnlySpan<char> text) => text.IsEmpty ? null : Share(text, null);

    private string Share(ReadOnlySpan<char> text, string? made)
    {
        int hash = Hash(text);
        int mask = _slots.Length - 1;
        int index = hash & mask;
        while (true)
        {
            ref Slot slot = ref _slots[index];
            if (slot.Text is null)
            {
                break;
            }

            if (slot.Hash == hash && slot.Text.AsSpan().SequenceEqual(text))
            {
                return slot.Text;
            }

            index = (index + 1) & mask;
        }

        made ??= text.ToString();
        if (Count >= _limit)
        {
            return made;
        }

        _slots[index] = new Slot(made, hash);
        Count++;
        if (Count > _slots.Length - (_slots.Length >> 2))
        {
            Grow();
        }

        return made;
    }

    // Stryker disable all : hash mixing; any hash of the text gives the same answers (tests/MUTATION.md)
    private static int Hash(ReadOnlySpan<char> text)
    {
        ulong h = Seed ^ (ulong)text.Length;
        ReadOnlySpan<ulong> words = MemoryMarshal.Cast<char, ulong>(text);
        foreach (ulong word in words)
        {
            h = (h ^ word) * 0x9E3779B97F4A7C15UL;
            h = (h << 31) | (h >> 33);
        }

        for (int i = words.Length * 4; i < text.Length; i++)
        {
            h = (h ^ text[i]) * 0x9E3779B97F4A7C15UL;
        }

        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        return (int)h;
    }

    // Stryker restore all
    private void Grow()
    {
        Slot[] old = _slots;
        _slots = new Slot[old.Length * 2];
        int mask = _slots.Length - 1;
        foreach (Slot slot in old)
        {
            if (slot.Text is not null)
            {
                int index = slot.Hash & mask;
                while (_slots[index].Text is not null)
                {
                    index = (index + 1) & mask;
                }

                _slots[index] = slot;
            }
        }
    }

    private readonly struct Slot
    {
        public Slot(string text, int hash)
        {
            Text = text;
            Hash = hash;
        }

        public string? Text { get; }

        public int Hash { get; }
    }
}
