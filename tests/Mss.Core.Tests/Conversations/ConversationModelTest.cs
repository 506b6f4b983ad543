using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Mss.Core.Conversations;

namespace Mss.Core.Tests.Conversations;

[Properties(Arbitrary = [typeof(ConversationGenerators)], MaxTest = 1000)]
public class ConversationModelTest
{
    /// <summary>
    /// CONV-8 written again, independently, straight from the table text of DOMAIN.md, with plain ifs.
    /// Closing = subject exactly "[FIN]" or X-MSS-MES: FIN, from the health actor only.
    /// </summary>
    private static (bool Accepted, ConversationStatus Next, ConversationDenial Denial) Reference(
        Counterpart counterpart, ConversationStatus status, bool profileActivated, Author author, string? subject, bool noReply)
    {
        if (author == Author.HealthActor)
        {
            bool closing = noReply || string.Equals(subject, "[FIN]", StringComparison.Ordinal);
            return (true, closing ? ConversationStatus.Closed : ConversationStatus.Open, ConversationDenial.None); // rows 1, 2
        }

        if (counterpart == Counterpart.HealthActor)
        {
            if (status == ConversationStatus.NotStarted)
            {
                return (false, status, ConversationDenial.PatientCannotStart); // row 3
            }

            if (status == ConversationStatus.Open)
            {
                return (true, ConversationStatus.Open, ConversationDenial.None); // row 4
            }

            return (false, status, ConversationDenial.ConversationClosed); // row 5
        }

        if (status == ConversationStatus.Open)
        {
            return (true, ConversationStatus.Open, ConversationDenial.None); // row 8
        }

        return profileActivated
            ? (true, ConversationStatus.Open, ConversationDenial.None) // row 6
            : (false, status, ConversationDenial.PatientProfileNotActivated); // row 7
    }

    [Property]
    public Property Conversation_AgreesWithReferenceModel_OnEveryStep(ModelScenario scenario)
    {
        Conversation conversation = Conversation.Start(scenario.Counterpart, scenario.ProfileActivated);
        ConversationStatus status = ConversationStatus.NotStarted;
        bool profile = scenario.ProfileActivated;
        for (int i = 0; i < scenario.Steps.Length; i++)
        {
            ModelStep step = scenario.Steps[i];
            if (step.SetProfile is { } p)
            {
                profile = p;
                conversation = conversation.WithPatientProfileActivated(p);
                continue;
            }

            var expected = Reference(scenario.Counterpart, status, profile, step.Author, step.Subject, step.NoReply);
            bool accepted = conversation.TryApply(step.Author, step.Subject, step.NoReply, out Conversation next, out ConversationDenial denial);
            ConversationDecision decision = conversation.Decide(step.Author, step.Subject, step.NoReply);
            bool agree = accepted == expected.Accepted && denial == expected.Denial && next.Status == expected.Next
                && next.Counterpart == scenario.Counterpart && next.PatientProfileActivated == profile
                && decision.IsAccepted == accepted && decision.Denial == denial && decision.Next == next;
            if (!agree)
            {
                return false.Label($"step {i} ({step}) from {status}: got {accepted}/{next.Status}/{denial}, expected {expected}");
            }

            conversation = next;
            status = expected.Next;
        }

        return true.ToProperty();
    }

    // Replaying the messages of a scenario gives the same final status as applying them one by one.
    [Property]
    public bool Replay_AgreesWithStepByStep(ModelScenario scenario)
    {
        var messages = scenario.Steps.Where(s => s.SetProfile is null)
            .Select((s, i) => new ConversationMessage(s.Author, s.Subject, s.NoReply, NodaTime.Instant.FromUnixTimeSeconds(i)))
            .ToList();
        Conversation start = Conversation.Start(scenario.Counterpart, scenario.ProfileActivated);
        Conversation current = start;
        var accepted = new List<bool>();
        foreach (ConversationMessage m in messages)
        {
            accepted.Add(current.TryApply(m.Author, m.Subject, m.NoReply, out current, out _));
        }

        ConversationReplay replay = ConversationReplay.Run(start, messages);
        return replay.Final == current && replay.Steps.Select(s => s.Decision.IsAccepted).SequenceEqual(accepted);
    }

    // TryApply never throws, whatever the author value and subject.
    [Property]
    public bool TryApply_NeverThrows(int author, string? subject, bool noReply, bool pharmacy, bool profile, byte status)
    {
        Conversation c = Conversation.Restore(pharmacy ? Counterpart.Pharmacy : Counterpart.HealthActor, (ConversationStatus)(status % 3), profile);
        bool ok = c.TryApply((Author)author, subject, noReply, out Conversation next, out ConversationDenial denial);
        return author is 0 or 1 || (!ok && denial == ConversationDenial.None && next == c);
    }
}
