namespace Mss.Core.Mailboxes;

/// <summary>
/// Why a mailbox may not be opened as asked (BAL-1, BAL-2, ADDR-2). When several apply, the first in declaration order
/// is reported.
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

    /// <summary>A personal box needs a professional with an RPPS; without one, only an organisational box (BAL-2).</summary>
    PersonalNeedsRpps,

    /// <summary>
    /// The responsible of an organisational box is an authorised professional (with an RPPS) or the structure's legal
    /// representative (BAL-1).
    /// </summary>
    OrganisationalNeedsAuthorisedResponsible,

    /// <summary>An applicative box belongs to a structure (BAL-1).</summary>
    ApplicativeNeedsStructure,

    /// <summary>A patient box is held by a patient (BAL-1).</summary>
    PatientBoxNeedsPatient,

    /// <summary>The patient's INS is not the one of the address: one box per Mon espace santé profile (BAL-1, ADDR-2).</summary>
    PatientInsMismatch,
}
