namespace Mss.Core;

/// <summary>The ANS identifiers of health professionals and structures (BAL-6).</summary>
public enum HealthIdentifierKind
{
    /// <summary>RPPS number of a professional: 11 digits (<see cref="Mss.Core.Rpps"/>).</summary>
    Rpps,

    /// <summary>ADELI number of a professional: 9 digits (<see cref="Mss.Core.Adeli"/>).</summary>
    Adeli,

    /// <summary>National professional identifier IdNat_PS: <c>8</c> + RPPS or <c>0</c> + ADELI (<see cref="Mss.Core.IdNatPs"/>).</summary>
    IdNatPs,

    /// <summary>FINESS number of a health or social structure: 9 alphanumeric characters (<see cref="Mss.Core.Finess"/>).</summary>
    Finess,

    /// <summary>
    /// IdNat_Struct of a structure (0.2): a TRE_G07 prefix <c>0</c>–<c>4</c> and an ADELI-rang, FINESS, SIREN, SIRET or
    /// RPPS-rang (<see cref="Mss.Core.StructureId"/>).
    /// </summary>
    StructureId,
}
