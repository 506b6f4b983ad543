using System.Text;

namespace Mss.Core.Tests;

/// <summary>First table of ADDR-1…ADDR-3; issue 3 extends it.</summary>
public class MssAddressTest
{
    [Theory]
    [InlineData("", AddressError.Empty)]
    [InlineData("jean.dupont@ch123.mssante.fr", AddressError.None)]
    [InlineData("accueil@ch123.mssante.fr", AddressError.None)]
    [InlineData("279035121518989@patient.mssante.fr", AddressError.None)]
    [InlineData("x@mssante.fr.evil.com", AddressError.NotMssante)]
    [InlineData("x@notmssante.fr", AddressError.NotMssante)]
    [InlineData("x@mssante.com", AddressError.NotMssante)]
    [InlineData("x@mssante.fr", AddressError.NotMssante)]
    [InlineData("no_reply@cpts123.mssante.fr", AddressError.None)]
    [InlineData("jean.dupont@ehpad_dumoulin.mssante.fr", AddressError.Syntax)]
    [InlineData("Jean <jean@ch.mssante.fr>", AddressError.Syntax)]
    [InlineData("jean@mssanté.fr", AddressError.Syntax)]
    [InlineData("jean@xn--mssant-bva.fr", AddressError.Syntax)]
    [InlineData("jean.@ch.mssante.fr", AddressError.Syntax)]
    [InlineData("jean@ch.mssante.fr.", AddressError.Syntax)]
    [InlineData("279035121518990@patient.mssante.fr", AddressError.InvalidPatientIns)]
    [InlineData("185052a12345633@patient.mssante.fr", AddressError.InvalidPatientIns)]
    public void Validate_Table(string text, AddressError expected)
    {
        Assert.Equal(expected, MssAddress.Validate(text));
        Assert.Equal(expected, MssAddress.Validate(Encoding.UTF8.GetBytes(text)));
        Assert.Equal(expected == AddressError.None, MssAddress.TryParse(text, out _));
    }

    [Fact]
    public void Canonical_DomainLowerCase_LocalCaseKept()
    {
        MssAddress a = MssAddress.Parse("Jean.Dupont@CH123.MSSante.fr");
        Assert.Equal("Jean.Dupont@ch123.mssante.fr", a.ToString());
        Assert.Equal("Jean.Dupont", a.LocalPart);
        Assert.Equal("ch123.mssante.fr", a.Domain);
        Assert.Equal(a, MssAddress.Parse("Jean.Dupont@ch123.mssante.fr"));
        Assert.NotEqual(a, MssAddress.Parse("jean.dupont@ch123.mssante.fr"));
    }

    [Fact]
    public void Patient_RoundTrip()
    {
        InsMatricule ins = InsMatricule.Parse("185052A12345633");
        MssAddress patient = MssAddress.ForPatient(ins);
        Assert.True(patient.IsPatient);
        Assert.Equal("185052A12345633@patient.mssante.fr", patient.ToString());
        Assert.True(patient.TryGetIns(out InsMatricule back));
        Assert.Equal(ins, back);
        Assert.Equal(patient, MssAddress.Parse("185052A12345633@PATIENT.mssante.fr"));
    }
}
