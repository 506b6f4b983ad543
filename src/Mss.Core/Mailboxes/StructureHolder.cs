using System;

namespace Mss.Core.Mailboxes;

/// <summary>A health or social structure, known by its FINESS (BAL-6). An applicative mailbox belongs to one (BAL-1).</summary>
public sealed record StructureHolder : MailboxHolder
{
    /// <summary>Creates a structure.</summary>
    /// <param name="finess">Its FINESS; must not be <c>default</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="finess"/> is <c>default</c>.</exception>
    public StructureHolder(Finess finess)
    {
        Finess = finess.IsDefault ? throw new ArgumentException("A structure needs a FINESS (BAL-6).", nameof(finess)) : finess;
    }

    /// <summary>The structure's FINESS (BAL-6).</summary>
    public Finess Finess { get; }
}
