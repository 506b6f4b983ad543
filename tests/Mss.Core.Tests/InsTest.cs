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
    [InlineData("1.2.250.1.213.1.4.80")]
    [InlineData("1.2.250.1.213.1.4.8.")]
    [InlineData("1.2.250.1.213.1.4. 8")]
    [InlineData("01.2.250.1.213.1.4.8")]
    [InlineData("urn:oid:")]
    [InlineData("urn:oid: 1.2.250.1.213.1.4.8")]
    [InlineData("urn:1.2.250.1.213.1.4.8")]
    [InlineData("oid:1.2.250.1.213.1.4.8")]
    [InlineData("urn:oid:urn:oid:1.2.250.1.213.1.4.8")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void TryParse_UnknownOid_Refused(string? oid)
    {
        Assert.False(Ins.TryParse("279035121518989", oid, out Ins ins));
        Assert.Equal(InsKind.Unknown, ins.Kind);
    }

    // INS-5 addendum (0.2): OIDs as FHIR writes them (urn:oid:, any case for the prefix) and with surrounding white space.
    [Theory]
    [InlineData("urn:oid:1.2.250.1.213.1.4.8", InsKind.Nir)]
    [InlineData("URN:OID:1.2.250.1.213.1.4.9", InsKind.Nia)]
    [InlineData(" 1.2.250.1.213.1.4.10\t", InsKind.NirTest)]
    [InlineData("\u00A0urn:oid:1.2.250.1.213.1.4.11\r\n", InsKind.NirDemo)]
    [InlineData("  1.2.250.1.213.1.4.8  ", InsKind.Nir)]
    public void TryParse_UrnOrSpacedOid_GivesKind(string oid, InsKind kind)
    {
        Assert.True(Ins.TryParse("279035121518989", oid, out Ins ins));
        Assert.Equal(kind, ins.Kind);
        Assert.True(InsOid.TryGetKind(oid, out InsKind direct));
        Assert.Equal(kind, direct);
        Assert.Equal(kind, Ins.Parse("279035121518989", oid).Kind);
        Assert.Equal(kind, Ins.Parse("2 79 03 51 215 189 89", oid, InsStyles.Lenient).Kind);
    }

    // INS-5 (0.2, issue 16): Parse throws only ArgumentNullException (naming the argument) or a FormatException subclass
    // carrying an error enum, whatever the OID; the matricule's error comes first.
    [Theory]
    [InlineData("279035121518989", "1.2.3", InsError.UnknownOid)]
    [InlineData("279035121518989", "", InsError.UnknownOid)]
    [InlineData("279035121518989", "urn:oid:", InsError.UnknownOid)]
    [InlineData("279035121518990", "1.2.250.1.213.1.4.8", InsError.Key)]
    [InlineData("279035121518990", "1.2.3", InsError.Key)]
    [InlineData("", "", InsError.Empty)]
    [InlineData("2790351215189", "1.2.3", InsError.Length)]
    public void Parse_BadParts_InsFormatExceptionWithError(string matricule, string oid, InsError error)
    {
        InsFormatException ex = Assert.Throws<InsFormatException>(() => Ins.Parse(matricule, oid));
        Assert.Equal(error, ex.Error);
        Assert.DoesNotContain("279035121518989", ex.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<FormatException>(ex);
    }

    [Fact]
    public void Parse_Null_NamesTheNullArgument()
    {
        Assert.Equal("matricule", Assert.Throws<ArgumentNullException>(() => Ins.Parse(null!, InsOid.Nir)).ParamName);
        Assert.Equal("matricule", Assert.Throws<ArgumentNullException>(() => Ins.Parse(null!, "1.2.3")).ParamName);
        Assert.Equal("oid", Assert.Throws<ArgumentNullException>(() => Ins.Parse("279035121518989", null!)).ParamName);
        Assert.Equal("oid", Assert.Throws<ArgumentNullException>(() => Ins.Parse("bad", null!)).ParamName);
        Assert.False(Ins.TryParse(null, null, out _));
    }

    [Fact]
    public void Parse_BadParts_ClearErrors()
    {
        Assert.Throws<InsFormatException>(() => Ins.Parse("279035121518990", InsOid.Nir));
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
