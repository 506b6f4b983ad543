using System;

namespace Mss.Core.Conversations;

/// <summary>
/// One conversation between one patient and one health-actor box (or pharmacy box), as the rules of CONV-1…CONV-8 see
/// it: who the patient talks with, whether the patient's Mon espace santé profile is activated, and the status.
/// Apply each message with <see cref="TryApply(Author, string?, bool, out Conversation, out ConversationDenial)"/>
/// or <see cref="Decide(Author, string?, bool)"/>; the rows that decide are <see cref="ConversationRules.Table"/>.
/// </summary>
/// <remarks>
/// <para>
/// <c>default(Conversation)</c> is a valid value, equal to <c>Conversation.Start(Counterpart.HealthActor)</c>: a
/// conversation with a health actor that has not started, patient profile activated. It never throws.
/// </para>
/// <para>
/// The patient's profile matters only when the patient starts a conversation with a pharmacy (CONV-5); use
/// <see cref="WithPatientProfileActivated"/> when the patient activates it.
/// </para>
/// </remarks>
public readonly struct Conversation : IEquatable<Conversation>
{
    private readonly Counterpart _counterpart;
    private readonly ConversationStatus _status;

    // Stored negated so that default(Conversation) means "profile activated", as Start(counterpart) does.
    private readonly bool _profileNotActivated;

    private Conversation(Counterpart counterpart, ConversationStatus status, bool profileActivated)
    {
        _counterpart = counterpart;
        _status = status;
        _profileNotActivated = !profileActivated;
    }

    /// <summary>Who the patient talks with (CONV-8).</summary>
    public Counterpart Counterpart => _counterpart;

    /// <summary>The status (CONV-8): not started, open (the patient may reply), closed by the actor.</summary>
    public ConversationStatus Status => _status;

    /// <summary>True when the patient's Mon espace santé profile is activated (needed to start with a pharmacy, CONV-5).</summary>
    public bool PatientProfileActivated => !_profileNotActivated;

    /// <summary>Compares two conversations (counterpart, status and profile).</summary>
    /// <param name="left">The first conversation.</param>
    /// <param name="right">The second conversation.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(Conversation left, Conversation right) => left.Equals(right);

    /// <summary>Compares two conversations for inequality.</summary>
    /// <param name="left">The first conversation.</param>
    /// <param name="right">The second conversation.</param>
    /// <returns>True when they differ.</returns>
    public static bool operator !=(Conversation left, Conversation right) => !left.Equals(right);

    /// <summary>A conversation that has not started, the patient's profile activated (CONV-8).</summary>
    /// <param name="counterpart">Who the patient talks with.</param>
    /// <returns>The conversation, <see cref="ConversationStatus.NotStarted"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="counterpart"/> is not a defined value.</exception>
    public static Conversation Start(Counterpart counterpart) => Start(counterpart, patientProfileActivated: true);

    /// <summary>A conversation that has not started (CONV-8).</summary>
    /// <param name="counterpart">Who the patient talks with.</param>
    /// <param name="patientProfileActivated">True when the patient's profile is activated (CONV-5).</param>
    /// <returns>The conversation, <see cref="ConversationStatus.NotStarted"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="counterpart"/> is not a defined value.</exception>
    public static Conversation Start(Counterpart counterpart, bool patientProfileActivated) =>
        Restore(counterpart, ConversationStatus.NotStarted, patientProfileActivated);

    /// <summary>
    /// A conversation in a known status, for software that stored the status (rather than the history) and rebuilds the
    /// value. To rebuild from a history, use <see cref="ConversationReplay.Run(Conversation, System.Collections.Generic.IEnumerable{ConversationMessage})"/>.
    /// </summary>
    /// <param name="counterpart">Who the patient talks with.</param>
    /// <param name="status">The stored status.</param>
    /// <param name="patientProfileActivated">True when the patient's profile is activated (CONV-5).</param>
    /// <returns>The conversation.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="counterpart"/> or <paramref name="status"/> is not a defined value.</exception>
    public static Conversation Restore(Counterpart counterpart, ConversationStatus status, bool patientProfileActivated)
    {
        if (!IsDefined(counterpart))
        {
            throw new ArgumentOutOfRangeException(nameof(counterpart), counterpart, "Unknown counterpart (CONV-8).");
        }

        if (!IsDefined(status))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown conversation status (CONV-8).");
        }

        return new Conversation(counterpart, status, patientProfileActivated);
    }

    /// <summary>The same conversation once the patient has activated (or deactivated) their profile (CONV-5).</summary>
    /// <param name="activated">True when the profile is activated.</param>
    /// <returns>The conversation with the new profile state and the same status.</returns>
    public Conversation WithPatientProfileActivated(bool activated) => new(_counterpart, _status, activated);

    /// <summary>
    /// Applies a message whose header <c>X-MSS-MES</c> is absent (CONV-8). See
    /// <see cref="TryApply(Author, string?, bool, out Conversation, out ConversationDenial)"/>.
    /// </summary>
    /// <param name="author">Who writes the message.</param>
    /// <param name="subject">The subject as sent; null is read as empty (an ordinary message).</param>
    /// <param name="next">The conversation after the message; this one unchanged when refused.</param>
    /// <param name="denial">Why the message is refused; <see cref="ConversationDenial.None"/> when accepted.</param>
    /// <returns>True when the message is allowed.</returns>
    public bool TryApply(Author author, string? subject, out Conversation next, out ConversationDenial denial) =>
        TryApply(author, subject, noReply: false, out next, out denial);

    /// <summary>
    /// Applies a message (CONV-8): accepted with the next status, or refused with a denial. The message closes when the
    /// health actor sends subject exactly <c>[FIN]</c> or <paramref name="noReply"/> (CONV-3); a patient's <c>[FIN]</c> is an
    /// ordinary message. Never throws: an undefined <paramref name="author"/> returns false with
    /// <see cref="ConversationDenial.None"/> (no rule knows it) and <paramref name="next"/> unchanged.
    /// </summary>
    /// <param name="author">Who writes the message.</param>
    /// <param name="subject">The subject as sent; null is read as empty (an ordinary message).</param>
    /// <param name="noReply">True when the message carries <c>X-MSS-MES: FIN</c> (CONV-3).</param>
    /// <param name="next">The conversation after the message; this one unchanged when refused.</param>
    /// <param name="denial">Why the message is refused; <see cref="ConversationDenial.None"/> when accepted or when <paramref name="author"/> is undefined.</param>
    /// <returns>True when the message is allowed.</returns>
    public bool TryApply(Author author, string? subject, bool noReply, out Conversation next, out ConversationDenial denial)
    {
        if (!TryDecide(author, subject, noReply, out ConversationDecision decision))
        {
            next = this;
            denial = ConversationDenial.None;
            return false;
        }

        next = decision.Next;
        denial = decision.Denial;
        return decision.IsAccepted;
    }

    /// <summary>Decides on a message without <c>X-MSS-MES</c> (CONV-8); see <see cref="Decide(Author, string?, bool)"/>.</summary>
    /// <param name="author">Who writes the message.</param>
    /// <param name="subject">The subject as sent; null is read as empty.</param>
    /// <returns>The decision, with the row that made it.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="author"/> is not a defined value.</exception>
    public ConversationDecision Decide(Author author, string? subject) => Decide(author, subject, noReply: false);

    /// <summary>Decides on a message (CONV-8), with the row of <see cref="ConversationRules.Table"/> that made the decision.</summary>
    /// <param name="author">Who writes the message.</param>
    /// <param name="subject">The subject as sent; null is read as empty.</param>
    /// <param name="noReply">True when the message carries <c>X-MSS-MES: FIN</c> (CONV-3).</param>
    /// <returns>The decision: accepted with the next conversation, or refused with the denial.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="author"/> is not a defined value.</exception>
    public ConversationDecision Decide(Author author, string? subject, bool noReply) =>
        TryDecide(author, subject, noReply, out ConversationDecision decision)
            ? decision
            : throw new ArgumentOutOfRangeException(nameof(author), author, "Unknown message author (CONV-8).");

    /// <summary>Decides on a message of a history (CONV-8); see <see cref="Decide(Author, string?, bool)"/>.</summary>
    /// <param name="message">The message: author, subject, <c>X-MSS-MES: FIN</c> flag.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The message's author is not a defined value.</exception>
    public ConversationDecision Decide(ConversationMessage message) => Decide(message.Author, message.Subject, message.NoReply);

    /// <inheritdoc/>
    public bool Equals(Conversation other) =>
        _counterpart == other._counterpart && _status == other._status && _profileNotActivated == other._profileNotActivated;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Conversation other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_counterpart, _status, _profileNotActivated);

    /// <summary>The conversation in words, e.g. <c>"Open with Pharmacy (profile activated)"</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        _status + " with " + _counterpart + (PatientProfileActivated ? " (profile activated)" : " (profile not activated)");

    internal static bool IsDefined(Author author) => author is Author.HealthActor or Author.Patient;

    internal static bool IsDefined(Counterpart counterpart) => counterpart is Counterpart.HealthActor or Counterpart.Pharmacy;

    private static bool IsDefined(ConversationStatus status) =>
        status is ConversationStatus.NotStarted or ConversationStatus.Open or ConversationStatus.Closed;

    private bool TryDecide(Author author, string? subject, bool noReply, out ConversationDecision decision)
    {
        bool closing = ConversationRules.IsClosing(author, subject, noReply);
        if (!ConversationRules.TryFind(_counterpart, _status, author, closing, PatientProfileActivated, out ConversationRule? rule))
        {
            decision = default;
            return false;
        }

        Conversation next = rule.Result is { } result ? new Conversation(_counterpart, result, PatientProfileActivated) : this;
        decision = new ConversationDecision(rule, this, next, closing);
        return true;
    }
}
