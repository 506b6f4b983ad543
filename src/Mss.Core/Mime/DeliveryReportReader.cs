using System;
using System.Collections.Generic;
using System.Net;
using System.Text;
using MimeKit;
using Mss.Core.Delivery;

namespace Mss.Core.Mime;

/// <summary>The engine of <see cref="NonDeliveryReports.TryRead"/> (DEL-2, DEL-6); may throw, its caller catches.</summary>
internal static class DeliveryReportReader
{
    /// <summary>How many French texts are looked for in one human-readable part.</summary>
    private const int MaxFrench = 100_000;

    /// <summary>How many places of one address in the prose are read for its explanation.</summary>
    private const int MaxPlaces = 8;

    private static readonly PhraseSet BounceSenders = new(new[] { "mailer-daemon", "mailer_daemon", "postmaster", "mail delivery", "mail administrator", "mailer daemon", "delivery subsystem", "mdaemon", "mail-daemon" });

    private static readonly PhraseSet BounceSubjects = new(new[]
    {
        "undeliver", "undelivered", "not delivered", "delivery status notification", "delivery failure", "delivery failed",
        "delivery has failed", "failure notice", "returned mail", "mail delivery failed", "delivery problem", "non remis",
        "non distribué", "non distribue", "unzustellbar", "nondeliverable", "non-deliverable", "mail system error",
        "could not be delivered", "delivery notification", "warning: could not send", "delayed mail", "delivery delayed",
        "returned to sender", "bounce", "mail failure", "message status - undeliverable", "rejected", "delivery report",
    });

    private static readonly PhraseSet AutoReplySubjects = new(new[] { "auto:", "automatic reply", "autoreply", "auto-reply", "out of office", "out of the office", "réponse automatique", "reponse automatique", "absence", "vacation", "abwesenheit" });

    private static readonly PhraseSet TemporaryPhrases = new(new[]
    {
        "will continue trying", "will keep trying", "will retry", "will be retried", "still being retried", "still trying",
        "not yet been delivered", "not been delivered yet", "still undelivered", "delivery has been delayed", "has been delayed",
        "delivery delayed", "this is not a permanent error", "no action is required", "will try again", "warning: could not send",
    });

    private static readonly PhraseSet PermanentPhrases = new(new[] { "permanent error", "permanent fatal", "failed permanently", "permanent failure", "giving up", "gave up", "has failed", "delivery failed" });

    private static readonly PhraseSet FailurePhrases = new(new[]
    {
        "could not be delivered", "couldn't be delivered", "undeliverable", "delivery failed", "delivery has failed", "permanent fatal",
        "was not delivered", "not be delivered", "unable to deliver", "failed to deliver", "error delivering", "delivery to the following",
        "not delivered to", "permanent error",
    });

    private static readonly PhraseSet DelayedSubjects = new("delayed", "delay)", "warning: could not send", "still being retried");

    private static readonly PhraseSet FailureSubjects = new("undeliver", "failure", "failed");

    private static readonly PhraseSet AutomaticSenders = new("no-reply", "noreply", "daemon", "mailer", "bounce");

    private static readonly string[] NotRecipients = { "postmaster", "mailer-daemon", "mailer_daemon", "mailerdaemon" };

    internal static DeliveryReport? Read(MimeMessage message)
    {
        MultipartReport? multipartReport = MimeParts.FindReport(message, null);
        List<MimeEntity> leaves = MimeParts.Leaves(message.Body);
        var dsnTexts = new List<string>();
        string? originalId = null;
        bool feedback = false;
        bool disposition = false;
        foreach (MimeEntity leaf in leaves)
        {
            string type = leaf.ContentType?.MimeType ?? string.Empty;
            if (leaf is MessageDeliveryStatus || Is(type, "message/delivery-status") || Is(type, "message/global-delivery-status") || Is(type, "text/delivery-status"))
            {
                if (leaf is MimePart part && MimeParts.DecodedText(part) is { } text)
                {
                    dsnTexts.Add(text);
                }
            }
            else if (Is(type, "message/feedback-report"))
            {
                feedback = true;
            }
            else if (leaf is MessageDispositionNotification || Is(type, "message/disposition-notification"))
            {
                disposition = true;
            }
            else if (leaf is MessagePart returned)
            {
                originalId ??= MimeParts.MessageIdOf(returned.Message?.MessageId);
            }
            else if (Is(type, "text/rfc822-headers") && leaf is MimePart headers && MimeParts.DecodedText(headers) is { } headerText)
            {
                originalId ??= MessageIdLine(headerText, 0);
            }
        }

        if (feedback || (disposition && dsnTexts.Count == 0))
        {
            return null;
        }

        // The human-readable part: the first part of a multipart/report (RFC 6522), else every text leaf of the message.
        string human = HumanText(multipartReport is { Count: > 0 } ? MimeParts.Leaves(multipartReport[0]) : leaves);
        if (string.IsNullOrWhiteSpace(human) && message.Body is Multipart multipart)
        {
            // A multipart whose boundary never comes: MimeKit keeps the whole text as its preamble (or epilogue).
            human = (multipart.Preamble ?? string.Empty) + "\n" + (multipart.Epilogue ?? string.Empty);
        }

        int copy = BounceProse.CopyStart(human);
        string prose = copy == human.Length ? human : human.Substring(0, copy);
        originalId ??= MessageIdLine(human, copy);
        List<(NonDeliveryReason Reason, string Address)> french = NonDeliveryNotice.FindAll(prose, MaxFrench);

        string? reportingMta = null;
        var groups = new List<DsnGroup>();
        foreach (string text in dsnTexts)
        {
            groups.AddRange(DsnFields.Parse(text, out string? mta));
            reportingMta ??= mta;
        }

        if (groups.Count == 0 && prose.IndexOf("Final-Recipient", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            // RFC 3464 fields written into the text itself.
            foreach (DsnGroup group in DsnFields.Parse(prose, out string? mta))
            {
                if (group.Action is not null || group.Status is not null)
                {
                    groups.Add(group);
                    reportingMta ??= mta;
                }
            }
        }

        var context = new ProseContext(prose, Excluded(message));
        List<Building> recipients;
        if (groups.Count > 0)
        {
            recipients = FromGroups(groups, context);
        }
        else
        {
            if (!LooksLikeBounce(message, prose))
            {
                return null;
            }

            recipients = FromProse(message, context, human, copy, leaves);
        }

        ApplyFrench(recipients, french);
        if (recipients.Count == 0)
        {
            return null;
        }

        var list = new FailedRecipient[recipients.Count];
        for (int i = 0; i < list.Length; i++)
        {
            Building b = recipients[i];
            list[i] = new FailedRecipient(b.Address, b.Reason, b.Status, b.Diagnostic, b.IsPermanent);
        }

        return new DeliveryReport(list, originalId, reportingMta);
    }

    private static List<Building> FromGroups(List<DsnGroup> groups, ProseContext context)
    {
        var recipients = new List<Building>(groups.Count);
        foreach (DsnGroup group in groups)
        {
            string? address = null;
            if (group.OriginalRecipient is { } original && DsnFields.TypeOf(original) is "rfc822" or "")
            {
                address = DsnFields.AddressOf(original);
            }

            address ??= DsnFields.AddressOf(group.FinalRecipient);
            if (address is null)
            {
                continue;
            }

            string? diagnostic = DsnFields.WithoutType(group.Diagnostic);
            string? statusCode = BounceReasons.FindCode(group.Status);
            string? diagnosticCode = BounceReasons.FindCode(diagnostic);
            string action = DsnFields.ActionWord(group.Action);
            int statusClass = BounceReasons.ClassOf(statusCode ?? diagnosticCode);
            bool permanent;
            switch (action)
            {
                case "failed":
                    permanent = true;
                    break;
                case "delayed":
                    permanent = false;
                    break;
                case "delivered" or "relayed" or "expanded":
                    continue;
                default:
                    int cls = statusClass != 0 ? statusClass : BounceReasons.FindReplyClass(diagnostic);
                    if (cls is not (4 or 5))
                    {
                        continue;
                    }

                    permanent = cls == 5;
                    break;
            }

            var building = new Building(address, permanent)
            {
                Status = statusCode is not null && !IsGeneric(statusCode) ? statusCode : diagnosticCode ?? statusCode,
                Diagnostic = diagnostic,
            };

            if (diagnostic is not null && NonDeliveryNotice.FindAll(diagnostic, 1) is { Count: > 0 } inDiagnostic)
            {
                building.Reason = inDiagnostic[0].Reason;
                building.FromFrench = true;
                if (inDiagnostic[0].Address.Length > 0)
                {
                    building.Address = inDiagnostic[0].Address;
                }
            }
            else if (!permanent)
            {
                // DEL-6 (issue 27): a delay is an expiry in the making, unless its diagnostic names a specific reason.
                building.Reason = BounceReasons.FromWords(diagnostic)
                    ?? BounceReasons.FromCode(diagnosticCode)
                    ?? BounceReasons.FromCode(statusCode)
                    ?? NonDeliveryReason.Expired;
            }
            else
            {
                building.Reason = BounceReasons.FromWords(diagnostic)
                    ?? BounceReasons.FromCode(diagnosticCode)
                    ?? BounceReasons.FromCode(statusCode)
                    ?? BounceReasons.FromWords(diagnostic, weak: true)
                    ?? BounceReasons.FromWords(context.About(address, DsnFields.AddressOf(group.FinalRecipient)), weak: true)
                    ?? NonDeliveryReason.Other;
            }

            recipients.Add(building);
        }

        return recipients;
    }

    private static List<Building> FromProse(MimeMessage message, ProseContext context, string human, int copy, List<MimeEntity> leaves)
    {
        var recipients = new List<Building>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        ReadOnlySpan<char> prose = Head(context.Prose);
        bool temporary = TemporaryPhrases.IsIn(prose) && !PermanentPhrases.IsIn(prose);
        temporary |= DelayedSubjects.IsIn(Head(message.Subject ?? string.Empty));

        var candidates = new List<string>();
        foreach (Header header in message.Headers)
        {
            if (header.Id == HeaderId.Unknown && string.Equals(header.Field, "X-Failed-Recipients", StringComparison.OrdinalIgnoreCase))
            {
                foreach (ProseAddress address in BounceProse.Addresses(header.Value, header.Value.Length))
                {
                    candidates.Add(address.Address);
                }
            }
        }

        foreach (ProseAddress address in context.All)
        {
            if (address.LeadsLine)
            {
                candidates.Add(address.Address);
            }
        }

        if (!HasCandidate(candidates, context) && candidates.Count > 0)
        {
            // Only the bounce's own addressee opens a line: a message the sender sent to themselves.
            context.AllowAddressees();
        }

        if (!HasCandidate(candidates, context))
        {
            // No address opens a line: any address the explanation names ("delivering your mail to <x@y>")…
            foreach (ProseAddress address in context.All)
            {
                candidates.Add(address.Address);
            }
        }

        if (!HasCandidate(candidates, context))
        {
            // … else the addressee of the returned copy (its To header).
            foreach (MimeEntity leaf in leaves)
            {
                if (leaf is MessagePart { Message: { } returned })
                {
                    HeaderAddresses.Read(returned.Headers, HeaderId.To, candidates);
                }
            }

            if (ToLine(human, copy) is { } to)
            {
                foreach (ProseAddress address in BounceProse.Addresses(to, to.Length))
                {
                    candidates.Add(address.Address);
                }
            }
        }

        string subject = message.Subject ?? string.Empty;
        foreach (string candidate in candidates)
        {
            if (context.IsExcluded(candidate) || !seen.Add(candidate))
            {
                continue;
            }

            string about = context.About(candidate, null);
            string? reply = BounceProse.ReplyLine(about);
            string? code = BounceReasons.FindCode(reply) ?? BounceReasons.FindCode(about);
            var building = new Building(candidate, !temporary)
            {
                Status = code,
                Diagnostic = reply,
                Reason = temporary
                    ? BounceReasons.FromWords(reply) ?? BounceReasons.FromCode(code) ?? BounceReasons.FromWords(about) ?? NonDeliveryReason.Expired // a delay, see FromGroups
                    : BounceReasons.FromWords(reply)
                    ?? BounceReasons.FromCode(code)
                    ?? BounceReasons.FromWords(about)
                    ?? BounceReasons.FromWords(reply, weak: true)
                    ?? BounceReasons.FromWords(about, weak: true)
                    ?? BounceReasons.FromWords(subject, weak: true)
                    ?? BounceReasons.FromWords(context.Prose, weak: true)
                    ?? NonDeliveryReason.Other,
            };
            recipients.Add(building);
        }

        return recipients;
    }

    /// <summary>
    /// DEL-2: a French text decides. It goes to the recipient it names; an unmatched one to the next failed recipient
    /// without a French reason of its own, whose address becomes the one the text quotes (the address as sent); any left
    /// over is a recipient of its own.
    /// </summary>
    private static void ApplyFrench(List<Building> recipients, List<(NonDeliveryReason Reason, string Address)> french)
    {
        if (french.Count == 0)
        {
            return;
        }

        var byAddress = new Dictionary<string, Building>(StringComparer.OrdinalIgnoreCase);
        foreach (Building b in recipients)
        {
            if (!byAddress.ContainsKey(b.Address))
            {
                byAddress.Add(b.Address, b);
            }
        }

        var unmatched = new List<(NonDeliveryReason Reason, string Address)>();
        foreach ((NonDeliveryReason reason, string address) in french)
        {
            if (address.Length > 0 && byAddress.TryGetValue(address, out Building? b))
            {
                if (!b.FromFrench)
                {
                    b.Reason = reason;
                    b.FromFrench = true;
                }
            }
            else
            {
                unmatched.Add((reason, address));
            }
        }

        int next = 0;
        foreach ((NonDeliveryReason reason, string address) in unmatched)
        {
            while (next < recipients.Count && (recipients[next].FromFrench || !recipients[next].IsPermanent))
            {
                next++;
            }

            if (next < recipients.Count)
            {
                Building b = recipients[next];
                b.Reason = reason;
                b.FromFrench = true;
                if (address.Length > 0)
                {
                    b.Address = address;
                }
            }
            else if (address.Length > 0)
            {
                recipients.Add(new Building(address, true) { Reason = reason, FromFrench = true });
            }
        }
    }

    private static bool HasCandidate(List<string> candidates, ProseContext context)
    {
        foreach (string candidate in candidates)
        {
            if (!context.IsExcluded(candidate))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The value of the first unindented <c>To:</c> line of the returned copy.</summary>
    private static string? ToLine(string text, int from)
    {
        int limit = Math.Min(text.Length, from + BounceProse.MaxProse);
        for (int at = from; at < limit;)
        {
            int found = text.IndexOf("To:", at, limit - at, StringComparison.OrdinalIgnoreCase);
            if (found < 0)
            {
                return null;
            }

            if (found == 0 || text[found - 1] == '\n')
            {
                int end = text.IndexOf('\n', found);
                return text.Substring(found + 3, (end < 0 ? text.Length : end) - found - 3);
            }

            at = found + 3;
        }

        return null;
    }

    private static bool LooksLikeBounce(MimeMessage message, string prose)
    {
        foreach (Header header in message.Headers)
        {
            if (string.Equals(header.Field, "X-Failed-Recipients", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        string subject = message.Subject ?? string.Empty;
        if (AutoReplySubjects.IsIn(Head(subject)) && !FailureSubjects.IsIn(Head(subject)))
        {
            return false;
        }

        // The From header's text holds its addresses and display names: one search instead of MimeKit's list parse (issue 29).
        string from = message.Headers[HeaderId.From] ?? string.Empty;
        if (BounceSenders.IsIn(Head(from)))
        {
            return true;
        }

        if (BounceSubjects.IsIn(Head(subject)))
        {
            return true;
        }

        // An automatic sender (no-reply, empty Return-Path, Auto-Submitted) whose text says a delivery failed.
        bool automatic = message.Headers[HeaderId.AutoSubmitted] is not null
            || (message.Headers[HeaderId.ReturnPath] is { } returnPath && returnPath.Trim() == "<>");
        foreach (string address in HeaderAddresses.Read(message.Headers, HeaderId.From))
        {
            automatic |= AutomaticSenders.IsIn(Head(address));
        }

        return automatic && FailurePhrases.IsIn(Head(prose));
    }

    /// <summary>The addresses that are not failed recipients: the bounce's own sender and addressees (the original sender).</summary>
    private static HashSet<string> Excluded(MimeMessage message)
    {
        // Read in one pass over each header, not through MimeKit's address-list parse (issue 29): only membership matters.
        var excluded = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (HeaderId id in new[] { HeaderId.From, HeaderId.To, HeaderId.Cc, HeaderId.ReplyTo, HeaderId.Sender })
        {
            HeaderAddresses.Read(message.Headers, id, excluded);
        }

        return excluded;
    }

    private static string HumanText(List<MimeEntity> leaves)
    {
        var plain = new StringBuilder();
        var html = new StringBuilder();
        foreach (MimeEntity leaf in leaves)
        {
            if (leaf is TextPart text && !(leaf.ContentType?.MimeType is { } t && (Is(t, "text/rfc822-headers") || Is(t, "text/delivery-status"))))
            {
                if (text.IsHtml)
                {
                    html.Append(WebUtility.HtmlDecode(WithoutTags(MimeParts.TextOf(text) ?? string.Empty))).Append('\n');
                }
                else if (text.IsPlain || text.ContentType?.MediaSubtype is null)
                {
                    plain.Append(MimeParts.TextOf(text)).Append('\n');
                }
            }

            if (plain.Length > BounceProse.MaxProse)
            {
                break;
            }
        }

        return plain.Length > 0 ? plain.ToString() : html.ToString();
    }

    /// <summary>
    /// Each tag, <c>&lt;</c> to the next <c>&gt;</c>, replaced by a space (a line break for block tags); an unclosed
    /// <c>&lt;</c> and what follows are kept. One linear pass: no regular expression.
    /// </summary>
    private static string WithoutTags(string html)
    {
        var text = new StringBuilder(html.Length);
        int i = 0;
        while (i < html.Length)
        {
            int open = html.IndexOf('<', i);
            int close = open < 0 ? -1 : html.IndexOf('>', open + 1);
            if (close < 0)
            {
                text.Append(html, i, html.Length - i);
                break;
            }

            bool block = close - open >= 2 && (Tag(html, open, "br") || Tag(html, open, "p") || Tag(html, open, "/p") || Tag(html, open, "div") || Tag(html, open, "/div") || Tag(html, open, "tr") || Tag(html, open, "li"));
            text.Append(html, i, open - i).Append(block ? '\n' : ' ');
            i = close + 1;
        }

        return text.ToString();
    }

    private static bool Tag(string html, int open, string name) =>
        open + 1 + name.Length <= html.Length
        && string.Compare(html, open + 1, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) == 0
        && (open + 1 + name.Length == html.Length || !char.IsLetterOrDigit(html[open + 1 + name.Length]));

    /// <summary>The first <c>Message-ID:</c> header line at or after <paramref name="from"/>, without angle brackets.</summary>
    private static string? MessageIdLine(string text, int from)
    {
        int limit = Math.Min(text.Length, from + BounceProse.MaxProse);
        const string Name = "Message-ID:";
        int at = from;
        while (at < limit)
        {
            int found = text.IndexOf(Name, at, limit - at, StringComparison.OrdinalIgnoreCase);
            if (found < 0)
            {
                return null;
            }

            if (found == 0 || text[found - 1] == '\n')
            {
                int end = text.IndexOf('\n', found);
                string value = text.Substring(found + Name.Length, (end < 0 ? text.Length : end) - found - Name.Length).Trim();
                int open = value.IndexOf('<');
                int close = open < 0 ? -1 : value.IndexOf('>', open);
                return MimeParts.MessageIdOf(close > open ? value.Substring(open + 1, close - open - 1) : value);
            }

            at = found + Name.Length;
        }

        return null;
    }

    private static bool IsGeneric(string code) => code.EndsWith(".0.0", StringComparison.Ordinal);

    private static bool Is(string type, string expected) => string.Equals(type, expected, StringComparison.OrdinalIgnoreCase);

    /// <summary>The first 16 KB of a text: what the phrase lists are looked for in.</summary>
    private static ReadOnlySpan<char> Head(string text) => text.AsSpan(0, Math.Min(text.Length, BounceReasons.MaxClassified));

    /// <summary>A recipient being read.</summary>
    private sealed class Building
    {
        public Building(string address, bool isPermanent)
        {
            Address = address;
            IsPermanent = isPermanent;
        }

        public string Address { get; set; }

        public bool IsPermanent { get; }

        public NonDeliveryReason Reason { get; set; } = NonDeliveryReason.Other;

        public bool FromFrench { get; set; }

        public string? Status { get; set; }

        public string? Diagnostic { get; set; }
    }

    /// <summary>The prose of a bounce with the addresses it names, indexed once: each recipient's explanation in linear total time.</summary>
    private sealed class ProseContext
    {
        private HashSet<string> _excluded;
        private readonly Dictionary<string, List<int>> _places = new(StringComparer.OrdinalIgnoreCase);

        public ProseContext(string prose, HashSet<string> excluded)
        {
            Prose = prose;
            _excluded = excluded;
            All = BounceProse.Addresses(prose, prose.Length);
            for (int i = 0; i < All.Count; i++)
            {
                if (!_places.TryGetValue(All[i].Address, out List<int>? places))
                {
                    places = new List<int>();
                    _places.Add(All[i].Address, places);
                }

                if (places.Count < MaxPlaces)
                {
                    places.Add(i);
                }
            }
        }

        public string Prose { get; }

        public List<ProseAddress> All { get; }

        /// <summary>From now on the bounce's own addressees may be recipients too.</summary>
        public void AllowAddressees() => _excluded = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        public bool IsExcluded(string address)
        {
            if (_excluded.Contains(address))
            {
                return true;
            }

            int at = address.IndexOf('@');
            string local = at < 0 ? address : address.Substring(0, at);
            foreach (string name in NotRecipients)
            {
                if (string.Equals(local, name, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The prose about <paramref name="address"/> (or, failing it, <paramref name="alternative"/>); empty when it names neither.</summary>
        public string About(string address, string? alternative)
        {
            if (!_places.TryGetValue(address, out List<int>? places) && (alternative is null || !_places.TryGetValue(alternative, out places)))
            {
                return string.Empty;
            }

            return BounceProse.About(Prose, All, places!, a => !IsExcluded(a) && _places.ContainsKey(a), address);
        }
    }
}
