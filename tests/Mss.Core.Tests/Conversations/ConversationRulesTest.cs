using Mss.Core.Conversations;

namespace Mss.Core.Tests.Conversations;

public class ConversationRulesTest
{
    private static readonly Counterpart[] Counterparts = [Counterpart.HealthActor, Counterpart.Pharmacy];
    private static readonly ConversationStatus[] Statuses = [ConversationStatus.NotStarted, ConversationStatus.Open, ConversationStatus.Closed];
    private static readonly Author[] Authors = [Author.HealthActor, Author.Patient];
    private static readonly bool[] Bools = [false, true];

    // CONV-8: exactly one row applies to every combination (the table is total and its rows are disjoint).
    [Fact]
    public void Table_ExactlyOneRowPerCombination()
    {
        int combinations = 0;
        foreach (Counterpart counterpart in Counterparts)
        {
            foreach (ConversationStatus status in Statuses)
            {
                foreach (Author author in Authors)
                {
                    foreach (bool closing in Bools)
                    {
                        foreach (bool profile in Bools)
                        {
                            int matching = ConversationRules.Table.Count(r => r.Matches(counterpart, status, author, closing, profile));
                            Assert.True(matching == 1, $"{counterpart} {status} {author} closing={closing} profile={profile}: {matching} rows");
                            combinations++;
                        }
                    }
                }
            }
        }

        Assert.Equal(48, combinations);
    }

    // CONV-8: the eight rows of DOMAIN.md, numbered in order, the refusing ones with their denials.
    [Fact]
    public void Table_HasTheEightRowsOfDomainMd()
    {
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8], ConversationRules.Table.Select(r => r.Number));
        Assert.Equal(
            [ConversationDenial.None, ConversationDenial.None, ConversationDenial.PatientCannotStart, ConversationDenial.None,
             ConversationDenial.ConversationClosed, ConversationDenial.None, ConversationDenial.PatientProfileNotActivated, ConversationDenial.None],
            ConversationRules.Table.Select(r => r.Denial));
        Assert.Equal(ConversationStatus.Closed, ConversationRules.Table[1].Result);
        Assert.Null(ConversationRules.Table[2].Result);
        Assert.Equal("CONV-8 row 3: HealthActor / NotStarted / Patient / Any -> denied PatientCannotStart", ConversationRules.Table[2].ToString());
    }

    [Fact]
    public void Table_IsReadOnly()
    {
        var list = Assert.IsAssignableFrom<IList<ConversationRule>>(ConversationRules.Table);
        Assert.True(list.IsReadOnly);
        Assert.Throws<NotSupportedException>(() => list[0] = list[1]);
    }

    // CONV-3 (0.2): closing = health actor and subject [FIN], white space around it ignored; never the patient.
    [Theory]
    [InlineData(Author.HealthActor, "[FIN]", true)]
    [InlineData(Author.HealthActor, " [FIN]\u00A0", true)]
    [InlineData(Author.HealthActor, "Résultats", false)]
    [InlineData(Author.HealthActor, null, false)]
    [InlineData(Author.HealthActor, "[fin]", false)]
    [InlineData(Author.Patient, "[FIN]", false)]
    [InlineData((Author)7, "[FIN]", false)]
    public void IsClosing_HealthActorOnly(Author author, string? subject, bool expected) =>
        Assert.Equal(expected, ConversationRules.IsClosing(author, subject));

    // CONV-9 (0.2): X-MSS-MES: FIN no longer closes; the obsolete overload ignores it.
    [Theory]
    [InlineData(Author.HealthActor, "Résultats", true, false)]
    [InlineData(Author.HealthActor, null, true, false)]
    [InlineData(Author.HealthActor, "[FIN]", true, true)]
    [InlineData(Author.HealthActor, "[FIN]", false, true)]
    [InlineData(Author.Patient, "[FIN]", true, false)]
    public void IsClosing_Obsolete_NoReplyDoesNotClose(Author author, string? subject, bool noReply, bool expected)
    {
#pragma warning disable CS0618 // the obsolete overload is what is under test
        Assert.Equal(expected, ConversationRules.IsClosing(author, subject, noReply));
#pragma warning restore CS0618
    }

    // CONV-9: rows 4 and 8 (the patient's replies) are the only rows where the message replied to must be repliable.
    [Fact]
    public void Table_ReplyRowsAreFourAndEight()
    {
        Assert.Equal([4, 8], ConversationRules.Table.Where(r => r.RequiresRepliableMessage).Select(r => r.Number));
        Assert.EndsWith("-> Open (CONV-9: to a repliable message)", ConversationRules.Table[3].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TryFind_UndefinedValues_False()
    {
        Assert.False(ConversationRules.TryFind((Counterpart)5, ConversationStatus.Open, Author.Patient, false, true, out ConversationRule? rule));
        Assert.Null(rule);
        Assert.False(ConversationRules.TryFind((Counterpart)5, ConversationStatus.Open, Author.HealthActor, false, true, out _));
        Assert.False(ConversationRules.TryFind((Counterpart)(-1), ConversationStatus.Closed, Author.HealthActor, true, true, out _));
        Assert.False(ConversationRules.TryFind(Counterpart.Pharmacy, (ConversationStatus)9, Author.Patient, false, true, out _));
        Assert.False(ConversationRules.TryFind(Counterpart.Pharmacy, (ConversationStatus)9, Author.HealthActor, false, true, out _));
        Assert.False(ConversationRules.TryFind(Counterpart.Pharmacy, ConversationStatus.Open, (Author)9, false, true, out _));
    }

    // The diagram shows each row as edges; a few lines written by hand from the CONV-8 table.
    [Theory]
    [InlineData("    [*] --> NotStarted")]
    [InlineData("    Closed --> Open : row 1, health actor writes, ordinary")]
    [InlineData("    Open --> Closed : row 2, health actor writes, closing FIN")]
    [InlineData("    NotStarted --> NotStarted : row 3, patient writes, to a health actor, denied PatientCannotStart")]
    [InlineData("    Closed --> Closed : row 5, patient writes, to a health actor, denied ConversationClosed")]
    [InlineData("    Closed --> Open : row 6, patient writes, to a pharmacy, profile activated")]
    [InlineData("    NotStarted --> NotStarted : row 7, patient writes, to a pharmacy, profile not activated, denied PatientProfileNotActivated")]
    [InlineData("    Open --> Open : row 8, patient writes, to a pharmacy")]
    [InlineData("    Open --> Open : row 4, patient writes, to a health actor, to a message not repliable, denied MessageNotRepliable")]
    [InlineData("    Open --> Open : row 8, patient writes, to a pharmacy, to a message not repliable, denied MessageNotRepliable")]
    public void ToMermaid_HasEdgeForRow(string line)
    {
        string[] lines = ConversationRules.ToMermaid().Split('\n');
        Assert.Equal("stateDiagram-v2", lines[0]);
        Assert.Contains(line, lines);
    }

    [Fact]
    public void ToMermaid_OneEdgePerRowAndStatus()
    {
        // Rows 1, 2: three statuses each; rows 3, 4, 5, 8: one; rows 6, 7: two; rows 4 and 8 one more each for CONV-9
        // (MessageNotRepliable). Plus the initial edge.
        int edges = ConversationRules.ToMermaid().Split('\n').Count(l => l.Contains("-->", StringComparison.Ordinal));
        Assert.Equal(3 + 3 + 1 + 1 + 1 + 2 + 2 + 1 + 2 + 1, edges);
        Assert.DoesNotContain(" row 4, patient writes, to a pharmacy", ConversationRules.ToMermaid(), StringComparison.Ordinal);
    }

    // The committed pictures can never drift from the rules: the lifecycle doc and the README hold exactly ToMermaid().
    [Theory]
    [InlineData("docs/conversation-lifecycle.md")]
    [InlineData("README.md")]
    public void LifecycleDoc_ContainsExactlyTheGeneratedDiagram(string document)
    {
        string path = Path.Combine(RepositoryRoot(), document);
        string doc = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        const string Fence = "```mermaid\n";
        int start = doc.IndexOf(Fence, StringComparison.Ordinal);
        Assert.True(start >= 0, "No ```mermaid block in " + path);
        start += Fence.Length;
        int end = doc.IndexOf("```", start, StringComparison.Ordinal);
        Assert.True(end >= 0, "Unclosed ```mermaid block in " + path);
        Assert.Equal(ConversationRules.ToMermaid(), doc.Substring(start, end - start));
        Assert.Equal(-1, doc.IndexOf(Fence, end, StringComparison.Ordinal)); // one diagram only
    }

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Mss.Core.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Mss.Core.sln not found above " + AppContext.BaseDirectory);
    }
}
