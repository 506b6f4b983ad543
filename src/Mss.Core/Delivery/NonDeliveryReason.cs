namespace Mss.Core.Delivery;

/// <summary>
/// Why a message was not delivered: the three cases of Mon espace santé (DEL-2), then the failures real mail servers
/// report for any recipient (DEL-6, 0.2). The first three keep their 0.1 values; the others are appended.
/// </summary>
public enum NonDeliveryReason
{
    /// <summary>The patient opposed their profile: "cette adresse Mon espace santé n'existe pas" (status 5.1.1).</summary>
    AddressDoesNotExist,

    /// <summary>The profile is closed: "la messagerie Mon espace santé de votre destinataire est clôturée" (status 5.2.1).</summary>
    MailboxClosed,

    /// <summary>The INS has a wrong length or key: "cette adresse Mon espace santé est invalidé" (status 5.1.3).</summary>
    AddressInvalid,

    /// <summary>The recipient's mailbox is full or over quota (DEL-6; typically 4.2.2 or 5.2.2).</summary>
    MailboxFull,

    /// <summary>The message is larger than the receiving server accepts (DEL-6; typically 5.3.4 or 5.2.3).</summary>
    MessageTooLarge,

    /// <summary>The recipient's domain does not exist or has no mail server (DEL-6; typically 5.1.2, 5.4.4).</summary>
    DomainNotFound,

    /// <summary>
    /// The receiving server refused the message: policy, spam or reputation, authentication, or a recipient outside the
    /// MSSanté trust space (DEL-6; typically 5.7.x).
    /// </summary>
    Refused,

    /// <summary>Delivery was given up after retrying for too long (DEL-6; typically 4.4.7 or 5.4.7).</summary>
    Expired,

    /// <summary>Any other failure the report gives (DEL-6).</summary>
    Other,
}
