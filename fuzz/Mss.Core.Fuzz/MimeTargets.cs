using MimeKit;
using Mss.Core.Delivery;
using Mss.Core.Mime;

namespace Mss.Core.Fuzz;

/// <summary>
/// The MIME readers (DEL-2, DEL-4, CONV-8) on messages MimeKit parses from the input. An input MimeKit itself refuses
/// is not a finding; a reader that throws, or answers differently when asked twice, is.
/// </summary>
internal static class MimeTargets
{
    public static readonly string[] Tokens =
    [
        "\r\n", "\r\n\r\n", ": ", "From: ", "To: ", "Cc: ", "Subject: ", "Date: Mon, 30 Nov 2026 10:00:00 +0100\r\n",
        "Message-Id: <a@b>\r\n", "In-Reply-To: <a@b>\r\n", "References: <a@b> <c@d>\r\n", "X-MSS-MES: FIN\r\n",
        "Disposition-Notification-To: ", "MIME-Version: 1.0\r\n",
        "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\r\n",
        "Content-Type: multipart/report; report-type=disposition-notification; boundary=\"b\"\r\n",
        "Content-Type: multipart/mixed; boundary=\"b\"\r\n", "Content-Type: message/delivery-status\r\n",
        "Content-Type: message/disposition-notification\r\n", "Content-Type: text/plain; charset=utf-8\r\n",
        "\r\n--b\r\n", "\r\n--b--\r\n", "Final-Recipient: rfc822; ", "Original-Recipient: rfc822; ", "Action: failed\r\n",
        "Status: 5.1.1\r\n", "Diagnostic-Code: smtp; 550\r\n", "Disposition: manual-action/MDN-sent-manually; displayed\r\n",
        "Original-Message-ID: <a@b>\r\n", "Reporting-MTA: dns; mx.mssante.fr\r\n", "279035121518989@patient.mssante.fr",
        "dr.durand@ch-lemans.mssante.fr", "MAILER-DAEMON@patient.mssante.fr", "[FIN]",
        "Le message que vous avez envoyé à l'adresse \"", "\" n'a pas pu être distribué, car cette adresse Mon espace santé n'existe pas.",
        "=?utf-8?q?", "?=", "Content-Transfer-Encoding: base64\r\n", "Content-Transfer-Encoding: quoted-printable\r\n",
    ];

    /// <summary>NonDeliveryReports.TryClassify (DEL-2): never throws; the same answer twice.</summary>
    public static void Classify(ReadOnlySpan<byte> data)
    {
        if (Load(data) is not { } message)
        {
            return;
        }

        bool found = NonDeliveryReports.TryClassify(message, out NonDeliveryReason reason, out string? recipient);
        bool again = NonDeliveryReports.TryClassify(message, out NonDeliveryReason reason2, out string? recipient2);
        Contract.That(found == again && reason == reason2 && recipient == recipient2, "TryClassify answers the same twice");
        if (found)
        {
            Contract.That(Enum.IsDefined(reason), "TryClassify gives a defined reason");
        }
    }

    /// <summary>
    /// NonDeliveryReports.TryRead (DEL-6): never throws; every recipient has an address, a defined reason, and a
    /// permanent failure whenever TryClassify finds one (TryClassify is its thin wrapper).
    /// </summary>
    public static void Read(ReadOnlySpan<byte> data)
    {
        if (Load(data) is not { } message)
        {
            return;
        }

        bool found = NonDeliveryReports.TryRead(message, out DeliveryReport? report);
        bool classified = NonDeliveryReports.TryClassify(message, out _, out string? recipient);
        if (found)
        {
            Contract.That(report!.Recipients.Count > 0, "a report names at least one recipient");
            foreach (FailedRecipient failed in report.Recipients)
            {
                Contract.That(!string.IsNullOrEmpty(failed.Address), "every recipient has an address");
                Contract.That(Enum.IsDefined(failed.Reason), "every recipient has a defined reason");
            }
        }

        if (classified)
        {
            Contract.That(found && report!.Recipients.Any(r => r.IsPermanent && r.Address == recipient), "TryClassify = TryRead's first permanent failure");
        }
    }

    /// <summary>ReadReceipts.TryRead (DEL-4): never throws; the same answer twice.</summary>
    public static void ReadReceipt(ReadOnlySpan<byte> data)
    {
        if (Load(data) is not { } message)
        {
            return;
        }

        bool found = ReadReceipts.TryRead(message, out string? id, out MssAddress reader);
        bool again = ReadReceipts.TryRead(message, out string? id2, out MssAddress reader2);
        Contract.That(found == again && id == id2 && reader == reader2, "TryRead answers the same twice");
        if (found)
        {
            Contract.That(!reader.Equals(default(MssAddress)), "a read receipt names its reader");
        }
    }

    /// <summary>MssMessageReader (CONV-8): never throws; TryRead = ReadAll's first; one event per (patient, actor); no clear INS in ToString.</summary>
    public static void Reader(ReadOnlySpan<byte> data)
    {
        if (Load(data) is not { } message)
        {
            return;
        }

        IReadOnlyList<ReceivedMessage> all = MssMessageReader.ReadAll(message);
        bool read = MssMessageReader.TryRead(message, out ReceivedMessage first);
        Contract.Equal(all.Count > 0, read, "TryRead succeeds exactly when ReadAll finds an event");
        Contract.That(!read || first == all[0], "TryRead gives ReadAll's first event");
        Contract.Equal(all.Count, all.Distinct().Count(), "ReadAll gives each event once");
        foreach (ReceivedMessage received in all)
        {
            Contract.That(!received.Patient.IsDefault, "each event names its patient");
            Contract.That(!received.Actor.IsPatient, "the actor is never a patient address");
            Contract.NoClearIns(received.ToString(), received.Patient.ToString(), "ReceivedMessage.ToString()");
        }
    }

    /// <summary>The input as a message, or null when MimeKit refuses it (its own exceptions are not the library's).</summary>
    private static MimeMessage? Load(ReadOnlySpan<byte> data)
    {
        try
        {
            return MimeMessage.Load(new MemoryStream(data.ToArray(), writable: false));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
