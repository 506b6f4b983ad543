using System.Text;

namespace Mss.Core.Fuzz;

/// <summary>MssAddress (ADDR-1…ADDR-3): UTF-16 and UTF-8 entry points, vector paths against the scalar core.</summary>
internal static class AddressTargets
{
    public static readonly string[] Tokens =
    [
        "@", ".", "mssante.fr", "patient.mssante.fr", "@patient.mssante.fr", ".mssante.fr", "xn--", "2A", "2B", "2a",
        "279035121518989", "284052A32102552", "dr.durand", "ch-lemans", "_", "-", " ", "\u00A0", "\u00E9", "\u0435",
        "\uFF10", "<", ">", "mailto:", "\"", "\uD800", "\u0080",
    ];

    /// <summary>UTF-16: Validate, TryParse (string and span), Parse and the scalar core agree; the UTF-8 entry points agree with them.</summary>
    public static void Utf16(ReadOnlySpan<byte> data)
    {
        string s = FuzzInput.Text(data);
        AddressError error = MssAddress.Validate(s.AsSpan());
        CheckPaths(s.AsSpan(), error);

        bool parsed = MssAddress.TryParse(s, out MssAddress fromString);
        bool parsedSpan = MssAddress.TryParse(s.AsSpan(), out MssAddress fromSpan);
        Contract.Equal(error == AddressError.None, parsed, "TryParse(string) agrees with Validate");
        Contract.Equal(parsed, parsedSpan, "TryParse(span) agrees with TryParse(string)");
        Contract.Equal(fromString, fromSpan, "TryParse(span) value = TryParse(string) value");
        CheckParse(() => MssAddress.Parse(s), parsed, fromString, error);
        CheckParse(() => MssAddress.Parse(s.AsSpan()), parsed, fromString, error);

        // UTF-8 of the same characters (a lone surrogate becomes U+FFFD: still not ASCII, so the verdict holds).
        byte[] utf8 = Encoding.UTF8.GetBytes(s);
        Contract.Equal(error, MssAddress.Validate(utf8), "Validate(UTF-8) = Validate(UTF-16)");
        Contract.Equal(parsed, MssAddress.TryParse(utf8, out MssAddress fromUtf8), "TryParse(UTF-8) = TryParse(UTF-16)");
        Contract.Equal(fromString, fromUtf8, "TryParse(UTF-8) value = TryParse(UTF-16) value");

        if (parsed)
        {
            CheckValue(fromString);
        }
    }

    /// <summary>UTF-8 bytes as they come (invalid sequences included): the verdict UTF-16 text of the decoded characters gets.</summary>
    public static void Utf8(ReadOnlySpan<byte> data)
    {
        AddressError error = MssAddress.Validate(data);
        string decoded = Encoding.UTF8.GetString(data);
        Contract.Equal(MssAddress.Validate(decoded.AsSpan()), error, "Validate(UTF-8) = Validate(decoded UTF-16)");
        Contract.Equal(AddressSyntax.CheckScalar(decoded.AsSpan(), out _, out _, out _), error, "Validate(UTF-8) = scalar core");

        AddressError checkedUtf8 = AddressSyntax.CheckUtf8(data, out int at, out InsMatricule ins, out bool upper);
        AddressError scalar = AddressSyntax.CheckScalar(decoded.AsSpan(), out int atScalar, out InsMatricule insScalar, out bool upperScalar);
        Contract.Equal(scalar, checkedUtf8, "UTF-8 vector path = scalar path (error)");
        if (scalar == AddressError.None)
        {
            Contract.Equal(atScalar, at, "UTF-8 vector path = scalar path ('@' position)");
            Contract.Equal(insScalar, ins, "UTF-8 vector path = scalar path (patient INS)");
            Contract.Equal(upperScalar, upper, "UTF-8 vector path = scalar path (upper-case domain)");
        }

        bool parsed = MssAddress.TryParse(data, out MssAddress fromUtf8);
        Contract.Equal(error == AddressError.None, parsed, "TryParse(UTF-8) agrees with Validate(UTF-8)");
        Contract.Equal(MssAddress.TryParse(decoded, out MssAddress fromString), parsed, "TryParse(UTF-8) = TryParse(decoded)");
        Contract.Equal(fromString, fromUtf8, "TryParse(UTF-8) value = TryParse(decoded) value");
        byte[] copy = data.ToArray();
        CheckParse(() => MssAddress.Parse(copy), parsed, fromUtf8, error);
        if (parsed)
        {
            CheckValue(fromUtf8);
        }
    }

    private static readonly AddressStyles[] Styles =
    [
        AddressStyles.None, AddressStyles.AllowWhiteSpace, AddressStyles.AllowDisplayName, AddressStyles.AllowMailto,
        AddressStyles.IgnoreCase, AddressStyles.Lenient, (AddressStyles)0x70,
    ];

    /// <summary>
    /// ADDR-6: with every style, Validate, TryParse (string, span, UTF-8) and Parse agree; the result is canonical (the
    /// strict parser takes its text back); whatever strict parsing accepts, lenient parsing accepts as the same address.
    /// </summary>
    public static void Lenient(ReadOnlySpan<byte> data)
    {
        string s = FuzzInput.Text(data);
        byte[] utf8 = Encoding.UTF8.GetBytes(s);
        bool strict = MssAddress.TryParse(s, out MssAddress strictValue);
        foreach (AddressStyles styles in Styles)
        {
            AddressError error = MssAddress.Validate(s.AsSpan(), styles);
            bool parsed = MssAddress.TryParse(s.AsSpan(), styles, out MssAddress value);
            Contract.Equal(error == AddressError.None, parsed, "TryParse(styles) agrees with Validate(styles)");
            Contract.That(MssAddress.TryParse(s, styles, out MssAddress fromString) == parsed && fromString == value, "TryParse(string, styles) = TryParse(span, styles)");
            Contract.Equal(error, MssAddress.Validate(utf8, styles), "Validate(UTF-8, styles) = Validate(UTF-16, styles)");
            Contract.That(MssAddress.TryParse(utf8, styles, out MssAddress fromUtf8) == parsed && fromUtf8 == value, "TryParse(UTF-8, styles) = TryParse(UTF-16, styles)");
            CheckParse(() => MssAddress.Parse(s, styles), parsed, value, error);
            if (parsed)
            {
                Contract.That(MssAddress.TryParse(value.ToString(), out MssAddress canonical) && canonical == value, "the lenient result is canonical");
                CheckValue(value);
            }

            if (strict)
            {
                Contract.That(parsed && value == strictValue, "what strict parsing accepts, every style accepts as the same address");
            }
        }
    }

    /// <summary>The vector paths (.NET 8+ with 128-bit vectors) decide exactly as the portable scalar core.</summary>
    private static void CheckPaths(ReadOnlySpan<char> s, AddressError validate)
    {
        AddressError scalar = AddressSyntax.CheckScalar(s, out int atScalar, out InsMatricule insScalar, out bool upperScalar);
        AddressError vector = AddressSyntax.Check(s, out int at, out InsMatricule ins, out bool upper);
        Contract.Equal(scalar, vector, "vector path = scalar path (error)");
        Contract.Equal(scalar, AddressSyntax.Validate(s), "Validate path = scalar path (error)");
        Contract.Equal(scalar, validate, "Validate = scalar path");
        if (scalar == AddressError.None)
        {
            Contract.Equal(atScalar, at, "vector path = scalar path ('@' position)");
            Contract.Equal(insScalar, ins, "vector path = scalar path (patient INS)");
            Contract.Equal(upperScalar, upper, "vector path = scalar path (upper-case domain)");
        }
    }

    private static void CheckParse(Func<MssAddress> parse, bool parsed, MssAddress expected, AddressError error)
    {
        if (Contract.Parses(parse, out MssAddress value, out MssAddressFormatException? exception))
        {
            Contract.That(parsed, "Parse succeeds only when TryParse does");
            Contract.Equal(expected, value, "Parse value = TryParse value");
        }
        else
        {
            Contract.That(!parsed, "Parse throws only when TryParse fails");
            Contract.Equal(error, exception!.Error, "MssAddressFormatException.Error = Validate");
        }
    }

    /// <summary>A parsed address: canonical text round-trips, patient addresses carry their INS and mask it (INS-8).</summary>
    private static void CheckValue(MssAddress address)
    {
        string text = address.ToString();
        Contract.Equal(AddressError.None, MssAddress.Validate(text.AsSpan()), "canonical text is valid");
        Contract.That(MssAddress.TryParse(text, out MssAddress again) && again == address, "canonical text round-trips");
        Contract.Equal(text, again.ToString(), "canonical text is stable");
        Contract.Equal(address.LocalPart + "@" + address.Domain, text, "LocalPart@Domain = ToString()");
        if (address.IsPatient)
        {
            Contract.That(address.TryGetIns(out InsMatricule ins), "a patient address has an INS");
            Contract.Equal(address, MssAddress.ForPatient(ins), "ForPatient(TryGetIns) = the address");
        }
        else
        {
            Contract.That(!address.TryGetIns(out _), "only patient addresses have an INS");
        }
    }
}
