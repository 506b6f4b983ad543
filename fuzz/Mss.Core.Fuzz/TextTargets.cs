using Mss.Core.Conversations;
using Mss.Core.Delivery;

namespace Mss.Core.Fuzz;

/// <summary>Text scanners: the MSSanté domain check, recipients lists, the [FIN] subject, the DEL-2 bounce texts.</summary>
internal static class TextTargets
{
    public static readonly string[] DomainTokens = AddressTargets.Tokens;

    public static readonly string[] SubjectTokens =
    [
        "[FIN]", "[fin]", "FIN", "RE: ", "TR: ", "Fwd: ", "FW: ", " ", "\u00A0", "\u200B", "\uFEFF", "\uFF3B", "\uFF3D",
        "[", "]", "(FIN)", "Cc: ", "Retour ", "merci", "\t", "\r\n ",
    ];

    public static readonly string[] NoticeTokens =
    [
        "Le message que vous avez envoyé à l'adresse \"", "\" n'a pas pu être distribué, car ",
        "cette adresse Mon espace santé n'existe pas.", "la messagerie Mon espace santé de votre destinataire est clôturée.",
        "cette adresse Mon espace santé est invalidé.", "invalide", "«\u00A0", "\u00A0»", "“", "”", "'", "\u2019",
        "e\u0301", "\r\n", "  ", "279035121518989@patient.mssante.fr",
    ];

    /// <summary>MssDomain (ADDR-1, ADDR-3): Mssante exactly when an address on the domain is valid (domains up to 252 characters).</summary>
    public static void Domain(ReadOnlySpan<byte> data)
    {
        string domain = FuzzInput.Text(data);
        DomainVerdict verdict = MssDomain.Classify(domain.AsSpan());
        Contract.That(Enum.IsDefined(verdict) && verdict != DomainVerdict.None, "Classify gives a defined verdict");
        Contract.Equal(verdict == DomainVerdict.Mssante, MssDomain.IsTrusted(domain.AsSpan()), "IsTrusted = (Classify is Mssante)");
        if (!domain.Contains('@', StringComparison.Ordinal))
        {
            Contract.Equal(verdict, MssDomain.ClassifyAddress(("a@" + domain).AsSpan()), "ClassifyAddress reads the text after the last '@'");
        }

        if (domain.Length <= 252 && !domain.Contains('@', StringComparison.Ordinal))
        {
            string local = domain.Equals("patient.mssante.fr", StringComparison.OrdinalIgnoreCase) ? "279035121518989" : "a";
            string address = local + "@" + domain;
            if (address.Length <= MssAddress.MaxLength)
            {
                Contract.Equal(verdict == DomainVerdict.Mssante, MssAddress.Validate(address.AsSpan()) == AddressError.None, "Classify is Mssante exactly when an address on the domain is valid");
            }
        }
    }

    /// <summary>
    /// MssRecipients.Check (ADDR-1, ADDR-4, ADDR-5): one verdict per line, in order, each the address parser's; an address
    /// repeated in any case is accepted once and its repetitions are listed as duplicates (ADDR-1, 0.2).
    /// </summary>
    public static void Recipients(ReadOnlySpan<byte> data)
    {
        string[] lines = FuzzInput.Lines(data);
        RecipientsReport report = MssRecipients.Check(lines);
        Contract.Equal(lines.Length, report.RecipientCount + report.Duplicates.Count, "one verdict per recipient (accepted, refused or duplicate)");
        var seen = new HashSet<MssAddress>();
        int accepted = 0;
        int refusedCount = 0;
        int duplicates = 0;
        for (int i = 0; i < lines.Length; i++)
        {
            AddressError error = MssAddress.Validate(lines[i].AsSpan());
            if (error == AddressError.None)
            {
                Contract.That(MssAddress.TryParse(lines[i], out MssAddress address), "Validate None parses");
                if (seen.Add(address))
                {
                    Contract.That(report.Accepted[accepted] == address, "accepted in order, as parsed, each once");
                    accepted++;
                }
                else
                {
                    Contract.Equal(i, report.Duplicates[duplicates], "a repeated address is a duplicate at its position");
                    duplicates++;
                }
            }
            else
            {
                RefusedRecipient refused = report.Refused[refusedCount];
                Contract.Equal(i, refused.Index, "refused recipients keep their index");
                Contract.Equal(error, refused.Error, "refused with the parser's error");
                refusedCount++;
            }

            if (MssAddress.TryParse(lines[i], out MssAddress parsed) && parsed.TryGetIns(out InsMatricule ins))
            {
                Contract.NoClearIns(report.ToString(), ins.ToString(), "RecipientsReport.ToString()");
            }
        }

        Contract.Equal(report.Accepted.Count, accepted, "every valid address accepted");
        foreach (RefusedRecipient refused in report.Refused)
        {
            _ = refused.ToString();
        }
    }

    /// <summary>ClosingSubject (CONV-3): never throws; Diagnose calls a subject closing exactly when IsClosing does.</summary>
    public static void Subject(ReadOnlySpan<byte> data)
    {
        string subject = FuzzInput.Text(data);
        bool closing = ClosingSubject.IsClosing(subject);
        SubjectVerdict verdict = ClosingSubject.Diagnose(subject);
        Contract.Equal(closing, verdict.IsClosing, "Diagnose(s).IsClosing = IsClosing(s)");
        Contract.That(!(verdict.IsClosing && verdict.IsNearMiss), "a closing subject is no near miss");
        Contract.That(!closing || subject.Trim() == ClosingSubject.Value, "only [FIN] (white space around it aside) closes");
        if (subject == ClosingSubject.Value)
        {
            Contract.That(closing, "[FIN] closes");
        }

        if (verdict.IsNearMiss)
        {
            Contract.That(verdict.ToFrenchWarning().Length > 0, "a near miss has a French warning");
        }

        Contract.Equal(closing, ConversationRules.IsClosing(Author.HealthActor, subject), "an actor's [FIN] closes, as IsClosing says");
        Contract.That(!ConversationRules.IsClosing(Author.Patient, subject), "a patient never closes (CONV-8)");
    }

    /// <summary>NonDeliveryNotice.TryFind (DEL-2) and TryFromStatusCode: never throw; what is found is in the text.</summary>
    public static void Notice(ReadOnlySpan<byte> data)
    {
        string text = FuzzInput.Text(data);
        if (NonDeliveryNotice.TryFind(text, out NonDeliveryReason reason, out string? address))
        {
            Contract.That(Enum.IsDefined(reason), "TryFind gives a defined reason");
            Contract.That(address is not null, "TryFind gives the address when it finds a text");
        }
        else
        {
            Contract.That(address is null && reason == default, "TryFind gives nothing when it finds nothing");
        }

        if (NonDeliveryNotice.TryFromStatusCode(text, out NonDeliveryReason fromCode))
        {
            Contract.That(Enum.IsDefined(fromCode), "TryFromStatusCode gives a defined reason");
        }
    }
}
