using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Mss.Core.Conversations;
using Mss.Core.Delivery;
using Mss.Core.Mailboxes;

namespace Mss.Core;

/// <summary>
/// The French sentences to show a user (a secretary, a nurse, a doctor) for the library's verdicts, in one place, as
/// NodaTime keeps its messages (0.2). Every defined value has its own short sentence, never empty, never an INS or any
/// other patient data (INS-8): the texts are constants. Exception messages stay English (they are for developers).
/// </summary>
/// <remarks>
/// <para>Every <c>Describe</c> throws <see cref="ArgumentOutOfRangeException"/> for a value its enum does not define
/// (a cast integer): a sentence for an unknown verdict would mislead the user.</para>
/// <para>Texts kept elsewhere in 0.2: the exact non-delivery texts of Mon espace santé (DEL-2, <c>NonDeliveryNotice.Text</c>)
/// and the near-miss warning of a closing subject (<c>SubjectVerdict.ToFrenchWarning</c>).</para>
/// </remarks>
public static class FrenchText
{
    private static readonly string[] Months =
    [
        "janvier", "février", "mars", "avril", "mai", "juin",
        "juillet", "août", "septembre", "octobre", "novembre", "décembre",
    ];

    /// <summary>Why an address is refused, for the user (ADDR-1…ADDR-3); <see cref="AddressError.None"/> says it is valid.</summary>
    /// <param name="error">The error.</param>
    /// <returns>A French sentence.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="error"/> is not a defined value.</exception>
    public static string Describe(AddressError error) => error switch
    {
        AddressError.None => "L'adresse est une adresse de messagerie sécurisée de santé (MSSanté) valide.",
        AddressError.Empty => "Aucune adresse n'a été saisie.",
        AddressError.TooLong => "L'adresse est trop longue : vérifiez qu'elle n'a pas été collée deux fois.",
        AddressError.Syntax => "L'adresse est mal écrite (espace, accent ou caractère non autorisé) : saisissez-la sous la forme nom@domaine.mssante.fr.",
        AddressError.NotMssante => "Cette adresse n'est pas une adresse de messagerie sécurisée de santé (MSSanté) : aucune donnée de santé ne peut y être envoyée.",
        AddressError.InvalidPatientIns => "Cette adresse patient ne contient pas un matricule INS valide : vérifiez les 15 caractères avant @patient.mssante.fr.",
        _ => throw Undefined(nameof(error), error),
    };

    /// <summary>Why a domain is, or is not, in the MSSanté trust space, for the user (ADDR-1, ADDR-3).</summary>
    /// <param name="verdict">The verdict of <see cref="MssDomain.Classify(ReadOnlySpan{char})"/>.</param>
    /// <returns>A French sentence; the look-alike verdicts start with "Attention".</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="verdict"/> is not a defined value.</exception>
    public static string Describe(DomainVerdict verdict) => verdict switch
    {
        DomainVerdict.None => "Le domaine n'a pas été vérifié.",
        DomainVerdict.Mssante => "Ce domaine fait partie de l'espace de confiance MSSanté.",
        DomainVerdict.Malformed => "Le domaine de l'adresse (après @) est mal écrit.",
        DomainVerdict.NonAscii => "Le domaine contient des lettres accentuées ou étrangères, interdites dans une adresse MSSanté.",
        DomainVerdict.Confusable => "Attention : ce domaine imite un domaine MSSanté avec des caractères trompeurs (accent, lettre étrangère ou invisible). Ne l'utilisez pas.",
        DomainVerdict.Punycode => "Le domaine est écrit sous une forme codée (xn--) qu'une adresse MSSanté n'utilise jamais.",
        DomainVerdict.MissingSubdomain => "Il manque le nom de l'établissement ou de l'opérateur avant mssante.fr.",
        DomainVerdict.NoLabelBoundary => "Attention : ce domaine finit comme mssante.fr mais n'en fait pas partie.",
        DomainVerdict.SuffixTrick => "Attention : ce domaine contient mssante.fr mais appartient à un autre site.",
        DomainVerdict.WrongTld => "Attention : ce domaine ne se termine pas par mssante.fr (l'extension n'est pas .fr).",
        DomainVerdict.OutsideTrustSpace => "Ce domaine ne fait pas partie de l'espace de confiance MSSanté : aucune donnée de santé ne peut y être envoyée.",
        _ => throw Undefined(nameof(verdict), verdict),
    };

    /// <summary>Why an INS matricule (or its OID) is refused, for the user (INS-1, INS-2, INS-5).</summary>
    /// <param name="error">The error.</param>
    /// <returns>A French sentence.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="error"/> is not a defined value.</exception>
    public static string Describe(InsError error) => error switch
    {
        InsError.None => "Le matricule INS est valide.",
        InsError.Empty => "Aucun matricule INS n'a été saisi.",
        InsError.Length => "Le matricule INS doit compter 15 caractères : 13 chiffres puis une clé de 2 chiffres.",
        InsError.Character => "Le matricule INS contient un caractère non autorisé : uniquement des chiffres, et 2A ou 2B pour une naissance en Corse.",
        InsError.Key => "La clé du matricule INS (les 2 derniers chiffres) ne correspond pas au reste du numéro : vérifiez la saisie.",
        InsError.UnknownOid => "Le type d'identité (OID) qui accompagne le matricule INS n'est pas reconnu.",
        _ => throw Undefined(nameof(error), error),
    };

    /// <summary>Why an RPPS, ADELI, IdNat_PS or FINESS number is refused, for the user (BAL-6).</summary>
    /// <param name="error">The error.</param>
    /// <returns>A French sentence.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="error"/> is not a defined value.</exception>
    public static string Describe(HealthIdentifierError error) => error switch
    {
        HealthIdentifierError.None => "L'identifiant est valide.",
        HealthIdentifierError.Empty => "Aucun identifiant n'a été saisi.",
        HealthIdentifierError.Length => "L'identifiant n'a pas le bon nombre de caractères : 11 pour un RPPS, 9 pour un ADELI ou un FINESS, 12 ou 10 pour un identifiant national.",
        HealthIdentifierError.Character => "L'identifiant contient un caractère non autorisé : uniquement des chiffres (et des lettres majuscules pour un FINESS).",
        HealthIdentifierError.Prefix => "L'identifiant national doit commencer par 8 (numéro RPPS) ou par 0 (numéro ADELI).",
        _ => throw Undefined(nameof(error), error),
    };

    /// <summary>Why a message is refused in a conversation with a patient, for the user (CONV-1…CONV-5, CONV-9).</summary>
    /// <param name="denial">The denial.</param>
    /// <returns>A French sentence.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="denial"/> is not a defined value.</exception>
    public static string Describe(ConversationDenial denial) => denial switch
    {
        ConversationDenial.None => "Le message peut être envoyé dans cette conversation.",
        ConversationDenial.PatientCannotStart => "Un patient ne peut pas écrire le premier à un professionnel : seul le professionnel peut commencer la conversation.",
        ConversationDenial.ConversationClosed => "Le professionnel a clôturé cette conversation : le patient ne peut plus y répondre.",
        ConversationDenial.PatientProfileNotActivated => "Le patient doit d'abord activer son profil Mon espace santé pour écrire à une pharmacie.",
        ConversationDenial.MessageNotRepliable => "Le professionnel a indiqué que ce message n'attend pas de réponse : le patient ne peut pas y répondre.",
        _ => throw Undefined(nameof(denial), denial),
    };

    /// <summary>Why a mailbox may not be opened as asked, for the user (BAL-1, BAL-2, ADDR-2).</summary>
    /// <param name="refusal">The refusal.</param>
    /// <returns>A French sentence.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="refusal"/> is not a defined value.</exception>
    public static string Describe(MailboxRefusal refusal) => refusal switch
    {
        MailboxRefusal.None => "La boîte aux lettres peut être ouverte.",
        MailboxRefusal.AddressMissing => "Indiquez l'adresse de la boîte aux lettres.",
        MailboxRefusal.HolderMissing => "Indiquez le titulaire de la boîte aux lettres.",
        MailboxRefusal.UnknownKind => "Le type de boîte aux lettres n'est pas reconnu.",
        MailboxRefusal.PatientBoxOutsidePatientDomain => "La boîte d'un patient a toujours une adresse en @patient.mssante.fr.",
        MailboxRefusal.PatientDomainReserved => "Les adresses en @patient.mssante.fr sont réservées aux patients.",
        MailboxRefusal.PersonalNeedsProfessional => "Une boîte personnelle appartient à un professionnel de santé.",
        MailboxRefusal.PersonalNeedsRpps => "Une boîte personnelle est réservée à un professionnel ayant un numéro RPPS (RPPS+ compris) : sans RPPS, il utilise une boîte organisationnelle dont il est utilisateur.",
        MailboxRefusal.OrganisationalNeedsAuthorisedResponsible => "Le responsable d'une boîte organisationnelle est un professionnel ayant un numéro RPPS ou le représentant légal de la structure ; les professionnels sans RPPS en sont les utilisateurs.",
        MailboxRefusal.ApplicativeNeedsStructure => "Une boîte applicative appartient à une structure (établissement, cabinet, centre…).",
        MailboxRefusal.PatientBoxNeedsPatient => "La boîte d'un patient appartient à ce patient.",
        MailboxRefusal.PatientInsMismatch => "Le matricule INS du patient n'est pas celui de l'adresse de la boîte.",
        MailboxRefusal.CabinetNeedsAuthorisedHolder => "Une boîte de cabinet est détenue par un professionnel ayant un numéro RPPS ou par le représentant légal du cabinet.",
        MailboxRefusal.UsersOnlyOnSharedBox => "Seule une boîte organisationnelle ou de cabinet peut avoir des utilisateurs : une boîte personnelle ne se partage pas.",
        MailboxRefusal.UserMissing => "Un utilisateur de la boîte aux lettres n'est pas renseigné.",
        _ => throw Undefined(nameof(refusal), refusal),
    };

    /// <summary>
    /// Why a message was not delivered, for the user (DEL-2, DEL-6), whoever the recipient: the sentences do not name
    /// Mon espace santé. The exact platform texts for a patient address are <c>NonDeliveryNotice.Text</c>.
    /// </summary>
    /// <param name="reason">The reason.</param>
    /// <returns>A French sentence.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reason"/> is not a defined value.</exception>
    public static string Describe(NonDeliveryReason reason) => reason switch
    {
        NonDeliveryReason.AddressDoesNotExist => "Le message n'a pas été distribué : l'adresse du destinataire n'existe pas.",
        NonDeliveryReason.MailboxClosed => "Le message n'a pas été distribué : la messagerie du destinataire est clôturée.",
        NonDeliveryReason.AddressInvalid => "Le message n'a pas été distribué : l'adresse du destinataire est invalide (pour un patient, son matricule INS est erroné).",
        NonDeliveryReason.MailboxFull => "Le message n'a pas été distribué : la messagerie du destinataire est pleine.",
        NonDeliveryReason.MessageTooLarge => "Le message n'a pas été distribué : il est trop volumineux (pièces jointes trop lourdes).",
        NonDeliveryReason.DomainNotFound => "Le message n'a pas été distribué : la partie de l'adresse après @ n'existe pas.",
        NonDeliveryReason.Refused => "Le message n'a pas été distribué : le serveur du destinataire l'a refusé.",
        NonDeliveryReason.Expired => "Le message n'a pas été distribué : le serveur du destinataire est resté injoignable trop longtemps.",
        NonDeliveryReason.Other => "Le message n'a pas été distribué, pour une raison technique.",
        _ => throw Undefined(nameof(reason), reason),
    };

    /// <summary>
    /// What disagrees between a patient's INS and the identity held, for the user (INS-9).
    /// <see cref="InsMismatches.None"/> says the identity agrees. A combination gives the sentence of each flag, in the
    /// order Sex, BirthYear, BirthMonth, BirthPlace, separated by a space; when the sex or the birth year disagrees, it
    /// ends with a hint about a parent's Carte Vitale (seed 000). A single flag gives its sentence alone.
    /// </summary>
    /// <param name="mismatch">One flag, a combination, or <see cref="InsMismatches.None"/>.</param>
    /// <returns>A French text.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mismatch"/> has a bit that is not a defined flag.</exception>
    public static string Describe(InsMismatches mismatch)
    {
        const InsMismatches all = InsMismatches.Sex | InsMismatches.BirthYear | InsMismatches.BirthMonth | InsMismatches.BirthPlace;
        if ((mismatch & ~all) != 0)
        {
            throw Undefined(nameof(mismatch), mismatch);
        }

        switch (mismatch)
        {
            case InsMismatches.None:
                return "L'identité du patient concorde avec son matricule INS.";
            case InsMismatches.Sex:
                return "Le sexe du patient ne correspond pas à son matricule INS.";
            case InsMismatches.BirthYear:
                return "L'année de naissance du patient ne correspond pas à son matricule INS.";
            case InsMismatches.BirthMonth:
                return "Le mois de naissance du patient ne correspond pas à son matricule INS.";
            case InsMismatches.BirthPlace:
                return "Le lieu de naissance du patient ne correspond pas à son matricule INS.";
        }

        var text = new StringBuilder();
        foreach (InsMismatches flag in new[] { InsMismatches.Sex, InsMismatches.BirthYear, InsMismatches.BirthMonth, InsMismatches.BirthPlace })
        {
            if ((mismatch & flag) != 0)
            {
                text.Append(text.Length == 0 ? string.Empty : " ").Append(Describe(flag));
            }
        }

        if ((mismatch & (InsMismatches.Sex | InsMismatches.BirthYear)) != 0)
        {
            text.Append(" Ce numéro est peut-être celui de la carte Vitale d'un parent : demandez le matricule INS du patient lui-même.");
        }

        return text.ToString();
    }

    /// <summary>
    /// Why ANS's liste blanche was refused, for the user or administrator who loads it (ADDR-1 0.3); also the message of
    /// <see cref="TrustSpaceFormatException"/>.
    /// </summary>
    /// <param name="error">The error.</param>
    /// <returns>A French sentence.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="error"/> is not a defined value.</exception>
    public static string Describe(TrustSpaceError error) => error switch
    {
        TrustSpaceError.Unreadable => "La liste blanche MSSanté est illisible : ce n'est pas un fichier listeblanchemssante.xml complet de l'ANS.",
        TrustSpaceError.Unsigned => "La liste blanche MSSanté n'est pas signée : son origine ne peut pas être vérifiée, elle n'a pas été chargée.",
        TrustSpaceError.SignatureInvalid => "La signature de la liste blanche MSSanté n'est pas valide : le fichier a été modifié après sa signature, il n'a pas été chargé.",
        TrustSpaceError.UntrustedSigner => "La liste blanche MSSanté n'est pas signée par une autorité de confiance (IGC-Santé) : elle n'a pas été chargée.",
        _ => throw Undefined(nameof(error), error),
    };

    /// <summary>The identity check of seed 003 as one sentence (INS-7): "Un homme, né en septembre 1996, né dans le département 72".</summary>
    internal static string IdentitySentence(Sex sex, int birthYear, int? birthMonth, InsBirthPlace place) =>
        $"{SexText(sex)}, {BornText(sex, birthYear, birthMonth)}, {PlaceText(sex, place)}";

    /// <summary>The identity check of seed 003 as its three lines (INS-7).</summary>
    internal static IReadOnlyList<string> IdentityLines(Sex sex, int birthYear, int? birthMonth, InsBirthPlace place) =>
        [SexText(sex), Capitalise(BornText(sex, birthYear, birthMonth)), Capitalise(PlaceText(sex, place))];

    private static string SexText(Sex sex) => sex switch
    {
        Sex.Male => "Un homme",
        Sex.Female => "Une femme",
        _ => "Une personne de sexe non précisé",
    };

    private static string Born(Sex sex) => sex switch
    {
        Sex.Male => "né",
        Sex.Female => "née",
        _ => "né(e)",
    };

    private static string BornText(Sex sex, int birthYear, int? birthMonth)
    {
        string year = birthYear.ToString(CultureInfo.InvariantCulture);
        return birthMonth is int month ? $"{Born(sex)} en {Months[month - 1]} {year}" : $"{Born(sex)} en {year}";
    }

    private static string PlaceText(Sex sex, InsBirthPlace place) => place.Kind switch
    {
        BirthPlaceKind.Abroad => $"{Born(sex)} à l'étranger",
        BirthPlaceKind.Unexpected => $"{Born(sex)} dans un lieu non reconnu (code {place.Department})",
        _ => $"{Born(sex)} dans le département {place.Department}",
    };

    private static string Capitalise(string text) => char.ToUpperInvariant(text[0]) + text.Substring(1);

    private static ArgumentOutOfRangeException Undefined<T>(string name, T value) =>
        new(name, value, $"Not a defined {typeof(T).Name} value.");
}
