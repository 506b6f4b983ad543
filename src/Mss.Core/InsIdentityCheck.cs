using System;
using System.Collections.Generic;
using NodaTime;
using Mss.Core.Mailboxes;

namespace Mss.Core;

/// <summary>
/// What a sender confirms about a patient before a first message (INS-7): sex, birth month and year, birth department,
/// read from the INS matricule, with the century of the birth year resolved. Seed 003 shows it as
/// "Un homme / Né en septembre 1996 / Né dans le département 72".
/// </summary>
public sealed class InsIdentityCheck
{
    private InsIdentityCheck(Sex sex, int birthYear, int? birthMonth, InsBirthPlace birthPlace)
    {
        Sex = sex;
        BirthYear = birthYear;
        BirthMonth = birthMonth;
        BirthPlace = birthPlace;
    }

    /// <summary>The sex of the matricule (<see cref="Sex.Unknown"/> for an odd digit, INS-4).</summary>
    public Sex Sex { get; }

    /// <summary>The four-digit birth year.</summary>
    public int BirthYear { get; }

    /// <summary>The birth month 1…12 from the matricule, or null when it is unknown or odd (INS-3).</summary>
    public int? BirthMonth { get; }

    /// <summary>The birth place of the matricule (INS-3).</summary>
    public InsBirthPlace BirthPlace { get; }

    /// <summary>
    /// The three lines shown to the sender, as in seed 003: <c>"Un homme"</c>, <c>"Né en septembre 1996"</c>,
    /// <c>"Né dans le département 72"</c> (<c>"Une femme"</c>, <c>"Née …"</c> for a woman).
    /// </summary>
    public IReadOnlyList<string> FrenchLines => FrenchText.IdentityLines(Sex, BirthYear, BirthMonth, BirthPlace);

    /// <summary>
    /// Builds the check with the century taken from the patient's full birth date, an INS trait (INS-5, INS-7).
    /// </summary>
    /// <param name="ins">The matricule; must not be <c>default</c>.</param>
    /// <param name="birthDate">The birth date; its year must end with the matricule's two year digits.</param>
    /// <returns>The check.</returns>
    /// <exception cref="ArgumentException">The matricule is <c>default</c>, or the birth year does not match it (the message does not repeat the INS, INS-8).</exception>
    public static InsIdentityCheck FromBirthDate(InsMatricule ins, LocalDate birthDate)
    {
        RequireMatricule(ins);
        if (birthDate.Year % 100 != ins.BirthYearOfCentury || birthDate.Year <= 0)
        {
            throw new ArgumentException("The birth date's year does not match the two year digits of the INS matricule (INS-7).", nameof(birthDate));
        }

        return new InsIdentityCheck(ins.Sex, birthDate.Year, ins.BirthMonth, ins.BirthPlace);
    }

    /// <summary>
    /// Builds the check with the century resolved against <paramref name="referenceDate"/> (INS-7, decided here: the
    /// latest (year, month) not after the reference date; changed in 0.2: the birth month counts, so an INS never shows a
    /// birth in the future: a December '26 INS read in November 2026 is December 1926). See
    /// <see cref="ResolveBirthYear(int, int?, LocalDate)"/>.
    /// </summary>
    /// <param name="ins">The matricule; must not be <c>default</c>.</param>
    /// <param name="referenceDate">Usually today.</param>
    /// <returns>The check.</returns>
    /// <exception cref="ArgumentException">The matricule is <c>default</c>.</exception>
    public static InsIdentityCheck AsOf(InsMatricule ins, LocalDate referenceDate)
    {
        RequireMatricule(ins);
        return new InsIdentityCheck(ins.Sex, ResolveBirthYear(ins.BirthYearOfCentury, ins.BirthMonth, referenceDate), ins.BirthMonth, ins.BirthPlace);
    }

    /// <summary>
    /// Builds the check with the century resolved against today in Europe/Paris, read from <paramref name="clock"/>
    /// (INS-7, 0.2); see <see cref="AsOf(InsMatricule, LocalDate)"/>.
    /// </summary>
    /// <param name="ins">The matricule; must not be <c>default</c>.</param>
    /// <param name="clock">The clock, e.g. <c>SystemClock.Instance</c>.</param>
    /// <returns>The check.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="clock"/> is null.</exception>
    /// <exception cref="ArgumentException">The matricule is <c>default</c>.</exception>
    public static InsIdentityCheck AsOf(InsMatricule ins, IClock clock)
    {
        if (clock is null)
        {
            throw new ArgumentNullException(nameof(clock));
        }

        return AsOf(ins, clock.GetCurrentInstant().InZone(InactivityPolicy.Paris).Date);
    }

    /// <summary>
    /// The latest year not after <paramref name="referenceDate"/>'s year that ends with <paramref name="yearOfCentury"/> (INS-7),
    /// for a birth month that is not known. See <see cref="ResolveBirthYear(int, int?, LocalDate)"/> when it is.
    /// </summary>
    /// <param name="yearOfCentury">Two year digits, 0…99.</param>
    /// <param name="referenceDate">The reference date.</param>
    /// <returns>The four-digit year.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="yearOfCentury"/> is outside 0…99.</exception>
    public static int ResolveBirthYear(int yearOfCentury, LocalDate referenceDate) => ResolveBirthYear(yearOfCentury, null, referenceDate);

    /// <summary>
    /// The year of the latest (year, month) not after <paramref name="referenceDate"/> whose year ends with
    /// <paramref name="yearOfCentury"/> (INS-7, decided here; 0.2: the month counts). With a known month, a birth in
    /// (reference year, later month) would be in the future, so it is a century earlier: <c>26</c> and December read in
    /// November 2026 is 1926, read in December 2026 is 2026. With no month (null: unknown or odd, INS-3), the reference
    /// year itself is allowed.
    /// </summary>
    /// <param name="yearOfCentury">Two year digits, 0…99.</param>
    /// <param name="birthMonth">The birth month 1…12, or null when not known.</param>
    /// <param name="referenceDate">The reference date.</param>
    /// <returns>The four-digit year.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="yearOfCentury"/> is outside 0…99, or <paramref name="birthMonth"/> outside 1…12.</exception>
    public static int ResolveBirthYear(int yearOfCentury, int? birthMonth, LocalDate referenceDate)
    {
        if (yearOfCentury is < 0 or > 99)
        {
            throw new ArgumentOutOfRangeException(nameof(yearOfCentury), yearOfCentury, "Two digits expected.");
        }

        if (birthMonth is < 1 or > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(birthMonth), birthMonth, "A month is 1 to 12, or null when unknown.");
        }

        int reference = referenceDate.Year;
        int back = (((reference - yearOfCentury) % 100) + 100) % 100;
        if (back == 0 && birthMonth > referenceDate.Month)
        {
            back = 100;
        }

        return reference - back;
    }

    /// <summary>
    /// Compares what the INS says with the identity the vendor holds (INS-9, 0.2) and reports each disagreement. Seed 000:
    /// the number on a Carte Vitale is not the INS of a child attached to a parent's card; a parent's number entered for a
    /// child shows as <see cref="InsMismatches.Sex"/> (half the time), <see cref="InsMismatches.BirthYear"/> and usually
    /// <see cref="InsMismatches.BirthMonth"/>. The French sentence is <see cref="FrenchText.Describe(InsMismatches)"/>.
    /// </summary>
    /// <remarks>
    /// <para>Unknown values are never mismatches: <see cref="Sex.Unknown"/> on either side (the INS sex digit not 1 or 2),
    /// a month code 20–99 or odd (00, 13–19), a null, empty or unreadable birth-place code, a birth place the INS codes in
    /// no known pattern (<see cref="BirthPlaceKind.Unexpected"/>).</para>
    /// <para>The year compares the two year digits (no century is needed). The place compares departments, not
    /// communes (communes merge and change codes; INS-9 speaks of the department): the INSEE (COG) code is read as
    /// 5 characters after trimming white space, <c>2a</c>/<c>2b</c> in any case; overseas (97x, 98x) compares the 3-digit
    /// department; born abroad (INS <c>99</c> + country) compares the INSEE country code <c>99xxx</c>.</para>
    /// <para>Decided here, to never report a false mismatch for places whose code changed: Corsica is <c>20</c> before
    /// 1976 and <c>2A</c>/<c>2B</c> since, so <c>20</c> on either side agrees with <c>2A</c>, <c>2B</c> and <c>20</c>
    /// (only <c>2A</c> against <c>2B</c> is a mismatch). For a birth before 1968, department 75 (Seine) also agrees with
    /// 92, 93 and 94, and 78 (Seine-et-Oise) with 91 to 95, the departments they were split into in 1968; and the codes
    /// 91 to 94 (Algeria) and 95 (Morocco) that NIRs carry for a birth there before independence (service-public.fr F33078)
    /// agree with the INSEE country codes 99352 (Algeria) and 99350 (Morocco); 96 (Tunisia) is not a department, so the
    /// INS place is <see cref="BirthPlaceKind.Unexpected"/> and never a mismatch. From 1968 on, 91 to 95 are Île-de-France
    /// departments and compare as such.</para>
    /// </remarks>
    /// <param name="ins">The matricule; must not be <c>default</c>.</param>
    /// <param name="sex">The sex held; <see cref="Sex.Unknown"/> when not known.</param>
    /// <param name="birthDate">The birth date held.</param>
    /// <param name="birthPlaceInseeCode">The INSEE (COG) code of the birth place held (<c>"72181"</c>, <c>"2A004"</c>, <c>"97105"</c>, <c>"99352"</c>), or null when not known.</param>
    /// <returns>The mismatches, <see cref="InsMismatches.None"/> when everything known agrees.</returns>
    /// <exception cref="ArgumentException">The matricule is <c>default</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sex"/> is not a defined <see cref="Core.Sex"/>.</exception>
    public static InsMismatches Compare(InsMatricule ins, Sex sex, LocalDate birthDate, string? birthPlaceInseeCode)
    {
        RequireMatricule(ins);
        if (sex is < Sex.Unknown or > Sex.Female)
        {
            throw new ArgumentOutOfRangeException(nameof(sex), sex, "Not a defined Sex.");
        }

        InsMismatches result = InsMismatches.None;
        if (sex != Sex.Unknown && ins.Sex != Sex.Unknown && sex != ins.Sex)
        {
            result |= InsMismatches.Sex;
        }

        if ((((birthDate.Year % 100) + 100) % 100) != ins.BirthYearOfCentury)
        {
            result |= InsMismatches.BirthYear;
        }

        if (ins.BirthMonth is int month && month != birthDate.Month)
        {
            result |= InsMismatches.BirthMonth;
        }

        if (!InsBirthPlace.Agrees(ins.BirthPlace, birthPlaceInseeCode.AsSpan(), birthDate.Year))
        {
            result |= InsMismatches.BirthPlace;
        }

        return result;
    }

    /// <summary>
    /// The sentence for the sender (INS-7): <c>"Un homme, né en septembre 1996, né dans le département 72"</c>;
    /// <c>"Une femme, née …"</c>; the year alone when the month is unknown; <c>"né à l'étranger"</c> when born abroad.
    /// The texts live in <see cref="FrenchText"/>.
    /// </summary>
    /// <returns>The French sentence.</returns>
    public string ToFrenchSentence() => FrenchText.IdentitySentence(Sex, BirthYear, BirthMonth, BirthPlace);

    /// <summary>The French sentence of <see cref="ToFrenchSentence"/>; it holds no matricule (INS-8).</summary>
    /// <returns>The sentence.</returns>
    public override string ToString() => ToFrenchSentence();

    private static void RequireMatricule(InsMatricule ins)
    {
        if (ins.IsDefault)
        {
            throw new ArgumentException("An INS matricule is required.", nameof(ins));
        }
    }
}
