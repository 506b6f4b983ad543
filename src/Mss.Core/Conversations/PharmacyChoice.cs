using System;
using System.Collections.Generic;
using System.Linq;
using Mss.Core.Directory;

namespace Mss.Core.Conversations;

/// <summary>
/// The pharmacy choice of CONV-6 (seed 001): by default, the pharmacies in the patient's reimbursement history that
/// have an organisational box; the patient may also search among the others that have one.
/// </summary>
/// <remarks>
/// Decided here: a pharmacy is choosable when its box is <see cref="Mss.Core.Mailboxes.MailboxKind.Organisational"/>
/// (CONV-5) and still published in the Annuaire Santé (an unpublished box, BAL-5, cannot be found). The history holds
/// pharmacy identifiers (FINESS, see <see cref="PharmacyDirectoryEntry.Identifier"/>), compared ignoring case and
/// surrounding white space. Lists keep the directory's order; a box listed twice appears once.
/// </remarks>
public sealed class PharmacyChoice
{
    // The other choosable pharmacies, each with its name and town folded once for searching.
    private readonly (PharmacyDirectoryEntry Entry, string Folded)[] _others;

    /// <summary>Prepares the choice for one patient (CONV-6): the defaults, and the others to search.</summary>
    /// <param name="reimbursementHistory">The identifiers (FINESS) of the pharmacies in the patient's reimbursement history.</param>
    /// <param name="directory">The pharmacy boxes of the directory.</param>
    /// <exception cref="ArgumentNullException">An argument is null, or holds a null item.</exception>
    public PharmacyChoice(IEnumerable<string> reimbursementHistory, IEnumerable<PharmacyDirectoryEntry> directory)
    {
        if (reimbursementHistory is null)
        {
            throw new ArgumentNullException(nameof(reimbursementHistory));
        }

        if (directory is null)
        {
            throw new ArgumentNullException(nameof(directory));
        }

        var history = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (string identifier in reimbursementHistory)
        {
            history.Add(identifier?.Trim() ?? throw new ArgumentNullException(nameof(reimbursementHistory), "An identifier is null."));
        }

        var defaults = new List<PharmacyDirectoryEntry>();
        var others = new List<PharmacyDirectoryEntry>();
        var seen = new HashSet<MssAddress>();
        foreach (PharmacyDirectoryEntry entry in directory)
        {
            if (entry is null)
            {
                throw new ArgumentNullException(nameof(directory), "A directory entry is null.");
            }

            if (!entry.IsChoosable || !seen.Add(entry.Address))
            {
                continue;
            }

            (history.Contains(entry.Identifier) ? defaults : others).Add(entry);
        }

        Defaults = defaults.AsReadOnly();
        _others = others.Select(e => (e, SearchText.Fold(e.Name + " " + e.Town))).ToArray();
    }

    /// <summary>
    /// Prepares the choice for one patient from Annuaire Santé entries (CONV-6, BAL-7): the organisational boxes of
    /// officines (<see cref="DirectoryEntry.IsPharmacy"/>) are taken, through <see cref="PharmacyDirectoryEntry.TryFrom"/>;
    /// other entries are ignored.
    /// </summary>
    /// <param name="reimbursementHistory">The identifiers (FINESS) of the pharmacies in the patient's reimbursement history.</param>
    /// <param name="directory">Directory entries, e.g. <see cref="MssDirectory.Pharmacies"/>.</param>
    /// <exception cref="ArgumentNullException">An argument is null, or holds a null item.</exception>
    public PharmacyChoice(IEnumerable<string> reimbursementHistory, IEnumerable<DirectoryEntry> directory)
        : this(reimbursementHistory, FromDirectory(directory))
    {
    }

    /// <summary>Prepares the choice for one patient from the officines of a loaded Annuaire (CONV-6, BAL-7).</summary>
    /// <param name="reimbursementHistory">The identifiers (FINESS) of the pharmacies in the patient's reimbursement history.</param>
    /// <param name="directory">The loaded directory; its <see cref="MssDirectory.Pharmacies"/> are offered.</param>
    /// <exception cref="ArgumentNullException">An argument is null, or the history holds a null item.</exception>
    public PharmacyChoice(IEnumerable<string> reimbursementHistory, MssDirectory directory)
        : this(reimbursementHistory, (directory ?? throw new ArgumentNullException(nameof(directory))).Pharmacies())
    {
    }

    /// <summary>
    /// The pharmacies shown by default (CONV-6): in the reimbursement history AND with an organisational box AND still
    /// published.
    /// </summary>
    public IReadOnlyList<PharmacyDirectoryEntry> Defaults { get; }

    /// <summary>
    /// Searches the other choosable pharmacies (organisational, published, not in <see cref="Defaults"/>) by name or
    /// town (CONV-6), ignoring accents, case and punctuation: every word of the query must appear in the name or the
    /// town (as a word start or inside a word), in any order. "etoile" finds "Pharmacie de l'Étoile"; "saint etienne"
    /// finds a pharmacy in "Saint-Étienne". A blank query finds nothing.
    /// </summary>
    /// <param name="query">What the patient typed.</param>
    /// <returns>The matching pharmacies, in the directory's order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is null.</exception>
    public IReadOnlyList<PharmacyDirectoryEntry> Search(string query)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        IReadOnlyList<string> words = SearchText.Words(query);
        if (words.Count == 0)
        {
            return Array.Empty<PharmacyDirectoryEntry>();
        }

        return _others
            .Where(other => words.All(word => other.Folded.IndexOf(word, StringComparison.Ordinal) >= 0))
            .Select(other => other.Entry)
            .ToList()
            .AsReadOnly();
    }

    private static List<PharmacyDirectoryEntry> FromDirectory(IEnumerable<DirectoryEntry> directory)
    {
        if (directory is null)
        {
            throw new ArgumentNullException(nameof(directory));
        }

        var pharmacies = new List<PharmacyDirectoryEntry>();
        foreach (DirectoryEntry entry in directory)
        {
            if (entry is null)
            {
                throw new ArgumentNullException(nameof(directory), "A directory entry is null.");
            }

            if (entry.IsPharmacy && PharmacyDirectoryEntry.TryFrom(entry, out PharmacyDirectoryEntry? pharmacy))
            {
                pharmacies.Add(pharmacy);
            }
        }

        return pharmacies;
    }
}
