using System;
using System.Collections.Generic;
using System.Globalization;

namespace Mss.Core;

/// <summary>
/// The verdict of <see cref="MssRecipients.Check(IEnumerable{string}, CopyPolicy)"/> on the recipients of one message:
/// who is refused and why (ADDR-4), and how many copies go beyond the <see cref="CopyPolicy"/> threshold (ADDR-5,
/// reported, never refused).
/// </summary>
public sealed class RecipientsReport
{
    internal RecipientsReport(IReadOnlyList<MssAddress> accepted, IReadOnlyList<RefusedRecipient> refused, IReadOnlyList<int> duplicates, CopyPolicy policy)
    {
        Accepted = accepted;
        Refused = refused;
        Duplicates = duplicates;
        Policy = policy;
        ExcessCopies = policy.Excess(RecipientCount);
    }

    /// <summary>
    /// The valid MSSanté addresses, in the order given, each once: an address repeated in any case is the same
    /// recipient (ADDR-1, 0.2) and its repetitions are in <see cref="Duplicates"/>.
    /// </summary>
    public IReadOnlyList<MssAddress> Accepted { get; }

    /// <summary>
    /// The positions (from 0) of the recipients that repeat an address accepted earlier, case ignored (ADDR-1, 0.2): they
    /// are not copies of their own and do not count in <see cref="RecipientCount"/>.
    /// </summary>
    public IReadOnlyList<int> Duplicates { get; }

    /// <summary>The recipients that are not MSSanté addresses, in the order given, with the reasons (ADDR-4).</summary>
    public IReadOnlyList<RefusedRecipient> Refused { get; }

    /// <summary>How many distinct recipients were checked, refused ones included; a repeated address counts once (ADDR-1).</summary>
    public int RecipientCount => Accepted.Count + Refused.Count;

    /// <summary>The copy policy applied (ADDR-5).</summary>
    public CopyPolicy Policy { get; }

    /// <summary>How many recipients are beyond <see cref="CopyPolicy.Threshold"/> (ADDR-5): to report, not to refuse.</summary>
    public int ExcessCopies { get; }

    /// <summary>True when every recipient is an MSSanté address (ADDR-4); true for an empty list.</summary>
    public bool AllMssante => Refused.Count == 0;

    /// <summary>True when the message may be built: at least one recipient and all of them MSSanté addresses (ADDR-4).</summary>
    public bool CanSend => RecipientCount > 0 && AllMssante;

    /// <summary>True when copies go beyond the threshold and must be reported to the sender (ADDR-5).</summary>
    public bool HasExcessCopies => ExcessCopies > 0;

    /// <summary>A summary safe for logs: counts and refusal reasons, never an address (INS-8).</summary>
    /// <returns>
    /// E.g. <c>"4 recipients, 1 refused [#3: NotMssante (SuffixTrick)], 1 beyond the threshold of 3"</c>, followed by
    /// <c>", 1 repeated [#4]"</c> when addresses were repeated.
    /// </returns>
    public override string ToString()
    {
        string summary = string.Format(
            CultureInfo.InvariantCulture,
            "{0} recipients, {1} refused [{2}], {3} beyond the threshold of {4}",
            RecipientCount,
            Refused.Count,
            string.Join(", ", Refused),
            ExcessCopies,
            Policy.Threshold);
        if (Duplicates.Count == 0)
        {
            return summary;
        }

        var positions = new string[Duplicates.Count];
        for (int i = 0; i < positions.Length; i++)
        {
            positions[i] = "#" + Duplicates[i].ToString(CultureInfo.InvariantCulture);
        }

        return summary + string.Format(CultureInfo.InvariantCulture, ", {0} repeated [{1}]", Duplicates.Count, string.Join(", ", positions));
    }
}
