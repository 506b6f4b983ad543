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
}
