using System;

namespace Mss.Core.Conversations;

/// <summary>
/// One conversation between one patient and one health-actor box (or pharmacy box), as the rules of CONV-1…CONV-9 see
/// it: who the patient talks with, whether the patient's Mon espace santé profile is activated, the status, and (0.2,
/// CONV-9) which of the actor's messages the patient may still reply to. Apply each message with
/// <see cref="TryApply(ConversationMessage, out Conversation, out ConversationDenial)"/> or <see cref="Decide(ConversationMessage)"/>;
/// the rows that decide are <see cref="ConversationRules.Table"/>.
/// </summary>
/// <remarks>
/// <para>
/// <c>default(Conversation)</c> is a valid value, equal to <c>Conversation.Start(Counterpart.HealthActor)</c>: a
/// conversation with a health actor that has not started, patient profile activated, no actor message known, nothing
/// the patient can reply to. It never throws.
/// </para>
/// <para>
/// The patient's profile matters only when the patient starts a conversation with a pharmacy (CONV-5); use
/// <see cref="WithPatientProfileActivated"/> when the patient activates it.
/// </para>
/// <para>
/// Per-message state (CONV-9): the actor messages that carry a Message-Id are kept in an immutable persistent map shared
/// between successive values, so a conversation stays a small readonly struct, each value is unaffected by later messages,
/// and applying a message costs O(log n) in the number of actor messages (nothing at all is allocated for a message
/// without a Message-Id). Equality compares the counterpart, the status, the profile and what the patient may reply to
/// (the same known ids, each repliable or not alike).
/// </para>
/// </remarks>
public readonly struct Conversation : IEquatable<Conversation>
{
    private readonly Counterpart _counterpart;
    private readonly ConversationStatus _status;

    // Stored negated so that default(Conversation) means "profile activated", as Start(counterpart) does.
    private readonly bool _profileNotActivated;

    private readonly ReplyRights _replies;

    private Conversation(Counterpart counterpart, ConversationStatus status, bool profileActivated, ReplyRights replies)
    {
        _counterpart = counterpart;
        _status = status;
        _profileNotActivated = !profileActivated;
        _replies = replies;
    }

    /// <summary>Who the patient talks with (CONV-8).</summary>
    public Counterpart Counterpart => _counterpart;

    /// <summary>The status (CONV-8): not started, open, closed by the actor's <c>[FIN]</c>.</summary>
    public ConversationStatus Status => _status;

    /// <summary>True when the patient's Mon espace santé profile is activated (needed to start with a pharmacy, CONV-5).</summary>
    public bool PatientProfileActivated => !_profileNotActivated;

    /// <summary>
    /// True when the patient can reply now without naming a message (CONV-9): at least one actor message since the last
    /// <c>[FIN]</c> can be replied to (it did not carry <c>X-MSS-MES: FIN</c>). Also true, decided here, in a pharmacy
    /// conversation the patient started and in a conversation restored as <see cref="ConversationStatus.Open"/>.
    /// False for a conversation not started or closed.
    /// </summary>
    public bool CanPatientReply => _replies.CanReply;

    /// <summary>Compares two conversations (counterpart, status, profile, and what the patient may reply to).</summary>
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
    /// value. It knows no actor message: an open one can be replied to (<see cref="CanPatientReply"/> true) and
    /// <see cref="CanPatientReplyTo(string)"/> is false for every id. To rebuild from a history, which keeps what CONV-9 needs,
    /// use <see cref="ConversationReplay.Run(Conversation, System.Collections.Generic.IEnumerable{ConversationMessage})"/>.
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

        return new Conversation(counterpart, status, patientProfileActivated, ReplyRights.Restored(status));
    }

    /// <summary>The same conversation once the patient has activated (or deactivated) their profile (CONV-5).</summary>
    /// <param name="activated">True when the profile is activated.</param>
    /// <returns>The conversation with the new profile state, the same status and the same replies.</returns>
    public Conversation WithPatientProfileActivated(bool activated) => new(_counterpart, _status, activated, _replies);

    /// <summary>
    /// True when the patient may reply to the actor message <paramref name="messageId"/> (CONV-9): this conversation saw it
    /// (with that Message-Id), it did not carry <c>X-MSS-MES: FIN</c>, and no <c>[FIN]</c> came after it (a <c>[FIN]</c>
    /// itself cannot be replied to). False for an id the conversation does not know. Angle brackets around the id are
    /// ignored. Never throws.
    /// </summary>
    /// <param name="messageId">The actor message's Message-Id, without angle brackets.</param>
    /// <returns>True when a reply to that message would be accepted.</returns>
    public bool CanPatientReplyTo(string messageId) => messageId is not null && _replies.CanReplyTo(messageId);

    /// <summary>
    /// Applies a message (CONV-8, CONV-9): accepted with the next conversation, or refused with a denial. The health
    /// actor's <c>[FIN]</c> subject (white space around it ignored) closes and takes away the reply to every earlier
    /// message; <c>X-MSS-MES: FIN</c> (<see cref="ConversationMessage.NoReply"/>) takes away the reply to that one message
    /// and leaves the conversation open; a patient's message replies to its <see cref="ConversationMessage.InReplyTo"/>
    /// message (else to the latest repliable one) and is refused <see cref="ConversationDenial.MessageNotRepliable"/> when
    /// that message cannot be replied to. The table's own denials come first. Never throws: an undefined author returns
    /// false with <see cref="ConversationDenial.None"/> (no rule knows it) and <paramref name="next"/> unchanged.
    /// </summary>
    /// <param name="message">The message: author, subject, <c>X-MSS-MES: FIN</c> flag, Message-Id, In-Reply-To (timestamp unused).</param>
    /// <param name="next">The conversation after the message; this one unchanged when refused.</param>
    /// <param name="denial">Why the message is refused; <see cref="ConversationDenial.None"/> when accepted or when the author is undefined.</param>
    /// <returns>True when the message is allowed.</returns>
    public bool TryApply(ConversationMessage message, out Conversation next, out ConversationDenial denial)
    {
        if (!TryDecide(message, out ConversationDecision decision))
        {
            next = this;
            denial = ConversationDenial.None;
            return false;
        }

        next = decision.Next;
        denial = decision.Denial;
        return decision.IsAccepted;
    }

    /// <summary>
    /// Applies a message without <c>X-MSS-MES</c>, Message-Id or In-Reply-To (CONV-8, CONV-9). See
    /// <see cref="TryApply(ConversationMessage, out Conversation, out ConversationDenial)"/>.
    /// </summary>
    /// <param name="author">Who writes the message.</param>
    /// <param name="subject">The subject as sent; null is read as empty (an ordinary message).</param>
    /// <param name="next">The conversation after the message; this one unchanged when refused.</param>
    /// <param name="denial">Why the message is refused; <see cref="ConversationDenial.None"/> when accepted.</param>
    /// <returns>True when the message is allowed.</returns>
    public bool TryApply(Author author, string? subject, out Conversation next, out ConversationDenial denial) =>
        TryApply(new ConversationMessage(author, subject, false, default), out next, out denial);

    /// <summary>
    /// Applies a message without Message-Id or In-Reply-To (CONV-8, CONV-9). Changed in 0.2: <paramref name="noReply"/>
    /// (<c>X-MSS-MES: FIN</c>) no longer closes; the actor's message cannot be replied to and the conversation stays open,
    /// so a patient's reply is refused <see cref="ConversationDenial.MessageNotRepliable"/> unless an earlier message since
    /// the last <c>[FIN]</c> can be replied to. See <see cref="TryApply(ConversationMessage, out Conversation, out ConversationDenial)"/>.
    /// </summary>
    /// <param name="author">Who writes the message.</param>
    /// <param name="subject">The subject as sent; null is read as empty (an ordinary message).</param>
    /// <param name="noReply">True when the message carries <c>X-MSS-MES: FIN</c> (CONV-9).</param>
    /// <param name="next">The conversation after the message; this one unchanged when refused.</param>
    /// <param name="denial">Why the message is refused; <see cref="ConversationDenial.None"/> when accepted or when <paramref name="author"/> is undefined.</param>
    /// <returns>True when the message is allowed.</returns>
    public bool TryApply(Author author, string? subject, bool noReply, out Conversation next, out ConversationDenial denial) =>
        TryApply(new ConversationMessage(author, subject, noReply, default), out next, out denial);

    /// <summary>Decides on a message without <c>X-MSS-MES</c> (CONV-8); see <see cref="Decide(ConversationMessage)"/>.</summary>
    /// <param name="author">Who writes the message.</param>
    /// <param name="subject">The subject as sent; null is read as empty.</param>
    /// <returns>The decision, with the row that made it.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="author"/> is not a defined value.</exception>
    public ConversationDecision Decide(Author author, string? subject) => Decide(author, subject, noReply: false);

    /// <summary>Decides on a message without Message-Id or In-Reply-To (CONV-8, CONV-9); see <see cref="Decide(ConversationMessage)"/>.</summary>
    /// <param name="author">Who writes the message.</param>
    /// <param name="subject">The subject as sent; null is read as empty.</param>
    /// <param name="noReply">True when the message carries <c>X-MSS-MES: FIN</c> (CONV-9: not closing since 0.2).</param>
    /// <returns>The decision: accepted with the next conversation, or refused with the denial.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="author"/> is not a defined value.</exception>
    public ConversationDecision Decide(Author author, string? subject, bool noReply) =>
        IsDefined(author)
            ? Decide(new ConversationMessage(author, subject, noReply, default))
            : throw new ArgumentOutOfRangeException(nameof(author), author, "Unknown message author (CONV-8).");

    /// <summary>
    /// Decides on a message (CONV-8, CONV-9), with the row of <see cref="ConversationRules.Table"/> that applied; see
    /// <see cref="TryApply(ConversationMessage, out Conversation, out ConversationDenial)"/> for the rules.
    /// </summary>
    /// <param name="message">The message.</param>
    /// <returns>The decision: accepted with the next conversation, or refused with the denial.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The message's author is not a defined value.</exception>
    public ConversationDecision Decide(ConversationMessage message) =>
        TryDecide(message, out ConversationDecision decision)
            ? decision
            : throw new ArgumentOutOfRangeException(nameof(message), message.Author, "Unknown message author (CONV-8).");

    /// <inheritdoc/>
    public bool Equals(Conversation other) =>
        _counterpart == other._counterpart && _status == other._status && _profileNotActivated == other._profileNotActivated
        && _replies.Equals(other._replies);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Conversation other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_counterpart, _status, _profileNotActivated, _replies.CanReply, _replies.Count);

    /// <summary>The conversation in words, e.g. <c>"Open with Pharmacy (profile activated)"</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        _status + " with " + _counterpart + (PatientProfileActivated ? " (profile activated)" : " (profile not activated)");

    internal static bool IsDefined(Author author) => author is Author.HealthActor or Author.Patient;

    internal static bool IsDefined(Counterpart counterpart) => counterpart is Counterpart.HealthActor or Counterpart.Pharmacy;

    private static bool IsDefined(ConversationStatus status) =>
        status is ConversationStatus.NotStarted or ConversationStatus.Open or ConversationStatus.Closed;

    // CONV-8 first (the table), then CONV-9 (ReplyRights) on the rows that are replies.
    private bool TryDecide(ConversationMessage message, out ConversationDecision decision)
    {
        bool closing = ConversationRules.IsClosing(message.Author, message.Subject);
        if (!ConversationRules.TryFind(_counterpart, _status, message.Author, closing, PatientProfileActivated, out ConversationRule? rule))
        {
            decision = default;
            return false;
        }

        ConversationDenial replyDenial = rule.Accepts ? _replies.Check(rule, message.InReplyTo) : ConversationDenial.None;
        Conversation next = rule.Result is { } result && replyDenial == ConversationDenial.None
            ? new Conversation(_counterpart, result, PatientProfileActivated, _replies.After(_status, message.Author, closing, message.NoReply, message.MessageId))
            : this;
        decision = new ConversationDecision(rule, this, next, closing, replyDenial);
        return true;
    }
}
