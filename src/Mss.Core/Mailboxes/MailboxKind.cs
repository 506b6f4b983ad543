namespace Mss.Core.Mailboxes;

/// <summary>The kinds of MSSanté mailbox (BAL-1).</summary>
public enum MailboxKind
{
    /// <summary>Personal (nominative, ANS code PER): one authorised professional with an RPPS, personal use only (BAL-1, BAL-2).</summary>
    Personal,

    /// <summary>Organisational (ANS code ORG): a service box shared by professionals with or without RPPS (BAL-1, BAL-2).</summary>
    Organisational,

    /// <summary>Applicative (ANS code APP): a connector inside the business software that sends documents directly (BAL-1, BAL-3).</summary>
    Applicative,

    /// <summary>Patient (citizen) box: one per Mon espace santé profile, at <c>&lt;INS&gt;@patient.mssante.fr</c> (BAL-1, ADDR-2).</summary>
    Patient,

    /// <summary>
    /// Cabinet (ANS code CAB, 0.2): the box of a private practice, published by the Annuaire Santé beside PER, ORG and APP
    /// (BAL-1, TRE_R257-TypeBAL).
    /// </summary>
    Cabinet,
}
