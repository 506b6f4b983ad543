using System;

namespace Mss.Core;

/// <summary>
/// Thrown by <see cref="MssAddress.Parse(string)"/> (and the other <c>Parse</c> overloads, with or without
/// <see cref="AddressStyles"/>) when the text is not a valid MSSanté address. Its message is English (developer-facing),
/// names the <see cref="AddressError"/> and never contains the address, which may hold a patient's INS (INS-8).
/// </summary>
[Serializable]
public class MssAddressFormatException : FormatException
{
    /// <summary>Creates an exception for a generic syntax failure (<see cref="AddressError.Syntax"/>).</summary>
    public MssAddressFormatException()
        : this(AddressError.Syntax)
    {
    }

    /// <summary>Creates an exception with a custom message. The message must not contain an INS (INS-8).</summary>
    /// <param name="message">A message free of patient data.</param>
    public MssAddressFormatException(string message)
        : base(message)
    {
        Error = AddressError.Syntax;
    }

    /// <summary>Creates an exception with a custom message and inner exception. The message must not contain an INS (INS-8).</summary>
    /// <param name="message">A message free of patient data.</param>
    /// <param name="innerException">The cause.</param>
    public MssAddressFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = AddressError.Syntax;
    }

    /// <summary>Creates an exception for <paramref name="error"/>, with a message that describes the error only.</summary>
    /// <param name="error">Why parsing failed.</param>
    public MssAddressFormatException(AddressError error)
        : base(Describe(error))
    {
        Error = error;
    }

    /// <summary>Why parsing failed.</summary>
    public AddressError Error { get; }

    internal static string Describe(AddressError error) => error switch
    {
        AddressError.Empty => "The address is empty.",
        AddressError.TooLong => "The address is too long: at most 254 characters, 64 in the local part, 63 per domain label (ADDR-3).",
        AddressError.Syntax => "The address is malformed: one bare ASCII address, without display name, quotes, spaces, non-ASCII or punycode (ADDR-3), unless AddressStyles allow that decoration (ADDR-6).",
        AddressError.NotMssante => "The address is outside the MSSanté trust space: its domain must end with .mssante.fr (ADDR-1).",
        AddressError.InvalidPatientIns => "The local part of a patient address must be a valid 15-character INS matricule (ADDR-2).",
        _ => "The address is not valid.",
    };
}
