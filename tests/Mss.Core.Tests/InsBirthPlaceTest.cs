namespace Mss.Core.Tests;

// INS-3: the birth place positions 6-10 of a matricule designate, read through InsMatricule.BirthPlace.
public class InsBirthPlaceTest
{
    private static InsBirthPlace PlaceOf(string body) => InsMatricule.FromBody(body).BirthPlace;

    [Fact]
    public void Equality_EveryFieldCounts()
    {
        InsBirthPlace sarthe181 = PlaceOf("1850572181001");
        Assert.True(sarthe181 == PlaceOf("2910372181999"));
        Assert.False(sarthe181 != PlaceOf("2910372181999"));
        Assert.True(sarthe181.Equals((object)PlaceOf("1850572181001")));
        Assert.False(sarthe181.Equals((object)"72181"));
        Assert.Equal(sarthe181.GetHashCode(), PlaceOf("2910372181999").GetHashCode());

        Assert.True(sarthe181 != PlaceOf("1850573181001")); // another department, same commune number
        Assert.True(sarthe181 != PlaceOf("1850572182001")); // same department, another commune
        Assert.True(PlaceOf("1850599352001") != PlaceOf("1850599350001")); // abroad: another country
        Assert.False(sarthe181 == default);
    }

    [Fact]
    public void Default_IsEmpty()
    {
        InsBirthPlace none = default;
        Assert.Equal(BirthPlaceKind.Unknown, none.Kind);
        Assert.Equal(string.Empty, none.Department);
        Assert.Equal(string.Empty, none.Commune);
        Assert.Equal(string.Empty, none.Country);
        Assert.Equal(string.Empty, none.InseeCode);
    }

    [Theory]
    [InlineData("1850572181001", "72181 (MetropolitanDepartment)")]
    [InlineData("1850599352001", "99352 (Abroad)")]
    [InlineData("185052A004001", "2A004 (Corsica)")]
    public void ToString_InseeCodeAndKind(string body, string expected) => Assert.Equal(expected, PlaceOf(body).ToString());

    // INS-3: 97x/98x are a 3-digit department and a 2-digit commune; the codes in use (971 to 978, 984 to 988) are
    // Overseas, any other is reported as Unexpected (INS-4).
    [Theory]
    [InlineData("1850597101001", BirthPlaceKind.Overseas, "971", "01")]
    [InlineData("1850597801001", BirthPlaceKind.Overseas, "978", "01")]
    [InlineData("1850597901001", BirthPlaceKind.Unexpected, "979", "01")]
    [InlineData("1850598301001", BirthPlaceKind.Unexpected, "983", "01")]
    [InlineData("1850598401001", BirthPlaceKind.Overseas, "984", "01")]
    [InlineData("1850598801001", BirthPlaceKind.Overseas, "988", "01")]
    public void Overseas_Bounds(string body, BirthPlaceKind kind, string department, string commune)
    {
        InsBirthPlace place = PlaceOf(body);
        Assert.Equal((kind, department, commune), (place.Kind, place.Department, place.Commune));
    }
}
