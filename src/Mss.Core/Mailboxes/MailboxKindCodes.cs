using System;
using System.Diagnostics.CodeAnalysis;

namespace Mss.Core.Mailboxes;

/// <summary>
/// The ANS codes of mailbox kinds (BAL-1, TRE_R257-TypeBAL), both ways: <c>PER</c> personal, <c>ORG</c> organisational,
/// <c>APP</c> applicative, <c>CAB</c> cabinet (0.2). The patient kind has no ANS code: patient boxes are not in the
/// professionals' directory (BAL-4).
/// </summary>
public static class MailboxKindCodes
{
    /// <summary>ANS code of <see cref="MailboxKind.Personal"/> (BAL-1).</summary>
    public const string Personal = "PER";

    /// <summary>ANS code of <see cref="MailboxKind.Organisational"/> (BAL-1).</summary>
    public const string Organisational = "ORG";

    /// <summary>ANS code of <see cref="MailboxKind.Applicative"/> (BAL-1).</summary>
    public const string Applicative = "APP";

    /// <summary>ANS code of <see cref="MailboxKind.Cabinet"/> (BAL-1, 0.2).</summary>
    public const string Cabinet = "CAB";

    /// <summary>The ANS code of a kind (BAL-1). Never throws.</summary>
    /// <param name="kind">The kind.</param>
    /// <param name="code"><c>PER</c>, <c>ORG</c>, <c>APP</c> or <c>CAB</c>; null for <see cref="MailboxKind.Patient"/> and undefined values.</param>
    /// <returns>False for <see cref="MailboxKind.Patient"/> (no ANS code) and for values outside the enum.</returns>
    public static bool TryGetCode(MailboxKind kind, [NotNullWhen(true)] out string? code)
    {
        code = kind switch
        {
            MailboxKind.Personal => Personal,
            MailboxKind.Organisational => Organisational,
            MailboxKind.Applicative => Applicative,
            MailboxKind.Cabinet => Cabinet,
            _ => null,
        };
        return code is not null;
    }

    /// <summary>The ANS code of a kind (BAL-1): <c>PER</c>, <c>ORG</c>, <c>APP</c> or <c>CAB</c>.</summary>
    /// <param name="kind">A professional kind.</param>
    /// <returns>The code.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is <see cref="MailboxKind.Patient"/> (no ANS code) or not a defined kind.</exception>
    public static string ToCode(MailboxKind kind) => TryGetCode(kind, out string? code)
        ? code
        : throw new ArgumentOutOfRangeException(nameof(kind), kind, "Only personal, organisational, applicative and cabinet mailboxes have an ANS code (BAL-1).");

    /// <summary>Reads an ANS code (BAL-1): exactly <c>PER</c>, <c>ORG</c>, <c>APP</c> or <c>CAB</c>, upper case. Never throws.</summary>
    /// <param name="code">The code.</param>
    /// <param name="kind">The kind, or <see cref="MailboxKind.Personal"/> (the enum's default) when refused.</param>
    /// <returns>False for anything else (lower case, spaces, the empty string).</returns>
    public static bool TryParse(ReadOnlySpan<char> code, out MailboxKind kind) => ParseCore(code, out kind) == MailboxKindCodeError.None;

    /// <summary>Says why a text is not an ANS mailbox kind code (BAL-1); <see cref="MailboxKindCodeError.None"/> for a code.</summary>
    /// <param name="code">The text.</param>
    /// <returns>The first error that applies.</returns>
    public static MailboxKindCodeError Validate(ReadOnlySpan<char> code) => ParseCore(code, out _);

    private static MailboxKindCodeError ParseCore(ReadOnlySpan<char> code, out MailboxKind kind)
    {
        if (TryParseExact(code, out kind))
        {
            return MailboxKindCodeError.None;
        }

        if (code.IsEmpty)
        {
            return MailboxKindCodeError.Empty;
        }

        if (code.Length == 3)
        {
            Span<char> upper = stackalloc char[3];
            for (int i = 0; i < 3; i++)
            {
                upper[i] = code[i] is >= 'a' and <= 'z' ? (char)(code[i] - 32) : code[i];
            }

            if (TryParseExact(upper, out _))
            {
                return MailboxKindCodeError.Case;
            }
        }

        return MailboxKindCodeError.Unknown;
    }

    private static bool TryParseExact(ReadOnlySpan<char> code, out MailboxKind kind)
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

        if (code is Cabinet)
        {
            kind = MailboxKind.Cabinet;
            return true;
        }

        kind = default;
        return false;
    }

    /// <summary>Reads an ANS code (BAL-1); see <see cref="TryParse(ReadOnlySpan{char}, out MailboxKind)"/>. Never throws; null is refused.</summary>
    /// <param name="code">The code, possibly null.</param>
    /// <param name="kind">The kind, or <see cref="MailboxKind.Personal"/> when refused.</param>
    /// <returns>True for <c>PER</c>, <c>ORG</c>, <c>APP</c>, <c>CAB</c>.</returns>
    public static bool TryParse(string? code, out MailboxKind kind) => TryParse(code.AsSpan(), out kind);

    /// <summary>Reads an ANS code (BAL-1): exactly <c>PER</c>, <c>ORG</c>, <c>APP</c> or <c>CAB</c>.</summary>
    /// <param name="code">The code.</param>
    /// <returns>The kind.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is null.</exception>
    /// <exception cref="MailboxKindCodeFormatException"><paramref name="code"/> is not one of the four codes; <see cref="MailboxKindCodeFormatException.Error"/> says why.</exception>
    public static MailboxKind Parse(string code)
    {
        if (code is null)
        {
            throw new ArgumentNullException(nameof(code));
        }

        MailboxKindCodeError error = ParseCore(code.AsSpan(), out MailboxKind kind);
        return error == MailboxKindCodeError.None ? kind : throw new MailboxKindCodeFormatException(error);
    }
}
