using Mss.Core.Conversations;

namespace Mss.Core.Tests.Conversations;

public class ConversationTest
{
    private static Conversation At(Counterpart counterpart, ConversationStatus status, bool profileActivated = true) =>
        Conversation.Restore(counterpart, status, profileActivated);

    private static void AssertAccepted(Conversation before, Author author, string? subject, bool noReply, ConversationStatus expected)
    {
        bool ok = before.TryApply(author, subject, noReply, out Conversation next, out ConversationDenial denial);
        Assert.True(ok);
        Assert.Equal(ConversationDenial.None, denial);
        Assert.Equal(expected, next.Status);
        Assert.Equal(before.Counterpart, next.Counterpart);
        Assert.Equal(before.PatientProfileActivated, next.PatientProfileActivated);
    }

    private static void AssertDenied(Conversation before, Author author, string? subject, bool noReply, ConversationDenial expected)
    {
        bool ok = before.TryApply(author, subject, noReply, out Conversation next, out ConversationDenial denial);
        Assert.False(ok);
        Assert.Equal(expected, denial);
        Assert.Equal(before, next);
    }

    // CONV-8 row 1: any counterpart, NotStarted / Open / Closed, health actor, ordinary -> Open (start, continue, restart).
    [Theory]
    [InlineData(Counterpart.HealthActor, ConversationStatus.NotStarted)]
    [InlineData(Counterpart.HealthActor, ConversationStatus.Open)]
    [InlineData(Counterpart.HealthActor, ConversationStatus.Closed)]
    [InlineData(Counterpart.Pharmacy, ConversationStatus.NotStarted)]
    [InlineData(Counterpart.Pharmacy, ConversationStatus.Open)]
    [InlineData(Counterpart.Pharmacy, ConversationStatus.Closed)]
    public void TryApply_Row1_HealthActorOrdinary_Open(Counterpart counterpart, ConversationStatus status)
    {
        AssertAccepted(At(counterpart, status), Author.HealthActor, "Vos résultats", false, ConversationStatus.Open);
        AssertAccepted(At(counterpart, status, profileActivated: false), Author.HealthActor, null, false, ConversationStatus.Open);
    }

    // CONV-8 row 2 / CONV-3: the health actor's [FIN] subject closes, from any status (white space around it ignored).
    [Theory]
    [InlineData(Counterpart.HealthActor, ConversationStatus.NotStarted)]
    [InlineData(Counterpart.HealthActor, ConversationStatus.Open)]
    [InlineData(Counterpart.HealthActor, ConversationStatus.Closed)]
    [InlineData(Counterpart.Pharmacy, ConversationStatus.NotStarted)]
    [InlineData(Counterpart.Pharmacy, ConversationStatus.Open)]
    [InlineData(Counterpart.Pharmacy, ConversationStatus.Closed)]
    public void TryApply_Row2_HealthActorClosing_Closed(Counterpart counterpart, ConversationStatus status)
    {
        AssertAccepted(At(counterpart, status), Author.HealthActor, "[FIN]", false, ConversationStatus.Closed);
        AssertAccepted(At(counterpart, status), Author.HealthActor, " [FIN] ", false, ConversationStatus.Closed);
        AssertAccepted(At(counterpart, status), Author.HealthActor, "[FIN]", true, ConversationStatus.Closed);
    }

    // CONV-9 (0.2): X-MSS-MES: FIN no longer closes: row 1, the conversation is (or becomes) open.
    [Theory]
    [InlineData(Counterpart.HealthActor, ConversationStatus.NotStarted)]
    [InlineData(Counterpart.HealthActor, ConversationStatus.Open)]
    [InlineData(Counterpart.HealthActor, ConversationStatus.Closed)]
    [InlineData(Counterpart.Pharmacy, ConversationStatus.Open)]
    public void TryApply_NoReply_DoesNotClose(Counterpart counterpart, ConversationStatus status)
    {
        AssertAccepted(At(counterpart, status), Author.HealthActor, "Compte rendu", true, ConversationStatus.Open);
        AssertAccepted(At(counterpart, status), Author.HealthActor, null, true, ConversationStatus.Open);
        Assert.Equal(1, At(counterpart, status).Decide(Author.HealthActor, "Compte rendu", noReply: true).Rule!.Number);
    }

    // CONV-3: near misses from the actor are ordinary messages (row 1), the conversation stays open.
    [Theory]
    [InlineData("[fin]")]
    [InlineData("[Fin]")]
    [InlineData("RE: [FIN]")]
    [InlineData("[ FIN ]")]
    [InlineData("Cc: [FIN]")]
    [InlineData("[FIN] merci")]
    [InlineData("FIN")]
    public void TryApply_HealthActorNearMissSubject_StaysOpen(string subject) =>
        AssertAccepted(At(Counterpart.HealthActor, ConversationStatus.Open), Author.HealthActor, subject, false, ConversationStatus.Open);

    // CONV-8 row 3 / CONV-1: a patient cannot start a conversation with a health actor, whatever the subject or profile.
    [Theory]
    [InlineData("Bonjour", false, true)]
    [InlineData("[FIN]", true, true)]
    [InlineData(null, false, false)]
    public void TryApply_Row3_PatientStartsWithHealthActor_PatientCannotStart(string? subject, bool noReply, bool profileActivated) =>
        AssertDenied(At(Counterpart.HealthActor, ConversationStatus.NotStarted, profileActivated), Author.Patient, subject, noReply, ConversationDenial.PatientCannotStart);

    // CONV-8 row 4 / CONV-2: the patient replies in an open conversation; a patient's [FIN] (or no-reply flag) does not close (CONV-3).
    [Theory]
    [InlineData("Merci docteur", false)]
    [InlineData("[FIN]", false)]
    [InlineData("[FIN]", true)]
    public void TryApply_Row4_PatientRepliesToOpenHealthActor_StaysOpen(string subject, bool noReply)
    {
        AssertAccepted(At(Counterpart.HealthActor, ConversationStatus.Open), Author.Patient, subject, noReply, ConversationStatus.Open);
        AssertAccepted(At(Counterpart.HealthActor, ConversationStatus.Open, profileActivated: false), Author.Patient, subject, noReply, ConversationStatus.Open);
    }

    // CONV-8 row 5 / CONV-4: after [FIN] the patient cannot reply.
    [Theory]
    [InlineData("Une question", true)]
    [InlineData("[FIN]", false)]
    public void TryApply_Row5_PatientReplyAfterFin_Denied(string subject, bool profileActivated) =>
        AssertDenied(At(Counterpart.HealthActor, ConversationStatus.Closed, profileActivated), Author.Patient, subject, false, ConversationDenial.ConversationClosed);

    // CONV-8 row 6 / CONV-5: a patient with an activated profile starts (or starts again) with a pharmacy.
    [Theory]
    [InlineData(ConversationStatus.NotStarted)]
    [InlineData(ConversationStatus.Closed)]
    public void TryApply_Row6_ActivatedPatientStartsWithPharmacy_Open(ConversationStatus status) =>
        AssertAccepted(At(Counterpart.Pharmacy, status, profileActivated: true), Author.Patient, "Mon ordonnance", false, ConversationStatus.Open);

    // CONV-8 row 7 / CONV-5: without an activated profile the patient cannot start with a pharmacy.
    [Theory]
    [InlineData(ConversationStatus.NotStarted)]
    [InlineData(ConversationStatus.Closed)]
    public void TryApply_Row7_NotActivatedPatientStartsWithPharmacy_Denied(ConversationStatus status) =>
        AssertDenied(At(Counterpart.Pharmacy, status, profileActivated: false), Author.Patient, "Mon ordonnance", false, ConversationDenial.PatientProfileNotActivated);

    // CONV-8 row 8: the patient writes in an open pharmacy conversation, activated or not (the pharmacy may have written first).
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void TryApply_Row8_PatientWritesInOpenPharmacyConversation_Open(bool profileActivated) =>
        AssertAccepted(At(Counterpart.Pharmacy, ConversationStatus.Open, profileActivated), Author.Patient, "[FIN]", false, ConversationStatus.Open);

    // CONV-4: the actor restarts a closed conversation and the patient may reply again (seed 003).
    [Fact]
    public void TryApply_ActorRestartsAfterFin_PatientMayReplyAgain()
    {
        Conversation c = Conversation.Start(Counterpart.HealthActor);
        Assert.True(c.TryApply(Author.HealthActor, "Résultats", out c, out _));
        Assert.True(c.TryApply(Author.HealthActor, "[FIN]", out c, out _));
        Assert.False(c.TryApply(Author.Patient, "Encore une question", out _, out ConversationDenial denial));
        Assert.Equal(ConversationDenial.ConversationClosed, denial);
        Assert.True(c.TryApply(Author.HealthActor, "Reprise", out c, out _));
        Assert.True(c.TryApply(Author.Patient, "Merci", out c, out _));
        Assert.Equal(ConversationStatus.Open, c.Status);
    }

    // The rows that decide are reported (CONV-8 row numbers as in DOMAIN.md).
    [Fact]
    public void Decide_ReportsTheRowThatDecided()
    {
        Conversation start = Conversation.Start(Counterpart.Pharmacy, patientProfileActivated: false);
        Assert.Equal(7, start.Decide(Author.Patient, "x").Rule!.Number);
        Assert.Equal(1, start.Decide(Author.HealthActor, "x").Rule!.Number);
        ConversationDecision closing = start.Decide(Author.HealthActor, "[FIN]");
        Assert.Equal(2, closing.Rule!.Number);
        Assert.True(closing.IsClosing);
        Assert.Equal(ConversationStatus.Closed, closing.Status);
        Assert.Equal(start, closing.Before);
        ConversationDecision noReply = start.Decide(Author.HealthActor, "x", noReply: true);
        Assert.Equal(1, noReply.Rule!.Number);
        Assert.False(noReply.IsClosing);
        Assert.False(Conversation.Start(Counterpart.HealthActor).Decide(Author.Patient, "[FIN]", noReply: true).IsClosing);
    }

    [Fact]
    public void Start_OneArgument_MeansProfileActivated()
    {
        Conversation c = Conversation.Start(Counterpart.Pharmacy);
        Assert.True(c.PatientProfileActivated);
        Assert.Equal(ConversationStatus.NotStarted, c.Status);
        Assert.Equal(Counterpart.Pharmacy, c.Counterpart);
        Assert.False(Conversation.Start(Counterpart.Pharmacy, false).PatientProfileActivated);
    }

    // Documented: default(Conversation) equals Start(Counterpart.HealthActor) and is safe to use.
    [Fact]
    public void Default_IsNotStartedWithHealthActor_AndNeverThrows()
    {
        Conversation d = default;
        Assert.Equal(Conversation.Start(Counterpart.HealthActor), d);
        Assert.True(d == Conversation.Start(Counterpart.HealthActor));
        Assert.Equal(ConversationStatus.NotStarted, d.Status);
        Assert.False(d.TryApply(Author.Patient, "Bonjour", out _, out ConversationDenial denial));
        Assert.Equal(ConversationDenial.PatientCannotStart, denial);
        Assert.False(d.CanPatientReply);
        Assert.False(d.CanPatientReplyTo("a@b"));
    }

    // TryApply never throws: an undefined author gives false with ConversationDenial.None and the conversation unchanged.
    [Theory]
    [InlineData(-1)]
    [InlineData(2)]
    [InlineData(int.MaxValue)]
    public void TryApply_UndefinedAuthor_FalseWithoutDenial(int author)
    {
        Conversation open = At(Counterpart.HealthActor, ConversationStatus.Open);
        Assert.False(open.TryApply((Author)author, "[FIN]", true, out Conversation next, out ConversationDenial denial));
        Assert.Equal(ConversationDenial.None, denial);
        Assert.Equal(open, next);
        Assert.Throws<ArgumentOutOfRangeException>("author", () => open.Decide((Author)author, "x"));
    }

    [Fact]
    public void Factories_UndefinedEnums_Refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>("counterpart", () => Conversation.Start((Counterpart)2));
        Assert.Throws<ArgumentOutOfRangeException>("counterpart", () => Conversation.Start((Counterpart)(-1), true));
        Assert.Throws<ArgumentOutOfRangeException>("status", () => Conversation.Restore(Counterpart.Pharmacy, (ConversationStatus)3, true));
    }

    [Fact]
    public void WithPatientProfileActivated_ThenPatientMayStartWithPharmacy()
    {
        Conversation c = Conversation.Start(Counterpart.Pharmacy, patientProfileActivated: false);
        Assert.False(c.TryApply(Author.Patient, "Ordonnance", out _, out _));
        Assert.True(c.WithPatientProfileActivated(true).TryApply(Author.Patient, "Ordonnance", out Conversation next, out _));
        Assert.Equal(ConversationStatus.Open, next.Status);
        Assert.True(next.PatientProfileActivated);
    }

    // CONV-5: [FIN] from the pharmacy closes, but the patient may start again at any time (seed 001).
    [Fact]
    public void Pharmacy_FinThenPatientStartsAgain_Open()
    {
        Conversation c = Conversation.Start(Counterpart.Pharmacy);
        Assert.True(c.TryApply(Author.Patient, "Ordonnance", out c, out _));
        Assert.True(c.TryApply(Author.HealthActor, "[FIN]", out c, out _));
        Assert.Equal(ConversationStatus.Closed, c.Status);
        Assert.True(c.TryApply(Author.Patient, "Nouvelle ordonnance", out c, out _));
        Assert.Equal(ConversationStatus.Open, c.Status);
    }

#if !DEBUG
    // Release only (issue 27): Debug builds allocate where Release does not; the measurement is in the benchmarks.
    // A conversation is a struct applied to every message: TryApply allocates nothing, whatever the row that decides.
    [Fact]
    public void TryApply_AllocatesNothing()
    {
        Conversation[] starts =
        [
            At(Counterpart.HealthActor, ConversationStatus.NotStarted), At(Counterpart.HealthActor, ConversationStatus.Closed),
            At(Counterpart.Pharmacy, ConversationStatus.Closed), At(Counterpart.Pharmacy, ConversationStatus.NotStarted, profileActivated: false),
        ];
        Assert.Equal(0, Allocations.Measure(Run, 100, out int[] results));
        Assert.All(results, r => Assert.Equal(9, r));

        int Run()
        {
            int accepted = 0;
            foreach (Conversation c in starts)
            {
                accepted += c.TryApply(Author.HealthActor, "Résultats", out _, out _) ? 1 : 0; // row 1
                accepted += c.TryApply(Author.HealthActor, "[FIN]", out _, out _) ? 1 : 0; // row 2
                accepted += c.TryApply(Author.Patient, "Merci", out _, out _) ? 1 : 0; // rows 3, 5, 6, 7: only row 6 accepts
            }

            return accepted;
        }
    }
#endif

    [Fact]
    public void Equality_ComparesCounterpartStatusAndProfile()
    {
        Assert.NotEqual(Conversation.Start(Counterpart.Pharmacy), Conversation.Start(Counterpart.HealthActor));
        Assert.True(Conversation.Start(Counterpart.Pharmacy, true) != Conversation.Start(Counterpart.Pharmacy, false));
        Assert.Equal(At(Counterpart.Pharmacy, ConversationStatus.Open).GetHashCode(), At(Counterpart.Pharmacy, ConversationStatus.Open).GetHashCode());
        Assert.Equal("Open with Pharmacy (profile activated)", At(Counterpart.Pharmacy, ConversationStatus.Open).ToString());
    }
}
