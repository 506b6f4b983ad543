using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Mss.Core.Directory;

namespace Mss.Core.Tests.Directory;

/// <summary>BAL-7 0.3: what changed between two days of the extraction file (MssDirectory.Compare, DirectoryChanges).</summary>
public class DirectoryChangesTest
{
    private static MssDirectory Load(params string[] lines) => MssDirectory.LoadExtraction(ExtractionTestData.Stream(ExtractionTestData.File(lines)));

    private static string[] Addresses(IReadOnlyList<DirectoryEntry> entries) => entries.Select(e => e.Address.ToString()).ToArray();

    [Fact]
    public void CreatedDeletedChanged_ByAddress()
    {
        MssDirectory monday = Load(
            ExtractionTestData.Box("PER", "a@medecin.mssante.fr", "810000000001", family: "DURAND"),
            ExtractionTestData.Box("PER", "b@medecin.mssante.fr", family: "MARTIN"),
            ExtractionTestData.Box("ORG", "c@ch-test.mssante.fr", structureType: "1", structure: "750100125"));
        MssDirectory tuesday = Load(
            ExtractionTestData.Box("ORG", "C@CH-TEST.MSSANTE.FR", structureType: "1", structure: "750100125"),
            ExtractionTestData.Box("PER", "a@medecin.mssante.fr", "810000000001", family: "DURAND-PERRIN"),
            ExtractionTestData.Box("PER", "d@medecin.mssante.fr", family: "PETIT"));

        DirectoryChanges changes = MssDirectory.Compare(monday, tuesday);

        Assert.Equal(new[] { "d@medecin.mssante.fr" }, Addresses(changes.Created));
        Assert.Equal(new[] { "b@medecin.mssante.fr" }, Addresses(changes.Deleted));
        Assert.Equal(new[] { "a@medecin.mssante.fr" }, Addresses(changes.Changed));
        Assert.Equal("DURAND-PERRIN", changes.Changed[0].FamilyName); // the newer entry
    }

    // BAL-7 0.3: a structure more (a repeated address) or another profession is a change; the same lines are none.
    [Fact]
    public void StructuresAndProfession_AreCompared()
    {
        string one = ExtractionTestData.Box("ORG", "c@ch-test.mssante.fr", structureType: "1", structure: "750100125");
        string two = ExtractionTestData.Box("ORG", "c@ch-test.mssante.fr", structureType: "1", structure: "010000024");
        string médecin = ExtractionTestData.Row((0, "PER"), (1, "a@medecin.mssante.fr"), (13, "10"), (14, "Médecin"));
        string dentiste = ExtractionTestData.Row((0, "PER"), (1, "a@medecin.mssante.fr"), (13, "40"), (14, "Chirurgien-Dentiste"));

        Assert.Single(MssDirectory.Compare(Load(one), Load(one, two)).Changed);
        Assert.Single(MssDirectory.Compare(Load(one, two), Load(two, one)).Changed); // the first structure is another
        Assert.Empty(MssDirectory.Compare(Load(one, two), Load(one, two)).Changed);
        Assert.Single(MssDirectory.Compare(Load(médecin), Load(dentiste)).Changed);
        Assert.Empty(MssDirectory.Compare(Load(médecin), Load(médecin)).Changed);
    }

    [Fact]
    public void NullDirectory_Throws()
    {
        MssDirectory empty = Load();
        Assert.Throws<ArgumentNullException>(() => MssDirectory.Compare(null!, empty));
        Assert.Throws<ArgumentNullException>(() => MssDirectory.Compare(empty, null!));
    }

    private static Arbitrary<(int Box, bool Upper, int Service)[]> Day() =>
        Gen.ArrayOf(Gen.Choose(0, 60).Zip(Gen.Elements(false, true)).Zip(Gen.Choose(0, 2), (bu, s) => (bu.Item1, bu.Item2, s))).ToArbitrary();

    private static MssDirectory Build((int Box, bool Upper, int Service)[] day) =>
        Load(day.Select(d =>
        {
            string address = "pro" + d.Box + "@medecin.mssante.fr";
            return ExtractionTestData.Row((0, "PER"), (1, d.Upper ? address.ToUpperInvariant() : address), (7, "Service " + d.Service));
        }).ToArray());

    // BAL-7 0.3: a directory compared with itself has no change.
    [Property(MaxTest = 200)]
    public Property SameDirectory_NoChange() => Prop.ForAll(Day(), day =>
    {
        MssDirectory directory = Build(day);
        DirectoryChanges changes = MssDirectory.Compare(directory, directory);
        return changes.Created.Count == 0 && changes.Deleted.Count == 0 && changes.Changed.Count == 0;
    });

    // BAL-7 0.3: created and deleted are the set differences of the addresses (case ignored); changed boxes are in both.
    [Property(MaxTest = 300)]
    public Property CreatedAndDeleted_AreSetDifferences() => Prop.ForAll(Day(), Day(), (a, b) =>
    {
        MssDirectory before = Build(a);
        MssDirectory after = Build(b);
        var inBefore = new HashSet<string>(before.Entries.Select(e => e.Address.ToString()), StringComparer.OrdinalIgnoreCase);
        var inAfter = new HashSet<string>(after.Entries.Select(e => e.Address.ToString()), StringComparer.OrdinalIgnoreCase);
        DirectoryChanges changes = MssDirectory.Compare(before, after);
        var created = new HashSet<string>(inAfter, StringComparer.OrdinalIgnoreCase);
        created.ExceptWith(inBefore);
        var deleted = new HashSet<string>(inBefore, StringComparer.OrdinalIgnoreCase);
        deleted.ExceptWith(inAfter);

        return new HashSet<string>(Addresses(changes.Created), StringComparer.OrdinalIgnoreCase).SetEquals(created)
            && new HashSet<string>(Addresses(changes.Deleted), StringComparer.OrdinalIgnoreCase).SetEquals(deleted)
            && changes.Changed.All(e => inBefore.Contains(e.Address.ToString()) && inAfter.Contains(e.Address.ToString()))
            && changes.Created.Count + changes.Changed.Count <= after.Count;
    });

    // BAL-7 0.3: a box is changed exactly when its (first) line's service differs.
    [Property(MaxTest = 300)]
    public Property Changed_WhenThePublishedServiceDiffers() => Prop.ForAll(Day(), Day(), (a, b) =>
    {
        static Dictionary<int, int> First((int Box, bool Upper, int Service)[] day)
        {
            var first = new Dictionary<int, int>();
            foreach ((int box, _, int service) in day)
            {
                first.TryAdd(box, service);
            }

            return first;
        }

        Dictionary<int, int> before = First(a);
        Dictionary<int, int> after = First(b);
        var expected = after.Where(kv => before.TryGetValue(kv.Key, out int s) && s != kv.Value).Select(kv => "pro" + kv.Key + "@medecin.mssante.fr");
        DirectoryChanges changes = MssDirectory.Compare(Build(a), Build(b));
        return new HashSet<string>(Addresses(changes.Changed), StringComparer.OrdinalIgnoreCase).SetEquals(expected);
    });
}
