using System.Security.Cryptography;

namespace Mss.Core.Xdm;

/// <summary>The document hash of the XDS metadata: SHA-1, 40 lower-case hexadecimal digits (ITI TF-3 §4.2.3.2.10, REF2-2).</summary>
internal static class XdmHash
{
    /// <summary>The SHA-1 of <paramref name="content"/> in lower-case hexadecimal.</summary>
#pragma warning disable CA5350 // SHA-1 is what IHE XDS metadata mandates for the hash slot; it is an integrity check, not a signature.
    internal static string Sha1Hex(byte[] content)
    {
        using var sha1 = SHA1.Create();
        byte[] hash = sha1.ComputeHash(content);
        return Hex(hash);
    }
#pragma warning restore CA5350

    internal static string Hex(byte[] bytes)
    {
        const string digits = "0123456789abcdef";
        var chars = new char[bytes.Length * 2];
        for (int i = 0; i < bytes.Length; i++)
        {
            chars[2 * i] = digits[bytes[i] >> 4];
            chars[(2 * i) + 1] = digits[bytes[i] & 0xF];
        }

        return new string(chars);
    }
}
