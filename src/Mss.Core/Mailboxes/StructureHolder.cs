using System;

namespace Mss.Core.Mailboxes;

/// <summary>
/// A health or social structure, known by its IdNat_Struct (<see cref="StructureId"/>: FINESS, SIREN, SIRET or a
/// cabinet identifier; BAL-6). An applicative mailbox belongs to one (BAL-1); a structure without FINESS (a CPTS, a
/// private practice) may hold one too (0.2), e.g. the seeds' <c>no_reply@cpts123.mssante.fr</c>.
/// </summary>
public sealed record StructureHolder : MailboxHolder
{
    /// <summary>Creates a structure known by its FINESS (BAL-6).</summary>
    /// <param name="finess">Its FINESS; must not be <c>default</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="finess"/> is <c>default</c>.</exception>
    public StructureHolder(Finess finess)
    {
        Finess = finess.IsDefault ? throw new ArgumentException("A structure needs a FINESS or another IdNat_Struct (BAL-6).", nameof(finess)) : finess;
        Structure = StructureId.FromFiness(finess);
    }

    /// <summary>Creates a structure known by its IdNat_Struct: FINESS, SIREN, SIRET or a cabinet identifier (BAL-6, 0.2).</summary>
    /// <param name="structure">Its identifier; must not be <c>default</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="structure"/> is <c>default</c>.</exception>
    public StructureHolder(StructureId structure)
    {
        Structure = structure.IsDefault ? throw new ArgumentException("A structure needs an IdNat_Struct (BAL-6).", nameof(structure)) : structure;
        Finess = structure.TryGetFiness(out Finess finess) ? finess : default;
    }

    /// <summary>
    /// The structure's FINESS (BAL-6); <c>default(Finess)</c> when it is known by another identifier (a structure
    /// without FINESS, 0.2): see <see cref="Structure"/>.
    /// </summary>
    public Finess Finess { get; }

    /// <summary>The structure's IdNat_Struct (BAL-6); never <c>default</c>.</summary>
    public StructureId Structure { get; }
}
