using MimeKit;
using Mss.Core.Conversations;
using Mss.Core.Mime;
using NodaTime;
using static Mss.Core.Tests.Mime.MimeTestSupport;

namespace Mss.Core.Tests.Mime;

public class MssMessageReaderTest
{
    private static readonly MssAddress Doctor = MssAddress.Parse("dr.martin@chu-nantes.mssante.fr");
    private static readonly MssAddress Patient = MssAddress.Parse("279035121518989@patient.mssante.fr");
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 14, 9, 26, 53);

    // CONV-8: a health actor's message to a patient, read back from bytes: author, subject, timestamp from Date, both parties.
    [Fact]
    public void ActorMessage_ReadAsHealthActorEvent()
    {
        MimeMessage built = new MssMessageBuilder(Doctor, new FixedClock(Now)).To(Patient).Subject("Vos résultats").Build();
        Assert.True(MssMessageReader.TryRead(RoundTrip(built), out ReceivedMessage received));

        Assert.Equal(new ConversationMessage(Author.HealthActor, "Vos résultats", false, Now) { MessageId = built.MessageId }, received.Message);
        Assert.Equal(InsMatricule.Parse("279035121518989"), received.Patient);
        Assert.Equal(Doctor, received.Actor);
        Assert.Equal(built.MessageId, received.MessageId);
    }

    // CONV-3, CONV-9: [FIN] subject and X-MSS-MES: FIN travel to the event, for the replay to decide.
    [Fact]
    public void ClosingAndNoReply_Read()
    {
        var clock = new FixedClock(Now);
        Assert.True(MssMessageReader.TryRead(RoundTrip(new MssMessageBuilder(Doctor, clock).To(Patient).CloseConversation().Build()), out ReceivedMessage closing));
        Assert.Equal("[FIN]", closing.Message.Subject);
        Assert.False(closing.Message.NoReply);

        Assert.True(MssMessageReader.TryRead(RoundTrip(new MssMessageBuilder(Doctor, clock).To(Patient).Subject("Compte rendu").NoReply().Build()), out ReceivedMessage noReply));
        Assert.True(noReply.Message.NoReply);
        Assert.Equal("Compte rendu", noReply.Message.Subject);
    }

    // CONV-8: a patient's reply, as the platform delivers it (display names, upper-case domain): author Patient, actor from To.
    [Fact]
    public void PatientReply_ReadAsPatientEvent()
    {
        MimeMessage reply = Parse("""
            From: "Jean Dupont" <279035121518989@PATIENT.mssante.fr>
            To: "Dr Martin" <dr.martin@chu-nantes.mssante.fr>
            Subject: =?UTF-8?Q?Re=3A_Vos_r=C3=A9sultats?=
            Date: Sat, 14 Mar 2026 10:26:53 +0100
            Message-ID: <abc123@patient.mssante.fr>
            In-Reply-To: <xyz789@chu-nantes.mssante.fr>
            MIME-Version: 1.0
            Content-Type: text/plain; charset=utf-8

            Merci docteur.
            """);
        Assert.True(MssMessageReader.TryRead(reply, out ReceivedMessage received));
        Assert.Equal(
            new ConversationMessage(Author.Patient, "Re: Vos résultats", false, Now) { MessageId = "abc123@patient.mssante.fr", InReplyTo = "xyz789@chu-nantes.mssante.fr" },
            received.Message);
        Assert.Equal(Doctor, received.Actor);
        Assert.Equal("279035121518989", received.Patient.ToString());
        Assert.Equal("abc123@patient.mssante.fr", received.MessageId);
    }

    // CONV-3: the header value is exactly FIN, case respected (white space around it ignored).
    [Theory]
    [InlineData("X-MSS-MES:  FIN ", true)]
    [InlineData("x-mss-mes: FIN", true)]
    [InlineData("X-MSS-MES: fin", false)]
    [InlineData("X-MSS-MES: FINI", false)]
    [InlineData("X-MSS-MES: NON", false)]
    public void NoReplyHeader_ExactValue(string header, bool expected)
    {
        MimeMessage message = Parse($"""
            From: dr.martin@chu-nantes.mssante.fr
            To: 279035121518989@patient.mssante.fr
            Subject: Compte rendu
            Date: Sat, 14 Mar 2026 09:26:53 +0000
            {header}

            Texte.
            """);
        Assert.True(MssMessageReader.TryRead(message, out ReceivedMessage received));
        Assert.Equal(expected, received.Message.NoReply);
    }

    // CONV-8: one event per (patient, actor) pair: an actor writing to two patients is two conversations; professionals in
    // copy are not. The builder refuses such a message (ADDR-7), but other software may send one: it is read.
    [Fact]
    public void ReadAll_OneEventPerPatient()
    {
        MimeMessage built = new MssMessageBuilder(Doctor, new FixedClock(Now)).To(Patient).Cc(MssAddress.Parse("secretariat@chu-nantes.mssante.fr")).Build();
        built.Cc.Add(new MailboxAddress(string.Empty, "284052A32102552@patient.mssante.fr"));
        IReadOnlyList<ReceivedMessage> events = MssMessageReader.ReadAll(RoundTrip(built));
        Assert.Equal(["279035121518989", "284052A32102552"], events.Select(e => e.Patient.ToString()));
        Assert.All(events, e => Assert.Equal(Doctor, e.Actor));
    }

    // Odd messages are no events, never exceptions.
    [Theory]
    [InlineData("From: someone@gmail.com\nTo: 279035121518989@patient.mssante.fr\nDate: Sat, 14 Mar 2026 09:26:53 +0000\n\nx")]
    [InlineData("From: 279035121518988@patient.mssante.fr\nTo: dr.martin@chu-nantes.mssante.fr\nDate: Sat, 14 Mar 2026 09:26:53 +0000\n\nx")]
    [InlineData("From: dr.martin@chu-nantes.mssante.fr\nTo: secretariat@chu-nantes.mssante.fr\nDate: Sat, 14 Mar 2026 09:26:53 +0000\n\nx")]
    [InlineData("From: 279035121518989@patient.mssante.fr\nTo: 284052A32102552@patient.mssante.fr\nDate: Sat, 14 Mar 2026 09:26:53 +0000\n\nx")]
    [InlineData("From: dr.martin@chu-nantes.mssante.fr\nTo: 279035121518989@patient.mssante.fr\n\nno date")]
    [InlineData("From: dr.martin@chu-nantes.mssante.fr\nTo: 279035121518989@patient.mssante.fr\nDate: yesterday-ish\n\nbad date")]
    [InlineData("To: 279035121518989@patient.mssante.fr\nDate: Sat, 14 Mar 2026 09:26:53 +0000\n\nno sender")]
    [InlineData("From: undisclosed-recipients:;\nTo: <<<>>>\nDate: Sat, 14 Mar 2026 09:26:53 +0000\n\ngarbage")]
    [InlineData("\n\n")]
    public void OddMessages_NoEvent(string raw)
    {
        Assert.False(MssMessageReader.TryRead(Parse(raw), out ReceivedMessage received));
        Assert.Equal(default, received);
        Assert.False(MssMessageReader.TryRead(null, out _));
    }

    // DEL-4, CONV-2: the patient's box sending a read receipt is not the patient replying.
    [Fact]
    public void ReadReceiptFromThePatient_NoEvent()
    {
        MimeMessage original = RoundTrip(new MssMessageBuilder(Doctor, new FixedClock(Now)).To(Patient).RequestReadReceipt().Build());
        MimeMessage receipt = RoundTrip(ReadReceipts.Create(original, Patient, new FixedClock(Now)));
        Assert.Equal(Patient.ToString(), receipt.From.Mailboxes.Single().Address);
        Assert.False(MssMessageReader.TryRead(receipt, out _));
    }

    // DEL-4, CONV-2: still not a reply when a gateway wrapped the receipt in multipart/mixed with a disclaimer, where
    // ReadReceipts.TryRead finds it (hand-written).
    [Fact]
    public void WrappedReadReceiptFromThePatient_NoEvent()
    {
        MimeMessage wrapped = Parse("""
            From: 279035121518989@patient.mssante.fr
            To: dr.martin@chu-nantes.mssante.fr
            Subject: =?UTF-8?Q?Accus=C3=A9_de_lecture_:_Vos_r=C3=A9sultats?=
            Date: Sat, 14 Mar 2026 19:00:00 +0100
            Message-ID: <mdn-1@patient.mssante.fr>
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="outer"

            --outer
            Content-Type: multipart/report; report-type=disposition-notification; boundary="inner"

            --inner
            Content-Type: text/plain; charset=utf-8

            Le message a été affiché.
            --inner
            Content-Type: message/disposition-notification

            Final-Recipient: rfc822; 279035121518989@patient.mssante.fr
            Original-Message-ID: <original-1@chu-nantes.mssante.fr>
            Disposition: manual-action/MDN-sent-automatically; displayed

            --inner--
            --outer
            Content-Type: text/plain; charset=utf-8

            Ce message a été analysé par la passerelle de messagerie.
            --outer--
            """);
        Assert.True(ReadReceipts.TryRead(wrapped, out _, out _));
        Assert.False(MssMessageReader.TryRead(wrapped, out _));
    }

    // INS-8: an event printed to a log masks the INS.
    [Fact]
    public void ToString_MasksTheIns()
    {
        MimeMessage built = new MssMessageBuilder(Doctor, new FixedClock(Now)).To(Patient).Build();
        Assert.True(MssMessageReader.TryRead(RoundTrip(built), out ReceivedMessage received));
        Assert.DoesNotContain("279035121518989", received.ToString(), StringComparison.Ordinal);
        Assert.Contains(InsMatricule.Parse("279035121518989").ToMaskedString(), received.ToString(), StringComparison.Ordinal);
        Assert.Contains("dr.martin@chu-nantes.mssante.fr", received.ToString(), StringComparison.Ordinal);
    }

    // INS-8 (issue 16): built through the public constructor with a patient address as the actor, no INS shows either.
    [Fact]
    public void ToString_PatientAddressAsActor_Masked()
    {
        var message = new ConversationMessage(Author.HealthActor, "x", false, Now);
        var odd = new ReceivedMessage(message, InsMatricule.Parse("185052A12345633"), Patient, "id@x.mssante.fr");
        string text = odd.ToString();
        Assert.DoesNotContain("279035121518989", text, StringComparison.Ordinal);
        Assert.DoesNotContain("185052A12345633", text, StringComparison.Ordinal);
        Assert.Contains(InsMatricule.Parse("279035121518989").ToMaskedString() + "@patient.mssante.fr", text, StringComparison.Ordinal);
        Assert.DoesNotContain("279035121518989", default(ReceivedMessage).ToString(), StringComparison.Ordinal);
    }

    // CONV-9: Message-Id and In-Reply-To reach the replay, which refuses the reply to a no-reply message.
    [Fact]
    public void History_ReadAndReplayed_RepliesByMessageId()
    {
        var clock = new FixedClock(Now);
        MimeMessage results = RoundTrip(new MssMessageBuilder(Doctor, clock).To(Patient).Subject("Vos résultats").Build());
        MimeMessage reminder = RoundTrip(new MssMessageBuilder(Doctor, new FixedClock(Now + Duration.FromMinutes(1))).To(Patient).Subject("Rappel").NoReply().Build());
        MimeMessage Reply(MimeMessage to, int minutes) => Parse($"""
            From: <279035121518989@patient.mssante.fr>
            To: <dr.martin@chu-nantes.mssante.fr>
            Subject: Re: {to.Subject}
            Date: {DateUtilsFormat(Now + Duration.FromMinutes(minutes))}
            Message-ID: <r{minutes}@patient.mssante.fr>
            In-Reply-To: <{to.MessageId}>
            Content-Type: text/plain; charset=utf-8

            Merci.
            """);

        MimeMessage[] mailbox = [results, reminder, Reply(reminder, 2), Reply(results, 3)];
        ConversationMessage[] history = mailbox.SelectMany(MssMessageReader.ReadAll).Select(e => e.Message).ToArray();
        Assert.Equal(reminder.MessageId, history[2].InReplyTo);

        ConversationReplay replay = ConversationReplay.Run(Conversation.Start(Counterpart.HealthActor), history);
        Assert.Equal([true, true, false, true], replay.Steps.Select(s => s.Decision.IsAccepted));
        Assert.Equal(ConversationDenial.MessageNotRepliable, replay.Steps[2].Decision.Denial);
        Assert.True(replay.CanPatientReplyTo(results.MessageId!));
        Assert.False(replay.CanPatientReplyTo(reminder.MessageId!));
    }

    // Many recipients: one event per distinct patient, in order, duplicates counted once (the benchmark shows it is linear).
    [Fact]
    public void ReadAll_ManyRecipients_OneEventPerDistinctPatient()
    {
        MimeMessage message = new MssMessageBuilder(Doctor, new FixedClock(Now)).To(Colleague()).Build();
        string[] patients = PatientAddresses().Take(5_000).ToArray();
        foreach (string address in patients.Concat(patients.Take(100)))
        {
            message.Cc.Add(new MailboxAddress(string.Empty, address));
        }

        IReadOnlyList<ReceivedMessage> events = MssMessageReader.ReadAll(RoundTrip(message));
        Assert.Equal(patients, events.Select(e => MssAddress.ForPatient(e.Patient).ToString()));
        Assert.True(MssMessageReader.TryRead(message, out ReceivedMessage first));
        Assert.Equal(patients[0], MssAddress.ForPatient(first.Patient).ToString());
    }

    private static MssAddress Colleague() => MssAddress.Parse("confrere@clinique.mssante.fr");

    // Patient addresses near the ANS example 279035121518989: 13 digits, key = 97 - (n mod 97), kept when the INS is valid.
    private static IEnumerable<string> PatientAddresses()
    {
        for (long body = 2_790_351_210_000; ; body++)
        {
            string ins = body.ToString(System.Globalization.CultureInfo.InvariantCulture) + (97 - (body % 97)).ToString("00", System.Globalization.CultureInfo.InvariantCulture);
            if (InsMatricule.TryParse(ins, out _))
            {
                yield return ins + "@patient.mssante.fr";
            }
        }
    }

    private static string DateUtilsFormat(Instant instant) => MimeKit.Utils.DateUtils.FormatDate(instant.ToDateTimeOffset());

    // Issue 29 (found by fuzzing 0.2): a patient's message whose To header holds one box then thousands of entries without
    // a domain was read through MimeKit's quadratic address-list parse. One event, for the one box.
    [Fact]
    public void ReadAll_PatientToThousandsOfDomainlessEntries_OneEvent()
    {
        ReceivedMessage received = Assert.Single(MssMessageReader.ReadAll(FuzzFindings.Message("message-reader-patient-to-list-24k.eml")));
        Assert.Equal(Author.Patient, received.Message.Author);
        Assert.Equal(MssAddress.Parse("dr@ch-x.mssante.fr"), received.Actor);

        // And four times as many entries.
        MimeMessage larger = FuzzFindings.DomainlessTo(Patient.ToString(), Doctor.ToString(), 32_000);
        Assert.Equal(Doctor, Assert.Single(MssMessageReader.ReadAll(larger)).Actor);
    }

    // The addresses are read in one pass over the headers: display names, comments and groups as MimeKit reads them.
    [Fact]
    public void ReadAll_RecipientsWithNamesCommentsAndGroups_EveryOne()
    {
        MimeMessage message = MimeTestSupport.Parse("From: \"Dr Martin, CHU\" <dr.martin@chu-nantes.mssante.fr> (cardiologie)\n"
            + "To: \"Patient, A\" <279035121518989@patient.mssante.fr>, Soins: 284052A32102552@patient.mssante.fr;\n"
            + "Cc: 184052B32102532@patient.mssante.fr (x@y.fr)\nDate: Mon, 30 Nov 2026 12:00:00 +0100\n\nx\n");
        Assert.Equal(
            ["279035121518989", "284052A32102552", "184052B32102532"],
            MssMessageReader.ReadAll(message).Select(e => e.Patient.ToString()));
        Assert.All(MssMessageReader.ReadAll(message), e => Assert.Equal(Doctor, e.Actor));
    }
}
