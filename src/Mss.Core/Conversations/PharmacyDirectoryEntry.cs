using System;
using System.Diagnostics.CodeAnalysis;
using Mss.Core.Directory;
using Mss.Core.Mailboxes;

namespace Mss.Core.Conversations;

/// <summary>
/// A pharmacy (officine) box as the directory lists it, for the pharmacy choice of CONV-6: address, name, town, kind of
/// box, whether it is still published in the Annuaire Santé, and the pharmacy's identifier as it appears in the
/// patient's reimbursement history.
/// </summary>
/// <remarks>
/// Identifier (decided here): the pharmacy's FINESS number (9 alphanumeric characters, BAL-6), the one the reimbursement
/// history names. It is compared ordinally, ignoring case and surrounding white space; its format is not checked here.
/// </remarks>
public sealed class PharmacyDirectoryEntry
{
    /// <summary>Creates an entry.</summary>
    /// <param name="address">The box's MSSanté address.</param>
    /// <param name="name">The pharmacy's name, e.g. "Pharmacie de l'Étoile".</param>
    /// <param name="town">The town, e.g. "Saint-Étienne"; may be empty.</param>
    /// <param name="kind">The kind of box (CONV-5 requires <see cref="MailboxKind.Organisational"/> to be chosen).</param>
    /// <param name="published">True while the box is published in the Annuaire Santé (BAL-5).</param>
    /// <param name="identifier">The pharmacy's FINESS, as in reimbursement histories.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/>, <paramref name="town"/> or <paramref name="identifier"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="address"/> is <c>default</c> or a patient address (BAL-4: patient boxes are never listed); <paramref name="name"/> or <paramref name="identifier"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is undefined or <see cref="MailboxKind.Patient"/> (BAL-4).</exception>
    public PharmacyDirectoryEntry(MssAddress address, string name, string town, MailboxKind kind, bool published, string identifier)
    {
        if (address.IsDefault || address.IsPatient)
        {
            throw new ArgumentException("A pharmacy box needs a professional MSSanté address; patient boxes are never listed (BAL-4).", nameof(address));
        }

        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("A pharmacy needs a name.", nameof(name));
        }

        if (identifier is null)
        {
            throw new ArgumentNullException(nameof(identifier));
        }

        if (string.IsNullOrWhiteSpace(identifier))
        {
            throw new ArgumentException("A pharmacy needs an identifier (its FINESS).", nameof(identifier));
        }

        if (!MailboxRules.IsListedInDirectory(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "A pharmacy box is personal, organisational or applicative (BAL-1, BAL-4).");
        }

        Address = address;
        Name = name;
        Town = town ?? throw new ArgumentNullException(nameof(town));
        Kind = kind;
        Published = published;
        Identifier = identifier.Trim();
    }

    /// <summary>The box's MSSanté address.</summary>
    public MssAddress Address { get; }

    /// <summary>
    /// The pharmacy entry of an Annuaire Santé box (CONV-6, BAL-7): name from the structure's name, town from its city,
    /// identifier its FINESS (the IdNat_Struct text when it has none), published (the Annuaire lists only published
    /// boxes, BAL-5). Never throws.
    /// </summary>
    /// <param name="entry">A directory entry, e.g. from <see cref="MssDirectory.Pharmacies"/>.</param>
    /// <param name="pharmacy">The pharmacy entry, or null when the box has no structure name or no structure identifier.</param>
    /// <returns>True when converted.</returns>
    public static bool TryFrom(DirectoryEntry? entry, [NotNullWhen(true)] out PharmacyDirectoryEntry? pharmacy)
    {
        pharmacy = null;
        if (entry is null || string.IsNullOrWhiteSpace(entry.StructureName) || entry.Structure is not StructureId structure)
        {
            return false;
        }

        string identifier = structure.TryGetFiness(out Finess finess) ? finess.ToString() : structure.ToString();
        pharmacy = new PharmacyDirectoryEntry(entry.Address, entry.StructureName!, entry.City ?? string.Empty, entry.Kind, published: true, identifier);
        return true;
    }

    /// <summary>The pharmacy's name.</summary>
    public string Name { get; }

    /// <summary>The town; may be empty.</summary>
    public string Town { get; }

    /// <summary>The kind of box.</summary>
    public MailboxKind Kind { get; }

    /// <summary>True while the box is published in the Annuaire Santé (BAL-5).</summary>
    public bool Published { get; }

    /// <summary>The pharmacy's FINESS (trimmed), as in reimbursement histories.</summary>
    public string Identifier { get; }

    /// <summary>True when a patient may choose this pharmacy (CONV-5, CONV-6): an organisational box, still published.</summary>
    public bool IsChoosable => Kind == MailboxKind.Organisational && Published;

    /// <summary>The entry in words: name, town and address.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Name + (Town.Length == 0 ? string.Empty : " (" + Town + ")") + " <" + Address.ToString("M", null) + ">";
}
