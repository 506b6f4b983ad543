using Mss.Core.Tests.Mailboxes;
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

    // INS-7 (0.2): the month counts; an INS never shows a birth in the future. A December '26 INS read in November 2026
    // is a centenarian, read in December 2026 a newborn.
    [Theory]
    [InlineData(2026, 11, 30, 1926)]
    [InlineData(2026, 12, 1, 2026)]
    [InlineData(2026, 12, 31, 2026)]
    [InlineData(2027, 1, 1, 2026)]
    [InlineData(2126, 11, 1, 2026)]
    public void AsOf_MonthCounts(int year, int month, int day, int expected)
    {
        InsIdentityCheck check = InsIdentityCheck.AsOf(InsMatricule.FromBody("2261272123456"), new LocalDate(year, month, day));
        Assert.Equal(expected, check.BirthYear);
    }

    [Fact]
    public void AsOf_DecemberInsReadInNovember_Centenarian()
    {
        InsIdentityCheck check = InsIdentityCheck.AsOf(InsMatricule.FromBody("2261272123456"), new LocalDate(2026, 11, 23));
        Assert.Equal("Une femme, née en décembre 1926, née dans le département 72", check.ToFrenchSentence());
    }

    // INS-7: with the month unknown (code 20-99) the reference year itself is allowed.
    [Fact]
    public void AsOf_UnknownMonth_ReferenceYearAllowed()
    {
        Assert.Equal(2026, InsIdentityCheck.AsOf(InsMatricule.FromBody("2265072123456"), new LocalDate(2026, 1, 1)).BirthYear);
        Assert.Equal(2026, InsIdentityCheck.ResolveBirthYear(26, null, new LocalDate(2026, 1, 1)));
        Assert.Equal(1926, InsIdentityCheck.ResolveBirthYear(26, 2, new LocalDate(2026, 1, 31)));
        Assert.Equal(2026, InsIdentityCheck.ResolveBirthYear(26, 1, new LocalDate(2026, 1, 1)));
    }

    [Fact]
    public void ResolveBirthYear_BadArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => InsIdentityCheck.ResolveBirthYear(100, 1, new LocalDate(2026, 1, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => InsIdentityCheck.ResolveBirthYear(-1, null, new LocalDate(2026, 1, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => InsIdentityCheck.ResolveBirthYear(26, 0, new LocalDate(2026, 1, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => InsIdentityCheck.ResolveBirthYear(26, 13, new LocalDate(2026, 1, 1)));
    }

    // INS-7 (0.2): AsOf(ins, IClock) takes today in Europe/Paris: 23:30 UTC on 30 November is already 1 December in Paris.
    [Fact]
    public void AsOf_Clock_TodayInParis()
    {
        InsMatricule ins = InsMatricule.FromBody("2261272123456");
        Instant parisDecember = Instant.FromUtc(2026, 11, 30, 23, 30);
        Instant parisNovember = Instant.FromUtc(2026, 11, 30, 22, 59);
        Assert.Equal(2026, InsIdentityCheck.AsOf(ins, new FixedClock(parisDecember)).BirthYear);
        Assert.Equal(1926, InsIdentityCheck.AsOf(ins, new FixedClock(parisNovember)).BirthYear);
        Assert.Equal("clock", Assert.Throws<ArgumentNullException>(() => InsIdentityCheck.AsOf(ins, (IClock)null!)).ParamName);
        Assert.Throws<ArgumentException>(() => InsIdentityCheck.AsOf(default, new FixedClock(parisDecember)));
    }

    // INS-9, seed 000: a child entered with the father's Carte Vitale number shows as sex, year and month mismatches.
    [Fact]
    public void Compare_ParentsCarteVitaleForAChild_SexYearMonth()
    {
        InsMatricule father = InsMatricule.FromBody("1750372123456");
        InsMismatches m = InsIdentityCheck.Compare(father, Sex.Female, new LocalDate(2015, 6, 10), "72181");
        Assert.Equal(InsMismatches.Sex | InsMismatches.BirthYear | InsMismatches.BirthMonth, m);
        Assert.Equal(InsMismatches.None, InsIdentityCheck.Compare(father, Sex.Male, new LocalDate(1975, 3, 2), "72181"));
    }

    // The README example (seed 000), as typed from the father's card.
    [Fact]
    public void Compare_ReadmeExample()
    {
        InsMatricule typed = InsMatricule.Parse("1 75 03 72 123 456 30", InsStyles.Lenient);
        InsMismatches m = InsIdentityCheck.Compare(typed, Sex.Female, new LocalDate(2015, 6, 10), "72181");
        Assert.Equal(InsMismatches.Sex | InsMismatches.BirthYear | InsMismatches.BirthMonth, m);
        string text = FrenchText.Describe(m);
        Assert.StartsWith("Le sexe du patient ne correspond pas à son matricule INS. L'année de naissance ", text, StringComparison.Ordinal);
        Assert.EndsWith("Ce numéro est peut-être celui de la carte Vitale d'un parent : demandez le matricule INS du patient lui-même.", text, StringComparison.Ordinal);
    }

    // INS-9: each field on its own.
    [Theory]
    [InlineData(Sex.Female, 1975, 3, "72181", InsMismatches.Sex)]
    [InlineData(Sex.Male, 1976, 3, "72181", InsMismatches.BirthYear)]
    [InlineData(Sex.Male, 2075, 3, "72181", InsMismatches.None)] // two year digits only: no century is needed
    [InlineData(Sex.Male, 1975, 4, "72181", InsMismatches.BirthMonth)]
    [InlineData(Sex.Male, 1975, 3, "75056", InsMismatches.BirthPlace)]
    [InlineData(Sex.Male, 1975, 3, "72999", InsMismatches.None)] // another commune of the department: departments compare
    [InlineData(Sex.Unknown, 1975, 3, "72181", InsMismatches.None)]
    [InlineData(Sex.Male, 1975, 3, null, InsMismatches.None)]
    [InlineData(Sex.Male, 1975, 3, "", InsMismatches.None)]
    [InlineData(Sex.Male, 1975, 3, "  ", InsMismatches.None)]
    [InlineData(Sex.Male, 1975, 3, "7218", InsMismatches.None)] // unreadable: not known, never a mismatch
    [InlineData(Sex.Male, 1975, 3, "ABCDE", InsMismatches.None)]
    [InlineData(Sex.Male, 1975, 3, " 72181 ", InsMismatches.None)]
    [InlineData(Sex.Male, 1975, 3, "97105", InsMismatches.BirthPlace)]
    [InlineData(Sex.Male, 1975, 3, "99352", InsMismatches.BirthPlace)]
    [InlineData(Sex.Male, 1975, 3, "2A004", InsMismatches.BirthPlace)]
    [InlineData(Sex.Female, 1980, 12, "99352", InsMismatches.Sex | InsMismatches.BirthYear | InsMismatches.BirthMonth | InsMismatches.BirthPlace)]
    public void Compare_EachField(Sex sex, int year, int month, string? place, InsMismatches expected)
    {
        Assert.Equal(expected, InsIdentityCheck.Compare(InsMatricule.FromBody("1750372123456"), sex, new LocalDate(year, month, 1), place));
    }

    // INS-9: unknown values in the INS are never mismatches: sex digit not 1 or 2, month code 20-99 or odd, odd place.
    [Theory]
    [InlineData("3750372123456")] // sex digit 3
    [InlineData("1755072123456")] // month 50: unknown
    [InlineData("1751572123456")] // month 15: odd
    [InlineData("1750072123456")] // month 00: odd
    public void Compare_UnknownInInsNeverMismatch(string body)
    {
        InsMatricule ins = InsMatricule.FromBody(body);
        InsMismatches m = InsIdentityCheck.Compare(ins, Sex.Male, new LocalDate(1975, 6, 1), "72181");
        Assert.Equal(ins.Sex == Sex.Unknown ? InsMismatches.BirthMonth : InsMismatches.None, m);
        Assert.Equal(InsMismatches.None, InsIdentityCheck.Compare(InsMatricule.FromBody("1750300123456"), Sex.Male, new LocalDate(1975, 3, 1), "72181")); // place 00: unexpected
    }

    // INS-9: Corsica is 20 before 1976, 2A/2B since: only 2A against 2B is a mismatch; the INSEE letter in any case.
    [Theory]
    [InlineData("291032A045678", "2A004", InsMismatches.None)]
    [InlineData("291032A045678", "2a004", InsMismatches.None)]
    [InlineData("291032A045678", "2B033", InsMismatches.BirthPlace)]
    [InlineData("291032B045678", "2A004", InsMismatches.BirthPlace)]
    [InlineData("291032A045678", "20004", InsMismatches.None)]
    [InlineData("291032A045678", "72181", InsMismatches.BirthPlace)]
    [InlineData("2550320045678", "2B033", InsMismatches.None)]
    public void Compare_Corsica(string body, string place, InsMismatches expected)
    {
        InsMatricule ins = InsMatricule.FromBody(body);
        Assert.Equal(expected, InsIdentityCheck.Compare(ins, Sex.Female, new LocalDate(1900 + ins.BirthYearOfCentury, 3, 5), place));
    }

    [Fact]
    public void Compare_CorsicaBefore1976_AgreesWithBothLetters()
    {
        InsMatricule ins = InsMatricule.FromBody("1550320045678");
        Assert.Equal("20", ins.BirthDepartment);
        Assert.Equal(InsMismatches.None, InsIdentityCheck.Compare(ins, Sex.Male, new LocalDate(1955, 3, 1), "2A004"));
        Assert.Equal(InsMismatches.None, InsIdentityCheck.Compare(ins, Sex.Male, new LocalDate(1955, 3, 1), "2B033"));
        Assert.Equal(InsMismatches.BirthPlace, InsIdentityCheck.Compare(ins, Sex.Male, new LocalDate(1955, 3, 1), "75056"));
    }

    // INS-9: overseas compares the 3-digit department; abroad compares the INSEE country code 99xxx.
    [Theory]
    [InlineData("2870197101234", "97101", InsMismatches.None)]
    [InlineData("2870197101234", "97105", InsMismatches.None)]
    [InlineData("2870197101234", "97209", InsMismatches.BirthPlace)]
    [InlineData("2870197101234", "97101 ", InsMismatches.None)]
    [InlineData("2870197101234", "19710", InsMismatches.BirthPlace)]
    [InlineData("2870199352234", "99352", InsMismatches.None)]
    [InlineData("2870199352234", "99350", InsMismatches.BirthPlace)]
    [InlineData("2870199352234", "75056", InsMismatches.BirthPlace)]
    [InlineData("2870199352234", "75352", InsMismatches.BirthPlace)] // the country's digits in a department's code
    [InlineData("2870199352234", "97101", InsMismatches.BirthPlace)]
    [InlineData("2870172181234", "99352", InsMismatches.BirthPlace)]
    public void Compare_OverseasAndAbroad(string body, string place, InsMismatches expected)
    {
        Assert.Equal(expected, InsIdentityCheck.Compare(InsMatricule.FromBody(body), Sex.Female, new LocalDate(1987, 1, 20), place));
    }

    // INS-9 (decided here): codes that changed never give a false mismatch: Seine and Seine-et-Oise before 1968,
    // Algeria (91-94) and Morocco (95) in old NIRs against the INSEE country code.
    [Theory]
    [InlineData("1670375056123", 1967, "92050", InsMismatches.None)]
    [InlineData("1680375056123", 1968, "92050", InsMismatches.BirthPlace)]
    [InlineData("1670378646123", 1967, "91228", InsMismatches.None)]
    [InlineData("1670378646123", 1967, "77288", InsMismatches.BirthPlace)]
    [InlineData("1670378646123", 1967, "95127", InsMismatches.None)]
    [InlineData("1670372181123", 1967, "75056", InsMismatches.BirthPlace)] // before 1968 too, other departments differ // Seine-et-Oise's last heir, Val-d'Oise
    [InlineData("1550394352123", 1955, "99352", InsMismatches.None)] // 94: the last of Algeria's old codes
    [InlineData("1550391352123", 1955, "99352", InsMismatches.None)]
    [InlineData("1900391352123", 1990, "99352", InsMismatches.BirthPlace)]
    [InlineData("1550395101123", 1955, "99350", InsMismatches.None)]
    [InlineData("1550395101123", 1955, "99352", InsMismatches.BirthPlace)]
    public void Compare_ChangedCodes(string body, int year, string place, InsMismatches expected)
    {
        Assert.Equal(expected, InsIdentityCheck.Compare(InsMatricule.FromBody(body), Sex.Male, new LocalDate(year, 3, 1), place));
    }

    // INS-9: an INSEE code that cannot be read (a letter anywhere but after a leading 2) is never a mismatch.
    [Theory]
    [InlineData("7A181")]
    [InlineData("2018A")]
    [InlineData("72B81")]
    public void Compare_UnreadableInsee_NeverMismatch(string place)
    {
        Assert.Equal(InsMismatches.None, InsIdentityCheck.Compare(InsMatricule.FromBody("2870172181234"), Sex.Female, new LocalDate(1987, 1, 20), place));
    }

    [Fact]
    public void Compare_BadArguments_Throw()
    {
        Assert.Throws<ArgumentException>(() => InsIdentityCheck.Compare(default, Sex.Male, new LocalDate(1975, 3, 1), null));
        Assert.Throws<ArgumentOutOfRangeException>(() => InsIdentityCheck.Compare(InsMatricule.FromBody("1750372123456"), (Sex)3, new LocalDate(1975, 3, 1), null));
    }
}
