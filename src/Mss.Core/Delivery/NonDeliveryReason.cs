namespace Mss.Core.Delivery;

/// <summary>The three cases in which a message to a patient is not delivered (DEL-2).</summary>
public enum NonDeliveryReason
{
    /// <summary>The patient opposed their profile: "cette adresse Mon espace santé n'existe pas" (status 5.1.1).</summary>
    AddressDoesNotExist,

    /// <summary>The profile is closed: "la messagerie Mon espace santé de votre destinataire est clôturée" (status 5.2.1).</summary>
    MailboxClosed,

    /// <summary>The INS has a wrong length or key: "cette adresse Mon espace santé est invalidé" (status 5.1.3).</summary>
    AddressInvalid,
}
