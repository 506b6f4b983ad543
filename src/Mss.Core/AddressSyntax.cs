using System;
using System.Runtime.CompilerServices;
using System.Text;
#if NET8_0_OR_GREATER
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
#endif

namespace Mss.Core;

/// <summary>
/// The one parsing core of <see cref="MssAddress"/> (ADDR-1…ADDR-3): a single pass over the text that returns the
/// first <see cref="AddressError"/> by precedence (Empty → TooLong → Syntax → NotMssante → InvalidPatientIns), the
/// position of '@' and, for a patient address, its INS.
/// </summary>
/// <remarks>
/// <see cref="CheckScalar"/> is the portable reference (the netstandard2.0 path). On .NET 8+ with 128-bit vectors,
/// UTF-16 and UTF-8 text first meets the fixed-width patient shape (15 digits, '@', <c>patient.mssante.fr</c>: five
/// loads, the key by SWAR or by a dot product with 10^k mod 97), then a general one-pass path 16 units at a time; each
/// hands over to the scalar pass when it cannot decide (non-ASCII, 2A/2B, shape mismatch). All paths must agree on
/// every input: the property tests compare them.
/// </remarks>
internal static class AddressSyntax
{
    /// <summary>Length of a patient address: 15-character INS, '@', <c>patient.mssante.fr</c> (ADDR-2).</summary>
    internal const int PatientLength = InsMatricule.Length + 1 + 18;

    /// <summary>UTF-8 inputs longer than this decode to more than 254 UTF-16 characters: always TooLong.</summary>
    internal const int MaxUtf8Length = MssAddress.MaxLength * 3;

    private const byte Atext = 1;
    private const byte LetterDigitHyphen = 2;
    private const byte Upper = 4;
    private const byte DomainChar = 8;

    /// <summary>
    /// ASCII classes (ADDR-3): bit 1 RFC 5322 atext, bit 2 letter/digit/hyphen, bit 4 upper-case letter, bit 8 allowed in a
    /// domain (letter, digit, hyphen, dot, and since 0.2 underscore: seed 002's <c>ehpad_dumoulin.mssante.fr</c>).
    /// </summary>
    private static ReadOnlySpan<byte> Classes =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 1, 0, 1, 1, 1, 1, 1, 0, 0, 1, 1, 0, 11, 8, 1,
        11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 0, 0, 0, 1, 0, 1,
        0, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15,
        15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 0, 0, 0, 1, 9,
        1, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11,
        11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 1, 1, 1, 1, 0,
    ];

    /// <summary>Checks UTF-16 text: a vector path when it applies (.NET 8+), else the scalar pass.</summary>
    public static AddressError Check(ReadOnlySpan<char> s, out int at, out InsMatricule ins, out bool domainHasUpper) =>
        Check(s, wantIns: true, out at, out ins, out domainHasUpper);

    /// <summary>The error alone: a patient INS is checked by its key (INS-2), not unpacked.</summary>
    public static AddressError Validate(ReadOnlySpan<char> s) => Check(s, wantIns: false, out _, out _, out _);

    /// <summary>The error and, when None, the position of '@' (for the trust space's lookup, ADDR-1 0.3); no INS unpacked.</summary>
    public static AddressError ValidateAt(ReadOnlySpan<char> s, out int at) => Check(s, wantIns: false, out at, out _, out _);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static AddressError Check(ReadOnlySpan<char> s, bool wantIns, out int at, out InsMatricule ins, out bool domainHasUpper)
    {
#if NET8_0_OR_GREATER
        if (Vector128.IsHardwareAccelerated && BitConverter.IsLittleEndian)
        {
            AddressError error;
            if (s.Length == PatientLength && TryPatientUtf16(s, wantIns, out error, out ins))
            {
                at = InsMatricule.Length;
                domainHasUpper = false;
                return error;
            }

            if (s.Length is >= 16 and <= MssAddress.MaxLength && TryGeneral(s, out error, out at, out domainHasUpper))
            {
                ins = default;
                return error;
            }
        }
#endif
        return CheckScalar(s, out at, out ins, out domainHasUpper);
    }

    /// <summary>
    /// Checks UTF-8 text with the verdict UTF-16 text of the same characters gets: vector paths on ASCII (.NET 8+), else
    /// decoded (U+FFFD for invalid sequences) and checked as UTF-16. When valid, the text is ASCII and
    /// <paramref name="at"/> is a byte position.
    /// </summary>
    public static AddressError CheckUtf8(ReadOnlySpan<byte> utf8, out int at, out InsMatricule ins, out bool domainHasUpper) =>
        CheckUtf8(utf8, wantIns: true, out at, out ins, out domainHasUpper);

    /// <summary>The error alone for UTF-8 text: a patient INS is checked by its key (INS-2), not unpacked.</summary>
    public static AddressError ValidateUtf8(ReadOnlySpan<byte> utf8) => CheckUtf8(utf8, wantIns: false, out _, out _, out _);

    /// <summary>The error and, when None, the byte position of '@' (ADDR-1 0.3); no INS unpacked.</summary>
    public static AddressError ValidateUtf8At(ReadOnlySpan<byte> utf8, out int at) => CheckUtf8(utf8, wantIns: false, out at, out _, out _);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static AddressError CheckUtf8(ReadOnlySpan<byte> utf8, bool wantIns, out int at, out InsMatricule ins, out bool domainHasUpper)
    {
        if (utf8.IsEmpty || utf8.Length > MaxUtf8Length)
        {
            at = -1;
            ins = default;
            domainHasUpper = false;
            return utf8.IsEmpty ? AddressError.Empty : AddressError.TooLong;
        }

#if NET8_0_OR_GREATER
        if (Vector128.IsHardwareAccelerated && BitConverter.IsLittleEndian)
        {
            AddressError error;
            if (utf8.Length == PatientLength && TryPatientUtf8(utf8, wantIns, out error, out ins))
            {
                at = InsMatricule.Length;
                domainHasUpper = false;
                return error;
            }

            if (utf8.Length is >= 16 and <= MssAddress.MaxLength && TryGeneral(utf8, out error, out at, out domainHasUpper))
            {
                ins = default;
                return error;
            }
        }
#endif
        return CheckDecoded(utf8, out at, out ins, out domainHasUpper);
    }

#if NET8_0_OR_GREATER
    [SkipLocalsInit]
#endif
    private static AddressError CheckDecoded(ReadOnlySpan<byte> utf8, out int at, out InsMatricule ins, out bool domainHasUpper)
    {
        // At most MaxUtf8Length: UTF-8 never decodes to more UTF-16 units than it has bytes.
        Span<char> chars = stackalloc char[utf8.Length];
        int count = 0;
        for (; count < utf8.Length && utf8[count] < 0x80; count++)
        {
            chars[count] = (char)utf8[count];
        }

        if (count != utf8.Length)
        {
            // Not ASCII, so never valid: the scalar pass only has to rank Syntax against TooLong as UTF-16 text would.
            count = Utf8Polyfill.GetChars(Encoding.UTF8, utf8, chars);
        }

        // Not Check: the vector paths have already declined these bytes, and they decline the same text as UTF-16.
        return CheckScalar(chars.Slice(0, count), out at, out ins, out domainHasUpper);
    }

    /// <summary>
    /// The portable single pass (ADDR-1…ADDR-3); the reference the vector path is tested against. A patient address of
    /// 15 plain digits is decided by <see cref="TryPatientScalar"/> first; any other patient local part (2A/2B, a wrong
    /// length) is read by the INS core.
    /// </summary>
    internal static AddressError CheckScalar(ReadOnlySpan<char> s, out int at, out InsMatricule ins, out bool domainHasUpper)
    {
        at = -1;
        ins = default;
        domainHasUpper = false;
        if (s.IsEmpty)
        {
            return AddressError.Empty;
        }

        if (s.Length > MssAddress.MaxLength)
        {
            return AddressError.TooLong;
        }

        if (s.Length == PatientLength && TryPatientScalar(s, out AddressError patientError, out ins))
        {
            at = patientError == AddressError.None ? InsMatricule.Length : -1;
            return patientError;
        }

        ReadOnlySpan<byte> classes = Classes;
        bool syntax = false;
        int i = 0;
        for (; i < s.Length; i++)
        {
            char c = s[i];
            if (c < 128 && (classes[c] & Atext) != 0)
            {
                continue;
            }

            if (c == '@')
            {
                break;
            }

            // A dot may not start the local part or follow another dot; anything else outside atext is refused.
            syntax |= c != '.' || i == 0 || s[i - 1] == '.';
        }

        if (i == s.Length)
        {
            return AddressError.Syntax;
        }

        int atIndex = i;
        syntax |= atIndex == 0 || s[atIndex - 1] == '.';
        bool tooLong = atIndex > MssAddress.MaxLocalPartLength;
        int all = DomainChar;
        int any = 0;
        int labelStart = atIndex + 1;
        for (i = labelStart; i < s.Length; i++)
        {
            char c = s[i];
            int cls = c < 128 ? classes[c] : 0;
            all &= cls;
            any |= cls;
            if (c == '.')
            {
                CheckLabel(s, labelStart, i, ref syntax, ref tooLong);
                labelStart = i + 1;
            }
        }

        CheckLabel(s, labelStart, s.Length, ref syntax, ref tooLong);
        if (tooLong)
        {
            return AddressError.TooLong;
        }

        if (syntax || all == 0)
        {
            return AddressError.Syntax;
        }

        ReadOnlySpan<char> domain = s.Slice(atIndex + 1);
        if (!IsTrustSpace(domain))
        {
            return AddressError.NotMssante;
        }

        if (domain.Length == MssAddress.PatientDomain.Length && EqualsLowerAscii(domain.Slice(0, 7), "patient"))
        {
            // 15 plain digits never get here (TryPatientScalar decided them): 2A/2B or a refusal, read by the INS core.
            if (InsMatricule.ParseCore(s.Slice(0, atIndex), out ins) != InsError.None)
            {
                return AddressError.InvalidPatientIns;
            }
        }

        at = atIndex;
        domainHasUpper = (any & Upper) != 0;
        return AddressError.None;
    }

    /// <summary>
    /// ADDR-3 on the label <c>s[start..end)</c>: not empty, at most 63, no hyphen or underscore at either end (0.2), not
    /// punycode.
    /// </summary>
    private static void CheckLabel(ReadOnlySpan<char> s, int start, int end, ref bool syntax, ref bool tooLong)
    {
        int length = end - start;
        if (length == 0)
        {
            syntax = true;
            return;
        }

        tooLong |= length > MssAddress.MaxLabelLength;
        syntax |= IsLabelEdgeForbidden(s[start]) || IsLabelEdgeForbidden(s[end - 1]) || IsPunycode(s.Slice(start, length));
    }

    /// <summary>ADDR-3: a hyphen, or (0.2) an underscore, may be inside a domain label but not at either end.</summary>
    internal static bool IsLabelEdgeForbidden(uint c) => c is '-' or '_';

    /// <summary>
    /// The patient shape without vectors (ADDR-2): 15 ASCII digits, '@', <c>patient.mssante.fr</c> in any case. False
    /// (not decided) when the shape does not match; then the general pass ranks the errors.
    /// </summary>
    internal static bool TryPatientScalar(ReadOnlySpan<char> s, out AddressError error, out InsMatricule ins)
    {
        const string Domain = "@" + MssAddress.PatientDomain;
        int difference = 0;
        for (int i = 0; i < Domain.Length; i++)
        {
            char expected = Domain[i];
            difference |= (s[InsMatricule.Length + i] | (expected is >= 'a' and <= 'z' ? 0x20 : 0)) ^ expected;
        }

        // Two independent accumulators (digits 0..7 and 8..14) halve the multiply chain.
        ulong high = 0;
        ulong low = 0;
        uint bad = 0;
        for (int i = 0; i < 8; i++)
        {
            uint digit = (uint)(s[i] - '0');
            bad |= digit > 9 ? 1u : 0u;
            high = (high * 10) + digit;
        }

        for (int i = 8; i < InsMatricule.Length; i++)
        {
            uint digit = (uint)(s[i] - '0');
            bad |= digit > 9 ? 1u : 0u;
            low = (low * 10) + digit;
        }

        if (difference != 0 || bad != 0)
        {
            error = AddressError.None;
            ins = default;
            return false;
        }

        error = TryPatientFromNumber((high * 10_000_000) + low, out ins) ? AddressError.None : AddressError.InvalidPatientIns;
        return true;
    }

    /// <summary>INS-2 on a 15-digit matricule read as a number (body * 100 + key), no 2A/2B.</summary>
    private static bool TryPatientFromNumber(ulong matricule, out InsMatricule ins)
    {
        ulong body = matricule / 100;
        ulong key = matricule % 100;
        if ((int)key != InsMatricule.KeyOf(body))
        {
            ins = default;
            return false;
        }

        ins = InsMatricule.FromParts(body, corsica: 0, (int)key);
        return true;
    }

    /// <summary>
    /// ADDR-1 on a domain already checked by ADDR-3 (letters, digits, hyphens, underscores and dots only; OR 0x20
    /// lower-cases letters and turns no other of them into a letter): one or more labels, then <c>.mssante.fr</c>, case
    /// ignored.
    /// </summary>
    internal static bool IsTrustSpace(ReadOnlySpan<char> domain)
    {
        const string Suffix = MssAddress.TrustSpaceSuffix;
        if (domain.Length <= Suffix.Length)
        {
            return false;
        }

        ReadOnlySpan<char> tail = domain.Slice(domain.Length - Suffix.Length);
        int difference = 0;
        for (int i = 0; i < Suffix.Length; i++)
        {
            difference |= (tail[i] | 0x20) ^ Suffix[i];
        }

        return difference == 0;
    }

    /// <summary>ADDR-3: a label beginning with <c>xn--</c> (any case) is punycode.</summary>
    internal static bool IsPunycode(ReadOnlySpan<char> label) => label.Length >= 4 && EqualsLowerAscii(label.Slice(0, 4), "xn--");

    /// <summary>ASCII case-insensitive equality with a lower-case ASCII <paramref name="lower"/>; any other character differs.</summary>
    internal static bool EqualsLowerAscii(ReadOnlySpan<char> text, string lower)
    {
        if (text.Length != lower.Length)
        {
            return false;
        }

        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c != lower[i] && !(c is >= 'A' and <= 'Z' && (char)(c | 0x20) == lower[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A character of an ADDR-3 domain label: letter, digit, hyphen or (0.2) underscore.</summary>
    internal static bool IsLabelChar(char c) => c != '.' && c < 128 && (Classes[c] & DomainChar) != 0;

#if NET8_0_OR_GREATER
    // The patient domain as lower-case text and, per character, the bit that may differ by case (letters only: a
    // '.' or '@' must match exactly). Offsets: UTF-16 chars 15..22, 23..30, 26..33; UTF-8 bytes 16..31, 18..33.
    private static readonly Vector128<ushort> Utf16Text1 = Utf16("@patient");
    private static readonly Vector128<ushort> Utf16Fold1 = Utf16Fold("@patient");
    private static readonly Vector128<ushort> Utf16Text2 = Utf16(".mssante");
    private static readonly Vector128<ushort> Utf16Fold2 = Utf16Fold(".mssante");
    private static readonly Vector128<ushort> Utf16Text3 = Utf16("sante.fr");
    private static readonly Vector128<ushort> Utf16Fold3 = Utf16Fold("sante.fr");
    private static readonly Vector128<byte> Utf8Text1 = Utf8("patient.mssante.");
    private static readonly Vector128<byte> Utf8Fold1 = Utf8Fold("patient.mssante.");
    private static readonly Vector128<byte> Utf8Text2 = Utf8("tient.mssante.fr");
    private static readonly Vector128<byte> Utf8Fold2 = Utf8Fold("tient.mssante.fr");

    // ".mssante.fr" in lanes 5..15 of the last 16 units; lanes 0..4 read all ones on both sides, so they never differ.
    private static readonly Vector128<byte> SuffixText = Vector128.Create((byte)0xFF, 0xFF, 0xFF, 0xFF, 0xFF, (byte)'.', (byte)'m', (byte)'s', (byte)'s', (byte)'a', (byte)'n', (byte)'t', (byte)'e', (byte)'.', (byte)'f', (byte)'r');
    private static readonly Vector128<byte> SuffixFold = Vector128.Create((byte)0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0, 0x20, 0x20);

    private static readonly Vector128<ushort> KeyWeightsLow = KeyWeights(0);
    private static readonly Vector128<ushort> KeyWeightsHigh = KeyWeights(8);

    // Digits of chars 8..15: lane 7 is the '@' already pinned by Utf16Text1, so it may read 16 ('@' - '0').
    private static readonly Vector128<ushort> Utf16HighLimit = Vector128.Create((ushort)9, 9, 9, 9, 9, 9, 9, 16);
    private static readonly Vector128<byte> Utf8Limit = Vector128.Create((byte)9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 16);

    /// <summary>
    /// The patient shape in UTF-16 (ADDR-2). False when the shape does not match (not decided); true with None or
    /// InvalidPatientIns otherwise: 15 digits are valid atext, so only the key can fail. The caller has checked that the
    /// text is <see cref="PatientLength"/> units long: the loads do not.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool TryPatientUtf16(ReadOnlySpan<char> s, bool wantIns, out AddressError error, out InsMatricule ins)
    {
        ref ushort p = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(s));
        Vector128<ushort> zero = Vector128.Create((ushort)'0');
        Vector128<ushort> low = Vector128.LoadUnsafe(ref p) - zero;
        Vector128<ushort> high = Vector128.LoadUnsafe(ref p, 8) - zero;
        Vector128<ushort> wrong = ((Vector128.LoadUnsafe(ref p, 15) | Utf16Fold1) ^ Utf16Text1)
            | ((Vector128.LoadUnsafe(ref p, 23) | Utf16Fold2) ^ Utf16Text2)
            | ((Vector128.LoadUnsafe(ref p, 26) | Utf16Fold3) ^ Utf16Text3)
            | Vector128.GreaterThan(low, Vector128.Create((ushort)9))
            | Vector128.GreaterThan(high, Utf16HighLimit);
        if (wrong != Vector128<ushort>.Zero)
        {
            error = AddressError.None;
            ins = default;
            return false;
        }

        error = FromDigits(Vector128.Narrow(low, high), wantIns, out ins);
        return true;
    }

    /// <summary>The patient shape in UTF-8 (ADDR-2), on exactly <see cref="PatientLength"/> bytes; see <see cref="TryPatientUtf16"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool TryPatientUtf8(ReadOnlySpan<byte> utf8, bool wantIns, out AddressError error, out InsMatricule ins)
    {
        ref byte p = ref MemoryMarshal.GetReference(utf8);
        Vector128<byte> head = Vector128.LoadUnsafe(ref p) - Vector128.Create((byte)'0');
        Vector128<byte> wrong = ((Vector128.LoadUnsafe(ref p, 16) | Utf8Fold1) ^ Utf8Text1)
            | ((Vector128.LoadUnsafe(ref p, 18) | Utf8Fold2) ^ Utf8Text2)
            | Vector128.GreaterThan(head, Utf8Limit);
        if (wrong != Vector128<byte>.Zero || utf8[InsMatricule.Length] != (byte)'@')
        {
            error = AddressError.None;
            ins = default;
            return false;
        }

        error = FromDigits(head, wantIns, out ins);
        return true;
    }

    /// <summary>
    /// INS-2 on 15 digit values, one per byte (lane 15 ignored). With <paramref name="wantIns"/> the body is read as a
    /// number and packed; without, only the key is checked: (N + key) ≡ 0 (mod 97) with 1 ≤ key ≤ 97, as a dot product
    /// of the digits with 10^k mod 97.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static AddressError FromDigits(Vector128<byte> digits, bool wantIns, out InsMatricule ins)
    {
        if (!wantIns)
        {
            ins = default;
            Vector128<ushort> terms = (Vector128.WidenLower(digits) * KeyWeightsLow) + (Vector128.WidenUpper(digits) * KeyWeightsHigh);
            uint checkKey = ((uint)digits.GetElement(13) * 10) + digits.GetElement(14);
            return Vector128.Sum(terms) % 97 == 0 && checkKey - 1 <= 96 ? AddressError.None : AddressError.InvalidPatientIns;
        }

        ulong low = digits.AsUInt64().GetElement(0);
        ulong high = digits.AsUInt64().GetElement(1);
        ulong number = (EightDigits(low) * 100_000) + EightDigits(high << 24);
        ulong key = (((high >> 40) & 0xFF) * 10) + ((high >> 48) & 0xFF);
        if ((int)key != InsMatricule.KeyOf(number))
        {
            ins = default;
            return AddressError.InvalidPatientIns;
        }

        ins = InsMatricule.FromParts(number, corsica: 0, (int)key);
        return AddressError.None;
    }

    /// <summary>Lane weights of the INS-2 dot product: 10^(12-i) mod 97 for body digit i, 10 and 1 for the key, 0 for lane 15.</summary>
    private static Vector128<ushort> KeyWeights(int firstLane)
    {
        Span<ushort> weights = stackalloc ushort[8];
        for (int lane = 0; lane < 8; lane++)
        {
            int i = firstLane + lane;
            int weight = 1;
            for (int power = 0; power < 12 - i; power++)
            {
                weight = weight * 10 % 97;
            }

            weights[lane] = (ushort)(i < InsMatricule.BodyLength ? weight : i == 13 ? 10 : i == 14 ? 1 : 0);
        }

        return Vector128.Create<ushort>(weights);
    }

    /// <summary>Eight digit values (0..9, one per byte, first digit lowest) to their number: SWAR, three multiplies.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong EightDigits(ulong digits)
    {
        digits = (digits * 10) + (digits >> 8);
        return (((digits & 0x000000FF000000FF) * (100 + (1_000_000UL << 32)))
            + (((digits >> 16) & 0x000000FF000000FF) * (1 + (10_000UL << 32)))) >> 32;
    }

    /// <summary>
    /// The general shape with 16-unit vectors over UTF-16 (<typeparamref name="T"/> = char) or UTF-8 (byte) text of
    /// 16…254 units, in one pass: same verdicts as <see cref="CheckScalar"/>. False (not decided) on non-ASCII input and
    /// on the patient domain, which the scalar pass reads with the INS core.
    /// </summary>
    internal static bool TryGeneral<T>(ReadOnlySpan<T> s, out AddressError error, out int at, out bool domainHasUpper)
        where T : unmanaged
    {
        error = AddressError.None;
        at = -1;
        domainHasUpper = false;
        int length = s.Length;
        ref T start = ref MemoryMarshal.GetReference(s);
        bool syntax = false;
        bool tooLong = false;
        uint upperLanes = 0;
        int atIndex = -1;
        int labelStart = 0;
        Vector128<byte> v = default;
        for (int offset = 0; offset < length; offset += 16)
        {
            // The last chunk ends at the end of the text; lanes before 'offset' were seen in the previous chunk.
            int chunk = Math.Min(offset, length - 16);
            uint live = (0xFFFFu << (offset - chunk)) & 0xFFFF;
            if (!TryLoadAscii(ref start, chunk, out v))
            {
                return false;
            }

            Vector128<byte> isDot = Vector128.Equals(v, Vector128.Create((byte)'.'));
            Vector128<byte> ldh = Vector128.LessThanOrEqual((v | Vector128.Create((byte)0x20)) - Vector128.Create((byte)'a'), Vector128.Create((byte)25))
                | Vector128.LessThanOrEqual(v - Vector128.Create((byte)'0'), Vector128.Create((byte)9))
                | Vector128.Equals(v, Vector128.Create((byte)'-'));
            uint dots = isDot.ExtractMostSignificantBits() & live;
            uint domainLanes = live;
            if (atIndex < 0)
            {
                uint ats = Vector128.Equals(v, Vector128.Create((byte)'@')).ExtractMostSignificantBits() & live;
                uint firstAt = ats & (0u - ats);
                uint localLanes = ats == 0 ? live : live & (firstAt - 1);
                uint atext = (ldh | isDot | AtextPunctuation(v)).ExtractMostSignificantBits();
                syntax |= (~atext & localLanes) != 0;
                for (uint d = dots & localLanes; d != 0; d &= d - 1)
                {
                    int position = chunk + BitOperations.TrailingZeroCount(d);
                    syntax |= position == 0 || Unit(ref start, position - 1) == '.';
                }

                if (ats == 0)
                {
                    continue;
                }

                atIndex = chunk + BitOperations.TrailingZeroCount(ats);
                syntax |= atIndex == 0 || Unit(ref start, atIndex - 1) == '.';
                labelStart = atIndex + 1;
                domainLanes = live & ~localLanes & ~firstAt;
            }

            uint domainOk = (ldh | isDot | Vector128.Equals(v, Vector128.Create((byte)'_'))).ExtractMostSignificantBits();
            syntax |= (~domainOk & domainLanes) != 0;
            upperLanes |= Vector128.LessThanOrEqual(v - Vector128.Create((byte)'A'), Vector128.Create((byte)25)).ExtractMostSignificantBits() & domainLanes;
            for (uint d = dots & domainLanes; d != 0; d &= d - 1)
            {
                int position = chunk + BitOperations.TrailingZeroCount(d);
                CheckLabel(ref start, labelStart, position, ref syntax, ref tooLong);
                labelStart = position + 1;
            }
        }

        if (atIndex < 0)
        {
            error = AddressError.Syntax;
            return true;
        }

        CheckLabel(ref start, labelStart, length, ref syntax, ref tooLong);
        if (tooLong || atIndex > MssAddress.MaxLocalPartLength)
        {
            error = AddressError.TooLong;
            return true;
        }

        if (syntax)
        {
            error = AddressError.Syntax;
            return true;
        }

        // Only letters, digits, hyphens, underscores and dots are left in the domain; the suffix test below folds
        // letters only (SuffixFold), and '_' | 0x20 is '\x7F', never a letter.
        const string Suffix = MssAddress.TrustSpaceSuffix;
        if (length - atIndex - 1 <= Suffix.Length)
        {
            error = AddressError.NotMssante;
            return true;
        }

        // The last chunk (still in v) holds the last 16 units; its lanes 5..15 must read ".mssante.fr".
        if (((v | SuffixFold) ^ SuffixText) != Vector128<byte>.Zero)
        {
            error = AddressError.NotMssante;
            return true;
        }

        if (length - atIndex - 1 == MssAddress.PatientDomain.Length && (Unit(ref start, atIndex + 1) | 0x20) == 'p')
        {
            uint difference = 0;
            for (int i = 0; i < 7; i++)
            {
                difference |= (Unit(ref start, atIndex + 1 + i) | 0x20) ^ MssAddress.PatientDomain[i];
            }

            if (difference == 0)
            {
                return false;
            }
        }

        at = atIndex;
        domainHasUpper = upperLanes != 0;
        return true;
    }

    /// <summary>ADDR-3 label rules on units [start, end) of checked characters; see the span overload.</summary>
    private static void CheckLabel<T>(ref T start, int labelStart, int end, ref bool syntax, ref bool tooLong)
        where T : unmanaged
    {
        int length = end - labelStart;
        if (length == 0)
        {
            syntax = true;
            return;
        }

        tooLong |= length > MssAddress.MaxLabelLength;
        syntax |= IsLabelEdgeForbidden(Unit(ref start, labelStart)) || IsLabelEdgeForbidden(Unit(ref start, end - 1))
            || (length >= 4 && (Unit(ref start, labelStart) | 0x20) == 'x' && (Unit(ref start, labelStart + 1) | 0x20) == 'n'
                && Unit(ref start, labelStart + 2) == '-' && Unit(ref start, labelStart + 3) == '-');
    }

    /// <summary>16 units from <paramref name="offset"/> as bytes; false when one is not ASCII.</summary>
    private static bool TryLoadAscii<T>(ref T start, int offset, out Vector128<byte> bytes)
        where T : unmanaged
    {
        if (typeof(T) == typeof(char))
        {
            ref ushort units = ref Unsafe.As<T, ushort>(ref start);
            Vector128<ushort> low = Vector128.LoadUnsafe(ref units, (nuint)offset);
            Vector128<ushort> high = Vector128.LoadUnsafe(ref units, (nuint)offset + 8);
            bytes = Vector128.Narrow(low, high);
            return ((low | high) & Vector128.Create((ushort)0xFF80)) == Vector128<ushort>.Zero;
        }

        bytes = Vector128.LoadUnsafe(ref Unsafe.As<T, byte>(ref start), (nuint)offset);
        return (bytes & Vector128.Create((byte)0x80)) == Vector128<byte>.Zero;
    }

    private static uint Unit<T>(ref T start, int index)
        where T : unmanaged =>
        typeof(T) == typeof(char) ? Unsafe.Add(ref Unsafe.As<T, char>(ref start), index) : Unsafe.Add(ref Unsafe.As<T, byte>(ref start), index);

    /// <summary>The punctuation of RFC 5322 atext: ! # $ % &amp; ' * + - / = ? ^ _ ` { | } ~ (hyphen also in ldh).</summary>
    private static Vector128<byte> AtextPunctuation(Vector128<byte> v) =>
        Vector128.Equals(v, Vector128.Create((byte)'!'))
        | Vector128.LessThanOrEqual(v - Vector128.Create((byte)'#'), Vector128.Create((byte)4))
        | Vector128.LessThanOrEqual(v - Vector128.Create((byte)'*'), Vector128.Create((byte)1))
        | Vector128.Equals(v, Vector128.Create((byte)'/'))
        | Vector128.Equals(v, Vector128.Create((byte)'='))
        | Vector128.Equals(v, Vector128.Create((byte)'?'))
        | Vector128.LessThanOrEqual(v - Vector128.Create((byte)'^'), Vector128.Create((byte)2))
        | Vector128.LessThanOrEqual(v - Vector128.Create((byte)'{'), Vector128.Create((byte)3));

    private static Vector128<ushort> Utf16(string text)
    {
        Span<ushort> lanes = stackalloc ushort[8];
        for (int i = 0; i < 8; i++)
        {
            lanes[i] = text[i];
        }

        return Vector128.Create<ushort>(lanes);
    }

    private static Vector128<ushort> Utf16Fold(string text)
    {
        Span<ushort> lanes = stackalloc ushort[8];
        for (int i = 0; i < 8; i++)
        {
            lanes[i] = (ushort)(text[i] is >= 'a' and <= 'z' ? 0x20 : 0);
        }

        return Vector128.Create<ushort>(lanes);
    }

    private static Vector128<byte> Utf8(string text)
    {
        Span<byte> lanes = stackalloc byte[16];
        for (int i = 0; i < 16; i++)
        {
            lanes[i] = (byte)text[i];
        }

        return Vector128.Create<byte>(lanes);
    }

    private static Vector128<byte> Utf8Fold(string text)
    {
        Span<byte> lanes = stackalloc byte[16];
        for (int i = 0; i < 16; i++)
        {
            lanes[i] = (byte)(text[i] is >= 'a' and <= 'z' ? 0x20 : 0);
        }

        return Vector128.Create<byte>(lanes);
    }
#endif
}
