using Mss.Core.Directory;

namespace Mss.Core.Tests.Directory;

/// <summary>
/// BAL-7 0.3 with ADDR-1 0.3: the extraction file's boxes kept by trust space. Without one, 0.2's <c>.mssante.fr</c> rule;
/// with ANS's liste blanche (the real signed copy's domains, TestData/TrustSpace), the APICRYPT boxes it lists are kept
/// and a <c>.mssante.fr</c> domain it does not list is skipped and counted.
/// </summary>
public class ExtractionTrustSpaceTest
{
    private const string Apicrypt = "dr.martin@interop-mssante.apicrypt.org";
    private const string Listed = "secretariat@15-20.mssante.fr";
    private const string Unlisted = "secretariat@domaine-inconnu.mssante.fr";

    private static string File() => ExtractionTestData.File(
        ExtractionTestData.Box("PER", Apicrypt, "810000000019", family: "MARTIN"),
        ExtractionTestData.Box("ORG", Listed, structureType: "1", structure: "750100125"),
        ExtractionTestData.Box("ORG", Unlisted),
        ExtractionTestData.Box("PER", "x@apicrypt.org"));

    private static string[] Addresses(MssDirectory directory) => directory.Entries.Select(e => e.Address.ToString()).ToArray();

    [Fact]
    public void WithoutTrustSpace_SuffixRule()
    {
        MssDirectory directory = MssDirectory.LoadExtraction(ExtractionTestData.Stream(File()));

        Assert.Equal(new[] { Listed, Unlisted }, Addresses(directory));
        Assert.Equal(2, directory.Skipped);
    }

    [Fact]
    public void AnsWhitelist_KeepsApicryptBoxes()
    {
        TrustSpace ans = TrustSpace.LoadUnsignedWhitelist(new MemoryStream(TrustSpaceTestData.SignedCopy()));
        MssDirectory directory = MssDirectory.LoadExtraction(ExtractionTestData.Stream(File()), ans);

        Assert.Equal(new[] { Apicrypt, Listed }, Addresses(directory));
        Assert.Equal(2, directory.Skipped);
        Assert.True(directory.TryFind(MssAddress.Parse("Dr.Martin@INTEROP-MSSANTE.APICRYPT.ORG", AddressStyles.None, ans), out DirectoryEntry? box));
        Assert.Equal("MARTIN", box.FamilyName);
    }

    [Fact]
    public void PrivateList_OnlyItsDomains()
    {
        TrustSpace list = TrustSpace.FromDomains(["interop-mssante.apicrypt.org"]);
        MssDirectory directory = MssDirectory.LoadExtraction(new MemoryStream(ExtractionTestData.Zip(System.Text.Encoding.UTF8.GetBytes(File()))), list);

        Assert.Equal(new[] { Apicrypt }, Addresses(directory));
        Assert.Equal(3, directory.Skipped);
    }

    [Fact]
    public void MssanteFr_SameAsWithout()
    {
        MssDirectory directory = MssDirectory.LoadExtraction(ExtractionTestData.Stream(File()), TrustSpace.MssanteFr);

        Assert.Equal(new[] { Listed, Unlisted }, Addresses(directory));
    }

    [Fact]
    public void NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => MssDirectory.LoadExtraction(null!, TrustSpace.MssanteFr));
        Assert.Throws<ArgumentNullException>(() => MssDirectory.LoadExtraction(ExtractionTestData.Stream(File()), null!));
    }
}
