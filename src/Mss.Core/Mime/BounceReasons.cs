using System;
using Mss.Core.Delivery;

namespace Mss.Core.Mime;

/// <summary>
/// The rules that turn what a server wrote into a <see cref="NonDeliveryReason"/> (DEL-6): the words of its text, its
/// enhanced status codes (RFC 3463), its SMTP reply codes (RFC 5321). Pure functions over tables; each search is
/// linear in the (capped) length of the text.
/// </summary>
internal static class BounceReasons
{
    /// <summary>How much of a text the word tables look at (decided here: a server's reason is in its first lines).</summary>
    internal const int MaxClassified = 16 * 1024;

    /// <summary>How much of the words of a text <see cref="FromWords"/> reads (a server says its reason early).</summary>
    internal const int MaxWords = 4 * 1024;

    // Checked in this order; the first group with a phrase in the text wins. Specific reasons come before the generic
    // refusal words, so "Recipient address rejected: User unknown" is an unknown user, not a refusal.
    private static readonly (NonDeliveryReason Reason, string[] Phrases)[] Words =
    {
        // Refusals of the sender or of the sending host (issue 27): they decide even when the text also names the recipient.
        (NonDeliveryReason.Refused, new[]
        {
            "sender address rejected", "sender verify failed", "domain of sender address", "client host rejected",
            "mismatches client ip", "use the smtp server of your isp", "not have permission to post", "pas autorisé à lui envoyer",
        }),
        (NonDeliveryReason.MailboxFull, new[]
        {
            "mailbox full", "mailbox is full", "mailbox has exceeded", "mailbox size limit", "over quota", "overquota", "over its quota",
            "over their quota", "over the quota", "quota exceeded", "exceeded quota", "exceeds quota", "exceeded storage", "quota exceed",
            "disk quota", "full mailbox", "mail box full", "mailbox exceeds", "mailfolder is full", "out of storage", "user is over",
            "insufficient storage", "boîte pleine", "boite pleine", "storage limit", "quota",
        }),
        (NonDeliveryReason.MessageTooLarge, new[]
        {
            "message too large", "message too big", "message is too large", "message is too big", "message size exceeds",
            "exceeds size limit", "size limit", "message length exceeds", "mesg too big", "message file too big", "maximum message size",
            "exceeds the maximum", "exceeded the maximum size", "too large", "too big", "size exceeds", "message exceeds",
        }),
        (NonDeliveryReason.DomainNotFound, new[]
        {
            "host or domain name not found", "domain not found", "no such domain", "domain does not exist", "domain doesn't exist",
            "unknown domain", "host not found", "host unknown", "unknown host", "name service error", "nxdomain", "no mx record",
            "no mx for", "mx record", "unable to resolve", "could not resolve", "couldn't resolve", "dns error", "domain name not found",
            "non-existent domain", "nonexistent domain", "unrouteable", "unroutable", "no route to domain", "domain is not valid",
            "not a valid domain", "unknown mail domain", "null mx", "domain is not reachable",
        }),
        (NonDeliveryReason.AddressDoesNotExist, new[]
        {
            "user unknown", "unknown user", "no such user", "no such mailbox", "no such recipient", "no such account", "no such person",
            "does not exist", "doesn't exist", "not exist", "recipient not found", "recipientnotfound", "recipnotfound", "recipient unknown",
            "unknown recipient", "invalid recipient", "recipient invalid", "invalid mailbox", "mailbox not found", "address not found",
            "address unknown", "unknown address", "couldn't be found", "could not be found", "not listed in", "unknown local part",
            "user not found", "bad destination mailbox", "no mailbox", "mailbox unavailable", "mailbox not available", "unknown or illegal alias",
            "no longer valid", "no longer available", "not a valid mailbox", "invalid address", "address is not valid", "has moved",
            "user doesn't have", "user does not have", "name is not recognized", "recipient not recognized", "invalid final delivery",
            "invalid userid", "destinataire inconnu", "adresse inconnue",
            "unknown account", "account unknown", "not our customer", "inconnu", "n'existe pas", "introuvable",

            // A refusal of the recipient's address is about the recipient, not a refusal of the sender (issue 27): Office 365's
            // directory-based edge blocking ("550 5.4.1 Recipient address rejected: Access denied"), InterScan's "check if address is correct".
            "recipient address rejected: access denied", "if address is correct",
        }),
        (NonDeliveryReason.MailboxClosed, new[]
        {
            "account disabled", "account has been disabled", "account is disabled", "mailbox disabled", "mailbox is disabled",
            "disabled", "suspended", "inactive", "deactivated", "account closed", "mailbox closed", "closed mailbox", "is closed",
            "clôturée", "clôturé", "account expired", "account has expired", "frozen", "désactivé", "fermée", "account is blocked",
            "est bloque", "est bloqué", "account is locked",
        }),
        (NonDeliveryReason.Expired, new[]
        {
            "retry timeout exceeded", "retry time exceeded", "cannot send message for", "could not send message for", "expired", "could not be delivered within", "delivery time",
            "queued too long", "too long in queue", "undeliverable for", "in the queue for", "in queue for", "queue lifetime", "for more than", "timed out",
            "time limit", "maximum time", "delai", "délai",

            // Delays and retries (issue 27): a message not delivered in time, whatever happens next.
            "delayed", "not delivered within", "for a long time", "be retried", "will continue trying",
            "aborted after", "attempts:", "retry timeout", "timeout", "time out",
        }),
        (NonDeliveryReason.Refused, new[]
        {
            "spam", "blacklist", "black list", "blocklist", "block list", "blocked", "denylist", "dnsbl", "spamhaus", "spamcop",
            "policy", "reputation", "relay", "access denied", "not authorized", "unauthorized", "unauthorised", "authentication",
            "virus", "malware", "infected", "junk", "content rejected", "banned", "reverse dns", "rate limit",
        }),
    };

    // Generic refusal words: they say a server refused, not why; read after the status codes, which may say more.
    private static readonly string[] WeakRefusal =
    {
        "rejected", "reject", "denied", "refused", "refusé", "refuse", "not accepted", "not allowed", "not permitted", "prohibited",
        "filtered", "filter", "listed", "too many", "security",
    };

    // Short words matched only as whole words (not inside another word).
    private static readonly (NonDeliveryReason Reason, string[] Words)[] WholeWords =
    {
        (NonDeliveryReason.Refused, new[] { "rbl", "spf", "dkim", "dmarc", "ptr", "uce" }),
    };

    // Each list above searched in one pass over the text (issue 27): the groups of Words in order, then the weak refusals.
    private static readonly PhraseSet WordSet = new(Array.ConvertAll(Words, w => w.Phrases));

    private static readonly PhraseSet WeakSet = new(WeakRefusal);

    /// <summary>
    /// The reason the words of <paramref name="text"/> give, or null when they say nothing specific. Generic refusal
    /// words ("rejected", "denied"…) count only with <paramref name="weak"/>: read them after the status codes.
    /// </summary>
    internal static NonDeliveryReason? FromWords(string? text, bool weak = false)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        // One pass per list over the first 4 KB, ignoring case (issue 27).
        ReadOnlySpan<char> t = text.AsSpan(0, Math.Min(text!.Length, MaxWords));
        int group = WordSet.FirstGroup(t);
        if (group >= 0)
        {
            return Words[group].Reason;
        }

        foreach ((NonDeliveryReason reason, string[] words) in WholeWords)
        {
            foreach (string word in words)
            {
                if (ContainsWord(t, word))
                {
                    return reason;
                }
            }
        }

        if (weak && WeakSet.IsIn(t))
        {
            return NonDeliveryReason.Refused;
        }

        return null;
    }

    /// <summary>
    /// The reason an enhanced status code gives (RFC 3463, decided here), or null when it says nothing specific
    /// (<c>x.0.0</c>, <c>x.1.0</c>, <c>x.3.x</c> other than 3.4, most of <c>x.4.x</c>, <c>x.5.x</c>, <c>x.6.x</c>):
    /// x.1.1, x.1.6, x.1.10 does not exist; x.1.3 invalid; x.1.2, x.4.4 domain not found; x.1.7, x.1.8, x.7.x refused;
    /// x.2.1 closed; x.2.2 full; x.2.3, x.3.4 too large; x.4.7 expired.
    /// </summary>
    internal static NonDeliveryReason? FromCode(string? code)
    {
        if (code is null || !TrySplit(code, out int subject, out int detail))
        {
            return null;
        }

        return (subject, detail) switch
        {
            (1, 1) or (1, 6) or (1, 10) => NonDeliveryReason.AddressDoesNotExist,
            (1, 3) => NonDeliveryReason.AddressInvalid,
            (1, 2) or (4, 4) => NonDeliveryReason.DomainNotFound,
            (1, 7) or (1, 8) => NonDeliveryReason.Refused,
            (2, 1) => NonDeliveryReason.MailboxClosed,
            (2, 2) => NonDeliveryReason.MailboxFull,
            (2, 3) or (3, 4) => NonDeliveryReason.MessageTooLarge,
            (4, 7) => NonDeliveryReason.Expired,
            (7, _) => NonDeliveryReason.Refused,
            _ => null,
        };
    }

    /// <summary>
    /// The first enhanced status code in <paramref name="text"/> (<c>2</c>, <c>4</c> or <c>5</c>, a dot, 1–3 digits, a
    /// dot, 1–3 digits, not part of a longer number or of an IP address), or null. Linear.
    /// </summary>
    internal static string? FindCode(string? text)
    {
        if (text is null)
        {
            return null;
        }

        int limit = Math.Min(text.Length, MaxClassified);
        for (int i = 0; i + 4 < limit; i++)
        {
            char c = text[i];
            if ((c is '2' or '4' or '5') && text[i + 1] == '.' && (i == 0 || !IsCodeChar(text[i - 1])))
            {
                int j = i + 2;
                int d1 = Digits(text, j, limit);
                if (d1 is < 1 or > 3 || j + d1 >= limit || text[j + d1] != '.')
                {
                    continue;
                }

                int k = j + d1 + 1;
                int d2 = Digits(text, k, limit);
                if (d2 is < 1 or > 3 || (k + d2 < text.Length && (IsCodeChar(text[k + d2]) && !(text[k + d2] == '.' && (k + d2 + 1 >= text.Length || !char.IsDigit(text[k + d2 + 1]))))))
                {
                    continue;
                }

                return text.Substring(i, k + d2 - i);
            }
        }

        return null;
    }

    /// <summary>The class of an enhanced status code or of an SMTP reply: 2, 4, 5, or 0 when unknown.</summary>
    internal static int ClassOf(string? code) =>
        code is { Length: > 0 } && code[0] is '2' or '4' or '5' ? code![0] - '0' : 0;

    /// <summary>
    /// The first SMTP reply code (RFC 5321: 4xx or 5xx, followed by a space, a hyphen or the end) in <paramref name="text"/>,
    /// as its first digit; 0 when none. Linear.
    /// </summary>
    internal static int FindReplyClass(string? text)
    {
        if (text is null)
        {
            return 0;
        }

        int limit = Math.Min(text.Length, MaxClassified);
        for (int i = 0; i + 2 < limit; i++)
        {
            if ((text[i] is '4' or '5') && char.IsDigit(text[i + 1]) && char.IsDigit(text[i + 2]) && text[i + 1] <= '5'
                && (i == 0 || !IsCodeChar(text[i - 1])) && (i + 3 >= text.Length || text[i + 3] is ' ' or '-' or '\r' or '\n'))
            {
                return text[i] - '0';
            }
        }

        return 0;
    }

    private static bool TrySplit(string code, out int subject, out int detail)
    {
        subject = detail = 0;
        int first = code.IndexOf('.');
        int second = first < 0 ? -1 : code.IndexOf('.', first + 1);
        return second > first + 1
            && int.TryParse(code.Substring(first + 1, second - first - 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out subject)
            && int.TryParse(code.Substring(second + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out detail);
    }

    private static int Digits(string text, int start, int limit)
    {
        int n = 0;
        while (start + n < limit && n <= 3 && char.IsDigit(text[start + n]))
        {
            n++;
        }

        return n;
    }

    private static bool IsCodeChar(char c) => char.IsDigit(c) || c == '.';

    private static bool ContainsWord(ReadOnlySpan<char> text, string word)
    {
        int start = 0;
        while (start < text.Length)
        {
            int at = text.Slice(start).IndexOf(word.AsSpan(), StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                return false;
            }

            at += start;
            bool before = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
            bool after = at + word.Length >= text.Length || !char.IsLetterOrDigit(text[at + word.Length]);
            if (before && after)
            {
                return true;
            }

            start = at + 1;
        }

        return false;
    }
}
