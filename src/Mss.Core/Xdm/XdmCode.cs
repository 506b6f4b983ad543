using System;

namespace Mss.Core.Xdm;

/// <summary>
/// A coded value of the XDS metadata (ITI TF-3 §4.2.3.1.2): a code, the OID of its coding scheme and a display name, as
/// written in a <c>Classification</c> of METADATA.XML (REF2-2). The CI-SIS value sets give the codes (JDV_J06 classCode,
/// JDV_J07 typeCode, JDV_J08 confidentialityCode, JDV_J10 formatCode, JDV_J02 healthcareFacilityTypeCode, JDV_J04
/// practiceSettingCode).
/// </summary>
public sealed class XdmCode : IEquatable<XdmCode>
{
    /// <summary>Creates a coded value.</summary>
    /// <param name="code">The code (for example <c>N</c>).</param>
    /// <param name="codingScheme">The OID of the code system (for example <c>2.16.840.1.113883.5.25</c>).</param>
    /// <param name="displayName">The display name (for example <c>Normal</c>).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The code or the coding scheme is empty or blank, or an argument holds a control character.</exception>
    public XdmCode(string code, string codingScheme, string displayName)
    {
        Code = Checked(code, nameof(code), allowEmpty: false);
        CodingScheme = Checked(codingScheme, nameof(codingScheme), allowEmpty: false);
        DisplayName = Checked(displayName, nameof(displayName), allowEmpty: true);
    }

    /// <summary>The code.</summary>
    public string Code { get; }

    /// <summary>The OID of the code system (the <c>codingScheme</c> slot).</summary>
    public string CodingScheme { get; }

    /// <summary>The display name (the classification's <c>Name</c>).</summary>
    public string DisplayName { get; }

    /// <summary>Equal when code, coding scheme and display name are equal (ordinal).</summary>
    /// <param name="other">The other value.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(XdmCode? other) => other is not null
        && string.Equals(Code, other.Code, StringComparison.Ordinal)
        && string.Equals(CodingScheme, other.CodingScheme, StringComparison.Ordinal)
        && string.Equals(DisplayName, other.DisplayName, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as XdmCode);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(
        StringComparer.Ordinal.GetHashCode(Code), StringComparer.Ordinal.GetHashCode(CodingScheme), StringComparer.Ordinal.GetHashCode(DisplayName));

    /// <summary>A rendering for logs: <c>code (scheme) displayName</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Code + " (" + CodingScheme + ") " + DisplayName;

    private static string Checked(string value, string name, bool allowEmpty)
    {
        if (value is null)
        {
            throw new ArgumentNullException(name);
        }

        if (!allowEmpty && value.Trim().Length == 0)
        {
            throw new ArgumentException("A code and its coding scheme cannot be empty.", name);
        }

        if (!IsXmlText(value))
        {
            throw new ArgumentException("A coded value holds no control character and only characters XML can carry.", name);
        }

        return value;
    }

    /// <summary>Whether <paramref name="value"/> has no control character and only characters XML 1.0 allows (no lone surrogate, no U+FFFE/U+FFFF).</summary>
    internal static bool IsXmlText(string value)
    {
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (char.IsControl(c) || c is '\uFFFE' or '\uFFFF')
            {
                return false;
            }

            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }
}
