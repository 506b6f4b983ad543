using System.Collections.Generic;
using NodaTime;

namespace Mss.Core.Mailboxes;

/// <summary>
/// What an operator's daily run must do (BAL-5): the boxes whose unpublication, deletion alert or deletion day fell
/// after <see cref="PreviousRun"/> and on or before <see cref="Today"/>. Produced by
/// <see cref="InactivityPolicy.DailyRun(System.ReadOnlySpan{LocalDate}, LocalDate, LocalDate)"/>.
/// </summary>
/// <remarks>
/// A box appears in every list whose day fell in the window: after a skipped fortnight a box may have to be both
/// unpublished and alerted, or alerted and deleted. The lists hold indices into the input, ascending.
/// </remarks>
public sealed class InactivityRun
{
    internal InactivityRun(LocalDate previousRun, LocalDate today, IReadOnlyList<int> toUnpublish, IReadOnlyList<int> toAlert, IReadOnlyList<int> toDelete)
    {
        PreviousRun = previousRun;
        Today = today;
        ToUnpublish = toUnpublish;
        ToAlert = toAlert;
        ToDelete = toDelete;
    }

    /// <summary>The day of the previous run: transitions on that day or before are not reported again.</summary>
    public LocalDate PreviousRun { get; }

    /// <summary>The day of this run: transitions up to and including it are reported.</summary>
    public LocalDate Today { get; }

    /// <summary>Boxes to remove from the Annuaire Santé: their unpublication day is in (<see cref="PreviousRun"/>, <see cref="Today"/>] (BAL-5).</summary>
    public IReadOnlyList<int> ToUnpublish { get; }

    /// <summary>Boxes whose holder must be alerted of the coming deletion: alert day in (<see cref="PreviousRun"/>, <see cref="Today"/>] (BAL-5).</summary>
    public IReadOnlyList<int> ToAlert { get; }

    /// <summary>Boxes to delete: deletion day in (<see cref="PreviousRun"/>, <see cref="Today"/>] (BAL-5).</summary>
    public IReadOnlyList<int> ToDelete { get; }
}
