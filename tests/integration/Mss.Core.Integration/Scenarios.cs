using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using MailKit.Search;
using MailKit.Security;
using MimeKit;
using Mss.Core.Conversations;
using Mss.Core.Delivery;
using Mss.Core.Mailboxes;
using Mss.Core.Mime;
using Mss.Core.Transport;
using Mss.Core.Xdm;
using static Mss.Core.Integration.ScenarioFailure;

namespace Mss.Core.Integration;

/// <summary>
/// The scenarios of issue 26, each through Mss.Core.Transport (MssConnection, IgcSanteTrust) and Mss.Core's builders and
/// readers, against the running Postfix and Dovecot. Every message is found again by its Message-Id, so the
/// scenarios do not depend on each other nor on what earlier runs left (each run has new boxes anyway).
/// </summary>
internal sealed class Scenarios(TestOperator server, TokenEndpoint tokens, IgcSanteTrust trust)
{
    private const string ProductReference = "MSS-CORE-INTEGRATION-0001";
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(30);

    private static MssAddress FirstPatientBox => MssAddress.ForPatient(TestBoxes.FirstPatient);

    private static MssAddress SecondPatientBox => MssAddress.ForPatient(TestBoxes.SecondPatient);

    // The operator as a vendor configures it: host, trust, the two ports.
    private MssConnection Operator => new(server.Host, trust) { SmtpPort = server.SubmissionPort, ImapPort = server.ImapPort };

    // 1. A professional connects with a token and sends a message built by MssMessageBuilder; the recipients read it
    //    over IMAP and MssMessageReader finds its sender, recipients, X-MSS-* headers and ids (REF1-3, CONV-8, REF2-1).
    public async Task ProfessionalMessageAsync(CancellationToken cancellationToken)
    {
        MimeMessage sent = new MssMessageBuilder(TestBoxes.Martin)
            .To(FirstPatientBox)
            .Cc(TestBoxes.Durand)
            .Subject("Résultats de votre bilan sanguin")
            .TextBody("Bonjour,\nVos résultats sont normaux. Ce message n'attend pas de réponse.\nDr Martin")
            .ProductReference(ProductReference)
            .NoReply()
            .Build();
        int asked = tokens.Requests;
        await SendAsync(Professional(TestBoxes.Martin), sent, cancellationToken).ConfigureAwait(false);
        Expect(tokens.Requests > asked, "Postfix had Dovecot check the token at the introspection endpoint");

        foreach (MssAddress box in new[] { TestBoxes.Durand, FirstPatientBox })
        {
            MimeMessage received = await ReceiveAsync(box, m => m.MessageId == sent.MessageId, cancellationToken).ConfigureAwait(false);
            Expect(MssMessageReader.TryRead(received, out ReceivedMessage read), $"MssMessageReader reads the message in {box.ToString("M", null)}'s box");
            Expect(read.Message.Author == Author.HealthActor, "the author is a health actor");
            Expect(read.Actor == TestBoxes.Martin, $"the sender is {TestBoxes.Martin}, read {read.Actor}");
            Expect(read.Patient == TestBoxes.FirstPatient, "the patient is the one of the To address");
            Expect(read.MessageId == sent.MessageId && read.Message.MessageId == sent.MessageId, "the Message-Id is the one sent");
            Expect(read.Message.NoReply, "X-MSS-MES: FIN is read as no-reply");
            Expect(read.Message.Subject == "Résultats de votre bilan sanguin", "the subject is read as sent");
            Expect(received.Headers["X-MSS-NIL"] == ProductReference, "X-MSS-NIL carries the product reference");
            Expect(received.To.Mailboxes.Single().Address == FirstPatientBox.ToString(), "To is the patient's box");
            Expect(received.Cc.Mailboxes.Single().Address == TestBoxes.Durand.ToString(), "Cc is the colleague's box");
            string trace = Received(received);
            Expect(trace.Contains("Authenticated sender: " + TestBoxes.Martin, StringComparison.Ordinal),
                "Postfix recorded the SASL (XOAUTH2) login in its Received header: " + trace);
            Expect(trace.Contains("using TLSv1.", StringComparison.Ordinal), "Postfix recorded TLS in its Received header");
        }

        // The same through the listener that speaks TLS 1.2 only: client and Postfix agree on an ECDHE-RSA suite of
        // ECO.1.1.3 (REF1-1), as Postfix records.
        MimeMessage overTls12 = new MssMessageBuilder(TestBoxes.Martin)
            .To(TestBoxes.Durand)
            .Subject("Par TLS 1.2")
            .TextBody("Bonjour,\nMessage envoyé par TLS 1.2.\nDr Martin")
            .ProductReference(ProductReference)
            .Build();
        MssConnection tls12 = new MssConnection(server.Host, trust) { SmtpPort = server.Tls12Port, ImapPort = server.ImapPort }
            .WithAccessToken(TestBoxes.Martin.ToString(), _ => Task.FromResult(tokens.Issue(TestBoxes.Martin)));
        await SendAsync(tls12, overTls12, cancellationToken).ConfigureAwait(false);
        string tls12Trace = Received(await ReceiveAsync(TestBoxes.Durand, m => m.MessageId == overTls12.MessageId, cancellationToken).ConfigureAwait(false));
        Expect(tls12Trace.Contains("using TLSv1.2 with cipher ECDHE-RSA-AES", StringComparison.Ordinal),
            "TLS 1.2 with an ECDHE-RSA AES suite, as Postfix recorded: " + tls12Trace);
    }

    // 2. An application box connects with its client certificate (mutual TLS, REF1-3) and sends; without it, refused.
    public async Task ApplicationBoxAsync(CancellationToken cancellationToken)
    {
        MimeMessage sent = ApplicationMessage();
        await SendAsync(Operator.WithClientCertificate(server.ApplicationCertificate), sent, cancellationToken).ConfigureAwait(false);
        MimeMessage received = await ReceiveAsync(TestBoxes.Durand, m => m.MessageId == sent.MessageId, cancellationToken).ConfigureAwait(false);
        string trace = Received(received);
        Expect(trace.Contains("dpi.ch-test.mssante.fr", StringComparison.Ordinal) && trace.Contains("verified OK", StringComparison.Ordinal),
            "Postfix verified the box's certificate (Received header): " + trace);
        Expect(received.Headers["Auto-Submitted"] == "auto-generated", "Auto-Submitted travelled");

        // A client certificate of another PKI (through MssConnection), then no certificate and no token at all (a
        // MailKit client that checks the server with IgcSanteTrust but says nothing of itself): Postfix refuses both.
        using (SmtpClient foreign = await Operator.WithClientCertificate(server.OtherPkiClientCertificate).ConnectSmtpAsync(cancellationToken).ConfigureAwait(false))
        {
            await ExpectAccessDeniedAsync(foreign, "a certificate of another PKI", cancellationToken).ConfigureAwait(false);
        }

        using var anonymous = new SmtpClient
        {
            ServerCertificateValidationCallback = (_, certificate, _, _) =>
                certificate is X509Certificate2 presented && trust.Check(presented, server.Host) == TrustFailure.None,
        };
        await anonymous.ConnectAsync(server.Host, server.SubmissionPort, SecureSocketOptions.StartTls, cancellationToken).ConfigureAwait(false);
        await ExpectAccessDeniedAsync(anonymous, "no certificate", cancellationToken).ConfigureAwait(false);
    }

    private static async Task ExpectAccessDeniedAsync(SmtpClient smtp, string what, CancellationToken cancellationToken)
    {
        Expect(smtp.IsSecure && !smtp.IsAuthenticated, $"{what}: connected with TLS, not authenticated");
        try
        {
            await smtp.SendAsync(ApplicationMessage(), cancellationToken).ConfigureAwait(false);
            throw new ScenarioFailure($"{what}: Postfix accepted a message from a client without a trusted certificate nor a token");
        }
        catch (SmtpCommandException refused)
        {
            Expect((int)refused.StatusCode == 554 && refused.Message.Contains("Access denied", StringComparison.Ordinal),
                $"{what}: refused with 554 Access denied, got {(int)refused.StatusCode} {refused.Message}");
        }
    }

    // 3. An expired or refused token: a fresh one is asked for once; when that one is refused too, MssConnectionException
    //    (REF1-3, REF1-4), without the token in its message.
    public async Task RefusedTokenAsync(CancellationToken cancellationToken)
    {
        var issued = new List<string>();
        MssConnection expiringFirst = Operator.WithAccessToken(TestBoxes.Martin.ToString(), _ =>
        {
            string token = issued.Count == 0 ? tokens.IssueExpired(TestBoxes.Martin) : tokens.Issue(TestBoxes.Martin);
            issued.Add(token);
            return Task.FromResult(token);
        });
        using (SmtpClient smtp = await expiringFirst.ConnectSmtpAsync(cancellationToken).ConfigureAwait(false))
        {
            Expect(smtp.IsAuthenticated, "SMTP: authenticated with the fresh token");
            Expect(issued.Count == 2 && tokens.WasAsked(issued[0]) && tokens.WasAsked(issued[1]),
                $"SMTP: the expired token was tried, then one fresh token (asked {issued.Count} times)");
            await smtp.DisconnectAsync(true, cancellationToken).ConfigureAwait(false);
        }

        issued.Clear();
        using (ImapClient imap = await expiringFirst.ConnectImapAsync(cancellationToken).ConfigureAwait(false))
        {
            Expect(imap.IsAuthenticated && issued.Count == 2, $"IMAP: authenticated with the fresh token (asked {issued.Count} times)");
            await imap.DisconnectAsync(true, cancellationToken).ConfigureAwait(false);
        }

        // Always refused: expired tokens, then a valid token made out to another box.
        foreach ((string what, Func<string> next) in new (string, Func<string>)[]
        {
            ("expired tokens", () => tokens.IssueExpired(TestBoxes.Martin)),
            ("another box's token", () => tokens.Issue(TestBoxes.Durand)),
        })
        {
            issued.Clear();
            MssConnection refused = Operator.WithAccessToken(TestBoxes.Martin.ToString(), _ =>
            {
                string token = next();
                issued.Add(token);
                return Task.FromResult(token);
            });
            foreach (bool smtp in new[] { true, false })
            {
                issued.Clear();
                MssConnectionException e = await ThrowsAsync(smtp
                    ? async () => (await refused.ConnectSmtpAsync(cancellationToken).ConfigureAwait(false)).Dispose()
                    : async () => (await refused.ConnectImapAsync(cancellationToken).ConfigureAwait(false)).Dispose()).ConfigureAwait(false);
                string protocol = smtp ? "SMTP" : "IMAP";
                Expect(e.Trust == TrustFailure.None, $"{protocol}, {what}: not a trust failure ({e.Trust})");
                Expect(issued.Count == 2, $"{protocol}, {what}: a fresh token was asked for once (asked {issued.Count} times)");
                Expect(issued.TrueForAll(t => !e.ToString().Contains(t, StringComparison.Ordinal)), $"{protocol}, {what}: no token in the exception");
                Expect(!string.IsNullOrWhiteSpace(e.Message), $"{protocol}, {what}: the exception explains");
            }
        }
    }

    // 4. The same Postfix showing a certificate of another PKI, of the test PKI for another host, or one the test PKI's
    //    CRL revokes: refused before any token leaves (REF1-2, REF1-3): the introspection endpoint never hears of it.
    public async Task UntrustedServerAsync(CancellationToken cancellationToken)
    {
        foreach ((int port, TrustFailure expected) in new[]
        {
            (server.OtherPkiPort, TrustFailure.UntrustedRoot),
            (server.WrongHostPort, TrustFailure.HostMismatch),
            (server.RevokedPort, TrustFailure.Revoked),
        })
        {
            var issued = new List<string>();
            int asked = tokens.Requests;
            MssConnection connection = new MssConnection(server.Host, trust) { SmtpPort = port, ImapPort = server.ImapPort }
                .WithAccessToken(TestBoxes.Martin.ToString(), _ =>
                {
                    string token = tokens.Issue(TestBoxes.Martin);
                    issued.Add(token);
                    return Task.FromResult(token);
                });
            MssConnectionException e = await ThrowsAsync(async () => (await connection.ConnectSmtpAsync(cancellationToken).ConfigureAwait(false)).Dispose())
                .ConfigureAwait(false);
            Expect(e.Trust == expected, $"port {port}: {expected} expected, got {e.Trust}");
            Expect(tokens.Requests == asked && !issued.Exists(tokens.WasAsked), $"port {port}: no token reached the server");
        }

        Expect(tokens.CrlRequests > 0, "the client fetched the test PKI's CRLs from their distribution point");
    }

    // 5. A message to an unknown address of a served domain comes back as Postfix's own bounce, which
    //    NonDeliveryReports.TryRead reads (recipient, reason, status) (DEL-2, DEL-6).
    public async Task BounceAsync(CancellationToken cancellationToken)
    {
        MimeMessage sent = new MssMessageBuilder(TestBoxes.Martin)
            .To(TestBoxes.Unknown)
            .Subject("Demande de rendez-vous")
            .TextBody("Bonjour,\nPourriez-vous recevoir M. X la semaine prochaine ?\nDr Martin")
            .ProductReference(ProductReference)
            .Build();
        await SendAsync(Professional(TestBoxes.Martin), sent, cancellationToken).ConfigureAwait(false);
        MimeMessage bounce = await ReceiveAsync(TestBoxes.Martin,
            m => NonDeliveryReports.TryRead(m, out DeliveryReport? r) && r.OriginalMessageId == sent.MessageId, cancellationToken).ConfigureAwait(false);
        Expect(bounce.From.Mailboxes.Single().Address.StartsWith("MAILER-DAEMON@", StringComparison.OrdinalIgnoreCase),
            "the bounce comes from Postfix's MAILER-DAEMON, read " + bounce.From);
        Expect(NonDeliveryReports.TryRead(bounce, out DeliveryReport? report) && report is not null, "NonDeliveryReports.TryRead reads it");
        FailedRecipient failed = report!.Recipients.Single();
        Expect(string.Equals(failed.Address, TestBoxes.Unknown.ToString(), StringComparison.OrdinalIgnoreCase), "the failed recipient is the unknown address, read " + failed.Address);
        Expect(failed.Reason == NonDeliveryReason.AddressDoesNotExist, "the reason is AddressDoesNotExist, read " + failed.Reason);
        Expect(failed.Status == "5.1.1" && failed.IsPermanent, $"status 5.1.1, permanent; read {failed.Status}, {failed.IsPermanent}");
        Expect(report.ReportingMta?.Contains("mx.ch-test.mssante.fr", StringComparison.OrdinalIgnoreCase) == true, "Reporting-MTA is the operator, read " + report.ReportingMta);
        Expect(NonDeliveryReports.TryClassify(bounce, out NonDeliveryReason reason, out string? recipient)
            && reason == NonDeliveryReason.AddressDoesNotExist
            && string.Equals(recipient, TestBoxes.Unknown.ToString(), StringComparison.OrdinalIgnoreCase), "TryClassify agrees");
    }

    // 6. A read receipt made with ReadReceipts.Create travels back and ReadReceipts.TryRead links it (DEL-4).
    public async Task ReadReceiptAsync(CancellationToken cancellationToken)
    {
        MimeMessage sent = new MssMessageBuilder(TestBoxes.Martin)
            .To(TestBoxes.Durand)
            .Subject("Demande d'avis cardiologique")
            .TextBody("Cher confrère,\nPourriez-vous donner votre avis sur l'ECG ci-joint ?\nDr Martin")
            .ProductReference(ProductReference)
            .RequestReadReceipt()
            .Build();
        await SendAsync(Professional(TestBoxes.Martin), sent, cancellationToken).ConfigureAwait(false);
        MimeMessage received = await ReceiveAsync(TestBoxes.Durand, m => m.MessageId == sent.MessageId, cancellationToken).ConfigureAwait(false);
        Expect(received.Headers["Disposition-Notification-To"]?.Contains(TestBoxes.Martin.ToString(), StringComparison.OrdinalIgnoreCase) == true,
            "the read-receipt request travelled");

        MimeMessage receipt = ReadReceipts.Create(received, TestBoxes.Durand);
        await SendAsync(Professional(TestBoxes.Durand), receipt, cancellationToken).ConfigureAwait(false);
        MimeMessage back = await ReceiveAsync(TestBoxes.Martin,
            m => ReadReceipts.TryRead(m, out string? id, out _) && id == sent.MessageId, cancellationToken).ConfigureAwait(false);
        Expect(ReadReceipts.TryRead(back, out string? originalId, out MssAddress reader), "ReadReceipts.TryRead reads it");
        Expect(originalId == sent.MessageId, "it is linked to the message sent");
        Expect(reader == TestBoxes.Durand, "the reader is the recipient, read " + reader);
        Expect(!MssMessageReader.TryRead(back, out _), "the receipt is no message of the conversation");
    }

    // 7. An IHE_XDM.ZIP package (ANS's LDL-SES example) travels and is read back intact by XdmPackage.TryRead (REF2-1..4).
    public async Task XdmAsync(CancellationToken cancellationToken)
    {
        byte[] cda = await File.ReadAllBytesAsync(
            Path.Combine(server.Repository, "tests", "Mss.Core.Tests", "TestData", "Cda", "LDL-SES_2022.01.xml"), cancellationToken).ConfigureAwait(false);
        XdmPackage package = new XdmPackageBuilder(TestBoxes.FirstPatient, "1.2.250.1.213.1.4.10")
            .AddCda("LDL-SES_2022.01.xml", cda)
            .ContentType(new XdmCode("03", "1.2.250.1.213.2.2", "Hospitalisation complète (non compris hospitalisation de semaine)")) // JDV_J03: REF2-2 0.3 requires it
            .Build();
        MimeMessage sent = new MssMessageBuilder(TestBoxes.Martin)
            .To(FirstPatientBox)
            .Subject("Lettre de liaison de sortie")
            .TextBody("Bonjour,\nVous trouverez ci-joint votre lettre de liaison.\nLe service de cardiologie")
            .ProductReference(ProductReference)
            .AttachXdm(package)
            .Build();
        await SendAsync(Professional(TestBoxes.Martin), sent, cancellationToken).ConfigureAwait(false);
        MimeMessage received = await ReceiveAsync(FirstPatientBox, m => m.MessageId == sent.MessageId, cancellationToken).ConfigureAwait(false);

        byte[] zipSent = Attachment(sent, "IHE_XDM.ZIP");
        byte[] zipReceived = Attachment(received, "IHE_XDM.ZIP");
        Expect(zipReceived.AsSpan().SequenceEqual(zipSent), $"the archive arrived byte for byte ({zipReceived.Length} of {zipSent.Length} bytes)");
        using var stream = new MemoryStream(zipReceived);
        Expect(XdmPackage.TryRead(stream, out XdmPackage? read, out XdmError error) && error == XdmError.None && read is not null,
            "XdmPackage.TryRead reads the received archive: " + error);
        Expect(read!.Patient == TestBoxes.FirstPatient && read.HasQualifiedIns, "the archive's patient and qualified INS");
        Expect(read.Documents.Count == 1 && read.Documents[0].Content.AsSpan().SequenceEqual(cda) && read.Documents[0].Hash == package.Documents[0].Hash,
            "the CDA document is intact (content and SHA-1)");
        Expect(read.Metadata.AsSpan().SequenceEqual(package.Metadata), "METADATA.XML is intact");
        Expect(package.Findings.Count == 0 && read.Findings.Count == 0,
            "no CI-SIS finding on the package built or read (REF2-2 0.3): " + string.Join(" | ", read.Findings.Select(f => f.Attribute + ": " + f.Message)));
        Expect(received.Headers["X-MSS-CODECDA"] == "11490-0" && received.Headers["X-MSS-INS"] == "O", "X-MSS-CODECDA and X-MSS-INS travelled");
    }

    // 8. A message to two patients: one message per patient (BuildPerPatient, ADDR-7), each delivered to its own box
    //    and naming no other patient; the professional in copy gets both.
    public async Task PerPatientAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<MimeMessage> sent = new MssMessageBuilder(TestBoxes.Martin)
            .To(FirstPatientBox)
            .To(SecondPatientBox)
            .Cc(TestBoxes.Durand)
            .Subject("Rappel : vaccination contre la grippe")
            .TextBody("Bonjour,\nLa campagne de vaccination a commencé. Ce message n'attend pas de réponse.\nDr Martin")
            .ProductReference(ProductReference)
            .NoReply()
            .BuildPerPatient();
        Expect(sent.Count == 2, $"two messages built, got {sent.Count}");
        using (SmtpClient smtp = await Professional(TestBoxes.Martin).ConnectSmtpAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (MimeMessage message in sent)
            {
                await smtp.SendAsync(message, cancellationToken).ConfigureAwait(false);
            }

            await smtp.DisconnectAsync(true, cancellationToken).ConfigureAwait(false);
        }

        (MssAddress Box, InsMatricule Ins, InsMatricule Other)[] patients =
            [(FirstPatientBox, TestBoxes.FirstPatient, TestBoxes.SecondPatient), (SecondPatientBox, TestBoxes.SecondPatient, TestBoxes.FirstPatient)];
        for (int i = 0; i < patients.Length; i++)
        {
            (MssAddress box, InsMatricule ins, InsMatricule other) = patients[i];
            MimeMessage received = await ReceiveAsync(box, m => m.MessageId == sent[i].MessageId, cancellationToken).ConfigureAwait(false);
            IReadOnlyList<ReceivedMessage> events = MssMessageReader.ReadAll(received);
            Expect(events.Count == 1 && events[0].Patient == ins, $"patient {i + 1}: one conversation event, with this patient only");
            Expect(!Text(received).Contains(other.ToString(), StringComparison.Ordinal), $"patient {i + 1}: the other patient's INS appears nowhere");
            Expect(!await HoldsAsync(patients[1 - i].Box, sent[i].MessageId, cancellationToken).ConfigureAwait(false),
                $"patient {i + 1}'s message is not in the other patient's box");
            await ReceiveAsync(TestBoxes.Durand, m => m.MessageId == sent[i].MessageId, cancellationToken).ConfigureAwait(false);
        }
    }

    private MssConnection Professional(MssAddress box) =>
        Operator.WithAccessToken(box.ToString(), _ => Task.FromResult(tokens.Issue(box)));

    private static MimeMessage ApplicationMessage() => new MssMessageBuilder(TestBoxes.Application)
        .To(TestBoxes.Durand)
        .Subject("Compte rendu d'échocardiographie")
        .TextBody("Compte rendu déposé automatiquement par le logiciel du service de cardiologie.")
        .ProductReference(ProductReference)
        .AutoSubmitted(MailboxKind.Applicative)
        .Build();

    private static async Task SendAsync(MssConnection connection, MimeMessage message, CancellationToken cancellationToken)
    {
        using SmtpClient smtp = await connection.ConnectSmtpAsync(cancellationToken).ConfigureAwait(false);
        await smtp.SendAsync(message, cancellationToken).ConfigureAwait(false);
        await smtp.DisconnectAsync(true, cancellationToken).ConfigureAwait(false);
    }

    // The first message of the box's INBOX that matches, waiting for delivery (30 s at most, polled every 200 ms).
    private async Task<MimeMessage> ReceiveAsync(MssAddress box, Func<MimeMessage, bool> match, CancellationToken cancellationToken)
    {
        using ImapClient imap = await Professional(box).ConnectImapAsync(cancellationToken).ConfigureAwait(false);
        await imap.Inbox.OpenAsync(FolderAccess.ReadOnly, cancellationToken).ConfigureAwait(false);
        var seen = new HashSet<UniqueId>();
        var waited = Stopwatch.StartNew();
        while (true)
        {
            foreach (UniqueId uid in await imap.Inbox.SearchAsync(SearchQuery.All, cancellationToken).ConfigureAwait(false))
            {
                if (seen.Add(uid))
                {
                    MimeMessage message = await imap.Inbox.GetMessageAsync(uid, cancellationToken).ConfigureAwait(false);
                    if (match(message))
                    {
                        await imap.DisconnectAsync(true, cancellationToken).ConfigureAwait(false);
                        return message;
                    }
                }
            }

            if (waited.Elapsed > DeliveryTimeout)
            {
                throw new ScenarioFailure($"nothing awaited arrived in {box.ToString("M", null)}'s box within {DeliveryTimeout.TotalSeconds} s ({seen.Count} other messages)");
            }

            await Task.Delay(200, cancellationToken).ConfigureAwait(false);
            await imap.NoOpAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<bool> HoldsAsync(MssAddress box, string? messageId, CancellationToken cancellationToken)
    {
        using ImapClient imap = await Professional(box).ConnectImapAsync(cancellationToken).ConfigureAwait(false);
        await imap.Inbox.OpenAsync(FolderAccess.ReadOnly, cancellationToken).ConfigureAwait(false);
        foreach (UniqueId uid in await imap.Inbox.SearchAsync(SearchQuery.All, cancellationToken).ConfigureAwait(false))
        {
            if ((await imap.Inbox.GetMessageAsync(uid, cancellationToken).ConfigureAwait(false)).MessageId == messageId)
            {
                return true;
            }
        }

        await imap.DisconnectAsync(true, cancellationToken).ConfigureAwait(false);
        return false;
    }

    private static async Task<MssConnectionException> ThrowsAsync(Func<Task> connect)
    {
        try
        {
            await connect().ConfigureAwait(false);
        }
        catch (MssConnectionException e)
        {
            return e;
        }

        throw new ScenarioFailure("the connection succeeded; MssConnectionException expected");
    }

    private static string Received(MimeMessage message) =>
        string.Join(" | ", message.Headers.Where(h => h.Id == HeaderId.Received).Select(h => h.Value.ReplaceLineEndings(" ")));

    private static byte[] Attachment(MimeMessage message, string fileName)
    {
        MimePart part = message.Attachments.OfType<MimePart>().SingleOrDefault(p => p.FileName == fileName)
            ?? throw new ScenarioFailure($"no attachment {fileName}");
        using var bytes = new MemoryStream();
        (part.Content ?? throw new ScenarioFailure($"{fileName} is empty")).DecodeTo(bytes);
        return bytes.ToArray();
    }

    private static string Text(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
