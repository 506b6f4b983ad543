using System.Collections.Generic;
using System.Net;
using System.Text;

namespace Mss.Core.Xdm;

/// <summary>The fixed files of an XDM archive (IHE ITI TF-1 §16.1.1, REF2-2): <c>INDEX.HTM</c>, <c>README.TXT</c>, the subset folder.</summary>
internal static class XdmFiles
{
    internal const string IndexPath = "INDEX.HTM";
    internal const string ReadmePath = "README.TXT";
    internal const string SubsetFolder = "IHE_XDM/SUBSET01/";
    internal const string MetadataName = "METADATA.XML";

    /// <summary>README.TXT: who made the archive and what it holds (ITI TF-1 §16.1.1.2), in French.</summary>
    internal static byte[] Readme(int documentCount)
    {
        var sb = new StringBuilder();
        sb.Append("Archive IHE_XDM (profil IHE XDM, ITI TF-1 section 16)\r\n");
        sb.Append("Produite avec Mss.Core, bibliotheque .NET de la messagerie securisee de sante MSSante.\r\n");
        sb.Append("Contenu : ").Append(documentCount).Append(" document(s) de sante d'un patient et leurs metadonnees\r\n");
        sb.Append("(IHE_XDM/SUBSET01/METADATA.XML, ebRIM 3.0, jeux de valeurs du CI-SIS).\r\n");
        sb.Append("Ouvrir INDEX.HTM pour la liste des documents.\r\n");
        return Encoding.ASCII.GetBytes(sb.ToString());
    }

    /// <summary>INDEX.HTM: an XHTML page linking to README.TXT and to each document with its title (ITI TF-1 §16.1.1.1).</summary>
    internal static byte[] Index(IReadOnlyList<XdmEntry> entries)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\r\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"fr\">\r\n<head>\r\n");
        sb.Append("<meta charset=\"utf-8\"/>\r\n<title>Documents de sant\u00e9 (IHE XDM)</title>\r\n</head>\r\n<body>\r\n");
        sb.Append("<h1>Documents de sant\u00e9</h1>\r\n<p><a href=\"README.TXT\">Lisez-moi</a></p>\r\n<ul>\r\n");
        foreach (XdmEntry entry in entries)
        {
            string path = SubsetFolder + entry.FileName;
            sb.Append("<li><a href=\"").Append(WebUtility.HtmlEncode(path)).Append("\">")
              .Append(WebUtility.HtmlEncode(entry.Title ?? entry.FileName)).Append("</a></li>\r\n");
        }

        sb.Append("</ul>\r\n</body>\r\n</html>\r\n");
        return new UTF8Encoding(false).GetBytes(sb.ToString());
    }
}
