using System;

namespace Mss.Core.Transport;

/// <summary>
/// Why <see cref="MssConnection"/> could not give a connected, authenticated client (REF1-4). Its message is French, for
/// the user (from <see cref="TransportText"/>), and never contains a token, a password or key material.
/// </summary>
public sealed class MssConnectionException : Exception
{
    /// <summary>Creates an exception with a generic French message.</summary>
    public MssConnectionException()
        : base(TransportText.ProtocolError)
    {
    }

    /// <summary>Creates an exception with a message, which must hold no token or key material.</summary>
    /// <param name="message">A French message for the user.</param>
    public MssConnectionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message, which must hold no token or key material, and its cause.</summary>
    /// <param name="message">A French message for the user.</param>
    /// <param name="innerException">The cause.</param>
    public MssConnectionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal MssConnectionException(TrustFailure trust, Exception? innerException)
        : base(TransportText.Describe(trust), innerException)
    {
        Trust = trust;
    }

    /// <summary>
    /// What <see cref="IgcSanteTrust"/> found wrong with the server certificate (REF1-2), or <see cref="TrustFailure.None"/>
    /// when the failure is not the server certificate (no STARTTLS, TLS, authentication, network).
    /// </summary>
    public TrustFailure Trust { get; }
}
