using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Mss.Core.Conversations;

/// <summary>
/// The CONV-8 transition table, in one place: the immutable rows that <see cref="Conversation"/> runs and that
/// <see cref="ToMermaid"/> draws, so the picture in <c>docs/conversation-lifecycle.md</c> cannot drift from the rules.
/// </summary>
/// <remarks>
/// <para>
/// The rows are disjoint and cover every (counterpart, status, author, closing, profile) combination: exactly one row
/// applies to any message. "Closing" means subject <c>[FIN]</c> (CONV-3 and its amendment: white space around it ignored),
/// from the health actor only; a patient's <c>[FIN]</c> subject is an ordinary message (CONV-3).
/// </para>
/// <para>
/// 0.2: <c>X-MSS-MES: FIN</c> no longer closes (CONV-9): it takes away the patient's reply to that one message. The rows
/// that are replies (<see cref="ConversationRule.RequiresRepliableMessage"/>, rows 4 and 8) accept a patient's message only
/// when the message it replies to can be replied to; that per-message rule lives in one internal place and is drawn by
/// <see cref="ToMermaid"/> as one more refusing edge per reply row.
/// </para>
/// </remarks>
public static class ConversationRules
{
    private static readonly ConversationStatuses AnyStatus = ConversationStatuses.Any;
    private static readonly ConversationStatuses NotStartedOrClosed = ConversationStatuses.NotStarted | ConversationStatuses.Closed;

    // The rows as an array, so that finding a row (once per message) enumerates without allocating.
    private static readonly ConversationRule[] Rows =
    {
        ConversationRule.Accept(1, null, AnyStatus, Author.HealthActor, MessageCondition.Ordinary, ProfileCondition.Any, ConversationStatus.Open, "CONV-1, CONV-4", "start, continue or restart"),
        ConversationRule.Accept(2, null, AnyStatus, Author.HealthActor, MessageCondition.Closing, ProfileCondition.Any, ConversationStatus.Closed, "CONV-3", "closing"),
        ConversationRule.Deny(3, Counterpart.HealthActor, ConversationStatuses.NotStarted, Author.Patient, MessageCondition.Any, ProfileCondition.Any, ConversationDenial.PatientCannotStart, "CONV-1", "only a health actor starts"),
        ConversationRule.Accept(4, Counterpart.HealthActor, ConversationStatuses.Open, Author.Patient, MessageCondition.Any, ProfileCondition.Any, ConversationStatus.Open, "CONV-2, CONV-9", "reply", requiresRepliableMessage: true),
        ConversationRule.Deny(5, Counterpart.HealthActor, ConversationStatuses.Closed, Author.Patient, MessageCondition.Any, ProfileCondition.Any, ConversationDenial.ConversationClosed, "CONV-4", "closed by the actor"),
        ConversationRule.Accept(6, Counterpart.Pharmacy, NotStartedOrClosed, Author.Patient, MessageCondition.Any, ProfileCondition.Activated, ConversationStatus.Open, "CONV-5", "a new conversation"),
        ConversationRule.Deny(7, Counterpart.Pharmacy, NotStartedOrClosed, Author.Patient, MessageCondition.Any, ProfileCondition.NotActivated, ConversationDenial.PatientProfileNotActivated, "CONV-5", "profile not activated"),
        ConversationRule.Accept(8, Counterpart.Pharmacy, ConversationStatuses.Open, Author.Patient, MessageCondition.Any, ProfileCondition.Any, ConversationStatus.Open, "CONV-5, CONV-2, CONV-9", "reply", requiresRepliableMessage: true),
    };

    /// <summary>The rows of the CONV-8 table, in the order of DOMAIN.md (row <see cref="ConversationRule.Number"/> 1 first).</summary>
    public static IReadOnlyList<ConversationRule> Table { get; } = new ReadOnlyCollection<ConversationRule>(Rows);

    /// <summary>
    /// Says whether a message closes the conversation (CONV-3): written by the health actor, with the subject
    /// <see cref="ClosingSubject.Value"/> (white space around it ignored, <see cref="ClosingSubject.IsClosing(string?)"/>).
    /// A patient's message never closes. Never throws; an undefined <paramref name="author"/> is not closing.
    /// </summary>
    /// <param name="author">Who writes the message.</param>
    /// <param name="subject">The subject as sent; null is read as empty.</param>
    /// <returns>True for a closing message.</returns>
    public static bool IsClosing(Author author, string? subject) =>
        author == Author.HealthActor && ClosingSubject.IsClosing(subject);

    /// <summary>
    /// Says whether a message closes the conversation (CONV-3). Since 0.2 <paramref name="noReply"/> (<c>X-MSS-MES: FIN</c>)
    /// does not close: it takes away the reply to that one message (CONV-9). Same as <see cref="IsClosing(Author, string?)"/>.
    /// </summary>
    /// <param name="author">Who writes the message.</param>
    /// <param name="subject">The subject as sent; null is read as empty.</param>
    /// <param name="noReply">Ignored since 0.2 (CONV-9).</param>
    /// <returns>True for a closing message.</returns>
    [Obsolete("X-MSS-MES: FIN no longer closes a conversation (CONV-9, 0.2): use IsClosing(Author, string?).")]
    public static bool IsClosing(Author author, string? subject, bool noReply) => IsClosing(author, subject);

    /// <summary>
    /// Finds the one row of <see cref="Table"/> that applies (CONV-8). Never throws; returns false only when an argument is
    /// not a defined enum value.
    /// </summary>
    /// <param name="counterpart">Who the patient talks with.</param>
    /// <param name="status">The status before the message.</param>
    /// <param name="author">Who writes the message.</param>
    /// <param name="closing">True when the message is closing (see <see cref="IsClosing(Author, string?)"/>).</param>
    /// <param name="patientProfileActivated">True when the patient's profile is activated.</param>
    /// <param name="rule">The row, or null when an argument is undefined.</param>
    /// <returns>True when a row applies.</returns>
    public static bool TryFind(Counterpart counterpart, ConversationStatus status, Author author, bool closing, bool patientProfileActivated, [NotNullWhen(true)] out ConversationRule? rule)
    {
        rule = null;
        if (!Conversation.IsDefined(counterpart) || !Conversation.IsDefined(author))
        {
            return false; // rows with "any" counterpart must not accept an undefined one
        }

        foreach (ConversationRule row in Rows)
        {
            if (row.Matches(counterpart, status, author, closing, patientProfileActivated))
            {
                rule = row;
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The Mermaid state diagram (<c>stateDiagram-v2</c>) of the CONV-8 lifecycle, generated from <see cref="Table"/>: one edge
    /// per row and status; a refused message is a loop on its state labelled with the denial; a reply row (CONV-9) has one
    /// more loop, refused <see cref="ConversationDenial.MessageNotRepliable"/>. Lines end with <c>\n</c>.
    /// The same text is committed in <c>docs/conversation-lifecycle.md</c>, and a test checks they agree.
    /// </summary>
    /// <returns>The diagram text, without the surrounding Markdown fence.</returns>
    public static string ToMermaid()
    {
        var sb = new StringBuilder();
        sb.Append("stateDiagram-v2\n");
        sb.Append("    [*] --> NotStarted\n");
        foreach (ConversationRule row in Table)
        {
            foreach (ConversationStatus from in new[] { ConversationStatus.NotStarted, ConversationStatus.Open, ConversationStatus.Closed })
            {
                if ((row.Statuses & ToSet(from)) == 0)
                {
                    continue;
                }

                ConversationStatus to = row.Result ?? from;
                sb.Append("    ").Append(from).Append(" --> ").Append(to).Append(" : ").Append(Label(row)).Append('\n');
                if (row.RequiresRepliableMessage)
                {
                    sb.Append("    ").Append(from).Append(" --> ").Append(from).Append(" : ").Append(Label(row))
                        .Append(", to a message not repliable, denied ").Append(nameof(ConversationDenial.MessageNotRepliable)).Append('\n');
                }
            }
        }

        return sb.ToString();
    }

    internal static ConversationStatuses ToSet(ConversationStatus status) => status switch
    {
        ConversationStatus.NotStarted => ConversationStatuses.NotStarted,
        ConversationStatus.Open => ConversationStatuses.Open,
        ConversationStatus.Closed => ConversationStatuses.Closed,
        _ => ConversationStatuses.None,
    };

    // Plain words only: Mermaid treats ':' ';' '#' and brackets specially in labels.
    private static string Label(ConversationRule row)
    {
        var parts = new List<string> { "row " + row.Number.ToString(CultureInfo.InvariantCulture) };
        parts.Add(row.Author == Author.HealthActor ? "health actor writes" : "patient writes");
        if (row.Counterpart is { } counterpart)
        {
            parts.Add(counterpart == Counterpart.Pharmacy ? "to a pharmacy" : "to a health actor");
        }

        if (row.Message != MessageCondition.Any)
        {
            parts.Add(row.Message == MessageCondition.Closing ? "closing FIN" : "ordinary");
        }

        if (row.Profile != ProfileCondition.Any)
        {
            parts.Add(row.Profile == ProfileCondition.Activated ? "profile activated" : "profile not activated");
        }

        if (!row.Accepts)
        {
            parts.Add("denied " + row.Denial.ToString());
        }

        return string.Join(", ", parts);
    }
}
