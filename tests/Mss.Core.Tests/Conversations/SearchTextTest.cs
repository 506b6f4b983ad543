using Mss.Core.Conversations;

namespace Mss.Core.Tests.Conversations;

/// <summary>The folding behind the pharmacy search (CONV-6) and the directory's name search (BAL-7).</summary>
public class SearchTextTest
{
    [Theory]
    [InlineData("Pharmacie de l'Étoile", "PHARMACIE DE L ETOILE")]
    [InlineData("Saint-Étienne", "SAINT ETIENNE")]
    [InlineData("ŒUVRE Cœur", "OEUVRE COEUR")]
    [InlineData("Lætitia Straße", "LAETITIA STRASSE")]
    [InlineData("Ødegaard", "ODEGAARD")]
    [InlineData("søren", "SOREN")]
    [InlineData("Đorđević", "DORDEVIC")]
    [InlineData("Łukasz Wałęsa", "LUKASZ WALESA")]
    [InlineData("ＰＨＡＲＭＡＣＩＥ", "PHARMACIE")]
    [InlineData("  --a  b--  ", "A B")]
    public void Fold_AccentsCaseAndPunctuationIgnored(string text, string expected) =>
        Assert.Equal(expected, SearchText.Fold(text));

    // BAL-7: a name with a letter that has no decomposition is found by its base letter.
    [Fact]
    public void DirectorySearch_StrokedLetters_Found()
    {
        var entry = new Mss.Core.Directory.DirectoryEntry(MssAddress.Parse("m.odegaard@x.mssante.fr"), Mss.Core.Mailboxes.MailboxKind.Personal, familyName: "ØDEGAARD", givenName: "Martin");
        var directory = Mss.Core.Directory.MssDirectory.FromEntries([entry]);
        Assert.Same(entry, Assert.Single(directory.Search("odeg mart", 5)));
    }
}
