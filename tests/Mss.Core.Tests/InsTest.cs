namespace Mss.Core.Tests;

public class InsTest
{
    // INS-5: the OID tells NIR, NIA, test and demo apart.
    [Theory]
    [InlineData("1.2.250.1.213.1.4.8", InsKind.Nir)]
    [InlineData("1.2.250.1.213.1.4.9", InsKind.Nia)]
    [InlineData("1.2.250.1.213.1.4.10", InsKind.NirTest)]
    [InlineData("1.2.250.1.213.1.4.11", InsKind.NirDemo)]
    public void TryParse_KnownOid_GivesKind(string oid, InsKind kind)
    {
        Assert.True(Ins.TryParse("279035121518989", oid, out Ins ins));
        Assert.Equal(kind, ins.Kind);
        Assert.Equal(oid, ins.Oid);
        Assert.Equal(oid, InsOid.Of(kind));
        Assert.Equal("279035121518989", ins.Matricule.ToString());
    }

    [Theory]
    [InlineData("1.2.250.1.213.1.4.2")]
    [InlineData("1.2.250.1.213.1.4.8 ")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_UnknownOid_Refused(string? oid)
    {
        Assert.False(Ins.TryParse("279035121518989", oid, out Ins ins));
        Assert.Equal(InsKind.Unknown, ins.Kind);
    }

    [Fact]
    public void Parse_BadParts_ClearErrors()
    {
        Assert.Throws<InsFormatException>(() => Ins.Parse("279035121518990", InsOid.Nir));
        Assert.Throws<ArgumentException>(() => Ins.Parse("279035121518989", "1.2.3"));
        Assert.Throws<ArgumentNullException>(() => Ins.Parse("279035121518989", null!));
        Assert.Throws<ArgumentException>(() => new Ins(default, InsKind.Nir));
        Assert.Throws<ArgumentException>(() => new Ins(InsMatricule.Parse("279035121518989"), InsKind.Unknown));
        Assert.Throws<ArgumentOutOfRangeException>(() => InsOid.Of(InsKind.Unknown));
    }

    [Fact]
    public void ToString_IsMasked()
    {
        Ins ins = Ins.Parse("279035121518989", InsOid.Nia);
        Assert.Equal("2790351******** (Nia)", ins.ToString());
        Assert.Equal(ins, Ins.Parse("279035121518989", InsOid.Nia));
        Assert.NotEqual(ins, Ins.Parse("279035121518989", InsOid.Nir));
    }
}
