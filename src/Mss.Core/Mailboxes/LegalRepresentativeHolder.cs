using System;

namespace Mss.Core.Mailboxes;

/// <summary>
/// The legal representative of a structure (known by its FINESS). They may be responsible for an organisational
/// mailbox of that structure even without an RPPS (BAL-1).
/// </summary>
public sealed record LegalRepresentativeHolder : MailboxHolder
{
    /// <summary>Creates the legal representative of a structure.</summary>
    /// <param name="structure">The FINESS of the structure they represent; must not be <c>default</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="structure"/> is <c>default</c>.</exception>
    public LegalRepresentativeHolder(Finess structure)
    {
        Structure = structure.IsDefault ? throw new ArgumentException("A legal representative represents a structure with a FINESS (BAL-1).", nameof(structure)) : structure;
    }

    /// <summary>The FINESS of the structure they represent.</summary>
    public Finess Structure { get; }
}
