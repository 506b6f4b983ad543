using Mss.Core.Conversations;
using NodaTime;

namespace Mss.Core.Tests.Conversations;

public class ConversationReplayTest
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 2, 9, 0);

    private static ConversationMessage Msg(Author author, string? subject, int minutes, bool noReply = false) =>
        new(author, subject, noReply, T0 + Duration.FromMinutes(minutes));

    // CONV-1..CONV-4 on a history: start, reply, [FIN], refused reply, restart, reply.
    [Fact]
    public void Run_HealthActorHistory_DecisionOnEveryMessage()
    {
        ConversationMessage[] history =
        [
            Msg(Author.Patient, "Bonjour docteur", 0),   // row 3: cannot start
            Msg(Author.HealthActor, "Vos résultats", 1), // row 1
            Msg(Author.Patient, "Merci", 2),             // row 4
            Msg(Author.HealthActor, "[FIN]", 3),         // row 2
            Msg(Author.Patient, "Encore une question", 4), // row 5
            Msg(Author.HealthActor, "Reprise", 5),       // row 1 (restart)
            Msg(Author.Patient, "[FIN]", 6),             // row 4: a patient's [FIN] is ordinary
        ];

        ConversationReplay replay = ConversationReplay.Run(Conversation.Start(Counterpart.HealthActor), history);

        Assert.Equal([3, 1, 4, 2, 5, 1, 4], replay.Steps.Select(s => s.Decision.Rule!.Number));
        Assert.Equal(
            [ConversationStatus.NotStarted, ConversationStatus.Open, ConversationStatus.Open, ConversationStatus.Closed,
             ConversationStatus.Closed, ConversationStatus.Open, ConversationStatus.Open],
            replay.Steps.Select(s => s.Decision.Status));
        Assert.Equal(ConversationDenial.PatientCannotStart, replay.Steps[0].Decision.Denial);
        Assert.Equal(ConversationDenial.ConversationClosed, replay.Steps[4].Decision.Denial);
        Assert.Equal(2, replay.DeniedCount);
        Assert.Equal(ConversationStatus.Open, replay.Status);
        Assert.True(replay.HealthActorHasWritten);
        Assert.True(replay.IsCorrespondent);
        Assert.Equal([0, 1, 2, 3, 4, 5, 6], replay.Steps.Select(s => s.Index));
    }

    // Decided here: replay in timestamp order (stable), so an out-of-order mailbox read gives the same result.
    [Fact]
    public void Run_OutOfOrderTimestamps_ReplayedInTimestampOrder()
    {
        ConversationMessage[] history =
        [
            Msg(Author.Patient, "Question", 10),
            Msg(Author.HealthActor, "[FIN]", 20),
            Msg(Author.HealthActor, "Bonjour", 0),
        ];

        ConversationReplay replay = ConversationReplay.Run(Conversation.Start(Counterpart.HealthActor), history);

        Assert.Equal([2, 0, 1], replay.Steps.Select(s => s.Index));
        Assert.All(replay.Steps, s => Assert.True(s.Decision.IsAccepted));
        Assert.Equal(ConversationStatus.Closed, replay.Status);
        Assert.False(replay.IsCorrespondent);
    }

    // Equal timestamps keep the order given (stable sort).
    [Fact]
    public void Run_EqualTimestamps_KeepInputOrder()
    {
        ConversationMessage[] closeThenWrite = [Msg(Author.HealthActor, "[FIN]", 0), Msg(Author.HealthActor, "Reprise", 0)];
        ConversationMessage[] writeThenClose = [Msg(Author.HealthActor, "Reprise", 0), Msg(Author.HealthActor, "[FIN]", 0)];
        Assert.Equal(ConversationStatus.Open, ConversationReplay.Run(default, closeThenWrite).Status);
        Assert.Equal(ConversationStatus.Closed, ConversationReplay.Run(default, writeThenClose).Status);
    }

    // CONV-5 on a history: patient starts with the pharmacy, [FIN] from the pharmacy, patient starts again; X-MSS-MES does
    // not close (CONV-9, 0.2).
    [Fact]
    public void Run_PharmacyHistory()
    {
        ConversationMessage[] history =
        [
            Msg(Author.Patient, "Ordonnance", 0),             // row 6
            Msg(Author.HealthActor, "[FIN]", 1),              // row 2
            Msg(Author.Patient, "Nouvelle ordonnance", 2),    // row 6
            Msg(Author.HealthActor, "Prête", 3, noReply: true), // row 1 (X-MSS-MES: FIN, 0.2: not closing)
        ];

        ConversationReplay replay = ConversationReplay.Run(Conversation.Start(Counterpart.Pharmacy), history);
        Assert.Equal([6, 2, 6, 1], replay.Steps.Select(s => s.Decision.Rule!.Number));
        Assert.Equal(ConversationStatus.Open, replay.Status);
        Assert.Equal(0, replay.DeniedCount);

        ConversationReplay notActivated = ConversationReplay.Run(Conversation.Start(Counterpart.Pharmacy, false), history);
        Assert.Equal([7, 2, 7, 1], notActivated.Steps.Select(s => s.Decision.Rule!.Number));
        Assert.Equal(ConversationDenial.PatientProfileNotActivated, notActivated.Steps[2].Decision.Denial);
    }

    // CONV-9 on a history read from a mailbox: ids and In-Reply-To decide which replies are refused.
    [Fact]
    public void Run_RepliesByMessageId()
    {
        ConversationMessage[] history =
        [
            Msg(Author.HealthActor, "Vos résultats", 0) with { MessageId = "a1@chu.mssante.fr" },
            Msg(Author.HealthActor, "Rappel de rendez-vous", 1, noReply: true) with { MessageId = "a2@chu.mssante.fr" },
            Msg(Author.Patient, "Question sur le rappel", 2) with { InReplyTo = "a2@chu.mssante.fr" },   // refused: a2 not repliable
            Msg(Author.Patient, "Question sur les résultats", 3) with { InReplyTo = "<a1@chu.mssante.fr>" }, // a1 repliable
            Msg(Author.Patient, "Merci", 4),                                                              // latest repliable: a1
            Msg(Author.HealthActor, "[FIN]", 5) with { MessageId = "a3@chu.mssante.fr" },
            Msg(Author.HealthActor, "Nouveau résultat", 6) with { MessageId = "a4@chu.mssante.fr" },
            Msg(Author.Patient, "Encore sur les anciens résultats", 7) with { InReplyTo = "a1@chu.mssante.fr" }, // refused: before [FIN]
            Msg(Author.Patient, "Sur le nouveau", 8) with { InReplyTo = "a4@chu.mssante.fr" },
        ];

        ConversationReplay replay = ConversationReplay.Run(Conversation.Start(Counterpart.HealthActor), history);

        Assert.Equal([true, true, false, true, true, true, true, false, true], replay.Steps.Select(s => s.Decision.IsAccepted));
        Assert.Equal(ConversationDenial.MessageNotRepliable, replay.Steps[2].Decision.Denial);
        Assert.Equal(4, replay.Steps[2].Decision.Rule!.Number); // the row applied; CONV-9 overruled it
        Assert.Equal(ConversationDenial.MessageNotRepliable, replay.Steps[7].Decision.Denial);
        Assert.Equal(2, replay.DeniedCount);
        Assert.Equal(ConversationStatus.Open, replay.Status);
        Assert.True(replay.CanPatientReply);
        Assert.True(replay.CanPatientReplyTo("a4@chu.mssante.fr"));
        Assert.False(replay.CanPatientReplyTo("a1@chu.mssante.fr"));
        Assert.False(replay.CanPatientReplyTo("a2@chu.mssante.fr"));
        Assert.False(replay.CanPatientReplyTo("a3@chu.mssante.fr"));
        Assert.False(replay.CanPatientReplyTo("unknown@chu.mssante.fr"));
    }

    [Fact]
    public void Run_Empty_StartUnchanged()
    {
        Conversation start = Conversation.Start(Counterpart.Pharmacy);
        ConversationReplay replay = ConversationReplay.Run(start, []);
        Assert.Equal(start, replay.Final);
        Assert.Equal(start, replay.Start);
        Assert.Empty(replay.Steps);
        Assert.False(replay.HealthActorHasWritten);
        Assert.False(replay.IsCorrespondent);
    }

    // A pharmacy conversation the patient started is open, but the pharmacy has not written: not a correspondent (CONV-6).
    [Fact]
    public void Run_PatientStartedPharmacyConversation_NotCorrespondentUntilPharmacyWrites()
    {
        ConversationReplay started = ConversationReplay.Run(Conversation.Start(Counterpart.Pharmacy), [Msg(Author.Patient, "Ordonnance", 0)]);
        Assert.Equal(ConversationStatus.Open, started.Status);
        Assert.False(started.IsCorrespondent);

        ConversationReplay answered = ConversationReplay.Run(
            Conversation.Start(Counterpart.Pharmacy),
            [Msg(Author.Patient, "Ordonnance", 0), Msg(Author.HealthActor, "Bien reçu", 1)]);
        Assert.True(answered.IsCorrespondent);
    }

    [Fact]
    public void Run_BadInput_Refused()
    {
        Assert.Throws<ArgumentNullException>("messages", () => ConversationReplay.Run(default, null!));
        ArgumentException e = Assert.Throws<ArgumentException>("messages", () =>
            ConversationReplay.Run(default, [Msg(Author.HealthActor, "x", 0), new ConversationMessage((Author)9, "x", false, T0)]));
        Assert.Contains("position 1", e.Message, StringComparison.Ordinal);
    }
}
