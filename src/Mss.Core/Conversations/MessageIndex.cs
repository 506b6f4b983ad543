using System;
using System.Collections.Generic;

namespace Mss.Core.Conversations;

/// <summary>
/// An immutable, persistent map from an actor message's Message-Id to what CONV-9 needs of it: whether it carried
/// <c>X-MSS-MES: FIN</c> (or was the closing <c>[FIN]</c> itself) and the closing epoch it was sent in. An AVL tree with
/// path copying: adding a message copies O(log n) nodes and leaves every earlier <see cref="Conversation"/> value untouched,
/// so a conversation stays a small readonly struct that can be kept, compared and shared between threads.
/// Null is the empty map.
/// </summary>
internal sealed class MessageIndex
{
    private MessageIndex(string id, MessageEntry entry, MessageIndex? left, MessageIndex? right)
    {
        Id = id;
        Entry = entry;
        Left = left;
        Right = right;
        Height = 1 + Math.Max(HeightOf(left), HeightOf(right));
        Count = 1 + CountOf(left) + CountOf(right);
    }

    internal string Id { get; }

    internal MessageEntry Entry { get; }

    internal MessageIndex? Left { get; }

    internal MessageIndex? Right { get; }

    internal int Height { get; }

    internal int Count { get; }

    internal static int CountOf(MessageIndex? node) => node?.Count ?? 0;

    /// <summary>Finds a message by its id (ordinal comparison). O(log n).</summary>
    internal static bool TryFind(MessageIndex? node, string id, out MessageEntry entry)
    {
        while (node is not null)
        {
            int c = string.CompareOrdinal(id, node.Id);
            if (c == 0)
            {
                entry = node.Entry;
                return true;
            }

            node = c < 0 ? node.Left : node.Right;
        }

        entry = default;
        return false;
    }

    /// <summary>A map with <paramref name="id"/> set to <paramref name="entry"/> (a later message with the same id replaces the earlier one).</summary>
    internal static MessageIndex With(MessageIndex? node, string id, MessageEntry entry)
    {
        if (node is null)
        {
            return new MessageIndex(id, entry, null, null);
        }

        int c = string.CompareOrdinal(id, node.Id);
        if (c == 0)
        {
            return new MessageIndex(id, entry, node.Left, node.Right);
        }

        return c < 0
            ? Balance(node.Id, node.Entry, With(node.Left, id, entry), node.Right)
            : Balance(node.Id, node.Entry, node.Left, With(node.Right, id, entry));
    }

    /// <summary>
    /// Compares two maps in key order as CONV-9 sees them: the same ids, each repliable now (in its map's current epoch) or
    /// not alike. O(n); allocates nothing for equal references.
    /// </summary>
    internal static bool Equal(MessageIndex? a, int epochA, MessageIndex? b, int epochB)
    {
        if (ReferenceEquals(a, b) && epochA == epochB)
        {
            return true;
        }

        if (CountOf(a) != CountOf(b))
        {
            return false;
        }

        using IEnumerator<MessageIndex> left = InOrder(a).GetEnumerator();
        using IEnumerator<MessageIndex> right = InOrder(b).GetEnumerator();
        while (left.MoveNext())
        {
            right.MoveNext();
            MessageEntry x = left.Current.Entry;
            MessageEntry y = right.Current.Entry;
            if (!string.Equals(left.Current.Id, right.Current.Id, StringComparison.Ordinal)
                || (x.Repliable && x.Epoch == epochA) != (y.Repliable && y.Epoch == epochB))
            {
                return false;
            }
        }

        return true;
    }

    // Iterative in-order walk: the tree height is O(log n), the stack stays small.
    private static IEnumerable<MessageIndex> InOrder(MessageIndex? node)
    {
        var stack = new Stack<MessageIndex>();
        while (node is not null || stack.Count > 0)
        {
            while (node is not null)
            {
                stack.Push(node);
                node = node.Left;
            }

            MessageIndex current = stack.Pop();
            yield return current;
            node = current.Right;
        }
    }

    private static int HeightOf(MessageIndex? node) => node?.Height ?? 0;

    private static MessageIndex Balance(string id, MessageEntry entry, MessageIndex? left, MessageIndex? right)
    {
        int diff = HeightOf(left) - HeightOf(right);
        if (diff > 1)
        {
            MessageIndex l = left!;
            if (HeightOf(l.Left) >= HeightOf(l.Right))
            {
                return new MessageIndex(l.Id, l.Entry, l.Left, new MessageIndex(id, entry, l.Right, right));
            }

            MessageIndex lr = l.Right!;
            return new MessageIndex(lr.Id, lr.Entry, new MessageIndex(l.Id, l.Entry, l.Left, lr.Left), new MessageIndex(id, entry, lr.Right, right));
        }

        if (diff < -1)
        {
            MessageIndex r = right!;
            if (HeightOf(r.Right) >= HeightOf(r.Left))
            {
                return new MessageIndex(r.Id, r.Entry, new MessageIndex(id, entry, left, r.Left), r.Right);
            }

            MessageIndex rl = r.Left!;
            return new MessageIndex(rl.Id, rl.Entry, new MessageIndex(id, entry, left, rl.Left), new MessageIndex(r.Id, r.Entry, rl.Right, r.Right));
        }

        return new MessageIndex(id, entry, left, right);
    }
}

/// <summary>What CONV-9 remembers of one actor message: sent in which closing epoch, and whether it could be replied to when sent.</summary>
internal readonly record struct MessageEntry(int Epoch, bool Repliable);
