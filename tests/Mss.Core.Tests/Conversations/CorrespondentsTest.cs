using Mss.Core.Conversations;
using NodaTime;

namespace Mss.Core.Tests.Conversations;

public class CorrespondentsTest
{
    private static ConversationReplay Replay(Counterpart counterpart, params (Author Author, string Subject)[] messages) =>
        ConversationReplay.Run(
            Conversation.Start(counterpart),
            messages.Select((m, i) => new ConversationMessage(m.Author, m.Subject, false, Instant.FromUnixTimeSeconds(i))));

    // CONV-6 (seed 001): actors who already wrote to the patient and did not close.
    [Fact]
    public void Select_ActorsWhoWroteAndDidNotClose_InOrder()
    {
        var replays = new Dictionary<string, ConversationReplay>
        {
            ["cardiologue"] = Replay(Counterpart.HealthActor, (Author.HealthActor, "Résultats"), (Author.Patient, "Merci")),
            ["radiologie"] = Replay(Counterpart.HealthActor, (Author.HealthActor, "Compte rendu"), (Author.HealthActor, "[FIN]")),
            ["pharmacie-silencieuse"] = Replay(Counterpart.Pharmacy, (Author.Patient, "Ordonnance")),
            ["pharmacie"] = Replay(Counterpart.Pharmacy, (Author.Patient, "Ordonnance"), (Author.HealthActor, "Prête demain")),
            ["jamais"] = Replay(Counterpart.HealthActor),
            ["reprise"] = Replay(Counterpart.HealthActor, (Author.HealthActor, "[FIN]"), (Author.HealthActor, "Nouvelle consultation")),
        };

        Assert.Equal(["cardiologue", "pharmacie", "reprise"], Correspondents.Select(replays));
    }

    [Fact]
    public void Select_DuplicateActor_Once()
    {
        ConversationReplay open = Replay(Counterpart.HealthActor, (Author.HealthActor, "Bonjour"));
        Assert.Equal(["a"], Correspondents.Select([new KeyValuePair<string, ConversationReplay>("a", open), new("a", open)]));
    }

    [Fact]
    public void Select_BadInput_Refused()
    {
        Assert.Throws<ArgumentNullException>("replays", () => Correspondents.Select<string>(null!));
        Assert.Throws<ArgumentNullException>("replays", () => Correspondents.Select([new KeyValuePair<string, ConversationReplay>("a", null!)]));
    }
}
