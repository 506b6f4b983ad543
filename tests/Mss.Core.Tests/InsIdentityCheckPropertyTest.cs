using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Mss.Core.Tests;

/// <summary>An INS body together with the identity it encodes, worked out here from the digits (not by the library).</summary>
public sealed record EncodedIdentity(string Body, Sex Sex, LocalDate BirthDate, string InseeCode)
{
    public override string ToString() => $"{Body} {Sex} {BirthDate} {InseeCode}";
}

public static class IdentityGenerators
{
    private static Gen<string> Digits(int count) => InsGenerators.Digits(count);

    private static Gen<string> Place() => Gen.OneOf(
        from d in Gen.Choose(1, 95) from c in Digits(3) select d.ToString("00", CultureInfo.InvariantCulture) + c,
        from letter in Gen.Elements("2A", "2B", "20") from c in Digits(3) select letter + c,
        from d in Gen.Elements(971, 972, 973, 974, 975, 976, 977, 978, 984, 986, 987, 988) from c in Digits(2) select d.ToString(CultureInfo.InvariantCulture) + c,
        from country in Gen.Choose(1, 999) select "99" + country.ToString("000", CultureInfo.InvariantCulture),
        from odd in Gen.Elements("00", "96") from c in Digits(3) select odd + c);

    /// <summary>Any INS (any sex digit, month code 00-99, every kind of place) and an identity agreeing with it.</summary>
    public static Arbitrary<EncodedIdentity> Encoded() =>
        (from sexDigit in Gen.Frequency((4, Gen.Elements(1, 2)), (1, Gen.Choose(0, 9)))
         from yy in Gen.Choose(0, 99)
         from monthCode in Gen.Frequency((4, Gen.Choose(1, 12)), (1, Gen.Choose(0, 99)))
         from place in Place()
         from order in Digits(3)
         from century in Gen.Choose(18, 20)
         from anyMonth in Gen.Choose(1, 12)
         from day in Gen.Choose(1, 28)
         let body = sexDigit.ToString(CultureInfo.InvariantCulture) + yy.ToString("00", CultureInfo.InvariantCulture)
             + monthCode.ToString("00", CultureInfo.InvariantCulture) + place + order
         let sex = sexDigit == 1 ? Sex.Male : sexDigit == 2 ? Sex.Female : Sex.Unknown
         let month = monthCode is >= 1 and <= 12 ? monthCode : anyMonth
         select new EncodedIdentity(body, sex, new LocalDate((century * 100) + yy, month, day), place)).ToArbitrary();
}

[Properties(Arbitrary = [typeof(IdentityGenerators)], MaxTest = 1000)]
public class InsIdentityCheckPropertyTest
{
    // INS-9: an INS compared with the identity it encodes has no mismatch (issue 12).
    [Property]
    public bool Compare_EncodedIdentity_None(EncodedIdentity id)
    {
        InsMatricule ins = InsMatricule.FromBody(id.Body);
        return InsIdentityCheck.Compare(ins, id.Sex, id.BirthDate, id.InseeCode) == InsMismatches.None
            && InsIdentityCheck.Compare(ins, id.Sex, id.BirthDate, id.InseeCode.ToLowerInvariant()) == InsMismatches.None
            && InsIdentityCheck.Compare(ins, Sex.Unknown, id.BirthDate, null) == InsMismatches.None;
    }

    // INS-9: changing one known field of the identity flags exactly that field.
    [Property]
    public bool Compare_OneFieldChanged_ExactlyThatFlag(EncodedIdentity id, PositiveInt shift)
    {
        InsMatricule ins = InsMatricule.FromBody(id.Body);
        int years = 1 + (shift.Get % 99);
        bool sexKnown = id.Sex != Sex.Unknown;
        bool monthKnown = id.Body.Substring(3, 2) is var m && int.Parse(m, CultureInfo.InvariantCulture) is >= 1 and <= 12;
        Sex other = id.Sex == Sex.Male ? Sex.Female : Sex.Male;
        int newMonth = ((id.BirthDate.Month + (shift.Get % 11)) % 12) + 1;
        LocalDate otherMonth = new(id.BirthDate.Year, newMonth, id.BirthDate.Day);
        return (!sexKnown || InsIdentityCheck.Compare(ins, other, id.BirthDate, id.InseeCode) == InsMismatches.Sex)
            && InsIdentityCheck.Compare(ins, id.Sex, id.BirthDate.PlusYears(years), id.InseeCode) == InsMismatches.BirthYear
            && InsIdentityCheck.Compare(ins, id.Sex, otherMonth, id.InseeCode) == (monthKnown ? InsMismatches.BirthMonth : InsMismatches.None);
    }

    // INS-7 (0.2): the resolved (year, month) is never after the reference date, ends with the two digits, and is the
    // latest such: a century later would be after the reference date.
    [Property(MaxTest = 2000)]
    public bool ResolveBirthYear_LatestNotAfterReference(byte yy, byte monthCode, ushort referenceOffset)
    {
        int yearOfCentury = yy % 100;
        int? month = monthCode % 13 == 0 ? null : monthCode % 13;
        LocalDate reference = new LocalDate(1900, 1, 1).PlusDays(referenceOffset % 80000);
        int year = InsIdentityCheck.ResolveBirthYear(yearOfCentury, month, reference);
        int m = month ?? 1;
        bool notAfter = year < reference.Year || (year == reference.Year && m <= reference.Month);
        bool latest = year + 100 > reference.Year || (year + 100 == reference.Year && m > reference.Month);
        return year % 100 == yearOfCentury && notAfter && latest;
    }
}
