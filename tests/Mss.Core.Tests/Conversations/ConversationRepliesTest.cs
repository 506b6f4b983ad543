using Mss.Core.Conversations;
using NodaTime;

namespace Mss.Core.Tests.Conversations;

/// <summary>CONV-9 (0.2): X-MSS-MES: FIN takes away the reply to one message; [FIN] to every earlier one.</summary>
public class ConversationRepliesTest
{
    private static ConversationMessage Actor(string? id, string subject = "Message", bool noReply = false) =>
        new(Author.HealthActor, subject, noReply, Instant.FromUnixTimeSeconds(0)) { MessageId = id };

    private static ConversationMessage Patient(string? inReplyTo = null) =>
        new(Author.Patient, "Réponse", false, Instant.FromUnixTimeSeconds(0)) { InReplyTo = inReplyTo };

    private static Conversation Apply(Conversation c, params ConversationMessage[] messages)
    {
        foreach (ConversationMessage m in messages)
        {
            Assert.True(c.TryApply(m, out c, out ConversationDenial denial), m + ": " + denial);
        }

        return c;
    }

    private static void AssertRefused(Conversation c, ConversationMessage m, ConversationDenial expected)
    {
        Assert.False(c.TryApply(m, out Conversation next, out ConversationDenial denial));
        Assert.Equal(expected, denial);
        Assert.Equal(c, next);
        Assert.False(c.Decide(m).IsAccepted);
        Assert.Equal(expected, c.Decide(m).Denial);
    }

    // CONV-9: a message with X-MSS-MES: FIN alone leaves the conversation open, and the patient cannot reply to it.
    [Fact]
    public void NoReplyOnly_OpenButNotRepliable()
    {
        Conversation c = Apply(default, Actor("m1", noReply: true));
        Assert.Equal(ConversationStatus.Open, c.Status);
        Assert.False(c.CanPatientReply);
        Assert.False(c.CanPatientReplyTo("m1"));
        AssertRefused(c, Patient(), ConversationDenial.MessageNotRepliable);
        AssertRefused(c, Patient("m1"), ConversationDenial.MessageNotRepliable);
    }

    // CONV-9: X-MSS-MES: FIN takes away the reply to that one message only; a reply without In-Reply-To goes to the
    // latest repliable one.
    [Fact]
    public void NoReplyAfterRepliable_EarlierStillRepliable()
    {
        Conversation c = Apply(default, Actor("m1"), Actor("m2", noReply: true));
        Assert.True(c.CanPatientReply);
        Assert.True(c.CanPatientReplyTo("m1"));
        Assert.False(c.CanPatientReplyTo("m2"));
        Assert.True(c.TryApply(Patient(), out _, out _));
        Assert.True(c.TryApply(Patient("m1"), out _, out _));
        AssertRefused(c, Patient("m2"), ConversationDenial.MessageNotRepliable);
    }

    // CONV-9: a repliable message after a no-reply one makes the patient able to reply again (to it).
    [Fact]
    public void RepliableAfterNoReply_Repliable()
    {
        Conversation c = Apply(default, Actor("m1", noReply: true), Actor("m2"));
        Assert.True(c.CanPatientReply);
        Assert.True(c.TryApply(Patient(), out _, out _));
        AssertRefused(c, Patient("m1"), ConversationDenial.MessageNotRepliable);
    }

    // CONV-9 / CONV-4: [FIN] takes away the reply to every earlier message, itself included; after a restart only the new
    // messages can be replied to.
    [Fact]
    public void Fin_TakesAwayEveryEarlierReply_RestartGivesNewOnes()
    {
        Conversation c = Apply(default, Actor("m1"), Actor("m2"), Actor("fin", "[FIN]"));
        Assert.Equal(ConversationStatus.Closed, c.Status);
        Assert.False(c.CanPatientReply);
        Assert.False(c.CanPatientReplyTo("m1"));
        Assert.False(c.CanPatientReplyTo("fin"));
        AssertRefused(c, Patient("m1"), ConversationDenial.ConversationClosed); // the table's denial comes first

        c = Apply(c, Actor("m3"));
        Assert.True(c.CanPatientReplyTo("m3"));
        Assert.False(c.CanPatientReplyTo("m1"));
        AssertRefused(c, Patient("m1"), ConversationDenial.MessageNotRepliable);
        AssertRefused(c, Patient("fin"), ConversationDenial.MessageNotRepliable);
        Assert.True(c.TryApply(Patient("m3"), out _, out _));
        Assert.True(c.TryApply(Patient(), out _, out _));
    }

    // CONV-9: restarting after [FIN] with a no-reply message leaves nothing to reply to.
    [Fact]
    public void RestartWithNoReply_NothingRepliable()
    {
        Conversation c = Apply(default, Actor("m1"), Actor(null, "[FIN]"), Actor("m2", noReply: true));
        Assert.Equal(ConversationStatus.Open, c.Status);
        AssertRefused(c, Patient(), ConversationDenial.MessageNotRepliable);
    }

    // Decided here: an In-Reply-To the conversation does not know is read as none (latest repliable message).
    [Fact]
    public void UnknownInReplyTo_ReadAsNone()
    {
        Conversation repliable = Apply(default, Actor("m1"));
        Assert.True(repliable.TryApply(Patient("elsewhere@x.mssante.fr"), out _, out _));
        Conversation notRepliable = Apply(default, Actor("m1", noReply: true));
        AssertRefused(notRepliable, Patient("elsewhere@x.mssante.fr"), ConversationDenial.MessageNotRepliable);
    }

    // Message ids are compared without angle brackets and surrounding white space, ordinally.
    [Fact]
    public void MessageIds_AngleBracketsIgnored_CaseKept()
    {
        Conversation c = Apply(default, Actor("<m1@chu.mssante.fr>"), Actor("M2@chu.mssante.fr", noReply: true));
        Assert.True(c.CanPatientReplyTo("m1@chu.mssante.fr"));
        Assert.True(c.CanPatientReplyTo(" <m1@chu.mssante.fr> "));
        Assert.False(c.CanPatientReplyTo("m2@chu.mssante.fr")); // unknown (ids are case-sensitive)
        Assert.True(c.TryApply(Patient("m2@chu.mssante.fr"), out _, out _)); // unknown: latest repliable, m1
        AssertRefused(c, Patient("<M2@chu.mssante.fr>"), ConversationDenial.MessageNotRepliable);
        Assert.False(c.CanPatientReplyTo(null!));
        Assert.False(c.CanPatientReplyTo(string.Empty));
        Assert.False(c.CanPatientReplyTo("<>"));
    }

    // A later actor message with the same id replaces the earlier one.
    [Fact]
    public void SameIdTwice_LatestWins()
    {
        Assert.False(Apply(default, Actor("m1"), Actor("m1", noReply: true)).CanPatientReplyTo("m1"));
        Assert.True(Apply(default, Actor("m1", noReply: true), Actor("m1")).CanPatientReplyTo("m1"));
    }

    // Decided here: a patient who started a pharmacy conversation may write again before the pharmacy answers (CONV-5);
    // the pharmacy's no-reply message still cannot be replied to (CONV-9).
    [Fact]
    public void Pharmacy_PatientStarted_MayWriteAgain_NoReplyMessageNotRepliable()
    {
        Conversation c = Apply(Conversation.Start(Counterpart.Pharmacy), Patient());
        Assert.True(c.CanPatientReply);
        c = Apply(c, Patient(), Actor("p1", "Ordonnance prête", noReply: true));
        Assert.Equal(ConversationStatus.Open, c.Status);
        AssertRefused(c, Patient("p1"), ConversationDenial.MessageNotRepliable);
        Assert.True(c.TryApply(Patient(), out _, out _));

        // After [FIN] the patient starts a new conversation (row 6): In-Reply-To plays no part.
        c = Apply(c, Actor("p2", "[FIN]"));
        Assert.True(c.TryApply(Patient("p2"), out Conversation restarted, out _));
        Assert.True(restarted.CanPatientReply);
    }

    // A conversation restored as open can be replied to but knows no message id.
    [Theory]
    [InlineData(ConversationStatus.NotStarted, false)]
    [InlineData(ConversationStatus.Open, true)]
    [InlineData(ConversationStatus.Closed, false)]
    public void Restore_RepliableOnlyWhenOpen(ConversationStatus status, bool expected)
    {
        Conversation c = Conversation.Restore(Counterpart.HealthActor, status, true);
        Assert.Equal(expected, c.CanPatientReply);
        Assert.False(c.CanPatientReplyTo("m1"));
    }

    // The per-message state is persistent: a conversation value never changes when later messages are applied to it.
    [Fact]
    public void EarlierValues_Unchanged()
    {
        Conversation before = Apply(default, Actor("m1"));
        Conversation after = Apply(before, Actor("m2", noReply: true), Actor("m1", noReply: true), Actor(null, "[FIN]"));
        Assert.True(before.CanPatientReplyTo("m1"));
        Assert.False(before.CanPatientReplyTo("m2"));
        Assert.False(after.CanPatientReplyTo("m1"));
        Assert.NotEqual(before, after);
    }

    // Equality compares what the patient may reply to, not how the value was built.
    [Fact]
    public void Equality_ByObservableReplies()
    {
        Conversation a = Apply(default, Actor("m1"), Actor("m2", noReply: true));
        Conversation b = Apply(default, Actor("m1"), Actor("m2", noReply: true));
        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, Apply(default, Actor("m1"), Actor("m2")));
        Assert.NotEqual(a, Apply(default, Actor("m1"), Actor("m3", noReply: true)));

        // Old messages killed by one [FIN] or by two are alike: none can be replied to.
        Conversation oneFin = Apply(default, Actor("m1"), Actor(null, "[FIN]"), Actor(null));
        Conversation twoFins = Apply(default, Actor("m1"), Actor(null, "[FIN]"), Actor(null, "[FIN]"), Actor(null));
        Assert.Equal(oneFin, twoFins);
    }

    // Many messages: every id answers right (the persistent map stays balanced and ordered).
    [Fact]
    public void TenThousandMessages_EachAnswersRight()
    {
        Conversation c = default;
        var random = new Random(7);
        var expected = new Dictionary<string, bool>();
        for (int i = 0; i < 10_000; i++)
        {
            string id = random.Next(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture) + "@chu.mssante.fr";
            bool noReply = random.Next(3) == 0;
            c = Apply(c, Actor(id, noReply: noReply));
            expected[id] = !noReply;
        }

        foreach (KeyValuePair<string, bool> pair in expected)
        {
            Assert.Equal(pair.Value, c.CanPatientReplyTo(pair.Key));
        }

        Assert.False(c.CanPatientReplyTo("9999999@chu.mssante.fr"));
    }
}
