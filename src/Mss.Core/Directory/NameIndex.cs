using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using Mss.Core.Conversations;

namespace Mss.Core.Directory;

/// <summary>
/// The name index of a directory: every folded word of every family, given and structure name (the folding of
/// <see cref="SearchText"/>: accents, case and punctuation ignored), sorted, so that the entries with a word starting
/// with a prefix are one binary search away; and the entries grouped by folded family and given names (homonyms,
/// seed 004 FAQ 5).
/// </summary>
internal sealed class NameIndex
{
    private const char Separator = ' ';

    private readonly string _text;       // each entry's folded words, each followed by a space
    private readonly int[] _entryStart;  // where entry i's words start in _text; one more for the end
    private readonly int[] _words;       // start of each word in _text, sorted by the word
    private readonly int[] _lengths;     // the length of each sorted word
    private readonly int[] _wordEntry;   // the entry of each sorted word
    private readonly Dictionary<string, int[]> _homonyms;
    private int[]? _spareMarks;          // zeroed, one slot per entry; see Search

    public NameIndex(DirectoryEntry[] entries)
    {
        var text = new StringBuilder(entries.Length * 24);
        var starts = new List<int>(entries.Length * 3);
        var owners = new List<int>(entries.Length * 3);
        var kinds = new List<int>(entries.Length * 3);            // each word's distinct word
        var distinct = new Dictionary<string, int>(StringComparer.Ordinal);
        var groups = new Dictionary<(string Family, string Given), List<int>>(); // folded names, shared per distinct name
        var added = new Words(text, starts, owners, kinds, distinct);
        _entryStart = new int[entries.Length + 1];
        for (int i = 0; i < entries.Length; i++)
        {
            DirectoryEntry entry = entries[i];
            _entryStart[i] = text.Length;
            string family = added.Add(entry.FamilyName, i);
            string given = added.Add(entry.GivenName, i);
            added.Add(entry.StructureName, i);
            if (family.Length != 0)
            {
                // No key string per entry (issue 27): the folded names are shared, the key is built once per homonym group.
                var key = (family, given);
                if (!groups.TryGetValue(key, out List<int>? group))
                {
                    group = new List<int>(1);
                    groups.Add(key, group);
                }

                group.Add(i);
            }
        }

        _entryStart[entries.Length] = text.Length;
        _text = text.ToString();

        // Sorted by word, then in reading order (issue 27): the few distinct words are sorted (ordinal), then the words
        // are placed by a stable counting sort on their distinct word's rank. Linear in the words, where a comparison
        // sort of every word took 0.6 s on 200,000 boxes.
        string[] names = new string[distinct.Count];
        foreach (KeyValuePair<string, int> word in distinct)
        {
            names[word.Value] = word.Key;
        }

        int[] byName = new int[names.Length];
        for (int d = 0; d < byName.Length; d++)
        {
            byName[d] = d;
        }

        Array.Sort(byName, (a, b) => string.CompareOrdinal(names[a], names[b]));
        int[] rank = new int[names.Length];
        for (int r = 0; r < byName.Length; r++)
        {
            rank[byName[r]] = r;
        }

        int[] next = new int[names.Length + 1];
        foreach (int kind in kinds)
        {
            next[rank[kind] + 1]++;
        }

        for (int r = 1; r < next.Length; r++)
        {
            next[r] += next[r - 1];
        }

        _words = new int[starts.Count];
        _lengths = new int[starts.Count];
        _wordEntry = new int[starts.Count];
        for (int i = 0; i < starts.Count; i++)
        {
            int kind = kinds[i];
            int at = next[rank[kind]]++;
            _words[at] = starts[i];
            _lengths[at] = names[kind].Length;
            _wordEntry[at] = owners[i];
        }

        _homonyms = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (KeyValuePair<(string Family, string Given), List<int>> group in groups)
        {
            if (group.Value.Count > 1)
            {
                _homonyms.Add(group.Key.Family + "\u0001" + group.Key.Given, group.Value.ToArray());
            }
        }
    }

    /// <summary>The entries whose names hold a word starting with each query word; see <see cref="MssDirectory.Search"/>.</summary>
    public List<int> Search(string query, int max)
    {
        IReadOnlyList<string> words = SearchText.Words(query);
        var found = new List<int>();
        if (words.Count == 0)
        {
            return found;
        }

        // The most selective query word drives the scan; the others are checked on each candidate, either by marking the
        // entries of their (not much larger) ranges in a pooled array, or by reading the candidate's words.
        var ranges = new (int From, int To)[words.Count];
        int best = -1;
        for (int w = 0; w < words.Count; w++)
        {
            ranges[w] = Range(words[w].AsSpan());
            if (ranges[w].From == ranges[w].To)
            {
                return found;
            }

            if (best < 0 || ranges[w].To - ranges[w].From < ranges[best].To - ranges[best].From)
            {
                best = w;
            }
        }

        var others = new List<int>(words.Count);
        for (int w = 0; w < words.Count; w++)
        {
            if (w != best)
            {
                others.Add(w);
            }
        }

        // First the candidates' own words are read (dense matches end early); when matches are sparse, the entries of
        // the other words' ranges are marked once in a zeroed array and the rest of the scan only reads the marks.
        HashSet<int>? seen = max > 16 ? new HashSet<int>() : null;
        (int k, int to) = ranges[best];
        for (int budget = 256; k < to && found.Count < max && budget > 0; k++, budget--)
        {
            int entry = _wordEntry[k];
            bool all = !(seen is null ? found.Contains(entry) : seen.Contains(entry));
            for (int i = 0; i < others.Count && all; i++)
            {
                all = HasWordStartingWith(entry, words[others[i]].AsSpan());
            }

            if (all)
            {
                found.Add(entry);
                seen?.Add(entry);
            }
        }

        if (k == to || found.Count == max || others.Count == 0)
        {
            return found;
        }

        // A zeroed array, one slot per entry: the spare one, or a new one when another search holds it.
        int[] marks = Interlocked.Exchange(ref _spareMarks, null) ?? new int[_entryStart.Length];
        try
        {
            for (int m = 0; m < others.Count; m++)
            {
                (int from, int end) = ranges[others[m]];
                for (int j = from; j < end; j++)
                {
                    int entry = _wordEntry[j];
                    if (marks[entry] == m)
                    {
                        marks[entry] = m + 1;
                    }
                }
            }

            for (; k < to && found.Count < max; k++)
            {
                int entry = _wordEntry[k];
                if (marks[entry] == others.Count && !(seen is null ? found.Contains(entry) : seen.Contains(entry)))
                {
                    found.Add(entry);
                    seen?.Add(entry);
                }
            }
        }
        finally
        {
            // Only entries of the first other word's range were changed: zero them and keep the array.
            (int from, int end) = ranges[others[0]];
            for (int j = from; j < end; j++)
            {
                marks[_wordEntry[j]] = 0;
            }

            Volatile.Write(ref _spareMarks, marks);
        }

        return found;
    }

    /// <summary>The entries with these folded family and given names, when more than one has them; else null.</summary>
    public int[]? SameNames(string family, string? given)
    {
        string key = string.Join(" ", SearchText.Words(family)) + "\u0001" + string.Join(" ", SearchText.Words(given ?? string.Empty));
        return _homonyms.TryGetValue(key, out int[]? same) ? same : null;
    }

    private static ReadOnlySpan<char> Word(string text, int start)
    {
        int end = text.IndexOf(Separator, start);
        return text.AsSpan(start, end - start);
    }

    /// <summary>Folds a name into words, appends them; returns the folded words joined by spaces.</summary>
    /// <summary>The words of the names, appended to the text as they are read, each with its entry and its distinct word.</summary>
    private sealed class Words
    {
        private readonly StringBuilder _text;
        private readonly List<int> _starts;
        private readonly List<int> _owners;
        private readonly List<int> _kinds;
        private readonly Dictionary<string, int> _distinct;
        private readonly Dictionary<string, Folded> _folded = new(StringComparer.Ordinal);

        public Words(StringBuilder text, List<int> starts, List<int> owners, List<int> kinds, Dictionary<string, int> distinct)
        {
            _text = text;
            _starts = starts;
            _owners = owners;
            _kinds = kinds;
            _distinct = distinct;
        }

        /// <summary>Adds the folded words of <paramref name="name"/> for <paramref name="entry"/>; returns them joined by spaces.</summary>
        public string Add(string? name, int entry)
        {
            if (string.IsNullOrEmpty(name))
            {
                return string.Empty;
            }

            // Names repeat (homonyms, shared given names): each distinct name is folded once (issue 27).
            if (!_folded.TryGetValue(name!, out Folded? folded))
            {
                IReadOnlyList<string> words = SearchText.Words(name!);
                var kinds = new int[words.Count];
                for (int w = 0; w < kinds.Length; w++)
                {
                    if (!_distinct.TryGetValue(words[w], out kinds[w]))
                    {
                        kinds[w] = _distinct.Count;
                        _distinct.Add(words[w], kinds[w]);
                    }
                }

                folded = new Folded(words, kinds, string.Join(" ", words));
                _folded.Add(name!, folded);
            }

            for (int w = 0; w < folded.Kinds.Length; w++)
            {
                _starts.Add(_text.Length);
                _owners.Add(entry);
                _kinds.Add(folded.Kinds[w]);
                _text.Append(folded.Words[w]).Append(Separator);
            }

            return folded.Joined;
        }

        /// <summary>A name's folded words, their distinct words, and the words joined by spaces.</summary>
        private sealed class Folded
        {
            public Folded(IReadOnlyList<string> words, int[] kinds, string joined)
            {
                Words = words;
                Kinds = kinds;
                Joined = joined;
            }

            public IReadOnlyList<string> Words { get; }

            public int[] Kinds { get; }

            public string Joined { get; }
        }
    }

    /// <summary>Compares a word's first characters with a prefix: 0 when the word starts with it.</summary>
    private static int ComparePrefix(ReadOnlySpan<char> word, ReadOnlySpan<char> prefix) =>
        word.Length >= prefix.Length ? word.Slice(0, prefix.Length).SequenceCompareTo(prefix) : word.SequenceCompareTo(prefix);

    /// <summary>The range of sorted words that start with <paramref name="prefix"/>.</summary>
    private (int From, int To) Range(ReadOnlySpan<char> prefix)
    {
        int lo = 0;
        int hi = _words.Length;
        while (lo < hi)
        {
            int mid = (int)((uint)(lo + hi) >> 1);
            if (ComparePrefix(_text.AsSpan(_words[mid], _lengths[mid]), prefix) < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        int from = lo;
        hi = _words.Length;
        while (lo < hi)
        {
            int mid = (int)((uint)(lo + hi) >> 1);
            if (ComparePrefix(_text.AsSpan(_words[mid], _lengths[mid]), prefix) <= 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return (from, lo);
    }

    private bool HasWordStartingWith(int entry, ReadOnlySpan<char> prefix)
    {
        int position = _entryStart[entry];
        int end = _entryStart[entry + 1];
        while (position < end)
        {
            ReadOnlySpan<char> word = Word(_text, position);
            if (word.StartsWith(prefix))
            {
                return true;
            }

            position += word.Length + 1;
        }

        return false;
    }
}
