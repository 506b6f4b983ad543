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
