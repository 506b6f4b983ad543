using System;
using System.Collections.Generic;
using System.Text;

namespace Mss.Core.Delivery;

/// <summary>
/// The French non-delivery texts (DEL-2, DEL-6), character for character, and their enhanced status codes: the one
/// table both the report writer and the report reader use.
/// </summary>
/// <remarks>
/// <para>
/// Each text reads <c>Le message que vous avez envoyé à l'adresse "{address}" n'a pas pu être distribué, car …</c> with
/// the address as sent, between straight double quotes. For a patient address (<c>patient.mssante.fr</c>) the first three
/// reasons give the exact texts of Mon espace santé (DEL-2, seed 001); a professional address gets texts that do not name
/// Mon espace santé (DEL-2, 0.2). The six reasons of DEL-6 have one French text each, the same for both kinds of address.
/// </para>
/// <para>
/// Status codes (decided here, RFC 3463): 5.1.1 does not exist, 5.2.1 closed, 5.1.3 invalid (0.1); 5.2.2 mailbox full,
/// 5.3.4 message too large, 5.1.2 domain not found, 5.7.1 refused, 5.4.7 expired, 5.0.0 other (0.2).
/// </para>
/// </remarks>
public static class NonDeliveryNotice
{
    private const string Prefix = "Le message que vous avez envoyé à l'adresse ";
    private const string Middle = " n'a pas pu être distribué, car ";

    /// <summary>The longest address looked for between the quotes (RFC 5321: 254, plus room for odd input).</summary>
    private const int MaxAddress = 512;

    // Indexed by NonDeliveryReason: the endings for a patient address (DEL-2 for the first three), without the final period.
    private static readonly string[] PatientEndings =
    {
        "cette adresse Mon espace santé n'existe pas",
        "la messagerie Mon espace santé de votre destinataire est clôturée",
        "cette adresse Mon espace santé est invalidé",
        "la boîte aux lettres de votre destinataire est pleine",
        "il dépasse la taille acceptée par le serveur de votre destinataire",
        "le domaine de cette adresse n'existe pas ou n'a pas de serveur de messagerie",
        "le serveur de votre destinataire l'a refusé",
        "le délai de distribution est dépassé",
        "une erreur est survenue lors de sa distribution",
    };

    // Indexed by NonDeliveryReason: the endings for a professional address; never "Mon espace santé" (DEL-2, 0.2).
    private static readonly string[] ProfessionalEndings =
    {
        "cette adresse n'existe pas",
        "la boîte aux lettres de votre destinataire est fermée",
        "cette adresse est invalide",
        "la boîte aux lettres de votre destinataire est pleine",
        "il dépasse la taille acceptée par le serveur de votre destinataire",
        "le domaine de cette adresse n'existe pas ou n'a pas de serveur de messagerie",
        "le serveur de votre destinataire l'a refusé",
        "le délai de distribution est dépassé",
        "une erreur est survenue lors de sa distribution",
    };

    // What TryFind recognises after "car ": every ending above, plus "invalide" for "invalidé" and the reverse (0.2).
    private static readonly (string Ending, NonDeliveryReason Reason)[] Recognised = BuildRecognised();

    private static readonly string[] StatusCodes = { "5.1.1", "5.2.1", "5.1.3", "5.2.2", "5.3.4", "5.1.2", "5.7.1", "5.4.7", "5.0.0" };

    /// <summary>
    /// The French text the sender receives when a message to <paramref name="address"/> is not delivered (DEL-2): the
    /// exact text of Mon espace santé when the address is on <c>patient.mssante.fr</c> (compared ignoring case, whatever
    /// its local part: an invalid INS is the "invalidé" case), otherwise the professional text, which does not name Mon
    /// espace santé.
    /// </summary>
    /// <param name="reason">Why the message was not delivered.</param>
    /// <param name="address">The recipient address as sent, written as is between straight double quotes.</param>
    /// <returns>The text, ending with a period.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="address"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reason"/> is not a defined reason.</exception>
    public static string Text(NonDeliveryReason reason, string address)
    {
        if (address is null)
        {
            throw new ArgumentNullException(nameof(address));
        }

        int index = Index(reason);
        return Compose(IsPatientDomain(address) ? PatientEndings[index] : ProfessionalEndings[index], address);
    }

    /// <summary>
    /// The French text the sender receives when a message to <paramref name="recipient"/> is not delivered (DEL-2,
    /// DEL-6): for a patient address the exact text of Mon espace santé for the first three reasons; for a professional
    /// address a text that does not name Mon espace santé; a French text for every reason.
    /// </summary>
    /// <param name="reason">Why the message was not delivered.</param>
    /// <param name="recipient">The recipient; its canonical text goes between the quotes.</param>
    /// <returns>The text, ending with a period.</returns>
    /// <exception cref="ArgumentException"><paramref name="recipient"/> is <c>default</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reason"/> is not a defined reason.</exception>
    public static string Text(NonDeliveryReason reason, MssAddress recipient)
    {
        if (recipient.IsDefault)
        {
            throw new ArgumentException("The recipient must be an MSSanté address, not default(MssAddress).", nameof(recipient));
        }

        int index = Index(reason);
        return Compose(recipient.IsPatient ? PatientEndings[index] : ProfessionalEndings[index], recipient.ToString());
    }

    /// <summary>
    /// The enhanced status code (RFC 3463) that goes with <paramref name="reason"/> in a delivery status notification
    /// (DEL-2, DEL-6; decided here): <c>5.1.1</c> the address does not exist, <c>5.2.1</c> the mailbox is closed,
    /// <c>5.1.3</c> the address is invalid, <c>5.2.2</c> mailbox full, <c>5.3.4</c> message too large, <c>5.1.2</c> domain
    /// not found, <c>5.7.1</c> refused, <c>5.4.7</c> expired, <c>5.0.0</c> other.
    /// </summary>
    /// <param name="reason">The reason.</param>
    /// <returns>The status code, <c>class.subject.detail</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reason"/> is not a defined reason.</exception>
    public static string StatusCode(NonDeliveryReason reason) => StatusCodes[Index(reason)];

    /// <summary>
    /// The reason an enhanced status code stands for: the exact reverse of <see cref="StatusCode"/> for the eight reasons
    /// that have a code of their own. <c>5.0.0</c> (the code of <see cref="NonDeliveryReason.Other"/>) says nothing
    /// specific and is not recognised, nor is any other code: reading real reports, which use many more codes,
    /// is the work of <c>NonDeliveryReports.TryRead</c>. A trailing comment (<c>5.1.1 (bad mailbox)</c>) is ignored.
    /// Never throws.
    /// </summary>
    /// <param name="status">A DSN <c>Status</c> value, possibly null.</param>
    /// <param name="reason">The reason, or <c>default</c> when not recognised.</param>
    /// <returns>True when the code is one of the eight.</returns>
    public static bool TryFromStatusCode(string? status, out NonDeliveryReason reason)
    {
        string code = FirstToken(status);
        int index = Array.IndexOf(StatusCodes, code);
        if (index < 0 || index == (int)NonDeliveryReason.Other)
        {
            reason = default;
            return false;
        }

        reason = (NonDeliveryReason)index;
        return true;
    }

    /// <summary>
    /// Finds a non-delivery text of this table in <paramref name="text"/> (for instance the human-readable part of a
    /// bounce) and says which reason and address it gives. The French text decides the reason of a bounce (DEL-2). The
    /// search tolerates what mail software does to a long sentence: line breaks and runs of white space (read as one
    /// space), decomposed accents, typographic apostrophes, a missing final period; the address may stand between
    /// <c>"…"</c>, <c>« … »</c>, <c>“…”</c> or <c>'…'</c> (<c>‘…’</c>), and <c>invalide</c> is read as <c>invalidé</c>
    /// (DEL-2, 0.2). The first text found wins. Time is linear in the length of the text. Never throws.
    /// </summary>
    /// <param name="text">Any text, possibly null.</param>
    /// <param name="reason">The reason, or <c>default</c> when none is found.</param>
    /// <param name="address">The address between the quotes, trimmed; null when none is found.</param>
    /// <returns>True when a text was found.</returns>
    public static bool TryFind(string? text, out NonDeliveryReason reason, out string? address)
    {
        reason = default;
        address = null;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        List<(NonDeliveryReason Reason, string Address)> found = FindAll(text!, 1);
        if (found.Count == 0)
        {
            return false;
        }

        (reason, address) = found[0];
        return true;
    }

    /// <summary>Every text of the table in <paramref name="text"/>, in order, at most <paramref name="max"/>; linear time.</summary>
    internal static List<(NonDeliveryReason Reason, string Address)> FindAll(string text, int max)
    {
        var found = new List<(NonDeliveryReason, string)>();
        // Stryker disable once Block : a fast exit; without it the search below finds no prefix either
        if (text.IndexOf("adresse", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return found; // the cheap common case: no French text at all
        }

        string normalised = Normalise(text);
        int start = 0;
        while (found.Count < max)
        {
            int prefix = normalised.IndexOf(Prefix, start, StringComparison.Ordinal);
            if (prefix < 0)
            {
                break;
            }

            int open = prefix + Prefix.Length;
            start = open; // every candidate moves the search forward: each character is looked at a bounded number of times
            if (open >= normalised.Length || normalised[open] is not ('"' or '\''))
            {
                continue;
            }

            char quote = normalised[open];
            int last = Math.Min(normalised.Length - 1, open + 1 + MaxAddress); // the closing quote after MaxAddress characters
            int close = -1;
            for (int i = open + 1; i <= last; i++)
            {
                char c = normalised[i];
                if (c == quote && string.CompareOrdinal(normalised, i + 1, Middle, 0, Middle.Length) == 0)
                {
                    close = i;
                    break;
                }

                if (c == '"')
                {
                    break; // no double quote inside an address as sent
                }
            }

            // Stryker disable once Equality : close is -1 or after open, never 0
            if (close < 0)
            {
                continue;
            }

            int endingStart = close + 1 + Middle.Length;
            foreach ((string ending, NonDeliveryReason r) in Recognised)
            {
                if (string.CompareOrdinal(normalised, endingStart, ending, 0, ending.Length) == 0)
                {
                    found.Add((r, normalised.Substring(open + 1, close - open - 1).Trim()));
                    // Stryker disable once Arithmetic : the next prefix is after this ending either way
                    start = endingStart + ending.Length;
                    // Stryker disable once Statement : no ending starts another one
                    break;
                }
            }
        }

        return found;
    }

    private static (string, NonDeliveryReason)[] BuildRecognised()
    {
        var list = new List<(string, NonDeliveryReason)>();
        for (int i = 0; i < PatientEndings.Length; i++)
        {
            list.Add((PatientEndings[i], (NonDeliveryReason)i));
            if (ProfessionalEndings[i] != PatientEndings[i])
            {
                list.Add((ProfessionalEndings[i], (NonDeliveryReason)i));
            }
        }

        list.Add(("cette adresse Mon espace santé est invalide", NonDeliveryReason.AddressInvalid));
        list.Add(("cette adresse est invalidé", NonDeliveryReason.AddressInvalid));

        // Longest first, so that no ending is taken for a shorter one it starts with.
        list.Sort((a, b) => b.Item1.Length.CompareTo(a.Item1.Length));
        return list.ToArray();
    }

    private static string Compose(string ending, string address) => Prefix + "\"" + address + "\"" + Middle + ending + ".";

    private static bool IsPatientDomain(string address)
    {
        int at = address.LastIndexOf('@');
        return at >= 0 && string.Equals(address.Substring(at + 1), MssAddress.PatientDomain, StringComparison.OrdinalIgnoreCase);
    }

    private static int Index(NonDeliveryReason reason) =>
        reason is >= NonDeliveryReason.AddressDoesNotExist and <= NonDeliveryReason.Other
            ? (int)reason
            : throw new ArgumentOutOfRangeException(nameof(reason), reason, "Not a non-delivery reason (DEL-2, DEL-6).");

    /// <summary>
    /// NFC; typographic apostrophes made straight; “ ” « » (with the spaces French puts inside guillemets) made straight
    /// double quotes; every run of white space one space. One pass after NFC: linear.
    /// </summary>
    private static string Normalise(string text)
    {
        string composed;
        try
        {
            composed = text.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            composed = text; // ill-formed UTF-16 (a lone surrogate): search the text as it is
        }

        var builder = new StringBuilder(composed.Length);
        // A space before the first character is harmless (the text is only searched): so is either start state.
        // Stryker disable once Boolean : equivalent (above)
        bool space = false;
        // Stryker disable once Boolean : equivalent (above)
        bool afterGuillemet = false;
        foreach (char c in composed)
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            char mapped = c switch
            {
                '\u2019' or '\u2018' or '\u02BC' => '\'',
                '\u201C' or '\u201D' or '\u201E' or '\u00AB' or '\u00BB' => '"',
                _ => c,
            };

            // Guillemets take a (non-breaking) space inside: « x » reads as "x".
            if (space && !afterGuillemet && c != '\u00BB')
            {
                builder.Append(' ');
            }

            space = false;
            afterGuillemet = c == '\u00AB';
            builder.Append(mapped);
        }

        return builder.ToString();
    }

    private static string FirstToken(string? value)
    {
        if (value is null)
        {
            // Stryker disable once String : any text that is not a status code reads the same
            return string.Empty;
        }

        string trimmed = value.Trim();
        int end = 0;
        while (end < trimmed.Length && !char.IsWhiteSpace(trimmed[end]) && trimmed[end] != '(' && trimmed[end] != ';')
        {
            end++;
        }

        return trimmed.Substring(0, end);
    }
}
