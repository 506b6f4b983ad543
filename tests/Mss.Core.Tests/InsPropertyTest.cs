using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Mss.Core.Tests;

[Properties(MaxTest = 2000)]
public class InsPropertyTest
{
    private static readonly string[] Oids =
    [
        InsOid.Nir, InsOid.Nia, InsOid.NirTest, InsOid.NirDemo, "urn:oid:" + InsOid.Nir, " URN:oid:" + InsOid.NirDemo + "\n",
        "1.2.3", "", " ", "urn:oid:", "1.2.250.1.213.1.4.8.", "\u00A01.2.250.1.213.1.4.9\u00A0",
    ];

    // INS-5 (0.2, issue 16): whatever the texts, Parse throws only ArgumentNullException or a FormatException subclass
    // carrying the error enum, and agrees with TryParse, which never throws.
    [Property]
    public Property Parse_OnlyArgumentNullOrInsFormat_AgreesWithTryParse()
    {
        Gen<string?> matricule = Gen.Frequency(
            (3, ArbMap.Default.GeneratorFor<string?>()),
            (2, from body in InsGenerators.BodyGen() select (string?)InsMatricule.FromBody(body.Value).ToString()),
            (1, Gen.Constant<string?>(null)));
        Gen<string?> oid = Gen.Frequency(
            (3, Gen.Elements(Oids).Select(o => (string?)o)),
            (2, ArbMap.Default.GeneratorFor<string?>()),
            (1, Gen.Constant<string?>(null)));
        return Prop.ForAll(matricule.ToArbitrary(), oid.ToArbitrary(), (m, o) =>
        {
            bool ok = Ins.TryParse(m, o, out Ins tried);
            try
            {
                Ins parsed = Ins.Parse(m!, o!);
                return ok && parsed == tried;
            }
            catch (ArgumentNullException ex)
            {
                return !ok && (m is null ? ex.ParamName == "matricule" : o is null && ex.ParamName == "oid");
            }
            catch (InsFormatException ex)
            {
                return !ok && ex.Error != InsError.None && tried == default
                    && (ex.Error == InsError.UnknownOid) == InsMatricule.TryParse(m, out _);
            }
        });
    }

#if !DEBUG
    // Release only (issue 27): Debug builds allocate where Release does not; the measurement is in the benchmarks.
    // INS-9: Compare allocates nothing (it runs on every keystroke of an identity form).
    [Fact]
    public void Compare_AllocatesNothing()
    {
        InsMatricule ins = InsMatricule.FromBody("2870197101234");
        NodaTime.LocalDate date = new(1987, 1, 20);
        int Run() => (int)InsIdentityCheck.Compare(ins, Sex.Male, date, "97209") + (int)InsIdentityCheck.Compare(ins, Sex.Female, date, " 2a004 ");
        Assert.Equal(0, Allocations.Measure(Run, 100, out int[] results));
        Assert.All(results, r => Assert.Equal((int)(InsMismatches.Sex | InsMismatches.BirthPlace) + (int)InsMismatches.BirthPlace, r));
    }
#endif
}
