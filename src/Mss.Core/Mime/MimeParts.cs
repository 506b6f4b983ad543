using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using MimeKit;
using MimeKit.Utils;
using NodaTime;

namespace Mss.Core.Mime;

/// <summary>Small MIME helpers shared by the builders and readers of this namespace.</summary>
/// <remarks>
/// Every walk of a MIME tree here is iterative, with an explicit stack, and goes no deeper than <see cref="MaxDepth"/>
/// multiparts: a message built in code may nest 100,000 multiparts, which a recursive walk would overflow the stack on
/// (issue 16). Attached messages (<c>message/rfc822</c>) are never entered.
/// </remarks>
internal static class MimeParts
{
    /// <summary>How deep the walks go into nested multiparts (decided here; MimeKit's parser stops at 1,024, real mail at a handful).</summary>
    internal const int MaxDepth = 64;

    /// <summary>Sets Date from <paramref name="clock"/> and a fresh Message-Id on <paramref name="domain"/> (DEL-5).</summary>
    internal static void Stamp(MimeMessage message, IClock clock, string domain)
    {
        message.Date = clock.GetCurrentInstant().ToDateTimeOffset();
        message.MessageId = MimeUtils.GenerateMessageId(domain);
    }

    /// <summary>A UTF-8 text/plain part, quoted-printable so the message stays 7-bit clean.</summary>
    internal static TextPart Utf8Text(string text)
    {
        var part = new TextPart("plain") { ContentTransferEncoding = ContentEncoding.QuotedPrintable };
        part.SetText(Encoding.UTF8, text);
        return part;
    }

    /// <summary>
    /// The first <c>multipart/report</c> of <paramref name="reportType"/> (any type when null) in the message: its body,
    /// or inside multiparts that wrap it (a gateway adding a disclaimer), at most 8 levels down. Attached messages
    /// (<c>message/rfc822</c>) are not searched: a forwarded report is not a report. Iterative.
    /// </summary>
    internal static MultipartReport? FindReport(MimeMessage? message, string? reportType)
    {
        MimeEntity? body = message?.Body;
        if (body is null)
        {
            return null;
        }

        var stack = new Stack<(MimeEntity Entity, int Depth)>();
        stack.Push((body, 0));
        while (stack.Count > 0)
        {
            (MimeEntity entity, int depth) = stack.Pop();
            if (entity is MultipartReport report && (reportType is null || string.Equals(report.ReportType, reportType, StringComparison.OrdinalIgnoreCase)))
            {
                return report;
            }

            if (entity is Multipart multipart && depth < 8)
            {
                for (int i = multipart.Count - 1; i >= 0; i--)
                {
                    stack.Push((multipart[i], depth + 1));
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The leaves of <paramref name="root"/> in document order: every part that is not a multipart, down to
    /// <see cref="MaxDepth"/> levels (deeper parts are skipped); attached messages are leaves, not entered. Iterative.
    /// </summary>
    internal static List<MimeEntity> Leaves(MimeEntity? root)
    {
        var leaves = new List<MimeEntity>();
        if (root is null)
        {
            return leaves;
        }

        var stack = new Stack<(MimeEntity Entity, int Depth)>();
        stack.Push((root, 0));
        while (stack.Count > 0)
        {
            (MimeEntity entity, int depth) = stack.Pop();
            if (entity is Multipart multipart)
            {
                if (depth >= MaxDepth)
                {
                    continue;
                }

                for (int i = multipart.Count - 1; i >= 0; i--)
                {
                    stack.Push((multipart[i], depth + 1));
                }
            }
            else
            {
                leaves.Add(entity);
            }
        }

        return leaves;
    }

    /// <summary>The decoded content of a part as text (UTF-8, invalid bytes replaced); null when it has none.</summary>
    internal static string? DecodedText(MimePart part)
    {
        if (part.Content is null)
        {
            return null;
        }

        using var stream = new MemoryStream();
        part.Content.DecodeTo(stream);
        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    /// <summary>The text of a text part in its declared charset; the bytes as UTF-8 when MimeKit cannot decode them.</summary>
    internal static string? TextOf(TextPart part)
    {
        try
        {
            return part.Text;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or FormatException or DecoderFallbackException)
        {
            return DecodedText(part);
        }
    }

    /// <summary>The address of a DSN/MDN recipient field, <c>rfc822; someone@example.org</c> → <c>someone@example.org</c>.</summary>
    internal static string? AddressOfField(string? value)
    {
        if (value is null)
        {
            return null;
        }

        int semicolon = value.IndexOf(';');
        string address = (semicolon < 0 ? value : value.Substring(semicolon + 1)).Trim();
        address = WithoutBrackets(address);
        return address.Length == 0 ? null : address;
    }

    /// <summary>A message id without its angle brackets and surrounding white space, as MimeKit gives them; null when empty.</summary>
    internal static string? MessageIdOf(string? value)
    {
        if (value is null)
        {
            return null;
        }

        string id = WithoutBrackets(value.Trim());
        return id.Length == 0 ? null : id;
    }

    /// <summary>The fields of an MDN part; null when MimeKit cannot parse its content (it throws on garbage).</summary>
    internal static HeaderList? FieldsOf(MessageDispositionNotification part)
    {
        try
        {
            return part.Fields;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The status groups of a DSN part; null when MimeKit cannot parse its content.</summary>
    internal static HeaderListCollection? GroupsOf(MessageDeliveryStatus part)
    {
        try
        {
            return part.StatusGroups;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string WithoutBrackets(string value) =>
        value.Length >= 2 && value[0] == '<' && value[value.Length - 1] == '>' ? value.Substring(1, value.Length - 2).Trim() : value;
}
