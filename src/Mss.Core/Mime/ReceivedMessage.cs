using Mss.Core.Conversations;

namespace Mss.Core.Mime;

/// <summary>
/// A received message read as an event of the conversation between one patient and one health-actor box (CONV-8):
/// the <see cref="ConversationMessage"/> the replay consumes, and the two parties that key the conversation.
/// Made by <see cref="MssMessageReader"/>.
/// </summary>
/// <remarks>
/// <c>default(ReceivedMessage)</c> is "nothing read": a default <see cref="Message"/>, <see cref="Patient"/> and
/// <see cref="Actor"/>, null <see cref="MessageId"/>. <see cref="ToString"/> masks the INS, the patient's and that of an
/// <see cref="Actor"/> given a patient address through the constructor (INS-8).
/// </remarks>
/// <param name="Message">Author, subject as sent, <c>X-MSS-MES: FIN</c> and the Date of the message.</param>
/// <param name="Patient">The patient's INS, from their <c>@patient.mssante.fr</c> address (ADDR-2).</param>
/// <param name="Actor">The health actor's (or pharmacy's) MSSanté address: the sender, or the recipient of a patient's message.</param>
/// <param name="MessageId">The Message-Id without angle brackets; null when the message has none.</param>
public readonly record struct ReceivedMessage(ConversationMessage Message, InsMatricule Patient, MssAddress Actor, string? MessageId)
{
    /// <summary>
    /// The event without any INS in clear (INS-8): the patient's INS masked, and the actor's too when it is a patient
    /// address. The Message-Id and the subject are left out: the sender writes them, and may put an INS in them.
    /// </summary>
    /// <returns>A text safe for logs.</returns>
    public override string ToString() =>
        Message.Author + " " + Patient.ToMaskedString() + " <-> " + Actor.ToString("M", null) + " at " + Message.Timestamp;
}
