// What a vendor's first lines look like, compiled against the PACKED Mss.Core for each target framework (issue 15).
// Expected values are written out by hand (from the README's tour), never computed by Mss.Core.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MimeKit;
using Mss.Core;
using Mss.Core.Conversations;
using Mss.Core.Mime;
using NodaTime;

namespace Mss.Core.Consumers;

/// <summary>A few calls through the public API, each checked against a hand-written expectation.</summary>
public static class ConsumerChecks
{
    /// <summary>Runs the checks; returns what went wrong (empty when all is well).</summary>
    public static IReadOnlyList<string> Run()
    {
        var problems = new List<string>();
        void Expect<T>(string what, T actual, T expected)
        {
            if (!EqualityComparer<T>.Default.Equals(actual, expected))
            {
                problems.Add($"{what}: expected {expected}, got {actual}");
            }
        }

        // INS-6: as typed from a Carte Vitale; INS-8: masked for logs.
        InsMatricule ins = InsMatricule.Parse("1 85 05 2a 123 456 33", InsStyles.Lenient);
        Expect("INS", ins.ToString(), "185052A12345633");
        Expect("masked INS", ins.ToMaskedString(), "185052A********");
        Expect("sex", ins.Sex, Sex.Male);
        Expect("department", ins.BirthDepartment, "2A");
        Expect("wrong key refused", InsMatricule.Validate("185052A12345634".AsSpan()), InsError.Key);

        // ADDR-2 and ADDR-1.
        MssAddress patient = MssAddress.ForPatient(ins);
        Expect("patient address", patient.ToString(), "185052A12345633@patient.mssante.fr");
        Expect("is patient", patient.IsPatient, true);
        Expect("look-alike domain", MssAddress.Validate("x@mssante.fr.evil.com".AsSpan()), AddressError.NotMssante);
        Expect("parse", MssAddress.TryParse("dr.durand@ch-lemans.mssante.fr", out MssAddress doctor), true);

        // CONV-1: a patient cannot start a conversation with a health actor.
        Conversation conversation = Conversation.Start(Counterpart.HealthActor);
        Expect("patient starts", conversation.TryApply(Author.Patient, "Bonjour", out _, out ConversationDenial denial), false);
        Expect("denial", denial, ConversationDenial.PatientCannotStart);

        // DEL-5 through MimeKit: the builder sets Date and Message-Id; the message writes out as MIME.
        var clock = new FixedClock(Instant.FromUtc(2026, 1, 15, 9, 30));
        MimeMessage message = new MssMessageBuilder(doctor, clock)
            .To(patient)
            .Subject("Compte rendu")
            .TextBody("Votre compte rendu est disponible.")
            .Build();
        Expect("Date", message.Date.UtcDateTime, new DateTime(2026, 1, 15, 9, 30, 0, DateTimeKind.Utc));
        Expect("Message-Id set", string.IsNullOrEmpty(message.MessageId), false);
        Expect("To", message.To.Mailboxes.Single().Address, "185052A12345633@patient.mssante.fr");
        using (var stream = new MemoryStream())
        {
            message.WriteTo(stream);
            Expect("MIME written", stream.Length > 0, true);
        }

        return problems;
    }

    private sealed class FixedClock : IClock
    {
        private readonly Instant _now;

        public FixedClock(Instant now) => _now = now;

        public Instant GetCurrentInstant() => _now;
    }
}
