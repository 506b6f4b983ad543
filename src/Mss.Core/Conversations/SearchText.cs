using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Mss.Core.Conversations;

/// <summary>Accent- and case-insensitive folding for the pharmacy search (CONV-6).</summary>
internal static class SearchText
{
    /// <summary>
    /// Folds a text for searching: compatibility decomposition (FormKD, so full-width letters become ASCII), combining
    /// marks removed, ligatures œ/æ/ß spelled out, letters with a stroke (ø, đ, ł), which have no decomposition, read as
    /// their base letter, upper case, every other character than a letter or digit read as a
    /// space, spaces collapsed. "Pharmacie de l'Étoile" → "PHARMACIE DE L ETOILE"; "Saint-Étienne" → "SAINT ETIENNE".
    /// </summary>
    public static string Fold(string text)
    {
        string decomposed;
        try
        {
            decomposed = text.Normalize(NormalizationForm.FormKD);
        }
        catch (ArgumentException)
        {
            decomposed = text; // a lone surrogate: folded as it is
        }

        var sb = new StringBuilder(decomposed.Length);
        bool space = true;
        foreach (char c in decomposed)
        {
            UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                switch (c)
                {
                    case 'œ' or 'Œ':
                        sb.Append("OE");
                        break;
                    case 'æ' or 'Æ':
                        sb.Append("AE");
                        break;
                    case 'ß':
                        sb.Append("SS");
                        break;
                    case 'ø' or 'Ø':
                        sb.Append('O');
                        break;
                    case 'đ' or 'Đ':
                        sb.Append('D');
                        break;
                    case 'ł' or 'Ł':
                        sb.Append('L');
                        break;
                    default:
                        sb.Append(char.ToUpperInvariant(c)); // no string per character (issue 27)
                        break;
                }

                space = false;
            }
            else if (!space)
            {
                sb.Append(' ');
                space = true;
            }
        }

        return sb.ToString().TrimEnd();
    }

    /// <summary>The words of a folded query.</summary>
    public static IReadOnlyList<string> Words(string text) =>
        Fold(text).Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
}
