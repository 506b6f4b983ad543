using System;

namespace Mss.Core;

/// <summary>
/// Thrown by <see cref="InsMatricule.Parse(string)"/> when the text is not a valid INS matricule, and by
/// <see cref="Ins.Parse(string, string)"/> also when the OID is not an INS OID (<see cref="InsError.UnknownOid"/>).
/// Its message names the <see cref="InsError"/> and never contains the text itself (INS-8).
/// </summary>
[Serializable]
public class InsFormatException : FormatException
{
    /// <summary>Creates an exception for a generic format failure (<see cref="InsError.Character"/>).</summary>
    public InsFormatException()
        : this(InsError.Character)
    {
    }

    /// <summary>Creates an exception with a custom message. The message must not contain a matricule (INS-8).</summary>
    /// <param name="message">A message free of patient data.</param>
    public InsFormatException(string message)
        : base(message)
    {
        Error = InsError.Character;
    }

    /// <summary>Creates an exception with a custom message and inner exception. The message must not contain a matricule (INS-8).</summary>
    /// <param name="message">A message free of patient data.</param>
    /// <param name="innerException">The cause.</param>
    public InsFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = InsError.Character;
    }

    /// <summary>Creates an exception for <paramref name="error"/>, with a message that describes the error only.</summary>
    /// <param name="error">Why parsing failed.</param>
    public InsFormatException(InsError error)
        : base(Describe(error))
    {
        Error = error;
    }

    /// <summary>Why parsing failed.</summary>
    public InsError Error { get; }

    internal static string Describe(InsError error) => error switch
    {
        InsError.Empty => "The INS matricule is empty.",
        InsError.Length => "The INS matricule must have 15 characters: a 13-character body and a 2-digit key (INS-1).",
        InsError.Character => "The INS matricule contains a character not allowed at its position: digits only, except 2A/2B at positions 6-7 (INS-1).",
        InsError.Key => "The key of the INS matricule does not match its body (INS-2).",
        InsError.UnknownOid => "Not an INS OID: expected 1.2.250.1.213.1.4.8, .9, .10 or .11, possibly as urn:oid:... (INS-5).",
        _ => "The INS matricule is not valid.",
    };
}
