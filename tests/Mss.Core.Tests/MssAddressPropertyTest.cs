using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Mss.Core.Tests;

[Properties(Arbitrary = [typeof(InsGenerators)], MaxTest = 500)]
public class MssAddressPropertyTest
{
    private const string PatientSuffix = "@patient.mssante.fr";

    // Characters that try to fool the fast path: digits, Corsican letters, case, separators, and non-ASCII characters
    // whose low byte is a digit or a letter of the patient domain ('\u0130' - '0' = 0x100, '\u0170' = 'p' + 0x100).
    private static readonly char[] Mutations =
    [
        '0', '5', '9', 'A', 'B', 'a', 'b', '@', '.', '-', ' ', '_', 'x', 'P', 'p', 'T', 'M', 'S', 'F', 'R', '/', ':', '\0',
        '\u0130', '\u0139', '\u0230', '\u0170', '\u0150', '\u0660', '\uFF10', '\u00E9', '\u0430', '\u0435', '\uD800', '\u2070',
    ];

    // ADDR-2: any valid INS → ForPatient → ToString → TryParse is the identity, on every text path.
    [Property]
    public bool ForPatient_RoundTrips(InsBody body)
    {
        string expectedText = InsGenerators.WithKey(body.Value, InsGenerators.ReferenceKey(body.Value)) + PatientSuffix;
        InsMatricule ins = InsMatricule.FromBody(body.Value);
        MssAddress address = MssAddress.ForPatient(ins);
        string text = address.ToString();
        byte[] utf8 = Encoding.UTF8.GetBytes(text);
        return text == expectedText
            && MssAddress.TryParse(text, out MssAddress parsed) && parsed == address && parsed.IsPatient
            && parsed.TryGetIns(out InsMatricule back) && back == ins && parsed.GetHashCode() == address.GetHashCode()
            && MssAddress.TryParse(utf8, out MssAddress fromUtf8) && fromUtf8 == address
            && MssAddress.Validate(text) == AddressError.None && MssAddress.Validate(utf8) == AddressError.None
            && parsed.LocalPart == expectedText.Substring(0, 15);
    }

    // ADDR-2 / INS-2: a patient address with any other key is InvalidPatientIns, on the fast and the scalar path.
    [Property]
    public bool PatientWithWrongKey_InvalidPatientIns(InsBody body)
    {
        int right = InsGenerators.ReferenceKey(body.Value);
        for (int key = 0; key <= 99; key++)
        {
            string text = InsGenerators.WithKey(body.Value, key) + PatientSuffix;
            AddressError expected = key == right ? AddressError.None : AddressError.InvalidPatientIns;
            if (MssAddress.Validate(text) != expected || MssAddress.Validate(Encoding.ASCII.GetBytes(text)) != expected
                || AddressSyntax.CheckScalar(text, out _, out _, out _) != expected)
            {
                return false;
            }
        }

        return true;
    }

    // Try… never throws; TryParse and Validate agree; UTF-8 and UTF-16 agree (same text, same verdict).
    [Property(MaxTest = 3000)]
    public bool TryParseValidateUtf8_Agree_NeverThrow(string? s)
    {
        AddressError error = MssAddress.Validate(s.AsSpan());
        bool ok = MssAddress.TryParse(s, out MssAddress parsed);
        byte[] utf8 = Encoding.UTF8.GetBytes(s ?? string.Empty);
        bool utf8Ok = MssAddress.TryParse(utf8, out MssAddress fromUtf8);
        return ok == (error == AddressError.None)
            && error == AddressSyntax.CheckScalar(s.AsSpan(), out _, out _, out _)
            && MssAddress.Validate(utf8) == error
            && utf8Ok == ok && fromUtf8 == parsed
            && (ok || parsed.IsDefault);
    }

    // Fast path = scalar path on patient-shaped texts with up to three characters changed and the domain's case mixed.
    [Property(MaxTest = 3000)]
    public Property FastPath_EqualsScalar_OnNearPatientAddresses(InsBody body)
    {
        string valid = InsMatricule.FromBody(body.Value) + PatientSuffix;
        Gen<(int, char)> change = from index in Gen.Choose(0, valid.Length - 1)
                                  from value in Gen.Elements(Mutations)
                                  select (index, value);
        Gen<string> mutated =
            from count in Gen.Choose(0, 3)
            from changes in Gen.ArrayOf(change, count)
            from upper in Gen.ArrayOf(Gen.Elements(false, true), 18)
            select Mutate(valid, changes, upper);
        return Prop.ForAll(mutated.ToArbitrary(), s =>
        {
            AddressError fast = AddressSyntax.Check(s, out int fastAt, out InsMatricule fastIns, out _);
            AddressError scalar = AddressSyntax.CheckScalar(s, out int scalarAt, out InsMatricule scalarIns, out _);
            byte[] utf8 = Encoding.UTF8.GetBytes(s);
            AddressError fromUtf8 = MssAddress.Validate(utf8);
            bool utf8Parsed = MssAddress.TryParse(utf8, out MssAddress parsedUtf8);
            return fast == scalar && fastIns == scalarIns && (fast != AddressError.None || fastAt == scalarAt)
                && MssAddress.Validate(s) == scalar && fromUtf8 == scalar && utf8Parsed == (scalar == AddressError.None)
                && (scalarIns.IsDefault || (parsedUtf8.TryGetIns(out InsMatricule utf8Ins) && utf8Ins == scalarIns));
        });
    }

    // Professional-shaped texts of 1 to 150 characters, then up to four characters changed, inserted or removed.
    private static readonly string[] ProfessionalSeeds =
    [
        "jean.dupont@ch-nord.mssante.fr",
        "Dr.Claire.Bernard@CHU-Lyon.MSSante.fr",
        "a@b.mssante.fr",
        "secretariat.cardiologie.pediatrique@hopital-universitaire-de-bordeaux.pole-sante.mssante.fr",
        "x@xn--a.mssante.fr",
        "no_reply@a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.mssante.fr",
        "185052A12345633@patient.mssante.fr",
        "1850523A1234563@Patient.mssante.fr",
        "!#$%&'*+-/=?^_`{|}~.abc@ch.mssante.fr",
        new string('l', 64) + "@" + new string('d', 63) + ".mssante.fr",
        new string('a', 64) + "@" + new string('b', 60) + "." + new string('c', 60) + "." + new string('d', 56) + ".mssante.fr",
        "jean.dupont@ch-nord.mssante.fr.evil.com",
        "jean@notmssante.fr",
        // ADDR-3 (0.2): underscores inside labels (seed 002), and at a label's ends, on both sides of the 16-unit chunks.
        "jean.dupont@ehpad_dumoulin.mssante.fr",
        "x@a_b.c__d.e_f.mssante.fr",
        "x@_ehpad.mssante.fr",
        "secretariat_medical@ehpad_dumoulin_nord_est.pole_gerontologie.mssante.fr",
        "x@ab_.mssante.fr",
    ];

    // Characters that stress the vector paths: separators, '@', and non-ASCII characters whose low byte is '.', '@', '-'
    // or a letter ('\u012E' narrows to '.', '\u0140' to '@', '\u012D' to '-').
    private static readonly char[] ProfessionalMutations =
    [
        '.', '.', '@', '-', '-', 'x', 'n', 'A', 'z', '0', ' ', '_', '_', '"', '(', '<', '\\', '[', '\u007F', '\u00E9', '\u012E', '\u0140', '\u012D', '\u0161', '\uD83D',
        '\u015F', // narrows to '_'
    ];

    [Property(MaxTest = 5000)]
    public Property FastGeneralPath_EqualsScalar_OnNearProfessionalAddresses()
    {
        Gen<(int, int, char)> edit = from kind in Gen.Choose(0, 2)
                                     from position in Gen.Choose(0, 1000)
                                     from value in Gen.Elements(ProfessionalMutations)
                                     select (kind, position, value);
        Gen<string> text = from seed in Gen.Elements(ProfessionalSeeds)
                           from count in Gen.Choose(0, 4)
                           from edits in Gen.ArrayOf(edit, count)
                           select Edit(seed, edits);
        return Prop.ForAll(text.ToArbitrary(), s =>
        {
            AddressError fast = AddressSyntax.Check(s, out int fastAt, out InsMatricule fastIns, out bool fastUpper);
            AddressError scalar = AddressSyntax.CheckScalar(s, out int scalarAt, out InsMatricule scalarIns, out bool scalarUpper);
            AddressError utf8 = AddressSyntax.CheckUtf8(Encoding.UTF8.GetBytes(s), out int utf8At, out _, out bool utf8Upper);
            bool patient = !scalarIns.IsDefault;
            return fast == scalar && utf8 == scalar && fastIns == scalarIns
                && MssAddress.Validate(s) == scalar && MssAddress.Validate(Encoding.UTF8.GetBytes(s)) == scalar
                && (scalar != AddressError.None || (fastAt == scalarAt && utf8At == scalarAt
                    && (patient || (fastUpper == scalarUpper && utf8Upper == scalarUpper))));
        });
    }

    private static string Edit(string seed, (int Kind, int Position, char Value)[] edits)
    {
        var text = new StringBuilder(seed);
        foreach ((int kind, int position, char value) in edits)
        {
            int index = position % (text.Length + 1);
            if (kind == 0 && index < text.Length)
            {
                text[index] = value;
            }
            else if (kind == 1 || text.Length == 0)
            {
                text.Insert(index, value);
            }
            else
            {
                text.Remove(Math.Min(index, text.Length - 1), 1);
            }
        }

        return text.ToString();
    }

    // Fast UTF-8 path = scalar path when single bytes are changed (any byte value, so invalid UTF-8 too).
    [Property(MaxTest = 2000)]
    public Property FastUtf8Path_EqualsScalar_OnChangedBytes(InsBody body)
    {
        byte[] valid = Encoding.ASCII.GetBytes(InsMatricule.FromBody(body.Value) + PatientSuffix);
        Gen<(int Index, int Value)> change = from index in Gen.Choose(0, valid.Length - 1)
                                             from value in Gen.Choose(0, 255)
                                             select (index, value);
        return Prop.ForAll(change.ToArbitrary(), c =>
        {
            byte[] bytes = (byte[])valid.Clone();
            bytes[c.Index] = (byte)c.Value;
            return MssAddress.Validate(bytes) == AddressSyntax.CheckScalar(Encoding.UTF8.GetString(bytes), out _, out _, out _);
        });
    }

    // ADDR-1 / ADDR-3: any well-formed professional address is accepted, its domain lower-cased and its local part kept.
    [Property(MaxTest = 1000)]
    public Property ProfessionalAddress_Canonical()
    {
        Gen<char> letter = Gen.Elements("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".ToCharArray());
        Gen<char> atext = Gen.Frequency((8, letter), (1, Gen.Elements("!#$%&'*+-/=?^_`{|}~".ToCharArray())));
        Gen<string> atom = from n in Gen.Choose(1, 8)
                           from cs in Gen.ArrayOf(atext, n)
                           select new string(cs);
        // ADDR-3 (0.2): underscores inside a label, never at its ends (no hyphen here, so never "xn--").
        Gen<char> inner = Gen.Frequency((6, letter), (1, Gen.Constant('_')));
        Gen<string> label = from n in Gen.Choose(0, 9)
                            from first in letter
                            from middle in Gen.ArrayOf(inner, n)
                            from last in letter
                            select n == 0 ? first.ToString() : first + new string(middle) + last;
        Gen<(string Local, string Domain)> address =
            from atomCount in Gen.Choose(1, 3)
            from atoms in Gen.ArrayOf(atom, atomCount)
            from labelCount in Gen.Choose(1, 3)
            from labels in Gen.ArrayOf(label, labelCount)
            from suffix in Gen.Elements(".mssante.fr", ".MSSANTE.FR", ".MsSante.Fr")
            select (string.Join(".", atoms), string.Join(".", labels) + suffix);
        return Prop.ForAll(address.ToArbitrary(), a =>
        {
            string text = a.Local + "@" + a.Domain;
            bool isPatientDomain = string.Equals(a.Domain, "patient.mssante.fr", StringComparison.OrdinalIgnoreCase);
            return isPatientDomain
                || (MssAddress.TryParse(text, out MssAddress parsed)
                    && parsed.LocalPart == a.Local
                    && parsed.Domain == a.Domain.ToLowerInvariant()
                    && parsed.ToString() == a.Local + "@" + a.Domain.ToLowerInvariant()
                    && parsed == MssAddress.Parse(a.Local + "@" + a.Domain.ToUpperInvariant())
                    && MssAddress.TryParse(Encoding.UTF8.GetBytes(text), out MssAddress utf8) && utf8 == parsed);
        });
    }

    // ADDR-1 (0.2): x == y exactly when the texts typed are equal ignoring ASCII case; equal addresses have equal hashes.
    [Property(MaxTest = 2000)]
    public Property Equality_IgnoresCase_HashAgrees()
    {
        Gen<string> professional = from seed in Gen.Elements(
                                       "jean.dupont@ch-nord.mssante.fr", "Jean.Dupont@CH-Nord.mssante.fr", "jean.dupond@ch-nord.mssante.fr",
                                       "no_reply@ehpad_dumoulin.mssante.fr", "No_Reply@EHPAD_Dumoulin.mssante.fr", "a^b@c.mssante.fr", "a~b@c.mssante.fr",
                                       "a@b.mssante.fr", "185052a12345633@ch.mssante.fr")
                                   select seed;
        Gen<string> patient = from body in InsGenerators.BodyGen()
                              select InsGenerators.WithKey(body.Value, InsGenerators.ReferenceKey(body.Value)) + PatientSuffix;
        Gen<string> address = Gen.Frequency((3, professional), (1, patient), (1, Gen.Constant("185052A12345633@patient.mssante.fr")));
        Gen<string> recased = from text in address
                              from flips in Gen.ArrayOf(Gen.Elements(false, true), text.Length)
                              select new string(text.Select((c, i) => flips[i] && char.IsAsciiLetter(c) && !(i == 6 && text.EndsWith(PatientSuffix, StringComparison.Ordinal))
                                  ? (char)(c ^ 0x20) : c).ToArray());
        return Prop.ForAll(recased.ToArbitrary(), recased.ToArbitrary(), (left, right) =>
        {
            MssAddress x = MssAddress.Parse(left);
            MssAddress y = MssAddress.Parse(right);
            bool expected = string.Equals(left, right, StringComparison.OrdinalIgnoreCase);
            return ((x == y) == expected && (x != y) == !expected && x.Equals(y) == expected && x.Equals((object)y) == expected
                    && (y == x) == expected && (!expected || x.GetHashCode() == y.GetHashCode())
                    && string.Equals(x.ToString(), y.ToString(), StringComparison.OrdinalIgnoreCase) == expected)
                .Label($"{left} vs {right}");
        });
    }

    private static string Mutate(string valid, (int Index, char Value)[] changes, bool[] upper)
    {
        char[] chars = valid.ToCharArray();
        for (int i = 0; i < upper.Length; i++)
        {
            if (upper[i])
            {
                chars[16 + i] = char.ToUpperInvariant(chars[16 + i]);
            }
        }

        foreach ((int index, char value) in changes)
        {
            chars[index] = value;
        }

        return new string(chars);
    }
}
