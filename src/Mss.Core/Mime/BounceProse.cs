using System;
using System.Collections.Generic;

namespace Mss.Core.Mime;

/// <summary>An address written in the prose of a bounce, where it stands.</summary>
internal readonly struct ProseAddress
{
    public ProseAddress(int start, int end, string address, bool leadsLine)
    {
        Start = start;
        End = end;
        Address = address;
        LeadsLine = leadsLine;
    }

    public int Start { get; }

    public int End { get; }

    public string Address { get; }

    /// <summary>The address opens its line (<c>  user@host</c>, <c>&lt;user@host&gt;:</c>, <c>&lt;user@host&gt;... User unknown</c>): how MTAs list failed recipients.</summary>
    public bool LeadsLine { get; }
}

/// <summary>
/// Reading the prose of a bounce (DEL-6): where the returned copy of the message starts, the addresses the prose names,
/// the text about each. Every function is one pass over the text: linear time.
/// </summary>
internal static class BounceProse
{
    /// <summary>How much prose is read (decided here: a bounce's explanation is short; what follows is the returned message).</summary>
    internal const int MaxProse = 256 * 1024;

    /// <summary>How far after an address its explanation is looked for.</summary>
    private const int Window = 2048;

    private static readonly PhraseSet CopyMarkers = new(new[]
    {
        "copy of the message", "copy of your message", "original message", "returned message", "unsent message",
        "undelivered message", "message header", "headers of", "header of the original", "the message you sent", "message text follows",
        "rejected message", "message follows",
    });

    private static readonly PhraseSet FollowMarkers = new("headers follow", "message follow", "copy of the message", "original message", "unsent message", "returned message", "original message headers");

    // What is left of an address before the text about it: "<a@x>: 550 …" leaves ">: ".
    private static readonly char[] AddressLeftovers = { '>', '"', '\'', ':', ' ', '\t' };

    /// <summary>
    /// Where the returned copy of the message starts in <paramref name="text"/> (a <c>------ This is a copy of the
    /// message</c>, <c>--- Below this line is a copy of the message.</c> or <c>----- Original message -----</c> line,
    /// or an unindented <c>Received:</c> / <c>Return-Path:</c> header line); the length of the text when none.
    /// </summary>
    internal static int CopyStart(string text)
    {
        int limit = Math.Min(text.Length, MaxProse);
        int i = 0;
        while (i < limit)
        {
            int end = text.IndexOf('\n', i);
            if (end < 0 || end > limit)
            {
                end = limit;
            }

            int s = i;
            while (s < end && (text[s] == ' ' || text[s] == '\t'))
            {
                s++;
            }

            if (s < end && (text[s] == '-' || text[s] == '=' || text[s] == '_') && s + 2 < end && text[s + 1] == text[s] && text[s + 2] == text[s])
            {
                if (CopyMarkers.IsIn(text.AsSpan(s, Math.Min(end - s, 200))))
                {
                    return i;
                }
            }
            else if (s == i && (StartsWith(text, i, end, "Received: ") || StartsWith(text, i, end, "Return-Path:")))
            {
                return i;
            }
            else if (end - s < 100 && EndsAsMarker(text, s, end))
            {
                if (FollowMarkers.IsIn(text.AsSpan(s, end - s)))
                {
                    return i;
                }
            }

            i = end + 1;
        }

        return limit;
    }

    /// <summary>Every address in <c>text[0..end)</c>, in order: <c>local@domain</c> with a dotted domain. Linear.</summary>
    internal static List<ProseAddress> Addresses(string text, int end)
    {
        var found = new List<ProseAddress>();
        int next = 0;
        for (int at = text.IndexOf('@', 0, end); at >= 0; at = at + 1 < end ? text.IndexOf('@', at + 1, end - at - 1) : -1)
        {
            int start = at;
            while (start > next && IsLocalChar(text[start - 1]))
            {
                start--;
            }

            int stop = at + 1;
            while (stop < end && IsDomainChar(text[stop]))
            {
                stop++;
            }

            while (stop > at + 1 && text[stop - 1] is '.' or '-')
            {
                stop--;
            }

            while (start < at && text[start] == '.')
            {
                start++;
            }

            if (start == at || stop - at - 1 < 3 || text.IndexOf('.', at + 1, stop - at - 1) < 0)
            {
                continue;
            }

            next = stop;
            found.Add(new ProseAddress(start, stop, text.Substring(start, stop - start), LeadsLine(text, start, stop, end)));
        }

        return found;
    }

    /// <summary>
    /// The text about <paramref name="address"/>: after each place it is named, up to the next place another recipient
    /// is named (at most 2,048 characters each), joined. Linear in the prose when called once per recipient over
    /// the same <paramref name="all"/>.
    /// </summary>
    internal static string About(string text, List<ProseAddress> all, List<int> places, Func<string, bool> isRecipient, string address)
    {
        var about = new System.Text.StringBuilder();
        foreach (int index in places)
        {
            ProseAddress place = all[index];
            int stop = Math.Min(text.Length, place.End + Window);
            for (int k = index + 1; k < all.Count && all[k].Start < stop; k++)
            {
                if (!string.Equals(all[k].Address, address, StringComparison.OrdinalIgnoreCase) && isRecipient(all[k].Address))
                {
                    stop = all[k].Start;
                    break;
                }
            }

            about.Append(text, place.End, Math.Max(0, stop - place.End)).Append('\n');
            if (about.Length > BounceReasons.MaxClassified)
            {
                break;
            }
        }

        return about.ToString();
    }

    /// <summary>
    /// The SMTP reply in <paramref name="about"/>: the first line holding a 4xx/5xx reply code, trimmed (at most 1,000
    /// characters); null when none.
    /// </summary>
    internal static string? ReplyLine(string about)
    {
        int limit = Math.Min(about.Length, BounceReasons.MaxClassified);
        int lineStart = 0;
        for (int i = 0; i + 2 < limit; i++)
        {
            char c = about[i];
            if (c == '\n')
            {
                lineStart = i + 1;
                continue;
            }

            if ((c is '4' or '5') && char.IsDigit(about[i + 1]) && char.IsDigit(about[i + 2]) && about[i + 1] <= '5'
                && (i == 0 || !(char.IsLetterOrDigit(about[i - 1]) || about[i - 1] is '.' or ':' or '[' or '-'))
                && (i + 3 >= about.Length || about[i + 3] is ' ' or '-'))
            {
                int end = about.IndexOf('\n', i);
                if (end < 0)
                {
                    end = about.Length;
                }

                string line = about.Substring(lineStart, end - lineStart).Trim().TrimStart(AddressLeftovers);
                return line.Length > 1000 ? line.Substring(0, 1000) : line;
            }
        }

        return null;
    }

    private static bool LeadsLine(string text, int start, int stop, int end)
    {
        int s = start - 1;
        if (s >= 0 && text[s] is '<' or '"' or '\'')
        {
            s--;
        }

        while (s >= 0 && (text[s] == ' ' || text[s] == '\t' || text[s] == '*' || text[s] == '#' || text[s] == '>'))
        {
            s--;
        }

        if (s >= 0 && text[s] == ':')
        {
            // A short label before it: "Unknown user: x@y", "Could not be delivered to: <x@y>", "Recipient: x@y".
            int label = s - 1;
            while (label >= 0 && s - label <= 48 && (char.IsLetter(text[label]) || text[label] is ' ' or '-' or '\'' or '\t'))
            {
                label--;
            }

            if (s - label > 48 || (label >= 0 && text[label] != '\n' && text[label] != '\r'))
            {
                return false;
            }

            s = label;
        }

        if (s >= 0 && text[s] != '\n' && text[s] != '\r')
        {
            return false;
        }

        // What follows: the end of the line, a colon, "...", a space and a comment or more words.
        int f = stop;
        if (f < end && text[f] is '>' or '"' or '\'')
        {
            f++;
        }

        return f >= end || text[f] is '\r' or '\n' or ':' or ' ' or '\t' or '.' or ',' or ';' or '(' or '<';
    }

    /// <summary>A line that announces what follows: it ends with "follows", "follow" or a colon (before an optional period).</summary>
    private static bool EndsAsMarker(string text, int start, int end)
    {
        int e = end;
        while (e > start && (char.IsWhiteSpace(text[e - 1]) || text[e - 1] == '.'))
        {
            e--;
        }

        return (e - start >= 6 && string.Compare(text, e - 6, "follow", 0, 6, StringComparison.OrdinalIgnoreCase) == 0)
            || (e - start >= 7 && string.Compare(text, e - 7, "follows", 0, 7, StringComparison.OrdinalIgnoreCase) == 0)
            || (e > start && text[e - 1] == ':');
    }

    private static bool StartsWith(string text, int start, int end, string value) =>
        end - start >= value.Length && string.CompareOrdinal(text, start, value, 0, value.Length) == 0;

    private static bool IsLocalChar(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '.' or '_' or '-' or '+' or '=' or '!' or '#' or '$' or '%' or '&' or '*' or '?' or '^' or '`' or '{' or '|' or '}' or '~';

    private static bool IsDomainChar(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '.' or '-' or '_';
}
