using Mss.Core.Mailboxes;

namespace Mss.Core.Tests.Mailboxes;

public class LegalRepresentativeHolderTest
{
    [Fact]
    public void KeepsStructure_RefusesDefault()
    {
        Assert.Equal(TestHolders.Structure, new LegalRepresentativeHolder(TestHolders.Structure).Structure);
        Assert.Throws<ArgumentException>(() => new LegalRepresentativeHolder(default(Finess)));
        Assert.NotEqual<MailboxHolder>(new LegalRepresentativeHolder(TestHolders.Structure), new StructureHolder(TestHolders.Structure));
    }
}
