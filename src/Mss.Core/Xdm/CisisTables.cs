using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Mss.Core.Xdm;

/// <summary>
/// The ANS terminology tables REF2-2 0.3 uses, as data: each is an embedded tab-separated file in <c>Xdm/Cisis/</c> whose
/// header names the ANS file, its OID and version (ASS_X04, ASS_A11, ASS_A12, JDV_J03, JDV_J06, JDV_J10). Loaded once,
/// on first use; read-only afterwards (thread-safe).
/// </summary>
internal static class CisisTables
{
    /// <summary>TRE_A03-ClasseDocument: the classCode scheme (JDV_J06).</summary>
    internal const string ClassScheme = "1.2.250.1.213.1.1.4.1";

    /// <summary>TRE_R02-SecteurActivite: the healthcareFacilityTypeCode scheme (JDV_J02) and a part of JDV_J03.</summary>
    internal const string SectorScheme = "1.2.250.1.71.4.2.4";

    /// <summary>TRE_A06-FormatCodeComplementaire (CI-SIS formatCodes).</summary>
    internal const string CisisFormatScheme = "1.2.250.1.213.1.1.4.2.282";

    /// <summary>TRE_A11-IheFormatCode (IHE formatCodes).</summary>
    internal const string IheFormatScheme = "1.3.6.1.4.1.19376.1.2.3";

    /// <summary>The formatCode of a CDA model ASS_A11 does not list (REF2-2 0.3; JDV_J10 "Document non référencé IHE ou CI-SIS").</summary>
    internal const string OutOfProfileFormat = "urn:asipSante:modelesHorsProfils:2011";

    /// <summary>The unstructured CDA model (N1, XDS-SD): its formatCode comes from its body's media type (ASS_A12).</summary>
    internal const string UnstructuredTemplate = "1.3.6.1.4.1.19376.1.2.20";

    private static readonly Lazy<Tables> Loaded = new(Load, System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>ASS_X04: the classCode of a typeCode (code and its system), with the JDV_J06 display name; null when the table has no row.</summary>
    internal static XdmCode? ClassOfType(string code, string system) =>
        Loaded.Value.ClassByType.TryGetValue(Key(code, system), out XdmCode? c) ? c : null;

    /// <summary>ASS_A11: the formatCode of a CDA model (templateId), with the JDV_J10 display name; null when the table has no row.</summary>
    internal static XdmCode? FormatOfTemplate(string templateId) =>
        Loaded.Value.FormatByTemplate.TryGetValue(templateId, out XdmCode? c) ? c : null;

    /// <summary>ASS_A12: the formatCode of an unstructured CDA whose body has media type <paramref name="mediaType"/>; null when the table has no row.</summary>
    internal static XdmCode? FormatOfMediaType(string mediaType) =>
        Loaded.Value.FormatByMediaType.TryGetValue(mediaType.Trim().ToLowerInvariant(), out XdmCode? c) ? c : null;

    /// <summary>JDV_J10: the formatCode <paramref name="code"/> with its scheme and display name; null when not in the value set.</summary>
    internal static XdmCode? Format(string code) => Loaded.Value.Formats.TryGetValue(code, out XdmCode? c) ? c : null;

    /// <summary>JDV_J06: the classCode <paramref name="code"/> (scheme TRE_A03) with its display name; null when not in the value set.</summary>
    internal static XdmCode? Class(string code) => Loaded.Value.Classes.TryGetValue(code, out XdmCode? c) ? c : null;

    /// <summary>JDV_J03: the contentTypeCode <paramref name="code"/> of system <paramref name="system"/> with its display name; null when not in the value set.</summary>
    internal static XdmCode? ContentType(string code, string system) =>
        Loaded.Value.ContentTypes.TryGetValue(Key(code, system), out XdmCode? c) ? c : null;

    /// <summary>The data rows of an embedded table: tab-separated fields, <c>#</c> lines skipped.</summary>
    internal static IEnumerable<string[]> Rows(string name)
    {
        using Stream stream = typeof(CisisTables).Assembly.GetManifestResourceStream("Mss.Core.Xdm.Cisis." + name)
            ?? throw new InvalidOperationException("Missing embedded table " + name + ".");
        using var reader = new StreamReader(stream, new UTF8Encoding(false));
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                yield return line.Split('\t');
            }
        }
    }

    /// <summary>
    /// The sizes of freshly loaded tables (not the cached ones): classes, formats, content types, ASS_X04, ASS_A11 and ASS_A12
    /// rows kept. For tests: the cached tables are loaded once per process.
    /// </summary>
    internal static int[] FreshCounts()
    {
        Tables t = Load();
        return [t.Classes.Count, t.Formats.Count, t.ContentTypes.Count, t.ClassByType.Count, t.FormatByTemplate.Count, t.FormatByMediaType.Count];
    }

    /// <summary>A fresh load's lookup of ASS_X04 (see <see cref="FreshCounts"/>).</summary>
    internal static XdmCode? FreshClassOfType(string code, string system) =>
        Load().ClassByType.TryGetValue(Key(code, system), out XdmCode? c) ? c : null;

    private static string Key(string code, string system) => code + "\n" + system;

    private static Tables Load()
    {
        var t = new Tables();
        foreach (string[] r in Rows("JDV_J06.tsv"))
        {
            t.Classes[r[0]] = new XdmCode(r[0], r[1], r[2]);
        }

        foreach (string[] r in Rows("JDV_J10.tsv"))
        {
            t.Formats[r[0]] = new XdmCode(r[0], r[1], r[2]);
        }

        foreach (string[] r in Rows("JDV_J03.tsv"))
        {
            t.ContentTypes[Key(r[0], r[1])] = new XdmCode(r[0], r[1], r[2]);
        }

        foreach (string[] r in Rows("ASS_X04.tsv"))
        {
            // Only rows whose target is a document class (the file's last row maps an ASTM code to a URN).
            if (r[3] == ClassScheme && t.Classes.TryGetValue(r[2], out XdmCode? c))
            {
                t.ClassByType[Key(r[0], r[1])] = c;
            }
        }

        foreach (string[] r in Rows("ASS_A11.tsv"))
        {
            // The unstructured model lists every XDS-SD code: ASS_A12 chooses among them.
            if (r[0] != UnstructuredTemplate && t.Formats.TryGetValue(r[2], out XdmCode? f) && !t.FormatByTemplate.ContainsKey(r[0]))
            {
                t.FormatByTemplate[r[0]] = f;
            }
        }

        foreach (string[] r in Rows("ASS_A12.tsv"))
        {
            if (t.Formats.TryGetValue(r[1], out XdmCode? f))
            {
                t.FormatByMediaType[r[0]] = f;
            }
        }

        return t;
    }

    private sealed class Tables
    {
        internal Dictionary<string, XdmCode> Classes { get; } = new(StringComparer.Ordinal);

        internal Dictionary<string, XdmCode> Formats { get; } = new(StringComparer.Ordinal);

        internal Dictionary<string, XdmCode> ContentTypes { get; } = new(StringComparer.Ordinal);

        internal Dictionary<string, XdmCode> ClassByType { get; } = new(StringComparer.Ordinal);

        internal Dictionary<string, XdmCode> FormatByTemplate { get; } = new(StringComparer.Ordinal);

        internal Dictionary<string, XdmCode> FormatByMediaType { get; } = new(StringComparer.Ordinal);
    }
}
