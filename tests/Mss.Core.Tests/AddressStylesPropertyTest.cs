using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Mss.Core.Tests;

/// <summary>ADDR-6 properties: decorated canonical addresses give the canonical address; UTF-8 = UTF-16; never throws.</summary>
[Properties(Arbitrary = [typeof(InsGenerators)], MaxTest = 1000)]
public class AddressStylesPropertyTest
{
    // Unicode white space (char.IsWhiteSpace), ASCII and not.
    private static readonly char[] WhiteSpace =
        [' ', '\t', '\n', '\r', '\u000B', '\u000C', '\u0085', '\u00A0', '\u1680', '\u2000', '\u2003', '\u200A', '\u2028', '\u2029', '\u202F', '\u205F', '\u3000'];

    private static readonly string[] Names = ["Dr Jean Durand", "Hélène Müller", "Jean Durand (CH Le Mans)", "Dr. J. Durand", "Secrétariat — cardiologie", ""];

    private static readonly string[] QuotedNames = ["\"Durand, Jean\"", "\"Jean <Durand> @ CH; x:y\"", "\"Dr \\\"Jo\\\" Durand\"", "\"\"", "\"Müller, Hélène\""];

    private static readonly string[] Mailto = ["mailto:", "MAILTO:", "MailTo:", "mAiLtO:"];

    private static Gen<string> Spaces(int max) =>
        from n in Gen.Choose(0, max)
        from cs in Gen.ArrayOf(Gen.Elements(WhiteSpace), n)
        select new string(cs);

    private static Gen<string> RandomCase(string text) =>
        Gen.ArrayOf(Gen.Elements(false, true), text.Length)
            .Select(flips => new string(text.Select((c, i) => flips[i] ? char.ToUpperInvariant(c) : c).ToArray()));

    /// <summary>(typed bare address, canonical text written by the test): professional or patient, any domain case.</summary>
    private static Gen<(string Typed, string Canonical)> BareAddress()
    {
        Gen<char> letter = Gen.Elements("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".ToCharArray());
        Gen<char> atext = Gen.Frequency((8, letter), (1, Gen.Elements("!#$%&'*+-/=?^_`{|}~".ToCharArray())));
        Gen<string> atom = from n in Gen.Choose(1, 8)
                           from cs in Gen.ArrayOf(atext, n)
                           select new string(cs);
        Gen<char> inner = Gen.Frequency((6, letter), (1, Gen.Constant('_')));
        Gen<string> label = from n in Gen.Choose(0, 9)
                            from first in letter
                            from middle in Gen.ArrayOf(inner, n)
                            from last in letter
                            select n == 0 ? first.ToString() : first + new string(middle) + last;
        Gen<(string, string)> professional =
            from atomCount in Gen.Choose(1, 3)
            from atoms in Gen.ArrayOf(atom, atomCount)
            from labelCount in Gen.Choose(1, 3)
            from labels in Gen.ArrayOf(label, labelCount)
            let local = string.Join(".", atoms)
            let domain = string.Join(".", labels) + ".mssante.fr"
            where !string.Equals(domain, "patient.mssante.fr", StringComparison.OrdinalIgnoreCase)
            from typedDomain in RandomCase(domain)
            select (local + "@" + typedDomain, local + "@" + domain.ToLowerInvariant());
        Gen<(string, string)> patient =
            from body in InsGenerators.BodyGen()
            let canonical = InsGenerators.WithKey(body.Value, InsGenerators.ReferenceKey(body.Value))
            from lowerCorsica in Gen.Elements(false, true)
            from typedDomain in RandomCase("patient.mssante.fr")
            let typed = lowerCorsica ? canonical.Replace("2A", "2a", StringComparison.Ordinal).Replace("2B", "2b", StringComparison.Ordinal) : canonical
            select (typed + "@" + typedDomain, canonical + "@patient.mssante.fr");
        return Gen.Frequency((1, professional), (1, patient));
    }

    /// <summary>A bare address decorated in one of the ways ADDR-6 allows (or not at all), and its canonical text.</summary>
    private static Gen<(string Typed, string Canonical, bool IsDecorated)> Decorated() =>
        from bare in BareAddress()
        from mailto in Gen.Frequency((3, Gen.Constant(string.Empty)), (1, Gen.Elements(Mailto)))
        from form in Gen.Choose(0, 3)
        from name in form == 3 ? Gen.Elements(QuotedNames) : Gen.Elements(Names)
        from innerBefore in Spaces(2)
        from innerAfter in Spaces(2)
        from gap in Spaces(2)
        from before in Spaces(3)
        from after in Spaces(3)
        let address = mailto + bare.Typed
        let framed = form switch
        {
            0 => address,
            1 => "<" + innerBefore + address + innerAfter + ">",
            _ => name + gap + "<" + innerBefore + address + innerAfter + ">",
        }
        select (before + framed + after, bare.Canonical, before.Length + after.Length + mailto.Length != 0 || form != 0);

    // ADDR-6: a canonical address decorated in every allowed way parses, leniently, to the canonical address; UTF-8 too.
    [Property]
    public Property Lenient_DecoratedCanonical_GivesCanonical() =>
        Prop.ForAll(Decorated().ToArbitrary(), d =>
        {
            byte[] utf8 = Encoding.UTF8.GetBytes(d.Typed);
            bool ok = MssAddress.TryParse(d.Typed, AddressStyles.Lenient, out MssAddress parsed);
            bool utf8Ok = MssAddress.TryParse(utf8, AddressStyles.Lenient, out MssAddress fromUtf8);
            return (ok && utf8Ok
                    && parsed.ToString() == d.Canonical && fromUtf8.ToString() == d.Canonical
                    && MssAddress.Validate(d.Typed.AsSpan(), AddressStyles.Lenient) == AddressError.None
                    && MssAddress.Validate(utf8, AddressStyles.Lenient) == AddressError.None
                    && parsed == MssAddress.Parse(d.Canonical))
                .Label($"{d.Typed} -> {parsed} / {fromUtf8}, expected {d.Canonical}");
        });

    // ADDR-6: strict parsing stays the default: every decoration is refused without styles, and with AddressStyles.None.
    [Property]
    public Property Strict_RefusesDecorations() =>
        Prop.ForAll(Decorated().ToArbitrary(), d =>
            !d.IsDecorated
            || (MssAddress.Validate(d.Typed) != AddressError.None && !MssAddress.TryParse(d.Typed, out _)
                && MssAddress.Validate(d.Typed.AsSpan(), AddressStyles.None) != AddressError.None));

    // INS-8: whatever the styles and the decoration, a refused patient address never shows its INS in the exception.
    [Property]
    public Property Parse_Refused_ExceptionNeverCarriesIns(InsBody body) =>
        Prop.ForAll(Decorated().ToArbitrary(), Gen.Choose(0, 99).ToArbitrary(), (d, key) =>
        {
            string ins = InsGenerators.WithKey(body.Value, key);
            string typed = d.Typed.Replace(d.Canonical, ins + "@patient.mssante.fr", StringComparison.OrdinalIgnoreCase) + (key % 2 == 0 ? "," : string.Empty);
            try
            {
                MssAddress.Parse(typed, AddressStyles.Lenient);
                return key % 2 != 0;
            }
            catch (MssAddressFormatException e)
            {
                string shown = e.ToString();
                return !shown.Contains(body.Value.Substring(0, 7), StringComparison.Ordinal)
                    && !shown.Contains(body.Value.Substring(6), StringComparison.Ordinal);
            }
        });

    // Characters that break decorations: brackets, quotes, escapes, separators, white space, non-ASCII.
    private static readonly char[] DecorationMutations =
        ['<', '>', '"', '\\', ',', ';', ':', '@', ' ', '\u00A0', '\u3000', '\u200B', '\uFEFF', 'a', 'A', '_', '.', '\u00E9', '\uD83D', '\u0000'];

    // Try… never throws, whatever the styles (unknown bits too); TryParse, Parse and Validate agree; UTF-8 = UTF-16.
    [Property(MaxTest = 3000)]
    public Property AnyStyles_Utf8EqualsUtf16_NeverThrows()
    {
        Gen<(int Kind, int Position, char Value)> edit = from kind in Gen.Choose(0, 2)
                                                         from position in Gen.Choose(0, 1000)
                                                         from value in Gen.Elements(DecorationMutations)
                                                         select (kind, position, value);
        Gen<string> text = from d in Decorated()
                           from count in Gen.Choose(0, 3)
                           from edits in Gen.ArrayOf(edit, count)
                           select Edit(d.Typed, edits);
        Gen<AddressStyles> styles = Gen.Frequency((4, Gen.Choose(0, 15)), (1, Gen.Choose(-64, 64))).Select(i => (AddressStyles)i);
        return Prop.ForAll(Gen.Frequency((4, text), (1, ArbMap.Default.ArbFor<string>().Generator)).ToArbitrary(), styles.ToArbitrary(), (s, st) => Agree(s, st));
    }

    private static bool Agree(string? s, AddressStyles styles)
    {
        AddressError error = MssAddress.Validate(s.AsSpan(), styles);
        bool ok = MssAddress.TryParse(s, styles, out MssAddress parsed);
        bool spanOk = MssAddress.TryParse(s.AsSpan(), styles, out MssAddress fromSpan);
        byte[] utf8 = Encoding.UTF8.GetBytes(s ?? string.Empty);
        bool utf8Ok = MssAddress.TryParse(utf8, styles, out MssAddress fromUtf8);
        AddressError thrown = AddressError.None;
        if (s is not null)
        {
            try
            {
                MssAddress.Parse(s, styles);
            }
            catch (MssAddressFormatException e)
            {
                thrown = e.Error;
            }
        }

        bool isUtf16Text = s is null || Encoding.UTF8.GetString(utf8) == s;
        return ok == (error == AddressError.None) && spanOk == ok && fromSpan == parsed && (ok || parsed.IsDefault)
            && (s is null || thrown == error)
            && (!isUtf16Text || (MssAddress.Validate(utf8, styles) == error && utf8Ok == ok && fromUtf8 == parsed
                && fromUtf8.ToString() == parsed.ToString()))
            && ((styles & AddressStyles.Lenient) != AddressStyles.None || error == MssAddress.Validate(s.AsSpan()));
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
}
