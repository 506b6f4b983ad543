using Mss.Core.Mailboxes;

namespace Mss.Core.Tests.Mailboxes;

/// <summary>Addresses and holders shared by the mailbox tests.</summary>
internal static class TestHolders
{
    public const string PatientInsText = "279035121518989"; // ANS's own example (ADDR-2)
    public const string OtherInsText = "185057200002705";

    public static readonly MssAddress Professional = MssAddress.Parse("jean.dupont@ch123.mssante.fr");
    public static readonly MssAddress Service = MssAddress.Parse("accueil@ch123.mssante.fr");
    public static readonly MssAddress NoReply = MssAddress.Parse("no-reply@cpts123.mssante.fr");
    public static readonly MssAddress Patient = MssAddress.Parse(PatientInsText + "@patient.mssante.fr");

    public static readonly Finess Structure = Finess.Parse("750000010");
    public static ProfessionalHolder WithRpps => new(Rpps.Parse("10000000009"));
    public static ProfessionalHolder WithoutRpps => new(adeli: Adeli.Parse("123456782"));
    public static StructureHolder StructureHolder => new(Structure);
    public static LegalRepresentativeHolder LegalRepresentative => new(Structure);
    public static PatientHolder PatientHolder => new(InsMatricule.Parse(PatientInsText));
    public static PatientHolder OtherPatient => new(InsMatricule.Parse(OtherInsText));

    public static MailboxHolder? ByName(string name) => name switch
    {
        "rpps" => WithRpps,
        "no-rpps" => WithoutRpps,
        "structure" => StructureHolder,
        "legal" => LegalRepresentative,
        "patient" => PatientHolder,
        "other-patient" => OtherPatient,
        _ => null,
    };

    public static MssAddress AddressByName(string name) => name switch
    {
        "pro" => Professional,
        "patient" => Patient,
        _ => default,
    };
}
