using Mss.Core.Mailboxes;

namespace Mss.Core.Tests.Mailboxes;

public class ProfessionalHolderTest
{
    // BAL-2, BAL-6: an IdNat_PS "8…" carries an RPPS (personal box allowed); "0…" an ADELI only.
    [Fact]
    public void FromIdNatPs_RppsOrAdeli()
    {
        ProfessionalHolder withRpps = ProfessionalHolder.FromIdNatPs(IdNatPs.Parse("810000000009"));
        Assert.True(withRpps.HasRpps);
        Assert.Equal(Rpps.Parse("10000000009"), withRpps.Rpps);
        Assert.Null(withRpps.Adeli);

        ProfessionalHolder withAdeli = ProfessionalHolder.FromIdNatPs(IdNatPs.Parse("0123456782"));
        Assert.False(withAdeli.HasRpps);
        Assert.Equal(Adeli.Parse("123456782"), withAdeli.Adeli);
        Assert.Throws<ArgumentException>(() => ProfessionalHolder.FromIdNatPs(default));
    }

    [Fact]
    public void DefaultIdentifiers_CountAsNone()
    {
        var holder = new ProfessionalHolder(default(Rpps), default(Adeli));
        Assert.False(holder.HasRpps);
        Assert.Null(holder.Adeli);
        Assert.Equal(new ProfessionalHolder(), holder);
    }
}
