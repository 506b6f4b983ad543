namespace Mss.Core.Tests;

public class CopyPolicyTest
{
    // ADDR-5: reported beyond the threshold, never refused.
    [Theory]
    [InlineData(3, 0, 0)]
    [InlineData(3, 3, 0)]
    [InlineData(3, 4, 1)]
    [InlineData(1, 5, 4)]
    public void Excess_CountsRecipientsBeyondThreshold(int threshold, int recipients, int expected)
    {
        Assert.Equal(expected, new CopyPolicy(threshold).Excess(recipients));
    }

    [Fact]
    public void Default_IsThree_AndZeroThresholdRefused()
    {
        Assert.Equal(3, CopyPolicy.Default.Threshold);
        Assert.Throws<ArgumentOutOfRangeException>(() => new CopyPolicy(0));
    }
}
