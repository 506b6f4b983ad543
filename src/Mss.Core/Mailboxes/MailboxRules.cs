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
    /// then per kind (BAL-1, BAL-2): personal — a professional with an RPPS; organisational — a professional with an RPPS
    /// or a structure's legal representative; applicative — a structure; patient — the patient whose INS is the
    /// address's. Never throws.
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

        if (kind is < MailboxKind.Personal or > MailboxKind.Patient)
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
            _ => holder is PatientHolder patient
                ? address.TryGetIns(out InsMatricule ins) && ins == patient.Ins ? MailboxRefusal.None : MailboxRefusal.PatientInsMismatch
                : MailboxRefusal.PatientBoxNeedsPatient,
        };
    }

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
    public static bool IsListedInDirectory(MailboxKind kind) => kind is MailboxKind.Personal or MailboxKind.Organisational or MailboxKind.Applicative;

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
        MailboxRefusal.PersonalNeedsRpps => "A personal mailbox needs a professional with an RPPS; without one, only an organisational mailbox (BAL-2).",
        MailboxRefusal.OrganisationalNeedsAuthorisedResponsible => "The responsible of an organisational mailbox is a professional with an RPPS or the structure's legal representative (BAL-1).",
        MailboxRefusal.ApplicativeNeedsStructure => "An applicative mailbox belongs to a structure (BAL-1).",
        MailboxRefusal.PatientBoxNeedsPatient => "A patient mailbox is held by a patient (BAL-1).",
        MailboxRefusal.PatientInsMismatch => "The patient's INS is not the one of the address (BAL-1, ADDR-2).",
        _ => "The mailbox may not be opened.",
    };
}
