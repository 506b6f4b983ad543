using System;
using System.Text;

namespace Mss.Core.Delivery;

/// <summary>
/// The French non-delivery texts of Mon espace santé (DEL-2, seed 001), character for character, and their enhanced
/// status codes: the one table both the report writer and the report reader use.
/// </summary>
/// <remarks>
/// Each text reads <c>Le message que vous avez envoyé à l'adresse "{address}" n'a pas pu être distribué, car …</c> with
/// the address as sent, between straight double quotes. The status codes are the product's choice (decided here) for
/// the machine-readable part of a report: 5.1.1 (does not exist), 5.2.1 (closed), 5.1.3 (invalid).
/// </remarks>
public static class NonDeliveryNotice
{
    private const string Prefix = "Le message que vous avez envoyé à l'adresse \"";
    private const string Middle = "\" n'a pas pu être distribué, car ";

    // Indexed by NonDeliveryReason; the endings of DEL-2 without their final period.
    private static readonly string[] Endings =
    {
        "cette adresse Mon espace santé n'existe pas",
        "la messagerie Mon espace santé de votre destinataire est clôturée",
        "cette adresse Mon espace santé est invalidé",
    };

    private static readonly string[] StatusCodes = { "5.1.1", "5.2.1", "5.1.3" };

    /// <summary>The exact French text the platform sends when a message to <paramref name="address"/> is not delivered (DEL-2).</summary>
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

        return Prefix + address + Middle + Endings[Index(reason)] + ".";
    }

    /// <summary>
    /// The enhanced status code (RFC 3463) that goes with <paramref name="reason"/> in a delivery status notification
    /// (DEL-2; decided here): <c>5.1.1</c> the address does not exist, <c>5.2.1</c> the mailbox is closed, <c>5.1.3</c>
    /// the address is invalid.
    /// </summary>
    /// <param name="reason">The reason.</param>
    /// <returns>The status code, <c>class.subject.detail</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reason"/> is not a defined reason.</exception>
    public static string StatusCode(NonDeliveryReason reason) => StatusCodes[Index(reason)];

    /// <summary>
    /// The reason an enhanced status code stands for, the reverse of <see cref="StatusCode"/> (the fallback of DEL-2 when
    /// a report carries no French text). Only the three codes of <see cref="StatusCode"/> are recognised; a trailing
    /// comment (<c>5.1.1 (bad mailbox)</c>) is ignored. Never throws.
    /// </summary>
    /// <param name="status">A DSN <c>Status</c> value, possibly null.</param>
    /// <param name="reason">The reason, or <c>default</c> when not recognised.</param>
    /// <returns>True when the code is one of the three.</returns>
    public static bool TryFromStatusCode(string? status, out NonDeliveryReason reason)
    {
        string code = FirstToken(status);
        int index = Array.IndexOf(StatusCodes, code);
        reason = index < 0 ? default : (NonDeliveryReason)index;
        return index >= 0;
    }

    /// <summary>
    /// Finds a DEL-2 text in <paramref name="text"/> (for instance the human-readable part of a bounce) and says which
    /// reason and address it gives. The French text decides the reason of a bounce (DEL-2). The search tolerates what
    /// mail software does to a long sentence: line breaks and runs of white space (read as one space), decomposed
    /// accents, typographic apostrophes and double quotes, a missing final period. The first text found wins. Never throws.
    /// </summary>
    /// <param name="text">Any text, possibly null.</param>
    /// <param name="reason">The reason, or <c>default</c> when none is found.</param>
    /// <param name="address">The address between the quotes, trimmed; null when none is found.</param>
    /// <returns>True when a DEL-2 text was found.</returns>
    public static bool TryFind(string? text, out NonDeliveryReason reason, out string? address)
    {
        reason = default;
        address = null;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        string normalised = Normalise(text!);
        int start = 0;
        while (true)
        {
            int prefix = normalised.IndexOf(Prefix, start, StringComparison.Ordinal);
            if (prefix < 0)
            {
                return false;
            }

            int addressStart = prefix + Prefix.Length;
            int middle = normalised.IndexOf(Middle, addressStart, StringComparison.Ordinal);
            if (middle < 0)
            {
                return false;
            }

            int endingStart = middle + Middle.Length;
            for (int i = 0; i < Endings.Length; i++)
            {
                if (string.CompareOrdinal(normalised, endingStart, Endings[i], 0, Endings[i].Length) == 0)
                {
                    reason = (NonDeliveryReason)i;
                    address = normalised.Substring(addressStart, middle - addressStart).Trim();
                    return true;
                }
            }

            start = addressStart;
        }
    }

    private static int Index(NonDeliveryReason reason) =>
        reason is >= NonDeliveryReason.AddressDoesNotExist and <= NonDeliveryReason.AddressInvalid
            ? (int)reason
            : throw new ArgumentOutOfRangeException(nameof(reason), reason, "Not a non-delivery reason (DEL-2).");

    /// <summary>NFC, typographic apostrophes and quotes made straight, every run of white space one space.</summary>
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
        bool space = false;
        foreach (char c in composed)
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space && builder.Length > 0)
            {
                builder.Append(' ');
            }

            space = false;
            builder.Append(c switch
            {
                '\u2019' or '\u2018' => '\'',
                '\u201C' or '\u201D' => '"',
                _ => c,
            });
        }

        return builder.ToString();
    }

    private static string FirstToken(string? value)
    {
        if (value is null)
        {
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
