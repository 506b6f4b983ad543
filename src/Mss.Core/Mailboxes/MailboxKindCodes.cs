using System;
using System.Diagnostics.CodeAnalysis;

namespace Mss.Core.Mailboxes;

/// <summary>
/// The ANS codes of mailbox kinds (BAL-1), both ways: <c>PER</c> personal, <c>ORG</c> organisational, <c>APP</c>
/// applicative. The patient kind has no ANS code: patient boxes are not in the professionals' directory (BAL-4).
/// </summary>
public static class MailboxKindCodes
{
    /// <summary>ANS code of <see cref="MailboxKind.Personal"/> (BAL-1).</summary>
    public const string Personal = "PER";

    /// <summary>ANS code of <see cref="MailboxKind.Organisational"/> (BAL-1).</summary>
    public const string Organisational = "ORG";

    /// <summary>ANS code of <see cref="MailboxKind.Applicative"/> (BAL-1).</summary>
    public const string Applicative = "APP";

    /// <summary>The ANS code of a kind (BAL-1). Never throws.</summary>
    /// <param name="kind">The kind.</param>
    /// <param name="code"><c>PER</c>, <c>ORG</c> or <c>APP</c>; null for <see cref="MailboxKind.Patient"/> and undefined values.</param>
    /// <returns>False for <see cref="MailboxKind.Patient"/> (no ANS code) and for values outside the enum.</returns>
    public static bool TryGetCode(MailboxKind kind, [NotNullWhen(true)] out string? code)
    {
        code = kind switch
        {
            MailboxKind.Personal => Personal,
            MailboxKind.Organisational => Organisational,
            MailboxKind.Applicative => Applicative,
            _ => null,
        };
        return code is not null;
    }

    /// <summary>The ANS code of a kind (BAL-1): <c>PER</c>, <c>ORG</c> or <c>APP</c>.</summary>
    /// <param name="kind">A professional kind.</param>
    /// <returns>The code.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is <see cref="MailboxKind.Patient"/> (no ANS code) or not a defined kind.</exception>
    public static string ToCode(MailboxKind kind) => TryGetCode(kind, out string? code)
        ? code
        : throw new ArgumentOutOfRangeException(nameof(kind), kind, "Only personal, organisational and applicative mailboxes have an ANS code (BAL-1).");

    /// <summary>Reads an ANS code (BAL-1): exactly <c>PER</c>, <c>ORG</c> or <c>APP</c>, upper case. Never throws.</summary>
    /// <param name="code">The code.</param>
    /// <param name="kind">The kind, or <see cref="MailboxKind.Personal"/> (the enum's default) when refused.</param>
    /// <returns>False for anything else (lower case, spaces, the empty string).</returns>
    public static bool TryParse(ReadOnlySpan<char> code, out MailboxKind kind)
    {
        if (code is Personal)
        {
            kind = MailboxKind.Personal;
            return true;
        }

        if (code is Organisational)
        {
            kind = MailboxKind.Organisational;
            return true;
        }

        if (code is Applicative)
        {
            kind = MailboxKind.Applicative;
            return true;
        }

        kind = default;
        return false;
    }

    /// <summary>Reads an ANS code (BAL-1); see <see cref="TryParse(ReadOnlySpan{char}, out MailboxKind)"/>. Never throws; null is refused.</summary>
    /// <param name="code">The code, possibly null.</param>
    /// <param name="kind">The kind, or <see cref="MailboxKind.Personal"/> when refused.</param>
    /// <returns>True for <c>PER</c>, <c>ORG</c>, <c>APP</c>.</returns>
    public static bool TryParse(string? code, out MailboxKind kind) => TryParse(code.AsSpan(), out kind);

    /// <summary>Reads an ANS code (BAL-1): exactly <c>PER</c>, <c>ORG</c> or <c>APP</c>.</summary>
    /// <param name="code">The code.</param>
    /// <returns>The kind.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is null.</exception>
    /// <exception cref="FormatException"><paramref name="code"/> is not one of the three codes.</exception>
    public static MailboxKind Parse(string code)
    {
        if (code is null)
        {
            throw new ArgumentNullException(nameof(code));
        }

        return TryParse(code.AsSpan(), out MailboxKind kind)
            ? kind
            : throw new FormatException("ANS mailbox kind codes are PER, ORG and APP (BAL-1).");
    }
}
