using System.Globalization;
using FsCheck.Xunit;

namespace Mss.Core.Tests;

public class HealthIdentifierTextTest
{
    // BAL-6: the Luhn check is the standard one. Values checked by hand and with an independent Python implementation.
    [Theory]
    [InlineData("79927398713", true)] // the textbook example
    [InlineData("79927398710", false)]
    [InlineData("10000000009", true)]
    [InlineData("10000000000", false)] // shape of ANS test identities: not a Luhn number
    [InlineData("123456782", true)]
    [InlineData("123456789", false)]
    [InlineData("000000000", true)]
    [InlineData("0000000000000000018", true)] // a doubled 9 counts 9 (1+8)
    public void IsLuhnValid_KnownValues(string digits, bool expected)
    {
        Assert.Equal(expected, HealthIdentifierText.IsLuhnValid(ulong.Parse(digits, CultureInfo.InvariantCulture), digits.Length));
    }

    // BAL-6: agrees with the reference on any number of up to 19 digits, leading zeros included.
    [Property(MaxTest = 1000)]
    public bool IsLuhnValid_AgreesWithReference(ulong number, byte extraZeros)
    {
        string digits = number.ToString(CultureInfo.InvariantCulture);
        digits = new string('0', Math.Min(extraZeros % 4, 19 - digits.Length)) + digits;
        return HealthIdentifierText.IsLuhnValid(number, digits.Length) == IdentifierReference.Luhn(digits);
    }

    // A single changed digit always breaks a Luhn number: the reference is not trivially true.
    [Fact]
    public void Reference_DetectsEverySingleDigitChange()
    {
        const string valid = "79927398713";
        for (int i = 0; i < valid.Length; i++)
        {
            for (char c = '0'; c <= '9'; c++)
            {
                if (c != valid[i])
                {
                    Assert.False(IdentifierReference.Luhn(valid.Substring(0, i) + c + valid.Substring(i + 1)));
                }
            }
        }
    }
}
