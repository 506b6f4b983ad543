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
        Assert.Throws<InvalidOperationException>(() => Builder().Subject("x").TextBody("y").Build());
    }

    // ADDR-4: recipients are MSSanté addresses by type; the only non-address value, default, is refused.
    [Fact]
    public void DefaultAddresses_Refused()
    {
        Assert.Throws<ArgumentException>(() => Builder().To(default));
        Assert.Throws<ArgumentException>(() => Builder().Cc(default));
        Assert.Throws<ArgumentException>(() => new MssMessageBuilder(default, new FixedClock(Now)));
        Assert.Throws<ArgumentNullException>(() => new MssMessageBuilder(Doctor, null!));
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
        Assert.Throws<InvalidOperationException>(() => Builder().To(Patient).Subject(subject).CloseConversation().Build());
        Assert.Throws<InvalidOperationException>(() => Builder().To(Patient).CloseConversation().Subject(subject).Build());
    }

    // CONV-3: X-MSS-MES: FIN, three upper-case letters, whatever the subject.
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

    [Fact]
    public void Subject_WithLineBreak_Refused()
    {
        Assert.Throws<ArgumentException>(() => Builder().Subject("a\r\nBcc: x@example.org"));
        Assert.Throws<ArgumentNullException>(() => Builder().Subject(null!));
        Assert.Throws<ArgumentNullException>(() => Builder().TextBody(null!));
    }
}
