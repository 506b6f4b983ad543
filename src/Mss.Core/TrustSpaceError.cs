namespace Mss.Core;

/// <summary>
/// Why ANS's liste blanche was refused (ADDR-1 0.3), carried by <see cref="TrustSpaceFormatException"/>; for the user,
/// <see cref="FrenchText.Describe(TrustSpaceError)"/>. Checked in this order, the first that applies is reported:
/// <see cref="Unreadable"/>, <see cref="Unsigned"/>, <see cref="SignatureInvalid"/>, <see cref="UntrustedSigner"/>.
/// </summary>
public enum TrustSpaceError
{
    /// <summary>
    /// Not a liste blanche that can be read: not well-formed XML, a DTD or an entity (refused outright: XML from outside is
    /// hostile), too large, another root element or namespace, or no valid <c>DateDeGeneration</c>.
    /// </summary>
    Unreadable,

    /// <summary>The list carries no XML signature (use <see cref="TrustSpace.LoadUnsignedWhitelist"/> to opt out knowingly).</summary>
    Unsigned,

    /// <summary>
    /// The signature does not hold: a byte changed since signing, more than one signature, a reference that is not the
    /// whole document (<c>URI=""</c>, enveloped), another algorithm than exclusive C14N and RSA-SHA256, or no signer
    /// certificate in its KeyInfo.
    /// </summary>
    SignatureInvalid,

    /// <summary>
    /// The signature holds, but its certificate does not chain to one of the anchors the caller supplied, judged at the
    /// list's <c>DateDeGeneration</c>.
    /// </summary>
    UntrustedSigner,
}
