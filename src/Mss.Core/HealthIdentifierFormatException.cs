using System;

namespace Mss.Core;

/// <summary>
/// Thrown by the <c>Parse</c> methods of <see cref="Rpps"/>, <see cref="Adeli"/>, <see cref="IdNatPs"/> and
/// <see cref="Finess"/> when a text is not a valid identifier (BAL-6). Its message names the identifier and the
/// <see cref="HealthIdentifierError"/>, never the text itself.
/// </summary>
[Serializable]
public class HealthIdentifierFormatException : FormatException
{
    /// <summary>Creates an exception for a generic format failure (<see cref="HealthIdentifierError.Character"/> of an RPPS).</summary>
    public HealthIdentifierFormatException()
        : this(HealthIdentifierKind.Rpps, HealthIdentifierError.Character)
    {
    }

    /// <summary>Creates an exception with a custom message (<see cref="HealthIdentifierError.Character"/> of an RPPS).</summary>
    /// <param name="message">The message.</param>
    public HealthIdentifierFormatException(string message)
        : base(message)
    {
        Error = HealthIdentifierError.Character;
    }

    /// <summary>Creates an exception with a custom message and inner exception (<see cref="HealthIdentifierError.Character"/> of an RPPS).</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public HealthIdentifierFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = HealthIdentifierError.Character;
    }

    /// <summary>Creates an exception for <paramref name="error"/> on an identifier of kind <paramref name="kind"/>.</summary>
    /// <param name="kind">Which identifier was parsed.</param>
    /// <param name="error">Why parsing failed.</param>
    public HealthIdentifierFormatException(HealthIdentifierKind kind, HealthIdentifierError error)
        : base(Describe(kind, error))
    {
        Kind = kind;
        Error = error;
    }

    /// <summary>Which identifier was parsed.</summary>
    public HealthIdentifierKind Kind { get; }

    /// <summary>Why parsing failed.</summary>
    public HealthIdentifierError Error { get; }

    internal static string Describe(HealthIdentifierKind kind, HealthIdentifierError error)
    {
        string name = kind switch
        {
            HealthIdentifierKind.Rpps => "RPPS number",
            HealthIdentifierKind.Adeli => "ADELI number",
            HealthIdentifierKind.IdNatPs => "IdNat_PS",
            HealthIdentifierKind.Finess => "FINESS number",
            HealthIdentifierKind.StructureId => "IdNat_Struct",
            _ => "identifier",
        };
        string shape = kind switch
        {
            HealthIdentifierKind.Rpps => "11 ASCII digits",
            HealthIdentifierKind.Adeli => "9 ASCII digits",
            HealthIdentifierKind.IdNatPs => "'8' + an 11-digit RPPS (12 characters) or '0' + a 9-digit ADELI (10 characters)",
            HealthIdentifierKind.Finess => "9 ASCII digits or upper-case letters",
            HealthIdentifierKind.StructureId => "a TRE_G07 prefix '0' to '4' then an 11-digit ADELI-rang, a 9-character FINESS, a 9-digit SIREN, a 14-digit SIRET or a 14-digit RPPS-rang",
            _ => "its ANS shape",
        };
        return error switch
        {
            HealthIdentifierError.Empty => "The " + name + " is empty.",
            HealthIdentifierError.Length => "The " + name + " has the wrong length: it must be " + shape + " (BAL-6).",
            HealthIdentifierError.Character => "The " + name + " contains a character not allowed: it must be " + shape + " (BAL-6).",
            HealthIdentifierError.Prefix => kind == HealthIdentifierKind.StructureId
                ? "The IdNat_Struct must start with a TRE_G07 type code '0' to '4' (BAL-6)."
                : "The " + name + " must start with '8' (12 characters) or '0' (10 characters) (BAL-6).",
            _ => "The " + name + " is not valid.",
        };
    }
}
