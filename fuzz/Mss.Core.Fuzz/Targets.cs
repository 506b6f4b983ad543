namespace Mss.Core.Fuzz;

/// <summary>
/// Every fuzz target, by name (the name is also the corpus folder and the command-line argument). Adding a parser is
/// one line here; a reader whose contract is only "never throws" needs no code of its own:
/// <code>
/// FuzzTarget.NeverThrowsOnStream("xdm", zip => Xdm.XdmPackage.TryRead(zip, out _, out _), 1 &lt;&lt; 20, "PK\u0003\u0004", "METADATA.XML"),
/// FuzzTarget.NeverThrowsOnStream("directory", json => Directory.MssDirectory.Load(json), 1 &lt;&lt; 20, "{", "\"telecom\""),
/// </code>
/// </summary>
internal static class Targets
{
    private const int Text = 4 << 10;
    private const int Message = 64 << 10;

    public static IReadOnlyList<FuzzTarget> All { get; } =
    [
        new("address", AddressTargets.Utf16, Text, AddressTargets.Tokens),
        new("address-utf8", AddressTargets.Utf8, Text, AddressTargets.Tokens),
        new("address-lenient", AddressTargets.Lenient, Text, [.. AddressTargets.Tokens, "Dr Jean Durand ", "\"Durand, Jean\" ", "MAILTO:", "\u2003"]),
        new("domain", TextTargets.Domain, Text, TextTargets.DomainTokens),
        new("recipients", TextTargets.Recipients, Text, [.. AddressTargets.Tokens, "\n"]),
        new("ins", IdentityTargets.Ins, Text, IdentityTargets.InsTokens),
        new("ins-oid", IdentityTargets.InsWithOid, Text, IdentityTargets.OidTokens),
        new("rpps", IdentityTargets.Rpps, Text, IdentityTargets.HealthIdTokens),
        new("adeli", IdentityTargets.Adeli, Text, IdentityTargets.HealthIdTokens),
        new("idnatps", IdentityTargets.IdNatPs, Text, IdentityTargets.HealthIdTokens),
        new("finess", IdentityTargets.Finess, Text, IdentityTargets.HealthIdTokens),
        new("structure-id", IdentityTargets.StructureId, Text, [.. IdentityTargets.HealthIdTokens, "1770816478", "3", "4", "2"]),
        new("closing-subject", TextTargets.Subject, Text, TextTargets.SubjectTokens),
        new("non-delivery-notice", TextTargets.Notice, Text, TextTargets.NoticeTokens),
        new("ndr-classify", MimeTargets.Classify, Message, MimeTargets.Tokens),
        new("ndr-read", MimeTargets.Read, Message, [.. MimeTargets.Tokens, "X-Failed-Recipients: ", "Action: delayed", "Status: 4.4.7", "550 5.1.10 ", "Original-Recipient: rfc822;"]),
        new("read-receipt", MimeTargets.ReadReceipt, Message, MimeTargets.Tokens),
        new("message-reader", MimeTargets.Reader, Message, MimeTargets.Tokens),
        FuzzTarget.NeverThrowsOnStream("xdm", zip => Xdm.XdmPackage.TryRead(zip, out _, out _), 1 << 20, "PK\u0003\u0004", "IHE_XDM/SUBSET01/METADATA.XML", "../", "<!DOCTYPE"),
        FuzzTarget.NeverThrowsOnStream("directory", json => Directory.MssDirectory.Load(json), 1 << 20, "{", "\"telecom\"", "\"resourceType\"", "as-ext-mailbox-mss-metadata", "\n"),
        new("directory-extraction", ExtractionTarget.Load, 1 << 20, ExtractionTarget.Tokens),
    ];

    public static FuzzTarget? Find(string name) => All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal));
}
