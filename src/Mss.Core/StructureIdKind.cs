namespace Mss.Core;

/// <summary>
/// What a <see cref="StructureId"/> is built on (BAL-6). Each value is the ANS code of TRE_G07-TypeIdentifiantStructure,
/// the first character of the IdNat_Struct text.
/// </summary>
/// <remarks>
/// Sources (ANS): the nomenclature TRE_G07-TypeIdentifiantStructure (0 "Id Cabinet ADELI", 1 "FINESS", 2 "SIREN",
/// 3 "SIRET", 4 "Id Cabinet RPPS", as listed by the value set JDV_J104-TypeIdentifiantStructure-RASS); the Annuaire Santé
/// FHIR IG, profile as-organization, <c>Organization.identifier:idNatSt</c>: "0 + ADELI rang, 1 + Numéro FINESS
/// Etablissement, 2 + Numéro SIREN, 3 + Numéro SIRET, 4 + RPPS rang" (github.com/ansforge/IG-fhir-annuaire, branch gh-pages,
/// main/ig/StructureDefinition-as-organization.json); the MOS class EntiteGeographique: RPPS-rang is 14 characters
/// (11 of the RPPS + 2 of rank + 1 Luhn key), ADELI-rang 11 (9 of the ADELI + 2 of rank).
/// </remarks>
public enum StructureIdKind
{
    /// <summary><c>0</c> + ADELI-rang: a private practice identified from an ADELI number (9 digits + 2-digit rank, 11 digits).</summary>
    CabinetAdeli = 0,

    /// <summary><c>1</c> + FINESS: a legal entity or establishment with a FINESS number (9 characters).</summary>
    Finess = 1,

    /// <summary><c>2</c> + SIREN: a company (9 digits).</summary>
    Siren = 2,

    /// <summary><c>3</c> + SIRET: an establishment of a company (14 digits: SIREN + 5-digit NIC).</summary>
    Siret = 3,

    /// <summary><c>4</c> + RPPS-rang: a private practice identified from an RPPS number (11 digits + 2-digit rank + Luhn key, 14 digits).</summary>
    CabinetRpps = 4,
}
