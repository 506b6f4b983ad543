using System;

namespace Mss.Core.Mailboxes;

/// <summary>
/// Thrown by <see cref="MailboxKindCodes.Parse"/> when a text is not an ANS mailbox kind code (BAL-1). Its message names
/// the <see cref="MailboxKindCodeError"/>, never the text itself.
/// </summary>
[Serializable]
public class MailboxKindCodeFormatException : FormatException
{
    /// <summary>Creates an exception for an unknown code (<see cref="MailboxKindCodeError.Unknown"/>).</summary>
    public MailboxKindCodeFormatException()
        : this(MailboxKindCodeError.Unknown)
    {
    }

    /// <summary>Creates an exception with a custom message (<see cref="MailboxKindCodeError.Unknown"/>).</summary>
    /// <param name="message">The message.</param>
    public MailboxKindCodeFormatException(string message)
        : base(message)
    {
        Error = MailboxKindCodeError.Unknown;
    }

    /// <summary>Creates an exception with a custom message and inner exception (<see cref="MailboxKindCodeError.Unknown"/>).</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public MailboxKindCodeFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = MailboxKindCodeError.Unknown;
    }

    /// <summary>Creates an exception for <paramref name="error"/>.</summary>
    /// <param name="error">Why the text is not a code.</param>
    public MailboxKindCodeFormatException(MailboxKindCodeError error)
        : base(Describe(error))
    {
        Error = error;
    }

    /// <summary>Why the text is not a code.</summary>
    public MailboxKindCodeError Error { get; }

    private static string Describe(MailboxKindCodeError error) => error switch
    {
        MailboxKindCodeError.Empty => "The mailbox kind code is empty; ANS codes are PER, ORG, APP and CAB (BAL-1).",
        MailboxKindCodeError.Case => "ANS mailbox kind codes are upper case: PER, ORG, APP, CAB (BAL-1).",
        _ => "ANS mailbox kind codes are PER, ORG, APP and CAB (BAL-1, TRE_R257-TypeBAL).",
    };
}
