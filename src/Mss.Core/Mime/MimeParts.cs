using System;
using System.Text;
using MimeKit;
using MimeKit.Utils;
using NodaTime;

namespace Mss.Core.Mime;

/// <summary>Small MIME helpers shared by the builders and readers of this namespace.</summary>
internal static class MimeParts
{
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
    /// or inside multiparts that wrap it (a gateway adding a disclaimer). Attached messages (<c>message/rfc822</c>) are
    /// not searched: a forwarded report is not a report.
    /// </summary>
    internal static MultipartReport? FindReport(MimeMessage? message, string? reportType) => Find(message?.Body, reportType, 0);

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

    private static MultipartReport? Find(MimeEntity? entity, string? reportType, int depth)
    {
        if (entity is MultipartReport report && (reportType is null || string.Equals(report.ReportType, reportType, StringComparison.OrdinalIgnoreCase)))
        {
            return report;
        }

        if (entity is Multipart multipart && depth < 8)
        {
            foreach (MimeEntity child in multipart)
            {
                if (Find(child, reportType, depth + 1) is { } found)
                {
                    return found;
                }
            }
        }

        return null;
    }
}
