using NodaTime;

namespace Mss.Core.Tests;

public class InsIdentityCheckTest
{
    // INS-7, seed 003: "Un homme / Né en septembre 1996 / Né dans le département 72".
    [Fact]
    public void FromBirthDate_Seed003Example()
    {
        InsIdentityCheck check = InsIdentityCheck.FromBirthDate(InsMatricule.FromBody("1960972123456"), new LocalDate(1996, 9, 14));
        Assert.Equal("Un homme, né en septembre 1996, né dans le département 72", check.ToFrenchSentence());
        Assert.Equal(["Un homme", "Né en septembre 1996", "Né dans le département 72"], check.FrenchLines);
    }

    [Fact]
    public void Woman_Corsica_Feminine()
    {
        InsIdentityCheck check = InsIdentityCheck.AsOf(InsMatricule.FromBody("291032B045678"), new LocalDate(2026, 11, 23));
        Assert.Equal("Une femme, née en mars 1991, née dans le département 2B", check.ToFrenchSentence());
    }

    [Fact]
    public void UnknownMonth_YearOnly()
    {
        InsIdentityCheck check = InsIdentityCheck.AsOf(InsMatricule.FromBody("2055072123456"), new LocalDate(2026, 11, 23));
        Assert.Equal("Une femme, née en 2005, née dans le département 72", check.ToFrenchSentence());
    }

    [Fact]
    public void BornAbroad()
    {
        InsIdentityCheck check = InsIdentityCheck.AsOf(InsMatricule.FromBody("1940399350123"), new LocalDate(2026, 11, 23));
        Assert.Equal("Un homme, né en mars 1994, né à l'étranger", check.ToFrenchSentence());
    }

    [Fact]
    public void Overseas_ThreeDigitDepartment()
    {
        InsIdentityCheck check = InsIdentityCheck.AsOf(InsMatricule.FromBody("2870197101234"), new LocalDate(2026, 11, 23));
        Assert.Equal("Une femme, née en janvier 1987, née dans le département 971", check.ToFrenchSentence());
    }

    // INS-7 (decided here): the latest year not after the reference date.
    [Theory]
    [InlineData(26, 2026, 2026)]
    [InlineData(27, 2026, 1927)]
    [InlineData(96, 2026, 1996)]
    [InlineData(0, 2026, 2000)]
    [InlineData(99, 2000, 1999)]
    [InlineData(0, 2000, 2000)]
    public void ResolveBirthYear_LatestNotAfterReference(int yy, int referenceYear, int expected)
    {
        Assert.Equal(expected, InsIdentityCheck.ResolveBirthYear(yy, new LocalDate(referenceYear, 6, 1)));
    }

    [Fact]
    public void FromBirthDate_CenturyFromBirthDate_EvenWhenReferenceWouldDisagree()
    {
        InsIdentityCheck check = InsIdentityCheck.FromBirthDate(InsMatricule.FromBody("1200572123456"), new LocalDate(1920, 5, 2));
        Assert.Equal(1920, check.BirthYear);
        Assert.Equal(2020, InsIdentityCheck.AsOf(InsMatricule.FromBody("1200572123456"), new LocalDate(2026, 1, 1)).BirthYear);
    }

    [Fact]
    public void FromBirthDate_MismatchedYear_ThrowsWithoutTheMatricule()
    {
        ArgumentException ex = Assert.Throws<ArgumentException>(() =>
            InsIdentityCheck.FromBirthDate(InsMatricule.FromBody("1960972123456"), new LocalDate(1995, 9, 1)));
        Assert.DoesNotContain("1960972123456", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => InsIdentityCheck.AsOf(default, new LocalDate(2026, 1, 1)));
    }
}
