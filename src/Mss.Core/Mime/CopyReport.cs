using System;

namespace Mss.Core.Mime;

/// <summary>
/// How many recipients a message has against its <see cref="Mss.Core.CopyPolicy"/> threshold (ADDR-5): the library
/// reports copies beyond the threshold and never refuses them. Given by <see cref="MssMessageBuilder.Copies"/>.
/// </summary>
/// <remarks><c>default(CopyReport)</c> is "no recipients, threshold 0": <see cref="Excess"/> 0, <see cref="IsBeyondThreshold"/> false.</remarks>
public readonly struct CopyReport : IEquatable<CopyReport>
{
    /// <summary>Creates a report.</summary>
    /// <param name="recipients">How many distinct recipients (To and Cc).</param>
    /// <param name="threshold">How many pass without a report.</param>
    /// <param name="excess">How many are beyond the threshold.</param>
    internal CopyReport(int recipients, int threshold, int excess)
    {
        Recipients = recipients;
        Threshold = threshold;
        Excess = excess;
    }

    /// <summary>How many distinct recipients the message has, To and Cc together (ADDR-5).</summary>
    public int Recipients { get; }

    /// <summary>The threshold of the policy in force.</summary>
    public int Threshold { get; }

    /// <summary>How many recipients are beyond the threshold and should be justified by the patient's care (ADDR-5); 0 within it.</summary>
    public int Excess { get; }

    /// <summary>True when some recipients are beyond the threshold (ADDR-5): report it to the sender, do not refuse.</summary>
    public bool IsBeyondThreshold => Excess > 0;

    /// <summary>Compares two reports.</summary>
    /// <param name="left">The first report.</param>
    /// <param name="right">The second report.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(CopyReport left, CopyReport right) => left.Equals(right);

    /// <summary>Compares two reports for inequality.</summary>
    /// <param name="left">The first report.</param>
    /// <param name="right">The second report.</param>
    /// <returns>True when they differ.</returns>
    public static bool operator !=(CopyReport left, CopyReport right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(CopyReport other) => Recipients == other.Recipients && Threshold == other.Threshold && Excess == other.Excess;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is CopyReport other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Recipients, Threshold, Excess);

    /// <summary>For example <c>5 recipients, threshold 3, 2 beyond</c>.</summary>
    /// <returns>The summary.</returns>
    public override string ToString() => Recipients + " recipients, threshold " + Threshold + ", " + Excess + " beyond";
}
