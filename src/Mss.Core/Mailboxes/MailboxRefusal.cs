namespace Mss.Core.Mailboxes;

/// <summary>
/// Why a mailbox may not be opened as asked (BAL-1, BAL-2, ADDR-2). When several apply, the first in declaration order
/// is reported; the checks on a box's users (0.2) come after those on its holder.
/// </summary>
public enum MailboxRefusal
{
    /// <summary>The mailbox may be opened.</summary>
    None = 0,

    /// <summary>The address is <c>default(MssAddress)</c>.</summary>
    AddressMissing,

    /// <summary>No holder was given.</summary>
    HolderMissing,

    /// <summary>The kind is not a defined <see cref="MailboxKind"/>.</summary>
    UnknownKind,

    /// <summary>A patient box must live on <c>patient.mssante.fr</c> (BAL-1, ADDR-2).</summary>
    PatientBoxOutsidePatientDomain,

    /// <summary>Only a patient box may live on <c>patient.mssante.fr</c> (BAL-1, ADDR-2).</summary>
    PatientDomainReserved,

    /// <summary>A personal box is held by a professional (BAL-1).</summary>
    PersonalNeedsProfessional,

    /// <summary>
    /// A personal box needs a professional with an RPPS (RPPS+ counts); a professional without one uses an organisational
    /// box as one of its users, not as its holder (BAL-2, seed 004 FAQ 12).
    /// </summary>
    PersonalNeedsRpps,

    /// <summary>
    /// The responsible of an organisational box is an authorised professional (with an RPPS) or the structure's legal
    /// representative (BAL-1); professionals without an RPPS are its users, not its responsible.
    /// </summary>
    OrganisationalNeedsAuthorisedResponsible,

    /// <summary>An applicative box belongs to a structure (BAL-1).</summary>
    ApplicativeNeedsStructure,

    /// <summary>A patient box is held by a patient (BAL-1).</summary>
    PatientBoxNeedsPatient,

    /// <summary>The patient's INS is not the one of the address: one box per Mon espace santé profile (BAL-1, ADDR-2).</summary>
    PatientInsMismatch,

    /// <summary>
    /// The holder of a cabinet box (CAB, 0.2) is a professional with an RPPS or the practice's legal representative
    /// (decided here from BAL-1 and BAL-7: the Annuaire publishes CAB boxes on professionals with an RPPS).
    /// </summary>
    CabinetNeedsAuthorisedHolder,

    /// <summary>
    /// Only an organisational or cabinet box has users besides its holder: a personal box is strictly personal, an
    /// applicative box is a connector, a patient box is the patient's (BAL-1, BAL-2, seed 004 FAQ 10).
    /// </summary>
    UsersOnlyOnSharedBox,

    /// <summary>A user of the box is null.</summary>
    UserMissing,
}
