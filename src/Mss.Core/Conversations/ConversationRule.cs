using System;

namespace Mss.Core.Conversations;

/// <summary>
/// One row of the CONV-8 transition table: when the counterpart, the status, the author, the message and the patient's
/// profile match, the message is accepted with <see cref="Result"/> as the new status, or refused with <see cref="Denial"/>.
/// The rows live in <see cref="ConversationRules.Table"/>; <see cref="Conversation"/> runs them and
/// <see cref="ConversationRules.ToMermaid"/> draws them.
/// </summary>
public sealed class ConversationRule
{
    internal ConversationRule(
        int number,
        Counterpart? counterpart,
        ConversationStatuses statuses,
        Author author,
        MessageCondition message,
        ProfileCondition profile,
        ConversationStatus? result,
        ConversationDenial denial,
        string ruleIds,
        string note,
        bool requiresRepliableMessage)
    {
        Number = number;
        Counterpart = counterpart;
        Statuses = statuses;
        Author = author;
        Message = message;
        Profile = profile;
        Result = result;
        Denial = denial;
        RuleIds = ruleIds;
        Note = note;
        RequiresRepliableMessage = requiresRepliableMessage;
    }

    /// <summary>The row's number in the CONV-8 table of DOMAIN.md, 1 for the first row.</summary>
    public int Number { get; }

    /// <summary>The counterpart the row applies to; null for "any".</summary>
    public Counterpart? Counterpart { get; }

    /// <summary>The statuses the row applies to.</summary>
    public ConversationStatuses Statuses { get; }

    /// <summary>Who writes the message.</summary>
    public Author Author { get; }

    /// <summary>What the row requires of the message (ordinary, closing, any).</summary>
    public MessageCondition Message { get; }

    /// <summary>What the row requires of the patient's profile.</summary>
    public ProfileCondition Profile { get; }

    /// <summary>The status after the message when accepted; null when the row refuses the message.</summary>
    public ConversationStatus? Result { get; }

    /// <summary>Why the row refuses the message; <see cref="ConversationDenial.None"/> when it accepts it.</summary>
    public ConversationDenial Denial { get; }

    /// <summary>True when the row accepts the message.</summary>
    public bool Accepts => Result.HasValue;

    /// <summary>
    /// True when the row is a patient's reply, so that CONV-9 also decides on the message replied to: the row's acceptance
    /// holds only when that message can be replied to (no <c>X-MSS-MES: FIN</c> on it, no <c>[FIN]</c> since), otherwise the
    /// message is refused with <see cref="ConversationDenial.MessageNotRepliable"/>. Rows 4 and 8 (0.2).
    /// </summary>
    public bool RequiresRepliableMessage { get; }

    /// <summary>The domain rules the row comes from, e.g. <c>"CONV-1"</c>.</summary>
    public string RuleIds { get; }

    /// <summary>A short English note on the row, e.g. <c>"start, continue or restart"</c>; may be empty.</summary>
    public string Note { get; }

    /// <summary>Says whether the row applies to a message (CONV-8).</summary>
    /// <param name="counterpart">Who the patient talks with.</param>
    /// <param name="status">The status before the message.</param>
    /// <param name="author">Who writes the message.</param>
    /// <param name="closing">True when the message is closing (CONV-3: health actor only, see <see cref="ConversationRules.IsClosing(Author, string?)"/>).</param>
    /// <param name="patientProfileActivated">True when the patient's profile is activated.</param>
    /// <returns>True when every column of the row matches.</returns>
    public bool Matches(Counterpart counterpart, ConversationStatus status, Author author, bool closing, bool patientProfileActivated) =>
        (Counterpart is null || Counterpart.Value == counterpart)
        && (Statuses & ConversationRules.ToSet(status)) != 0
        && Author == author
        && Message switch
        {
            MessageCondition.Ordinary => !closing,
            MessageCondition.Closing => closing,
            _ => true,
        }
        && Profile switch
        {
            ProfileCondition.Activated => patientProfileActivated,
            ProfileCondition.NotActivated => !patientProfileActivated,
            _ => true,
        };

    /// <summary>The row in words, e.g. <c>"CONV-8 row 3: health actor / NotStarted / patient / any -> denied PatientCannotStart"</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        "CONV-8 row " + Number.ToString(System.Globalization.CultureInfo.InvariantCulture) + ": "
        + (Counterpart?.ToString() ?? "any") + " / " + Statuses + " / " + Author + " / "
        + Message + (Profile == ProfileCondition.Any ? string.Empty : " (profile " + Profile + ")")
        + " -> " + (Result.HasValue ? Result.Value.ToString() : "denied " + Denial)
        + (RequiresRepliableMessage ? " (CONV-9: to a repliable message)" : string.Empty);

    internal static ConversationRule Accept(int number, Counterpart? counterpart, ConversationStatuses statuses, Author author, MessageCondition message, ProfileCondition profile, ConversationStatus result, string ruleIds, string note, bool requiresRepliableMessage = false) =>
        new(number, counterpart, statuses, author, message, profile, result, ConversationDenial.None, ruleIds, note, requiresRepliableMessage);

    internal static ConversationRule Deny(int number, Counterpart? counterpart, ConversationStatuses statuses, Author author, MessageCondition message, ProfileCondition profile, ConversationDenial denial, string ruleIds, string note)
    {
        if (denial == ConversationDenial.None)
        {
            throw new ArgumentException("A refusing row needs a denial.", nameof(denial));
        }

        return new(number, counterpart, statuses, author, message, profile, null, denial, ruleIds, note, requiresRepliableMessage: false);
    }
}
