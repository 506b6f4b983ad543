using System.Text;
using MimeKit;
using Mss.Core;
using Mss.Core.Mime;
using Mss.Core.Xdm;
using NodaTime;

// Envoi d'un document de santé (REF2-1 à REF2-4) : une lettre de liaison CDA dans une archive IHE_XDM.ZIP, envoyée au
// patient (Mon espace santé) et à son médecin traitant, avec les en-têtes X-MSS-NIL, X-MSS-CODECDA et X-MSS-INS ; les
// messages sont écrits en .eml, relus, et l'archive reçue est vérifiée (chemins, tailles, empreintes SHA-1) puis jugée
// au regard du CI-SIS (REF2-2 0.3 : les métadonnées que Mon espace santé et le DMP classent), remarque par remarque.
// Usage : SendDocument [dossier de sortie]
string folder = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "mss-core-samples", "send-document");
Directory.CreateDirectory(folder);
IClock clock = SystemClock.Instance;
const string ProductReference = "MSS-CORE-SAMPLE-0001"; // la référence donnée par la plateforme Convergence de l'ANS

// L'identité de test des exemples de l'ANS (INS-NIR de test : OID 1.2.250.1.213.1.4.10).
InsMatricule ins = InsMatricule.Parse("279035121518989");
const string InsOidTest = "1.2.250.1.213.1.4.10";
MssAddress hospital = MssAddress.Parse("service.medecine-interne@hopital-exemple.mssante.fr");
MssAddress patient = MssAddress.ForPatient(ins);
MssAddress gp = MssAddress.Parse("stephane.medioni@cabinet-exemple.mssante.fr");

// REF2-2 0.3 : ce que l'en-tête CDA ne dit pas est donné par le logiciel, jamais deviné : le type d'activité du lot
// (contentTypeCode, JDV_J03), le type de structure (JDV_J02), le cadre d'exercice (JDV_J04) et la structure de l'auteur.
XdmPackage package = new XdmPackageBuilder(ins, InsOidTest, clock)
    .ContentType(new XdmCode("03", "1.2.250.1.213.2.2", "Hospitalisation complète (non compris hospitalisation de semaine)"))
    .HealthcareFacilityTypeCode(new XdmCode("SA01", "1.2.250.1.71.4.2.4", "Etablissement public de santé"))
    .PracticeSettingCode(new XdmCode("ETABLISSEMENT", "1.2.250.1.213.1.1.4.9", "Etablissement de santé"))
    .AuthorInstitution(StructureId.Parse("1750803447"), "Hôpital exemple")
    .AddCda("lettre-de-liaison.xml", Encoding.UTF8.GetBytes(LettreDeLiaison()))
    .Build();
Console.WriteLine($"Archive IHE_XDM : {package.Documents.Count} document(s), codes CDA {string.Join(", ", package.CdaCodes)}, INS qualifiée : {(package.HasQualifiedIns ? "oui" : "non")}");
ShowFindings("Métadonnées écrites", package);

int failures = 0;
foreach ((MssAddress recipient, string name, string text) in new[]
{
    (patient, "1-patient.eml", "Bonjour,\nVous trouverez ci-joint votre lettre de liaison de sortie d'hospitalisation.\nLe service de médecine interne"),
    (gp, "2-medecin-traitant.eml", "Cher confrère,\nVeuillez trouver ci-jointe la lettre de liaison de votre patiente.\nBien confraternellement"),
})
{
    MimeMessage message = new MssMessageBuilder(hospital, clock)
        .To(recipient)
        .Subject("Lettre de liaison de sortie")
        .TextBody(text)
        .ProductReference(ProductReference)
        .AttachXdm(package)
        .Build();
    string path = Path.Combine(folder, name);
    message.WriteTo(path);
    Console.WriteLine($"Écrit : {path} ({new FileInfo(path).Length} octets), destinataire {recipient.ToString("M", null)}");
    failures += Check(MimeMessage.Load(path), package);
}

// Une archive reçue d'un logiciel qui écrit encore les métadonnées de 0.2 (identifiant patient sans ^NH, formatCode
// urn:ihe:iti:xds:2017:mimeTypeSufficient, hors JDV_J10) : elle se lit, avec ses remarques.
byte[] older = Rewrite(package.ToZip(), metadata => metadata
    .Replace("&amp;ISO^NH", "&amp;ISO", StringComparison.Ordinal)
    .Replace("urn:asip:ci-sis:ldl-ses:2017", "urn:ihe:iti:xds:2017:mimeTypeSufficient", StringComparison.Ordinal));
if (XdmPackage.TryRead(new MemoryStream(older), out XdmPackage? olderPackage, out XdmError olderError))
{
    ShowFindings("Archive reçue d'un logiciel antérieur au CI-SIS", olderPackage);
    failures += olderPackage.Findings.Count == 4 ? 0 : 1; // patientId du lot ; patientId, sourcePatientId et formatCode du document
}
else
{
    Console.WriteLine($"Archive antérieure refusée : {olderError}");
    failures++;
}

Console.WriteLine(failures == 0 ? "Relecture : tout est conforme." : $"Relecture : {failures} écart(s).");
return failures == 0 ? 0 : 1;

// Relit un message reçu : en-têtes du Référentiel socle #2 et archive IHE_XDM (lecture sûre, jamais d'exception).
static int Check(MimeMessage received, XdmPackage sent)
{
    int failures = 0;
    void Expect(bool condition, string what)
    {
        Console.WriteLine($"  {(condition ? "ok " : "ÉCHEC")} {what}");
        failures += condition ? 0 : 1;
    }

    Expect(received.Headers["X-MSS-NIL"] == ProductReference, $"X-MSS-NIL : {received.Headers["X-MSS-NIL"]} (référence produit)");
    Expect(received.Headers["X-MSS-CODECDA"] == "11490-0", $"X-MSS-CODECDA : {received.Headers["X-MSS-CODECDA"]} (type de document)");
    Expect(received.Headers["X-MSS-INS"] == "O", $"X-MSS-INS : {received.Headers["X-MSS-INS"]} (INS qualifiée)");
    MimePart? zip = received.Attachments.OfType<MimePart>().FirstOrDefault(p => p.FileName == "IHE_XDM.ZIP");
    Expect(zip is not null, "pièce jointe IHE_XDM.ZIP présente");
    if (zip?.Content is null)
    {
        return failures + 1;
    }

    using var bytes = new MemoryStream();
    zip.Content.DecodeTo(bytes);
    bytes.Position = 0;
    bool read = XdmPackage.TryRead(bytes, out XdmPackage? package, out XdmError error);
    Expect(read, read ? "archive relue sans erreur" : $"archive refusée : {error}");
    if (package is not null)
    {
        Expect(package.Patient == sent.Patient, $"patient de l'archive : {package.Patient.ToMaskedString()}");
        Expect(package.Documents.Count == sent.Documents.Count
            && package.Documents.Zip(sent.Documents).All(d => d.First.Hash == d.Second.Hash && d.First.Content.AsSpan().SequenceEqual(d.Second.Content)),
            "documents identiques (empreintes SHA-1 vérifiées)");
        foreach (XdmDocument document in package.Documents)
        {
            Console.WriteLine($"    {document.Path} : {document.Title} ({document.TypeCode}, {document.Size} octets)");
        }

        ShowFindings("  Métadonnées reçues", package);
        Expect(package.Findings.Count == 0, "métadonnées conformes au CI-SIS (aucune remarque)");
    }

    return failures;
}

// L'archive avec son METADATA.XML transformé par `change` (les autres entrées inchangées).
static byte[] Rewrite(byte[] zip, Func<string, string> change)
{
    using var buffer = new MemoryStream();
    using (var output = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
    using (var input = new System.IO.Compression.ZipArchive(new MemoryStream(zip), System.IO.Compression.ZipArchiveMode.Read))
    {
        foreach (System.IO.Compression.ZipArchiveEntry entry in input.Entries)
        {
            using var content = new MemoryStream();
            using (Stream stream = entry.Open())
            {
                stream.CopyTo(content);
            }

            byte[] bytes = entry.FullName.EndsWith("METADATA.XML", StringComparison.Ordinal)
                ? Encoding.UTF8.GetBytes(change(Encoding.UTF8.GetString(content.ToArray())))
                : content.ToArray();
            using Stream target = output.CreateEntry(entry.FullName).Open();
            target.Write(bytes);
        }
    }

    return buffer.ToArray();
}

// Les remarques sur les métadonnées (REF2-2 0.3) : une archive reçue avec des remarques se lit quand même ; elles disent
// ce que Mon espace santé ou le DMP ne classeraient pas comme il faut. Textes en français, sans INS.
static void ShowFindings(string what, XdmPackage package)
{
    Console.WriteLine($"{what} : {(package.Findings.Count == 0 ? "aucune remarque (CI-SIS)" : package.Findings.Count + " remarque(s)")}");
    foreach (XdmFinding finding in package.Findings)
    {
        Console.WriteLine($"    - {finding.Attribute} ({finding.Rule}) : {finding.Message}");
    }
}

// Une lettre de liaison à la sortie (CI-SIS LDL-SES) réduite à son en-tête et à une section de texte.
static string LettreDeLiaison() => """
<?xml version="1.0" encoding="UTF-8"?>
<ClinicalDocument xmlns="urn:hl7-org:v3">
  <realmCode code="FR"/>
  <typeId root="2.16.840.1.113883.1.3" extension="POCD_HD000040"/>
  <templateId root="2.16.840.1.113883.2.8.2.1"/>
  <templateId root="1.2.250.1.213.1.1.1.1"/>
  <templateId root="1.2.250.1.213.1.1.1.29" extension="2022.01"/>
  <id root="1.2.250.1.999.1.1" extension="LDL-2026-0001"/>
  <code code="11490-0" displayName="Lettre de liaison à la sortie d'un établissement de soins" codeSystem="2.16.840.1.113883.6.1" codeSystemName="LOINC"/>
  <title>Lettre de liaison à la sortie de l'établissement de santé</title>
  <effectiveTime value="20261130100000+0100"/>
  <confidentialityCode code="N" codeSystem="2.16.840.1.113883.5.25" displayName="Normal"/>
  <languageCode code="fr-FR"/>
  <recordTarget>
    <patientRole>
      <id root="1.2.250.1.213.1.4.10" extension="279035121518989"/>
      <patient>
        <name>
          <family qualifier="BR">PAT-TROIS</family>
          <given>DOMINIQUE MARIE-LOUISE</given>
          <given qualifier="BR">DOMINIQUE</given>
        </name>
        <administrativeGenderCode code="F" codeSystem="2.16.840.1.113883.5.1" displayName="Féminin"/>
        <birthTime value="19790328"/>
      </patient>
    </patientRole>
  </recordTarget>
  <author>
    <time value="20261130100000+0100"/>
    <assignedAuthor>
      <id root="1.2.250.1.71.4.2.1" extension="810101010101"/>
      <assignedPerson><name><given>Jeanne</given><family>DURAND</family></name></assignedPerson>
    </assignedAuthor>
  </author>
  <component>
    <structuredBody>
      <component>
        <section>
          <code code="42349-1" codeSystem="2.16.840.1.113883.6.1" displayName="Raison de la recommandation"/>
          <title>Motif d'hospitalisation</title>
          <text>Bilan d'une asthénie. Retour à domicile ; suivi par le médecin traitant.</text>
        </section>
      </component>
    </structuredBody>
  </component>
</ClinicalDocument>
""";
