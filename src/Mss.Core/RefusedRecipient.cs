using System;
using System.Diagnostics;
using System.Globalization;

namespace Mss.Core;

/// <summary>
/// A recipient that is not an MSSanté address (ADDR-4), with the reason: the <see cref="AddressError"/> and the
/// <see cref="DomainVerdict"/> of its domain.
/// </summary>
/// <remarks>
/// <see cref="ToString"/> and the debugger show the position and the reasons, never the text, which may hold a
/// patient's INS (INS-8). <c>default(RefusedRecipient)</c> has index 0, an empty text and <see cref="AddressError.None"/>:
/// it describes no refusal.
/// </remarks>
[DebuggerDisplay("{ToString(),nq}")]
public readonly struct RefusedRecipient : IEquatable<RefusedRecipient>
{
    private readonly string? _text;

    internal RefusedRecipient(int index, string text, AddressError error, DomainVerdict verdict)
    {
        Index = index;
        _text = text;
        Error = error;
        Verdict = verdict;
    }

    /// <summary>The position of the recipient in the list checked, from 0.</summary>
    public int Index { get; }

    /// <summary>The recipient as given (the empty string for null). May hold an INS: do not log it (INS-8).</summary>
    public string Text => _text ?? string.Empty;

    /// <summary>Why the text is not a valid MSSanté address (ADDR-1…ADDR-3).</summary>
    public AddressError Error { get; }

    /// <summary>
    /// What is wrong with its domain (the text after the last '@'); <see cref="DomainVerdict.Mssante"/> when the domain
    /// is fine and the local part is at fault (an invalid patient INS, a quoted local part…).
    /// </summary>
    public DomainVerdict Verdict { get; }

    /// <summary>Compares two refusals.</summary>
    /// <param name="left">The first refusal.</param>
    /// <param name="right">The second refusal.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(RefusedRecipient left, RefusedRecipient right) => left.Equals(right);

    /// <summary>Compares two refusals for inequality.</summary>
    /// <param name="left">The first refusal.</param>
    /// <param name="right">The second refusal.</param>
    /// <returns>True when they differ.</returns>
    public static bool operator !=(RefusedRecipient left, RefusedRecipient right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(RefusedRecipient other) =>
        Index == other.Index && Error == other.Error && Verdict == other.Verdict && string.Equals(Text, other.Text, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is RefusedRecipient other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Index, Error, Verdict, StringComparer.Ordinal.GetHashCode(Text));

    /// <summary>The position and the reasons, e.g. <c>"#2: NotMssante (SuffixTrick)"</c>; never the text (INS-8).</summary>
    /// <returns>A description safe for logs.</returns>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "#{0}: {1} ({2})", Index, Error, Verdict);
}
