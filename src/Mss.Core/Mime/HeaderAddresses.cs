using System.Collections.Generic;
using System.Text;
using MimeKit;

namespace Mss.Core.Mime;

/// <summary>
/// The addresses (<c>local@domain</c>) of an address header of a received message, read in one pass over its raw text
/// (issue 29). MimeKit's own address-list parse, which <see cref="MimeMessage.To"/> and its siblings run on first use,
/// takes time quadratic in the number of entries without a domain (<c>To: a@b.fr, x, x, x…</c>): a 96 KB header cost
/// seconds. Where Mss.Core needs only the addresses of such a header — to exclude them, or to parse them as MSSanté
/// addresses — it reads them here instead: linear in the header, whatever it holds.
/// </summary>
/// <remarks>
/// An address is a run of characters between delimiters (white space, <c>, ; : &lt; &gt;</c>) holding an <c>@</c> that is
/// neither its first nor its last character, or the one word of an entry without <c>@</c>, brackets or display name (a
/// local alias, <c>To: secretariat</c>, as MimeKit reads it). Quoted strings and comments (display names, <c>(Jean Durand)</c>) are
/// passed over, so an <c>@</c> in a display name is not an address; RFC 2047 encoded words are not decoded, so they never
/// open a quote or a comment. Display names are not read: callers that need one do not call this.
/// </remarks>
internal static class HeaderAddresses
{
    /// <summary>The addresses of every header <paramref name="id"/> of <paramref name="headers"/>, in order, appended to <paramref name="into"/>.</summary>
    internal static void Read(HeaderList headers, HeaderId id, ICollection<string> into)
    {
        foreach (Header header in headers)
        {
            if (header.Id == id)
            {
                Scan(Encoding.UTF8.GetString(header.RawValue), into);
            }
        }
    }

    /// <summary>The addresses of every header <paramref name="id"/> of <paramref name="headers"/>, in order.</summary>
    internal static List<string> Read(HeaderList headers, HeaderId id)
    {
        var addresses = new List<string>();
        Read(headers, id, addresses);
        return addresses;
    }

    /// <summary>The first address of the headers <paramref name="id"/>; null when they hold none.</summary>
    internal static string? First(HeaderList headers, HeaderId id)
    {
        foreach (Header header in headers)
        {
            if (header.Id != id)
            {
                continue;
            }

            var one = new List<string>(1);
            Scan(Encoding.UTF8.GetString(header.RawValue), one, limit: 1);
            if (one.Count > 0)
            {
                return one[0];
            }
        }

        return null;
    }

    /// <summary>Appends the addresses of <paramref name="text"/> (a raw header value) to <paramref name="into"/>, at most <paramref name="limit"/>.</summary>
    internal static void Scan(string text, ICollection<string> into, int limit = int.MaxValue)
    {
        int start = -1;     // the current token's first character
        int at = -1;        // its last '@'
        int comment = 0;    // the depth of nested comments
        bool quoted = false;
        int tokens = 0;     // tokens of the current entry (between ',' or ';')
        string? lone = null; // the entry's only token, when it has no '@' (a local alias: "To: secretariat")
        bool bracketed = false;
        for (int i = 0; i <= text.Length && into.Count < limit; i++)
        {
            char c = i < text.Length ? text[i] : ',';
            if (quoted || comment > 0)
            {
                if (c == '\\')
                {
                    i++; // a quoted pair
                }
                else if (quoted)
                {
                    quoted = c != '"';
                }
                else
                {
                    comment += c == '(' ? 1 : c == ')' ? -1 : 0;
                }

                continue;
            }

            if (!IsDelimiter(c))
            {
                if (start < 0)
                {
                    start = i;
                    at = -1;
                }

                if (c == '@')
                {
                    at = i;
                }

                continue;
            }

            if (start >= 0)
            {
                tokens++;
                if (at > start && at < i - 1)
                {
                    into.Add(text.Substring(start, i - start));
                }
                else if (at < 0 && tokens == 1)
                {
                    lone = text.Substring(start, i - start);
                }

                start = -1;
            }

            switch (c)
            {
                case ',' or ';':
                    if (lone is not null && tokens == 1 && !bracketed && into.Count < limit)
                    {
                        into.Add(lone);
                    }

                    goto case ':';
                case ':': // a group's name ends: its words are no address
                    tokens = 0;
                    lone = null;
                    bracketed = false;
                    break;
                case '<' or '>':
                    bracketed = true;
                    break;
                case '"':
                    quoted = true;
                    tokens++; // a quoted display name: the entry is not a lone alias
                    break;
                case '(':
                    comment = 1;
                    break;
            }
        }
    }

    private static bool IsDelimiter(char c) => c is ' ' or '\t' or '\r' or '\n' or ',' or ';' or ':' or '<' or '>' or '"' or '(' or ')';
}
