using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MimeKit;
using Mss.Core.Mime;

namespace Mss.Core.Tests.Mime;

/// <summary>
/// The one-pass reading of address headers (issue 29), in place of MimeKit's address-list parse, which is quadratic in the
/// number of entries without a domain: the same addresses as MimeKit on the headers people write.
/// </summary>
public class HeaderAddressesTest
{
    private static List<string> Scan(string text)
    {
        var found = new List<string>();
        HeaderAddresses.Scan(text, found);
        return found;
    }

    [Theory]
    [InlineData("dr.martin@chu-nantes.mssante.fr", new[] { "dr.martin@chu-nantes.mssante.fr" })]
    [InlineData("Dr Martin <dr.martin@chu.mssante.fr>, a@b.fr", new[] { "dr.martin@chu.mssante.fr", "a@b.fr" })]
    [InlineData("\"Martin, Paul (dr@x.fr)\" <dr.martin@chu.mssante.fr>", new[] { "dr.martin@chu.mssante.fr" })]
    [InlineData("dr.martin@chu.mssante.fr (Paul <Martin>, x@y.fr)", new[] { "dr.martin@chu.mssante.fr" })]
    [InlineData("Soins: a@b.fr, c@d.fr;, e@f.fr", new[] { "a@b.fr", "c@d.fr", "e@f.fr" })]
    [InlineData("undisclosed-recipients:;", new string[0])]
    [InlineData("secretariat", new[] { "secretariat" })]
    [InlineData("secretariat (Secrétariat), a@b.fr", new[] { "secretariat", "a@b.fr" })]
    [InlineData("c@d.fr, x, x", new[] { "c@d.fr", "x", "x" })]
    [InlineData("<@relay.fr:a@b.fr>", new[] { "a@b.fr" })]
    [InlineData("=?utf-8?q?Dr_=40Martin?= <a@b.fr>", new[] { "a@b.fr" })]
    [InlineData("\"unclosed <a@b.fr>", new string[0])]
    [InlineData("", new string[0])]
    [InlineData("@, a@, @b", new string[0])]
    public void Scan_FindsTheAddresses(string header, string[] expected) => Assert.Equal(expected, Scan(header));

    [Fact]
    public void First_TheFirstAddressOfTheFirstHeaderHoldingOne()
    {
        var message = new MimeMessage();
        message.Headers.Add("From", "undisclosed:;");
        message.Headers.Add("From", "Dr Martin <dr.martin@chu.mssante.fr>, a@b.fr");
        Assert.Equal("dr.martin@chu.mssante.fr", HeaderAddresses.First(message.Headers, HeaderId.From));
        Assert.Null(HeaderAddresses.First(message.Headers, HeaderId.Cc));
    }

    // On lists built from the shapes people write (names with commas and '@' in quotes, comments, groups, local aliases,
    // encoded names), the addresses are MimeKit's, in order (groups flattened as MimeKit's Mailboxes does). A local alias
    // is left out of the pool: MimeKit 4.18 reads "secretariat, c@d.fr (Jean)" as one mailbox named "secretariat, Jean",
    // where this reads the alias and the address (Scan_FindsTheAddresses).
    [Property(MaxTest = 300)]
    public Property Read_SameAddressesAsMimeKit() =>
        Prop.ForAll(Gen.ArrayOf(Gen.Choose(0, Entries.Length - 1)).ToArbitrary(), picks =>
        {
            string header = string.Join(", ", picks.Select(p => Entries[p]));
            var message = new MimeMessage();
            message.Headers.Add(HeaderId.To, Encoding.UTF8, header);
            List<string> expected = message.To.Mailboxes.Select(m => m.Address).ToList();
            return expected.SequenceEqual(HeaderAddresses.Read(message.Headers, HeaderId.To))
                .Label(header + " → " + string.Join(" | ", expected));
        });

    private static readonly string[] Entries =
    [
        "a@b.fr",
        "Dr Martin <dr.martin@chu-nantes.mssante.fr>",
        "\"Martin, Paul\" <paul.martin@ch.mssante.fr>",
        "\"dr@x.fr\" <y@z.fr>",
        "jean.dupont@ch.mssante.fr (Jean Dupont)",
        "Équipe: a1@b.fr, a2@b.fr;",
        "=?utf-8?q?Secr=C3=A9tariat?= <secretariat@ch.mssante.fr>",
        "279035121518989@patient.mssante.fr",
        "<x.y@cabinet.mssante.fr>",
    ];
}
