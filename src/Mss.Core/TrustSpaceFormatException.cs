using System;

namespace Mss.Core;

/// <summary>
/// Thrown by <see cref="TrustSpace.LoadWhitelist"/> and <see cref="TrustSpace.LoadUnsignedWhitelist"/> when ANS's liste
/// blanche is refused (ADDR-1 0.3). Its message is the French sentence of <see cref="FrenchText.Describe(TrustSpaceError)"/>,
/// for the user who asked to load the list; <see cref="Error"/> says why, for the code; the XML or signature error that
/// caused it, when there is one, is the <see cref="Exception.InnerException"/>.
/// </summary>
[Serializable]
public sealed class TrustSpaceFormatException : FormatException
{
    /// <summary>Creates an exception for an unreadable list (<see cref="TrustSpaceError.Unreadable"/>).</summary>
    public TrustSpaceFormatException()
        : this(TrustSpaceError.Unreadable)
    {
    }

    /// <summary>Creates an exception with a custom message, for an unreadable list.</summary>
    /// <param name="message">The message.</param>
    public TrustSpaceFormatException(string message)
        : base(message)
    {
        Error = TrustSpaceError.Unreadable;
    }

    /// <summary>Creates an exception with a custom message and inner exception, for an unreadable list.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public TrustSpaceFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = TrustSpaceError.Unreadable;
    }

    /// <summary>Creates an exception for <paramref name="error"/>, with its French sentence as the message.</summary>
    /// <param name="error">Why the list was refused.</param>
    public TrustSpaceFormatException(TrustSpaceError error)
        : base(FrenchText.Describe(error))
    {
        Error = error;
    }

    /// <summary>Creates an exception for <paramref name="error"/> caused by <paramref name="innerException"/>.</summary>
    /// <param name="error">Why the list was refused.</param>
    /// <param name="innerException">The cause (an XML or cryptographic exception).</param>
    public TrustSpaceFormatException(TrustSpaceError error, Exception? innerException)
        : base(FrenchText.Describe(error), innerException)
    {
        Error = error;
    }

    /// <summary>Why the list was refused.</summary>
    public TrustSpaceError Error { get; }
}
