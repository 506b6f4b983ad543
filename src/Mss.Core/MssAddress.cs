using System;
using System.Diagnostics;
#if NET8_0_OR_GREATER
using System.Runtime.CompilerServices;
#endif

namespace Mss.Core;

/// <summary>
/// An address of the MSSanté trust space (ADDR-1): a bare <c>local@domain</c> whose domain ends with
/// <c>.mssante.fr</c> on a label boundary, in the strict syntax of ADDR-3; or a patient's Mon espace santé address
/// <c>&lt;INS&gt;@patient.mssante.fr</c> (ADDR-2).
/// </summary>
/// <remarks>
/// <para>
/// The canonical form keeps the local part's case as typed and lower-cases the domain (ADDR-1). Since 0.2, equality and
/// hashing ignore ASCII case in the whole address, local part included (ADDR-1, decided here: MSSanté operators deliver
/// case-insensitively and the Annuaire publishes lower case): <c>Jean.Dupont@ch.mssante.fr</c> and
/// <c>jean.dupont@ch.mssante.fr</c> are the same address, although their <see cref="ToString()"/> differ. A patient address
/// holds its INS packed in 64 bits and no string.
/// </para>
/// <para>
/// Strict parsing (the default) takes the bare address only (ADDR-3). With <see cref="AddressStyles"/>, parsing also
/// takes addresses as people type them (ADDR-6): white space around, a display name and angle brackets, a
/// <c>mailto:</c> prefix, a lower-case <c>2a</c>/<c>2b</c> in a patient INS; the result is the canonical address.
/// </para>
/// <para>
/// <c>default(MssAddress)</c> is the "no address" value: <see cref="IsDefault"/> is true, <see cref="ToString()"/>,
/// <see cref="LocalPart"/> and <see cref="Domain"/> return the empty string and <see cref="IsPatient"/> is false.
/// </para>
/// <para>
/// A patient address carries an INS: the debugger shows it masked, exceptions never carry it, and the format <c>"M"</c>
/// (<see cref="ToString(string, IFormatProvider)"/>, <c>$"{address:M}"</c>) masks it (INS-8).
/// </para>
/// <para>
/// Validation allocates nothing, with or without <see cref="AddressStyles"/>; nor do equality and hashing. Parsing a
/// patient address allocates nothing (the INS packs into 64 bits); parsing a canonical professional address from a
/// string keeps that string; from UTF-8 or decorated text it builds the one string. Why a domain is
/// refused, for a message to the user: <see cref="MssDomain.Classify(ReadOnlySpan{char})"/>.
/// </para>
/// </remarks>
[DebuggerDisplay("{DebuggerDisplay,nq}")]
public readonly struct MssAddress : IEquatable<MssAddress>, IFormattable
#if NET8_0_OR_GREATER
    , ISpanParsable<MssAddress>, ISpanFormattable, IUtf8SpanParsable<MssAddress>, IUtf8SpanFormattable
#endif
{
    /// <summary>The domain of every patient address (ADDR-2).</summary>
    public const string PatientDomain = "patient.mssante.fr";

    /// <summary>The trust-space suffix every MSSanté domain ends with, on a label boundary (ADDR-1).</summary>
    public const string TrustSpaceSuffix = ".mssante.fr";

    /// <summary>At most 254 characters in an address (ADDR-3).</summary>
    public const int MaxLength = 254;

    /// <summary>At most 64 characters in a local part (ADDR-3).</summary>
    public const int MaxLocalPartLength = 64;

    /// <summary>At most 63 characters in a domain label (ADDR-3).</summary>
    public const int MaxLabelLength = 63;

    private const int PatientAddressLength = AddressSyntax.PatientLength;

    // A professional address holds its canonical text and the position of '@'; a patient address holds only its INS.
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    private readonly string? _text;
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    private readonly InsMatricule _ins;
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    private readonly int _at;

    private MssAddress(string text, int at)
    {
        _text = text;
        _at = at;
        _ins = default;
    }

    private MssAddress(InsMatricule ins)
    {
        _text = null;
        _at = InsMatricule.Length;
        _ins = ins;
    }

    /// <summary>True for <c>default(MssAddress)</c>, the "no address" value.</summary>
    public bool IsDefault => _text is null && _ins.IsDefault;

    /// <summary>The local part, case kept; the INS for a patient address; empty for <c>default</c>.</summary>
    public string LocalPart => IsPatient ? _ins.ToString() : _text?.Substring(0, _at) ?? string.Empty;

    /// <summary>The domain in lower case (ADDR-1); empty for <c>default</c>.</summary>
    public string Domain => IsPatient ? PatientDomain : _text?.Substring(_at + 1) ?? string.Empty;

    /// <summary>True when the domain is <c>patient.mssante.fr</c>: a Mon espace santé address whose local part is a valid INS (ADDR-2).</summary>
    public bool IsPatient => !_ins.IsDefault;

    private string DebuggerDisplay => IsPatient ? _ins.ToMaskedString() + "@" + PatientDomain : ToString();

    /// <summary>Compares two addresses, ignoring ASCII case in the whole address (ADDR-1, 0.2).</summary>
    /// <param name="left">The first address.</param>
    /// <param name="right">The second address.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(MssAddress left, MssAddress right) => left.Equals(right);

    /// <summary>Compares two addresses for inequality.</summary>
    /// <param name="left">The first address.</param>
    /// <param name="right">The second address.</param>
    /// <returns>True when they differ.</returns>
    public static bool operator !=(MssAddress left, MssAddress right) => !left.Equals(right);

    /// <summary>Parses a bare MSSanté address (ADDR-1…ADDR-3). Never throws.</summary>
    /// <param name="s">The text.</param>
    /// <param name="result">The address, or <c>default</c> when refused.</param>
    /// <returns>True when valid.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, out MssAddress result) => ParseChars(s, null, out result) == AddressError.None;

    /// <summary>
    /// Parses a bare MSSanté address (ADDR-1…ADDR-3). Never throws; null is refused. A canonical input string is kept
    /// as it is: no allocation.
    /// </summary>
    /// <param name="s">The text, possibly null.</param>
    /// <param name="result">The address, or <c>default</c> when refused.</param>
    /// <returns>True when valid.</returns>
    public static bool TryParse(string? s, out MssAddress result) => ParseChars(s.AsSpan(), s, out result) == AddressError.None;

    /// <summary>Parses a bare MSSanté address from UTF-8 bytes (ADDR-1…ADDR-3). Never throws.</summary>
    /// <param name="utf8">The UTF-8 text.</param>
    /// <param name="result">The address, or <c>default</c> when refused.</param>
    /// <returns>True when valid.</returns>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out MssAddress result) => ParseUtf8(utf8, out result) == AddressError.None;

    /// <summary>
    /// Parses an MSSanté address as people type it, within what <paramref name="styles"/> allows (ADDR-6): white space
    /// around, a display name with angle brackets (<c>"Durand, Jean" &lt;jean.durand@ch.mssante.fr&gt;</c>), a
    /// <c>mailto:</c> prefix, a lower-case <c>2a</c>/<c>2b</c> in a patient INS. The result is the canonical address; two
    /// addresses, or one outside the trust space, are still refused (ADDR-1…ADDR-3). Never throws; bits of
    /// <paramref name="styles"/> outside <see cref="AddressStyles.Lenient"/> are ignored.
    /// </summary>
    /// <param name="s">The text.</param>
    /// <param name="styles">What may surround or differ from the bare address; <see cref="AddressStyles.None"/> is strict.</param>
    /// <param name="result">The canonical address, or <c>default</c> when refused.</param>
    /// <returns>True when valid.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, AddressStyles styles, out MssAddress result) =>
        ParseStyled(s, null, styles, null, out result) == AddressError.None;

    /// <summary>Parses an MSSanté address as people type it (ADDR-6); see <see cref="TryParse(ReadOnlySpan{char}, AddressStyles, out MssAddress)"/>. Never throws; null is refused.</summary>
    /// <param name="s">The text, possibly null.</param>
    /// <param name="styles">What may surround or differ from the bare address.</param>
    /// <param name="result">The canonical address, or <c>default</c> when refused.</param>
    /// <returns>True when valid.</returns>
    public static bool TryParse(string? s, AddressStyles styles, out MssAddress result) =>
        ParseStyled(s.AsSpan(), s, styles, null, out result) == AddressError.None;

    /// <summary>Parses an MSSanté address as people type it, from UTF-8 bytes (ADDR-6); same verdict as the UTF-16 text. Never throws.</summary>
    /// <param name="utf8">The UTF-8 text.</param>
    /// <param name="styles">What may surround or differ from the bare address.</param>
    /// <param name="result">The canonical address, or <c>default</c> when refused.</param>
    /// <returns>True when valid.</returns>
    public static bool TryParse(ReadOnlySpan<byte> utf8, AddressStyles styles, out MssAddress result) =>
        ParseUtf8Styled(utf8, styles, out result) == AddressError.None;

    /// <summary>Parses a bare MSSanté address (ADDR-1…ADDR-3).</summary>
    /// <param name="s">The text.</param>
    /// <returns>The address.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is null.</exception>
    /// <exception cref="MssAddressFormatException">The text is refused; <see cref="MssAddressFormatException.Error"/> says why.</exception>
    public static MssAddress Parse(string s)
    {
        if (s is null)
        {
            throw new ArgumentNullException(nameof(s));
        }

        AddressError error = ParseChars(s.AsSpan(), s, out MssAddress result);
        return error == AddressError.None ? result : throw new MssAddressFormatException(error);
    }

    /// <summary>Parses a bare MSSanté address (ADDR-1…ADDR-3).</summary>
    /// <param name="s">The text.</param>
    /// <returns>The address.</returns>
    /// <exception cref="MssAddressFormatException">The text is refused; <see cref="MssAddressFormatException.Error"/> says why.</exception>
    public static MssAddress Parse(ReadOnlySpan<char> s)
    {
        AddressError error = ParseChars(s, null, out MssAddress result);
        return error == AddressError.None ? result : throw new MssAddressFormatException(error);
    }

    /// <summary>Parses a bare MSSanté address from UTF-8 bytes (ADDR-1…ADDR-3).</summary>
    /// <param name="utf8">The UTF-8 text.</param>
    /// <returns>The address.</returns>
    /// <exception cref="MssAddressFormatException">The text is refused; <see cref="MssAddressFormatException.Error"/> says why.</exception>
    public static MssAddress Parse(ReadOnlySpan<byte> utf8)
    {
        AddressError error = ParseUtf8(utf8, out MssAddress result);
        return error == AddressError.None ? result : throw new MssAddressFormatException(error);
    }

    /// <summary>Parses an MSSanté address as people type it (ADDR-6); see <see cref="TryParse(ReadOnlySpan{char}, AddressStyles, out MssAddress)"/>.</summary>
    /// <param name="s">The text.</param>
    /// <param name="styles">What may surround or differ from the bare address.</param>
    /// <returns>The canonical address.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is null.</exception>
    /// <exception cref="MssAddressFormatException">The text is refused; <see cref="MssAddressFormatException.Error"/> says why.</exception>
    public static MssAddress Parse(string s, AddressStyles styles)
    {
        if (s is null)
        {
            throw new ArgumentNullException(nameof(s));
        }

        AddressError error = ParseStyled(s.AsSpan(), s, styles, null, out MssAddress result);
        return error == AddressError.None ? result : throw new MssAddressFormatException(error);
    }

    /// <summary>Parses an MSSanté address as people type it (ADDR-6); see <see cref="TryParse(ReadOnlySpan{char}, AddressStyles, out MssAddress)"/>.</summary>
    /// <param name="s">The text.</param>
    /// <param name="styles">What may surround or differ from the bare address.</param>
    /// <returns>The canonical address.</returns>
    /// <exception cref="MssAddressFormatException">The text is refused; <see cref="MssAddressFormatException.Error"/> says why.</exception>
    public static MssAddress Parse(ReadOnlySpan<char> s, AddressStyles styles)
    {
        AddressError error = ParseStyled(s, null, styles, null, out MssAddress result);
        return error == AddressError.None ? result : throw new MssAddressFormatException(error);
    }

    /// <summary>Parses an MSSanté address as people type it, from UTF-8 bytes (ADDR-6).</summary>
    /// <param name="utf8">The UTF-8 text.</param>
    /// <param name="styles">What may surround or differ from the bare address.</param>
    /// <returns>The canonical address.</returns>
    /// <exception cref="MssAddressFormatException">The text is refused; <see cref="MssAddressFormatException.Error"/> says why.</exception>
    public static MssAddress Parse(ReadOnlySpan<byte> utf8, AddressStyles styles)
    {
        AddressError error = ParseUtf8Styled(utf8, styles, out MssAddress result);
        return error == AddressError.None ? result : throw new MssAddressFormatException(error);
    }

    /// <summary>
    /// Says why a text is not a valid MSSanté address, without allocating: the first of <see cref="AddressError"/>'s
    /// errors that applies (ADDR-1…ADDR-3), or <see cref="AddressError.None"/>. Agrees with <see cref="TryParse(ReadOnlySpan{char}, out MssAddress)"/>.
    /// </summary>
    /// <param name="s">The text.</param>
    /// <returns>The first error, or <see cref="AddressError.None"/> when valid.</returns>
    public static AddressError Validate(ReadOnlySpan<char> s) => AddressSyntax.Validate(s);

    /// <summary>Says why UTF-8 bytes are not a valid MSSanté address, without allocating; see <see cref="Validate(ReadOnlySpan{char})"/>.</summary>
    /// <param name="utf8">The UTF-8 text.</param>
    /// <returns>The first error, or <see cref="AddressError.None"/> when valid.</returns>
    public static AddressError Validate(ReadOnlySpan<byte> utf8) => AddressSyntax.ValidateUtf8(utf8);

    /// <summary>
    /// Says why a text is not an MSSanté address as people type it, within what <paramref name="styles"/> allows (ADDR-6),
    /// without allocating; agrees with <see cref="TryParse(ReadOnlySpan{char}, AddressStyles, out MssAddress)"/>.
    /// </summary>
    /// <remarks>
    /// Precedence for decorated text (decided here): <see cref="AddressError.Empty"/> when nothing is typed (white space
    /// only, with <see cref="AddressStyles.AllowWhiteSpace"/>); <see cref="AddressError.Syntax"/> when the decoration does
    /// not frame exactly one address (unbalanced angle brackets, text after the closing '&gt;', an unquoted '@', ',', ';',
    /// ':' or '&gt;' in the display name), whatever the address; then the bare address's strict verdict in the strict
    /// order (Empty for <c>&lt;&gt;</c> or a bare <c>mailto:</c>, TooLong, Syntax, NotMssante, InvalidPatientIns).
    /// </remarks>
    /// <param name="s">The text.</param>
    /// <param name="styles">What may surround or differ from the bare address; <see cref="AddressStyles.None"/> is strict.</param>
    /// <returns>The first error, or <see cref="AddressError.None"/> when valid.</returns>
    public static AddressError Validate(ReadOnlySpan<char> s, AddressStyles styles) => ValidateStyled(s, styles, null);

    /// <summary>Says why UTF-8 bytes are not an MSSanté address as people type it (ADDR-6), without allocating; see <see cref="Validate(ReadOnlySpan{char}, AddressStyles)"/>.</summary>
    /// <param name="utf8">The UTF-8 text.</param>
    /// <param name="styles">What may surround or differ from the bare address.</param>
    /// <returns>The first error, or <see cref="AddressError.None"/> when valid.</returns>
    public static AddressError Validate(ReadOnlySpan<byte> utf8, AddressStyles styles) => ValidateStyled(utf8, styles, null);

    /// <summary>
    /// Says why a text is not an address of <paramref name="trust"/> as people type it (ADDR-6), without allocating: the
    /// same precedence as <see cref="Validate(ReadOnlySpan{char}, AddressStyles)"/>, with <see cref="AddressError.NotMssante"/>
    /// meaning "outside <paramref name="trust"/>" (ADDR-1 0.3). With a list, a well-formed address is inside exactly when
    /// its domain is listed, ASCII case ignored (<c>dr.durand@interop-mssante.apicrypt.org</c> is, an unlisted
    /// <c>x@inconnu.mssante.fr</c> is not); a patient address keeps ADDR-2 whatever the list says. With
    /// <see cref="TrustSpace.MssanteFr"/> it is <see cref="Validate(ReadOnlySpan{char}, AddressStyles)"/>.
    /// </summary>
    /// <param name="s">The text.</param>
    /// <param name="styles">What may surround or differ from the bare address; <see cref="AddressStyles.None"/> is strict.</param>
    /// <param name="trust">The trust space, e.g. ANS's list loaded by <see cref="TrustSpace.LoadWhitelist"/>.</param>
    /// <returns>The first error, or <see cref="AddressError.None"/> when valid.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="trust"/> is null.</exception>
    public static AddressError Validate(ReadOnlySpan<char> s, AddressStyles styles, TrustSpace trust) =>
        ValidateStyled(s, styles, trust ?? throw new ArgumentNullException(nameof(trust)));

    /// <summary>
    /// Says why UTF-8 bytes are not an address of <paramref name="trust"/> as people type it (ADDR-1 0.3, ADDR-6), without
    /// allocating; the verdict the UTF-16 text gets from <see cref="Validate(ReadOnlySpan{char}, AddressStyles, TrustSpace)"/>.
    /// </summary>
    /// <param name="utf8">The UTF-8 text.</param>
    /// <param name="styles">What may surround or differ from the bare address.</param>
    /// <param name="trust">The trust space.</param>
    /// <returns>The first error, or <see cref="AddressError.None"/> when valid.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="trust"/> is null.</exception>
    public static AddressError Validate(ReadOnlySpan<byte> utf8, AddressStyles styles, TrustSpace trust) =>
        ValidateStyled(utf8, styles, trust ?? throw new ArgumentNullException(nameof(trust)));

    /// <summary>
    /// Parses an address of <paramref name="trust"/> as people type it (ADDR-1 0.3, ADDR-6); see
    /// <see cref="Validate(ReadOnlySpan{char}, AddressStyles, TrustSpace)"/> for what is inside. Never throws on any text.
    /// </summary>
    /// <param name="s">The text, possibly null.</param>
    /// <param name="styles">What may surround or differ from the bare address.</param>
    /// <param name="trust">The trust space, e.g. ANS's list loaded by <see cref="TrustSpace.LoadWhitelist"/>.</param>
    /// <param name="result">The canonical address, or <c>default</c> when refused.</param>
    /// <returns>True when valid.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="trust"/> is null.</exception>
    public static bool TryParse(string? s, AddressStyles styles, TrustSpace trust, out MssAddress result) =>
        ParseStyled(s.AsSpan(), s, styles, trust ?? throw new ArgumentNullException(nameof(trust)), out result) == AddressError.None;

    /// <summary>Parses an address of <paramref name="trust"/> as people type it (ADDR-1 0.3, ADDR-6). Never throws on any text.</summary>
    /// <param name="s">The text.</param>
    /// <param name="styles">What may surround or differ from the bare address.</param>
    /// <param name="trust">The trust space.</param>
    /// <param name="result">The canonical address, or <c>default</c> when refused.</param>
    /// <returns>True when valid.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="trust"/> is null.</exception>
    public static bool TryParse(ReadOnlySpan<char> s, AddressStyles styles, TrustSpace trust, out MssAddress result) =>
        ParseStyled(s, null, styles, trust ?? throw new ArgumentNullException(nameof(trust)), out result) == AddressError.None;

    /// <summary>Parses an address of <paramref name="trust"/> as people type it (ADDR-1 0.3, ADDR-6).</summary>
    /// <param name="s">The text.</param>
    /// <param name="styles">What may surround or differ from the bare address.</param>
    /// <param name="trust">The trust space.</param>
    /// <returns>The canonical address.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> or <paramref name="trust"/> is null.</exception>
    /// <exception cref="MssAddressFormatException">The text is refused; <see cref="MssAddressFormatException.Error"/> says why (NotMssante: outside <paramref name="trust"/>).</exception>
    public static MssAddress Parse(string s, AddressStyles styles, TrustSpace trust)
    {
        if (s is null)
        {
            throw new ArgumentNullException(nameof(s));
        }

        if (trust is null)
        {
            throw new ArgumentNullException(nameof(trust));
        }

        AddressError error = ParseStyled(s.AsSpan(), s, styles, trust, out MssAddress result);
        return error == AddressError.None ? result : throw new MssAddressFormatException(error);
    }

    /// <summary>The Mon espace santé address of a patient: <c>&lt;INS&gt;@patient.mssante.fr</c> (ADDR-2).</summary>
    /// <param name="ins">The patient's matricule; must not be <c>default</c>.</param>
    /// <returns>The patient address.</returns>
    /// <exception cref="ArgumentException"><paramref name="ins"/> is <c>default</c>.</exception>
    public static MssAddress ForPatient(InsMatricule ins) =>
        ins.IsDefault ? throw new ArgumentException("A patient address needs an INS matricule (ADDR-2).", nameof(ins)) : new MssAddress(ins);

    /// <summary>The INS of a patient address (ADDR-2).</summary>
    /// <param name="ins">The INS, or <c>default</c> when this is not a patient address.</param>
    /// <returns>True for a patient address.</returns>
    public bool TryGetIns(out InsMatricule ins)
    {
        ins = _ins;
        return IsPatient;
    }

    /// <summary>The canonical <c>local@domain</c>, domain in lower case (ADDR-1); the empty string for <c>default</c>.</summary>
    /// <returns>The canonical text.</returns>
    public override string ToString()
    {
        if (!IsPatient)
        {
            return _text ?? string.Empty;
        }

        Span<char> buffer = stackalloc char[PatientAddressLength];
        FormatPatient(buffer);
        return buffer.ToString();
    }

    /// <summary>
    /// Formats the address: <c>null</c>, <c>""</c> or <c>"G"</c> for the canonical text; <c>"M"</c> for the masked text
    /// safe for logs (INS-8): a patient address's INS masked as <see cref="InsMatricule.ToMaskedString"/> does
    /// (<c>1850572********@patient.mssante.fr</c>), any other address canonical (it carries no INS). Same result on every
    /// target framework; lower-case <c>"g"</c> and <c>"m"</c> are accepted.
    /// </summary>
    /// <param name="format"><c>null</c>, empty, <c>"G"</c> or <c>"M"</c>.</param>
    /// <param name="formatProvider">Ignored: addresses do not depend on culture.</param>
    /// <returns>The formatted text; the empty string for <c>default</c>.</returns>
    /// <exception cref="FormatException">Another format was asked for.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        if (!IsMaskedFormat(format.AsSpan()) || !IsPatient)
        {
            return ToString();
        }

        Span<char> buffer = stackalloc char[PatientAddressLength];
        FormatPatient(buffer, masked: true);
        return buffer.ToString();
    }

    /// <summary>
    /// Writes the canonical text (or, with format <c>"M"</c>, the masked text) into <paramref name="destination"/>; the
    /// same text as <see cref="ToString(string, IFormatProvider)"/> (INS-8).
    /// </summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="charsWritten">How many characters were written.</param>
    /// <param name="format">Empty or <c>"G"</c> canonical, <c>"M"</c> masked.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>False when <paramref name="destination"/> is too small.</returns>
    /// <exception cref="FormatException">Another format was asked for.</exception>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null)
    {
        bool masked = IsMaskedFormat(format);
        int length = IsPatient ? PatientAddressLength : _text?.Length ?? 0;
        if (destination.Length < length)
        {
            charsWritten = 0;
            return false;
        }

        if (IsPatient)
        {
            FormatPatient(destination, masked);
        }
        else
        {
            _text.AsSpan().CopyTo(destination);
        }

        charsWritten = length;
        return true;
    }

    /// <summary>
    /// Writes the canonical text (or, with format <c>"M"</c>, the masked text, INS-8) as UTF-8 (it is ASCII, ADDR-3) into
    /// <paramref name="utf8Destination"/>.
    /// </summary>
    /// <param name="utf8Destination">Where to write.</param>
    /// <param name="bytesWritten">How many bytes were written.</param>
    /// <param name="format">Empty or <c>"G"</c> canonical, <c>"M"</c> masked.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>False when <paramref name="utf8Destination"/> is too small.</returns>
    /// <exception cref="FormatException">Another format was asked for.</exception>
    public bool TryFormat(Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null)
    {
        bool masked = IsMaskedFormat(format);
        int length = IsPatient ? PatientAddressLength : _text?.Length ?? 0;
        if (utf8Destination.Length < length)
        {
            bytesWritten = 0;
            return false;
        }

        if (IsPatient)
        {
            _ins.TryFormat(utf8Destination, out int written, masked ? "M".AsSpan() : default);
            utf8Destination[written] = (byte)'@';
            for (int i = 0; i < PatientDomain.Length; i++)
            {
                utf8Destination[written + 1 + i] = (byte)PatientDomain[i];
            }
        }
        else
        {
            string text = _text ?? string.Empty;
            for (int i = 0; i < text.Length; i++)
            {
                utf8Destination[i] = (byte)text[i];
            }
        }

        bytesWritten = length;
        return true;
    }

    /// <summary>
    /// True when both addresses are the same, ASCII case ignored in the whole address (ADDR-1, 0.2): their canonical texts
    /// are equal under <see cref="StringComparison.OrdinalIgnoreCase"/> (they are ASCII, ADDR-3).
    /// </summary>
    /// <param name="other">The other address.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(MssAddress other) =>
        _ins == other._ins && (ReferenceEquals(_text, other._text) || string.Equals(_text, other._text, StringComparison.OrdinalIgnoreCase));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is MssAddress other && Equals(other);

    /// <summary>A hash that ignores ASCII case, like <see cref="Equals(MssAddress)"/> (ADDR-1); allocates nothing.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() =>
        IsPatient ? _ins.GetHashCode() : _text is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(_text);

#if NET8_0_OR_GREATER
    static MssAddress IParsable<MssAddress>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<MssAddress>.TryParse(string? s, IFormatProvider? provider, out MssAddress result) => TryParse(s, out result);

    static MssAddress ISpanParsable<MssAddress>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    static bool ISpanParsable<MssAddress>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out MssAddress result) => TryParse(s, out result);

    static MssAddress IUtf8SpanParsable<MssAddress>.Parse(ReadOnlySpan<byte> utf8Text, IFormatProvider? provider) => Parse(utf8Text);

    static bool IUtf8SpanParsable<MssAddress>.TryParse(ReadOnlySpan<byte> utf8Text, IFormatProvider? provider, out MssAddress result) => TryParse(utf8Text, out result);
#endif

    /// <summary>Parses a string, keeping it when it is already canonical; the error by precedence (ADDR-1…ADDR-3).</summary>
    internal static AddressError ParseCore(string s, out MssAddress result) => ParseChars(s.AsSpan(), s, out result);

    /// <summary>Parses a string within <paramref name="styles"/> (ADDR-6), keeping it when it is the canonical bare address.</summary>
    internal static AddressError ParseCore(string s, AddressStyles styles, out MssAddress result) => ParseStyled(s.AsSpan(), s, styles, null, out result);

    /// <summary>Parses a string within <paramref name="styles"/> against <paramref name="trust"/> (ADDR-1 0.3, ADDR-6).</summary>
    internal static AddressError ParseCore(string s, AddressStyles styles, TrustSpace trust, out MssAddress result) =>
        ParseStyled(s.AsSpan(), s, styles, trust, out result);

    /// <summary>
    /// The lenient layer of validation (ADDR-6): strips what <paramref name="styles"/> allows and judges the bare span,
    /// by the suffix rule (null or <see cref="TrustSpace.MssanteFr"/>: 0.2's path) or by the list (ADDR-1 0.3).
    /// </summary>
#if NET8_0_OR_GREATER
    [SkipLocalsInit]
#endif
    private static AddressError ValidateStyled(ReadOnlySpan<char> s, AddressStyles styles, TrustSpace? trust)
    {
        if ((styles & AddressStyles.Lenient) == AddressStyles.None)
        {
            return ValidateBare(s, trust);
        }

        AddressError error = AddressDecorations.Strip(s, styles, out int start, out int length);
        if (error != AddressError.None)
        {
            return error;
        }

        ReadOnlySpan<char> bare = s.Slice(start, length);
        if ((styles & AddressStyles.IgnoreCase) == 0 || !AddressDecorations.HasLowerCorsicanLetter(bare))
        {
            return ValidateBare(bare, trust);
        }

        Span<char> upper = stackalloc char[PatientAddressLength];
        UpperCorsica(bare, upper);
        return ValidateBare(upper, trust);
    }

    /// <summary>The UTF-8 lenient layer of validation; see <see cref="ValidateStyled(ReadOnlySpan{char}, AddressStyles, TrustSpace)"/>.</summary>
#if NET8_0_OR_GREATER
    [SkipLocalsInit]
#endif
    private static AddressError ValidateStyled(ReadOnlySpan<byte> utf8, AddressStyles styles, TrustSpace? trust)
    {
        if ((styles & AddressStyles.Lenient) == AddressStyles.None)
        {
            return ValidateBare(utf8, trust);
        }

        AddressError error = AddressDecorations.Strip(utf8, styles, out int start, out int length);
        if (error != AddressError.None)
        {
            return error;
        }

        ReadOnlySpan<byte> bare = utf8.Slice(start, length);
        if ((styles & AddressStyles.IgnoreCase) == 0 || !AddressDecorations.HasLowerCorsicanLetter(bare))
        {
            return ValidateBare(bare, trust);
        }

        Span<byte> upper = stackalloc byte[PatientAddressLength];
        UpperCorsica(bare, upper);
        return ValidateBare(upper, trust);
    }

    /// <summary>A bare address: the syntax core alone (suffix rule), or the core then the list's lookup (ADDR-1 0.3).</summary>
    private static AddressError ValidateBare(ReadOnlySpan<char> s, TrustSpace? trust)
    {
        if (trust is null || trust.IsSuffixRule)
        {
            return AddressSyntax.Validate(s);
        }

        AddressError error = AddressSyntax.ValidateAt(s, out int at);
        return trust.Judge(error, s, at);
    }

    private static AddressError ValidateBare(ReadOnlySpan<byte> utf8, TrustSpace? trust)
    {
        if (trust is null || trust.IsSuffixRule)
        {
            return AddressSyntax.ValidateUtf8(utf8);
        }

        AddressError error = AddressSyntax.ValidateUtf8At(utf8, out int at);
        return trust.Judge(error, utf8, at);
    }

    /// <summary>
    /// The lenient layer (ADDR-6): strips what <paramref name="styles"/> allows and hands the bare span to the one core;
    /// <paramref name="source"/> is kept only when it is the bare canonical address itself.
    /// </summary>
#if NET8_0_OR_GREATER
    [SkipLocalsInit]
#endif
    private static AddressError ParseStyled(ReadOnlySpan<char> s, string? source, AddressStyles styles, TrustSpace? trust, out MssAddress result)
    {
        if ((styles & AddressStyles.Lenient) == AddressStyles.None)
        {
            return ParseChars(s, source, trust, out result);
        }

        AddressError error = AddressDecorations.Strip(s, styles, out int start, out int length);
        if (error != AddressError.None)
        {
            result = default;
            return error;
        }

        ReadOnlySpan<char> bare = s.Slice(start, length);
        if ((styles & AddressStyles.IgnoreCase) == 0 || !AddressDecorations.HasLowerCorsicanLetter(bare))
        {
            return ParseChars(bare, length == s.Length ? source : null, trust, out result);
        }

        Span<char> upper = stackalloc char[PatientAddressLength];
        UpperCorsica(bare, upper);
        return ParseChars(upper, null, trust, out result);
    }

    /// <summary>The UTF-8 lenient layer (ADDR-6); see <see cref="ParseStyled"/>.</summary>
#if NET8_0_OR_GREATER
    [SkipLocalsInit]
#endif
    private static AddressError ParseUtf8Styled(ReadOnlySpan<byte> utf8, AddressStyles styles, out MssAddress result)
    {
        if ((styles & AddressStyles.Lenient) == AddressStyles.None)
        {
            return ParseUtf8(utf8, out result);
        }

        AddressError error = AddressDecorations.Strip(utf8, styles, out int start, out int length);
        if (error != AddressError.None)
        {
            result = default;
            return error;
        }

        ReadOnlySpan<byte> bare = utf8.Slice(start, length);
        if ((styles & AddressStyles.IgnoreCase) == 0 || !AddressDecorations.HasLowerCorsicanLetter(bare))
        {
            return ParseUtf8(bare, out result);
        }

        Span<byte> upper = stackalloc byte[PatientAddressLength];
        UpperCorsica(bare, upper);
        return ParseUtf8(upper, out result);
    }

    /// <summary>Copies a patient address and upper-cases its Corsican letter (INS-6 via ADDR-6 IgnoreCase).</summary>
    private static void UpperCorsica(ReadOnlySpan<char> bare, Span<char> destination)
    {
        bare.CopyTo(destination);
        destination[6] = (char)(destination[6] & ~0x20);
    }

    private static void UpperCorsica(ReadOnlySpan<byte> bare, Span<byte> destination)
    {
        bare.CopyTo(destination);
        destination[6] = (byte)(destination[6] & ~0x20);
    }

    /// <summary>Builds the value from a checked text; keeps <paramref name="source"/> when it is already canonical.</summary>
    private static AddressError ParseChars(ReadOnlySpan<char> s, string? source, out MssAddress result) => ParseChars(s, source, null, out result);

    /// <summary>
    /// <see cref="ParseChars(ReadOnlySpan{char}, string, out MssAddress)"/> against a trust space: the core, then the list's
    /// verdict (ADDR-1 0.3); a listed domain outside <c>.mssante.fr</c> gets its '@' and case from the text itself.
    /// </summary>
    private static AddressError ParseChars(ReadOnlySpan<char> s, string? source, TrustSpace? trust, out MssAddress result)
    {
        AddressError error = AddressSyntax.Check(s, out int at, out InsMatricule ins, out bool domainHasUpper);
        if (trust is not null && !trust.IsSuffixRule)
        {
            AddressError judged = trust.Judge(error, s, at);
            if (error == AddressError.NotMssante && judged == AddressError.None)
            {
                at = s.LastIndexOf('@');
                domainHasUpper = HasUpperAscii(s.Slice(at + 1));
            }

            error = judged;
        }

        if (error != AddressError.None)
        {
            result = default;
        }
        else if (!ins.IsDefault)
        {
            result = new MssAddress(ins);
        }
        else if (source is not null && !domainHasUpper)
        {
            result = new MssAddress(source, at);
        }
        else
        {
            result = new MssAddress(Canonical(s, at), at);
        }

        return error;
    }

    private static AddressError ParseUtf8(ReadOnlySpan<byte> utf8, out MssAddress result)
    {
        AddressError error = AddressSyntax.CheckUtf8(utf8, out int at, out InsMatricule ins, out bool domainHasUpper);
        if (error != AddressError.None)
        {
            result = default;
        }
        else if (!ins.IsDefault)
        {
            result = new MssAddress(ins);
        }
        else
        {
            result = new MssAddress(AsciiString(utf8, at, domainHasUpper), at);
        }

        return error;
    }

    /// <summary>The canonical string of a valid UTF-8 address, which is ASCII (ADDR-3): one allocation.</summary>
#if NET8_0_OR_GREATER
    [SkipLocalsInit]
#endif
    private static unsafe string AsciiString(ReadOnlySpan<byte> utf8, int at, bool domainHasUpper)
    {
        if (!domainHasUpper)
        {
            fixed (byte* bytes = utf8)
            {
#if NET8_0_OR_GREATER
                return string.Create(utf8.Length, (IntPtr)bytes, static (chars, source) =>
                    System.Text.Ascii.ToUtf16(new ReadOnlySpan<byte>((byte*)source, chars.Length), chars, out _));
#else
                return System.Text.Encoding.ASCII.GetString(bytes, utf8.Length);
#endif
            }
        }

        Span<char> chars = stackalloc char[utf8.Length];
        for (int i = 0; i < utf8.Length; i++)
        {
            chars[i] = (char)utf8[i];
        }

        LowerDomain(chars, at);
        return chars.ToString();
    }

    /// <summary>The canonical text: local part as given, domain lower-cased (ASCII, ADDR-1).</summary>
#if NET8_0_OR_GREATER
    [SkipLocalsInit]
#endif
    private static string Canonical(ReadOnlySpan<char> s, int at)
    {
        Span<char> buffer = stackalloc char[s.Length];
        s.CopyTo(buffer);
        LowerDomain(buffer, at);
        return buffer.ToString();
    }

    private static bool HasUpperAscii(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (c is >= 'A' and <= 'Z')
            {
                return true;
            }
        }

        return false;
    }

    private static void LowerDomain(Span<char> text, int at)
    {
        for (int i = at + 1; i < text.Length; i++)
        {
            if (text[i] is >= 'A' and <= 'Z')
            {
                text[i] = (char)(text[i] | 0x20);
            }
        }
    }

    private void FormatPatient(Span<char> destination, bool masked = false)
    {
        _ins.TryFormat(destination, out int written, masked ? "M".AsSpan() : default);
        destination[written] = '@';
        PatientDomain.AsSpan().CopyTo(destination.Slice(written + 1));
    }

    /// <summary>INS-8: true for <c>"M"</c> (masked), false for empty or <c>"G"</c> (canonical); any other format throws.</summary>
    private static bool IsMaskedFormat(ReadOnlySpan<char> format)
    {
        if (format.IsEmpty || format is "G" || format is "g")
        {
            return false;
        }

        return format is "M" || format is "m"
            ? true
            : throw new FormatException("MSSanté address formats are \"G\" (canonical) and \"M\" (patient INS masked, INS-8).");
    }
}
