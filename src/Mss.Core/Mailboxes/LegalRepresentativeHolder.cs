using System;

namespace Mss.Core.Mailboxes;

/// <summary>
/// The legal representative of a structure (known by its IdNat_Struct: FINESS, SIREN, SIRET or a cabinet identifier;
/// BAL-6). They may be responsible for an organisational mailbox of that structure even without an RPPS (BAL-1); a
/// structure without FINESS (a CPTS) is represented the same way (0.2).
/// </summary>
public sealed record LegalRepresentativeHolder : MailboxHolder
{
    /// <summary>Creates the legal representative of a structure known by its FINESS.</summary>
    /// <param name="structure">The FINESS of the structure they represent; must not be <c>default</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="structure"/> is <c>default</c>.</exception>
    public LegalRepresentativeHolder(Finess structure)
    {
        Structure = structure.IsDefault ? throw new ArgumentException("A legal representative represents a structure with a FINESS or another IdNat_Struct (BAL-1, BAL-6).", nameof(structure)) : structure;
        RepresentedStructure = StructureId.FromFiness(structure);
    }

    /// <summary>Creates the legal representative of a structure known by its IdNat_Struct (BAL-1, BAL-6, 0.2).</summary>
    /// <param name="structure">The structure they represent; must not be <c>default</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="structure"/> is <c>default</c>.</exception>
    public LegalRepresentativeHolder(StructureId structure)
    {
        RepresentedStructure = structure.IsDefault ? throw new ArgumentException("A legal representative represents a structure with an IdNat_Struct (BAL-1, BAL-6).", nameof(structure)) : structure;
        Structure = structure.TryGetFiness(out Finess finess) ? finess : default;
    }

    /// <summary>
    /// The FINESS of the structure they represent; <c>default(Finess)</c> when the structure is known by another
    /// identifier (0.2): see <see cref="RepresentedStructure"/>.
    /// </summary>
    public Finess Structure { get; }

    /// <summary>The IdNat_Struct of the structure they represent (BAL-6); never <c>default</c>.</summary>
    public StructureId RepresentedStructure { get; }
}
