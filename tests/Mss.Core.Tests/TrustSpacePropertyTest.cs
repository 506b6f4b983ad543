using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Mss.Core.Tests;

/// <summary>
/// ADDR-1 0.3 properties: a private list contains exactly its domains, ASCII case ignored; the overloads given
/// <see cref="TrustSpace.MssanteFr"/> are 0.2's; with a list, the verdict is the syntax core's, then "listed or not" on
/// the domain, patients aside (ADDR-2); UTF-8 and UTF-16 agree.
/// </summary>
[Properties(MaxTest = 1000)]
public class TrustSpacePropertyTest
{
    private static readonly string[] Domains =
    [
        "ch-nord.mssante.fr", "interop-mssante.apicrypt.org", "mssante.apicrypt.org", "patient.mssante.fr", "mssante.fr",
        "ehpad_dumoulin.mssante.fr", "a.b.c.example.org", "x.mssante.fr.evil.com", "xn--mssant-bva.fr", "é.mssante.fr", "straße.test",
    ];

    private static readonly string[] LocalParts = ["jean.dupont", "Dr.Martin", "279035121518989", "185052A12345633", "185052a12345633", "a..b", "", "MAILER-DAEMON"];

    private static Gen<string> RandomCase(string text) =>
        Gen.ArrayOf(Gen.Elements(false, true), text.Length)
            .Select(flips => new string(text.Select((c, i) => flips[i] && c < 128 ? (char.IsLower(c) ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c)) : c).ToArray()));

    private static Gen<string> DomainGen() =>
        Gen.Frequency(
            (6, Gen.Elements(Domains).SelectMany(RandomCase)),
            (1, ArbMap.Default.GeneratorFor<NonEmptyString>().Select(s => s.Get)));

    private static Gen<string[]> ListGen() =>
        from n in Gen.Choose(0, 6)
        from domains in Gen.ArrayOf(DomainGen(), n)
        select domains;

    private static Gen<string> AddressGen() =>
        Gen.Frequency(
            (8, from local in Gen.Elements(LocalParts)
                from domain in DomainGen()
                from decorate in Gen.Elements("{0}", "{0}", " {0} ", "Dr X <{0}>", "mailto:{0}", "<{0}")
                select string.Format(System.Globalization.CultureInfo.InvariantCulture, decorate, local + "@" + domain)),
            (1, ArbMap.Default.GeneratorFor<string>().Select(s => s ?? string.Empty)));

    private static Gen<AddressStyles> StylesGen() => Gen.Choose(0, 31).Select(i => (AddressStyles)i);

    private static bool AsciiEqualsIgnoreCase(string a, string b) =>
        a.Length == b.Length && a.Zip(b).All(p => Lower(p.First) == Lower(p.Second));

    private static char Lower(char c) => c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;

    [Property]
    public Property FromDomains_ContainsExactlyTheListedDomainsAsciiCaseIgnored() =>
        Prop.ForAll(
            ListGen().ToArbitrary(),
            DomainGen().ToArbitrary(),
            (list, domain) =>
            {
                TrustSpace trust = TrustSpace.FromDomains(list);
                bool expected = list.Any(d => AsciiEqualsIgnoreCase(d, domain));
                int distinct = list.Select((d, i) => (d, i)).Count(x => !list.Take(x.i).Any(p => AsciiEqualsIgnoreCase(p, x.d)));
                return trust.Contains(domain) == expected && list.All(trust.Contains) && trust.Count == distinct;
            });

    [Property]
    public Property MssanteFrOverloads_Equal02Overloads() =>
        Prop.ForAll(
            AddressGen().ToArbitrary(),
            StylesGen().ToArbitrary(),
            (text, styles) =>
            {
                bool parsedWith = MssAddress.TryParse(text, styles, TrustSpace.MssanteFr, out MssAddress with);
                bool parsedWithout = MssAddress.TryParse(text, styles, out MssAddress without);
                byte[] utf8 = Encoding.UTF8.GetBytes(text);
                return MssAddress.Validate(text, styles, TrustSpace.MssanteFr) == MssAddress.Validate(text, styles)
                    && MssAddress.Validate(utf8, styles, TrustSpace.MssanteFr) == MssAddress.Validate(utf8, styles)
                    && parsedWith == parsedWithout
                    && with == without
                    && with.ToString() == without.ToString();
            });

    [Property]
    public Property WithList_VerdictIsTheCoresThenTheListsOnTheDomain() =>
        Prop.ForAll(
            ListGen().ToArbitrary(),
            AddressGen().ToArbitrary(),
            (list, text) =>
            {
                TrustSpace trust = TrustSpace.FromDomains(list);
                AddressError core = MssAddress.Validate(text, AddressStyles.None);
                AddressError expected = core;
                if (core is AddressError.None or AddressError.NotMssante)
                {
                    string domain = text[(text.LastIndexOf('@') + 1)..];
                    bool patient = string.Equals(domain, "patient.mssante.fr", StringComparison.OrdinalIgnoreCase);
                    bool listed = list.Any(d => AsciiEqualsIgnoreCase(d, domain));
                    expected = patient ? core : listed ? AddressError.None : AddressError.NotMssante;
                }

                return MssAddress.Validate(text, AddressStyles.None, trust) == expected;
            });

    [Property]
    public Property WithList_Utf8AgreesWithUtf16AndParseAgreesWithValidate() =>
        Prop.ForAll(
            ListGen().ToArbitrary(),
            AddressGen().ToArbitrary(),
            StylesGen().ToArbitrary(),
            (list, text, styles) =>
            {
                TrustSpace trust = TrustSpace.FromDomains(list);
                AddressError verdict = MssAddress.Validate(text, styles, trust);
                bool parsed = MssAddress.TryParse(text, styles, trust, out MssAddress address);
                bool sameAsWithout = !parsed || !MssAddress.TryParse(address.ToString(), out MssAddress plain) || plain == address;
                return MssAddress.Validate(Encoding.UTF8.GetBytes(text), styles, trust) == verdict
                    && parsed == (verdict == AddressError.None)
                    && sameAsWithout
                    && (!parsed || MssAddress.Validate(address.ToString(), AddressStyles.None, trust) == AddressError.None);
            });
}
