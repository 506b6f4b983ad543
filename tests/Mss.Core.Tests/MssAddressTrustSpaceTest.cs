using System.Text;
using Mss.Core.Mime;

namespace Mss.Core.Tests;

/// <summary>
/// ADDR-1 0.3 through the address, recipients and builder overloads that take a <see cref="TrustSpace"/>: with ANS's
/// list, an address is inside exactly when its domain is listed; ADDR-2 keeps governing patient addresses; ADDR-3 and
/// ADDR-6 are unchanged.
/// </summary>
public class MssAddressTrustSpaceTest
{
    private const string Apicrypt = "dr.martin@interop-mssante.apicrypt.org";
    private const string Patient = "279035121518989@patient.mssante.fr"; // ANS's example (seeds, ADDR-2)

    /// <summary>
    /// ANS's real list (the signed copy's domains; its signature is TrustSpaceTest's), loaded by each test that uses it and
    /// never cached across tests (Stryker switches mutants inside one test process).
    /// </summary>
    private static class Real
    {
        public static TrustSpace Value => TrustSpace.LoadUnsignedWhitelist(new MemoryStream(TrustSpaceTestData.SignedCopy()));
    }

    /// <summary>A private list without patient.mssante.fr: ADDR-2 still applies there.</summary>
    private static TrustSpace Small => TrustSpace.FromDomains(["ch-nord.mssante.fr", "interop-mssante.apicrypt.org"]);

    [Theory]
    [InlineData(Apicrypt, AddressError.None)]
    [InlineData("Dr.Martin@INTEROP-MSSANTE.APICRYPT.ORG", AddressError.None)]
    [InlineData("secretariat@15-20.mssante.fr", AddressError.None)]
    [InlineData("secretariat@domaine-inconnu.mssante.fr", AddressError.NotMssante)] // the suffix alone no longer suffices
    [InlineData("x@apicrypt.org", AddressError.NotMssante)]
    [InlineData("x@interop-mssante.apicrypt.org.evil.com", AddressError.NotMssante)] // suffix trick
    [InlineData("x@evil-interop-mssante.apicrypt.org", AddressError.NotMssante)]
    [InlineData("x@xn--interop-mssante.apicrypt.org", AddressError.Syntax)] // punycode (ADDR-3)
    [InlineData("x@interop-mssante.apicrypt.\u03BFrg", AddressError.Syntax)] // Greek omicron look-alike (ADDR-3)
    [InlineData("x @interop-mssante.apicrypt.org", AddressError.Syntax)]
    [InlineData("", AddressError.Empty)]
    [InlineData(Patient, AddressError.None)]
    [InlineData("279035121518988@patient.mssante.fr", AddressError.InvalidPatientIns)] // ADDR-2 whatever the list says
    [InlineData("MAILER-DAEMON@patient.mssante.fr", AddressError.InvalidPatientIns)]
    public void Validate_RealList_InsideExactlyWhenListed(string address, AddressError expected)
    {
        TrustSpace list = Real.Value;
        Assert.Equal(expected, MssAddress.Validate(address, AddressStyles.None, list));
        Assert.Equal(expected, MssAddress.Validate(Encoding.UTF8.GetBytes(address), AddressStyles.None, list));
        Assert.Equal(expected == AddressError.None, MssAddress.TryParse(address, AddressStyles.None, list, out _));
        Assert.Equal(expected == AddressError.None, MssAddress.TryParse(address.AsSpan(), AddressStyles.None, list, out _));
    }

    [Theory]
    [InlineData(Patient, AddressError.None)]
    [InlineData("185052A12345633@patient.mssante.fr", AddressError.None)]
    [InlineData("185052a12345633@PATIENT.mssante.fr", AddressError.InvalidPatientIns)] // lower-case 2a: strict INS (INS-1)
    [InlineData("279035121518988@patient.mssante.fr", AddressError.InvalidPatientIns)]
    [InlineData("secretariat@ch-nord.mssante.fr", AddressError.None)]
    [InlineData("secretariat@ch-sud.mssante.fr", AddressError.NotMssante)]
    [InlineData("x@mssante.fr", AddressError.NotMssante)]
    public void Validate_ListWithoutThePatientDomain_PatientAddressesKeepAddr2(string address, AddressError expected)
    {
        Assert.False(Small.Contains("patient.mssante.fr"));
        Assert.Equal(expected, MssAddress.Validate(address, AddressStyles.None, Small));
        Assert.Equal(expected, MssAddress.Validate(Encoding.UTF8.GetBytes(address), AddressStyles.None, Small));
    }

    [Fact]
    public void Validate_ListNamingMssanteFrItself_ItIsInside()
    {
        TrustSpace list = TrustSpace.FromDomains(["mssante.fr"]);

        Assert.Equal(AddressError.None, MssAddress.Validate("x@mssante.fr", AddressStyles.None, list));
        Assert.Equal(AddressError.NotMssante, MssAddress.Validate("x@mssante.fr", AddressStyles.None, TrustSpace.MssanteFr));
        Assert.Equal(AddressError.NotMssante, MssAddress.Validate("x@ch.mssante.fr", AddressStyles.None, list));
    }

    [Fact]
    public void Validate_Lenient_DecorationsStrippedThenJudgedByTheList()
    {
        Assert.Equal(AddressError.None, MssAddress.Validate("  \"Martin, Dr\" <Dr.Martin@Interop-Mssante.Apicrypt.org> ", AddressStyles.Lenient, Real.Value));
        Assert.Equal(AddressError.None, MssAddress.Validate("mailto:" + Apicrypt, AddressStyles.Lenient, Real.Value));
        Assert.Equal(AddressError.None, MssAddress.Validate("185052a12345633@patient.mssante.fr", AddressStyles.Lenient, Small));
        Assert.Equal(AddressError.Syntax, MssAddress.Validate("<" + Apicrypt, AddressStyles.Lenient, Real.Value));
        Assert.Equal(AddressError.Syntax, MssAddress.Validate(" " + Apicrypt, AddressStyles.None, Real.Value));
        Assert.Equal(AddressError.NotMssante, MssAddress.Validate("Dr <x@inconnu.mssante.fr>", AddressStyles.Lenient, Real.Value));
        Assert.Equal(AddressError.None, MssAddress.Validate(Encoding.UTF8.GetBytes("Dr Martin <" + Apicrypt + ">"), AddressStyles.Lenient, Real.Value));
    }

    [Fact]
    public void Parse_ApicryptAddress_CanonicalWithDomainLowerCased()
    {
        MssAddress address = MssAddress.Parse("Dr.Martin@Interop-MSSante.Apicrypt.ORG", AddressStyles.None, Real.Value);

        Assert.Equal("Dr.Martin@interop-mssante.apicrypt.org", address.ToString());
        Assert.Equal("interop-mssante.apicrypt.org", address.Domain);
        Assert.Equal("Dr.Martin", address.LocalPart);
        Assert.False(address.IsPatient);
        Assert.Equal(MssAddress.Parse(Apicrypt, AddressStyles.None, Real.Value), address);
    }

    [Fact]
    public void TryParse_CanonicalApicryptString_IsHeldAsIs()
    {
        string text = Apicrypt;

        Assert.True(MssAddress.TryParse(text, AddressStyles.None, Real.Value, out MssAddress address));
        Assert.Same(text, address.ToString());
    }

    [Fact]
    public void TryParse_ListedPatientAndMssanteAddresses_SameValuesAsWithoutList()
    {
        foreach (string text in new[] { Patient, "Secretariat@15-20.MSSANTE.fr", "185052A12345633@patient.mssante.fr" })
        {
            Assert.True(MssAddress.TryParse(text, AddressStyles.None, Real.Value, out MssAddress withList));
            Assert.True(MssAddress.TryParse(text, AddressStyles.None, out MssAddress without));
            Assert.Equal(without, withList);
            Assert.Equal(without.ToString(), withList.ToString());
            Assert.Equal(without.IsPatient, withList.IsPatient);
        }
    }

    [Fact]
    public void Parse_Unlisted_ThrowsNotMssante()
    {
        MssAddressFormatException refused = Assert.Throws<MssAddressFormatException>(() => MssAddress.Parse("x@domaine-inconnu.mssante.fr", AddressStyles.None, Real.Value));

        Assert.Equal(AddressError.NotMssante, refused.Error);
        Assert.False(MssAddress.TryParse("x@domaine-inconnu.mssante.fr", AddressStyles.None, Real.Value, out MssAddress result));
        Assert.True(result.IsDefault);
        Assert.False(MssAddress.TryParse((string?)null, AddressStyles.None, Real.Value, out _));
    }

    [Fact]
    public void Overloads_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => MssAddress.Validate(Apicrypt, AddressStyles.None, null!));
        Assert.Throws<ArgumentNullException>(() => MssAddress.Validate(Encoding.UTF8.GetBytes(Apicrypt), AddressStyles.None, null!));
        Assert.Throws<ArgumentNullException>(() => MssAddress.TryParse(Apicrypt, AddressStyles.None, null!, out _));
        Assert.Throws<ArgumentNullException>(() => MssAddress.TryParse(Apicrypt.AsSpan(), AddressStyles.None, null!, out _));
        Assert.Throws<ArgumentNullException>(() => MssAddress.Parse(Apicrypt, AddressStyles.None, null!));
        Assert.Throws<ArgumentNullException>(() => MssAddress.Parse(null!, AddressStyles.None, Real.Value));
        Assert.Throws<ArgumentNullException>(() => MssRecipients.Check([Apicrypt], AddressStyles.None, CopyPolicy.Default, null!));
        Assert.Throws<ArgumentNullException>(() => new MssMessageBuilder(MssAddress.Parse("a@ch-nord.mssante.fr"), (TrustSpace)null!));
    }

    [Fact]
    public void Validate_WithList_AllocatesNothing()
    {
        TrustSpace trust = Real.Value;
        string[] inputs = [Apicrypt, "secretariat@15-20.mssante.fr", "x@domaine-inconnu.mssante.fr", Patient, "Dr Martin <" + Apicrypt + ">"];
        byte[] utf8 = Encoding.UTF8.GetBytes(Apicrypt);

        Assert.Equal(0, Allocations.Measure(Run, 100, out int[] results));
        Assert.All(results, r => Assert.Equal(5, r));

        int Run()
        {
            int valid = 0;
            foreach (string s in inputs)
            {
                valid += MssAddress.Validate(s, AddressStyles.Lenient, trust) == AddressError.None ? 1 : 0;
            }

            valid += MssAddress.Validate(utf8, AddressStyles.None, trust) == AddressError.None ? 1 : 0;
            return valid;
        }
    }

    // ---- MssRecipients (ADDR-4 against the list) ----

    [Fact]
    public void Check_WithList_AcceptsListedRefusesUnlisted()
    {
        RecipientsReport report = MssRecipients.Check(
            [Apicrypt, "secretariat@domaine-inconnu.mssante.fr", "a..b@interop-mssante.apicrypt.org", Patient, "x@evil.com", "DR.MARTIN@interop-mssante.apicrypt.org"],
            AddressStyles.None,
            CopyPolicy.Default,
            Real.Value);

        Assert.Equal([Apicrypt, Patient], report.Accepted.Select(a => a.ToString()));
        Assert.Equal([5], report.Duplicates);
        Assert.Equal(
            [(1, AddressError.NotMssante, DomainVerdict.OutsideTrustSpace), (2, AddressError.Syntax, DomainVerdict.Mssante), (4, AddressError.NotMssante, DomainVerdict.OutsideTrustSpace)],
            report.Refused.Select(r => (r.Index, r.Error, r.Verdict)));
    }

    [Fact]
    public void Check_WithListLookAlikeDomain_KeepsTheLookAlikeVerdict()
    {
        RecipientsReport report = MssRecipients.Check(["x@mssante.fr.evil.com", "x@xn--mssant-bva.fr"], AddressStyles.None, CopyPolicy.Default, Real.Value);

        Assert.Equal([DomainVerdict.SuffixTrick, DomainVerdict.Punycode], report.Refused.Select(r => r.Verdict));
    }

    [Fact]
    public void Check_MssanteFr_SameReportAs02()
    {
        string?[] recipients = [Apicrypt, "secretariat@ch-nord.mssante.fr", null, "x@mssante.fr.evil.com", Patient];

        RecipientsReport with = MssRecipients.Check(recipients, AddressStyles.None, CopyPolicy.Default, TrustSpace.MssanteFr);
        RecipientsReport without = MssRecipients.Check(recipients, AddressStyles.None, CopyPolicy.Default);

        Assert.Equal(without.Accepted, with.Accepted);
        Assert.Equal(without.Refused, with.Refused);
    }

    // ---- MssMessageBuilder ----

    [Fact]
    public void Builder_WithList_AcceptsListedRecipientsAndPatients()
    {
        MssAddress from = MssAddress.Parse("secretariat@15-20.mssante.fr");
        MssAddress apicrypt = MssAddress.Parse(Apicrypt, AddressStyles.None, Real.Value);

        MimeKit.MimeMessage message = new MssMessageBuilder(from, Real.Value)
            .To(apicrypt)
            .Cc(MssAddress.Parse(Patient))
            .Subject("Compte rendu")
            .TextBody("Bonjour")
            .Build();

        Assert.Equal([Apicrypt], message.To.Mailboxes.Select(m => m.Address));
        Assert.Equal([Patient], message.Cc.Mailboxes.Select(m => m.Address));
    }

    [Fact]
    public void Builder_WithList_RefusesAnUnlistedMssanteAddress()
    {
        MssAddress unlisted = MssAddress.Parse("secretariat@domaine-inconnu.mssante.fr");
        var builder = new MssMessageBuilder(MssAddress.Parse("secretariat@15-20.mssante.fr"), Real.Value);

        ArgumentException refused = Assert.Throws<ArgumentException>(() => builder.To(unlisted));
        Assert.Throws<ArgumentException>(() => builder.Cc(unlisted));
        Assert.Contains("domaine-inconnu.mssante.fr", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Builder_Default_RefusesAnAddressOnlyAListAdmits()
    {
        // 0.2's builder (TrustSpace.MssanteFr): an APICRYPT address could not exist in 0.2; it stays outside.
        MssAddress apicrypt = MssAddress.Parse(Apicrypt, AddressStyles.None, Real.Value);
        var builder = new MssMessageBuilder(MssAddress.Parse("secretariat@ch-nord.mssante.fr"));

        Assert.Throws<ArgumentException>(() => builder.To(apicrypt));
        Assert.Same(builder, builder.To(MssAddress.Parse("secretariat@domaine-inconnu.mssante.fr")));
    }
}
