using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Mss.Core.Tests;

/// <summary>The domain verdict: why a domain is or is not in the trust space (ADDR-1, ADDR-3).</summary>
public class MssDomainTest
{
    [Theory]
    // ADDR-1: in the trust space, any case.
    [InlineData("ch-nord.mssante.fr", DomainVerdict.Mssante)]
    [InlineData("patient.mssante.fr", DomainVerdict.Mssante)]
    [InlineData("a.b.c.mssante.fr", DomainVerdict.Mssante)]
    [InlineData("CH-NORD.MSSANTE.FR", DomainVerdict.Mssante)]
    // ADDR-1: the trust domain itself, no label boundary, suffix trick, wrong TLD, elsewhere.
    [InlineData("mssante.fr", DomainVerdict.MissingSubdomain)]
    [InlineData("MSSante.FR", DomainVerdict.MissingSubdomain)]
    [InlineData("notmssante.fr", DomainVerdict.NoLabelBoundary)]
    [InlineData("ch.notmssante.fr", DomainVerdict.NoLabelBoundary)]
    [InlineData("ch-mssante.fr", DomainVerdict.NoLabelBoundary)]
    [InlineData("mssante.fr.evil.com", DomainVerdict.SuffixTrick)]
    [InlineData("ch.mssante.fr.evil.com", DomainVerdict.SuffixTrick)]
    [InlineData("ch.mssante.fr.com", DomainVerdict.SuffixTrick)]
    [InlineData("mssante.france.com", DomainVerdict.SuffixTrick)]
    [InlineData("mssante.com", DomainVerdict.WrongTld)]
    [InlineData("ch.mssante.com", DomainVerdict.WrongTld)]
    [InlineData("ch.MSSANTE.org", DomainVerdict.WrongTld)]
    [InlineData("gmail.com", DomainVerdict.OutsideTrustSpace)]
    [InlineData("mssante.gouv.fr", DomainVerdict.OutsideTrustSpace)]
    [InlineData("localhost", DomainVerdict.OutsideTrustSpace)]
    [InlineData("mssante-fr.com", DomainVerdict.OutsideTrustSpace)]
    // ADDR-3: non-ASCII look-alikes (accent, Cyrillic а and е, Greek ο, full-width, invisible soft hyphen, ideographic dot).
    [InlineData("mssanté.fr", DomainVerdict.Confusable)]
    [InlineData("ch.mssanté.fr", DomainVerdict.Confusable)]
    [InlineData("ch.mss\u0430nte.fr", DomainVerdict.Confusable)]
    [InlineData("ch.mssant\u0435.fr", DomainVerdict.Confusable)]
    [InlineData("ch.MSS\u0410NTE.fr", DomainVerdict.Confusable)]
    [InlineData("ch.\uFF4D\uFF53\uFF53\uFF41\uFF4E\uFF54\uFF45.fr", DomainVerdict.Confusable)]
    [InlineData("ch.mss\u00ADante.fr", DomainVerdict.Confusable)]
    [InlineData("ch.mssante\u3002fr", DomainVerdict.Confusable)]
    [InlineData("hôpital.mssante.fr", DomainVerdict.Confusable)]
    [InlineData("hôpital.fr", DomainVerdict.NonAscii)]
    [InlineData("ch.mssante.fr\uD800", DomainVerdict.Confusable)]
    [InlineData("\uD800", DomainVerdict.NonAscii)]
    // ADDR-3: punycode, then other malformed domains.
    [InlineData("xn--mssant-bva.fr", DomainVerdict.Punycode)]
    [InlineData("xn--ch.mssante.fr", DomainVerdict.Punycode)]
    [InlineData("ch.XN--abc.mssante.fr", DomainVerdict.Punycode)]
    // ADDR-3 (0.2): an underscore inside a label (seed 002's nominative box), never at either end of a label.
    [InlineData("ehpad_dumoulin.mssante.fr", DomainVerdict.Mssante)]
    [InlineData("a__b.c_d.mssante.fr", DomainVerdict.Mssante)]
    [InlineData("ehpad_dumoulin.mssante.com", DomainVerdict.WrongTld)]
    [InlineData("ehpad_dumoulin.fr", DomainVerdict.OutsideTrustSpace)]
    [InlineData("_ehpad.mssante.fr", DomainVerdict.Malformed)]
    [InlineData("ehpad_.mssante.fr", DomainVerdict.Malformed)]
    [InlineData("ch._a.mssante.fr", DomainVerdict.Malformed)]
    [InlineData("_.mssante.fr", DomainVerdict.Malformed)]
    [InlineData("", DomainVerdict.Malformed)]
    [InlineData("ch.mssante.fr.", DomainVerdict.Malformed)]
    [InlineData(".ch.mssante.fr", DomainVerdict.Malformed)]
    [InlineData("ch..mssante.fr", DomainVerdict.Malformed)]
    [InlineData("-ch.mssante.fr", DomainVerdict.Malformed)]
    [InlineData("ch-.mssante.fr", DomainVerdict.Malformed)]
    [InlineData("ch.mssante.fr>", DomainVerdict.Malformed)]
    [InlineData("ch .mssante.fr", DomainVerdict.Malformed)]
    [InlineData("[192.168.0.1]", DomainVerdict.Malformed)]
    public void Classify_Table(string domain, DomainVerdict expected)
    {
        Assert.Equal(expected, MssDomain.Classify(domain));
        Assert.Equal(expected, MssDomain.ClassifyAddress("x@" + domain));
        Assert.Equal(expected == DomainVerdict.Mssante, MssDomain.IsTrusted(domain));
    }

    [Fact]
    public void Classify_Lengths_Malformed()
    {
        Assert.Equal(DomainVerdict.Mssante, MssDomain.Classify(new string('a', 63) + ".mssante.fr"));
        Assert.Equal(DomainVerdict.Malformed, MssDomain.Classify(new string('a', 64) + ".mssante.fr"));
        string long253 = string.Join(".", Enumerable.Repeat(new string('a', 60), 3)) + "." + new string('b', 59) + ".mssante.fr";
        Assert.Equal(253, long253.Length);
        Assert.Equal(DomainVerdict.Mssante, MssDomain.Classify(long253));
        // ADDR-3: a 253-character domain is a domain, but "x@" + it is 255 characters: no address fits (documented).
        Assert.Equal(AddressError.TooLong, MssAddress.Validate("x@" + long253));
        Assert.Equal(AddressError.None, MssAddress.Validate("x@" + long253.Substring(1)));
        Assert.Equal(DomainVerdict.Malformed, MssDomain.Classify("a" + long253));
        Assert.Equal(DomainVerdict.Malformed, MssDomain.Classify(new string('é', 10_000_000)));
    }

    [Theory]
    [InlineData("jean@mssante.fr.evil.com", DomainVerdict.SuffixTrick)]
    [InlineData("\"a@b\"@ch.mssante.fr", DomainVerdict.Mssante)]
    [InlineData("Jean <jean@ch.mssante.fr>", DomainVerdict.Malformed)]
    [InlineData("jean", DomainVerdict.Malformed)]
    [InlineData("", DomainVerdict.Malformed)]
    [InlineData("jean@", DomainVerdict.Malformed)]
    public void ClassifyAddress_JudgesTheTextAfterTheLastAt(string address, DomainVerdict expected)
    {
        Assert.Equal(expected, MssDomain.ClassifyAddress(address));
    }

    // ADDR-3 look-alikes: every folded character, put in place of the letter it imitates, makes the domain read as
    // mssante; a non-ASCII letter that imitates nothing leaves it merely non-ASCII.
    [Theory]
    [InlineData('a', '\u0430')]
    [InlineData('a', '\u0410')]
    [InlineData('a', '\u03B1')]
    [InlineData('a', '\u0391')]
    [InlineData('e', '\u0435')]
    [InlineData('e', '\u0415')]
    [InlineData('e', '\u0395')]
    [InlineData('e', '\u03B5')]
    [InlineData('m', '\u041C')]
    [InlineData('m', '\u043C')]
    [InlineData('m', '\u039C')]
    [InlineData('n', '\u0578')]
    [InlineData('n', '\u039D')]
    [InlineData('n', '\u03B7')]
    [InlineData('s', '\u0455')]
    [InlineData('s', '\u0405')]
    [InlineData('t', '\u0442')]
    [InlineData('t', '\u0422')]
    [InlineData('t', '\u03A4')]
    [InlineData('t', '\u03C4')]
    public void Classify_EachLookAlike_Confusable(char letter, char lookAlike)
    {
        int at = "mssante".IndexOf(letter, StringComparison.Ordinal);
        string imitation = "mssante".Substring(0, at) + lookAlike + "mssante".Substring(at + 1);
        Assert.Equal(DomainVerdict.Confusable, MssDomain.Classify("ch." + imitation + ".fr"));
        Assert.Equal(DomainVerdict.Confusable, MssDomain.Classify("MSSANTE".Substring(0, at) + lookAlike + "MSSANTE".Substring(at + 1) + ".FR"));
        string other = "mssante".Substring(0, at) + '\u0436' + "mssante".Substring(at + 1); // Cyrillic zhe imitates nothing
        Assert.Equal(DomainVerdict.NonAscii, MssDomain.Classify("ch." + other + ".fr"));
    }

    // ADDR-3: marks of every kind are dropped from the skeleton (spacing combining, enclosing, format), ASCII case ignored.
    [Theory]
    [InlineData("ch.mss\u0903ante.fr")]
    [InlineData("ch.mss\u20DDante.fr")]
    [InlineData("ch.mss\u200Bante.fr")]
    [InlineData("CH.MSSANT\u00C9.FR")]
    public void Classify_MarksDroppedAndCaseIgnored_Confusable(string domain) =>
        Assert.Equal(DomainVerdict.Confusable, MssDomain.Classify(domain));

    // The first non-ASCII character, U+0080, is non-ASCII (not a label character of the ASCII table).
    [Fact]
    public void Classify_FirstNonAsciiCharacter_NonAscii()
    {
        Assert.Equal(DomainVerdict.NonAscii, MssDomain.Classify("ch\u0080.fr"));
        Assert.Equal(DomainVerdict.NonAscii, MssDomain.Classify("\u0080"));
    }

    // Surrogates, built in code (xUnit's theory data would turn lone surrogates into U+FFFD): a pair is one character
    // that decomposes (mathematical bold letters read as ASCII); a lone surrogate reads as U+FFFD and does not stop the
    // rest from decomposing; a high surrogate at the very end is not read past.
    [Fact]
    public void Classify_Surrogates()
    {
        string bold = char.ConvertFromUtf32(0x1D426) + char.ConvertFromUtf32(0x1D42C) + char.ConvertFromUtf32(0x1D42C)
            + char.ConvertFromUtf32(0x1D41A) + char.ConvertFromUtf32(0x1D427) + char.ConvertFromUtf32(0x1D42D) + char.ConvertFromUtf32(0x1D41E);
        Assert.Equal(DomainVerdict.Confusable, MssDomain.Classify("ch." + bold + ".fr"));
        Assert.Equal(DomainVerdict.NonAscii, MssDomain.Classify("ch." + char.ConvertFromUtf32(0x1D426) + ".fr"));
        Assert.Equal(DomainVerdict.Confusable, MssDomain.Classify("ch.mssante.fr" + '\uD835'));
        Assert.Equal(DomainVerdict.NonAscii, MssDomain.Classify("ch.fr" + '\uD835'));
        Assert.Equal(DomainVerdict.Confusable, MssDomain.Classify('\uDC00' + "ch.\uFF4Dssante.fr"));
        Assert.Equal(DomainVerdict.Confusable, MssDomain.Classify("ch." + '\uD835' + "\uFF4Dssante.fr"));
        Assert.Equal(DomainVerdict.NonAscii, MssDomain.ClassifyAddress("x@ch.fr" + '\uDBFF'));
    }

    // The text after the last '@', even when the '@' comes first.
    [Fact]
    public void ClassifyAddress_AtFirst_JudgesTheDomain() =>
        Assert.Equal(DomainVerdict.Mssante, MssDomain.ClassifyAddress("@ch.mssante.fr"));

    // ADDR-1 / ADDR-3: a domain is Mssante exactly when an address on it is accepted (or refused for its INS only);
    // the character verdicts are Syntax or TooLong errors; the trust-space verdicts are NotMssante.
    [Property(MaxTest = 3000)]
    public Property Classify_AgreesWithValidate()
    {
        Gen<string> piece = Gen.Elements(
            "mssante", "fr", "com", "ch", "patient", "not", "-", "_", "xn--", "é", "\u0430", "a", "1", "MSSANTE", "FR", " ", "@", "x-y");
        Gen<string> label = from n in Gen.Choose(0, 3)
                            from parts in Gen.ArrayOf(piece, n)
                            select string.Concat(parts);
        Gen<string> domain = from n in Gen.Choose(1, 5)
                             from labels in Gen.ArrayOf(label, n)
                             select string.Join(".", labels);
        return Prop.ForAll(domain.ToArbitrary(), d =>
        {
            DomainVerdict verdict = MssDomain.Classify(d);
            AddressError error = MssAddress.Validate("x@" + d);
            return verdict switch
            {
                DomainVerdict.Mssante => error is AddressError.None or AddressError.InvalidPatientIns,
                DomainVerdict.Malformed or DomainVerdict.NonAscii or DomainVerdict.Confusable or DomainVerdict.Punycode =>
                    error is AddressError.Syntax or AddressError.TooLong,
                _ => error == AddressError.NotMssante,
            };
        });
    }

    [Property(MaxTest = 1000)]
    public bool Classify_NeverThrows_NeverNone(string? s) =>
        MssDomain.Classify(s) != DomainVerdict.None && MssDomain.ClassifyAddress(s) != DomainVerdict.None;
}
