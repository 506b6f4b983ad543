using System;
#if NET9_0_OR_GREATER
using System.Buffers;
#endif

namespace Mss.Core.Mime;

/// <summary>
/// Lists of phrases looked for in a text all at once, ignoring case (issue 27): one pass over the text whatever the number
/// of phrases, instead of one search per phrase. The lists are groups in priority order: <see cref="FirstGroup"/> says
/// which is the first group with a phrase in the text. Built once per list (static fields); searching allocates nothing.
/// </summary>
/// <remarks>
/// On .NET 9 and later each group is a <c>SearchValues&lt;string&gt;</c> (<see cref="StringComparison.OrdinalIgnoreCase"/>,
/// vectorised); elsewhere (netstandard2.0, net8.0) one <see cref="PhraseAutomaton"/> over every group.
/// </remarks>
internal sealed class PhraseSet
{
#if NET9_0_OR_GREATER
    private readonly SearchValues<string>[] _groups;
#else
    private readonly PhraseAutomaton _automaton;
#endif

    /// <summary>One group of phrases.</summary>
    public PhraseSet(params string[] phrases)
        : this(new[] { phrases })
    {
    }

    /// <summary>Groups of phrases, the first group first.</summary>
    public PhraseSet(string[][] groups)
    {
#if NET9_0_OR_GREATER
        _groups = new SearchValues<string>[groups.Length];
        for (int i = 0; i < groups.Length; i++)
        {
            _groups[i] = SearchValues.Create(groups[i], StringComparison.OrdinalIgnoreCase);
        }
#else
        _automaton = new PhraseAutomaton(groups);
#endif
    }

    /// <summary>The index of the first group with a phrase in <paramref name="text"/> (ignoring case), or -1.</summary>
    public int FirstGroup(ReadOnlySpan<char> text)
    {
#if NET9_0_OR_GREATER
        for (int i = 0; i < _groups.Length; i++)
        {
            if (text.IndexOfAny(_groups[i]) >= 0)
            {
                return i;
            }
        }

        return -1;
#else
        return _automaton.FirstGroup(text);
#endif
    }

    /// <summary>Whether a phrase of any group is in <paramref name="text"/> (ignoring case).</summary>
    public bool IsIn(ReadOnlySpan<char> text) => FirstGroup(text) >= 0;

    /// <summary>Whether a phrase of any group is in <paramref name="text"/> (ignoring case); false for null.</summary>
    public bool IsIn(string? text) => text is not null && FirstGroup(text.AsSpan()) >= 0;
}
