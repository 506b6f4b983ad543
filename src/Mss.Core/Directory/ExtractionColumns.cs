using System;
using System.Text;

namespace Mss.Core.Directory;

/// <summary>
/// Where each column of the national extraction file is (BAL-7 0.3), found from the header line by name: the file's
/// columns have moved before, so their order is not trusted. Names are compared folded (case, accents, <c>_</c>, <c>-</c>
/// and repeated spaces ignored) and by their start, so that <c>Code postal</c> and <c>Code postal structure BAL</c> are
/// one column. A column the header lacks is −1 (its field reads empty), except the two that make a box: <c>Type de
/// BAL</c> and <c>Adresse BAL</c>.
/// </summary>
internal sealed class ExtractionColumns
{
    /// <summary>The most columns a header may have.</summary>
    public const int MaxColumns = 62;

    /// <summary>
    /// The header names (folded, see <see cref="Fold"/>) and their column, tested in this order by the start of the name:
    /// <c>type identifiant pp</c> before <c>identifiant pp</c>. The names are BAL-7 0.3's, with the variants public
    /// consumers of the file show (<c>Code postal</c> without its suffix, <c>Type d'identifiant PP</c>).
    /// </summary>
    private static readonly (string Name, Column Column)[] Names =
    {
        ("type de bal", Column.Kind),
        ("adresse bal", Column.Address),
        ("type identifiant pp", Column.PersonIdType),
        ("type d'identifiant pp", Column.PersonIdType),
        ("identifiant pp", Column.PersonId),
        ("identification nationale pp", Column.NationalId),
        ("type identifiant structure", Column.StructureType),
        ("type d'identifiant structure", Column.StructureType),
        ("identification structure", Column.Structure),
        ("identifiant structure", Column.Structure),
        ("service de rattachement", Column.Service),
        ("nom d'exercice", Column.FamilyName),
        ("prenom d'exercice", Column.GivenName),
        ("code profession", Column.ProfessionCode),
        ("libelle profession", Column.Profession),
        ("code savoir faire", Column.SpecialtyCode),
        ("libelle savoir faire", Column.Specialty),
        ("raison sociale", Column.StructureName),
        ("enseigne commerciale", Column.TradeName),
        ("l6ligneacheminement", Column.Routing),
        ("ligne d'acheminement", Column.Routing),
        ("code postal", Column.PostalCode),
    };

    private readonly int[] _at;

    private ExtractionColumns(int count)
    {
        Count = count;
        _at = new int[(int)Column.PostalCode + 1];
        _at.AsSpan().Fill(-1);
    }

    private enum Column
    {
        Kind,
        Address,
        PersonIdType,
        PersonId,
        NationalId,
        StructureType,
        Structure,
        Service,
        FamilyName,
        GivenName,
        ProfessionCode,
        Profession,
        SpecialtyCode,
        Specialty,
        StructureName,
        TradeName,
        Routing,
        PostalCode,
    }

    /// <summary>How many fields a data line has (the header's, a trailing empty one not counted).</summary>
    public int Count { get; }

    public int Kind => _at[(int)Column.Kind];

    public int Address => _at[(int)Column.Address];

    public int PersonIdType => _at[(int)Column.PersonIdType];

    public int PersonId => _at[(int)Column.PersonId];

    public int NationalId => _at[(int)Column.NationalId];

    public int StructureType => _at[(int)Column.StructureType];

    public int Structure => _at[(int)Column.Structure];

    public int Service => _at[(int)Column.Service];

    public int FamilyName => _at[(int)Column.FamilyName];

    public int GivenName => _at[(int)Column.GivenName];

    public int ProfessionCode => _at[(int)Column.ProfessionCode];

    public int Profession => _at[(int)Column.Profession];

    public int SpecialtyCode => _at[(int)Column.SpecialtyCode];

    public int Specialty => _at[(int)Column.Specialty];

    public int StructureName => _at[(int)Column.StructureName];

    public int TradeName => _at[(int)Column.TradeName];

    public int Routing => _at[(int)Column.Routing];

    public int PostalCode => _at[(int)Column.PostalCode];

    /// <summary>Reads a header line; null when it is not one (no <c>Type de BAL</c> or no <c>Adresse BAL</c>).</summary>
    public static ExtractionColumns? TryRead(ReadOnlySpan<char> line)
    {
        int count = 1;
        foreach (char ch in line)
        {
            if (ch == '|' && ++count > MaxColumns + 1)
            {
                return null;
            }
        }

        if (line.Length > 0 && line[line.Length - 1] == '|')
        {
            count--; // a trailing empty 32nd field
        }

        var columns = new ExtractionColumns(count);
        int index = 0;
        foreach (string name in Fold(line).Split('|'))
        {
            if (index < count)
            {
                columns.Assign(name, index++);
            }
        }

        return columns.Kind >= 0 && columns.Address >= 0 && count <= MaxColumns ? columns : null;
    }

    /// <summary>Lower case, accents off, <c>_</c> <c>-</c> <c>’</c> made plain, spaces collapsed and trimmed per field.</summary>
    internal static string Fold(ReadOnlySpan<char> text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (char raw in text)
        {
            char ch = char.ToLowerInvariant(raw) switch
            {
                'à' or 'â' or 'ä' => 'a',
                'é' or 'è' or 'ê' or 'ë' => 'e',
                'î' or 'ï' => 'i',
                'ô' or 'ö' => 'o',
                'ù' or 'û' or 'ü' => 'u',
                'ç' => 'c',
                '_' or '-' or '\t' => ' ',
                '\u2019' => '\'',
                char other => other,
            };
            bool spaceBefore = folded.Length == 0 || folded[folded.Length - 1] is ' ' or '|';
            if (ch == ' ' && spaceBefore)
            {
                continue;
            }

            if (ch == '|' && folded.Length > 0 && folded[folded.Length - 1] == ' ')
            {
                folded.Length--;
            }

            folded.Append(ch);
        }

        if (folded.Length > 0 && folded[folded.Length - 1] == ' ')
        {
            folded.Length--;
        }

        return folded.ToString();
    }

    private void Assign(string name, int index)
    {
        foreach ((string start, Column column) in Names)
        {
            if (name.StartsWith(start, StringComparison.Ordinal))
            {
                if (_at[(int)column] < 0)
                {
                    _at[(int)column] = index; // the first column of a name wins
                }

                return;
            }
        }
    }
}
