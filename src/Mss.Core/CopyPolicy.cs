using System;

namespace Mss.Core;

/// <summary>
/// ADDR-5: several recipients are allowed only when the patient's care justifies it (seed 004, FAQ 6). The library
/// reports, and never refuses, recipients beyond a configurable threshold. Decided here: the threshold counts every
/// recipient of a message (To and Cc together), and <see cref="DefaultThreshold"/> of them pass without a report.
/// </summary>
public sealed class CopyPolicy
{
    /// <summary>How many recipients the default policy accepts without a report.</summary>
    public const int DefaultThreshold = 3;

    /// <summary>Creates a policy that reports recipients beyond <paramref name="threshold"/>.</summary>
    /// <param name="threshold">How many recipients pass without a report; at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is below 1.</exception>
    public CopyPolicy(int threshold)
    {
        if (threshold < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "A message needs at least one recipient (ADDR-5).");
        }

        Threshold = threshold;
    }

    /// <summary>The policy with <see cref="DefaultThreshold"/> (ADDR-5).</summary>
    public static CopyPolicy Default { get; } = new(DefaultThreshold);

    /// <summary>How many recipients pass without a report.</summary>
    public int Threshold { get; }

    /// <summary>How many of <paramref name="recipientCount"/> recipients are beyond the threshold and must be reported (ADDR-5).</summary>
    /// <param name="recipientCount">The number of recipients of one message (To and Cc).</param>
    /// <returns>0 when within the threshold.</returns>
    public int Excess(int recipientCount) => recipientCount > Threshold ? recipientCount - Threshold : 0;
}
