using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Mss.Core.Directory;
using Mss.Core.Mailboxes;

namespace Mss.Core.Tests.Directory;

/// <summary>The directory's address index (BAL-7), checked against a dictionary that ignores case (ADDR-1).</summary>
public class AddressTableTest
{
    private static readonly Gen<char> AsciiChar = Gen.Choose(0x20, 0x7E).Select(i => (char)i);

    // The four-at-a-time fold is the one-character fold, on every printable ASCII character in every lane.
    [Property(MaxTest = 2000)]
    public Property LowerAscii_FourAtATime_SameAsOneByOne()
    {
        return Prop.ForAll(Gen.ArrayOf(AsciiChar, 4).ToArbitrary(), chars =>
        {
            ulong word = 0;
            ulong expected = 0;
            for (int i = 3; i >= 0; i--)
            {
                char c = chars[i];
                word = (word << 16) | c;
                expected = (expected << 16) | (c is >= 'A' and <= 'Z' ? (char)(c + 32) : c);
            }

            return AddressTable.LowerAscii(word) == expected;
        });
    }

    [Fact]
    public void LowerAscii_Edges()
    {
        Assert.Equal(0x0061_0040_007A_005BUL, AddressTable.LowerAscii(0x0041_0040_005A_005BUL)); // 'A' '@' 'Z' '['
        Assert.Equal(0x0060_0061_007A_007BUL, AddressTable.LowerAscii(0x0060_0061_007A_007BUL)); // '`' 'a' 'z' '{'
    }

    // Any case variant of an address hashes alike; the text's length counts.
    [Property(MaxTest = 500)]
    public Property Hash_IgnoresAsciiCaseOnly()
    {
        return Prop.ForAll(Gen.ArrayOf(AsciiChar).ToArbitrary(), Gen.ArrayOf(Gen.Elements(true, false)).ToArbitrary(), (chars, flips) =>
        {
            string text = new(chars);
            string variant = new(chars.Select((c, i) => i < flips.Length && flips[i] ? (char.IsAsciiLetterLower(c) ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c)) : c).ToArray());
            return AddressTable.Hash(text) == AddressTable.Hash(variant);
        });
    }

    // Adds and lookups in any order and any case agree with Dictionary<string, …>(OrdinalIgnoreCase): the first of a
    // spelling stays, growth keeps every address, absent addresses are absent.
    [Property(MaxTest = 200)]
    public Property TryAddAndTryGetValue_AgreeWithADictionary()
    {
        Gen<string> address = from n in Gen.Choose(0, 300)
                              from upper in Gen.Elements(false, true, false)
                              select upper ? "Box" + n + "@X.mssante.fr" : "box" + n + "@x.mssante.fr";
        return Prop.ForAll(Gen.ArrayOf(address).ToArbitrary(), Gen.ArrayOf(address).ToArbitrary(), (adds, lookups) =>
        {
            var table = new AddressTable();
            var model = new Dictionary<string, DirectoryEntry>(StringComparer.OrdinalIgnoreCase);
            foreach (string a in adds)
            {
                var entry = new DirectoryEntry(MssAddress.Parse(a), MailboxKind.Personal);
                bool added = table.TryAdd(a, entry);
                if (added != model.TryAdd(a, entry))
                {
                    return false;
                }
            }

            return table.Count == model.Count
                && adds.Concat(lookups).All(a =>
                    table.TryGetValue(a, out DirectoryEntry? found) == model.TryGetValue(a, out DirectoryEntry? expected)
                    && ReferenceEquals(found, expected));
        });
    }

    // A slot added without its entry (a PractitionerRole box waiting for its references) is not found until filled.
    [Fact]
    public void Fill_CompletesAPendingAddress()
    {
        var table = new AddressTable();
        Assert.True(table.TryAdd("a@x.mssante.fr", null));
        Assert.False(table.TryAdd("A@X.MSSANTE.FR", null));
        Assert.False(table.TryGetValue("a@x.mssante.fr", out _));
        var entry = new DirectoryEntry(MssAddress.Parse("a@x.mssante.fr"), MailboxKind.Personal);
        table.Fill("A@x.mssante.fr", entry);
        table.Fill("absent@x.mssante.fr", entry);
        Assert.True(table.TryGetValue("a@X.mssante.fr", out DirectoryEntry? found));
        Assert.Same(entry, found);
        Assert.Equal(1, table.Count);
        Assert.False(table.TryGetValue("absent@x.mssante.fr", out _));
    }

    // Two addresses whose hashes are equal are still two addresses: found by a birthday search under this process's
    // seed (400,000 addresses give about 19 equal pairs among 2^32 hashes; none at all once in 10^8 runs).
    [Fact]
    public void TryGetValue_EqualHashes_StillCompared()
    {
        var seen = new Dictionary<int, string>();
        string? first = null;
        string? second = null;
        for (int i = 0; i < 400_000 && first is null; i++)
        {
            string address = "p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "@x.mssante.fr";
            int hash = AddressTable.Hash(address);
            if (!seen.TryAdd(hash, address))
            {
                first = seen[hash];
                second = address;
            }
        }

        Assert.NotNull(first);
        var table = new AddressTable();
        var entry = new DirectoryEntry(MssAddress.Parse(first!), MailboxKind.Personal);
        Assert.True(table.TryAdd(first!, entry));
        Assert.False(table.TryGetValue(second!, out _));
        Assert.True(table.TryAdd(second!, new DirectoryEntry(MssAddress.Parse(second!), MailboxKind.Personal)));
        Assert.True(table.TryGetValue(first!, out DirectoryEntry? found));
        Assert.Same(entry, found);
    }
}
