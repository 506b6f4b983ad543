using System.Collections.Generic;

namespace Mss.Core.Mailboxes;

/// <summary>
/// The mailbox rules in one place, as pure functions: who may hold which kind of box (BAL-1, BAL-2), which box may send
/// automatically (BAL-3), which box the directory lists (BAL-4). <see cref="Mailbox"/> enforces them.
/// </summary>
public static class MailboxRules
{
    /// <summary>
    /// Checks that a box of <paramref name="kind"/> at <paramref name="address"/> may be opened for
    /// <paramref name="holder"/>, in this order (the first refusal is returned): the address is given; the holder is given;
    /// the kind is defined; a patient box lives on <c>patient.mssante.fr</c> and no other kind does (BAL-1, ADDR-2);
    /// then per kind (BAL-1, BAL-2): personal — a professional with an RPPS (RPPS+ counts: its number is an RPPS);
    /// organisational — its responsible, a professional with an RPPS or a structure's legal representative (a structure
    /// without FINESS included, 0.2); applicative — a structure (with or without FINESS, 0.2); cabinet (0.2) — a
    /// professional with an RPPS or the practice's legal representative; patient — the patient whose INS is the
    /// address's. Never throws. A professional without an RPPS is never a holder: they use an organisational box as one
    /// of its users (<see cref="Check(MailboxKind, MssAddress, MailboxHolder?, IEnumerable{ProfessionalHolder}?)"/>).
    /// </summary>
    /// <param name="kind">The kind of box.</param>
    /// <param name="address">The box's address.</param>
    /// <param name="holder">The holder (for an organisational box, its responsible).</param>
    /// <returns><see cref="MailboxRefusal.None"/> when the box may be opened, else the first reason.</returns>
    public static MailboxRefusal Check(MailboxKind kind, MssAddress address, MailboxHolder? holder)
    {
        if (address.IsDefault)
        {
            return MailboxRefusal.AddressMissing;
        }

        if (holder is null)
        {
            return MailboxRefusal.HolderMissing;
        }

        if (kind is < MailboxKind.Personal or > MailboxKind.Cabinet)
        {
            return MailboxRefusal.UnknownKind;
        }

        if (kind == MailboxKind.Patient != address.IsPatient)
        {
            return address.IsPatient ? MailboxRefusal.PatientDomainReserved : MailboxRefusal.PatientBoxOutsidePatientDomain;
        }

        return kind switch
        {
            MailboxKind.Personal => holder switch
            {
                ProfessionalHolder { HasRpps: true } => MailboxRefusal.None,
                ProfessionalHolder => MailboxRefusal.PersonalNeedsRpps,
                _ => MailboxRefusal.PersonalNeedsProfessional,
            },
            MailboxKind.Organisational => holder is ProfessionalHolder { HasRpps: true } or LegalRepresentativeHolder
                ? MailboxRefusal.None
                : MailboxRefusal.OrganisationalNeedsAuthorisedResponsible,
            MailboxKind.Applicative => holder is StructureHolder ? MailboxRefusal.None : MailboxRefusal.ApplicativeNeedsStructure,
            MailboxKind.Cabinet => holder is ProfessionalHolder { HasRpps: true } or LegalRepresentativeHolder
                ? MailboxRefusal.None
                : MailboxRefusal.CabinetNeedsAuthorisedHolder,
            _ => holder is PatientHolder patient
                ? address.TryGetIns(out InsMatricule ins) && ins == patient.Ins ? MailboxRefusal.None : MailboxRefusal.PatientInsMismatch
                : MailboxRefusal.PatientBoxNeedsPatient,
        };
    }

    /// <summary>
    /// Checks a box with its users (BAL-1, BAL-2, 0.2): first <see cref="Check(MailboxKind, MssAddress, MailboxHolder?)"/>
    /// on the holder (for an organisational box, its responsible), then the users — professionals with or without an
    /// RPPS (seed 004 FAQ 12) — who are allowed only on an organisational or cabinet box
    /// (<see cref="HasUsers(MailboxKind)"/>); a user who is also the holder is allowed. Never throws.
    /// </summary>
    /// <param name="kind">The kind of box.</param>
    /// <param name="address">The box's address.</param>
    /// <param name="holder">The holder (for an organisational box, its responsible).</param>
    /// <param name="users">The box's users besides its holder; null or empty for none.</param>
    /// <returns><see cref="MailboxRefusal.None"/> when the box may be opened, else the first reason.</returns>
    public static MailboxRefusal Check(MailboxKind kind, MssAddress address, MailboxHolder? holder, IEnumerable<ProfessionalHolder>? users)
    {
        MailboxRefusal refusal = Check(kind, address, holder);
        if (refusal != MailboxRefusal.None || users is null)
        {
            return refusal;
        }

        foreach (ProfessionalHolder? user in users)
        {
            if (user is null)
            {
                return MailboxRefusal.UserMissing;
            }

            if (!HasUsers(kind))
            {
                return MailboxRefusal.UsersOnlyOnSharedBox;
            }
        }

        return MailboxRefusal.None;
    }

    /// <summary>
    /// True when a box of this kind is shared by users besides its holder: an organisational box (professionals with or
    /// without RPPS, BAL-1) and a cabinet box (the practice's professionals, decided here). A personal box is strictly
    /// personal (BAL-2, seed 004 FAQ 10).
    /// </summary>
    /// <param name="kind">The kind of box.</param>
    /// <returns>True for <see cref="MailboxKind.Organisational"/> and <see cref="MailboxKind.Cabinet"/>.</returns>
    public static bool HasUsers(MailboxKind kind) => kind is MailboxKind.Organisational or MailboxKind.Cabinet;

    /// <summary>
    /// Who receives the deletion alert of an idle box (BAL-1, BAL-5, 0.2): the holder of a personal box, the responsible
    /// of any other (its <see cref="Mailbox.Holder"/>), never its other users.
    /// </summary>
    /// <param name="mailbox">The box.</param>
    /// <returns>The holder or responsible.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="mailbox"/> is null.</exception>
    public static MailboxHolder DeletionAlertRecipient(Mailbox mailbox) =>
        (mailbox ?? throw new System.ArgumentNullException(nameof(mailbox))).Holder;

    /// <summary>
    /// True when a box of this kind may send automatically, without a person at the keyboard: only an applicative box,
    /// configured in the service (BAL-3).
    /// </summary>
    /// <param name="kind">The kind of box.</param>
    /// <returns>True for <see cref="MailboxKind.Applicative"/> only.</returns>
    public static bool CanSendAutomatically(MailboxKind kind) => kind == MailboxKind.Applicative;

    /// <summary>
    /// True when boxes of this kind are listed in the national Annuaire Santé: professionals' boxes are, patient boxes
    /// never are (BAL-4). An idle box is unpublished for a while (BAL-5): see <see cref="IsListedInDirectory(MailboxKind, MailboxActivity)"/>.
    /// </summary>
    /// <param name="kind">The kind of box.</param>
    /// <returns>False for <see cref="MailboxKind.Patient"/> and undefined values.</returns>
    public static bool IsListedInDirectory(MailboxKind kind) => kind is MailboxKind.Personal or MailboxKind.Organisational or MailboxKind.Applicative or MailboxKind.Cabinet;

    /// <summary>True when a box of this kind in this inactivity state is listed: a professional box that is <see cref="MailboxActivity.Active"/> (BAL-4, BAL-5).</summary>
    /// <param name="kind">The kind of box.</param>
    /// <param name="activity">Its state under the inactivity policy (BAL-5).</param>
    /// <returns>True when listed.</returns>
    public static bool IsListedInDirectory(MailboxKind kind, MailboxActivity activity) => IsListedInDirectory(kind) && activity == MailboxActivity.Active;

    /// <summary>A sentence (English) explaining a refusal, with its rule ID; it never contains an INS (INS-8).</summary>
    internal static string Describe(MailboxRefusal refusal) => refusal switch
    {
        MailboxRefusal.AddressMissing => "A mailbox needs an address.",
        MailboxRefusal.HolderMissing => "A mailbox needs a holder.",
        MailboxRefusal.UnknownKind => "The mailbox kind is not defined.",
        MailboxRefusal.PatientBoxOutsidePatientDomain => "A patient mailbox lives only on patient.mssante.fr (BAL-1, ADDR-2).",
        MailboxRefusal.PatientDomainReserved => "Only a patient mailbox may live on patient.mssante.fr (BAL-1, ADDR-2).",
        MailboxRefusal.PersonalNeedsProfessional => "A personal mailbox is held by a health professional (BAL-1).",
        MailboxRefusal.PersonalNeedsRpps => "A personal mailbox needs a professional with an RPPS (RPPS+ counts); a professional without one uses an organisational mailbox as one of its users (BAL-2).",
        MailboxRefusal.OrganisationalNeedsAuthorisedResponsible => "The responsible of an organisational mailbox is a professional with an RPPS or the structure's legal representative; professionals without an RPPS are added as its users (BAL-1, BAL-2).",
        MailboxRefusal.ApplicativeNeedsStructure => "An applicative mailbox belongs to a structure (BAL-1).",
        MailboxRefusal.PatientBoxNeedsPatient => "A patient mailbox is held by a patient (BAL-1).",
        MailboxRefusal.PatientInsMismatch => "The patient's INS is not the one of the address (BAL-1, ADDR-2).",
        MailboxRefusal.CabinetNeedsAuthorisedHolder => "A cabinet mailbox is held by a professional with an RPPS or the practice's legal representative (BAL-1).",
        MailboxRefusal.UsersOnlyOnSharedBox => "Only an organisational or cabinet mailbox has users besides its holder; a personal mailbox is never shared (BAL-1, BAL-2).",
        MailboxRefusal.UserMissing => "A user of the mailbox is missing (null).",
        _ => "The mailbox may not be opened.",
    };
}
