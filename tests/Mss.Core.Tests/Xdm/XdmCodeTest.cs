using Mss.Core.Xdm;

namespace Mss.Core.Tests.Xdm;

public class XdmCodeTest
{
    [Fact]
    public void Equality_ByValue()
    {
        var a = new XdmCode("N", "2.16.840.1.113883.5.25", "Normal");
        var b = new XdmCode("N", "2.16.840.1.113883.5.25", "Normal");
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, new XdmCode("R", "2.16.840.1.113883.5.25", "Normal"));
        Assert.NotEqual(a, new XdmCode("N", "2.16.840.1.113883.5.25", "normal"));
        Assert.False(a.Equals(null));
    }

    [Theory]
    [InlineData("", "1.2", "x")]
    [InlineData(" ", "1.2", "x")]
    [InlineData("N", "", "x")]
    [InlineData("N\n", "1.2", "x")]
    [InlineData("N", "1.2", "x\u0000")]
    [InlineData("N", "1.2", "\uFFFE")]
    public void Constructor_Refuses(string code, string scheme, string display)
    {
        Assert.Throws<ArgumentException>(() => new XdmCode(code, scheme, display));
    }

    [Fact]
    public void Constructor_LoneSurrogate_Refused()
    {
        // Not in InlineData: attribute metadata turns a lone surrogate into U+FFFD.
        Assert.Throws<ArgumentException>(() => new XdmCode("N", "1.2", "a" + '\uD800'));
        Assert.Throws<ArgumentException>(() => new XdmCode("N", "1.2", '\uDC00' + "a"));
    }

    [Fact]
    public void Constructor_AcceptsEmptyDisplayAndSurrogatePairs()
    {
        Assert.Equal(string.Empty, new XdmCode("N", "1.2", string.Empty).DisplayName);
        Assert.Equal("\U0001F4C4", new XdmCode("N", "1.2", "\U0001F4C4").DisplayName);
    }

    // ITI TF-3 §4.2.3.1.5: DTM in UTC, YYYY[MM[DD[hh[mm[ss]]]]]; the CDA's offset is applied (expected values by hand).
    [Theory]
    [InlineData("20191203133000+0100", "20191203123000")]
    [InlineData("20191231233000-0130", "20200101010000")]
    [InlineData("201912031330+0200", "201912031130")]
    [InlineData("20191203", "20191203")]
    [InlineData("20191203133000", "20191203133000")]
    [InlineData("20191203133000.123+0000", "20191203133000")]
    [InlineData("2019120313300+0100", null)]
    [InlineData("20191203133000+01", null)]
    [InlineData("2019xx", null)]
    [InlineData(null, null)]
    public void ToXdsTime(string? hl7, string? expected)
    {
        Assert.Equal(expected, CdaHeader.ToXdsTime(hl7));
    }
}
