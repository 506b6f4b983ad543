using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Mss.Core.Mime;

namespace Mss.Core.Tests.Mime;

// Issue 27 (DEL-6's wording lists): a PhraseSet finds, in one pass, the first group with a phrase in a text, ignoring case,
// as a search phrase after phrase would. The automaton (netstandard2.0, net8.0) and SearchValues (net9+) give the same
// answers as string.IndexOf(…, OrdinalIgnoreCase).
public class PhraseSetTest
{
    private static readonly string[][] Groups =
    [
        ["sender address rejected", "boîte pleine"],
        ["user unknown", "unknown user", "does not exist", "not exist"],
        ["expired", "délai", "time limit"],
        ["spam", "policy", "ptr"],
    ];

    [Theory]
    [InlineData("550 5.1.1 <a@b.fr>: Recipient address rejected: User unknown", 1)]
    [InlineData("550 Sender address rejected: USER UNKNOWN", 0)] // the first group wins, wherever its phrase is
    [InlineData("La BOÎTE PLEINE", 0)]
    [InlineData("Le DÉLAI de distribution est dépassé", 2)]
    [InlineData("mailbox does NOT EXIST here", 1)]
    [InlineData("doesnot exist", 1)] // "not exist" inside
    [InlineData("Message expire", -1)]
    [InlineData("", -1)]
    [InlineData("user unknow", -1)]
    [InlineData("uuser unknownn", 1)] // a phrase after a false start that shares its prefix
    [InlineData("no PTR record, policy", 3)]
    public void FirstGroup_TheFirstGroupWithAPhrase(string text, int expected)
    {
        Assert.Equal(expected, new PhraseSet(Groups).FirstGroup(text.AsSpan()));
        Assert.Equal(expected, new PhraseAutomaton(Groups).FirstGroup(text.AsSpan()));
    }

    [Fact]
    public void IsIn_NullAndEmpty_False()
    {
        var set = new PhraseSet("a", "bc");
        Assert.False(set.IsIn((string?)null));
        Assert.False(set.IsIn(string.Empty));
        Assert.True(set.IsIn("xBCx"));
    }

    [Fact]
    public void Automaton_EmptyPhrase_Throws()
    {
        Assert.Throws<ArgumentException>(() => new PhraseAutomaton([["a", ""]]));
    }

    // Overlapping phrases (a phrase inside another, phrases sharing prefixes and suffixes) over a small alphabet with
    // upper case and accents: both implementations agree with the phrase-by-phrase search.
    [Property(MaxTest = 500)]
    public Property FirstGroup_AsPhraseByPhrase()
    {
        Gen<char> letter = Gen.Elements('a', 'b', 'A', 'B', 'é', 'É', ' ');
        Gen<string> word = Gen.Choose(1, 4).SelectMany(n => Gen.ArrayOf(letter, n)).Select(c => new string(c));
        Gen<string[][]> groups = Gen.Choose(1, 4).SelectMany(g => Gen.ArrayOf(Gen.Choose(1, 3).SelectMany(n => Gen.ArrayOf(word, n)), g));
        Gen<string> text = Gen.Choose(0, 30).SelectMany(n => Gen.ArrayOf(letter, n)).Select(c => new string(c));
        return Prop.ForAll(groups.ToArbitrary(), text.ToArbitrary(), (g, t) =>
        {
            int expected = Array.FindIndex(g, phrases => phrases.Any(p => t.Contains(p, StringComparison.OrdinalIgnoreCase)));
            int automaton = new PhraseAutomaton(g).FirstGroup(t.AsSpan());
            int set = new PhraseSet(g).FirstGroup(t.AsSpan());
            return (automaton == expected && set == expected).Label($"expected {expected}, automaton {automaton}, set {set}");
        });
    }
}
