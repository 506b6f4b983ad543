using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Mss.Core.Tests;

[Properties(Arbitrary = [typeof(InsGenerators)], MaxTest = 500)]
public class InsMatriculePropertyTest
{
    // INS-2: the key FromBody gives is the reference key, and it round-trips through every text path.
    [Property]
    public bool FromBody_RoundTripsThroughEveryPath(InsBody body)
    {
        InsMatricule ins = InsMatricule.FromBody(body.Value);
        string text = ins.ToString();
        Span<char> chars = stackalloc char[15];
        Span<byte> bytes = stackalloc byte[15];
        return text == InsGenerators.WithKey(body.Value, InsGenerators.ReferenceKey(body.Value))
            && InsMatricule.TryParse(text, out InsMatricule parsed) && parsed == ins
            && ins.TryFormat(chars, out int c) && c == 15 && chars.ToString() == text
            && ins.TryFormat(bytes, out int b) && b == 15 && Encoding.ASCII.GetString(bytes) == text
            && InsMatricule.TryParse(bytes, out InsMatricule fromUtf8) && fromUtf8 == ins
            && InsMatricule.ComputeKey(body.Value) == ins.Key;
    }

    // INS-2: exactly one key in 00..99 is accepted for a body.
    [Property]
    public bool EveryOtherKey_Refused(InsBody body)
    {
        int right = InsGenerators.ReferenceKey(body.Value);
        for (int key = 0; key <= 99; key++)
        {
            InsError error = InsMatricule.Validate(InsGenerators.WithKey(body.Value, key));
            if (error != (key == right ? InsError.None : InsError.Key))
            {
                return false;
            }
        }

        return true;
    }

    // INS-6: any mix of separators around and between characters parses to the canonical value under Lenient.
    [Property]
    public Property LenientSeparators_ParseToCanonical(InsBody body)
    {
        Gen<string> separator = Gen.Elements("", " ", ".", "-", "\u00A0", "\t", "\u2009", "  ");
        string canonical = InsMatricule.FromBody(body.Value).ToString();
        Gen<string> typed = Gen.ArrayOf(separator, 16).Select(seps =>
        {
            var sb = new StringBuilder();
            for (int i = 0; i < 15; i++)
            {
                sb.Append(seps[i]).Append(i is 5 or 6 ? char.ToLowerInvariant(canonical[i]) : canonical[i]);
            }

            return sb.Append(seps[15]).ToString();
        });
        return Prop.ForAll(typed.ToArbitrary(), s =>
            InsMatricule.TryParse(s, InsStyles.Lenient, out InsMatricule ins) && ins.ToString() == canonical
            && InsMatricule.TryParse(Encoding.UTF8.GetBytes(s), InsStyles.Lenient, out InsMatricule utf8) && utf8 == ins);
    }

    // Try… never throws and agrees with Validate, on arbitrary strings (including null and non-ASCII).
    [Property(MaxTest = 2000)]
    public bool TryParseAndValidate_Agree_NeverThrow(string? s)
    {
        bool ok = InsMatricule.TryParse(s, out InsMatricule ins);
        InsError error = InsMatricule.Validate(s.AsSpan());
        bool lenient = InsMatricule.TryParse(s, InsStyles.Lenient, out _);
        byte[] utf8 = Encoding.UTF8.GetBytes(s ?? string.Empty);
        bool utf8Ok = InsMatricule.TryParse(utf8, out InsMatricule fromUtf8);
        return ok == (error == InsError.None) && (!ok || (lenient && ins.ToString() == s))
            && utf8Ok == ok && fromUtf8 == ins
            && (ok || ins.IsDefault);
    }

    // Near-valid strings: a valid matricule with one character changed is refused or still valid, never thrown on.
    [Property]
    public Property OneCharacterChanged_NeverThrows_AndValidateAgrees(InsBody body)
    {
        string text = InsMatricule.FromBody(body.Value).ToString();
        Gen<(int, char)> change = from i in Gen.Choose(0, 14)
                                  from c in Gen.Elements('0', '9', 'A', 'B', 'a', ' ', '\u0660', '\uFF10', '\uD800')
                                  select (i, c);
        return Prop.ForAll(change.ToArbitrary(), t =>
        {
            string changed = text.Substring(0, t.Item1) + t.Item2 + text.Substring(t.Item1 + 1);
            return InsMatricule.TryParse(changed, out _) == (InsMatricule.Validate(changed) == InsError.None);
        });
    }

    // INS-8 (decided here): the masked text keeps exactly sex, year, month and department (positions 1-7, 1-8 for a
    // 3-digit overseas department 97x/98x) and replaces every other position by '*'. The positions to keep are worked
    // out from the body here, not asked of the library; a test on absent substrings failed by chance (issue 16).
    [Property]
    public bool Masked_KeepsExactlyTheIdentityPositions(InsBody body)
    {
        InsMatricule ins = InsMatricule.FromBody(body.Value);
        string canonical = InsGenerators.WithKey(body.Value, InsGenerators.ReferenceKey(body.Value));
        string department = body.Value.Substring(5, 2);
        int kept = department is "97" or "98" ? 8 : 7;
        string expected = canonical.Substring(0, kept) + new string('*', 15 - kept);
        Span<char> chars = stackalloc char[15];
        return ins.ToMaskedString() == expected
            && ins.ToString("M", null) == expected
            && ins.TryFormat(chars, out int written, "M") && written == 15 && chars.ToString() == expected;
    }

    // INS-6 (0.2): in lenient style, a stray '/' or '_' anywhere in a typed matricule is a Character error, never Length.
    [Property]
    public Property Lenient_StrayCharacter_IsCharacterError(InsBody body)
    {
        string canonical = InsMatricule.FromBody(body.Value).ToString();
        Gen<(int, char, int)> stray = from at in Gen.Choose(0, 15)
                                      from c in Gen.Elements('/', '_')
                                      from extra in Gen.Choose(0, 3)
                                      select (at, c, extra);
        return Prop.ForAll(stray.ToArbitrary(), t =>
        {
            string typed = canonical.Insert(t.Item1, t.Item2.ToString()) + new string('1', t.Item3);
            return InsMatricule.Validate(typed, InsStyles.Lenient) == InsError.Character
                && !InsMatricule.TryParse(Encoding.UTF8.GetBytes(typed), InsStyles.Lenient, out _);
        });
    }
}
