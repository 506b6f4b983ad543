using System;
using System.Numerics;

namespace Mss.Core.Xdm;

/// <summary>Identifiers for METADATA.XML: entry UUIDs (<c>urn:uuid:…</c>) and UUID-based OIDs (<c>2.25.…</c>, ITU-T X.667).</summary>
internal sealed class XdmIds
{
    /// <summary>A new <c>urn:uuid:</c> entry id (ITI TF-3 §4.2.3.1.7: entryUUID).</summary>
    internal string Next() => "urn:uuid:" + Guid.NewGuid().ToString("D");

    /// <summary>A new OID under 2.25 from a random UUID (X.667 §6.3): the 128-bit integer in decimal.</summary>
    internal static string NewOid()
    {
        byte[] uuid = Guid.NewGuid().ToByteArray();
        var bytes = new byte[17]; // trailing zero byte: non-negative BigInteger
        Array.Copy(uuid, bytes, 16);
        return "2.25." + new BigInteger(bytes).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
