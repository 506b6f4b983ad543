using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using Mss.Core.Mailboxes;

namespace Mss.Core.Directory;

/// <summary>
/// Reads ANS's national extraction file <c>Extraction_Correspondance_MSSante</c> (BAL-7 0.3) into the directory's
/// structures (<see cref="DirectoryBuilder"/>), streaming: the <c>.txt</c>, or the <c>.zip</c> as downloaded (its first
/// file entry). One line at a time is held, bounded by <see cref="MaxLineBytes"/>; memory grows with the boxes kept, not
/// with the file.
/// </summary>
/// <remarks>
/// <para>
/// Decided here, as BAL-7 0.3 describes the file: <c>|</c>-separated with no quoting (a <c>"</c> is an ordinary
/// character); LF or CRLF; a UTF-8 BOM ignored. The encoding is decided <b>per line</b>: a line whose bytes are valid
/// UTF-8 is read as UTF-8, any other as Windows-1252 (so a file concatenated from an old and a new tool reads right line
/// by line). The first line that names the columns <c>Type de BAL</c> and <c>Adresse BAL</c> is the header; columns are
/// found by their names (accents, case and the <c>structure BAL</c> suffix ignored), since they have moved before. Until
/// a header is seen every line is skipped and counted.
/// </para>
/// <para>
/// A data line with as many fields as the header, or one more that is empty, is read; any other line is skipped and
/// counted, as is a line longer than <see cref="MaxLineBytes"/>, a line whose type is not a TRE_R257 code listed in the
/// Annuaire (BAL-4), and a line whose address is outside the trust space (ADDR-1 0.3: the <see cref="TrustSpace"/>
/// given, else 0.2's <c>.mssante.fr</c> rule) or is a patient's. An empty line is ignored. An
/// address already read (ASCII case ignored) is the same box: the line adds its structure to the box's
/// <see cref="DirectoryEntry.Structures"/> and nothing else. Identifiers that do not parse (IdNat_PS, structure) leave the
/// field null; the box is kept. A ZIP that cannot be read counts one skipped record and yields the lines read before the
/// damage. Never throws on content.
/// </para>
/// </remarks>
internal sealed class ExtractionReader
{
    /// <summary>The longest line read; real lines are about 170 bytes.</summary>
    public const int MaxLineBytes = 16 * 1024;

    /// <summary>The most fields a line may have (the header's 31 and a trailing empty one, with room for new columns).</summary>
    private const int MaxFields = 64;

    private const int BufferSize = 64 * 1024;

    private readonly DirectoryBuilder _builder = new();
    private readonly TrustSpace? _trust;
    private readonly Dictionary<ProfessionKey, ProfessionInfo> _professions = new();
    private readonly char[] _chars = new char[MaxLineBytes];
    private readonly int[] _starts = new int[MaxFields + 1];
    private ExtractionColumns? _columns;
    private bool _firstLine = true;

    /// <summary>A reader keeping the boxes of <paramref name="trust"/>; null keeps 0.2's rule (one or more labels + <c>.mssante.fr</c>).</summary>
    public ExtractionReader(TrustSpace? trust = null)
    {
        _trust = trust;
    }

    /// <summary>How many lines (or damaged ZIPs) were skipped.</summary>
    public int Skipped => _builder.Skipped;

    /// <summary>Reads one stream, the text or the ZIP. Never throws on content; an <see cref="IOException"/> of the stream passes.</summary>
    public void Read(Stream stream)
    {
        byte[] head = new byte[4];
        int got = 0;
        while (got < head.Length)
        {
            int n = stream.Read(head, got, head.Length - got);
            if (n == 0)
            {
                break;
            }

            got += n;
        }

        if (got == 4 && head[0] == (byte)'P' && head[1] == (byte)'K' && head[2] == 3 && head[3] == 4)
        {
            ReadZip(stream, head);
        }
        else
        {
            ReadText(stream, head.AsSpan(0, got));
        }
    }

    /// <summary>The entries in reading order and the index.</summary>
    public (DirectoryEntry[] Entries, AddressTable ByAddress) Build() => _builder.Build();

    private void ReadZip(Stream stream, byte[] head)
    {
        Stream source;
        if (stream.CanSeek && stream.Position == head.Length)
        {
            stream.Position = 0;
            source = stream;
        }
        else
        {
            // ZipArchive needs to seek (the central directory is at the end): keep the compressed bytes (~20 MB).
            var copy = new MemoryStream();
            copy.Write(head, 0, head.Length);
            stream.CopyTo(copy);
            copy.Position = 0;
            source = copy;
        }

        try
        {
            using var zip = new ZipArchive(source, ZipArchiveMode.Read, leaveOpen: true);
            foreach (ZipArchiveEntry entry in zip.Entries)
            {
                if (entry.FullName.EndsWith("/", StringComparison.Ordinal))
                {
                    continue; // a folder
                }

                using Stream text = entry.Open();
                ReadText(text, default);
                return;
            }

            _builder.Skipped++; // an archive without a file
        }
        catch (InvalidDataException)
        {
            _builder.Skipped++; // a damaged archive: the lines read so far stay
        }
        catch (NotSupportedException)
        {
            _builder.Skipped++; // an archive method ZipArchive does not read
        }
    }

    private void ReadText(Stream stream, ReadOnlySpan<byte> prefix)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            prefix.CopyTo(buffer);
            int start = 0;
            int end = prefix.Length;
            bool eof = false;
            bool skipping = false; // inside a line longer than MaxLineBytes
            while (true)
            {
                int newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
                if (newline >= 0)
                {
                    if (skipping)
                    {
                        skipping = false;
                    }
                    else
                    {
                        ReadLine(buffer.AsSpan(start, newline));
                    }

                    start += newline + 1;
                    continue;
                }

                if (eof)
                {
                    if (!skipping && start < end)
                    {
                        ReadLine(buffer.AsSpan(start, end - start));
                    }

                    break;
                }

                if (skipping || end - start > MaxLineBytes)
                {
                    if (!skipping)
                    {
                        _builder.Skipped++;
                        skipping = true;
                    }

                    start = end = 0; // drop what was read of the long line
                }
                else if (start > 0)
                {
                    buffer.AsSpan(start, end - start).CopyTo(buffer);
                    end -= start;
                    start = 0;
                }

                int read = stream.Read(buffer, end, buffer.Length - end);
                if (read == 0)
                {
                    eof = true;
                }

                end += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void ReadLine(ReadOnlySpan<byte> bytes)
    {
        if (_firstLine)
        {
            _firstLine = false;
            if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
            {
                bytes = bytes.Slice(3);
            }
        }

        if (!bytes.IsEmpty && bytes[bytes.Length - 1] == (byte)'\r')
        {
            bytes = bytes.Slice(0, bytes.Length - 1);
        }

        if (bytes.IsEmpty)
        {
            return;
        }

        if (bytes.Length > MaxLineBytes)
        {
            _builder.Skipped++;
            return;
        }

        int length = ExtractionText.TryDecodeUtf8(bytes, _chars);
        if (length < 0)
        {
            length = ExtractionText.DecodeWindows1252(bytes, _chars);
        }

        ReadOnlySpan<char> line = _chars.AsSpan(0, length);
        if (_columns is null)
        {
            _columns = ExtractionColumns.TryRead(line);
            if (_columns is null)
            {
                _builder.Skipped++;
            }

            return;
        }

        if (!Split(line, _columns.Count))
        {
            _builder.Skipped++;
            return;
        }

        ReadBox(line, _columns);
    }

    /// <summary>Finds the fields: as many as the header, or one more that is empty (BAL-7 0.3).</summary>
    private bool Split(ReadOnlySpan<char> line, int expected)
    {
        int fields = 0;
        int from = 0;
        _starts[0] = 0;
        while (true)
        {
            int bar = line.Slice(from).IndexOf('|');
            if (bar < 0)
            {
                break;
            }

            if (++fields > expected)
            {
                return false;
            }

            from += bar + 1;
            _starts[fields] = from;
        }

        fields++;
        _starts[fields] = line.Length + 1;
        return fields == expected || (fields == expected + 1 && from == line.Length);
    }

    /// <summary>Field <paramref name="column"/> of the line split last, spaces trimmed; empty for a column the file lacks.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ReadOnlySpan<char> Field(ReadOnlySpan<char> line, int column)
    {
        if (column < 0)
        {
            return default;
        }

        int start = _starts[column];
        ReadOnlySpan<char> field = line.Slice(start, _starts[column + 1] - 1 - start);
        return field.Trim(' ');
    }

    private void ReadBox(ReadOnlySpan<char> line, ExtractionColumns c)
    {
        ReadOnlySpan<char> text = Field(line, c.Address);
        if (!MailboxKindCodes.TryParse(Field(line, c.Kind), out MailboxKind kind) || !MailboxRules.IsListedInDirectory(kind)
            || text.IsEmpty)
        {
            _builder.Skipped++;
            return;
        }

        StructureId structure = ReadStructure(Field(line, c.StructureType), Field(line, c.Structure));
        if (_builder.TryGet(text, out DirectoryEntry? known))
        {
            known.AttachStructure(structure); // the same box, attached to one more structure
            return;
        }

        MssAddress address;
        bool parsed = _trust is null
            ? MssAddress.TryParse(text, out address)
            : MssAddress.TryParse(text, AddressStyles.None, _trust, out address);
        if (!parsed || address.IsPatient)
        {
            _builder.Skipped++; // not an address of the trust space (ADDR-1), or a patient's (BAL-4)
            return;
        }

        TextPool texts = _builder.Texts;
        ReadOnlySpan<char> structureName = Field(line, c.StructureName);
        if (structureName.IsEmpty)
        {
            structureName = Field(line, c.TradeName);
        }

        var entry = new DirectoryEntry(
            address,
            kind,
            ReadNationalId(Field(line, c.NationalId), Field(line, c.PersonIdType), Field(line, c.PersonId)),
            texts.Share(Field(line, c.FamilyName)),
            texts.Share(Field(line, c.GivenName)),
            texts.Share(structureName),
            structure,
            ReadProfession(line, c),
            texts.Share(Field(line, c.Service)),
            texts.Share(Field(line, c.PostalCode)),
            texts.Share(CityOf(Field(line, c.Routing))));
        if (_builder.TryAdd(address, entry) < 0 && _builder.TryGet(address.ToString().AsSpan(), out known))
        {
            known.AttachStructure(structure); // written differently, the same address once canonical
        }
    }

    /// <summary>
    /// "Identification nationale PP" (<c>8</c> + RPPS or <c>0</c> + ADELI); when it does not parse, "Type Identifiant PP"
    /// and "Identifiant PP" put together. Default when neither parses (BAL-6).
    /// </summary>
    private static IdNatPs ReadNationalId(ReadOnlySpan<char> national, ReadOnlySpan<char> type, ReadOnlySpan<char> id)
    {
        if (IdNatPs.TryParse(national, out IdNatPs parsed))
        {
            return parsed;
        }

        if (type.Length != 1 || id.IsEmpty || id.Length > IdNatPs.RppsLength)
        {
            return default;
        }

        Span<char> joined = stackalloc char[1 + IdNatPs.RppsLength];
        joined[0] = type[0];
        id.CopyTo(joined.Slice(1));
        return IdNatPs.TryParse(joined.Slice(0, 1 + id.Length), out parsed) ? parsed : default;
    }

    /// <summary>
    /// The structure as an IdNat_Struct (BAL-6): the TRE_G07 type (<c>1</c> FINESS, <c>3</c> SIRET…, or the words FINESS,
    /// SIREN, SIRET) put before the identifier as written, leading zeros and <c>2A</c>/<c>2B</c> kept; without a type, 9
    /// characters are a FINESS and 14 a SIRET. An identifier already prefixed is accepted. Default when nothing parses.
    /// </summary>
    internal static StructureId ReadStructure(ReadOnlySpan<char> type, ReadOnlySpan<char> id)
    {
        if (id.IsEmpty || id.Length > StructureId.CabinetRppsLength + 1)
        {
            return default;
        }

        char prefix = type.Length switch
        {
            0 => id.Length == Finess.Length ? '1' : id.Length == StructureId.SiretLength ? '3' : '\0',
            1 => type[0],
            _ => type.Equals("FINESS".AsSpan(), StringComparison.OrdinalIgnoreCase) ? '1'
                : type.Equals("SIREN".AsSpan(), StringComparison.OrdinalIgnoreCase) ? '2'
                : type.Equals("SIRET".AsSpan(), StringComparison.OrdinalIgnoreCase) ? '3'
                : '\0',
        };
        Span<char> joined = stackalloc char[2 + StructureId.CabinetRppsLength];
        joined[0] = prefix;
        id.CopyTo(joined.Slice(1));
        if (prefix != '\0' && StructureId.TryParse(joined.Slice(0, 1 + id.Length), out StructureId structure))
        {
            return structure;
        }

        return StructureId.TryParse(id, out structure) ? structure : default;
    }

    /// <summary>The town of a "ligne d'acheminement" (<c>75012 PARIS CEDEX 12</c> → <c>PARIS CEDEX 12</c>).</summary>
    internal static ReadOnlySpan<char> CityOf(ReadOnlySpan<char> routing)
    {
        int digits = 0;
        while (digits < routing.Length && routing[digits] is >= '0' and <= '9')
        {
            digits++;
        }

        return digits == 5 && routing.Length > 5 && routing[5] == ' ' ? routing.Slice(6).TrimStart(' ') : routing;
    }

    private ProfessionInfo? ReadProfession(ReadOnlySpan<char> line, ExtractionColumns c)
    {
        TextPool texts = _builder.Texts;
        var key = new ProfessionKey(
            texts.Share(Field(line, c.ProfessionCode)),
            texts.Share(Field(line, c.Profession)),
            texts.Share(Field(line, c.SpecialtyCode)),
            texts.Share(Field(line, c.Specialty)));
        if (key.Code is null && key.Label is null && key.SpecialtyCode is null && key.Specialty is null)
        {
            return null;
        }

        if (!_professions.TryGetValue(key, out ProfessionInfo? info))
        {
            info = new ProfessionInfo(key.Code, key.Label, key.SpecialtyCode, key.Specialty);
            if (_professions.Count < 100_000)
            {
                _professions.Add(key, info);
            }
        }

        return info;
    }

    /// <summary>Four texts from the pool: the same text is the same instance, so the key compares references.</summary>
    private readonly struct ProfessionKey : IEquatable<ProfessionKey>
    {
        public ProfessionKey(string? code, string? label, string? specialtyCode, string? specialty)
        {
            Code = code;
            Label = label;
            SpecialtyCode = specialtyCode;
            Specialty = specialty;
        }

        public string? Code { get; }

        public string? Label { get; }

        public string? SpecialtyCode { get; }

        public string? Specialty { get; }

        public bool Equals(ProfessionKey other) =>
            ReferenceEquals(Code, other.Code) && ReferenceEquals(Label, other.Label)
            && ReferenceEquals(SpecialtyCode, other.SpecialtyCode) && ReferenceEquals(Specialty, other.Specialty);

        public override bool Equals(object? obj) => obj is ProfessionKey other && Equals(other);

        public override int GetHashCode() => HashCode.Combine(
            RuntimeHelpers.GetHashCode(Code!),
            RuntimeHelpers.GetHashCode(Label!),
            RuntimeHelpers.GetHashCode(SpecialtyCode!),
            RuntimeHelpers.GetHashCode(Specialty!));
    }
}
