using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Mss.Core.Transport.Tests;

/// <summary>REF1-2 "names the host": RFC 6125 matching, wildcard in the left-most label only.</summary>
public class HostNameTest
{
    [Theory]
    [InlineData("smtp.mssante.fr", "smtp.mssante.fr")]
    [InlineData("SMTP.MSSante.FR", "smtp.mssante.fr")]
    [InlineData("*.mssante.fr", "imap.mssante.fr")]
    [InlineData("*.operateur.mssante.fr", "smtp.operateur.mssante.fr")]
    [InlineData("smtp.mssante.fr.", "smtp.mssante.fr")]
    public void MatchesPattern_Matching_True(string pattern, string host) =>
        Assert.True(HostName.MatchesPattern(pattern, host));

    [Theory]
    [InlineData("*.mssante.fr", "mssante.fr")]
    [InlineData("*.mssante.fr", "a.b.mssante.fr")]
    [InlineData("*.fr", "mssante.fr")]
    [InlineData("s*.mssante.fr", "smtp.mssante.fr")]
    [InlineData("*smtp.mssante.fr", "smtp.mssante.fr")]
    [InlineData("smtp.*.fr", "smtp.mssante.fr")]
    [InlineData("*.*.fr", "a.mssante.fr")]
    [InlineData("smtp.mssante.fr", "*.mssante.fr")]
    [InlineData("", "mssante.fr")]
    [InlineData("mssante.fr", "")]
    [InlineData("smtp.mssante.fr", "smtp.mssante.fr.evil.example")]
    public void MatchesPattern_NotMatching_False(string pattern, string host) =>
        Assert.False(HostName.MatchesPattern(pattern, host));

    private static Arbitrary<string> Labels() =>
        Gen.Elements("smtp", "imap", "mssante", "fr", "operateur", "a", "x-1")
            .ArrayOf().Where(a => a.Length is > 0 and < 5)
            .Select(a => string.Join(".", a))
            .ToArbitrary();

    [Property]
    public Property MatchesPattern_ExactName_AlwaysMatchesItself() =>
        Prop.ForAll(Labels(), name => HostName.MatchesPattern(name, name) && HostName.MatchesPattern(name.ToUpperInvariant(), name));

    [Property]
    public Property MatchesPattern_Wildcard_MatchesExactlyOneMoreLabel() =>
        Prop.ForAll(Labels(), Labels(), (suffix, prefix) =>
        {
            bool wide = suffix.Contains('.', StringComparison.Ordinal);
            bool oneLabel = !prefix.Contains('.', StringComparison.Ordinal);
            return HostName.MatchesPattern("*." + suffix, prefix + "." + suffix) == (wide && oneLabel)
                && !HostName.MatchesPattern("*." + suffix, suffix);
        });
}
