using System;

namespace Mss.Core.Transport;

/// <summary>
/// The French sentences of Mss.Core.Transport, in one place (REF1-4): why a connection to the MSSanté operator failed,
/// for the user. The texts are constants: never a token, a password, a key or a certificate's content in them.
/// </summary>
public static class TransportText
{
    /// <summary>What <see cref="IgcSanteTrust"/> concluded about the operator's server certificate (REF1-2, REF1-4).</summary>
    /// <param name="failure">The verdict.</param>
    /// <returns>A French sentence; <see cref="TrustFailure.None"/> says the certificate was checked and trusted.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="failure"/> is not a defined value.</exception>
    public static string Describe(TrustFailure failure) => failure switch
    {
        TrustFailure.None => "Le certificat du serveur de l'opérateur MSSanté a été vérifié : délivré par l'IGC-Santé, valide, destiné à ce serveur et non révoqué.",
        TrustFailure.UntrustedRoot => "Connexion refusée : le certificat du serveur n'est pas délivré par l'IGC-Santé, seule autorité reconnue par la messagerie sécurisée de santé.",
        TrustFailure.Expired => "Connexion refusée : le certificat du serveur a expiré. Vérifiez la date et l'heure de l'ordinateur, puis prévenez l'opérateur MSSanté.",
        TrustFailure.NotYetValid => "Connexion refusée : le certificat du serveur n'est pas encore valide. Vérifiez la date et l'heure de l'ordinateur.",
        TrustFailure.Revoked => "Connexion refusée : le certificat du serveur a été révoqué par l'IGC-Santé.",
        TrustFailure.RevocationUnknown => "Connexion refusée : impossible de vérifier que le certificat du serveur n'est pas révoqué (liste de révocation ou service OCSP injoignable).",
        TrustFailure.HostMismatch => "Connexion refusée : le certificat présenté n'est pas celui du serveur demandé. Vérifiez le nom du serveur de l'opérateur MSSanté.",
        TrustFailure.WrongUsage => "Connexion refusée : le certificat présenté n'est pas un certificat de serveur.",
        TrustFailure.Malformed => "Connexion refusée : le certificat du serveur est absent, illisible ou mal formé.",
        _ => throw new ArgumentOutOfRangeException(nameof(failure), failure, "Not a TrustFailure value."),
    };

    /// <summary>The server does not offer STARTTLS: nothing else is sent in clear (REF1-1).</summary>
    internal const string StartTlsMissing = "Connexion refusée : le serveur ne propose pas de chiffrement (STARTTLS). Aucune donnée n'a été envoyée.";

    /// <summary>The TLS handshake failed for a reason other than the certificate (version below TLS 1.2, no common suite).</summary>
    internal const string TlsFailed = "Connexion refusée : la négociation du chiffrement (TLS 1.2 au moins) avec le serveur a échoué ; le serveur utilise peut-être une version de TLS trop ancienne.";

    /// <summary>The host could not be reached.</summary>
    internal const string Unreachable = "Le serveur de l'opérateur MSSanté est injoignable : vérifiez le nom du serveur et la connexion au réseau.";

    /// <summary>The server answered in a way the protocol does not allow.</summary>
    internal const string ProtocolError = "Le serveur de l'opérateur MSSanté a répondu de façon inattendue : la connexion a été interrompue.";

    /// <summary>The server refused the Pro Santé Connect token twice (REF1-3).</summary>
    internal const string AuthenticationRefused = "Authentification refusée par l'opérateur MSSanté : reconnectez-vous à Pro Santé Connect (e-CPS ou carte CPS) puis réessayez.";

    /// <summary>The server offers no XOAUTH2 authentication (REF1-3).</summary>
    internal const string AuthenticationNotOffered = "Le serveur de l'opérateur MSSanté ne propose pas l'authentification par Pro Santé Connect.";

    /// <summary>The caller's delegate gave no token (REF1-3).</summary>
    internal const string TokenUnavailable = "Aucun jeton Pro Santé Connect n'a pu être obtenu : reconnectez-vous à Pro Santé Connect puis réessayez.";
}
