using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Mss.Core.Transport;

/// <summary>
/// REF1-2 "names the host connected to", as RFC 6125 says: the subjectAltName dNSName entries, or the CN only when the
/// certificate has no dNSName; an IP address host matches iPAddress entries only. A wildcard is the whole left-most
/// label only (<c>*.mssante.example.fr</c>), stands for exactly one label, and needs two labels after it.
/// </summary>
internal static class HostName
{
    private const string SubjectAltNameOid = "2.5.29.17";

    /// <summary>The names a certificate claims, read once.</summary>
    internal readonly struct Claims
    {
        internal Claims(List<string> dnsNames, List<IPAddress> addresses, string? commonName)
        {
            DnsNames = dnsNames;
            Addresses = addresses;
            CommonName = commonName;
        }

        internal List<string> DnsNames { get; }

        internal List<IPAddress> Addresses { get; }

        internal string? CommonName { get; }
    }

    /// <summary>Reads the subjectAltName and CN; <see langword="false"/> when the extension cannot be decoded (Malformed).</summary>
    internal static bool TryReadClaims(X509Certificate2 certificate, out Claims claims)
    {
        var dnsNames = new List<string>();
        var addresses = new List<IPAddress>();
        claims = default;
        foreach (X509Extension extension in certificate.Extensions)
        {
            if (extension.Oid?.Value == SubjectAltNameOid && !TryReadGeneralNames(extension.RawData, dnsNames, addresses))
            {
                return false;
            }
        }

        string? commonName = null;
        if (dnsNames.Count == 0)
        {
            // With no dNSName, DnsName is the subject's CN (the platform reads the distinguished name).
            try
            {
                commonName = certificate.GetNameInfo(X509NameType.DnsName, forIssuer: false);
            }
            catch (CryptographicException)
            {
                return false;
            }
        }

        claims = new Claims(dnsNames, addresses, string.IsNullOrEmpty(commonName) ? null : commonName);
        return true;
    }

    /// <summary>Whether <paramref name="host"/> is one of the names the certificate claims.</summary>
    internal static bool Matches(in Claims claims, string host)
    {
        string name = host.Trim();
        if (name.EndsWith(".", StringComparison.Ordinal))
        {
            name = name.Substring(0, name.Length - 1);
        }

        if (TryParseAddress(name, out IPAddress? address))
        {
            foreach (IPAddress claimed in claims.Addresses)
            {
                if (claimed.Equals(address))
                {
                    return true;
                }
            }

            return false;
        }

        string? ascii = ToAscii(name);
        if (ascii is null)
        {
            return false;
        }

        if (claims.DnsNames.Count > 0)
        {
            foreach (string pattern in claims.DnsNames)
            {
                if (MatchesPattern(pattern, ascii))
                {
                    return true;
                }
            }

            return false;
        }

        return claims.CommonName is { } cn && MatchesPattern(cn, ascii);
    }

    /// <summary>RFC 6125 §6.4: exact (ASCII case-insensitive) or a left-most-label wildcard for one label.</summary>
    internal static bool MatchesPattern(string pattern, string host)
    {
        if (pattern.EndsWith(".", StringComparison.Ordinal))
        {
            pattern = pattern.Substring(0, pattern.Length - 1);
        }

        if (pattern.Length == 0 || host.Length == 0 || host.IndexOf('*') >= 0)
        {
            return false;
        }

        if (!pattern.StartsWith("*.", StringComparison.Ordinal))
        {
            return pattern.IndexOf('*') < 0 && string.Equals(pattern, host, StringComparison.OrdinalIgnoreCase);
        }

        string suffix = pattern.Substring(1); // ".mssante.example.fr"
        if (suffix.IndexOf('*') >= 0 || suffix.IndexOf('.', 1) < 0)
        {
            return false; // a second wildcard, or "*.fr": too wide
        }

        int firstDot = host.IndexOf('.');
        return firstDot > 0 && string.Equals(host.Substring(firstDot), suffix, StringComparison.OrdinalIgnoreCase);
    }

    private static bool TryParseAddress(string name, out IPAddress? address)
    {
        address = null;
        string literal = name.Length > 1 && name[0] == '[' && name[name.Length - 1] == ']' ? name.Substring(1, name.Length - 2) : name;
        if (!IPAddress.TryParse(literal, out IPAddress? parsed))
        {
            return false;
        }

        // IPAddress.TryParse also reads "1" or "1.2"; a host name made of digits is still an address only in full form.
        if (parsed.AddressFamily == AddressFamily.InterNetwork && CountDots(literal) != 3)
        {
            return false;
        }

        address = parsed;
        return true;
    }

    private static int CountDots(string text)
    {
        int count = 0;
        foreach (char c in text)
        {
            if (c == '.')
            {
                count++;
            }
        }

        return count;
    }

    private static string? ToAscii(string name)
    {
        foreach (char c in name)
        {
            if (c > 0x7F)
            {
                try
                {
                    return new IdnMapping().GetAscii(name);
                }
                catch (ArgumentException)
                {
                    return null;
                }
            }
        }

        return name;
    }

    /// <summary>Reads GeneralNames (RFC 5280 §4.2.1.6): dNSName [2] IA5String and iPAddress [7] OCTET STRING; others skipped.</summary>
    private static bool TryReadGeneralNames(byte[] der, List<string> dnsNames, List<IPAddress> addresses)
    {
        int offset = 0;
        if (!TryReadHeader(der, ref offset, out byte tag, out int length) || tag != 0x30 || offset + length != der.Length)
        {
            return false;
        }

        while (offset < der.Length)
        {
            if (!TryReadHeader(der, ref offset, out tag, out length))
            {
                return false;
            }

            if (tag == 0x82)
            {
                var chars = new char[length];
                for (int i = 0; i < length; i++)
                {
                    byte b = der[offset + i];
                    if (b == 0 || b > 0x7E)
                    {
                        return false; // IA5String limited to printable ASCII in a DNS name
                    }

                    chars[i] = (char)b;
                }

                dnsNames.Add(new string(chars));
            }
            else if (tag == 0x87)
            {
                if (length != 4 && length != 16)
                {
                    return false;
                }

                var bytes = new byte[length];
                Array.Copy(der, offset, bytes, 0, length);
                addresses.Add(new IPAddress(bytes));
            }

            offset += length;
        }

        return true;
    }

    /// <summary>A DER tag and definite length (short form, or long form up to 4 bytes) that fits in the buffer.</summary>
    private static bool TryReadHeader(byte[] der, ref int offset, out byte tag, out int length)
    {
        tag = 0;
        length = 0;
        if (offset + 2 > der.Length)
        {
            return false;
        }

        tag = der[offset++];
        if ((tag & 0x1F) == 0x1F)
        {
            return false; // high tag numbers do not occur in GeneralName
        }

        int first = der[offset++];
        if (first < 0x80)
        {
            length = first;
        }
        else
        {
            int count = first & 0x7F;
            if (count == 0 || count > 4 || offset + count > der.Length)
            {
                return false;
            }

            long value = 0;
            for (int i = 0; i < count; i++)
            {
                value = (value << 8) | der[offset++];
            }

            if (value > int.MaxValue)
            {
                return false;
            }

            length = (int)value;
        }

        return length <= der.Length - offset;
    }
}
