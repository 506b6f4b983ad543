using System;
using System.Buffers;
using System.Diagnostics;
using System.Text;

namespace Mss.Core;

/// <summary>
/// A patient's INS matricule: the NIR or NIA that identifies the patient nationally and names their
/// Mon espace santé mailbox (<c>&lt;matricule&gt;@patient.mssante.fr</c>, ADDR-2).
/// </summary>
/// <remarks>
/// <para>
/// A value of this type is always valid: 15 characters (13-character body + 2-digit key, INS-1), key
/// equal to 97 − (N mod 97) with <c>2A</c> read as 19 and <c>2B</c> as 18 (INS-2). Sex, month and place
/// oddities are reported by <see cref="Anomalies"/> and never refuse a value (INS-4).
/// </para>
/// <para>
/// <c>default(InsMatricule)</c> is the "no matricule" value: <see cref="IsDefault"/> is true,
/// <see cref="ToString()"/> returns the empty string and the field properties return zeros, <see cref="Sex.Unknown"/>
/// and empty strings. It never equals a parsed value.
/// </para>
/// <para>
/// The matricule is the patient's social-security number (INS-8): the debugger shows it masked,
/// exceptions never carry it; use <see cref="ToMaskedString"/> in logs.
/// </para>
/// <para>
/// Input as people type it (INS-6) is opt-in through <see cref="InsStyles"/>: white space, dots, hyphens and invisible
/// characters (soft hyphen, zero-width space…) are ignored; any other stray character (<c>/</c>, <c>_</c>) is an
/// <see cref="InsError.Character"/> error, never <see cref="InsError.Length"/> (0.2).
/// </para>
/// <para>The whole value packs into 64 bits: parsing, equality and formatting allocate nothing.</para>
/// </remarks>
[DebuggerDisplay("{ToMaskedString(),nq}")]
public readonly struct InsMatricule : IEquatable<InsMatricule>
#if NET8_0_OR_GREATER
    , ISpanParsable<InsMatricule>, ISpanFormattable, IUtf8SpanParsable<InsMatricule>, IUtf8SpanFormattable
#endif
{
    /// <summary>Length of the canonical text: 13-character body + 2-digit key (INS-1).</summary>
    public const int Length = 15;

    /// <summary>Length of the body, the part the key is computed from (INS-1).</summary>
    public const int BodyLength = 13;

    // Layout: bits 0..43 the body read as a 13-digit number after the Corsica substitution (INS-2);
    // bits 44..45 the Corsican letter (0 none, 1 = 2A, 2 = 2B); bits 48..54 the key (1..97, 0 only for default).
    private const int CorsicaShift = 44;
    private const int KeyShift = 48;
    private const ulong NumberMask = (1UL << CorsicaShift) - 1;

    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    private readonly ulong _value;

    private InsMatricule(ulong value) => _value = value;

    /// <summary>True for <c>default(InsMatricule)</c>, the "no matricule" value.</summary>
    public bool IsDefault => _value == 0;

    /// <summary>The two-digit key, 1…97 (INS-2); 0 for <c>default</c>.</summary>
    public int Key => (int)(_value >> KeyShift);

    /// <summary>The sex of position 1 (INS-3); <see cref="Sex.Unknown"/> when the digit is not 1 or 2 (an anomaly, INS-4).</summary>
    public Sex Sex => SexDigit switch
    {
        1 => Sex.Male,
        2 => Sex.Female,
        _ => Sex.Unknown,
    };

    /// <summary>The raw sex digit of position 1, 0…9 (INS-3).</summary>
    public int SexDigit => (int)(Number / 1_000_000_000_000UL);

    /// <summary>The birth year without its century, 0…99 (positions 2–3, INS-3). See <see cref="InsIdentityCheck"/> for the century.</summary>
    public int BirthYearOfCentury => (int)(Number / 10_000_000_000UL % 100);

    /// <summary>The raw month code of positions 4–5, 0…99 (INS-3): 1–12 a month, 20–99 unknown, 0 and 13–19 anomalies.</summary>
    public int BirthMonthCode => (int)(Number / 100_000_000UL % 100);

    /// <summary>The birth month 1…12, or null when the code means "unknown" (20–99) or is odd (00, 13–19) (INS-3).</summary>
    public int? BirthMonth => BirthMonthCode is >= 1 and <= 12 ? BirthMonthCode : null;

    /// <summary>
    /// The birth department (INS-3): two characters for metropolitan France (<c>"72"</c>, <c>"2A"</c>, <c>"2B"</c>, <c>"20"</c>
    /// before 1976), three digits overseas (<c>"971"</c>, <c>"988"</c>), <c>"99"</c> for a birth abroad;
    /// the empty string for <c>default</c>. Never allocates.
    /// </summary>
    public string BirthDepartment => IsDefault ? string.Empty : InsBirthPlace.DepartmentOf(PlaceCode, Corsica);

    /// <summary>The birth place of positions 6–10 decoded (INS-3); its <see cref="InsBirthPlace.Kind"/> is <see cref="BirthPlaceKind.Unknown"/> for <c>default</c>.</summary>
    public InsBirthPlace BirthPlace => IsDefault ? default : InsBirthPlace.Decode(PlaceCode, Corsica);

    /// <summary>The order number of positions 11–13, 0…999 (INS-3).</summary>
    public int OrderNumber => (int)(Number % 1000);

    /// <summary>The oddities of the fields (INS-3), reported and never refused (INS-4). <see cref="InsAnomalies.None"/> for <c>default</c>.</summary>
    public InsAnomalies Anomalies
    {
        get
        {
            if (IsDefault)
            {
                return InsAnomalies.None;
            }

            InsAnomalies sex = SexDigit is 1 or 2 ? InsAnomalies.None : InsAnomalies.UnexpectedSex;
            int month = BirthMonthCode;
            InsAnomalies birthMonth = month is 0 or (>= 13 and <= 19) ? InsAnomalies.InvalidMonth
                : month >= 20 ? InsAnomalies.UnknownMonth
                : InsAnomalies.None;
            InsAnomalies place = BirthPlace.Kind == BirthPlaceKind.Unexpected ? InsAnomalies.UnexpectedPlace : InsAnomalies.None;
            return sex | birthMonth | place;
        }
    }

    /// <summary>The body as a number with 2A read as 19 and 2B as 18 (INS-2).</summary>
    private ulong Number => _value & NumberMask;

    /// <summary>0 none, 1 for 2A, 2 for 2B.</summary>
    private int Corsica => (int)((_value >> CorsicaShift) & 3);

    /// <summary>Positions 6–10 as a number (Corsica already substituted).</summary>
    private int PlaceCode => (int)(Number / 1000 % 100_000);

    /// <summary>Compares two matricules for equality.</summary>
    /// <param name="left">The first matricule.</param>
    /// <param name="right">The second matricule.</param>
    /// <returns>True when both hold the same matricule (or both are <c>default</c>).</returns>
    public static bool operator ==(InsMatricule left, InsMatricule right) => left._value == right._value;

    /// <summary>Compares two matricules for inequality.</summary>
    /// <param name="left">The first matricule.</param>
    /// <param name="right">The second matricule.</param>
    /// <returns>True when they differ.</returns>
    public static bool operator !=(InsMatricule left, InsMatricule right) => left._value != right._value;

    /// <summary>
    /// Parses a canonical matricule (INS-1, INS-2): exactly 15 characters, upper-case <c>2A</c>/<c>2B</c>, no separators.
    /// Never throws.
    /// </summary>
    /// <param name="s">The text.</param>
    /// <param name="result">The matricule, or <c>default</c> when the text is refused.</param>
    /// <returns>True when <paramref name="s"/> is a valid canonical matricule.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, out InsMatricule result) => ParseCore(s, out result) == InsError.None;

    /// <summary>Parses a canonical matricule (INS-1, INS-2). Never throws; null is refused.</summary>
    /// <param name="s">The text, possibly null.</param>
    /// <param name="result">The matricule, or <c>default</c> when the text is refused.</param>
    /// <returns>True when <paramref name="s"/> is a valid canonical matricule.</returns>
    public static bool TryParse(string? s, out InsMatricule result) => ParseCore(s.AsSpan(), out result) == InsError.None;

    /// <summary>Parses a matricule with the leniency of <paramref name="styles"/> (INS-6). Never throws.</summary>
    /// <param name="s">The text, as a person typed or pasted it.</param>
    /// <param name="styles">What to tolerate beyond the canonical form.</param>
    /// <param name="result">The matricule (always canonical), or <c>default</c> when the text is refused.</param>
    /// <returns>True when <paramref name="s"/> holds a valid matricule under <paramref name="styles"/>.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, InsStyles styles, out InsMatricule result) =>
        ParseStyled(s, styles, out result) == InsError.None;

    /// <summary>Parses a matricule with the leniency of <paramref name="styles"/> (INS-6). Never throws; null is refused.</summary>
    /// <param name="s">The text, possibly null.</param>
    /// <param name="styles">What to tolerate beyond the canonical form.</param>
    /// <param name="result">The matricule, or <c>default</c> when the text is refused.</param>
    /// <returns>True when <paramref name="s"/> holds a valid matricule under <paramref name="styles"/>.</returns>
    public static bool TryParse(string? s, InsStyles styles, out InsMatricule result) =>
        ParseStyled(s.AsSpan(), styles, out result) == InsError.None;

    /// <summary>Parses a canonical matricule from UTF-8 bytes (INS-1, INS-2). Never throws.</summary>
    /// <param name="utf8">The UTF-8 text.</param>
    /// <param name="result">The matricule, or <c>default</c> when the text is refused.</param>
    /// <returns>True when the bytes are a valid canonical matricule.</returns>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out InsMatricule result) =>
        ParseUtf8(utf8, InsStyles.None, out result) == InsError.None;

    /// <summary>Parses a matricule from UTF-8 bytes with the leniency of <paramref name="styles"/> (INS-6). Never throws.</summary>
    /// <param name="utf8">The UTF-8 text.</param>
    /// <param name="styles">What to tolerate beyond the canonical form.</param>
    /// <param name="result">The matricule, or <c>default</c> when the text is refused.</param>
    /// <returns>True when the bytes hold a valid matricule under <paramref name="styles"/>.</returns>
    public static bool TryParse(ReadOnlySpan<byte> utf8, InsStyles styles, out InsMatricule result) =>
        ParseUtf8(utf8, styles, out result) == InsError.None;

    /// <summary>Parses a canonical matricule (INS-1, INS-2).</summary>
    /// <param name="s">The text.</param>
    /// <returns>The matricule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is null.</exception>
    /// <exception cref="InsFormatException">The text is not a valid canonical matricule; <see cref="InsFormatException.Error"/> says why.</exception>
    public static InsMatricule Parse(string s)
    {
        ThrowIfNull(s);
        return Parse(s.AsSpan(), InsStyles.None);
    }

    /// <summary>Parses a matricule with the leniency of <paramref name="styles"/> (INS-6).</summary>
    /// <param name="s">The text.</param>
    /// <param name="styles">What to tolerate beyond the canonical form.</param>
    /// <returns>The matricule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is null.</exception>
    /// <exception cref="InsFormatException">The text is refused; <see cref="InsFormatException.Error"/> says why.</exception>
    public static InsMatricule Parse(string s, InsStyles styles)
    {
        ThrowIfNull(s);
        return Parse(s.AsSpan(), styles);
    }

    /// <summary>Parses a canonical matricule (INS-1, INS-2).</summary>
    /// <param name="s">The text.</param>
    /// <returns>The matricule.</returns>
    /// <exception cref="InsFormatException">The text is refused; <see cref="InsFormatException.Error"/> says why.</exception>
    public static InsMatricule Parse(ReadOnlySpan<char> s) => Parse(s, InsStyles.None);

    /// <summary>Parses a matricule with the leniency of <paramref name="styles"/> (INS-6).</summary>
    /// <param name="s">The text.</param>
    /// <param name="styles">What to tolerate beyond the canonical form.</param>
    /// <returns>The matricule.</returns>
    /// <exception cref="InsFormatException">The text is refused; <see cref="InsFormatException.Error"/> says why.</exception>
    public static InsMatricule Parse(ReadOnlySpan<char> s, InsStyles styles)
    {
        InsError error = ParseStyled(s, styles, out InsMatricule result);
        return error == InsError.None ? result : throw new InsFormatException(error);
    }

    /// <summary>Parses a canonical matricule from UTF-8 bytes (INS-1, INS-2).</summary>
    /// <param name="utf8">The UTF-8 text.</param>
    /// <returns>The matricule.</returns>
    /// <exception cref="InsFormatException">The text is refused; <see cref="InsFormatException.Error"/> says why.</exception>
    public static InsMatricule Parse(ReadOnlySpan<byte> utf8) => Parse(utf8, InsStyles.None);

    /// <summary>Parses a matricule from UTF-8 bytes with the leniency of <paramref name="styles"/> (INS-6).</summary>
    /// <param name="utf8">The UTF-8 text.</param>
    /// <param name="styles">What to tolerate beyond the canonical form.</param>
    /// <returns>The matricule.</returns>
    /// <exception cref="InsFormatException">The text is refused; <see cref="InsFormatException.Error"/> says why.</exception>
    public static InsMatricule Parse(ReadOnlySpan<byte> utf8, InsStyles styles)
    {
        InsError error = ParseUtf8(utf8, styles, out InsMatricule result);
        return error == InsError.None ? result : throw new InsFormatException(error);
    }

    /// <summary>
    /// Says why a text is not a valid canonical matricule, without allocating: the first of
    /// <see cref="InsError.Empty"/>, <see cref="InsError.Length"/>, <see cref="InsError.Character"/>, <see cref="InsError.Key"/>
    /// that applies (INS-1, INS-2, INS-4), or <see cref="InsError.None"/>. Agrees with <see cref="TryParse(ReadOnlySpan{char}, out InsMatricule)"/>.
    /// </summary>
    /// <param name="s">The text.</param>
    /// <returns>The first error, or <see cref="InsError.None"/> when valid.</returns>
    public static InsError Validate(ReadOnlySpan<char> s) => ParseCore(s, out _);

    /// <summary>Says why a text is not a valid matricule under <paramref name="styles"/> (INS-6); see <see cref="Validate(ReadOnlySpan{char})"/>.</summary>
    /// <param name="s">The text.</param>
    /// <param name="styles">What to tolerate beyond the canonical form.</param>
    /// <returns>The first error, or <see cref="InsError.None"/> when valid.</returns>
    public static InsError Validate(ReadOnlySpan<char> s, InsStyles styles) => ParseStyled(s, styles, out _);

    /// <summary>Says why UTF-8 bytes are not a valid canonical matricule; see <see cref="Validate(ReadOnlySpan{char})"/>.</summary>
    /// <param name="utf8">The UTF-8 text.</param>
    /// <returns>The first error, or <see cref="InsError.None"/> when valid.</returns>
    public static InsError Validate(ReadOnlySpan<byte> utf8) => ParseUtf8(utf8, InsStyles.None, out _);

    /// <summary>
    /// Computes the key of a canonical 13-character body (INS-2): 97 − (N mod 97), with <c>2A</c> read as 19 and
    /// <c>2B</c> as 18 at positions 6–7.
    /// </summary>
    /// <param name="body">The body: 13 ASCII digits, or <c>2A</c>/<c>2B</c> at positions 6–7.</param>
    /// <returns>The key, 1…97.</returns>
    /// <exception cref="ArgumentException">The body is malformed (the message does not repeat it, INS-8).</exception>
    public static int ComputeKey(ReadOnlySpan<char> body) => KeyOf(ParseBody(body, out _));

    /// <summary>Builds the matricule of a canonical 13-character body with its computed key (INS-2).</summary>
    /// <param name="body">The body: 13 ASCII digits, or <c>2A</c>/<c>2B</c> at positions 6–7.</param>
    /// <returns>The matricule.</returns>
    /// <exception cref="ArgumentException">The body is malformed (the message does not repeat it, INS-8).</exception>
    public static InsMatricule FromBody(ReadOnlySpan<char> body)
    {
        ulong number = ParseBody(body, out int corsica);
        return new InsMatricule(Pack(number, corsica, KeyOf(number)));
    }

    /// <summary>The canonical 15 characters (INS-6), or the empty string for <c>default</c>.</summary>
    /// <returns>The canonical text. It is the patient's social-security number: do not log it (INS-8).</returns>
    public override string ToString()
    {
        if (IsDefault)
        {
            return string.Empty;
        }

        Span<char> buffer = stackalloc char[Length];
        FormatCanonical(buffer);
        return buffer.ToString();
    }

    /// <summary>
    /// Formats the matricule: <c>null</c>, <c>""</c> or <c>"G"</c> for the canonical form, <c>"M"</c> for the masked form
    /// of <see cref="ToMaskedString"/> (INS-8).
    /// </summary>
    /// <param name="format">The format.</param>
    /// <param name="formatProvider">Ignored: the forms do not depend on culture.</param>
    /// <returns>The formatted text; the empty string for <c>default</c>.</returns>
    /// <exception cref="FormatException">The format is not one of the above.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider) =>
        IsMasked(format.AsSpan()) ? ToMaskedString() : ToString();

    /// <summary>
    /// The matricule safe for logs (INS-8, decided here): sex, birth year, birth month and birth department kept, the
    /// rest replaced by <c>*</c>, 15 characters (<c>"1960972********"</c>, <c>"28502971*******"</c> overseas).
    /// The empty string for <c>default</c>.
    /// </summary>
    /// <returns>The masked text.</returns>
    public string ToMaskedString()
    {
        if (IsDefault)
        {
            return string.Empty;
        }

        Span<char> buffer = stackalloc char[Length];
        FormatMasked(buffer);
        return buffer.ToString();
    }

    /// <summary>Writes the canonical form (or, with format <c>"M"</c>, the masked form) into <paramref name="destination"/>.</summary>
    /// <param name="destination">Where to write; needs 15 characters (0 for <c>default</c>).</param>
    /// <param name="charsWritten">How many characters were written.</param>
    /// <param name="format">Empty or <c>"G"</c> canonical, <c>"M"</c> masked.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>False when <paramref name="destination"/> is too small.</returns>
    /// <exception cref="FormatException">The format is not one of the above.</exception>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null)
    {
        bool masked = IsMasked(format);
        int length = IsDefault ? 0 : Length;
        if (destination.Length < length)
        {
            charsWritten = 0;
            return false;
        }

        if (length != 0)
        {
            if (masked)
            {
                FormatMasked(destination);
            }
            else
            {
                FormatCanonical(destination);
            }
        }

        charsWritten = length;
        return true;
    }

    /// <summary>Writes the canonical form (or, with format <c>"M"</c>, the masked form) as UTF-8 into <paramref name="utf8Destination"/>.</summary>
    /// <param name="utf8Destination">Where to write; needs 15 bytes (0 for <c>default</c>).</param>
    /// <param name="bytesWritten">How many bytes were written.</param>
    /// <param name="format">Empty or <c>"G"</c> canonical, <c>"M"</c> masked.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>False when <paramref name="utf8Destination"/> is too small.</returns>
    /// <exception cref="FormatException">The format is not one of the above.</exception>
    public bool TryFormat(Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null)
    {
        Span<char> chars = stackalloc char[Length];
        TryFormat(chars, out int written, format, provider);
        return HealthIdentifierText.TryCopyAscii(chars.Slice(0, written), utf8Destination, out bytesWritten);
    }

    /// <inheritdoc/>
    public bool Equals(InsMatricule other) => _value == other._value;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is InsMatricule other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value.GetHashCode();

#if NET8_0_OR_GREATER
    static InsMatricule IParsable<InsMatricule>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<InsMatricule>.TryParse(string? s, IFormatProvider? provider, out InsMatricule result) => TryParse(s, out result);

    static InsMatricule ISpanParsable<InsMatricule>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    static bool ISpanParsable<InsMatricule>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out InsMatricule result) => TryParse(s, out result);

    static InsMatricule IUtf8SpanParsable<InsMatricule>.Parse(ReadOnlySpan<byte> utf8Text, IFormatProvider? provider) => Parse(utf8Text);

    static bool IUtf8SpanParsable<InsMatricule>.TryParse(ReadOnlySpan<byte> utf8Text, IFormatProvider? provider, out InsMatricule result) => TryParse(utf8Text, out result);
#endif

    /// <summary>The parsing core (INS-1, INS-2, INS-4): canonical text to matricule, first error by precedence.</summary>
    internal static InsError ParseCore(ReadOnlySpan<char> s, out InsMatricule result)
    {
        result = default;
        if (s.IsEmpty)
        {
            return InsError.Empty;
        }

        if (s.Length != Length)
        {
            return InsError.Length;
        }

        if (!TryReadBody(s.Slice(0, BodyLength), out ulong number, out int corsica))
        {
            return InsError.Character;
        }

        uint tens = (uint)(s[13] - '0');
        uint units = (uint)(s[14] - '0');
        if (tens > 9 || units > 9)
        {
            return InsError.Character;
        }

        int key = (int)((tens * 10) + units);
        if (key != KeyOf(number))
        {
            return InsError.Key;
        }

        result = new InsMatricule(Pack(number, corsica, key));
        return InsError.None;
    }

    /// <summary>
    /// Reads a 13-character canonical body into its INS-2 number. False on any character outside INS-1. The callers have
    /// checked the length.
    /// </summary>
    internal static bool TryReadBody(ReadOnlySpan<char> body, out ulong number, out int corsica)
    {
        number = 0;
        corsica = 0;
        for (int i = 0; i < BodyLength; i++)
        {
            char c = body[i];
            uint digit = (uint)(c - '0');
            if (digit <= 9)
            {
                number = (number * 10) + digit;
            }
            else if (i == 6 && body[5] == '2' && c is 'A' or 'B')
            {
                // INS-2: "2A" reads as 19 and "2B" as 18; the 2 already read becomes a 1.
                corsica = c == 'A' ? 1 : 2;
                number = ((number - 1) * 10) + (c == 'A' ? 9u : 8u);
            }
            else
            {
                return false;
            }
        }

        return true;
    }

    private static ulong ParseBody(ReadOnlySpan<char> body, out int corsica)
    {
        if (body.Length != BodyLength)
        {
            throw new ArgumentException("The INS body must have 13 characters (INS-1).", nameof(body));
        }

        return TryReadBody(body, out ulong number, out corsica)
            ? number
            : throw new ArgumentException("The INS body may hold ASCII digits only, except 2A/2B at positions 6-7 (INS-1).", nameof(body));
    }

    /// <summary>INS-2: the key of a body read as a 13-digit number (2A/2B already read as 19/18).</summary>
    internal static int KeyOf(ulong number) => 97 - (int)(number % 97);

    /// <summary>A matricule from its parts, trusted: the caller has checked <paramref name="key"/> against <see cref="KeyOf"/>.</summary>
    internal static InsMatricule FromParts(ulong number, int corsica, int key) => new(Pack(number, corsica, key));

    private static ulong Pack(ulong number, int corsica, int key) =>
        number | ((ulong)corsica << CorsicaShift) | ((ulong)key << KeyShift);

    /// <summary>
    /// INS-6: drops separators and folds 2a/2b as <paramref name="styles"/> allows, then runs the canonical core.
    /// With <see cref="InsStyles.AllowSeparators"/>, a character that is neither a separator nor an ASCII digit or
    /// <c>A</c>/<c>B</c> (<c>a</c>/<c>b</c> with <see cref="InsStyles.IgnoreCase"/>) is a <see cref="InsError.Character"/>
    /// error wherever it stands and whatever the length (decided here, 0.2): <c>/</c> or <c>_</c> between groups is never
    /// reported as <see cref="InsError.Length"/>.
    /// </summary>
    private static InsError ParseStyled(ReadOnlySpan<char> s, InsStyles styles, out InsMatricule result)
    {
        if (styles == InsStyles.None)
        {
            return ParseCore(s, out result);
        }

        bool separators = (styles & InsStyles.AllowSeparators) != 0;
        bool ignoreCase = (styles & InsStyles.IgnoreCase) != 0;
        Span<char> buffer = stackalloc char[Length];
        int count = 0;
        bool tooLong = false;
        foreach (char c in s)
        {
            if (separators && IsSeparator(c))
            {
                continue;
            }

            char folded = ignoreCase && c is 'a' or 'b' ? (char)(c - ('a' - 'A')) : c;
            if (separators && !(folded is (>= '0' and <= '9') or 'A' or 'B'))
            {
                result = default;
                return InsError.Character;
            }

            if (count == Length)
            {
                if (!separators)
                {
                    result = default;
                    return InsError.Length;
                }

                tooLong = true;
                continue;
            }

            buffer[count++] = folded;
        }

        if (tooLong)
        {
            result = default;
            return InsError.Length;
        }

        return ParseCore(buffer.Slice(0, count), out result);
    }

    /// <summary>
    /// INS-6: "spaces" means any Unicode white space (non-breaking ones included); dots and hyphens too; and, decided
    /// here (0.2), the invisible characters a copy from a web page or a PDF leaves between groups: soft hyphen U+00AD,
    /// zero-width space U+200B, zero-width non-joiner and joiner U+200C/U+200D, word joiner U+2060 and zero-width
    /// no-break space (BOM) U+FEFF. A person cannot see them, so they cannot be blamed for them.
    /// </summary>
    private static bool IsSeparator(char c) =>
        c is ' ' or '.' or '-' or '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' || char.IsWhiteSpace(c);

    /// <summary>UTF-8 input: an ASCII canonical text is widened in place; anything else is transcoded, then parsed as UTF-16.</summary>
    private static InsError ParseUtf8(ReadOnlySpan<byte> utf8, InsStyles styles, out InsMatricule result)
    {
        if (utf8.Length <= Length)
        {
            Span<char> chars = stackalloc char[Length];
            int count = 0;
            foreach (byte b in utf8)
            {
                if (b >= 0x80)
                {
                    return ParseTranscoded(utf8, styles, out result);
                }

                chars[count++] = (char)b;
            }

            return ParseStyled(chars.Slice(0, count), styles, out result);
        }

        return ParseTranscoded(utf8, styles, out result);
    }

    private static InsError ParseTranscoded(ReadOnlySpan<byte> utf8, InsStyles styles, out InsMatricule result)
    {
        // Canonical text is 15 ASCII bytes; longer canonical input can only be a length error. Decoding keeps the
        // UTF-16 precedence for short non-ASCII inputs (a 15-character text with a full-width digit is Character).
        if (styles == InsStyles.None && utf8.Length > Length * 4)
        {
            result = default;
            return InsError.Length;
        }

        // Invalid sequences decode to U+FFFD, which no style accepts: refused like the same UTF-16 text, a length error
        // first when the text has the wrong length, else a character error.
        char[]? rented = null;
        try
        {
            int charCount = Utf8Polyfill.GetCharCount(Encoding.UTF8, utf8);
            Span<char> chars = charCount <= 256 ? stackalloc char[256] : (rented = ArrayPool<char>.Shared.Rent(charCount));
            int written = Utf8Polyfill.GetChars(Encoding.UTF8, utf8, chars);
            return ParseStyled(chars.Slice(0, written), styles, out result);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private static bool IsMasked(ReadOnlySpan<char> format)
    {
        if (format.IsEmpty || format is "G" || format is "g")
        {
            return false;
        }

        return format is "M" || format is "m"
            ? true
            : throw new FormatException("INS matricule formats are \"G\" (canonical) and \"M\" (masked).");
    }

    private void FormatCanonical(Span<char> destination)
    {
        HealthIdentifierText.WriteDigits(Number, destination.Slice(0, BodyLength));
        int corsica = Corsica;
        if (corsica != 0)
        {
            destination[5] = '2';
            destination[6] = corsica == 1 ? 'A' : 'B';
        }

        int key = Key;
        destination[13] = (char)('0' + (key / 10));
        destination[14] = (char)('0' + (key % 10));
    }

    private void FormatMasked(Span<char> destination)
    {
        FormatCanonical(destination);
        int kept = BirthDepartment.Length == 3 ? 8 : 7;
        destination.Slice(kept, Length - kept).Fill('*');
    }

    private static void ThrowIfNull(string s)
    {
        if (s is null)
        {
            throw new ArgumentNullException(nameof(s));
        }
    }
}
