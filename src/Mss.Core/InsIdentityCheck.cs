using System;
using System.Collections.Generic;
using System.Globalization;
using NodaTime;

namespace Mss.Core;

/// <summary>
/// What a sender confirms about a patient before a first message (INS-7): sex, birth month and year, birth department,
/// read from the INS matricule, with the century of the birth year resolved. Seed 003 shows it as
/// "Un homme / Né en septembre 1996 / Né dans le département 72".
/// </summary>
public sealed class InsIdentityCheck
{
    private static readonly string[] FrenchMonths =
    [
        "janvier", "février", "mars", "avril", "mai", "juin",
        "juillet", "août", "septembre", "octobre", "novembre", "décembre",
    ];

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
    public IReadOnlyList<string> FrenchLines => [SexText(), Capitalise(BornText()), Capitalise(PlaceText())];

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
    /// Builds the check with the century resolved against <paramref name="referenceDate"/> (INS-7, decided here:
    /// the latest year not after the reference date's year).
    /// </summary>
    /// <param name="ins">The matricule; must not be <c>default</c>.</param>
    /// <param name="referenceDate">Usually today.</param>
    /// <returns>The check.</returns>
    /// <exception cref="ArgumentException">The matricule is <c>default</c>.</exception>
    public static InsIdentityCheck AsOf(InsMatricule ins, LocalDate referenceDate)
    {
        RequireMatricule(ins);
        return new InsIdentityCheck(ins.Sex, ResolveBirthYear(ins.BirthYearOfCentury, referenceDate), ins.BirthMonth, ins.BirthPlace);
    }

    /// <summary>The latest year not after <paramref name="referenceDate"/>'s year that ends with <paramref name="yearOfCentury"/> (INS-7).</summary>
    /// <param name="yearOfCentury">Two year digits, 0…99.</param>
    /// <param name="referenceDate">The reference date.</param>
    /// <returns>The four-digit year.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="yearOfCentury"/> is outside 0…99.</exception>
    public static int ResolveBirthYear(int yearOfCentury, LocalDate referenceDate)
    {
        if (yearOfCentury is < 0 or > 99)
        {
            throw new ArgumentOutOfRangeException(nameof(yearOfCentury), yearOfCentury, "Two digits expected.");
        }

        int reference = referenceDate.Year;
        int back = (((reference % 100) - yearOfCentury) + 100) % 100;
        return reference - back;
    }

    /// <summary>
    /// The sentence for the sender (INS-7): <c>"Un homme, né en septembre 1996, né dans le département 72"</c>;
    /// <c>"Une femme, née …"</c>; the year alone when the month is unknown; <c>"né à l'étranger"</c> when born abroad.
    /// </summary>
    /// <returns>The French sentence.</returns>
    public string ToFrenchSentence() => $"{SexText()}, {BornText()}, {PlaceText()}";

    /// <summary>The French sentence of <see cref="ToFrenchSentence"/>; it holds no matricule (INS-8).</summary>
    /// <returns>The sentence.</returns>
    public override string ToString() => ToFrenchSentence();

    private string SexText() => Sex switch
    {
        Sex.Male => "Un homme",
        Sex.Female => "Une femme",
        _ => "Une personne de sexe non précisé",
    };

    private string Born() => Sex switch
    {
        Sex.Male => "né",
        Sex.Female => "née",
        _ => "né(e)",
    };

    private string BornText()
    {
        string year = BirthYear.ToString(CultureInfo.InvariantCulture);
        return BirthMonth is int month ? $"{Born()} en {FrenchMonths[month - 1]} {year}" : $"{Born()} en {year}";
    }

    private string PlaceText() => BirthPlace.Kind switch
    {
        BirthPlaceKind.Abroad => $"{Born()} à l'étranger",
        BirthPlaceKind.Unexpected => $"{Born()} dans un lieu non reconnu (code {BirthPlace.Department})",
        _ => $"{Born()} dans le département {BirthPlace.Department}",
    };

    private static string Capitalise(string text) => char.ToUpperInvariant(text[0]) + text.Substring(1);

    private static void RequireMatricule(InsMatricule ins)
    {
        if (ins.IsDefault)
        {
            throw new ArgumentException("An INS matricule is required.", nameof(ins));
        }
    }
}
