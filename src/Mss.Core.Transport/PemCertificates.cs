using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Mss.Core.Transport;

/// <summary>The <c>CERTIFICATE</c> blocks of a PEM text (RFC 7468), the same way on every target framework.</summary>
internal static class PemCertificates
{
    private const string Begin = "-----BEGIN ";
    private const string Dashes = "-----";

    /// <summary>Every certificate, in order.</summary>
    /// <exception cref="ArgumentException">A block is not a certificate or cannot be read; or there is no block.</exception>
    internal static List<X509Certificate2> Read(string pem)
    {
        var certificates = new List<X509Certificate2>();
        int position = 0;
        while (true)
        {
            int begin = pem.IndexOf(Begin, position, StringComparison.Ordinal);
            if (begin < 0)
            {
                break;
            }

            int labelStart = begin + Begin.Length;
            int labelEnd = pem.IndexOf(Dashes, labelStart, StringComparison.Ordinal);
            if (labelEnd < 0)
            {
                throw new ArgumentException("A PEM block is not closed.", nameof(pem));
            }

            string label = pem.Substring(labelStart, labelEnd - labelStart);
            if (label != "CERTIFICATE")
            {
                throw new ArgumentException("Only CERTIFICATE blocks are read here; a private key has no place in a trust file.", nameof(pem));
            }

            string end = "-----END CERTIFICATE-----";
            int bodyStart = labelEnd + Dashes.Length;
            int endAt = pem.IndexOf(end, bodyStart, StringComparison.Ordinal);
            if (endAt < 0)
            {
                throw new ArgumentException("A CERTIFICATE block has no END line.", nameof(pem));
            }

            byte[] der;
            try
            {
                der = Convert.FromBase64String(pem.Substring(bodyStart, endAt - bodyStart));
            }
            catch (FormatException e)
            {
                throw new ArgumentException("A CERTIFICATE block is not Base64.", nameof(pem), e);
            }

            try
            {
#if NET9_0_OR_GREATER
                certificates.Add(X509CertificateLoader.LoadCertificate(der));
#else
                certificates.Add(new X509Certificate2(der));
#endif
            }
            catch (CryptographicException e)
            {
                throw new ArgumentException("A CERTIFICATE block cannot be read as an X.509 certificate.", nameof(pem), e);
            }

            position = endAt + end.Length;
        }

        if (certificates.Count == 0)
        {
            throw new ArgumentException("The PEM text has no CERTIFICATE block.", nameof(pem));
        }

        return certificates;
    }
}
