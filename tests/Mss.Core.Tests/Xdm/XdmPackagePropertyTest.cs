using System.IO.Compression;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Mss.Core.Xdm;
using static Mss.Core.Tests.Xdm.XdmTestSupport;

namespace Mss.Core.Tests.Xdm;

// REF2-2 invariants over generated documents and mutated archives.
[Properties(MaxTest = 100)]
public class XdmPackagePropertyTest
{
    private sealed record Doc(bool Cda, byte[] Content, string MediaType, string TypeCode, string Title);

    private static readonly Gen<string> Titles = Gen.OneOf(
        ArbMap.Default.GeneratorFor<string>().Select(s => s ?? string.Empty),
        Gen.Elements("Compte rendu", "Ordonnance <urgent> & \"copie\"", "Résultats d'analyses", "検査結果", "\U0001F4C4 scan"));

    private static readonly Gen<Doc> Docs = Gen.OneOf(
        Gen.Elements(LdlSes, LdlEes).Select(cda => new Doc(true, cda, "text/xml", string.Empty, string.Empty)),
        from content in ArbMap.Default.GeneratorFor<byte[]>()
        from mediaType in Gen.Elements("application/pdf", "text/plain", "image/jpeg", "application/octet-stream")
        from typeCode in Gen.Elements("11488-4", "11490-0", "34133-9", "11502-2")
        from title in Titles
        select new Doc(false, content ?? Array.Empty<byte>(), mediaType, typeCode, title));

    private static XdmPackage? BuildOrNull(IReadOnlyList<Doc> docs)
    {
        XdmPackageBuilder builder = docs.Any(d => d.Cda) ? Builder() : NonCdaBuilder(); // REF2-2 0.3: no default facility
        foreach (Doc doc in docs)
        {
            if (doc.Cda)
            {
                builder.AddCda("doc.xml", doc.Content);
            }
            else
            {
                try
                {
                    builder.AddDocument("doc.bin", doc.Content, doc.MediaType, doc.TypeCode, doc.Title);
                }
                catch (ArgumentException)
                {
                    return null; // a blank title or one XML cannot carry: refused by the builder, as documented
                }
            }
        }

        return builder.Build();
    }

    // Package → ZIP → TryRead gives the same documents, codes and INS verdict, and the same bytes again.
    [Property]
    public Property RoundTrip_SameDocumentsAndBytes()
    {
        return Prop.ForAll(Gen.NonEmptyListOf(Docs).Select(l => l.Take(6).ToList()).ToArbitrary(), docs =>
        {
            XdmPackage? built = BuildOrNull(docs);
            if (built is null)
            {
                return true;
            }

            byte[] zip = built.ToZip();
            if (!XdmPackage.TryRead(new MemoryStream(zip), out XdmPackage? read, out XdmError error))
            {
                return false; // refused its own output
            }

            bool same = read.Documents.Count == docs.Count
                && docs.Select((d, i) => d.Content.SequenceEqual(read.Documents[i].Content)
                    && read.Documents[i].Hash == Sha1(d.Content)
                    && read.Documents[i].Size == d.Content.Length
                    && read.Documents[i].IsCda == d.Cda
                    && (d.Cda || (read.Documents[i].Title == d.Title && read.Documents[i].TypeCode == d.TypeCode && read.Documents[i].MediaType == d.MediaType)))
                    .All(x => x);
            return (same
                && read.CdaCodes.SequenceEqual(built.CdaCodes)
                && read.HasQualifiedIns == built.HasQualifiedIns
                && read.HasQualifiedIns == docs.Any(d => d.Cda)
                && read.Patient == built.Patient
                && read.ToZip().SequenceEqual(zip));
        });
    }

    // Any corruption of the archive's bytes: TryRead answers, never throws; what it accepts has verified hashes.
    [Property(MaxTest = 300)]
    public Property TryRead_NeverThrows_OnMutatedArchives()
    {
        byte[] valid = Builder().AddCda("a.xml", LdlSes).AddDocument("b.pdf", Utf8("%PDF-1.4 corps"), "application/pdf", "11488-4", "B").Build().ToZip();
        Gen<byte[]> mutated = Gen.OneOf(
            Gen.Zip(Gen.Choose(0, valid.Length - 1), Gen.Choose(0, 255)).ArrayOf().Select(edits =>
            {
                byte[] copy = (byte[])valid.Clone();
                foreach ((int at, int value) in edits)
                {
                    copy[at] = (byte)value;
                }

                return copy;
            }),
            Gen.Choose(0, valid.Length).Select(n => valid[..n]),
            Gen.Zip(Gen.Choose(0, valid.Length), ArbMap.Default.GeneratorFor<byte[]>()).Select(t => valid[..t.Item1].Concat(t.Item2 ?? Array.Empty<byte>()).Concat(valid[t.Item1..]).ToArray()));
        return Prop.ForAll(mutated.ToArbitrary(), bytes =>
        {
            bool ok = XdmPackage.TryRead(new MemoryStream(bytes), out XdmPackage? package, out XdmError error);
            return ok
                ? error == XdmError.None && package!.Documents.All(d => d.Hash == Sha1(d.Content) && d.Size == d.Content.Length)
                : error != XdmError.None && package is null;
        });
    }

    // Any noise inside METADATA.XML (re-zipped, so the archive itself is sound): never throws.
    [Property(MaxTest = 300)]
    public Property TryRead_NeverThrows_OnMutatedMetadata()
    {
        List<(string Name, byte[] Content)> entries = Entries(Builder().AddCda("a.xml", LdlSes).Build().ToZip());
        string metadata = System.Text.Encoding.UTF8.GetString(entries.Single(e => e.Name.EndsWith("METADATA.XML", StringComparison.Ordinal)).Content);
        Gen<string> noise = Gen.OneOf(
            ArbMap.Default.GeneratorFor<string>().Select(s => s ?? string.Empty),
            Gen.Elements("<", ">", "\"", "&", "<!DOCTYPE x>", "]]>", "../", "^^^&", "<rim:Slot name=\"hash\"><rim:ValueList><rim:Value>0</rim:Value></rim:ValueList></rim:Slot>"));
        Gen<(int At, int Cut, string Insert)> edits =
            from at in Gen.Choose(0, metadata.Length)
            from cut in Gen.Choose(0, 40)
            from insert in noise
            select (at, cut, insert);
        return Prop.ForAll(edits.ToArbitrary(), t =>
        {
            (int at, int cut, string insert) = t;
            string changed = metadata[..at] + insert + metadata[Math.Min(metadata.Length, at + cut)..];
            byte[] zip = Zip(entries.Select(e => e.Name.EndsWith("METADATA.XML", StringComparison.Ordinal) ? (e.Name, Utf8(changed)) : e).ToArray());
            bool ok = XdmPackage.TryRead(new MemoryStream(zip), out XdmPackage? package, out XdmError error);
            return ok == (error == XdmError.None) && ok == (package is not null);
        });
    }
}
