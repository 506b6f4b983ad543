using Mss.Core.Mailboxes;

namespace Mss.Core.Tests.Mailboxes;

public class StructureHolderTest
{
    [Fact]
    public void KeepsFiness_RefusesDefault()
    {
        Assert.Equal(TestHolders.Structure, new StructureHolder(TestHolders.Structure).Finess);
        Assert.Throws<ArgumentException>(() => new StructureHolder(default(Finess)));
    }
}
