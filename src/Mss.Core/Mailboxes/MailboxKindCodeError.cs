namespace Mss.Core.Mailboxes;

/// <summary>
/// Why a text is not an ANS mailbox kind code of TRE_R257-TypeBAL (<c>PER</c>, <c>ORG</c>, <c>APP</c>, <c>CAB</c>;
/// BAL-1). When several apply, the first in declaration order is reported.
/// </summary>
public enum MailboxKindCodeError
{
    /// <summary>The text is a code.</summary>
    None = 0,

    /// <summary>The text is null or empty.</summary>
    Empty,

    /// <summary>The text is a code in the wrong case (<c>per</c>): codes are upper case.</summary>
    Case,

    /// <summary>The text is not one of the four codes.</summary>
    Unknown,
}
