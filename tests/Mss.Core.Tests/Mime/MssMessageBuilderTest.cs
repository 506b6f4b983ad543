using MimeKit;
using Mss.Core.Mailboxes;
using Mss.Core.Mime;
using NodaTime;
using static Mss.Core.Tests.Mime.MimeTestSupport;

namespace Mss.Core.Tests.Mime;

public class MssMessageBuilderTest
{
    private static readonly MssAddress Doctor = MssAddress.Parse("dr.martin@chu-nantes.mssante.fr");
    private static readonly MssAddress Patient = MssAddress.Parse("279035121518989@patient.mssante.fr");
    private static readonly MssAddress OtherPatient = MssAddress.Parse("185052A12345633@patient.mssante.fr");
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 14, 9, 26, 53);

    private static MssMessageBuilder Builder() => new(Doctor, new FixedClock(Now));

    private static MssAddress Colleague(int i) => MssAddress.Parse("confrere" + i + "@clinique.mssante.fr");

    [Fact]
    public void Build_CarriesAddressesSubjectAndUtf8Text()
    {
        MimeMessage message = RoundTrip(Builder().To(Patient).Cc(Colleague(1)).Subject("Résultats d'analyse").TextBody("Bonjour, voici vos résultats : tout va bien.").Build());

        Assert.Equal("dr.martin@chu-nantes.mssante.fr", Assert.Single(message.From.Mailboxes).Address);
        Assert.Equal("279035121518989@patient.mssante.fr", Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal("confrere1@clinique.mssante.fr", Assert.Single(message.Cc.Mailboxes).Address);
        Assert.Equal("Résultats d'analyse", message.Subject);
        Assert.Equal("Bonjour, voici vos résultats : tout va bien.", message.TextBody);
        Assert.Null(message.Headers["Disposition-Notification-To"]);
        Assert.Null(message.Headers["X-MSS-MES"]);
        Assert.Null(message.Headers["Auto-Submitted"]);
    }

    // DEL-5: Date from the injected clock, and a Message-Id on the sender's domain, new at each build.
    [Fact]
    public void Build_DateFromClock_AndFreshMessageId()
    {
        MssMessageBuilder builder = Builder().To(Patient);
        MimeMessage first = RoundTrip(builder.Build());
        MimeMessage second = RoundTrip(builder.Build());

        Assert.Equal(new DateTimeOffset(2026, 3, 14, 9, 26, 53, TimeSpan.Zero), first.Date);
        Assert.EndsWith("@chu-nantes.mssante.fr", first.MessageId, StringComparison.Ordinal);
        Assert.DoesNotContain("<", first.MessageId, StringComparison.Ordinal);
        Assert.NotEqual(first.MessageId, second.MessageId);
    }

    // DEL-5: the one-argument constructor dates messages too (system clock). MimeKit's new MimeMessage() already sets a
    // Date and an id on the machine's host name: the sender's domain shows the builder stamped the message itself.
    [Fact]
    public void Build_WithDefaultClock_StillSetsDateAndMessageId()
    {
        DateTimeOffset before = DateTimeOffset.UtcNow.AddSeconds(-1);
        MimeMessage message = RoundTrip(new MssMessageBuilder(Doctor).To(Patient).Build());
        Assert.NotNull(message.Headers[HeaderId.Date]);
        Assert.InRange(message.Date, before, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.EndsWith("@chu-nantes.mssante.fr", message.MessageId, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_WithoutRecipient_Throws()
    {
        InvalidOperationException e = Assert.Throws<InvalidOperationException>(() => Builder().Subject("x").TextBody("y").Build());
        Assert.Contains("call To or Cc", e.Message, StringComparison.Ordinal); // the error says what to do
    }

    // ADDR-4: recipients are MSSanté addresses by type; the only non-address value, default, is refused.
    [Fact]
    public void DefaultAddresses_Refused()
    {
        Assert.Throws<ArgumentException>(() => Builder().To(default));
        Assert.Throws<ArgumentException>(() => Builder().Cc(default));
        Assert.Throws<ArgumentException>(() => new MssMessageBuilder(default, new FixedClock(Now)));
        Assert.Throws<ArgumentNullException>(() => new MssMessageBuilder(Doctor, (IClock)null!));
    }

    // ADDR-5: copies beyond the default threshold (3) are reported, not refused.
    [Fact]
    public void Copies_BeyondDefaultThreshold_ReportedAndStillBuilt()
    {
        MssMessageBuilder builder = Builder().To(Patient);
        for (int i = 1; i <= 4; i++)
        {
            builder.Cc(Colleague(i));
        }

        MimeMessage message = RoundTrip(builder.Build());
        Assert.Equal(5, message.To.Count + message.Cc.Count);
        Assert.Equal(5, builder.Copies.Recipients);
        Assert.Equal(3, builder.Copies.Threshold);
        Assert.Equal(2, builder.Copies.Excess);
        Assert.True(builder.Copies.IsBeyondThreshold);
    }

    // ADDR-5: within the threshold nothing is reported; a stricter policy reports; a recipient added twice counts once.
    [Fact]
    public void Copies_FollowThePolicy_AndCountDistinctRecipients()
    {
        MssMessageBuilder builder = Builder().To(Patient).Cc(Colleague(1)).Cc(Colleague(1)).To(Patient);
        Assert.Equal(2, builder.Copies.Recipients);
        Assert.False(builder.Copies.IsBeyondThreshold);

        builder.WithCopyPolicy(new CopyPolicy(1));
        Assert.Equal(1, builder.Copies.Excess);
        MimeMessage message = RoundTrip(builder.Build());
        Assert.Single(message.To.Mailboxes);
        Assert.Single(message.Cc.Mailboxes);
        Assert.Throws<ArgumentNullException>(() => builder.WithCopyPolicy(null!));
    }

    // DEL-4: a read receipt is asked with Disposition-Notification-To set to the sender.
    [Fact]
    public void RequestReadReceipt_SetsDispositionNotificationToTheSender()
    {
        MimeMessage message = RoundTrip(Builder().To(Patient).RequestReadReceipt().Build());
        Assert.Equal("dr.martin@chu-nantes.mssante.fr", message.Headers["Disposition-Notification-To"]?.Trim());
    }

    // CONV-3: closing is the subject exactly "[FIN]" on the wire.
    [Fact]
    public void CloseConversation_SubjectIsExactlyFin()
    {
        MimeMessage built = Builder().To(Patient).CloseConversation().Build();
        Assert.Contains("\r\nSubject: [FIN]\r\n", Wire(built), StringComparison.Ordinal);
        Assert.Equal("[FIN]", RoundTrip(built).Subject);
        Assert.Equal("[FIN]", RoundTrip(Builder().To(Patient).Subject("[FIN]").CloseConversation().Build()).Subject);
    }

    // CONV-3: "no other character" — a closing with another subject is refused rather than sent as an ordinary message.
    [Theory]
    [InlineData("Résultats")]
    [InlineData("RE: [FIN]")]
    [InlineData("[fin]")]
    public void CloseConversation_WithAnotherSubject_Refused(string subject)
    {
        InvalidOperationException e = Assert.Throws<InvalidOperationException>(() => Builder().To(Patient).Subject(subject).CloseConversation().Build());
        Assert.Contains("exactly [FIN] (CONV-3)", e.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => Builder().To(Patient).CloseConversation().Subject(subject).Build());
    }

    // CONV-3 amendment: white space around [FIN] does not reach the wire, so CloseConversation accepts it.
    [Fact]
    public void CloseConversation_WithSurroundingWhiteSpace_Accepted()
    {
        MimeMessage built = Builder().To(Patient).Subject(" [FIN]\u00A0").CloseConversation().Build();
        Assert.Contains("\r\nSubject: [FIN]\r\n", Wire(built), StringComparison.Ordinal);
    }

    // Issue 11: " [FIN]" goes on the wire as "Subject: [FIN]" (MimeKit trims), and that closes.
    [Theory]
    [InlineData(" [FIN]")]
    [InlineData("[FIN]  ")]
    public void Subject_SurroundingWhiteSpace_ClosesOnTheWire(string subject)
    {
        MimeMessage built = Builder().To(Patient).Subject(subject).Build();
        Assert.Contains("\r\nSubject: [FIN]\r\n", Wire(built), StringComparison.Ordinal);
        Assert.True(Mss.Core.Conversations.ClosingSubject.Diagnose(subject).IsClosing);
    }

    // CONV-9: X-MSS-MES: FIN, three upper-case letters, whatever the subject.
    [Fact]
    public void NoReply_AddsXMssMesFin()
    {
        MimeMessage built = Builder().To(Patient).Subject("Compte rendu").NoReply().Build();
        Assert.Contains("\r\nX-MSS-MES: FIN\r\n", Wire(built), StringComparison.Ordinal);
        Assert.Equal("Compte rendu", RoundTrip(built).Subject);
    }

    // BAL-3: automatic sends only from an applicative box.
    [Fact]
    public void AutoSubmitted_FromApplicativeBox_MarksTheMessage()
    {
        MimeMessage message = RoundTrip(Builder().To(Patient).AutoSubmitted(MailboxKind.Applicative).Build());
        Assert.Equal("auto-generated", message.Headers["Auto-Submitted"]?.Trim());
    }

    [Theory]
    [InlineData(MailboxKind.Personal)]
    [InlineData(MailboxKind.Organisational)]
    [InlineData(MailboxKind.Patient)]
    public void AutoSubmitted_FromAnotherKindOfBox_Refused(MailboxKind kind)
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => Builder().To(Patient).AutoSubmitted(kind));
        Assert.Contains("BAL-3", e.Message, StringComparison.Ordinal);
    }

    // The builder keeps one copy of each attachment for every message it builds: a message cannot write into it.
    [Fact]
    public void Build_AttachmentContent_ReadOnly()
    {
        MssMessageBuilder builder = Builder().To(Patient).Attach("cr.pdf", [1, 2, 3], "application/pdf");
        MimePart attachment = Assert.Single(builder.Build().Attachments.OfType<MimePart>());
        IMimeContent content = Assert.IsAssignableFrom<IMimeContent>(attachment.Content);
        Assert.False(content.Stream?.CanWrite ?? true);
    }

    [Fact]
    public void Attach_AddsBase64Attachments_CopiedAtTheCall()
    {
        byte[] pdf = [0x25, 0x50, 0x44, 0x46, 0x2D, 0x00, 0xFF, 0x10];
        MssMessageBuilder builder = Builder().To(Patient).TextBody("Ci-joint.").Attach("compte-rendu.pdf", pdf, "application/pdf");
        pdf[0] = 0;

        MimeMessage message = RoundTrip(builder.Build());
        Assert.Equal("multipart/mixed", message.Body?.ContentType.MimeType);
        MimePart attachment = Assert.Single(message.Attachments.OfType<MimePart>());
        Assert.Equal("compte-rendu.pdf", attachment.FileName);
        Assert.Equal("application/pdf", attachment.ContentType.MimeType);
        Assert.Equal(ContentEncoding.Base64, attachment.ContentTransferEncoding);
        using var content = new MemoryStream();
        attachment.Content?.DecodeTo(content);
        Assert.Equal(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x00, 0xFF, 0x10 }, content.ToArray());
        Assert.Equal("Ci-joint.", message.TextBody);
    }

    [Theory]
    [InlineData("", "application/pdf")]
    [InlineData("a.pdf", "pdf")]
    [InlineData("a.pdf", "multipart/mixed")]
    [InlineData("a.pdf", "text/plain; charset=utf-8")]
    public void Attach_BadNameOrMediaType_Refused(string fileName, string mediaType)
    {
        Assert.Throws<ArgumentException>(() => Builder().Attach(fileName, [1], mediaType));
    }

    // ADDR-8: patients write only from Mon espace santé; the refusal does not show the INS (INS-8).
    [Fact]
    public void Constructor_PatientSender_Refused()
    {
        ArgumentException e = Assert.Throws<ArgumentException>("from", () => new MssMessageBuilder(Patient, new FixedClock(Now)));
        Assert.Contains("ADDR-8", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("279035121518989", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>("from", () => new MssMessageBuilder(Patient));
    }

    // ADDR-7: one message names at most one patient in To and Cc; the refusal does not show the INS (INS-8).
    [Theory]
    [InlineData(true, true)]
    [InlineData(true, false)]
    [InlineData(false, false)]
    public void Build_TwoPatients_Refused(bool firstInTo, bool secondInTo)
    {
        MssMessageBuilder builder = Builder().Cc(Colleague(1));
        _ = firstInTo ? builder.To(Patient) : builder.Cc(Patient);
        _ = secondInTo ? builder.To(OtherPatient) : builder.Cc(OtherPatient);
        InvalidOperationException e = Assert.Throws<InvalidOperationException>(() => builder.Build());
        Assert.Contains("ADDR-7", e.Message, StringComparison.Ordinal);
        Assert.Contains("Use BuildPerPatient", e.Message, StringComparison.Ordinal); // the error says what to do
        Assert.DoesNotContain("279035121518989", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("185052A12345633", e.Message, StringComparison.Ordinal);
    }

    // ADDR-7: one patient with professionals in To and Cc is allowed (the 2021 Référentiel dropped the ban).
    [Fact]
    public void Build_OnePatientWithProfessionals_Built()
    {
        MimeMessage message = RoundTrip(Builder().To(Patient).To(Colleague(1)).Cc(Colleague(2)).Cc(Patient).Build());
        Assert.Equal(["279035121518989@patient.mssante.fr", "confrere1@clinique.mssante.fr"], message.To.Mailboxes.Select(m => m.Address));
        Assert.Equal(["confrere2@clinique.mssante.fr"], message.Cc.Mailboxes.Select(m => m.Address));
    }

    // ADDR-7: one message per patient, each with every professional, each with its own Message-Id (DEL-5) and the
    // headers every message carries (subject, X-MSS-MES, read receipt, attachments).
    [Fact]
    public void BuildPerPatient_OneMessagePerPatient_ProfessionalsOnEach()
    {
        MssAddress third = MssAddress.ForPatient(InsMatricule.Parse("279035121518989"));
        MssMessageBuilder builder = Builder().To(Patient).To(Colleague(1)).Cc(OtherPatient).Cc(Colleague(2)).To(Colleague(3))
            .Subject("Compte rendu").NoReply().RequestReadReceipt().Attach("cr.pdf", [1, 2, 3], "application/pdf").To(third);
        IReadOnlyList<MimeMessage> messages = builder.BuildPerPatient();

        Assert.Equal(2, messages.Count); // "third" is Patient again: counted once
        MimeMessage first = RoundTrip(messages[0]);
        MimeMessage second = RoundTrip(messages[1]);
        Assert.Equal(["279035121518989@patient.mssante.fr", "confrere1@clinique.mssante.fr", "confrere3@clinique.mssante.fr"], first.To.Mailboxes.Select(m => m.Address));
        Assert.Equal(["confrere2@clinique.mssante.fr"], first.Cc.Mailboxes.Select(m => m.Address));
        Assert.Equal(["confrere1@clinique.mssante.fr", "confrere3@clinique.mssante.fr"], second.To.Mailboxes.Select(m => m.Address));
        Assert.Equal(["185052A12345633@patient.mssante.fr", "confrere2@clinique.mssante.fr"], second.Cc.Mailboxes.Select(m => m.Address));
        Assert.NotEqual(first.MessageId, second.MessageId);
        foreach (MimeMessage m in new[] { first, second })
        {
            Assert.Equal("Compte rendu", m.Subject);
            Assert.Equal("FIN", m.Headers["X-MSS-MES"]?.Trim());
            Assert.Equal("dr.martin@chu-nantes.mssante.fr", m.Headers["Disposition-Notification-To"]?.Trim());
            Assert.Equal("cr.pdf", Assert.Single(m.Attachments.OfType<MimePart>()).FileName);
            Assert.EndsWith("@chu-nantes.mssante.fr", m.MessageId, StringComparison.Ordinal);
            Assert.Equal(new DateTimeOffset(2026, 3, 14, 9, 26, 53, TimeSpan.Zero), m.Date);
            Assert.Single(m.To.Mailboxes.Concat(m.Cc.Mailboxes), a => a.Address.EndsWith("@patient.mssante.fr", StringComparison.Ordinal));
        }
    }

    // BuildPerPatient without a patient (or with one) gives the one message Build gives; without recipients it throws.
    [Fact]
    public void BuildPerPatient_AtMostOnePatient_OneMessage()
    {
        MimeMessage only = Assert.Single(Builder().To(Colleague(1)).Cc(Colleague(2)).BuildPerPatient());
        Assert.Equal(["confrere1@clinique.mssante.fr"], only.To.Mailboxes.Select(m => m.Address));
        Assert.Equal(["confrere2@clinique.mssante.fr"], only.Cc.Mailboxes.Select(m => m.Address));
        MimeMessage withPatient = Assert.Single(Builder().Cc(Patient).To(Colleague(1)).BuildPerPatient());
        Assert.Equal(["279035121518989@patient.mssante.fr"], withPatient.Cc.Mailboxes.Select(m => m.Address));
        Assert.Throws<InvalidOperationException>(() => Builder().BuildPerPatient());
        Assert.Throws<InvalidOperationException>(() => Builder().To(Patient).Subject("x").CloseConversation().BuildPerPatient());
    }

    // Duplicates are removed by MssAddress equality, which ignores case in the whole address (ADDR-1).
    [Fact]
    public void To_Duplicates_RemovedByMssAddressEquality()
    {
        MssAddress upper = MssAddress.Parse("Jean.Dupont@CH.mssante.fr");
        MssAddress lower = MssAddress.Parse("jean.dupont@ch.mssante.fr");
        MssMessageBuilder builder = Builder().To(upper).Cc(lower).To(MssAddress.Parse("Jean.Dupont@ch.MSSANTE.fr"));
        Assert.Equal(1, builder.Copies.Recipients);
        MimeMessage message = builder.Build();
        Assert.Equal("Jean.Dupont@ch.mssante.fr", Assert.Single(message.To.Mailboxes).Address); // first kept, as added
        Assert.Empty(message.Cc.Mailboxes);
    }

    // ADDR-1 (0.2): the same address in another case is one recipient, the first kept as typed.
    [Fact]
    public void To_SameAddressInAnotherCase_OneRecipient()
    {
        MssMessageBuilder builder = Builder().To(MssAddress.Parse("Jean.Dupont@ch.mssante.fr")).Cc(MssAddress.Parse("jean.dupont@ch.mssante.fr"));
        Assert.Equal(1, builder.Copies.Recipients);
        MimeMessage message = builder.Build();
        Assert.Equal("Jean.Dupont@ch.mssante.fr", Assert.Single(message.To.Mailboxes).Address);
        Assert.Empty(message.Cc.Mailboxes);
    }

    // Many recipients: each counted once, in order (To 10^5 times is linear: see the benchmark).
    [Fact]
    public void To_ManyRecipients_EachOnce()
    {
        MssMessageBuilder builder = Builder();
        for (int i = 0; i < 20_000; i++)
        {
            builder.To(Colleague(i % 10_000));
        }

        Assert.Equal(10_000, builder.Copies.Recipients);
        Assert.Equal(Enumerable.Range(0, 10_000).Select(i => "confrere" + i + "@clinique.mssante.fr"), builder.Build().To.Mailboxes.Select(m => m.Address));
    }

    [Fact]
    public void Subject_WithLineBreak_Refused()
    {
        Assert.Throws<ArgumentException>(() => Builder().Subject("a\r\nBcc: x@example.org"));
        Assert.Throws<ArgumentNullException>(() => Builder().Subject(null!));
        Assert.Throws<ArgumentNullException>(() => Builder().TextBody(null!));
    }

    // The arguments of Attach and ProductReference: nulls named, message and multipart types refused, and printable
    // ASCII from the space to the tilde accepted in X-MSS-NIL, nothing outside.
    [Fact]
    public void AttachAndProductReference_Arguments()
    {
        byte[] pdf = [0x25, 0x50, 0x44, 0x46];
        Assert.Equal("fileName", Assert.Throws<ArgumentNullException>(() => Builder().Attach(null!, pdf, "application/pdf")).ParamName);
        Assert.Equal("content", Assert.Throws<ArgumentNullException>(() => Builder().Attach("a.pdf", (byte[])null!, "application/pdf")).ParamName);
        Assert.Equal("mediaType", Assert.Throws<ArgumentNullException>(() => Builder().Attach("a.pdf", pdf, null!)).ParamName);
        Assert.Equal("mediaType", Assert.Throws<ArgumentException>(() => Builder().Attach("a.eml", pdf, "message/rfc822")).ParamName);
        Assert.Equal("mediaType", Assert.Throws<ArgumentException>(() => Builder().Attach("a.txt", pdf, "multipart/mixed")).ParamName);
        using var unreadable = new MemoryStream(pdf);
        unreadable.Dispose();
        Assert.Equal("content", Assert.Throws<ArgumentException>(() => Builder().Attach("a.pdf", unreadable, "application/pdf")).ParamName);

        Assert.Equal("reference", Assert.Throws<ArgumentNullException>(() => Builder().ProductReference(null!)).ParamName);
        MimeMessage message = Builder().To(Patient).ProductReference(" LOGICIEL~1 v2 ").Build();
        Assert.Equal("LOGICIEL~1 v2", message.Headers["X-MSS-NIL"]);
        Assert.Throws<ArgumentException>(() => Builder().ProductReference("A\u007FB"));
        Assert.Throws<ArgumentException>(() => Builder().ProductReference("A\u001FB"));
    }

    // Nothing set but a recipient: an empty subject, an empty UTF-8 text body (not a multipart), mailboxes without names.
    [Fact]
    public void Build_Minimal_EmptySubjectAndTextBody()
    {
        MimeMessage message = Builder().To(Patient).Build();
        Assert.Equal(string.Empty, message.Subject ?? string.Empty);
        TextPart body = Assert.IsType<TextPart>(message.Body);
        Assert.Equal(string.Empty, body.Text);
        Assert.Equal(string.Empty, Assert.Single(message.From.Mailboxes).Name);
        Assert.Equal(string.Empty, Assert.Single(message.To.Mailboxes).Name);
    }
}
