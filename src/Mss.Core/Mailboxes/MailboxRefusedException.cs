using System;

namespace Mss.Core.Mailboxes;

/// <summary>
/// Thrown by <see cref="Mailbox.Create(MssAddress, MailboxKind, MailboxHolder?)"/> when a mailbox may not be opened as asked (BAL-1, BAL-2). Its message
/// explains the <see cref="MailboxRefusal"/> and never contains an INS (INS-8).
/// </summary>
[Serializable]
public class MailboxRefusedException : ArgumentException
{
    /// <summary>Creates an exception for a generic refusal (<see cref="MailboxRefusal.UnknownKind"/>).</summary>
    public MailboxRefusedException()
        : this(MailboxRefusal.UnknownKind)
    {
    }

    /// <summary>Creates an exception with a custom message (<see cref="MailboxRefusal.UnknownKind"/>). The message must not contain an INS (INS-8).</summary>
    /// <param name="message">The message.</param>
    public MailboxRefusedException(string message)
        : base(message)
    {
        Refusal = MailboxRefusal.UnknownKind;
    }

    /// <summary>Creates an exception with a custom message and inner exception (<see cref="MailboxRefusal.UnknownKind"/>).</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public MailboxRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Refusal = MailboxRefusal.UnknownKind;
    }

    /// <summary>Creates an exception for <paramref name="refusal"/>, with a message that explains it.</summary>
    /// <param name="refusal">Why the mailbox may not be opened.</param>
    public MailboxRefusedException(MailboxRefusal refusal)
        : base(MailboxRules.Describe(refusal))
    {
        Refusal = refusal;
    }

    /// <summary>Why the mailbox may not be opened.</summary>
    public MailboxRefusal Refusal { get; }
}
