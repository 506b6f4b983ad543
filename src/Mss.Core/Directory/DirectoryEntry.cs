using System;
using Mss.Core.Mailboxes;

namespace Mss.Core.Directory;

/// <summary>
/// One MSSanté box as the Annuaire Santé publishes it (BAL-7): its address, its kind (TRE_R257-TypeBAL), the
/// professional (RPPS) and names it belongs to, the structure (IdNat_Struct, name, activity sector) it is tied to, and
/// whether it is on the red list (<c>listeRouge</c>).
/// </summary>
/// <remarks>
/// A personal or cabinet box read from a Practitioner carries the professional's RPPS and names; one read from a
/// PractitionerRole also carries the structure of that practice; an organisational or applicative box read from an
/// Organization carries the structure only. Instances are immutable.
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
        Professional = professional is { IsDefault: false } ? professional : null;
        FamilyName = familyName;
        GivenName = givenName;
        StructureName = structureName;
        Structure = structure is { IsDefault: false } ? structure : null;
        ActivitySector = activitySector;
        RedList = redList;
        City = city;
    }

    /// <summary>The box's address.</summary>
    public MssAddress Address { get; }

    /// <summary>The kind: PER <see cref="MailboxKind.Personal"/>, CAB <see cref="MailboxKind.Cabinet"/>, ORG <see cref="MailboxKind.Organisational"/>, APP <see cref="MailboxKind.Applicative"/> (BAL-1, BAL-7).</summary>
    public MailboxKind Kind { get; }

    /// <summary>The RPPS of the professional the box belongs to (IdNat_PS <c>8</c> + RPPS), or null.</summary>
    public Rpps? Professional { get; }

    /// <summary>The professional's family name, or null.</summary>
    public string? FamilyName { get; }

    /// <summary>The professional's given name(s), or null.</summary>
    public string? GivenName { get; }

    /// <summary>The structure's name, or null.</summary>
    public string? StructureName { get; }

    /// <summary>The structure's IdNat_Struct (BAL-6), or null.</summary>
    public StructureId? Structure { get; }

    /// <summary>The structure's activity sector, a TRE_R02-SecteurActivite code such as <c>SA33</c>, or null.</summary>
    public string? ActivitySector { get; }

    /// <summary>True when the box is on the red list (<c>listeRouge</c>, BAL-7).</summary>
    public bool RedList { get; }

    /// <summary>The structure's town as the Annuaire writes it (e.g. <c>58400 LA-CHARITE-SUR-LOIRE</c>), or null.</summary>
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

    /// <summary>True for the activity sectors of officines (TRE_R02): SA33, SA38, SA39, SA65 (BAL-7).</summary>
    internal static bool IsOfficineSector(string? sector) => sector is "SA33" or "SA38" or "SA39" or "SA65";
}
