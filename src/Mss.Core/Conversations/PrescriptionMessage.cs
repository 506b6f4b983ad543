using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace Mss.Core.Conversations;

/// <summary>
/// The message a patient sends a pharmacy with a prescription or another document (CONV-5, CONV-7, seed 001): a
/// pre-filled text the patient may replace, the document and any extra attachments, and the reminder to bring the paper
/// prescription. The pharmacy is notified as soon as the message is received (<see cref="PharmacyNotifiedOnReceipt"/>).
/// Immutable: each <c>With…</c> returns a new message.
/// </summary>
public sealed class PrescriptionMessage
{
    /// <summary>
    /// The pre-filled text (decided here: seed 001 shows that a pre-filled text exists, not its wording). The patient may
    /// keep it or replace it (CONV-7).
    /// </summary>
    public const string DefaultText =
        "Bonjour,\n\nVeuillez trouver ci-joint mon ordonnance. Pouvez-vous préparer mon traitement ?\n\nMerci par avance.";

    /// <summary>
    /// The reminder shown to the patient (CONV-7): sending the document does not replace the paper prescription, to be
    /// brought when collecting the treatment (seed 001).
    /// </summary>
    public const string PaperPrescriptionReminder =
        "Pensez à apporter votre ordonnance papier lors du retrait de votre traitement en pharmacie.";

    private readonly string[] _attachments;

    private PrescriptionMessage(PharmacyDirectoryEntry pharmacy, string text, string[] attachments)
    {
        Pharmacy = pharmacy;
        Text = text;
        _attachments = attachments;
        Attachments = new ReadOnlyCollection<string>(attachments);
    }

    /// <summary>The pharmacy the message goes to: an organisational box (CONV-5).</summary>
    public PharmacyDirectoryEntry Pharmacy { get; }

    /// <summary>The body: <see cref="DefaultText"/> until the patient edits it (CONV-7).</summary>
    public string Text { get; }

    /// <summary>True when the patient replaced the pre-filled text.</summary>
    public bool IsTextEdited => !string.Equals(Text, DefaultText, StringComparison.Ordinal);

    /// <summary>The attachment file names: the document chosen first, then any the patient added (CONV-7).</summary>
    public IReadOnlyList<string> Attachments { get; }

    /// <summary>The document the message was created for (the first attachment).</summary>
    public string Document => _attachments[0];

    /// <summary>Always true: the pharmacy is notified as soon as the message is received (CONV-7, seed 001).</summary>
    public bool PharmacyNotifiedOnReceipt => true;

    /// <summary>Starts a message to a pharmacy with the pre-filled text and one document (CONV-5, CONV-7).</summary>
    /// <param name="pharmacy">The pharmacy chosen (see <see cref="PharmacyChoice"/>).</param>
    /// <param name="documentFileName">The prescription or other document from the patient's Mon espace santé documents.</param>
    /// <returns>The message.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The pharmacy's box is not organisational (CONV-5), or the file name is blank.</exception>
    public static PrescriptionMessage Create(PharmacyDirectoryEntry pharmacy, string documentFileName)
    {
        if (pharmacy is null)
        {
            throw new ArgumentNullException(nameof(pharmacy));
        }

        if (pharmacy.Kind != Mss.Core.Mailboxes.MailboxKind.Organisational)
        {
            throw new ArgumentException("A patient writes only to a pharmacy's organisational box (CONV-5).", nameof(pharmacy));
        }

        return new PrescriptionMessage(pharmacy, DefaultText, new[] { CheckFileName(documentFileName, nameof(documentFileName)) });
    }

    /// <summary>The same message with the patient's own text instead (CONV-7). An empty text is allowed.</summary>
    /// <param name="text">The new body.</param>
    /// <returns>The new message.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public PrescriptionMessage WithText(string text) =>
        new(Pharmacy, text ?? throw new ArgumentNullException(nameof(text)), _attachments);

    /// <summary>The same message with one more attachment (CONV-7: more attachments allowed besides the prescription).</summary>
    /// <param name="fileName">The file name of the extra document.</param>
    /// <returns>The new message.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fileName"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="fileName"/> is blank.</exception>
    public PrescriptionMessage WithAttachment(string fileName) =>
        new(Pharmacy, Text, _attachments.Append(CheckFileName(fileName, nameof(fileName))).ToArray());

    private static string CheckFileName(string fileName, string parameter)
    {
        if (fileName is null)
        {
            throw new ArgumentNullException(parameter);
        }

        return string.IsNullOrWhiteSpace(fileName) ? throw new ArgumentException("A file name cannot be blank.", parameter) : fileName;
    }
}
