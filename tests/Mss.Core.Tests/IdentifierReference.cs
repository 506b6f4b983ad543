using System.Globalization;
using FsCheck;
using FsCheck.Fluent;

namespace Mss.Core.Tests;

/// <summary>
/// Independent references for the BAL-6 identifier tests: a Luhn written the textbook way (left to right, doubling the
/// digits whose distance to the end is odd), and generators of digit strings.
/// </summary>
public static class IdentifierReference
{
    /// <summary>Luhn per ISO/IEC 7812-1 as usually written: double every second digit counting from the right, check digit excluded.</summary>
    public static bool Luhn(string digits)
    {
        int sum = 0;
        for (int i = 0; i < digits.Length; i++)
        {
            int d = digits[i] - '0';
            if ((digits.Length - i) % 2 == 0)
            {
                d = d * 2 % 10 + d * 2 / 10;
            }

            sum += d;
        }

        return sum % 10 == 0;
    }

    public static Gen<string> Digits(int count) =>
        Gen.ArrayOf(Gen.Choose(0, 9), count).Select(ds => string.Concat(ds.Select(d => d.ToString(CultureInfo.InvariantCulture))));

    public static Gen<string> Alphanumerics(int count) =>
        Gen.ArrayOf(Gen.Elements("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".ToCharArray()), count).Select(cs => new string(cs));
}

/// <summary>Wrappers so FsCheck can generate identifier texts.</summary>
public sealed record RppsText(string Value)
{
    public override string ToString() => Value;
}

public sealed record AdeliText(string Value)
{
    public override string ToString() => Value;
}

public sealed record FinessText(string Value)
{
    public override string ToString() => Value;
}

public static class IdentifierGenerators
{
    public static Arbitrary<RppsText> Rpps() => IdentifierReference.Digits(11).Select(s => new RppsText(s)).ToArbitrary();

    public static Arbitrary<AdeliText> Adeli() => IdentifierReference.Digits(9).Select(s => new AdeliText(s)).ToArbitrary();

    public static Arbitrary<FinessText> Finess() =>
        Gen.OneOf(IdentifierReference.Digits(9), IdentifierReference.Alphanumerics(9)).Select(s => new FinessText(s)).ToArbitrary();
}
