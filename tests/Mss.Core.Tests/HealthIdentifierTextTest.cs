using System.Globalization;
using System.Text;
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
    // BAL-6: UTF-8 bytes get the verdict of the UTF-16 text they decode to, invalid sequences included (U+FFFD):
    // Empty → Length → Character → Prefix holds on both paths.
    [Property(MaxTest = 3000)]
    public bool Utf8_AgreesWithDecodedText_EvenWhenInvalid(byte[] bytes, byte[] digits)
    {
        // Mostly digits with a few arbitrary bytes: lengths near the identifiers' ones, invalid sequences at the ends.
        byte[] text = [.. digits.Select(b => (byte)('0' + (b % 10))), .. bytes.Take(3)];
        foreach (byte[] input in new[] { bytes, text, [.. bytes.Take(2), .. text] })
        {
            string decoded = Encoding.UTF8.GetString(input);
            if (Rpps.Validate(input) != Rpps.Validate(decoded) || Adeli.Validate(input) != Adeli.Validate(decoded)
                || IdNatPs.Validate(input) != IdNatPs.Validate(decoded) || Finess.Validate(input) != Finess.Validate(decoded))
            {
                return false;
            }
        }

        return true;
    }

    [Theory]
    [InlineData(new byte[] { 0x31, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0xFF }, HealthIdentifierError.Character)] // 10 digits + U+FFFD: 11
    [InlineData(new byte[] { 0x31, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0xC0, 0x80 }, HealthIdentifierError.Character)] // overlong: 2 × U+FFFD
    [InlineData(new byte[] { 0x31, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0xF0, 0x9F }, HealthIdentifierError.Character)] // cut 4-byte sequence: 1
    [InlineData(new byte[] { 0x31, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0xF0, 0x9F, 0x98, 0x80 }, HealthIdentifierError.Character)] // emoji: 2 chars
    [InlineData(new byte[] { 0x31, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0xF0, 0x9F, 0x98, 0x80 }, HealthIdentifierError.Length)] // 12
    [InlineData(new byte[] { 0x80, 0x80, 0x80 }, HealthIdentifierError.Length)] // three stray continuation bytes: 3 × U+FFFD
    public void Rpps_Utf8_InvalidSequences_CountAsDecoded(byte[] utf8, HealthIdentifierError expected)
    {
        Assert.Equal(expected, Rpps.Validate(Encoding.UTF8.GetString(utf8)));
        Assert.Equal(expected, Rpps.Validate(utf8));
    }
}
