using System.Text;
using NodaTime;

namespace Mss.Core.Fuzz;

/// <summary>The identity parsers: INS matricule with every style (INS-1…INS-6, INS-8), INS + OID (INS-5), RPPS, ADELI, IdNat_PS, FINESS (BAL-6).</summary>
internal static class IdentityTargets
{
    public static readonly string[] InsTokens =
    [
        "2A", "2B", "2a", "2b", " ", ".", "-", "\u00A0", "\u202F", "\u2009", "\u3000", "\u0085", "97", "00", "99",
        "284052A32102552", "279035121518989", "1960972", "\uFF11", "\u0661",
    ];

    public static readonly string[] OidTokens =
    [
        "\n", "1.2.250.1.213.1.4.8", "1.2.250.1.213.1.4.9", "1.2.250.1.213.1.4.10", "1.2.250.1.213.1.4.11",
        "urn:oid:", " ", "279035121518989", "2A", ".",
    ];

    public static readonly string[] HealthIdTokens = ["8", "0", "1", "10003", "810002909371", "0751234567", "2A", " ", "\u0661", "\uFF10"];

    private static readonly InsStyles[] Styles = [InsStyles.None, InsStyles.AllowSeparators, InsStyles.IgnoreCase, InsStyles.Lenient];

    /// <summary>Every style: TryParse (span, string, UTF-8), Validate and Parse agree; a parsed value is canonical and masks itself.</summary>
    public static void Ins(ReadOnlySpan<byte> data)
    {
        string s = FuzzInput.Text(data);
        byte[] utf8 = Encoding.UTF8.GetBytes(s);
        foreach (InsStyles styles in Styles)
        {
            bool parsed = InsMatricule.TryParse(s.AsSpan(), styles, out InsMatricule value);
            InsError error = InsMatricule.Validate(s.AsSpan(), styles);
            Contract.Equal(error == InsError.None, parsed, $"TryParse agrees with Validate ({styles})");
            Contract.That(InsMatricule.TryParse(s, styles, out InsMatricule fromString) == parsed && fromString == value, $"TryParse(string) = TryParse(span) ({styles})");
            Contract.That(InsMatricule.TryParse(utf8, styles, out InsMatricule fromUtf8) == parsed && fromUtf8 == value, $"TryParse(UTF-8) = TryParse(UTF-16) ({styles})");
            CheckParse(() => InsMatricule.Parse(s, styles), parsed, value, error, s);
            CheckParse(() => InsMatricule.Parse(s.AsSpan(), styles), parsed, value, error, s);
            CheckParse(() => InsMatricule.Parse(utf8, styles), parsed, value, error, s);
            if (styles == InsStyles.None)
            {
                Contract.Equal(error, InsMatricule.Validate(s.AsSpan()), "Validate(s) = Validate(s, None)");
                Contract.Equal(error, InsMatricule.ParseCore(s.AsSpan(), out InsMatricule core), "Validate = parsing core");
                Contract.Equal(value, core, "TryParse = parsing core");
                Contract.Equal(error, InsMatricule.Validate(utf8), "Validate(UTF-8) = Validate(UTF-16)");
                Contract.That(InsMatricule.TryParse(s, out InsMatricule plain) == parsed && plain == value, "TryParse(s) = TryParse(s, None)");
                CheckParse(() => InsMatricule.Parse(s), parsed, value, error, s);
            }

            if (parsed)
            {
                CheckValue(value);
            }
        }

        if (s.Length >= 13)
        {
            CheckBody(s.Substring(0, 13));
        }
    }

    /// <summary>INS + OID (INS-5): span and string agree; Parse throws only ArgumentNullException or a FormatException subclass.</summary>
    public static void InsWithOid(ReadOnlySpan<byte> data)
    {
        (string matricule, string oid) = FuzzInput.Pair(data);
        bool parsed = Mss.Core.Ins.TryParse(matricule, oid, out Ins value);
        Contract.That(Mss.Core.Ins.TryParse(matricule.AsSpan(), oid.AsSpan(), out Ins fromSpan) == parsed && fromSpan == value, "TryParse(span) = TryParse(string)");
        if (Contract.Parses(() => Mss.Core.Ins.Parse(matricule, oid), out Ins parsedValue, out FormatException? exception))
        {
            Contract.That(parsed, "Parse succeeds only when TryParse does");
            Contract.Equal(value, parsedValue, "Parse value = TryParse value");
        }
        else
        {
            Contract.That(!parsed, "Parse throws only when TryParse fails");
            Contract.NoClearIns(exception!.Message, Canonical(matricule), "Ins.Parse exception message");
        }

        _ = InsOid.TryGetKind(oid.AsSpan(), out _);
        if (parsed)
        {
            Contract.That(InsMatricule.TryParse(matricule, out InsMatricule m) && m == value.Matricule, "Ins.Matricule = InsMatricule.TryParse(matricule)");
            Contract.That(InsOid.Of(value.Kind).Length > 0, "InsOid.Of(Kind) names the OID");
            Contract.NoClearIns(value.ToString(), value.Matricule.ToString(), "Ins.ToString()");
        }
    }

    public static void Rpps(ReadOnlySpan<byte> data) =>
        HealthId<Core.Rpps>(data, Core.Rpps.TryParse, Core.Rpps.TryParse, Core.Rpps.TryParse, Core.Rpps.Validate, Core.Rpps.Validate, Core.Rpps.Parse, s => Core.Rpps.Parse(s.AsSpan()), b => Core.Rpps.Parse(b), r => r.ToString());

    public static void Adeli(ReadOnlySpan<byte> data) =>
        HealthId<Core.Adeli>(data, Core.Adeli.TryParse, Core.Adeli.TryParse, Core.Adeli.TryParse, Core.Adeli.Validate, Core.Adeli.Validate, Core.Adeli.Parse, s => Core.Adeli.Parse(s.AsSpan()), b => Core.Adeli.Parse(b), r => r.ToString());

    public static void IdNatPs(ReadOnlySpan<byte> data) =>
        HealthId<Core.IdNatPs>(data, Core.IdNatPs.TryParse, Core.IdNatPs.TryParse, Core.IdNatPs.TryParse, Core.IdNatPs.Validate, Core.IdNatPs.Validate, Core.IdNatPs.Parse, s => Core.IdNatPs.Parse(s.AsSpan()), b => Core.IdNatPs.Parse(b), r => r.ToString());

    public static void Finess(ReadOnlySpan<byte> data) =>
        HealthId<Core.Finess>(data, Core.Finess.TryParse, Core.Finess.TryParse, Core.Finess.TryParse, Core.Finess.Validate, Core.Finess.Validate, Core.Finess.Parse, s => Core.Finess.Parse(s.AsSpan()), b => Core.Finess.Parse(b), r => r.ToString());

    /// <summary>StructureId (BAL-6): TryParse (span, string, UTF-8), Validate and Parse agree; the IdNat_Struct text round-trips.</summary>
    public static void StructureId(ReadOnlySpan<byte> data)
    {
        string s = FuzzInput.Text(data);
        HealthIdentifierError error = Core.StructureId.Validate(s.AsSpan());
        bool parsed = Core.StructureId.TryParse(s.AsSpan(), out Core.StructureId value);
        Contract.Equal(error == HealthIdentifierError.None, parsed, "TryParse agrees with Validate");
        Contract.That(Core.StructureId.TryParse(s, out Core.StructureId fromString) == parsed && fromString == value, "TryParse(string) = TryParse(span)");
        Contract.That(Core.StructureId.TryParse(Encoding.UTF8.GetBytes(s), out Core.StructureId fromUtf8) == parsed && fromUtf8 == value, "TryParse(UTF-8) = TryParse(UTF-16)");
        if (Contract.Parses(() => Core.StructureId.Parse(s), out Core.StructureId parsedValue, out HealthIdentifierFormatException? exception))
        {
            Contract.That(parsed && parsedValue == value, "Parse = TryParse");
        }
        else
        {
            Contract.That(!parsed, "Parse throws only when TryParse fails");
            Contract.Equal(error, exception!.Error, "HealthIdentifierFormatException.Error = Validate");
        }

        if (parsed)
        {
            Contract.That(Core.StructureId.TryParse(value.ToString(), out Core.StructureId again) && again == value, "ToString() round-trips");
        }
    }

    private delegate bool TryParseChars<T>(ReadOnlySpan<char> s, out T result);

    private delegate bool TryParseString<T>(string? s, out T result);

    private delegate bool TryParseBytes<T>(ReadOnlySpan<byte> utf8, out T result);

    private delegate HealthIdentifierError ValidateChars(ReadOnlySpan<char> s);

    private delegate HealthIdentifierError ValidateBytes(ReadOnlySpan<byte> utf8);

    /// <summary>One contract for the four health identifiers (BAL-6): they share one core, so one check.</summary>
    private static void HealthId<T>(
        ReadOnlySpan<byte> data,
        TryParseChars<T> tryChars,
        TryParseString<T> tryString,
        TryParseBytes<T> tryBytes,
        ValidateChars validateChars,
        ValidateBytes validateBytes,
        Func<string, T> parseString,
        Func<string, T> parseSpan,
        Func<byte[], T> parseBytes,
        Func<T, string> format)
        where T : struct, IEquatable<T>
    {
        string s = FuzzInput.Text(data);
        byte[] utf8 = Encoding.UTF8.GetBytes(s);
        HealthIdentifierError error = validateChars(s.AsSpan());
        bool parsed = tryChars(s.AsSpan(), out T value);
        Contract.Equal(error == HealthIdentifierError.None, parsed, "TryParse agrees with Validate");
        Contract.That(tryString(s, out T fromString) == parsed && fromString.Equals(value), "TryParse(string) = TryParse(span)");
        Contract.Equal(error, validateBytes(utf8), "Validate(UTF-8 of the text) = Validate(UTF-16)");
        Contract.That(tryBytes(utf8, out T fromUtf8) == parsed && fromUtf8.Equals(value), "TryParse(UTF-8) = TryParse(UTF-16)");

        // Raw bytes (invalid UTF-8 included) get the verdict of their decoded text.
        string decoded = Encoding.UTF8.GetString(data);
        Contract.Equal(validateChars(decoded.AsSpan()), validateBytes(data), "Validate(raw UTF-8) = Validate(decoded)");

        foreach (Func<T> parse in new Func<T>[] { () => parseString(s), () => parseSpan(s), () => parseBytes(utf8) })
        {
            if (Contract.Parses(parse, out T parsedValue, out HealthIdentifierFormatException? exception))
            {
                Contract.That(parsed && parsedValue.Equals(value), "Parse = TryParse");
            }
            else
            {
                Contract.That(!parsed, "Parse throws only when TryParse fails");
                Contract.Equal(error, exception!.Error, "HealthIdentifierFormatException.Error = Validate");
            }
        }

        if (parsed)
        {
            string text = format(value);
            Contract.That(tryString(text, out T again) && again.Equals(value), "ToString() round-trips");
        }
    }

    private static void CheckParse(Func<InsMatricule> parse, bool parsed, InsMatricule expected, InsError error, string input)
    {
        if (Contract.Parses(parse, out InsMatricule value, out InsFormatException? exception))
        {
            Contract.That(parsed, "Parse succeeds only when TryParse does");
            Contract.Equal(expected, value, "Parse value = TryParse value");
        }
        else
        {
            Contract.That(!parsed, "Parse throws only when TryParse fails");
            Contract.Equal(error, exception!.Error, "InsFormatException.Error = Validate");
            Contract.NoClearIns(exception.Message, Canonical(input), "InsFormatException message");
        }
    }

    private static void CheckValue(InsMatricule value)
    {
        string text = value.ToString();
        Contract.Equal(InsMatricule.Length, text.Length, "canonical text has 15 characters");
        Contract.That(InsMatricule.TryParse(text, out InsMatricule again) && again == value, "canonical text round-trips (strict)");
        Contract.NoClearIns(value.ToMaskedString(), text, "ToMaskedString()");
        Contract.NoClearIns(value.ToString("M", null), text, "ToString(\"M\")");
        Contract.Equal(value.Key, int.Parse(text.AsSpan(13), System.Globalization.CultureInfo.InvariantCulture), "Key = last two digits");
        _ = (value.Sex, value.BirthYearOfCentury, value.BirthMonth, value.BirthDepartment, value.BirthPlace, value.Anomalies);
        InsIdentityCheck check = InsIdentityCheck.AsOf(value, new LocalDate(2026, 11, 30));
        Contract.NoClearIns(check.ToFrenchSentence(), text, "InsIdentityCheck sentence");
    }

    /// <summary>ComputeKey / FromBody: ArgumentException for a malformed body, else a key 1…97 that validates.</summary>
    private static void CheckBody(string body)
    {
        int key;
        try
        {
            key = InsMatricule.ComputeKey(body.AsSpan());
        }
        catch (ArgumentException)
        {
            return;
        }

        Contract.That(key is >= 1 and <= 97, "ComputeKey is in 1…97 (INS-2)");
        InsMatricule built = InsMatricule.FromBody(body.AsSpan());
        Contract.Equal(key, built.Key, "FromBody uses ComputeKey");
        Contract.Equal(InsError.None, InsMatricule.Validate(built.ToString().AsSpan()), "FromBody builds a valid matricule");
    }

    /// <summary>The 15 characters a text would show if it were a matricule with separators left out (for the INS-8 checks).</summary>
    private static string Canonical(string input)
    {
        var sb = new StringBuilder(15);
        foreach (char c in input)
        {
            if (char.IsAsciiDigit(c) || c is 'A' or 'B' or 'a' or 'b')
            {
                sb.Append(char.ToUpperInvariant(c));
            }
        }

        return sb.Length == InsMatricule.Length ? sb.ToString() : string.Empty;
    }
}
