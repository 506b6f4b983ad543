using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Mss.Core.Conversations;

namespace Mss.Core.Tests.Conversations;

[Properties(Arbitrary = [typeof(ConversationGenerators)], MaxTest = 1000)]
public class ConversationModelTest
{
    /// <summary>
    /// CONV-8 and CONV-9 written again, independently, straight from the text of DOMAIN.md, with plain ifs and a plain list
    /// of the actor's messages. Closing = subject "[FIN]" once trimmed (CONV-3 amendment), from the health actor only;
    /// X-MSS-MES: FIN takes away the reply to that message; [FIN] to every earlier one (and itself); a patient's reply goes
    /// to its In-Reply-To message when known, else to any repliable message, and is refused when that is not repliable.
    /// Decided in the library and modelled here: a patient who starts a pharmacy conversation may write again.
    /// </summary>
    private sealed class Model(Counterpart counterpart, bool profile)
    {
        private readonly List<(string? Id, bool Repliable)> _actorMessages = [];
        private bool _patientStarted;

        public ConversationStatus Status { get; private set; } = ConversationStatus.NotStarted;

        public bool Profile { get; set; } = profile;

        public bool CanReply => _patientStarted || _actorMessages.Any(m => m.Repliable);

        public bool CanReplyTo(string id)
        {
            int i = _actorMessages.FindLastIndex(m => m.Id == id);
            return i >= 0 && _actorMessages[i].Repliable;
        }

        public (bool Accepted, ConversationDenial Denial) Apply(ModelStep step)
        {
            string? id = step.MessageId?.Trim('<', '>');
            if (step.Author == Author.HealthActor)
            {
                if (step.Subject?.Trim() == "[FIN]")
                {
                    for (int i = 0; i < _actorMessages.Count; i++)
                    {
                        _actorMessages[i] = (_actorMessages[i].Id, false);
                    }

                    _actorMessages.Add((id, false));
                    _patientStarted = false;
                    Status = ConversationStatus.Closed; // row 2
                }
                else
                {
                    _actorMessages.Add((id, !step.NoReply));
                    Status = ConversationStatus.Open; // row 1
                }

                return (true, ConversationDenial.None);
            }

            if (counterpart == Counterpart.HealthActor)
            {
                if (Status == ConversationStatus.NotStarted)
                {
                    return (false, ConversationDenial.PatientCannotStart); // row 3
                }

                if (Status == ConversationStatus.Closed)
                {
                    return (false, ConversationDenial.ConversationClosed); // row 5
                }

                return Reply(step.InReplyTo); // row 4
            }

            if (Status == ConversationStatus.Open)
            {
                return Reply(step.InReplyTo); // row 8
            }

            if (!Profile)
            {
                return (false, ConversationDenial.PatientProfileNotActivated); // row 7
            }

            Status = ConversationStatus.Open; // row 6
            _patientStarted = true;
            return (true, ConversationDenial.None);
        }

        private (bool, ConversationDenial) Reply(string? inReplyTo)
        {
            string? target = inReplyTo?.Trim('<', '>');
            int i = target is null ? -1 : _actorMessages.FindLastIndex(m => m.Id == target);
            bool repliable = i >= 0 ? _actorMessages[i].Repliable : CanReply;
            return repliable ? (true, ConversationDenial.None) : (false, ConversationDenial.MessageNotRepliable);
        }
    }

    private static ConversationMessage ToMessage(ModelStep step, int second) =>
        new(step.Author, step.Subject, step.NoReply, NodaTime.Instant.FromUnixTimeSeconds(second)) { MessageId = step.MessageId, InReplyTo = step.InReplyTo };

    [Property]
    public Property Conversation_AgreesWithReferenceModel_OnEveryStep(ModelScenario scenario)
    {
        Conversation conversation = Conversation.Start(scenario.Counterpart, scenario.ProfileActivated);
        var model = new Model(scenario.Counterpart, scenario.ProfileActivated);
        for (int i = 0; i < scenario.Steps.Length; i++)
        {
            ModelStep step = scenario.Steps[i];
            if (step.SetProfile is { } p)
            {
                model.Profile = p;
                conversation = conversation.WithPatientProfileActivated(p);
                continue;
            }

            ConversationStatus before = model.Status;
            var expected = model.Apply(step);
            ConversationMessage message = ToMessage(step, i);
            bool accepted = conversation.TryApply(message, out Conversation next, out ConversationDenial denial);
            ConversationDecision decision = conversation.Decide(message);
            bool agree = accepted == expected.Accepted && denial == expected.Denial && next.Status == model.Status
                && next.Counterpart == scenario.Counterpart && next.PatientProfileActivated == model.Profile
                && next.CanPatientReply == model.CanReply
                && ConversationGenerators.MessageIds.OfType<string>().All(id => next.CanPatientReplyTo(id) == model.CanReplyTo(id))
                && decision.IsAccepted == accepted && decision.Denial == denial && decision.Next == next
                && (accepted || next == conversation);
            if (!agree)
            {
                return false.Label($"step {i} ({step}) from {before}: got {accepted}/{next.Status}/{denial}/reply {next.CanPatientReply}, expected {expected}/{model.Status}/reply {model.CanReply}");
            }

            conversation = next;
        }

        return true.ToProperty();
    }

    // The 0.1 overload (no ids) agrees with the message overload without ids.
    [Property]
    public bool OldOverload_AgreesWithMessageOverload(ModelScenario scenario)
    {
        Conversation a = Conversation.Start(scenario.Counterpart, scenario.ProfileActivated);
        Conversation b = a;
        foreach (ModelStep s in scenario.Steps.Where(s => s.SetProfile is null))
        {
            bool x = a.TryApply(s.Author, s.Subject, s.NoReply, out a, out ConversationDenial da);
            bool y = b.TryApply(new ConversationMessage(s.Author, s.Subject, s.NoReply, default), out b, out ConversationDenial db);
            if (x != y || da != db || a != b)
            {
                return false;
            }
        }

        return true;
    }

    // Replaying the messages of a scenario gives the same final conversation as applying them one by one.
    [Property]
    public bool Replay_AgreesWithStepByStep(ModelScenario scenario)
    {
        var messages = scenario.Steps.Where(s => s.SetProfile is null).Select(ToMessage).ToList();
        Conversation start = Conversation.Start(scenario.Counterpart, scenario.ProfileActivated);
        Conversation current = start;
        var accepted = new List<bool>();
        foreach (ConversationMessage m in messages)
        {
            accepted.Add(current.TryApply(m, out current, out _));
        }

        ConversationReplay replay = ConversationReplay.Run(start, messages);
        return replay.Final == current && replay.CanPatientReply == current.CanPatientReply
            && replay.Steps.Select(s => s.Decision.IsAccepted).SequenceEqual(accepted);
    }

    // TryApply never throws, whatever the author value, subject and ids.
    [Property]
    public bool TryApply_NeverThrows(int author, string? subject, bool noReply, bool pharmacy, bool profile, byte status, string? id, string? inReplyTo)
    {
        Conversation c = Conversation.Restore(pharmacy ? Counterpart.Pharmacy : Counterpart.HealthActor, (ConversationStatus)(status % 3), profile);
        bool ok = c.TryApply(new ConversationMessage((Author)author, subject, noReply, default) { MessageId = id, InReplyTo = inReplyTo }, out Conversation next, out ConversationDenial denial);
        _ = next.CanPatientReplyTo(id ?? string.Empty);
        return author is 0 or 1 || (!ok && denial == ConversationDenial.None && next == c);
    }
}
