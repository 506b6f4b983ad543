using System.Text;
using Mss.Core.Directory;
using Mss.Core.Mailboxes;

namespace Mss.Core.Tests.Directory;

/// <summary>BAL-7 0.3: reading ANS's national extraction file (Extraction_Correspondance_MSSante).</summary>
public class ExtractionReaderTest
{
    private static MssDirectory LoadFixture() => MssDirectory.LoadExtraction(new MemoryStream(ExtractionTestData.FixtureBytes()));

    private static DirectoryEntry Find(MssDirectory directory, string address)
    {
        Assert.True(directory.TryFind(MssAddress.Parse(address), out DirectoryEntry? entry), address);
        return entry;
    }

    // BAL-7 0.3: 14 lines, 9 boxes (one address on two lines); the short line, the APICRYPT box (outside the 0.2
    // .mssante.fr rule), the unknown type and the patient address are skipped and counted.
    [Fact]
    public void Fixture_BoxesKeptAndLinesSkippedCounted()
    {
        MssDirectory directory = LoadFixture();

        Assert.Equal(9, directory.Count);
        Assert.Equal(4, directory.Skipped);
        Assert.False(directory.TryFind(MssAddress.Parse("inconnu@aphp.mssante.fr"), out _));
    }

    // BAL-7 0.3, BAL-6: a PER line with RPPS, FINESS, profession and savoir-faire, service and town.
    [Fact]
    public void PersonalBox_EveryPublishedFieldRead()
    {
        DirectoryEntry entry = Find(LoadFixture(), "jean.dupont@aphp.mssante.fr");

        Assert.Equal(MailboxKind.Personal, entry.Kind);
        Assert.Equal(IdNatPs.Parse("810000000001"), entry.NationalId);
        Assert.Equal(Rpps.Parse("10000000001"), entry.Professional);
        Assert.Equal("DUPONT", entry.FamilyName);
        Assert.Equal("Jean", entry.GivenName);
        Assert.Equal(StructureId.Parse("1750100125"), entry.Structure);
        Assert.Equal(new[] { StructureId.Parse("1750100125") }, entry.Structures);
        Assert.Equal("HOPITAL EUROPEEN GEORGES POMPIDOU", entry.StructureName);
        Assert.Equal("Cardiologie", entry.Service);
        Assert.Equal("10", entry.ProfessionCode);
        Assert.Equal("Médecin", entry.Profession);
        Assert.Equal("SM04", entry.SpecialtyCode);
        Assert.Equal("Cardiologie et maladies vasculaires", entry.Specialty);
        Assert.Equal("75015", entry.PostalCode);
        Assert.Equal("PARIS", entry.City);
        Assert.False(entry.RedList);
        Assert.Null(entry.ActivitySector);
    }

    // BAL-6: 0 + ADELI, a SIRET structure (3 + SIRET), overseas (974), an address in mixed case.
    [Fact]
    public void AdeliAndSiret_OverseasAndMixedCase()
    {
        DirectoryEntry entry = Find(LoadFixture(), "marie.hoarau@infirmier.mssante.fr");

        Assert.True(entry.NationalId!.Value.IsAdeli);
        Assert.Equal("0974123456", entry.NationalId.Value.ToString());
        Assert.Null(entry.Professional);
        Assert.Equal(StructureIdKind.Siret, entry.Structure!.Value.Kind);
        Assert.Equal("312345678900017", entry.Structure.Value.ToString());
        Assert.Equal("SAINT-DENIS", entry.City);
        Assert.Equal("97400", entry.PostalCode);
        Assert.Equal("Marie-Josée", entry.GivenName);
        Assert.Equal("60", entry.ProfessionCode);
        Assert.Null(entry.SpecialtyCode);
    }

    // BAL-6: a Corsican FINESS keeps its 2A; a CEDEX routing line keeps CEDEX in the town.
    [Fact]
    public void OrganisationalBox_CorsicanFiness()
    {
        DirectoryEntry entry = Find(LoadFixture(), "secretariat.cardio@ch-ajaccio.mssante.fr");

        Assert.Equal(MailboxKind.Organisational, entry.Kind);
        Assert.Null(entry.NationalId);
        Assert.Equal("12A0000279", entry.Structure!.Value.ToString());
        Assert.Equal("Secrétariat de cardiologie", entry.Service);
        Assert.Equal("AJACCIO CEDEX 1", entry.City);
        Assert.Equal("CENTRE HOSPITALIER D'AJACCIO", entry.StructureName);
    }

    // BAL-7 0.3: one box per address, case ignored; the repeated line adds its structure (leading zeros kept) and
    // nothing else (the first line's fields stay).
    [Fact]
    public void RepeatedAddress_OneBoxEveryStructure()
    {
        MssDirectory directory = LoadFixture();
        DirectoryEntry entry = Find(directory, "Urgences@chu-exemple.mssante.fr");

        Assert.Equal(new[] { StructureId.Parse("1010000024"), StructureId.Parse("1010008407") }, entry.Structures);
        Assert.Equal(StructureId.Parse("1010000024"), entry.Structure);
        Assert.Equal("CENTRE HOSPITALIER DE BOURG-EN-BRESSE", entry.StructureName);
        Assert.Equal("urgences@chu-exemple.mssante.fr", entry.Address.ToString());
        Assert.Single(directory.Entries, e => e.Address == entry.Address);
    }

    // BAL-7 0.3: no quoting: bare quotes are ordinary characters; a trailing empty 32nd field is accepted.
    [Fact]
    public void BareQuotesAndTrailingField_Read()
    {
        DirectoryEntry entry = Find(LoadFixture(), "paul.martin@pharmacien.mssante.fr");

        Assert.Equal("PHARMACIE \"DU MARCHE\"", entry.StructureName);
        Assert.Equal("CAYENNE", entry.City);
        Assert.Equal("21", entry.ProfessionCode);
    }

    // BAL-7 0.3: empty blocks leave their members null; identifiers that do not parse leave the field null and the box loaded.
    [Fact]
    public void EmptyAndUnparsableFields_Null()
    {
        MssDirectory directory = LoadFixture();
        DirectoryEntry bare = Find(directory, "interne.anonyme@aphp.mssante.fr");
        DirectoryEntry bad = Find(directory, "sophie.bernard@medecin.mssante.fr");

        Assert.Null(bare.NationalId);
        Assert.Null(bare.FamilyName);
        Assert.Null(bare.Structure);
        Assert.Empty(bare.Structures);
        Assert.Null(bare.Profession);
        Assert.Null(bare.Service);
        Assert.Null(bare.City);
        Assert.Null(bad.NationalId);
        Assert.Null(bad.Structure);
        Assert.Equal("BERNARD", bad.FamilyName);
        Assert.Equal("Orthopédie dento-faciale", bad.Specialty);
    }

    // BAL-6, BAL-7 0.3: lookups by IdNat_PS (8 + RPPS, 0 + ADELI), by RPPS, and by structure.
    [Fact]
    public void FindByNationalIdAndStructure()
    {
        MssDirectory directory = LoadFixture();

        Assert.Equal(
            new[] { "jean.dupont@aphp.mssante.fr", "jean.dupont@medecin.mssante.fr" },
            directory.FindByNationalId(IdNatPs.Parse("810000000001")).Select(e => e.Address.ToString()));
        Assert.Equal(2, directory.FindByProfessional(Rpps.Parse("10000000001")).Count);
        Assert.Single(directory.FindByNationalId(IdNatPs.Parse("0974123456")));
        Assert.Empty(directory.FindByNationalId(IdNatPs.Parse("810000000043")));
        Assert.Empty(directory.FindByNationalId(default));
        Assert.Equal(
            new[] { "urgences@chu-exemple.mssante.fr", "j.dupont@ch-bourg.mssante.fr" },
            directory.FindByStructure(StructureId.Parse("1010000024")).Select(e => e.Address.ToString()));
        Assert.Single(directory.FindByStructure(StructureId.Parse("1010008407")));
        Assert.Empty(directory.FindByStructure(default));
    }

    // BAL-7, seed 004 FAQ 5: the name search and the homonyms cover the file's boxes.
    [Fact]
    public void SearchAndHomonyms_CoverFileBoxes()
    {
        MssDirectory directory = LoadFixture();
        DirectoryEntry paris = Find(directory, "jean.dupont@aphp.mssante.fr");

        Assert.Contains(directory.Search("dup jean", 10), e => e.Address.ToString() == "j.dupont@ch-bourg.mssante.fr");
        Assert.Contains(directory.Search("ajaccio", 10), e => e.Kind == MailboxKind.Organisational);
        Assert.Equal(new[] { "j.dupont@ch-bourg.mssante.fr" }, directory.Homonyms(paris).Select(e => e.Address.ToString()));
    }

    // BAL-7 0.3: CRLF, a UTF-8 BOM, and chunked reads give the same directory as LF.
    [Fact]
    public void CrlfBomAndSmallReads_SameAsLf()
    {
        string text = ExtractionTestData.FixtureText();
        byte[] crlf = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text.Replace("\n", "\r\n", StringComparison.Ordinal))).ToArray();

        MssDirectory lf = LoadFixture();
        MssDirectory other = MssDirectory.LoadExtraction(DirectoryTestData.Trickle(crlf, 7));

        Assert.Equal(lf.Count, other.Count);
        Assert.Equal(lf.Skipped, other.Skipped);
        Assert.Empty(MssDirectory.Compare(lf, other).Changed);
        Assert.Equal("Médecin", Find(other, "jean.dupont@aphp.mssante.fr").Profession);
    }

    // BAL-7 0.3: a file in Windows-1252 (older tools) reads the same; 0x9C is œ in Windows-1252 (not in Latin-1).
    [Fact]
    public void Windows1252_Decoded()
    {
        string text = ExtractionTestData.FixtureText().Replace("DE PARIS", "DU CŒUR", StringComparison.Ordinal);
        byte[] latin1 = Encoding.Latin1.GetBytes(ExtractionTestData.FixtureText());
        MssDirectory fromLatin1 = MssDirectory.LoadExtraction(new MemoryStream(latin1));

        Assert.Equal(9, fromLatin1.Count);
        Assert.Equal("Médecin", Find(fromLatin1, "jean.dupont@aphp.mssante.fr").Profession);
        Assert.Equal("Marie-Josée", Find(fromLatin1, "marie.hoarau@infirmier.mssante.fr").GivenName);
        Assert.Empty(MssDirectory.Compare(LoadFixture(), fromLatin1).Changed);

        byte[] oe = Encoding.Latin1.GetBytes(ExtractionTestData.File(ExtractionTestData.Row((0, "PER"), (1, "a.b@medecin.mssante.fr"), (9, "S\u0001UR"))));
        oe[Array.IndexOf(oe, (byte)1)] = 0x9C;
        Assert.Equal("S\u0153UR", Find(MssDirectory.LoadExtraction(new MemoryStream(oe)), "a.b@medecin.mssante.fr").FamilyName);
        Assert.Contains("CŒUR", text, StringComparison.Ordinal);
    }

    // BAL-7 0.3: the encoding is decided per line: one Windows-1252 line in a UTF-8 file reads right, the others too.
    [Fact]
    public void MixedEncodings_DecidedPerLine()
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(ExtractionTestData.File(ExtractionTestData.Box("PER", "a@medecin.mssante.fr", family: "Hélène")));
        byte[] cp1252 = Encoding.Latin1.GetBytes(ExtractionTestData.Box("PER", "b@medecin.mssante.fr", family: "Hélène") + "\n");
        MssDirectory directory = MssDirectory.LoadExtraction(new MemoryStream(utf8.Concat(cp1252).ToArray()));

        Assert.Equal("Hélène", Find(directory, "a@medecin.mssante.fr").FamilyName);
        Assert.Equal("Hélène", Find(directory, "b@medecin.mssante.fr").FamilyName);
    }

    // BAL-7 0.3: the ZIP as ANS serves it (one entry), from a seekable or an unseekable stream.
    [Fact]
    public void Zip_ReadLikeTheText()
    {
        byte[] zip = ExtractionTestData.Zip(ExtractionTestData.FixtureBytes());

        MssDirectory seekable = MssDirectory.LoadExtraction(new MemoryStream(zip));
        MssDirectory unseekable = MssDirectory.LoadExtraction(ExtractionTestData.Unseekable(zip));

        Assert.Equal(9, seekable.Count);
        Assert.Equal(4, seekable.Skipped);
        Assert.Equal(9, unseekable.Count);
        Assert.Empty(MssDirectory.Compare(LoadFixture(), seekable).Changed);
    }

    // BAL-7 0.3: a damaged ZIP never throws: it counts as skipped; what was read before the damage stays.
    [Theory]
    [InlineData(30)]
    [InlineData(200)]
    [InlineData(-1)]
    public void DamagedZip_NeverThrows(int cut)
    {
        byte[] zip = ExtractionTestData.Zip(ExtractionTestData.FixtureBytes());
        byte[] damaged = cut < 0 ? zip.ToArray() : zip.Take(cut).ToArray();
        if (cut < 0)
        {
            for (int i = 40; i < 120; i++)
            {
                damaged[i] ^= 0x5A; // inside the deflated data
            }
        }

        MssDirectory directory = MssDirectory.LoadExtraction(new MemoryStream(damaged));

        Assert.True(directory.Skipped >= 1);
        Assert.True(directory.Count <= 9);
    }

    // BAL-7 0.3: columns are found by their names, wherever they are, with the variants public copies show.
    [Fact]
    public void Columns_FoundByName()
    {
        string text = "Adresse BAL|Code postal|Nom d'exercice|TYPE DE BAL|Identification nationale PP|L6LIGNEACHEMINEMENT\n"
            + "x.y@medecin.mssante.fr|13008|Durand|PER|810000000019|13008 MARSEILLE\n";
        DirectoryEntry entry = Find(MssDirectory.LoadExtraction(ExtractionTestData.Stream(text)), "x.y@medecin.mssante.fr");

        Assert.Equal("Durand", entry.FamilyName);
        Assert.Equal("13008", entry.PostalCode);
        Assert.Equal("MARSEILLE", entry.City);
        Assert.Equal(IdNatPs.Parse("810000000019"), entry.NationalId);
    }

    // BAL-7 0.3: without a header naming the type and address columns, nothing is a box: every line is skipped.
    [Fact]
    public void NoHeader_EveryLineSkipped()
    {
        string text = ExtractionTestData.Box("PER", "a@medecin.mssante.fr") + "\n" + ExtractionTestData.Box("PER", "b@medecin.mssante.fr") + "\n";
        MssDirectory directory = MssDirectory.LoadExtraction(ExtractionTestData.Stream(text));

        Assert.Equal(0, directory.Count);
        Assert.Equal(2, directory.Skipped);
    }

    // BAL-7 0.3: a line of more fields than the header (but one trailing empty) is malformed; so is a line over 16 KiB.
    [Fact]
    public void ExtraFieldsAndLongLines_Skipped()
    {
        string text = ExtractionTestData.File(
            ExtractionTestData.Box("PER", "a@medecin.mssante.fr") + "|x",
            ExtractionTestData.Box("PER", "b@medecin.mssante.fr") + "||",
            ExtractionTestData.Box("PER", "c@medecin.mssante.fr", family: new string('A', 20_000)),
            ExtractionTestData.Box("PER", "d@medecin.mssante.fr") + "|");
        MssDirectory directory = MssDirectory.LoadExtraction(ExtractionTestData.Stream(text));

        Assert.Equal(new[] { "d@medecin.mssante.fr" }, directory.Entries.Select(e => e.Address.ToString()));
        Assert.Equal(3, directory.Skipped);
    }

    // BAL-6: the structure type beside the identifier; without it, 9 characters are a FINESS and 14 a SIRET.
    [Theory]
    [InlineData("1", "010000024", "1010000024")]
    [InlineData("", "2B0000012", "12B0000012")]
    [InlineData("3", "00012345600017", "300012345600017")]
    [InlineData("", "00012345600017", "300012345600017")]
    [InlineData("FINESS", "750100125", "1750100125")]
    [InlineData("SIRET", "12345678900017", "312345678900017")]
    [InlineData("2", "123456789", "2123456789")]
    [InlineData("1", "1750100125", "1750100125")]
    public void Structure_FromTypeAndIdentifier(string type, string id, string expected)
    {
        Assert.Equal(StructureId.Parse(expected), ExtractionReader.ReadStructure(type.AsSpan(), id.AsSpan()));
    }

    [Theory]
    [InlineData("1", "")]
    [InlineData("1", "ABC")]
    [InlineData("9", "750100125")]
    [InlineData("", "1234")]
    [InlineData("X", "12345678901234567890")]
    public void Structure_Unparsable_Default(string type, string id)
    {
        Assert.True(ExtractionReader.ReadStructure(type.AsSpan(), id.AsSpan()).IsDefault);
    }

    [Theory]
    [InlineData("75015 PARIS", "PARIS")]
    [InlineData("20090 AJACCIO CEDEX 1", "AJACCIO CEDEX 1")]
    [InlineData("PARIS", "PARIS")]
    [InlineData("7501 PARIS", "7501 PARIS")]
    [InlineData("75015", "75015")]
    [InlineData("750150 PARIS", "750150 PARIS")]
    public void City_PostalCodeRemoved(string routing, string city)
    {
        Assert.Equal(city, ExtractionReader.CityOf(routing.AsSpan()).ToString());
    }

    // BAL-6: the IdNat_PS column, or the type and identifier beside it when it does not parse.
    [Fact]
    public void NationalId_FromTypeAndIdentifierWhenMissing()
    {
        string text = ExtractionTestData.File(ExtractionTestData.Row((0, "PER"), (1, "a@medecin.mssante.fr"), (2, "8"), (3, "10000000019")));
        DirectoryEntry entry = Find(MssDirectory.LoadExtraction(ExtractionTestData.Stream(text)), "a@medecin.mssante.fr");

        Assert.Equal(IdNatPs.Parse("810000000019"), entry.NationalId);
    }

    // BAL-7 0.3: junk of any kind and size never throws.
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(100_000)]
    public void Junk_NeverThrows(int size)
    {
        var random = new Random(size);
        byte[] junk = new byte[size];
        random.NextBytes(junk);
        if (size >= 4)
        {
            junk[0] = (byte)'P';
            junk[1] = (byte)'K';
            junk[2] = 3;
            junk[3] = 4;
        }

        MssDirectory directory = MssDirectory.LoadExtraction(new MemoryStream(junk));
        MssDirectory text = MssDirectory.LoadExtraction(new MemoryStream(junk.Skip(Math.Min(4, size)).ToArray()));

        Assert.Equal(0, directory.Count);
        Assert.Equal(0, text.Count);
    }

    [Fact]
    public void NullStream_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => MssDirectory.LoadExtraction(null!));
    }

    // A large generated file loads in one pass: every box kept, none skipped (no timing: speed is benchmarked).
    [Fact]
    public void LargeGeneratedFile_Loads()
    {
        const int Lines = 50_000;
        var text = new StringBuilder(ExtractionTestData.Header).Append('\n');
        for (int i = 0; i < Lines; i++)
        {
            text.Append(ExtractionTestData.Box("PER", "p" + i + "@medecin.mssante.fr", "8" + (10000000000L + i), "1", "75010" + (i % 1000).ToString("D4"), "NOM" + (i % 977), "Prenom" + (i % 89))).Append('\n');
        }

        MssDirectory directory = MssDirectory.LoadExtraction(ExtractionTestData.Stream(text.ToString()));

        Assert.Equal(Lines, directory.Count);
        Assert.Equal(0, directory.Skipped);
        Assert.Equal(50, directory.FindByStructure(StructureId.Parse("1750100042")).Count);
    }
    // BAL-7 0.3: the last line without a line feed, blank lines before the header, are read.
    [Fact]
    public void LastLineWithoutNewline_BlankLinesBefore_Read()
    {
        string text = "\n\r\n" + ExtractionTestData.Header + "\n" + ExtractionTestData.Box("PER", "a@medecin.mssante.fr") + "\n" + ExtractionTestData.Box("PER", "b@medecin.mssante.fr");
        MssDirectory directory = MssDirectory.LoadExtraction(ExtractionTestData.Stream(text));

        Assert.Equal(new[] { "a@medecin.mssante.fr", "b@medecin.mssante.fr" }, directory.Entries.Select(e => e.Address.ToString()));
        Assert.Equal(0, directory.Skipped);
    }

    // BAL-7 0.3: a line of exactly 16 KiB is read; one byte more is skipped and counted.
    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 0)]
    public void LineLengthBound(int over, int kept)
    {
        string prefix = ExtractionTestData.Box("PER", "a@medecin.mssante.fr", family: "X");
        string line = prefix.Replace("|X|", "|" + new string('X', ExtractionReader.MaxLineBytes - prefix.Length + 1 + over) + "|", StringComparison.Ordinal);
        Assert.Equal(ExtractionReader.MaxLineBytes + over, Encoding.UTF8.GetByteCount(line));

        MssDirectory whole = MssDirectory.LoadExtraction(ExtractionTestData.Stream(ExtractionTestData.File(line)));
        MssDirectory trickled = MssDirectory.LoadExtraction(DirectoryTestData.Trickle(Encoding.UTF8.GetBytes(ExtractionTestData.File(line)), 4096));

        Assert.Equal(kept, whole.Count);
        Assert.Equal(1 - kept, whole.Skipped);
        Assert.Equal(kept, trickled.Count);
        Assert.Equal(1 - kept, trickled.Skipped);
    }

    // The ZIP signature is the four bytes PK 3 4: anything else is text.
    [Theory]
    [InlineData("PK\u0003\u0005")]
    [InlineData("PK\u0005\u0004")]
    [InlineData("PX\u0003\u0004")]
    [InlineData("XK\u0003\u0004")]
    public void NearZipSignature_ReadAsText(string start)
    {
        MssDirectory directory = MssDirectory.LoadExtraction(ExtractionTestData.Stream(start + "\n" + ExtractionTestData.File(ExtractionTestData.Box("PER", "a@medecin.mssante.fr"))));

        Assert.Equal(1, directory.Count);
        Assert.Equal(1, directory.Skipped); // the first line, before the header
    }

    // A ZIP that starts further into a seekable stream (the caller read a prefix) is still read.
    [Fact]
    public void ZipAfterAPrefix_Read()
    {
        byte[] zip = ExtractionTestData.Zip(ExtractionTestData.FixtureBytes());
        var stream = new MemoryStream(new byte[] { 1, 2, 3 }.Concat(zip).ToArray());
        stream.Position = 3;

        Assert.Equal(9, MssDirectory.LoadExtraction(stream).Count);
    }

    // A ZIP without a file entry counts one skipped record.
    [Fact]
    public void ZipWithoutFile_Skipped()
    {
        using var memory = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(memory, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            archive.CreateEntry("dossier/");
        }

        MssDirectory directory = MssDirectory.LoadExtraction(new MemoryStream(memory.ToArray()));

        Assert.Equal(0, directory.Count);
        Assert.Equal(1, directory.Skipped);
    }

    // The Enseigne commerciale names the structure when the Raison sociale is empty.
    [Fact]
    public void TradeName_WhenNoCompanyName()
    {
        string text = ExtractionTestData.File(ExtractionTestData.Row((0, "ORG"), (1, "a@ch-test.mssante.fr"), (19, "PHARMACIE DU PORT")));

        Assert.Equal("PHARMACIE DU PORT", Find(MssDirectory.LoadExtraction(ExtractionTestData.Stream(text)), "a@ch-test.mssante.fr").StructureName);
    }

    // A profession known by its label only is kept; two labels of one code stay apart.
    [Fact]
    public void Professions_KeptApart()
    {
        string text = ExtractionTestData.File(
            ExtractionTestData.Row((0, "PER"), (1, "a@medecin.mssante.fr"), (14, "Médecin")),
            ExtractionTestData.Row((0, "PER"), (1, "b@medecin.mssante.fr"), (13, "10"), (14, "Médecin")),
            ExtractionTestData.Row((0, "PER"), (1, "c@medecin.mssante.fr"), (13, "10"), (14, "Medecin")),
            ExtractionTestData.Row((0, "PER"), (1, "d@medecin.mssante.fr"), (13, "10"), (14, "Médecin"), (15, "SM54")),
            ExtractionTestData.Row((0, "PER"), (1, "e@medecin.mssante.fr"), (16, "Médecine Générale (SM)")));
        MssDirectory directory = MssDirectory.LoadExtraction(ExtractionTestData.Stream(text));

        Assert.Null(Find(directory, "a@medecin.mssante.fr").ProfessionCode);
        Assert.Equal("Médecin", Find(directory, "a@medecin.mssante.fr").Profession);
        Assert.Equal("Médecin", Find(directory, "b@medecin.mssante.fr").Profession);
        Assert.Equal("Medecin", Find(directory, "c@medecin.mssante.fr").Profession);
        Assert.Null(Find(directory, "c@medecin.mssante.fr").SpecialtyCode);
        Assert.Equal("SM54", Find(directory, "d@medecin.mssante.fr").SpecialtyCode);
        Assert.Equal("Médecine Générale (SM)", Find(directory, "e@medecin.mssante.fr").Specialty);
        Assert.Null(Find(directory, "e@medecin.mssante.fr").Profession);
    }

    // BAL-6: an IdNat_PS that does not parse and no type beside the identifier: null, never an exception.
    [Theory]
    [InlineData("", "", "10000000019")]
    [InlineData("X", "", "10000000019")]
    [InlineData("X", "8", "")]
    [InlineData("X", "8", "1000000001900")]
    [InlineData("X", "88", "10000000019")]
    public void NationalId_Unparsable_Null(string national, string type, string id)
    {
        string text = ExtractionTestData.File(ExtractionTestData.Row((0, "PER"), (1, "a@medecin.mssante.fr"), (2, type), (3, id), (4, national)));

        Assert.Null(Find(MssDirectory.LoadExtraction(ExtractionTestData.Stream(text)), "a@medecin.mssante.fr").NationalId);
    }

    [Theory]
    [InlineData("4", "410005531586003", "410005531586003")]
    [InlineData("SIREN", "123456789", "2123456789")]
    [InlineData("siret", "12345678900017", "312345678900017")]
    [InlineData("", "1750100125", "1750100125")]
    public void Structure_MoreForms(string type, string id, string expected)
    {
        Assert.Equal(StructureId.Parse(expected), ExtractionReader.ReadStructure(type.AsSpan(), id.AsSpan()));
    }
}
