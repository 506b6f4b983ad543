using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using Mss.Core.Mailboxes;

namespace Mss.Core.Directory;

/// <summary>
/// One MSSanté box as the Annuaire Santé publishes it (BAL-7): its address, its kind (TRE_R257-TypeBAL), the
/// professional (RPPS) and names it belongs to, the structure (IdNat_Struct, name, activity sector) it is tied to, and
/// whether it is on the red list (<c>listeRouge</c>); from the national extraction file (BAL-7 0.3), also the
/// professional's IdNat_PS, profession and savoir-faire, the service, and every structure the address is attached to.
/// </summary>
/// <remarks>
/// A personal or cabinet box read from a Practitioner carries the professional's RPPS and names; one read from a
/// PractitionerRole also carries the structure of that practice; an organisational or applicative box read from an
/// Organization carries the structure only. A box read from the extraction file carries what its line says (a repeated
/// address: the first line's fields and every line's structure). A member is null when the source does not say it.
/// Instances are immutable.
/// </remarks>
public sealed class DirectoryEntry
{
    /// <summary>Creates an entry, e.g. from a cache of the Annuaire kept by the caller.</summary>
    /// <param name="address">The box's address: an MSSanté address, never a patient's (BAL-4).</param>
    /// <param name="kind">Its kind: <see cref="MailboxKind.Personal"/>, <see cref="MailboxKind.Organisational"/>, <see cref="MailboxKind.Applicative"/> or <see cref="MailboxKind.Cabinet"/>.</param>
    /// <param name="professional">The professional's RPPS, for a personal or cabinet box.</param>
    /// <param name="familyName">The professional's family name.</param>
    /// <param name="givenName">The professional's given name(s).</param>
    /// <param name="structureName">The structure's name.</param>
    /// <param name="structure">The structure's IdNat_Struct.</param>
    /// <param name="activitySector">The structure's activity sector (TRE_R02-SecteurActivite, e.g. <c>SA33</c>).</param>
    /// <param name="redList">True when the box is on the red list (<c>listeRouge</c>).</param>
    /// <param name="city">The structure's town as the Annuaire writes it, when known.</param>
    /// <exception cref="ArgumentException"><paramref name="address"/> is <c>default</c> or a patient address (BAL-4).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is <see cref="MailboxKind.Patient"/> or undefined (BAL-4).</exception>
    public DirectoryEntry(
        MssAddress address,
        MailboxKind kind,
        Rpps? professional = null,
        string? familyName = null,
        string? givenName = null,
        string? structureName = null,
        StructureId? structure = null,
        string? activitySector = null,
        bool redList = false,
        string? city = null)
    {
        if (address.IsDefault || address.IsPatient)
        {
            throw new ArgumentException("A directory entry is a professional MSSanté box; patient boxes are never listed (BAL-4).", nameof(address));
        }

        if (!MailboxRules.IsListedInDirectory(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "The Annuaire lists PER, ORG, APP and CAB boxes only (BAL-4, BAL-7).");
        }

        Address = address;
        Kind = kind;
        _nationalId = professional is { IsDefault: false } rpps ? IdNatPs.FromRpps(rpps) : default;
        FamilyName = familyName;
        GivenName = givenName;
        StructureName = structureName;
        _structure = structure ?? default;
        ActivitySector = activitySector;
        RedList = redList;
        City = city;
    }

    /// <summary>An entry read from the national extraction file (BAL-7 0.3); the reader has checked address and kind.</summary>
    internal DirectoryEntry(
        MssAddress address,
        MailboxKind kind,
        IdNatPs nationalId,
        string? familyName,
        string? givenName,
        string? structureName,
        StructureId structure,
        ProfessionInfo? profession,
        string? service,
        string? postalCode,
        string? city)
    {
        Address = address;
        Kind = kind;
        _nationalId = nationalId;
        FamilyName = familyName;
        GivenName = givenName;
        StructureName = structureName;
        _structure = structure;
        _profession = profession;
        Service = service;
        PostalCode = postalCode;
        City = city;
    }

    // default(IdNatPs) and default(StructureId) stand for "not said": a nullable would cost eight bytes more per box.
    private readonly IdNatPs _nationalId;
    private readonly ProfessionInfo? _profession;
    private StructureId _structure;
    private List<StructureId>? _structures; // every structure, when the address is attached to more than one

    /// <summary>The box's address.</summary>
    public MssAddress Address { get; }

    /// <summary>The kind: PER <see cref="MailboxKind.Personal"/>, CAB <see cref="MailboxKind.Cabinet"/>, ORG <see cref="MailboxKind.Organisational"/>, APP <see cref="MailboxKind.Applicative"/> (BAL-1, BAL-7).</summary>
    public MailboxKind Kind { get; }

    /// <summary>The RPPS of the professional the box belongs to (IdNat_PS <c>8</c> + RPPS), or null.</summary>
    public Rpps? Professional => _nationalId.TryGetRpps(out Rpps rpps) ? rpps : null;

    /// <summary>
    /// The professional's IdNat_PS (BAL-6): <c>8</c> + RPPS or <c>0</c> + ADELI ("Identification nationale PP" of the
    /// extraction file; <c>8</c> + the RPPS of a FHIR Practitioner), or null.
    /// </summary>
    public IdNatPs? NationalId => _nationalId.IsDefault ? null : _nationalId;

    /// <summary>The professional's family name, or null.</summary>
    public string? FamilyName { get; }

    /// <summary>The professional's given name(s), or null.</summary>
    public string? GivenName { get; }

    /// <summary>The structure's name, or null.</summary>
    public string? StructureName { get; }

    /// <summary>The structure's IdNat_Struct (BAL-6), or null.</summary>
    public StructureId? Structure => _structure.IsDefault ? null : _structure;

    /// <summary>
    /// Every structure the box is attached to, in reading order (BAL-7 0.3: an address on several lines of the extraction
    /// file is one box attached to each line's structure); <see cref="Structure"/> is the first. Empty when none is known.
    /// </summary>
    public IReadOnlyList<StructureId> Structures => _structures is not null
        ? new ReadOnlyCollection<StructureId>(_structures)
        : _structure.IsDefault ? Array.Empty<StructureId>() : new[] { _structure };

    /// <summary>The profession's code in TRE_G15 (e.g. <c>10</c> médecin, <c>21</c> pharmacien, <c>60</c> infirmier), or null.</summary>
    public string? ProfessionCode => _profession?.Code;

    /// <summary>The profession as the Annuaire writes it (e.g. <c>Médecin</c>), or null.</summary>
    public string? Profession => _profession?.Label;

    /// <summary>The savoir-faire's code (specialty, e.g. <c>SM54</c>), or null.</summary>
    public string? SpecialtyCode => _profession?.SpecialtyCode;

    /// <summary>The savoir-faire as the Annuaire writes it (e.g. <c>Médecine Générale (SM)</c>), or null.</summary>
    public string? Specialty => _profession?.Specialty;

    /// <summary>The service the box is attached to ("Service de rattachement"), or null.</summary>
    public string? Service { get; }

    /// <summary>The structure's postal code ("Code postal"), or null.</summary>
    public string? PostalCode { get; }

    /// <summary>The structure's activity sector, a TRE_R02-SecteurActivite code such as <c>SA33</c>, or null.</summary>
    public string? ActivitySector { get; }

    /// <summary>True when the box is on the red list (<c>listeRouge</c>, BAL-7).</summary>
    public bool RedList { get; }

    /// <summary>
    /// The structure's town: from FHIR, as the Annuaire writes it (e.g. <c>58400 LA-CHARITE-SUR-LOIRE</c>); from the
    /// extraction file, its "ligne d'acheminement" with the postal code removed (e.g. <c>PARIS CEDEX 12</c>). Null when
    /// unknown.
    /// </summary>
    public string? City { get; }

    /// <summary>
    /// True when this is an organisational box of an officine (CONV-5, CONV-6): activity sector SA33, SA38, SA39 or SA65
    /// of TRE_R02 (BAL-7).
    /// </summary>
    public bool IsPharmacy => Kind == MailboxKind.Organisational && IsOfficineSector(ActivitySector);

    /// <summary>The entry in words: names or structure, address (masked as <c>"M"</c> formats it, INS-8) and kind code.</summary>
    /// <returns>E.g. <c>DUPONT Jean-Marie &lt;jean-marie.dupont@infirmier.mssante.fr&gt; PER</c>.</returns>
    public override string ToString()
    {
        string who = FamilyName is null && GivenName is null
            ? StructureName ?? string.Empty
            : ((FamilyName ?? string.Empty) + " " + (GivenName ?? string.Empty)).Trim();
        return (who.Length == 0 ? string.Empty : who + " ") + "<" + Address.ToString("M", null) + "> " + MailboxKindCodes.ToCode(Kind);
    }

    /// <summary>
    /// Attaches one more structure while the extraction file is read (BAL-7 0.3: a repeated address), before the entry
    /// is published; a structure already attached is not repeated.
    /// </summary>
    internal void AttachStructure(StructureId structure)
    {
        if (structure.IsDefault || structure == _structure)
        {
            return;
        }

        if (_structure.IsDefault)
        {
            _structure = structure;
            return;
        }

        if (_structures is null)
        {
            _structures = new List<StructureId>(2) { _structure, structure };
        }
        else if (!_structures.Contains(structure))
        {
            _structures.Add(structure);
        }
    }

    /// <summary>
    /// True when every published field is the same (the address compared with ASCII case ignored, as it is the key):
    /// the test of <see cref="MssDirectory.Compare"/> for a changed box (BAL-7 0.3).
    /// </summary>
    internal bool SamePublished(DirectoryEntry other)
    {
        if (Kind != other.Kind
            || _nationalId != other._nationalId
            || RedList != other.RedList
            || !string.Equals(FamilyName, other.FamilyName, StringComparison.Ordinal)
            || !string.Equals(GivenName, other.GivenName, StringComparison.Ordinal)
            || !string.Equals(StructureName, other.StructureName, StringComparison.Ordinal)
            || !string.Equals(ActivitySector, other.ActivitySector, StringComparison.Ordinal)
            || !string.Equals(City, other.City, StringComparison.Ordinal)
            || !string.Equals(Service, other.Service, StringComparison.Ordinal)
            || !string.Equals(PostalCode, other.PostalCode, StringComparison.Ordinal)
            || !ProfessionInfo.Same(_profession, other._profession)
            || _structure != other._structure)
        {
            return false;
        }

        if (_structures is null || other._structures is null)
        {
            return _structures is null && other._structures is null;
        }

        if (_structures.Count != other._structures.Count)
        {
            return false;
        }

        for (int i = 0; i < _structures.Count; i++)
        {
            if (_structures[i] != other._structures[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True for the activity sectors of officines (TRE_R02): SA33, SA38, SA39, SA65 (BAL-7).</summary>
    internal static bool IsOfficineSector(string? sector) => sector is "SA33" or "SA38" or "SA39" or "SA65";
}
