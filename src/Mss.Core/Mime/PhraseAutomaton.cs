using System;
using System.Collections.Generic;

namespace Mss.Core.Mime;

/// <summary>
/// An Aho–Corasick automaton over lower-cased phrases, compiled to a table (a DFA): <see cref="PhraseSet"/> where
/// <c>SearchValues&lt;string&gt;</c> is missing (netstandard2.0, net8.0). One pass over the text, one table look-up per
/// character, nothing allocated. Case is ignored by lower-casing each character (<see cref="char.ToLowerInvariant"/>).
/// </summary>
internal sealed class PhraseAutomaton
{
    // Characters outside every phrase share class 0; each character of a phrase has its own class.
    private readonly byte[] _asciiClass = new byte[128];
    private readonly Dictionary<char, int> _otherClass = new();
    private readonly int _classes;

    // _next[state * _classes + class]: the state after reading a character of that class (the failure links folded in).
    private readonly int[] _next;

    // _group[state]: the smallest group index of a phrase ending at that state (or at a suffix of it), int.MaxValue for none.
    private readonly int[] _group;

    public PhraseAutomaton(string[][] groups)
    {
        // The trie, with one dictionary of edges per state while building.
        var edges = new List<Dictionary<int, int>> { new() };
        var group = new List<int> { int.MaxValue };
        int classes = 1;
        for (int g = 0; g < groups.Length; g++)
        {
            foreach (string phrase in groups[g])
            {
                if (phrase.Length == 0)
                {
                    throw new ArgumentException("An empty phrase.", nameof(groups));
                }

                int state = 0;
                foreach (char raw in phrase)
                {
                    char c = Lower(raw);
                    int cls = ClassOf(c);
                    if (cls == 0)
                    {
                        cls = classes++;
                        if (c < 128)
                        {
                            _asciiClass[c] = checked((byte)cls);
                        }
                        else
                        {
                            _otherClass.Add(c, cls);
                        }
                    }

                    if (!edges[state].TryGetValue(cls, out int to))
                    {
                        to = edges.Count;
                        edges.Add(new Dictionary<int, int>());
                        group.Add(int.MaxValue);
                        edges[state].Add(cls, to);
                    }

                    state = to;
                }

                group[state] = Math.Min(group[state], g);
            }
        }

        // Breadth first: each state's failure link is known before its children's; the DFA row of a state is its failure
        // state's row overwritten by its own edges.
        _classes = classes;
        _next = new int[edges.Count * classes];
        _group = group.ToArray();
        var fail = new int[edges.Count];
        var queue = new Queue<int>();
        foreach (KeyValuePair<int, int> edge in edges[0])
        {
            _next[edge.Key] = edge.Value;
            queue.Enqueue(edge.Value);
        }

        while (queue.Count > 0)
        {
            int state = queue.Dequeue();
            int f = fail[state];
            _group[state] = Math.Min(_group[state], _group[f]);
            Array.Copy(_next, f * classes, _next, state * classes, classes);
            foreach (KeyValuePair<int, int> edge in edges[state])
            {
                fail[edge.Value] = _next[(f * classes) + edge.Key];
                _next[(state * classes) + edge.Key] = edge.Value;
                queue.Enqueue(edge.Value);
            }
        }
    }

    /// <summary>The smallest group index of a phrase in <paramref name="text"/>, ignoring case, or -1.</summary>
    public int FirstGroup(ReadOnlySpan<char> text)
    {
        int best = int.MaxValue;
        int state = 0;
        int[] next = _next;
        int[] group = _group;
        foreach (char raw in text)
        {
            state = next[(state * _classes) + ClassOf(Lower(raw))];
            if (group[state] < best)
            {
                best = group[state];
                if (best == 0)
                {
                    break;
                }
            }
        }

        return best == int.MaxValue ? -1 : best;
    }

    private static char Lower(char c) => c < 128 ? (c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c) : char.ToLowerInvariant(c);

    private int ClassOf(char lower) => lower < 128 ? _asciiClass[lower] : _otherClass.TryGetValue(lower, out int cls) ? cls : 0;
}
