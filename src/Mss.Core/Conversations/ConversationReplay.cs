using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace Mss.Core.Conversations;

/// <summary>
/// Replays the message history of one patient / box pair through the CONV-8 table and CONV-9, to rebuild the state
/// (after a migration, say) and to see the decision on every message. The replayed conversation keeps the actor messages'
/// Message-Ids, so <see cref="CanPatientReplyTo(string)"/> answers for each of them (CONV-9).
/// </summary>
/// <remarks>
/// <para>
/// Order (decided here): messages are replayed in timestamp order, and messages with equal timestamps keep the order
/// given (a stable sort), so a history read out of order from a mailbox gives the same result as the sorted one.
/// <see cref="ReplayStep.Index"/> keeps each message's position in the input.
/// </para>
/// <para>
/// A refused message (which the platform should not have let through: a patient writing after <c>[FIN]</c>, say)
/// is reported with its denial and leaves the conversation unchanged; the replay goes on. A patient's reply to a message
/// sent with <c>X-MSS-MES: FIN</c>, or to one older than the last <c>[FIN]</c>, is refused
/// <see cref="ConversationDenial.MessageNotRepliable"/> (CONV-9).
/// </para>
/// <para>Cost: O(n log n) in the number of messages (the sort, and one O(log n) step per message).</para>
/// </remarks>
public sealed class ConversationReplay
{
    private ConversationReplay(Conversation start, Conversation final, IReadOnlyList<ReplayStep> steps, bool actorHasWritten)
    {
        Start = start;
        Final = final;
        Steps = steps;
        HealthActorHasWritten = actorHasWritten;
    }

    /// <summary>The conversation the replay started from.</summary>
    public Conversation Start { get; }

    /// <summary>The conversation after the last message.</summary>
    public Conversation Final { get; }

    /// <summary>The current status: that of <see cref="Final"/>.</summary>
    public ConversationStatus Status => Final.Status;

    /// <summary>Every message with its decision, in replay order (by timestamp, stable).</summary>
    public IReadOnlyList<ReplayStep> Steps { get; }

    /// <summary>True when the health actor wrote at least one accepted message in the history.</summary>
    public bool HealthActorHasWritten { get; }

    /// <summary>
    /// True when the actor is one of the patient's possible correspondents (CONV-6, seed 001: "ayant déjà écrit à
    /// l'utilisateur et n'ayant pas mis fin aux échanges"): the actor wrote, and the conversation is open.
    /// </summary>
    public bool IsCorrespondent => HealthActorHasWritten && Status == ConversationStatus.Open;

    /// <summary>True when the patient can reply now without naming a message (CONV-9): see <see cref="Conversation.CanPatientReply"/>.</summary>
    public bool CanPatientReply => Final.CanPatientReply;

    /// <summary>True when the patient may reply to the actor message <paramref name="messageId"/> (CONV-9): see <see cref="Conversation.CanPatientReplyTo(string)"/>.</summary>
    /// <param name="messageId">The actor message's Message-Id, without angle brackets.</param>
    /// <returns>True when a reply to that message would be accepted.</returns>
    public bool CanPatientReplyTo(string messageId) => Final.CanPatientReplyTo(messageId);

    /// <summary>How many messages were refused.</summary>
    public int DeniedCount => Steps.Count(s => !s.Decision.IsAccepted);

    /// <summary>Replays a history (CONV-8, CONV-9), usually from a conversation that has not started.</summary>
    /// <param name="start">The conversation before the first message, usually <see cref="Conversation.Start(Counterpart, bool)"/>.</param>
    /// <param name="messages">The messages of one patient / box pair, in any order.</param>
    /// <returns>The replay: final state and one step per message.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="messages"/> is null.</exception>
    /// <exception cref="ArgumentException">A message's author is not a defined <see cref="Author"/> (the message's position is given).</exception>
    public static ConversationReplay Run(Conversation start, IEnumerable<ConversationMessage> messages)
    {
        if (messages is null)
        {
            throw new ArgumentNullException(nameof(messages));
        }

        // OrderBy is a stable sort: equal timestamps keep the input order.
        var ordered = messages.Select((message, index) => (message, index)).OrderBy(m => m.message.Timestamp).ToList();
        var steps = new ReplayStep[ordered.Count];
        Conversation current = start;
        bool actorHasWritten = false;
        for (int i = 0; i < ordered.Count; i++)
        {
            (ConversationMessage message, int index) = ordered[i];
            if (!Conversation.IsDefined(message.Author))
            {
                throw new ArgumentException(
                    "The message at position " + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + " has an unknown author (CONV-8).",
                    nameof(messages));
            }

            ConversationDecision decision = current.Decide(message);
            steps[i] = new ReplayStep(index, message, decision);
            if (decision.IsAccepted)
            {
                actorHasWritten |= message.Author == Author.HealthActor;
                current = decision.Next;
            }
        }

        return new ConversationReplay(start, current, new ReadOnlyCollection<ReplayStep>(steps), actorHasWritten);
    }
}
