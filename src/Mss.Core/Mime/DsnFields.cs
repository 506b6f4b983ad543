using System;
using System.Collections.Generic;
using System.Text;

namespace Mss.Core.Mime;

/// <summary>One per-recipient group of an RFC 3464 report, as written (values unfolded, comments kept).</summary>
internal sealed class DsnGroup
{
    public string? FinalRecipient { get; set; }

    public string? OriginalRecipient { get; set; }

    public string? Action { get; set; }

    public string? Status { get; set; }

    public string? Diagnostic { get; set; }

    public bool IsEmpty => FinalRecipient is null && OriginalRecipient is null && Action is null && Status is null && Diagnostic is null;
}

/// <summary>
/// Reads the fields of an RFC 3464 <c>message/delivery-status</c> body as real servers write them (DEL-6): groups
/// separated by blank lines or by nothing at all (a new <c>Final-Recipient</c> starts a new group), folded values,
/// comments after values, prose lines between fields (skipped). One pass over the text: linear time.
/// </summary>
internal static class DsnFields
{
    /// <summary>The per-recipient groups (those naming a recipient) and the first <c>Reporting-MTA</c>.</summary>
    internal static List<DsnGroup> Parse(string text, out string? reportingMta)
    {
        reportingMta = null;
        var groups = new List<DsnGroup>();
        var current = new DsnGroup();
        string? name = null;
        var value = new StringBuilder();

        int i = 0;
        while (i <= text.Length)
        {
            int end = i < text.Length ? text.IndexOf('\n', i) : -1;
            if (end < 0)
            {
                end = text.Length;
            }

            int lineEnd = end > i && text[end - 1] == '\r' ? end - 1 : end;
            bool blank = IsBlank(text, i, lineEnd);
            bool continuation = !blank && (text[i] == ' ' || text[i] == '\t');

            if (continuation && name is not null)
            {
                value.Append(' ').Append(text, i, lineEnd - i);
            }
            else
            {
                Flush(ref name, value, current, ref reportingMta);
                int colon = blank || continuation ? -1 : FieldNameEnd(text, i, lineEnd);
                if (colon < 0)
                {
                    // A blank line, or prose between fields: the group ends.
                    Close(groups, ref current);
                }
                else
                {
                    string fieldName = text.Substring(i, colon - i);
                    if (StartsNewGroup(fieldName, current))
                    {
                        Close(groups, ref current);
                    }

                    name = fieldName;
                    value.Clear().Append(text, colon + 1, lineEnd - colon - 1);
                }
            }

            i = end + 1;
        }

        Flush(ref name, value, current, ref reportingMta);
        Close(groups, ref current);
        return groups;
    }

    /// <summary>A recipient field's address: the text after its type (<c>rfc822;</c>), without angle brackets or a trailing comment.</summary>
    internal static string? AddressOf(string? field)
    {
        if (field is null)
        {
            return null;
        }

        int semicolon = field.IndexOf(';');
        string rest = (semicolon < 0 ? field : field.Substring(semicolon + 1)).Trim();
        int comment = rest.IndexOf(" (", StringComparison.Ordinal);
        if (comment > 0)
        {
            rest = rest.Substring(0, comment).TrimEnd();
        }

        if (rest.Length >= 2 && rest[0] == '<')
        {
            int close = rest.IndexOf('>');
            rest = close > 0 ? rest.Substring(1, close - 1) : rest.Substring(1);
        }

        rest = rest.Trim();
        return rest.Length == 0 || rest.IndexOf('@') < 0 || rest.IndexOf(' ') >= 0 ? null : rest;
    }

    /// <summary>The type of a recipient field (<c>rfc822</c>), lower case; empty when none is written.</summary>
    internal static string TypeOf(string field)
    {
        int semicolon = field.IndexOf(';');
        return semicolon < 0 ? string.Empty : field.Substring(0, semicolon).Trim().ToLowerInvariant();
    }

    /// <summary>A <c>Diagnostic-Code</c> without its type (<c>smtp;</c>, <c>X-Postfix;</c>…).</summary>
    internal static string? WithoutType(string? diagnostic)
    {
        if (diagnostic is null)
        {
            return null;
        }

        string trimmed = diagnostic.Trim();
        int semicolon = trimmed.IndexOf(';');
        if (semicolon > 0 && semicolon <= 24)
        {
            bool token = true;
            for (int i = 0; i < semicolon; i++)
            {
                char c = trimmed[i];
                token &= char.IsLetterOrDigit(c) || c == '-' || c == '_';
            }

            if (token)
            {
                trimmed = trimmed.Substring(semicolon + 1).Trim();
            }
        }

        return trimmed.Length == 0 ? null : trimmed;
    }

    /// <summary>The first word of an <c>Action</c> value, lower case (<c>failed (bad address)</c> → <c>failed</c>).</summary>
    internal static string ActionWord(string? action)
    {
        if (action is null)
        {
            return string.Empty;
        }

        string trimmed = action.Trim();
        int end = 0;
        while (end < trimmed.Length && char.IsLetter(trimmed[end]))
        {
            end++;
        }

        return trimmed.Substring(0, end).ToLowerInvariant();
    }

    private static bool StartsNewGroup(string fieldName, DsnGroup current)
    {
        if (Is(fieldName, "Final-Recipient"))
        {
            // Fields in any order (some servers write Diagnostic-Code, Status, Action, then Final-Recipient): only a second
            // Final-Recipient starts the next recipient.
            return current.FinalRecipient is not null;
        }

        if (Is(fieldName, "Original-Recipient"))
        {
            // After a Final-Recipient with its Status (or Diagnostic-Code), the next recipient's. Not after an Action alone:
            // Amazon SES writes Action, Final-Recipient, Original-Recipient, Diagnostic-Code, Status for one recipient (issue 27).
            return current.OriginalRecipient is not null || (current.FinalRecipient is not null && (current.Status is not null || current.Diagnostic is not null));
        }

        return false;
    }

    private static void Flush(ref string? name, StringBuilder value, DsnGroup group, ref string? reportingMta)
    {
        if (name is null)
        {
            return;
        }

        string v = value.ToString().Trim();
        if (Is(name, "Final-Recipient"))
        {
            group.FinalRecipient ??= v;
        }
        else if (Is(name, "Original-Recipient"))
        {
            group.OriginalRecipient ??= v;
        }
        else if (Is(name, "Action"))
        {
            group.Action ??= v;
        }
        else if (Is(name, "Status"))
        {
            group.Status ??= v;
        }
        else if (Is(name, "Diagnostic-Code"))
        {
            group.Diagnostic ??= v;
        }
        else if (Is(name, "Reporting-MTA"))
        {
            reportingMta ??= WithoutType(v);
        }

        name = null;
        value.Clear();
    }

    private static void Close(List<DsnGroup> groups, ref DsnGroup current)
    {
        if (current.FinalRecipient is not null || current.OriginalRecipient is not null)
        {
            groups.Add(current);
            current = new DsnGroup();
        }
        else if (!current.IsEmpty)
        {
            current = new DsnGroup(); // fields without a recipient: the per-message group
        }
    }

    private static bool Is(string name, string expected) => string.Equals(name, expected, StringComparison.OrdinalIgnoreCase);

    private static bool IsBlank(string text, int start, int end)
    {
        for (int i = start; i < end; i++)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The index of the colon ending a field name (RFC 5322 ftext, at most 64 characters), or -1.</summary>
    private static int FieldNameEnd(string text, int start, int end)
    {
        int limit = Math.Min(end, start + 64);
        for (int i = start; i < limit; i++)
        {
            char c = text[i];
            if (c == ':')
            {
                return i > start ? i : -1;
            }

            if (c <= ' ' || c > '~')
            {
                return -1;
            }
        }

        return -1;
    }
}
