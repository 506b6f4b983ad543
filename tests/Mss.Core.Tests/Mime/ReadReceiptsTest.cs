using MimeKit;
using Mss.Core.Mime;
using NodaTime;
using static Mss.Core.Tests.Mime.MimeTestSupport;

namespace Mss.Core.Tests.Mime;

public class ReadReceiptsTest
{
    private static readonly MssAddress Doctor = MssAddress.Parse("dr.martin@chu-nantes.mssante.fr");
    private static readonly MssAddress Patient = MssAddress.Parse("279035121518989@patient.mssante.fr");
    private static readonly FixedClock Clock = new(Instant.FromUtc(2026, 3, 14, 18, 0, 0));

    private static MimeMessage Original(bool askReceipt = true)
    {
        MssMessageBuilder builder = new MssMessageBuilder(Doctor, new FixedClock(Instant.FromUtc(2026, 3, 14, 9, 26, 53)))
            .To(Patient).Subject("Vos résultats").TextBody("Bonjour.");
        return RoundTrip((askReceipt ? builder.RequestReadReceipt() : builder).Build());
    }

    // DEL-4, RFC 8098: the MDN goes to Disposition-Notification-To, as multipart/report with the ANS fields.
    [Fact]
    public void Create_WritesAnRfc8098Mdn()
    {
        MimeMessage original = Original();
        MimeMessage receipt = RoundTrip(ReadReceipts.Create(original, Patient, Clock));

        Assert.Equal("279035121518989@patient.mssante.fr", Assert.Single(receipt.From.Mailboxes).Address);
        Assert.Equal("dr.martin@chu-nantes.mssante.fr", Assert.Single(receipt.To.Mailboxes).Address);
        Assert.Equal(original.MessageId, receipt.InReplyTo);
        Assert.Equal(new DateTimeOffset(2026, 3, 14, 18, 0, 0, TimeSpan.Zero), receipt.Date); // DEL-5
        Assert.EndsWith("@patient.mssante.fr", receipt.MessageId, StringComparison.Ordinal);

        MultipartReport report = Assert.IsType<MultipartReport>(receipt.Body);
        Assert.Equal("disposition-notification", report.ReportType);
        Assert.IsType<TextPart>(report[0]);
        HeaderList fields = Assert.IsType<MessageDispositionNotification>(report[1]).Fields;
        Assert.Equal("rfc822; 279035121518989@patient.mssante.fr", fields["Final-Recipient"]?.Trim());
        Assert.Equal("<" + original.MessageId + ">", fields["Original-Message-ID"]?.Trim());
        Assert.Equal("manual-action/MDN-sent-automatically; displayed", fields["Disposition"]?.Trim());
        Assert.Null(fields["Original-Recipient"]);
    }

    // DEL-5: the overload without a clock (API.md) dates the receipt by the system clock, Message-Id on the reader's domain.
    [Fact]
    public void Create_WithoutClock_StillDatedAndIdentified()
    {
        DateTimeOffset before = DateTimeOffset.UtcNow.AddSeconds(-1);
        MimeMessage receipt = RoundTrip(ReadReceipts.Create(Original(), Patient));
        Assert.InRange(receipt.Date, before, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.EndsWith("@patient.mssante.fr", receipt.MessageId, StringComparison.Ordinal);
    }

    // DEL-4: Original-Recipient when known (the MTA's Original-Recipient header on the delivered message).
    [Fact]
    public void Create_CopiesOriginalRecipientWhenKnown()
    {
        MimeMessage original = Original();
        original.Headers.Add("Original-Recipient", "rfc822;279035121518989@patient.mssante.fr");
        MimeMessage receipt = RoundTrip(ReadReceipts.Create(RoundTrip(original), Patient, Clock));
        HeaderList fields = Assert.IsType<MessageDispositionNotification>(Assert.IsType<MultipartReport>(receipt.Body)[1]).Fields;
        Assert.Equal("rfc822;279035121518989@patient.mssante.fr", fields["Original-Recipient"]?.Trim());
    }

    // DEL-4: no Disposition-Notification-To, no read receipt.
    [Fact]
    public void Create_WhenNotAsked_Refused()
    {
        Assert.Throws<InvalidOperationException>(() => ReadReceipts.Create(Original(askReceipt: false), Patient, Clock));
    }

    // ADDR-4 (decided here): a receipt about a patient's reading never leaves the trust space.
    [Fact]
    public void Create_ToAnAddressOutsideTheTrustSpace_Refused()
    {
        MimeMessage original = Original(askReceipt: false);
        original.Headers.Add(HeaderId.DispositionNotificationTo, "tracker@example.com");
        Assert.Throws<InvalidOperationException>(() => ReadReceipts.Create(original, Patient, Clock));
    }

    [Fact]
    public void Create_BadArguments_Refused()
    {
        Assert.Throws<ArgumentNullException>(() => ReadReceipts.Create(null!, Patient, Clock));
        Assert.Throws<ArgumentNullException>(() => ReadReceipts.Create(Original(), Patient, null!));
        Assert.Throws<ArgumentException>(() => ReadReceipts.Create(Original(), default, Clock));
    }

    // DEL-4: our receipt read back: the original's id without angle brackets, and the reader.
    [Fact]
    public void TryRead_OurReceipt()
    {
        MimeMessage original = Original();
        MimeMessage receipt = RoundTrip(ReadReceipts.Create(original, Patient, Clock));
        Assert.True(ReadReceipts.TryRead(receipt, out string? id, out MssAddress reader));
        Assert.Equal(original.MessageId, id);
        Assert.DoesNotContain("<", id, StringComparison.Ordinal);
        Assert.Equal(Patient, reader);
    }

    // DEL-4: a read receipt from an ordinary mail client (Thunderbird-like, hand-written).
    [Fact]
    public void TryRead_ThunderbirdMdn()
    {
        Assert.True(ReadReceipts.TryRead(Parse(ThunderbirdMdn), out string? id, out MssAddress reader));
        Assert.Equal("7f3c2a10-5b1e-4c7a-9d2e-0a1b2c3d4e5f@clinique.mssante.fr", id);
        Assert.Equal(MssAddress.Parse("dr.martin@chu-nantes.mssante.fr"), reader);
    }

    // RFC 8098: only "displayed" is a read receipt; the modifier-free type is compared case-insensitively.
    [Theory]
    [InlineData("manual-action/MDN-sent-manually; displayed", true)]
    [InlineData("automatic-action/MDN-sent-automatically; DISPLAYED", true)]
    [InlineData("manual-action/MDN-sent-manually; deleted", false)]
    [InlineData("automatic-action/MDN-sent-automatically; processed", false)]
    [InlineData("manual-action/MDN-sent-manually; displayedx", false)]
    [InlineData("displayed", false)]
    [InlineData("; displayed", true)]                                              // read leniently: no action mode
    [InlineData("manual-action/MDN-sent-manually; displayed/warning", true)]
    [InlineData("manual-action/MDN-sent-manually; displayed-later", false)]       // a type that only starts with it
    [InlineData("manual-action/MDN-sent-manually; displayed2", false)]
    public void TryRead_OnlyDisplayed(string disposition, bool expected)
    {
        string raw = ThunderbirdMdn.Replace("Disposition: manual-action/MDN-sent-manually; displayed", "Disposition: " + disposition, StringComparison.Ordinal);
        Assert.Equal(expected, ReadReceipts.TryRead(Parse(raw), out _, out _));
    }

    [Fact]
    public void TryRead_WithoutOriginalMessageId_StillAReceipt()
    {
        string raw = ThunderbirdMdn.Replace("Original-Message-ID: <7f3c2a10-5b1e-4c7a-9d2e-0a1b2c3d4e5f@clinique.mssante.fr>\n", string.Empty, StringComparison.Ordinal);
        Assert.True(ReadReceipts.TryRead(Parse(raw), out string? id, out _));
        Assert.Null(id);
    }

    // DEL-6 (0.2): an Outlook/Exchange receipt without Original-Message-ID is linked through In-Reply-To…
    [Fact]
    public void TryRead_OutlookReceipt_LinkedThroughInReplyTo()
    {
        string raw = ThunderbirdMdn.Replace("Original-Message-ID: <7f3c2a10-5b1e-4c7a-9d2e-0a1b2c3d4e5f@clinique.mssante.fr>\n", string.Empty, StringComparison.Ordinal)
            .Replace("Date: Sat, 14 Mar 2026 18:02:11 +0100\n", "Date: Sat, 14 Mar 2026 18:02:11 +0100\nIn-Reply-To: <outlook-1@clinique.mssante.fr>\nReferences: <thread-0@clinique.mssante.fr> <outlook-0@clinique.mssante.fr>\n", StringComparison.Ordinal);
        Assert.True(ReadReceipts.TryRead(Parse(raw), out string? id, out MssAddress reader));
        Assert.Equal("outlook-1@clinique.mssante.fr", id);
        Assert.Equal("dr.martin@chu-nantes.mssante.fr", reader.ToString());
    }

    // … else through the last id of References (the message replied to); Original-Message-ID wins over both.
    [Fact]
    public void TryRead_LinkedThroughReferences_OriginalMessageIdFirst()
    {
        string withoutId = ThunderbirdMdn.Replace("Original-Message-ID: <7f3c2a10-5b1e-4c7a-9d2e-0a1b2c3d4e5f@clinique.mssante.fr>\n", string.Empty, StringComparison.Ordinal)
            .Replace("Date: Sat, 14 Mar 2026 18:02:11 +0100\n", "Date: Sat, 14 Mar 2026 18:02:11 +0100\nReferences: <thread-0@clinique.mssante.fr>\n <outlook-0@clinique.mssante.fr>\n", StringComparison.Ordinal);
        Assert.True(ReadReceipts.TryRead(Parse(withoutId), out string? id, out _));
        Assert.Equal("outlook-0@clinique.mssante.fr", id);

        string withAll = ThunderbirdMdn.Replace("Date: Sat, 14 Mar 2026 18:02:11 +0100\n", "Date: Sat, 14 Mar 2026 18:02:11 +0100\nIn-Reply-To: <outlook-1@clinique.mssante.fr>\n", StringComparison.Ordinal);
        Assert.True(ReadReceipts.TryRead(Parse(withAll), out id, out _));
        Assert.Equal("7f3c2a10-5b1e-4c7a-9d2e-0a1b2c3d4e5f@clinique.mssante.fr", id);
    }

    // Real data (MimeKit's RFC example MDN, TestData/Receipts/PROVENANCE.md): a displayed MDN, but from a reader outside
    // the MSSanté trust space: no MSSanté read receipt; and no bounce either.
    [Fact]
    public void TryRead_RealMdnFromOutsideTheTrustSpace_False()
    {
        using FileStream stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "TestData", "Receipts", "mimekit-disposition-notification.eml"));
        MimeMessage mdn = MimeMessage.Load(stream);
        Assert.False(ReadReceipts.TryRead(mdn, out string? id, out _));
        Assert.Null(id);
        Assert.False(NonDeliveryReports.TryRead(mdn, out _));
    }

    // Issue 16: Disposition-Notification-To with 10^4 addresses (100 given twice) gives each once, in order.
    [Fact]
    public void Create_TenThousandNotificationAddresses_EachOnce()
    {
        MimeMessage original = Original(askReceipt: false);
        var addresses = Enumerable.Range(0, 10_000).Select(i => "s" + i + "@ch-nord.mssante.fr").ToList();
        original.Headers.Add(HeaderId.DispositionNotificationTo, string.Join(", ", addresses.Concat(addresses.Take(100))));
        MimeMessage receipt = ReadReceipts.Create(RoundTrip(original), Patient, Clock);
        Assert.Equal(addresses, receipt.To.Mailboxes.Select(m => m.Address).ToList());
    }

    // Not read receipts from an MSSanté box: a reader outside the trust space, a bounce, a plain message, nothing.
    [Fact]
    public void TryRead_OtherMessages_False()
    {
        string foreign = ThunderbirdMdn.Replace("Final-Recipient: rfc822;dr.martin@chu-nantes.mssante.fr", "Final-Recipient: rfc822;martin@gmail.com", StringComparison.Ordinal);
        Assert.False(ReadReceipts.TryRead(Parse(foreign), out string? id, out MssAddress reader));
        Assert.Null(id);
        Assert.Equal(default, reader);
        Assert.False(ReadReceipts.TryRead(Parse(NonDeliveryReportsTest.PostfixBounce), out _, out _));
        Assert.False(ReadReceipts.TryRead(Original(), out _, out _));
        Assert.False(ReadReceipts.TryRead(new MimeMessage(), out _, out _));
        Assert.False(ReadReceipts.TryRead(null, out _, out _));
    }

    // DEL-4: the receipt's French subject and sentence, exactly; mailboxes without display names; the original's id in
    // References as well as In-Reply-To.
    [Fact]
    public void Create_FrenchSubjectAndSentence()
    {
        MimeMessage original = Original();
        MimeMessage receipt = RoundTrip(ReadReceipts.Create(original, Patient, Clock));
        Assert.Equal("Accusé de lecture : Vos résultats", receipt.Subject);
        TextPart human = Assert.IsType<TextPart>(Assert.IsType<MultipartReport>(receipt.Body)[0]);
        Assert.Equal("Le message \"Vos résultats\" envoyé à 279035121518989@patient.mssante.fr a été affiché par son destinataire.", human.Text);
        Assert.Equal(string.Empty, Assert.Single(receipt.From.Mailboxes).Name);
        Assert.Equal(string.Empty, Assert.Single(receipt.To.Mailboxes).Name);
        Assert.Equal(original.MessageId, Assert.Single(receipt.References));

        MimeMessage untitled = Original();
        untitled.Headers.Remove(HeaderId.Subject);
        Assert.Equal("Accusé de lecture :", ReadReceipts.Create(RoundTrip(untitled), Patient, Clock).Subject); // MimeKit trims the value
    }

    // DEL-4: an Original-Recipient header that is blank is not copied.
    [Fact]
    public void Create_BlankOriginalRecipient_NotCopied()
    {
        MimeMessage original = Original();
        original.Headers.Add("Original-Recipient", "   ");
        MimeMessage receipt = ReadReceipts.Create(original, Patient, Clock);
        HeaderList fields = Assert.IsType<MessageDispositionNotification>(Assert.IsType<MultipartReport>(receipt.Body)[1]).Fields;
        Assert.Null(fields["Original-Recipient"]);
    }

    // DEL-4: a Disposition-Notification-To that names no mailbox (an empty group) asks for nothing; the refusals say
    // which rule refuses.
    [Fact]
    public void Create_Refusals_NameTheirRule()
    {
        MimeMessage emptyGroup = Original(askReceipt: false);
        emptyGroup.Headers.Add(HeaderId.DispositionNotificationTo, "undisclosed-recipients:;");
        Assert.Contains("DEL-4", Assert.Throws<InvalidOperationException>(() => ReadReceipts.Create(emptyGroup, Patient, Clock)).Message, StringComparison.Ordinal);
        Assert.Contains("DEL-4", Assert.Throws<InvalidOperationException>(() => ReadReceipts.Create(Original(askReceipt: false), Patient, Clock)).Message, StringComparison.Ordinal);
        MimeMessage outside = Original(askReceipt: false);
        outside.Headers.Add(HeaderId.DispositionNotificationTo, "tracker@example.com");
        Assert.Contains("ADDR-4", Assert.Throws<InvalidOperationException>(() => ReadReceipts.Create(outside, Patient, Clock)).Message, StringComparison.Ordinal);
    }

    // A report without a Disposition field, or without a notification part, is no receipt.
    [Fact]
    public void TryRead_NoDispositionOrNoNotificationPart_False()
    {
        string noDisposition = ThunderbirdMdn.Replace("Disposition: manual-action/MDN-sent-manually; displayed\n", string.Empty, StringComparison.Ordinal);
        Assert.False(ReadReceipts.TryRead(Parse(noDisposition), out _, out _));

        var textOnly = new MimeMessage { Body = new MultipartReport("disposition-notification") { new TextPart("plain") { Text = "Lu." } } };
        Assert.False(ReadReceipts.TryRead(textOnly, out string? id, out MssAddress reader));
        Assert.Null(id);
        Assert.Equal(default, reader);
    }

    // Try… never throws (issue 16): a notification whose content can no longer be read (its stream disposed, as when a
    // message is read after its source is closed) is no receipt, and the outputs are reset.
    [Fact]
    public void TryRead_UnreadableNotification_FalseNotThrown()
    {
        var stream = new MemoryStream(System.Text.Encoding.ASCII.GetBytes("Final-Recipient: rfc822; dr.martin@chu-nantes.mssante.fr\r\nDisposition: manual-action/MDN-sent-manually; displayed\r\n\r\n"));
        var notification = new MessageDispositionNotification { Content = new MimeContent(stream) };
        stream.Dispose();
        var message = new MimeMessage { Body = new MultipartReport("disposition-notification") { new TextPart("plain") { Text = "Lu." }, notification } };
        Assert.False(ReadReceipts.TryRead(message, out string? id, out MssAddress reader));
        Assert.Null(id);
        Assert.Equal(default, reader);
    }

    // Hand-written in the shape of a Thunderbird MDN (a secretary's client acknowledging a doctor's request).
    private const string ThunderbirdMdn = """
        From: Dr Martin <dr.martin@chu-nantes.mssante.fr>
        Subject: =?UTF-8?Q?Accus=C3=A9_de_lecture_=28affich=C3=A9=29_-_Demande_d=27avis?=
        To: secretariat@clinique.mssante.fr
        Message-ID: <b1c2d3e4-0000-4a4a-8b8b-112233445566@chu-nantes.mssante.fr>
        Date: Sat, 14 Mar 2026 18:02:11 +0100
        MIME-Version: 1.0
        User-Agent: Mozilla Thunderbird
        Content-Type: multipart/report; report-type=disposition-notification;
         boundary="------------A1B2C3D4E5F60718293A4B5C"

        This is a multi-part message in MIME format.
        --------------A1B2C3D4E5F60718293A4B5C
        Content-Type: text/plain; charset=UTF-8
        Content-Transfer-Encoding: 8bit

        Ceci est un accusé de réception pour le courrier électronique envoyé à
        <dr.martin@chu-nantes.mssante.fr>.

        Note : cet accusé de réception indique seulement que le message a été
        affiché sur l'ordinateur du destinataire. Il n'y a aucune garantie que le
        destinataire ait lu ou compris le contenu du message.

        --------------A1B2C3D4E5F60718293A4B5C
        Content-Type: message/disposition-notification; name="MDNPart2.txt"
        Content-Disposition: inline
        Content-Transfer-Encoding: 7bit

        Reporting-UA: chu-nantes.mssante.fr; Mozilla Thunderbird
        Final-Recipient: rfc822;dr.martin@chu-nantes.mssante.fr
        Original-Message-ID: <7f3c2a10-5b1e-4c7a-9d2e-0a1b2c3d4e5f@clinique.mssante.fr>
        Disposition: manual-action/MDN-sent-manually; displayed

        --------------A1B2C3D4E5F60718293A4B5C
        Content-Type: text/rfc822-headers; name="MDNPart3.txt"
        Content-Transfer-Encoding: 7bit
        Content-Disposition: inline

        Return-Path: <secretariat@clinique.mssante.fr>
        Disposition-Notification-To: secretariat@clinique.mssante.fr
        From: secretariat@clinique.mssante.fr
        To: Dr Martin <dr.martin@chu-nantes.mssante.fr>
        Subject: Demande d'avis
        Message-ID: <7f3c2a10-5b1e-4c7a-9d2e-0a1b2c3d4e5f@clinique.mssante.fr>
        Date: Sat, 14 Mar 2026 17:40:00 +0100

        --------------A1B2C3D4E5F60718293A4B5C--
        """;
}
