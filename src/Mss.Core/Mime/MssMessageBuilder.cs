using System;
using System.Collections.Generic;
using System.IO;
using MimeKit;
using Mss.Core.Conversations;
using Mss.Core.Mailboxes;
using Mss.Core.Xdm;
using NodaTime;

namespace Mss.Core.Mime;

/// <summary>
/// Builds a MIME message between MSSanté boxes, to a patient or a professional, with the MSSanté rules built in:
/// recipients only from the trust space (ADDR-4, by type), at most one patient per message (ADDR-7, or one message per
/// patient with <see cref="BuildPerPatient"/>), never from a patient address (ADDR-8), copies beyond a threshold reported
/// (ADDR-5), closing a conversation (CONV-3), no reply to one message (CONV-9), read receipts (DEL-4), automatic sends
/// only from an applicative box (BAL-3), Date and Message-Id always set (DEL-5).
/// </summary>
/// <remarks>
/// <para>
/// Recipients are <see cref="MssAddress"/> values, so an address outside the trust space cannot even be passed
/// (ADDR-4): parse raw text with <see cref="MssAddress.Parse(string)"/> first. A recipient added twice (in To or Cc)
/// counts once and stays where it was first added; "twice" is <see cref="MssAddress"/> equality (ADDR-1). Adding a
/// recipient costs O(1), so a builder with many recipients is built in linear time.
/// </para>
/// <para>
/// The text body is UTF-8 (quoted-printable), attachments base64; with attachments the body is <c>multipart/mixed</c>.
/// <see cref="Build"/> may be called several times: each call gives a new message with its own Date and Message-Id.
/// </para>
/// </remarks>
public sealed class MssMessageBuilder
{
    private readonly MssAddress _from;
    private readonly IClock _clock;
    private readonly List<MssAddress> _to = new();
    private readonly List<MssAddress> _cc = new();
    private readonly HashSet<MssAddress> _recipients = new();
    private readonly List<(string FileName, byte[] Content, ContentType Type)> _attachments = new();
    private CopyPolicy _copyPolicy = CopyPolicy.Default;
    private string? _subject;
    private string? _text;
    private bool _closing;
    private bool _readReceipt;
    private bool _noReply;
    private bool _autoSubmitted;
    private int _patients;
    private readonly TrustSpace _trust;

    /// <summary>Starts a message from <paramref name="from"/>, dated by the system clock when built (DEL-5).</summary>
    /// <param name="from">The sender's MSSanté box.</param>
    /// <exception cref="ArgumentException">
    /// <paramref name="from"/> is <c>default</c>, or a patient address: patients write only from Mon espace santé (ADDR-8).
    /// </exception>
    public MssMessageBuilder(MssAddress from)
        : this(from, MssClock.Default)
    {
    }

    /// <summary>Starts a message from <paramref name="from"/>, dated by <paramref name="clock"/> when built (DEL-5).</summary>
    /// <param name="from">The sender's MSSanté box.</param>
    /// <param name="clock">The clock that gives the Date header.</param>
    /// <exception cref="ArgumentException">
    /// <paramref name="from"/> is <c>default</c>, or a patient address: patients write only from Mon espace santé (ADDR-8).
    /// </exception>
    /// <exception cref="ArgumentNullException"><paramref name="clock"/> is null.</exception>
    public MssMessageBuilder(MssAddress from, IClock clock)
        : this(from, clock, TrustSpace.MssanteFr)
    {
    }

    /// <summary>
    /// Starts a message from <paramref name="from"/> whose recipients must belong to <paramref name="trust"/> (ADDR-1 0.3,
    /// ADDR-4), e.g. ANS's list loaded by <see cref="TrustSpace.LoadWhitelist"/>: <see cref="To"/> and <see cref="Cc"/>
    /// refuse an address whose domain is not listed; a patient address is governed by ADDR-2 whatever the list says.
    /// Dated by the system clock when built (DEL-5).
    /// </summary>
    /// <param name="from">The sender's MSSanté box.</param>
    /// <param name="trust">The trust space recipients must belong to.</param>
    /// <exception cref="ArgumentException">
    /// <paramref name="from"/> is <c>default</c>, or a patient address: patients write only from Mon espace santé (ADDR-8).
    /// </exception>
    /// <exception cref="ArgumentNullException"><paramref name="trust"/> is null.</exception>
    public MssMessageBuilder(MssAddress from, TrustSpace trust)
        : this(from, MssClock.Default, trust ?? throw new ArgumentNullException(nameof(trust)))
    {
    }

    private MssMessageBuilder(MssAddress from, IClock clock, TrustSpace trust)
    {
        _trust = trust;
        if (from.IsDefault)
        {
            throw new ArgumentException("The sender must be an MSSanté address, not default(MssAddress).", nameof(from));
        }

        if (from.IsPatient)
        {
            // INS-8: the message does not name the address (it is the patient's INS).
            throw new ArgumentException("The sender is a patient address: patients write only from Mon espace santé, never through this software (ADDR-8).", nameof(from));
        }

        _from = from;
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
    }

    /// <summary>
    /// The recipients counted against the copy policy (ADDR-5), as they stand now: before or after <see cref="Build"/>.
    /// Beyond the threshold the message is still built; show the report to the sender.
    /// </summary>
    public CopyReport Copies
    {
        get
        {
            int recipients = _to.Count + _cc.Count;
            return new CopyReport(recipients, _copyPolicy.Threshold, _copyPolicy.Excess(recipients));
        }
    }

    /// <summary>Adds a main recipient. Only MSSanté addresses can be passed (ADDR-4).</summary>
    /// <param name="recipient">The recipient.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="recipient"/> is <c>default</c>, or outside the builder's trust space (ADDR-1 0.3; the default,
    /// <see cref="TrustSpace.MssanteFr"/>, holds every address parsed without a list).
    /// </exception>
    public MssMessageBuilder To(MssAddress recipient) => Add(_to, recipient);

    /// <summary>Adds a recipient in copy. Only MSSanté addresses can be passed (ADDR-4); many copies are reported (ADDR-5).</summary>
    /// <param name="recipient">The recipient.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="recipient"/> is <c>default</c>, or outside the builder's trust space (ADDR-1 0.3; the default,
    /// <see cref="TrustSpace.MssanteFr"/>, holds every address parsed without a list).
    /// </exception>
    public MssMessageBuilder Cc(MssAddress recipient) => Add(_cc, recipient);

    /// <summary>Sets the policy that reports recipients beyond a threshold (ADDR-5); <see cref="CopyPolicy.Default"/> otherwise.</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    public MssMessageBuilder WithCopyPolicy(CopyPolicy policy)
    {
        _copyPolicy = policy ?? throw new ArgumentNullException(nameof(policy));
        return this;
    }

    /// <summary>
    /// Sets the subject (non-ASCII encoded by MimeKit). White space around it does not reach the reader (MimeKit trims it,
    /// as RFC 5322 unfolding would): <c>" [FIN]"</c> closes the conversation like <c>[FIN]</c> (CONV-3 amendment), and
    /// <see cref="ClosingSubject.Diagnose(string?)"/> on the text given here says what the reader will see.
    /// </summary>
    /// <param name="subject">The subject.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="subject"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="subject"/> holds a line break or another control character.</exception>
    public MssMessageBuilder Subject(string subject)
    {
        if (subject is null)
        {
            throw new ArgumentNullException(nameof(subject));
        }

        foreach (char c in subject)
        {
            if (char.IsControl(c))
            {
                throw new ArgumentException("A subject is one line: no line break or control character.", nameof(subject));
            }
        }

        _subject = subject;
        return this;
    }

    /// <summary>Sets the plain-text body (UTF-8).</summary>
    /// <param name="text">The text.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public MssMessageBuilder TextBody(string text)
    {
        _text = text ?? throw new ArgumentNullException(nameof(text));
        return this;
    }

    /// <summary>Attaches a document (base64). The content is copied: later changes to the array do not reach the message.</summary>
    /// <param name="fileName">The file name shown to the recipient.</param>
    /// <param name="content">The bytes.</param>
    /// <param name="mediaType">The media type, <c>type/subtype</c> (for example <c>application/pdf</c>).</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="fileName"/> is empty or blank; or <paramref name="mediaType"/> is not a leaf <c>type/subtype</c>
    /// without parameters (multipart and message types are refused: an attachment is one document).
    /// </exception>
    public MssMessageBuilder Attach(string fileName, byte[] content, string mediaType)
    {
        if (fileName is null)
        {
            throw new ArgumentNullException(nameof(fileName));
        }

        if (content is null)
        {
            throw new ArgumentNullException(nameof(content));
        }

        if (mediaType is null)
        {
            throw new ArgumentNullException(nameof(mediaType));
        }

        if (fileName.Trim().Length == 0)
        {
            throw new ArgumentException("An attachment needs a file name.", nameof(fileName));
        }

        if (!ContentType.TryParse(mediaType, out ContentType? type) || type.MediaType.Length == 0 || type.MediaSubtype.Length == 0
            || type.Parameters.Count != 0 || type.IsMimeType("multipart", "*") || type.IsMimeType("message", "*"))
        {
            throw new ArgumentException("The media type must be a leaf type/subtype without parameters, such as application/pdf.", nameof(mediaType));
        }

        _attachments.Add((fileName, (byte[])content.Clone(), type));
        return this;
    }

    /// <summary>Asks for a read receipt: <c>Disposition-Notification-To</c> set to the sender (DEL-4, RFC 8098).</summary>
    /// <returns>This builder.</returns>
    public MssMessageBuilder RequestReadReceipt()
    {
        _readReceipt = true;
        return this;
    }

    /// <summary>
    /// Closes the conversation: the subject is exactly <c>[FIN]</c> (CONV-3). <see cref="Build"/> refuses a message that
    /// also sets another subject: a closing subject has "no other character".
    /// </summary>
    /// <returns>This builder.</returns>
    public MssMessageBuilder CloseConversation()
    {
        _closing = true;
        return this;
    }

    /// <summary>
    /// Says no reply is expected: header <c>X-MSS-MES: FIN</c> (Référentiel socle MSSanté #2 ECO.2.2.8). Changed in 0.2: the
    /// patient cannot reply to this one message; the conversation stays open and earlier messages keep their reply (CONV-9).
    /// To close the conversation, use <see cref="CloseConversation"/>.
    /// </summary>
    /// <returns>This builder.</returns>
    public MssMessageBuilder NoReply()
    {
        _noReply = true;
        return this;
    }

    /// <summary>
    /// Marks the message as an automatic send, <c>Auto-Submitted: auto-generated</c> (RFC 3834). Automatic sends require
    /// an applicative box (BAL-3): the caller says which kind of box the sender is.
    /// </summary>
    /// <param name="senderKind">The kind of the sender's box.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="senderKind"/> is not <see cref="MailboxKind.Applicative"/> (BAL-3).</exception>
    public MssMessageBuilder AutoSubmitted(MailboxKind senderKind)
    {
        if (senderKind != MailboxKind.Applicative)
        {
            throw new ArgumentException(
                "Automatic sends require an applicative mailbox configured in the service (BAL-3); the sender's box is " + senderKind + ".",
                nameof(senderKind));
        }

        _autoSubmitted = true;
        return this;
    }

    /// <summary>Builds the message, with Date (from the clock) and a new Message-Id on the sender's domain (DEL-5).</summary>
    /// <returns>A new message.</returns>
    /// <exception cref="InvalidOperationException">
    /// No recipient was added; or <see cref="CloseConversation"/> was asked with another subject than <c>[FIN]</c> (CONV-3);
    /// or To and Cc hold more than one patient address: every recipient sees the others, and a patient's address is their
    /// social-security number (ADDR-7, INS-8). Use <see cref="BuildPerPatient"/> for one message per patient.
    /// </exception>
    public MimeMessage Build()
    {
        CheckBuildable();
        if (_patients > 1)
        {
            throw new InvalidOperationException(
                "A message names at most one patient address in To and Cc: every recipient would see the others' INS (ADDR-7, INS-8). "
                + "Use BuildPerPatient to send one message per patient.");
        }

        return Compose(_to, _cc);
    }

    /// <summary>
    /// Builds one message per patient recipient (ADDR-7): each names one patient (in To or Cc, where it was added) and every
    /// professional recipient of To and Cc, and has its own Date and Message-Id (DEL-5). Without a patient recipient, the
    /// one message <see cref="Build"/> would give. Messages are in the order the patients were added (To first, then Cc).
    /// </summary>
    /// <returns>The messages, at least one.</returns>
    /// <exception cref="InvalidOperationException">
    /// No recipient was added; or <see cref="CloseConversation"/> was asked with another subject than <c>[FIN]</c> (CONV-3).
    /// </exception>
    public IReadOnlyList<MimeMessage> BuildPerPatient()
    {
        CheckBuildable();
        if (_patients == 0)
        {
            return new[] { Compose(_to, _cc) };
        }

        List<MssAddress> professionalsTo = _to.FindAll(a => !a.IsPatient);
        List<MssAddress> professionalsCc = _cc.FindAll(a => !a.IsPatient);
        var messages = new List<MimeMessage>(_patients);
        foreach (MssAddress patient in _to)
        {
            if (patient.IsPatient)
            {
                messages.Add(Compose(Prepend(patient, professionalsTo), professionalsCc));
            }
        }

        foreach (MssAddress patient in _cc)
        {
            if (patient.IsPatient)
            {
                messages.Add(Compose(professionalsTo, Prepend(patient, professionalsCc)));
            }
        }

        return messages.AsReadOnly();
    }

    private static MailboxAddress Mailbox(MssAddress address) => new(string.Empty, address.ToString());

    private static IEnumerable<MssAddress> Prepend(MssAddress first, List<MssAddress> rest)
    {
        yield return first;
        foreach (MssAddress address in rest)
        {
            yield return address;
        }
    }

    private void CheckBuildable()
    {
        if (_to.Count + _cc.Count == 0)
        {
            throw new InvalidOperationException("A message needs at least one recipient: call To or Cc before Build.");
        }

        if (_closing && _subject is not null && !ClosingSubject.IsClosing(_subject))
        {
            throw new InvalidOperationException("CloseConversation sets the subject to exactly [FIN] (CONV-3); another subject was also set.");
        }
    }

    // The one place that makes a message: addresses, then every header and part that each message carries, whether it
    // comes from Build or from BuildPerPatient. A header added to every message belongs here.
    private MimeMessage Compose(IEnumerable<MssAddress> to, IEnumerable<MssAddress> cc)
    {
        var message = new MimeMessage();
        message.From.Add(Mailbox(_from));
        var toList = new List<InternetAddress>();
        foreach (MssAddress address in to)
        {
            toList.Add(Mailbox(address));
        }

        var ccList = new List<InternetAddress>();
        foreach (MssAddress address in cc)
        {
            ccList.Add(Mailbox(address));
        }

        message.To.AddRange(toList);
        message.Cc.AddRange(ccList);
        message.Subject = _closing ? ClosingSubject.Value : _subject ?? string.Empty;
        if (_readReceipt)
        {
            message.Headers.Add(HeaderId.DispositionNotificationTo, _from.ToString());
        }

        if (_noReply)
        {
            message.Headers.Add(MssHeaders.NoReply, MssHeaders.NoReplyValue);
        }

        if (_autoSubmitted)
        {
            message.Headers.Add(MssHeaders.AutoSubmitted, "auto-generated");
        }

        // Référentiel socle MSSanté #2 (issue 13): X-MSS-NIL, X-MSS-CODECDA, X-MSS-INS (REF2-1, REF2-3, REF2-4).
        AddReferentielHeaders(message);

        message.Body = Body();
        MimeParts.Stamp(message, _clock, _from.Domain);
        return message;
    }

    private MssMessageBuilder Add(List<MssAddress> list, MssAddress recipient)
    {
        if (recipient.IsDefault)
        {
            throw new ArgumentException("A recipient must be an MSSanté address, not default(MssAddress) (ADDR-4).", nameof(recipient));
        }

        if (!recipient.IsPatient && !_trust.Contains(recipient.Domain))
        {
            // ADDR-4 against the trust space (ADDR-1 0.3); the domain only: it is no patient's INS.
            throw new ArgumentException($"The recipient's domain {recipient.Domain} is outside the trust space (ADDR-1, ADDR-4).", nameof(recipient));
        }

        if (_recipients.Add(recipient))
        {
            list.Add(recipient);
            if (recipient.IsPatient)
            {
                _patients++;
            }
        }

        return this;
    }

    private MimeEntity Body()
    {
        TextPart text = MimeParts.Utf8Text(_text ?? string.Empty);
        if (_attachments.Count == 0)
        {
            return text;
        }

        var mixed = new Multipart("mixed") { text };
        foreach ((string fileName, byte[] content, ContentType type) in _attachments)
        {
            mixed.Add(new MimePart(type.MediaType, type.MediaSubtype)
            {
                Content = new MimeContent(new MemoryStream(content, false)),
                ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
                ContentTransferEncoding = ContentEncoding.Base64,
                FileName = fileName,
            });
        }

        return mixed;
    }

    // ---- Référentiel socle MSSanté #2 (issue 13): product reference, IHE_XDM archive, streamed attachments. ----
    private string? _productReference;
    private XdmPackage? _xdm;

    /// <summary>
    /// Sets the product reference given when the software was declared on ANS's Convergence platform: header
    /// <c>X-MSS-NIL</c> on every message built (REF2-1, ECO.2.4.3).
    /// </summary>
    /// <param name="reference">The reference, as ANS gave it (printable ASCII, surrounding white space ignored).</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reference"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="reference"/> is blank or holds a character outside printable ASCII (a line break could forge headers).</exception>
    public MssMessageBuilder ProductReference(string reference)
    {
        if (reference is null)
        {
            throw new ArgumentNullException(nameof(reference));
        }

        string trimmed = reference.Trim();
        if (trimmed.Length == 0)
        {
            throw new ArgumentException("The product reference (X-MSS-NIL) cannot be empty.", nameof(reference));
        }

        foreach (char c in trimmed)
        {
            if (c is < ' ' or > '~')
            {
                throw new ArgumentException("The product reference (X-MSS-NIL) is printable ASCII on one line.", nameof(reference));
            }
        }

        _productReference = trimmed;
        return this;
    }

    /// <summary>
    /// Attaches an IHE_XDM archive as <c>IHE_XDM.ZIP</c> (<c>application/zip</c>, REF2-2). When it holds CDA documents the
    /// message also carries <c>X-MSS-CODECDA</c> (their codes, comma-separated, in document order: REF2-3) and
    /// <c>X-MSS-INS</c> (<c>O</c> with a qualified INS, <c>N</c> otherwise: REF2-4); without a CDA neither header is written.
    /// </summary>
    /// <param name="package">The package.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="package"/> is null.</exception>
    /// <exception cref="InvalidOperationException">An archive was already attached: one IHE_XDM.ZIP per message, so that the headers describe it.</exception>
    public MssMessageBuilder AttachXdm(XdmPackage package)
    {
        if (package is null)
        {
            throw new ArgumentNullException(nameof(package));
        }

        if (_xdm is not null)
        {
            throw new InvalidOperationException("A message carries one IHE_XDM.ZIP: X-MSS-CODECDA and X-MSS-INS describe that one archive.");
        }

        Attach(XdmHeaders.FileName, package.ToZip(), "application/zip");
        _xdm = package;
        return this;
    }

    /// <summary>Attaches a document read from <paramref name="content"/> (read to its end now, from its current position; not closed).</summary>
    /// <param name="fileName">The file name shown to the recipient.</param>
    /// <param name="content">The stream.</param>
    /// <param name="mediaType">The media type, <c>type/subtype</c>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">As <see cref="Attach(string, byte[], string)"/>; or the stream cannot be read.</exception>
    public MssMessageBuilder Attach(string fileName, Stream content, string mediaType)
    {
        if (content is null)
        {
            throw new ArgumentNullException(nameof(content));
        }

        if (!content.CanRead)
        {
            throw new ArgumentException("The stream cannot be read.", nameof(content));
        }

        using var copy = new MemoryStream();
        content.CopyTo(copy);
        return Attach(fileName, copy.ToArray(), mediaType);
    }

    /// <summary>Writes X-MSS-NIL (REF2-1) and, with an archive holding CDA documents, X-MSS-CODECDA and X-MSS-INS (REF2-3, REF2-4).</summary>
    private void AddReferentielHeaders(MimeMessage message)
    {
        if (_productReference is not null)
        {
            message.Headers.Add(XdmHeaders.ProductReference, _productReference);
        }

        if (_xdm is { HasCda: true } xdm)
        {
            message.Headers.Add(XdmHeaders.CdaCodes, string.Join(",", xdm.CdaCodes));
            message.Headers.Add(XdmHeaders.Ins, xdm.HasQualifiedIns ? "O" : "N");
        }
    }
}
