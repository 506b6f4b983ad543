using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using Mss.Core.Mailboxes;

namespace Mss.Core.Directory;

/// <summary>
/// Reads the Annuaire Santé's FHIR R4 JSON (BAL-7) into directory entries, streaming: a Bundle is walked token by token
/// and only one resource at a time is held in the buffer (a resource object is parsed once it is complete); NDJSON and
/// concatenated resources are read one top-level value after the other. No document object model is built.
/// </summary>
/// <remarks>
/// Decided here: an e-mail <c>telecom</c> is an MSSanté box only when it carries the extension
/// <c>as-ext-mailbox-mss-metadata</c> (BAL-7); other e-mails are ordinary contacts and are ignored. One marked with the
/// FR Core e-mail type MSSANTE but without that extension has no known kind: it is skipped and counted. A box telecom whose
/// address is not an MSSanté address, is a patient's (BAL-4), or whose <c>type</c> is missing or not a TRE_R257 code is
/// skipped and counted; so is a resource that is not a JSON object or has no <c>resourceType</c>, and a top-level value
/// that is not valid JSON (NDJSON resumes at the next line, and a value starting in the lines a malformed one covered is read only when it ends on its line, issue 29; a Bundle stops there). The first occurrence of an address
/// wins. A PractitionerRole's box takes the RPPS and names of the Practitioner it references and the structure of the
/// Organization it references, wherever they are in the input.
/// </remarks>
internal sealed class FhirDirectoryReader
{
    private const int InitialBuffer = 64 * 1024;

    private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 128 };
    private static readonly string[] SectorCodes = BuildSectorCodes();

    private readonly DirectoryBuilder _builder = new();
    private readonly Dictionary<string, PersonInfo> _practitioners = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StructureInfo> _organizations = new(StringComparer.Ordinal);
    private readonly List<PendingRoleBox> _pending = new();
    private readonly List<BoxRaw> _boxes = new();

    /// <summary>The position in the stream of the buffer's first byte.</summary>
    private long _offset;

    /// <summary>
    /// Values that start before this position in the stream are read only when they end on their line (issue 29): their
    /// lines were already read, as part of a value that turned out malformed.
    /// </summary>
    private long _lineOnlyBefore;

    public int Skipped => _builder.Skipped;

    /// <summary>True while <see cref="TryReadLine"/> tries a line: a nested Bundle declines instead of being read.</summary>
    private bool _trial;

    private enum ResourceKind
    {
        Unknown,
        Other,
        Practitioner,
        PractitionerRole,
        Organization,
        Bundle,
    }

    private enum TopLevel
    {
        /// <summary>The value was read (malformed resources in it counted).</summary>
        Read,

        /// <summary>A resource is not valid JSON: resume at the line after its start (NDJSON).</summary>
        BadLine,

        /// <summary>A value spanning lines (a Bundle) is not valid JSON or is truncated: the rest of the stream is not read.</summary>
        Stop,
    }

    private enum IdSystem
    {
        Unknown,
        IdNatPs,
        Rpps,
        IdNatStruct,
        Finess,
    }

    /// <summary>Reads one stream (a Bundle, NDJSON, or a single resource). Never throws on content.</summary>
    public void Read(Stream stream)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(InitialBuffer);
        int start = 0;
        int end = 0;
        bool eof = false;
        try
        {
            bool first = true;
            while (true)
            {
                while (start < end && IsWhiteSpace(buffer[start]))
                {
                    start++;
                }

                if (first && end - start >= 3 && buffer[start] == 0xEF && buffer[start + 1] == 0xBB && buffer[start + 2] == 0xBF)
                {
                    start += 3;
                    continue;
                }

                if (start == end || (first && end - start < 3 && !eof))
                {
                    if (eof && start == end)
                    {
                        break;
                    }

                    Refill(stream, ref buffer, ref start, ref end, ref eof, start);
                    continue;
                }

                first = false;
                if (TryReadLine(buffer, ref start, end, eof))
                {
                    continue;
                }

                TopLevel result = ReadTopLevel(stream, ref buffer, ref start, ref end, ref eof);
                if (result == TopLevel.Read)
                {
                    continue;
                }

                _builder.Skipped++;
                if (result == TopLevel.Stop || !SkipToNextLine(stream, ref buffer, ref start, ref end, ref eof))
                {
                    break;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Resolves the PractitionerRole boxes and returns the entries in reading order.</summary>
    public (DirectoryEntry[] Entries, AddressTable ByAddress) Build()
    {
        foreach (PendingRoleBox pending in _pending)
        {
            PersonInfo? person = pending.PractitionerId is null ? null : _practitioners.TryGetValue(pending.PractitionerId, out PersonInfo? p) ? p : null;
            StructureInfo? structure = pending.OrganizationId is null ? null : _organizations.TryGetValue(pending.OrganizationId, out StructureInfo? s) ? s : null;
            BoxRaw box = pending.Box;
            _builder.Fill(pending.Slot, new DirectoryEntry(
                box.Address,
                box.Kind,
                person?.Rpps,
                person?.Family,
                person?.Given,
                structure?.Name,
                structure?.Id,
                structure?.Sector,
                box.RedList,
                structure?.City));
        }

        return _builder.Build();
    }

    /// <summary>
    /// What reading content can throw (issue 29): <see cref="JsonException"/> from the reader, and what its value getters
    /// document for values they cannot give (<see cref="InvalidOperationException"/> for invalid UTF-8 or UTF-16,
    /// <see cref="FormatException"/>). Each ends the resource at hand, counted as skipped; none escapes <see cref="Read"/>.
    /// </summary>
    private static bool IsContentError(Exception e) => e is JsonException or InvalidOperationException or FormatException;

    private static bool IsWhiteSpace(byte b) => b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t';

    private static string[] BuildSectorCodes()
    {
        var codes = new string[100];
        for (int i = 0; i < codes.Length; i++)
        {
            codes[i] = "SA" + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture);
        }

        return codes;
    }

    /// <summary>Moves the bytes from <paramref name="keep"/> to the buffer's start, grows it when full, reads more.</summary>
    private void Refill(Stream stream, ref byte[] buffer, ref int start, ref int end, ref bool eof, int keep)
    {
        if (keep > 0)
        {
            _offset += keep;
            Buffer.BlockCopy(buffer, keep, buffer, 0, end - keep);
            end -= keep;
            start -= keep;
        }

        if (end == buffer.Length)
        {
            byte[] larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
            Buffer.BlockCopy(buffer, 0, larger, 0, end);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = larger;
        }

        int read = stream.Read(buffer, end, buffer.Length - end);
        if (read <= 0)
        {
            eof = true;
        }
        else
        {
            end += read;
        }
    }

    private bool SkipToNextLine(Stream stream, ref byte[] buffer, ref int start, ref int end, ref bool eof)
    {
        while (true)
        {
            int newline = Array.IndexOf(buffer, (byte)'\n', start, end - start);
            if (newline >= 0)
            {
                start = newline + 1;
                return true;
            }

            start = end;
            if (eof)
            {
                return false;
            }

            Refill(stream, ref buffer, ref start, ref end, ref eof, start);
        }
    }

    private static string? ReferenceId(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        int history = reference!.IndexOf("/_history/", StringComparison.Ordinal);
        string path = history >= 0 ? reference.Substring(0, history) : reference;
        int slash = path.LastIndexOf('/');
        return slash >= 0 && slash < path.Length - 1 ? path.Substring(slash + 1) : path;
    }

    /// <summary>
    /// Reads one top-level value from <paramref name="start"/>: a Bundle is walked, its entries' resources parsed one by
    /// one; any other object is parsed as a resource once complete. False when the JSON is invalid or truncated.
    /// </summary>
    private TopLevel ReadTopLevel(Stream stream, ref byte[] buffer, ref int start, ref int end, ref bool eof)
    {
        var state = new JsonReaderState(Options);
        int pos = start;
        bool capturing = true;
        int captureStart = start;
        int captureDepth = 0;
        bool rootIsObject = false;
        bool firstProperty = true;
        bool awaitBundleType = false;
        bool bundle = false;
        bool awaitEntryArray = false;
        bool inEntries = false;
        bool awaitResource = false;

        // A value that is not a Bundle's is given to the reader a whole line at a time (issue 29), so that the reader is
        // known to have read no further than the line it was last given. When such a value spanning lines turns out
        // malformed, reading resumes at the line after its start as NDJSON wants, but every value that starts in the lines it
        // covered is read only if it ends on its line: no line is read more than twice, whatever the input holds. A block
        // comment spanning lines is read again from its start at each call: the piece given then doubles while the reader
        // makes no progress.
        bool lineOnly = _offset + start < _lineOnlyBefore;
        int fresh = pos; // the first byte the reader has not been given yet
        int grow = 0;
        while (true)
        {
            int limit = end;
            bool final = eof;
            if (lineOnly || (capturing && !bundle))
            {
                int from = Math.Min(fresh + grow, end);
                int newline = Array.IndexOf(buffer, (byte)'\n', from, end - from);
                if (newline < 0 && !eof)
                {
                    int shift = captureStart;
                    Refill(stream, ref buffer, ref start, ref end, ref eof, shift);
                    captureStart -= shift;
                    fresh -= shift;
                    pos -= shift;
                    continue;
                }

                limit = newline >= 0 ? newline + 1 : end;
                final = eof && limit == end; // a line-only value that does not end on its line asks for more: no exception
            }

            fresh = limit;
            var reader = new Utf8JsonReader(new ReadOnlySpan<byte>(buffer, pos, limit - pos), final, state);
            try
            {
                while (reader.Read())
                {
                    JsonTokenType token = reader.TokenType;
                    int depth = reader.CurrentDepth;
                    if (depth == 0 && token is not (JsonTokenType.EndObject or JsonTokenType.EndArray))
                    {
                        // The root's first token.
                        rootIsObject = token == JsonTokenType.StartObject;
                        if (!rootIsObject && token != JsonTokenType.StartArray)
                        {
                            start = pos + (int)reader.BytesConsumed;
                            _builder.Skipped++;
                            return TopLevel.Read;
                        }

                        continue;
                    }

                    if (depth == 0)
                    {
                        // The root closes.
                        int stop = pos + (int)reader.BytesConsumed;
                        if (!rootIsObject)
                        {
                            _builder.Skipped++;
                        }
                        else if (capturing)
                        {
                            ParseResource(new ReadOnlySpan<byte>(buffer, captureStart, stop - captureStart));
                        }

                        start = stop;
                        return TopLevel.Read;
                    }

                    if (!rootIsObject)
                    {
                        continue;
                    }

                    if (awaitBundleType)
                    {
                        awaitBundleType = false;
                        if (token == JsonTokenType.String && JsonText.Is(ref reader, "Bundle"u8))
                        {
                            bundle = true;
                            capturing = false;
                        }

                        continue;
                    }

                    if (depth == 1 && token == JsonTokenType.PropertyName)
                    {
                        if (firstProperty)
                        {
                            firstProperty = false;
                            awaitBundleType = JsonText.Is(ref reader, "resourceType"u8);
                        }

                        awaitEntryArray = bundle && JsonText.Is(ref reader, "entry"u8);
                        continue;
                    }

                    if (!bundle)
                    {
                        continue;
                    }

                    if (awaitEntryArray)
                    {
                        awaitEntryArray = false;
                        inEntries = token == JsonTokenType.StartArray;
                        continue;
                    }

                    if (inEntries && depth == 1 && token == JsonTokenType.EndArray)
                    {
                        inEntries = false;
                        continue;
                    }

                    if (inEntries && !capturing && depth == 3 && token == JsonTokenType.PropertyName)
                    {
                        awaitResource = JsonText.Is(ref reader, "resource"u8);
                        continue;
                    }

                    if (awaitResource)
                    {
                        awaitResource = false;
                        if (token == JsonTokenType.StartObject)
                        {
                            capturing = true;
                            captureStart = pos + (int)reader.TokenStartIndex;
                            captureDepth = depth;
                        }
                        else
                        {
                            _builder.Skipped++; // an entry's resource that is not an object
                        }

                        continue;
                    }

                    if (capturing && depth == captureDepth && token == JsonTokenType.EndObject)
                    {
                        int stop = pos + (int)reader.BytesConsumed;
                        ParseResource(new ReadOnlySpan<byte>(buffer, captureStart, stop - captureStart));
                        capturing = false;
                    }
                }
            }
            catch (Exception e) when (IsContentError(e))
            {
                // A resource (an NDJSON line): resume at the line after its start; the lines it covered are read line by line.
                // A Bundle: stop.
                if (!lineOnly && !(capturing && !bundle))
                {
                    start = end;
                    return TopLevel.Stop;
                }

                _lineOnlyBefore = Math.Max(_lineOnlyBefore, _offset + limit);
                start = captureStart;
                return TopLevel.BadLine;
            }

            if (lineOnly)
            {
                start = captureStart; // the value does not end on its line
                return TopLevel.BadLine;
            }

            int consumed = pos + (int)reader.BytesConsumed;
            state = reader.CurrentState;
            grow = consumed > pos ? 0 : Math.Max(2 * grow, 256);
            if (limit < end)
            {
                pos = consumed; // the next line is already in the buffer
                continue;
            }

            if (eof)
            {
                start = end; // truncated
                return TopLevel.Stop;
            }

            int keep = capturing ? captureStart : consumed;
            int before = keep;
            start = consumed;
            Refill(stream, ref buffer, ref start, ref end, ref eof, keep);
            if (capturing)
            {
                captureStart -= before;
            }

            fresh -= before;
            pos = start;
        }
    }



    /// <summary>
    /// The NDJSON fast path: a compact resource (not a Bundle) on one line already in the buffer is parsed once, without
    /// the streaming pass that finds where it ends. Anything else — a Bundle, a resource over several lines, a line not yet
    /// read to its end, a malformed resource — declines without side effects, and <see cref="ReadTopLevel"/> reads it (and
    /// counts what is malformed). Memory stays that of the buffer: the line is looked for only in what is already read.
    /// </summary>
    private bool TryReadLine(byte[] buffer, ref int start, int end, bool eof)
    {
        var window = new ReadOnlySpan<byte>(buffer, start, end - start);
        int newline = window.IndexOf((byte)'\n');
        if (newline < 0 && !eof)
        {
            return false;
        }

        ReadOnlySpan<byte> line = newline < 0 ? window : window.Slice(0, newline);
        ReadOnlySpan<byte> opening = "{\"resourceType\":\""u8;
        if (!line.StartsWith(opening) || line.Slice(opening.Length).StartsWith("Bundle\""u8))
        {
            return false;
        }

        var reader = new Utf8JsonReader(line, Options);
        bool ok;
        _trial = true;
        try
        {
            ok = ParseResourceCore(ref reader, line);
        }
        catch (Exception e) when (IsContentError(e))
        {
            ok = false;
        }
        finally
        {
            _trial = false;
        }

        if (ok)
        {
            start += (int)reader.BytesConsumed;
        }

        return ok;
    }

    /// <summary>Parses one complete resource; counts it as skipped when it is malformed.</summary>
    private void ParseResource(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, Options);
        bool ok;
        try
        {
            ok = ParseResourceCore(ref reader, json);
        }
        catch (Exception e) when (IsContentError(e))
        {
            ok = false;
        }

        if (!ok)
        {
            _builder.Skipped++;
        }
    }

    private bool ParseResourceCore(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var kind = ResourceKind.Unknown;
        string? id = null;
        Rpps? rpps = null;
        StructureId? structureId = null;
        StructureId? finessId = null;
        string? family = null;
        string? given = null;
        string? orgName = null;
        string? sector = null;
        string? city = null;
        string? practitionerRef = null;
        string? organizationRef = null;
        _boxes.Clear();
        int malformedBoxes = 0;

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (JsonText.Is(ref reader, "resourceType"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.String)
                {
                    return false;
                }

                kind = JsonText.Is(ref reader, "Practitioner"u8) ? ResourceKind.Practitioner
                    : JsonText.Is(ref reader, "PractitionerRole"u8) ? ResourceKind.PractitionerRole
                    : JsonText.Is(ref reader, "Organization"u8) ? ResourceKind.Organization
                    : JsonText.Is(ref reader, "Bundle"u8) ? ResourceKind.Bundle
                    : ResourceKind.Other;
            }
            else if (JsonText.Is(ref reader, "id"u8))
            {
                reader.Read();
                id = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }
            else if (JsonText.Is(ref reader, "identifier"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    return false;
                }

                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    ReadIdentifier(ref reader, ref rpps, ref structureId, ref finessId);
                }
            }
            else if (JsonText.Is(ref reader, "name"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.String)
                {
                    orgName = reader.GetString();
                }
                else if (reader.TokenType == JsonTokenType.StartArray)
                {
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        ReadHumanName(ref reader, ref family, ref given);
                    }
                }
                else
                {
                    return false;
                }
            }
            else if (JsonText.Is(ref reader, "telecom"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    return false;
                }

                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    malformedBoxes += ReadTelecom(ref reader);
                }
            }
            else if (JsonText.Is(ref reader, "type"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartArray)
                {
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        sector = ReadSector(ref reader) ?? sector;
                    }
                }
                else
                {
                    reader.Skip();
                }
            }
            else if (JsonText.Is(ref reader, "address"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartArray)
                {
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        city ??= ReadStringProperty(ref reader, "city"u8);
                    }
                }
                else
                {
                    reader.Skip();
                }
            }
            else if (JsonText.Is(ref reader, "practitioner"u8))
            {
                reader.Read();
                practitionerRef = ReadStringProperty(ref reader, "reference"u8);
            }
            else if (JsonText.Is(ref reader, "organization"u8))
            {
                reader.Read();
                organizationRef = ReadStringProperty(ref reader, "reference"u8);
            }
            else if (JsonText.Is(ref reader, "entry"u8))
            {
                if (_trial)
                {
                    return false; // entries are resources read as they come: the streaming path does it
                }

                reader.Read();
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    reader.Skip();
                    continue;
                }

                // A Bundle whose resourceType did not come first, or nested: its complete text is here.
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        reader.Skip();
                        continue;
                    }

                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        bool resource = JsonText.Is(ref reader, "resource"u8);
                        reader.Read();
                        if (resource && reader.TokenType == JsonTokenType.StartObject)
                        {
                            int from = (int)reader.TokenStartIndex;
                            reader.Skip();
                            var saved = new List<BoxRaw>(_boxes);
                            ParseResource(json.Slice(from, (int)reader.BytesConsumed - from));
                            _boxes.Clear();
                            _boxes.AddRange(saved);
                        }
                        else
                        {
                            reader.Skip();
                        }
                    }
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (kind == ResourceKind.Unknown || reader.TokenType != JsonTokenType.EndObject)
        {
            return false;
        }

        _builder.Skipped += malformedBoxes;
        StructureId? structure = structureId ?? finessId;
        // family and given are shared as they are read (ReadHumanName)
        orgName = Share(orgName);
        city = Share(city);
        switch (kind)
        {
            case ResourceKind.Practitioner:
                var person = new PersonInfo(rpps, family, given);
                if (id is not null && !_practitioners.ContainsKey(id))
                {
                    _practitioners.Add(id, person);
                }

                foreach (BoxRaw box in _boxes)
                {
                    Add(box, new DirectoryEntry(box.Address, box.Kind, rpps, family, given, redList: box.RedList));
                }

                break;
            case ResourceKind.Organization:
                var info = new StructureInfo(structure, orgName, sector, city);
                if (id is not null && !_organizations.ContainsKey(id))
                {
                    _organizations.Add(id, info);
                }

                foreach (BoxRaw box in _boxes)
                {
                    Add(box, new DirectoryEntry(box.Address, box.Kind, structureName: orgName, structure: structure, activitySector: sector, redList: box.RedList, city: city));
                }

                break;
            case ResourceKind.PractitionerRole:
                foreach (BoxRaw box in _boxes)
                {
                    int slot = Add(box, null);
                    if (slot >= 0)
                    {
                        _pending.Add(new PendingRoleBox(slot, box, ReferenceId(practitionerRef), ReferenceId(organizationRef)));
                    }
                }

                break;
        }

        return true;
    }

    /// <summary>One instance per distinct name: names repeat across the Annuaire (<see cref="TextPool"/>).</summary>
    private string? Share(string? name) => _builder.Texts.Share(name);

    /// <summary>Adds a box unless its address is already indexed (the first occurrence wins); returns its slot or −1.</summary>
    private int Add(BoxRaw box, DirectoryEntry? entry) => _builder.TryAdd(box.Address, entry);

    private static void ReadIdentifier(ref Utf8JsonReader reader, ref Rpps? rpps, ref StructureId? structureId, ref StructureId? finessId)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return;
        }

        var system = IdSystem.Unknown;
        string? value = null;
        ReadOnlySpan<byte> utf8 = default; // the value as it is in the resource, when it holds no escape
        bool hasValue = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (JsonText.Is(ref reader, "system"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.String)
                {
                    system = SystemOf(ref reader);
                }
            }
            else if (JsonText.Is(ref reader, "value"u8))
            {
                reader.Read();
                hasValue = reader.TokenType == JsonTokenType.String;
                value = hasValue && reader.ValueIsEscaped ? reader.GetString() : null;
                utf8 = hasValue && !reader.ValueIsEscaped ? reader.ValueSpan : default;
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (!hasValue)
        {
            return;
        }

        switch (system)
        {
            case IdSystem.IdNatPs when rpps is null:
                if ((value is null ? IdNatPs.TryParse(utf8, out IdNatPs idNatPs) : IdNatPs.TryParse(value, out idNatPs))
                    && idNatPs.TryGetRpps(out Rpps fromIdNat))
                {
                    rpps = fromIdNat;
                }

                break;
            case IdSystem.Rpps when rpps is null:
                if (value is null ? Rpps.TryParse(utf8, out Rpps parsed) : Rpps.TryParse(value, out parsed))
                {
                    rpps = parsed;
                }

                break;
            case IdSystem.IdNatStruct when structureId is null:
                if (value is null ? StructureId.TryParse(utf8, out StructureId structure) : StructureId.TryParse(value, out structure))
                {
                    structureId = structure;
                }

                break;
            case IdSystem.Finess when finessId is null:
                if (value is null ? Finess.TryParse(utf8, out Finess finess) : Finess.TryParse(value, out finess))
                {
                    finessId = StructureId.FromFiness(finess);
                }

                break;
        }
    }

    private static IdSystem SystemOf(ref Utf8JsonReader reader)
    {
        if (JsonText.Is(ref reader, "urn:oid:1.2.250.1.71.4.2.1"u8) || JsonText.Is(ref reader, "1.2.250.1.71.4.2.1"u8))
        {
            return IdSystem.IdNatPs;
        }

        if (JsonText.Is(ref reader, "urn:oid:1.2.250.1.71.4.2.2"u8) || JsonText.Is(ref reader, "1.2.250.1.71.4.2.2"u8))
        {
            return IdSystem.IdNatStruct;
        }

        if (JsonText.Is(ref reader, "https://rpps.esante.gouv.fr"u8) || JsonText.Is(ref reader, "http://rpps.fr"u8))
        {
            return IdSystem.Rpps;
        }

        if (JsonText.Is(ref reader, "https://finess.esante.gouv.fr"u8) || JsonText.Is(ref reader, "http://finess.sante.gouv.fr"u8))
        {
            return IdSystem.Finess;
        }

        return IdSystem.Unknown;
    }

    private void ReadHumanName(ref Utf8JsonReader reader, ref string? family, ref string? given)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return;
        }

        string? f = null;
        string? firstGiven = null;
        StringBuilder? g = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (JsonText.Is(ref reader, "family"u8))
            {
                reader.Read();
                f = reader.TokenType == JsonTokenType.String ? SharedString(ref reader) : null;
            }
            else if (JsonText.Is(ref reader, "given"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    reader.Skip();
                    continue;
                }

                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType == JsonTokenType.String && firstGiven is null)
                    {
                        firstGiven = SharedString(ref reader); // one given name, the usual case: no copy
                    }
                    else if (reader.TokenType == JsonTokenType.String)
                    {
                        g ??= new StringBuilder(firstGiven);
                        g.Append(' ').Append(reader.GetString());
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        // The first name with a family name is the professional's (the Annuaire gives one).
        if (family is null && f is not null)
        {
            family = f;
            given = g is null ? firstGiven : Share(g.ToString());
        }
    }

    /// <summary>
    /// The string value at the reader, one instance per distinct text (see <see cref="Share"/>): a text already seen is
    /// looked up from its bytes without a new string. Throws as <see cref="Utf8JsonReader.GetString"/> does on invalid
    /// UTF-8.
    /// </summary>
    private string? SharedString(ref Utf8JsonReader reader)
    {
        ReadOnlySpan<byte> utf8 = reader.ValueSpan;
        if (!reader.ValueIsEscaped && utf8.Length <= 128)
        {
            Span<char> chars = stackalloc char[128];
            int written = ExtractionText.TryDecodeUtf8(utf8, chars);
            if (written >= 0)
            {
                return written == 0 ? Share(string.Empty) : _builder.Texts.Share(chars.Slice(0, written));
            }
        }

        return Share(reader.GetString());
    }

    /// <summary>Reads one ContactPoint; adds it to the boxes when it is an MSSanté box. Returns 1 for a malformed box, else 0.</summary>
    private int ReadTelecom(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return 0;
        }

        bool email = false;
        bool hasMetadata = false;
        bool mssanteType = false;
        MailboxKind? kind = null;
        bool redList = false;
        MssAddress address = default;
        bool addressRead = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (JsonText.Is(ref reader, "system"u8))
            {
                reader.Read();
                email = reader.TokenType == JsonTokenType.String && JsonText.Is(ref reader, "email"u8);
            }
            else if (JsonText.Is(ref reader, "value"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.String)
                {
                    addressRead = reader.ValueIsEscaped
                        ? MssAddress.TryParse(reader.GetString(), out address)
                        : MssAddress.TryParse(reader.ValueSpan, out address);
                }
            }
            else if (JsonText.Is(ref reader, "extension"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    reader.Skip();
                    continue;
                }

                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    switch (ReadTelecomExtension(ref reader, out MailboxKind? k, out bool red))
                    {
                        case 1:
                            hasMetadata = true;
                            kind = k;
                            redList = red;
                            break;
                        case 2:
                            mssanteType = true;
                            break;
                    }
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (!hasMetadata && !mssanteType)
        {
            return 0; // an ordinary contact e-mail (BAL-7)
        }

        // Marked MSSANTE (TRE_R256) but without the box metadata, its kind is unknown: not indexed, counted.

        if (!email || !addressRead || address.IsPatient || kind is null)
        {
            return 1;
        }

        _boxes.Add(new BoxRaw(address, kind.Value, redList));
        return 0;
    }

    /// <summary>
    /// Reads one extension of a ContactPoint: 1 for <c>as-ext-mailbox-mss-metadata</c> (with its type and listeRouge),
    /// 2 for the FR Core e-mail type MSSANTE (TRE_R256-TypeMessagerie), else 0.
    /// </summary>
    private static int ReadTelecomExtension(ref Utf8JsonReader reader, out MailboxKind? kind, out bool redList)
    {
        kind = null;
        redList = false;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return 0;
        }

        bool metadata = false;
        bool emailType = false;
        bool mssante = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (JsonText.Is(ref reader, "url"u8))
            {
                reader.Read();
                metadata = reader.TokenType == JsonTokenType.String && JsonText.EndsWith(ref reader, "/as-ext-mailbox-mss-metadata"u8);
                emailType = reader.TokenType == JsonTokenType.String && JsonText.EndsWith(ref reader, "/fr-core-contact-point-email-type"u8);
            }
            else if (JsonText.Is(ref reader, "valueCoding"u8))
            {
                reader.Read();
                mssante = ReadCodingIs(ref reader, "MSSANTE"u8);
            }
            else if (JsonText.Is(ref reader, "extension"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    reader.Skip();
                    continue;
                }

                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    ReadSubExtension(ref reader, ref kind, ref redList);
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return metadata ? 1 : emailType && mssante ? 2 : 0;
    }

    private static bool ReadCodingIs(ref Utf8JsonReader reader, ReadOnlySpan<byte> code)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return false;
        }

        bool match = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool isCode = JsonText.Is(ref reader, "code"u8);
            reader.Read();
            if (isCode && reader.TokenType == JsonTokenType.String)
            {
                match = JsonText.Is(ref reader, code);
            }
            else
            {
                reader.Skip();
            }
        }

        return match;
    }

    private static void ReadSubExtension(ref Utf8JsonReader reader, ref MailboxKind? kind, ref bool redList)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return;
        }

        int which = 0; // 1 type, 2 listeRouge
        MailboxKind? code = null;
        bool? flag = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (JsonText.Is(ref reader, "url"u8))
            {
                reader.Read();
                which = reader.TokenType != JsonTokenType.String ? 0
                    : JsonText.Is(ref reader, "type"u8) ? 1
                    : JsonText.Is(ref reader, "listeRouge"u8) ? 2
                    : 0;
            }
            else if (JsonText.Is(ref reader, "valueBoolean"u8))
            {
                reader.Read();
                flag = reader.TokenType switch
                {
                    JsonTokenType.True => true,
                    JsonTokenType.False => false,
                    _ => null,
                };
            }
            else if (JsonText.Is(ref reader, "valueCodeableConcept"u8))
            {
                reader.Read();
                code = ReadKindCode(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (which == 1)
        {
            kind = code;
        }
        else if (which == 2 && flag.HasValue)
        {
            redList = flag.Value;
        }
    }

    /// <summary>Reads one coding object (the reader on its StartObject) into the state; consumes the object.</summary>
    private delegate void CodingReader<TState>(ref Utf8JsonReader reader, ref TState state);

    /// <summary>
    /// Walks a CodeableConcept (the reader on its value) and hands each object of its <c>coding</c> array to
    /// <paramref name="read"/>; anything else is skipped, so a malformed concept never throws.
    /// </summary>
    private static TState ReadCodings<TState>(ref Utf8JsonReader reader, TState state, CodingReader<TState> read)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return state;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!JsonText.Is(ref reader, "coding"u8))
            {
                reader.Read();
                reader.Skip();
                continue;
            }

            reader.Read();
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                reader.Skip();
                continue;
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    reader.Skip();
                    continue;
                }

                read(ref reader, ref state);
            }
        }

        return state;
    }

    /// <summary>The TRE_R257-TypeBAL code of a CodeableConcept (PER, ORG, APP, CAB, read by <see cref="MailboxKindCodes"/>), or null; the first code wins.</summary>
    private static MailboxKind? ReadKindCode(ref Utf8JsonReader reader) =>
        ReadCodings<MailboxKind?>(ref reader, null, static (ref Utf8JsonReader r, ref MailboxKind? kind) =>
        {
            while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
            {
                bool isCode = JsonText.Is(ref r, "code"u8);
                r.Read();
                if (isCode && r.TokenType == JsonTokenType.String)
                {
                    kind ??= KindOf(ref r);
                }
                else
                {
                    r.Skip();
                }
            }
        });

    /// <summary>The mailbox kind of a TypeBAL code string (escapes decoded), through the one code table of BAL-1.</summary>
    private static MailboxKind? KindOf(ref Utf8JsonReader reader)
    {
        // A code is three letters; an escaped one is at most six bytes per letter.
        if (reader.ValueSpan.Length > 18 || (!reader.ValueIsEscaped && reader.ValueSpan.Length != 3))
        {
            return null;
        }

        Span<char> code = stackalloc char[18];
        int length = reader.CopyString(code);
        return MailboxKindCodes.TryParse(code.Slice(0, length), out MailboxKind kind) ? kind : null;
    }

    /// <summary>The TRE_R02-SecteurActivite code of one of an Organization's types, or null; the first code wins.</summary>
    private static string? ReadSector(ref Utf8JsonReader reader) =>
        ReadCodings<string?>(ref reader, null, static (ref Utf8JsonReader r, ref string? sector) =>
        {
            bool secteur = false;
            string? code = null;
            while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
            {
                if (JsonText.Is(ref r, "system"u8))
                {
                    r.Read();
                    secteur = r.TokenType == JsonTokenType.String
                        && (JsonText.Contains(ref r, "TRE_R02-SecteurActivite"u8) || JsonText.Contains(ref r, "TRE-R02-SecteurActivite"u8));
                }
                else if (JsonText.Is(ref r, "code"u8))
                {
                    r.Read();
                    code = r.TokenType == JsonTokenType.String ? SectorCode(ref r) : null;
                }
                else
                {
                    r.Read();
                    r.Skip();
                }
            }

            if (secteur && code is not null)
            {
                sector ??= code;
            }
        });

    /// <summary>The code as a string, shared for the codes SA00…SA99.</summary>
    private static string? SectorCode(ref Utf8JsonReader reader)
    {
        ReadOnlySpan<byte> v = reader.ValueIsEscaped ? default : reader.ValueSpan;
        if (v.Length == 4 && v[0] == (byte)'S' && v[1] == (byte)'A' && (uint)(v[2] - '0') <= 9 && (uint)(v[3] - '0') <= 9)
        {
            return SectorCodes[((v[2] - '0') * 10) + (v[3] - '0')];
        }

        return reader.GetString();
    }

    /// <summary>
    /// The string property <paramref name="name"/> of the object at the reader (an address's <c>city</c>, a Reference's
    /// <c>reference</c>); null when the value is not an object or has no such string. The object is read to its end.
    /// </summary>
    private static string? ReadStringProperty(ref Utf8JsonReader reader, ReadOnlySpan<byte> name)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        string? value = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool wanted = JsonText.Is(ref reader, name);
            reader.Read();
            if (wanted && reader.TokenType == JsonTokenType.String)
            {
                value = reader.GetString();
            }
            else
            {
                reader.Skip();
            }
        }

        return value;
    }

    private readonly record struct BoxRaw(MssAddress Address, MailboxKind Kind, bool RedList);

    private readonly record struct PendingRoleBox(int Slot, BoxRaw Box, string? PractitionerId, string? OrganizationId);

    private sealed record PersonInfo(Rpps? Rpps, string? Family, string? Given);

    private sealed record StructureInfo(StructureId? Id, string? Name, string? Sector, string? City);
}
