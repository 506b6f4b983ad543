using System;

namespace Mss.Core.Conversations;

/// <summary>A set of <see cref="ConversationStatus"/> values, as the "status" column of the CONV-8 transition table.</summary>
[Flags]
public enum ConversationStatuses
{
    /// <summary>No status.</summary>
    None = 0,

    /// <summary><see cref="ConversationStatus.NotStarted"/>.</summary>
    NotStarted = 1,

    /// <summary><see cref="ConversationStatus.Open"/>.</summary>
    Open = 2,

    /// <summary><see cref="ConversationStatus.Closed"/>.</summary>
    Closed = 4,

    /// <summary>Every status.</summary>
    Any = NotStarted | Open | Closed,
}
