using System.Diagnostics;
using System.Reflection;
using System.Text;
using Mss.Core.Conversations;
using Mss.Core.Delivery;
using Mss.Core.Mailboxes;
using Mss.Core.Directory;
using Mss.Core.Mime;
using Mss.Core.Xdm;
using NodaTime;

namespace Mss.Core.Tests;

/// <summary>
/// INS-8 sweep (issue 16): every public type that can hold an INS or a patient address is built with one, and its
/// <c>ToString()</c>, its debugger display (the <see cref="DebuggerDisplayAttribute"/> expression, evaluated) and the
/// messages of the exceptions the library throws on such input never show the 15-character matricule in clear.
/// Contractual exceptions: <see cref="InsMatricule.ToString()"/> and <see cref="MssAddress.ToString()"/> (the canonical
/// text is the value). A public type in neither <see cref="Cases"/> nor <see cref="NoPatientData"/> fails
/// <see cref="EveryPublicType_HasACaseOrAnExemption"/>: a new type must say how it keeps the INS out.
/// </summary>
public class Ins8SweepTest
{
    private const string Nir = "279035121518989";
    private const string Corsican = "284052A32102552";
    private const string Other = "184052B32102532";

    private static readonly InsMatricule Ins = InsMatricule.Parse(Nir);
    private static readonly InsMatricule CorsicanIns = InsMatricule.Parse(Corsican);
    private static readonly InsMatricule OtherIns = InsMatricule.Parse(Other);
    private static readonly MssAddress Patient = MssAddress.ForPatient(Ins);
    private static readonly MssAddress OtherPatient = MssAddress.ForPatient(OtherIns);
    private static readonly MssAddress Doctor = MssAddress.Parse("dr.durand@ch-lemans.mssante.fr");

    /// <summary>A professional box named after a patient's INS (found by fuzzing 0.2, issue 29): nothing forbids it.</summary>
    private static readonly MssAddress InsNamedBox = MssAddress.Parse(Nir + "@ch-lemans.mssante.fr");
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 30, 10, 0);

    /// <summary>The matricules the cases are built from: none of them may appear in clear.</summary>
    private static readonly string[] Matricules = [Nir, Corsican, Other];

    /// <summary>Types that hold no INS and no patient address (nothing to mask), with the reason.</summary>
    private static readonly Dictionary<Type, string> NoPatientData = new()
    {
        [typeof(Rpps)] = "a professional identifier",
        [typeof(Adeli)] = "a professional identifier",
        [typeof(IdNatPs)] = "a professional identifier",
        [typeof(Finess)] = "a structure identifier",
        [typeof(HealthIdentifierFormatException)] = "about professional identifiers; its messages are fixed texts (checked below anyway)",
        [typeof(CopyPolicy)] = "a threshold",
        [typeof(Conversation)] = "a status and a counterpart kind",
        [typeof(ConversationDecision)] = "a status and a denial",
        [typeof(ConversationMessage)] = "author, subject, flag and timestamp: no address",
        [typeof(ConversationReplay)] = "statuses and messages: no address",
        [typeof(ConversationRule)] = "a row of the transition table",
        [typeof(ReplayStep)] = "a message and a decision: no address",
        [typeof(SubjectVerdict)] = "a kind and reasons",
        [typeof(PharmacyDirectoryEntry)] = "refuses patient addresses (BAL-4; its exception is checked below)",
        [typeof(PharmacyChoice)] = "pharmacy entries, which refuse patient addresses (checked below)",
        [typeof(PrescriptionMessage)] = "a pharmacy entry, which refuses patient addresses (checked below)",
        [typeof(CopyReport)] = "counts",
        [typeof(InactivityPolicy)] = "periods",
        [typeof(InactivityRun)] = "days and indices",
        [typeof(InactivitySchedule)] = "days",
        [typeof(MailboxHolder)] = "abstract: its patient subclass is a case",
        [typeof(ProfessionalHolder)] = "a professional identifier",
        [typeof(StructureHolder)] = "a structure identifier",
        [typeof(LegalRepresentativeHolder)] = "a structure identifier",
        [typeof(StructureId)] = "a structure identifier (BAL-6)",
        [typeof(XdmCode)] = "a code, its scheme and display name",
        [typeof(MssDirectory)] = "directory entries, which refuse patient addresses; the reader skips them (BAL-4, BAL-7)",
        [typeof(DirectoryChanges)] = "lists of directory entries, which refuse patient addresses (BAL-4, BAL-7 0.3)",
        [typeof(TrustSpace)] = "domains and operator certificate DNs of ANS's list: no address, no INS (ADDR-1 0.3)",
        [typeof(TrustSpaceFormatException)] = "its messages are the fixed French texts of FrenchText.Describe(TrustSpaceError)",
    };

    /// <summary>Instances built with an INS or a patient address, per type.</summary>
    private static readonly Dictionary<Type, Func<IEnumerable<object>>> Cases = new()
    {
        [typeof(InsMatricule)] = () => [Ins, CorsicanIns],
        [typeof(MssAddress)] = () => [Patient, MssAddress.ForPatient(CorsicanIns), InsNamedBox],
        [typeof(DirectoryEntry)] = () => [new DirectoryEntry(InsNamedBox, MailboxKind.Personal, familyName: "Dupont")], // patient boxes are refused (BAL-4)
        [typeof(Core.Ins)] = () => [Core.Ins.Parse(Nir, "1.2.250.1.213.1.4.8"), Core.Ins.Parse(Corsican, "1.2.250.1.213.1.4.9")],
        [typeof(InsBirthPlace)] = () => [Ins.BirthPlace, CorsicanIns.BirthPlace],
        [typeof(InsIdentityCheck)] = () => [InsIdentityCheck.AsOf(Ins, new LocalDate(2026, 11, 30)), InsIdentityCheck.FromBirthDate(CorsicanIns, new LocalDate(1984, 5, 2))],
        [typeof(RefusedRecipient)] = () => MssRecipients.Check([Nir + "@patient.mssante.fr ", "<" + Nir + "@patient.mssante.fr>", Nir + "@patient.mssante.com"]).Refused.Cast<object>(),
        [typeof(RecipientsReport)] = () => [MssRecipients.Check([Nir + "@patient.mssante.fr", Corsican + "@patient.mssante.fr", Other + "@patient.mssante.fr.evil.com"])],
        [typeof(DeliveryDecision)] = () =>
        [
            PatientDelivery.Decide(Patient, PatientMailboxStatus.Active, mobileAppInstalled: true),
            PatientDelivery.Decide(Patient, PatientMailboxStatus.Closed, mobileAppInstalled: false),
            PatientDelivery.Decide(Nir + "@patient.mssante.fr", PatientMailboxStatus.Opposed, mobileAppInstalled: false),
            PatientDelivery.Decide("279035121518988@patient.mssante.fr", PatientMailboxStatus.Active, mobileAppInstalled: false),
        ],
        [typeof(Mailbox)] = () => [Mailbox.ForPatient(Ins), Mailbox.Create(Patient, MailboxKind.Patient, new PatientHolder(Ins)), Mailbox.Create(InsNamedBox, MailboxKind.Applicative, new StructureHolder(StructureId.Parse("2264403106")))],
        [typeof(PatientHolder)] = () => [new PatientHolder(Ins), new PatientHolder(CorsicanIns)],
        [typeof(MssMessageBuilder)] = () => [new MssMessageBuilder(Doctor).To(Patient).Subject("Résultats de " + Nir)],
        [typeof(ReceivedMessage)] = () =>
        [
            // As the reader makes it: the patient in Patient, a professional in Actor.
            new ReceivedMessage(new ConversationMessage(Author.HealthActor, "Résultats", false, Now), Ins, Doctor, "m1@ch-lemans.mssante.fr"),

            // Through the public constructor with a patient address as Actor: still no clear INS (INS-8).
            new ReceivedMessage(new ConversationMessage(Author.Patient, "Bonjour", false, Now), Ins, OtherPatient, null),

            // A professional box whose local part is the patient's INS (found by fuzzing 0.2, issue 29).
            new ReceivedMessage(new ConversationMessage(Author.HealthActor, "x", false, Now), Ins, InsNamedBox, null),

            // A sender may put anything in a Message-Id, an INS included (found by the fuzz replay).
            new ReceivedMessage(new ConversationMessage(Author.HealthActor, "Résultats", false, Now), Ins, Doctor, "orig1." + Nir + "@patient.mssante.fr"),
        ],
        [typeof(InsFormatException)] = () => Thrown<InsFormatException>(
            () => InsMatricule.Parse("279035121518988"),
            () => InsMatricule.Parse("2 79 03 51 215 189 88", InsStyles.Lenient),
            () => InsMatricule.Parse(Nir + "0"),
            () => InsMatricule.Parse(Nir.AsSpan(0, 14))),
        [typeof(MssAddressFormatException)] = () => Thrown<MssAddressFormatException>(
            () => MssAddress.Parse("279035121518988@patient.mssante.fr"),
            () => MssAddress.Parse(Nir + "@patient.mssante.com"),
            () => MssAddress.Parse(" " + Nir + "@patient.mssante.fr"),
            () => MssAddress.Parse(Nir + "@patient.mssante.fr.evil.com")),
        [typeof(MailboxKindCodeFormatException)] = () => Thrown<MailboxKindCodeFormatException>(
            () => MailboxKindCodes.Parse(Nir),
            () => MailboxKindCodes.Parse(Corsican.ToLowerInvariant())),
        [typeof(DeliveryReport)] = () => Bounces().Select(r => (object)r),
        [typeof(FailedRecipient)] = () => Bounces().SelectMany(r => r.Recipients),
        [typeof(XdmPackageBuilder)] = () => [XdmBuilder()],
        [typeof(XdmPackage)] = () => [XdmBuilder().Build(), ReadBack(XdmBuilder().Build())],
        [typeof(XdmDocument)] = () => XdmBuilder().Build().Documents.Concat(ReadBack(XdmBuilder().Build()).Documents),
        [typeof(XdmFinding)] = () => WithFindings().Findings,
        [typeof(MailboxRefusedException)] = () => Thrown<MailboxRefusedException>(
            () => Mailbox.Create(Patient, MailboxKind.Personal, new PatientHolder(Ins)),
            () => Mailbox.Create(Patient, MailboxKind.Patient, new PatientHolder(OtherIns)),
            () => Mailbox.Create(Patient, MailboxKind.Patient, null)),
    };

    // DEL-6: reports about patient addresses, as the library writes them (RFC 3464) and as a plain-text bounce.
    private static IEnumerable<DeliveryReport> Bounces()
    {
        var original = new MssMessageBuilder(Doctor).To(Patient).Subject("Résultats").Build();
        MimeKit.MimeMessage dsn = NonDeliveryReports.Create(original, Patient.ToString(), NonDeliveryReason.MailboxClosed, "mta.patient.mssante.fr");
        var plain = new MimeKit.MimeMessage();
        plain.From.Add(new MimeKit.MailboxAddress("Mail Delivery System", "MAILER-DAEMON@mta.patient.mssante.fr"));
        plain.To.Add(new MimeKit.MailboxAddress(null, Doctor.ToString()));
        plain.Subject = "Mail delivery failed: returning message to sender";
        plain.Headers.Add("X-Failed-Recipients", Corsican + "@patient.mssante.fr");
        plain.Body = new MimeKit.TextPart("plain")
        {
            Text = "This message was created automatically by mail delivery software.\n\nA message that you sent could not be delivered to one or more of its\nrecipients. This is a permanent error. The following address(es) failed:\n\n  "
                + Corsican + "@patient.mssante.fr\n    SMTP error from remote mail server after RCPT TO:<" + Corsican + "@patient.mssante.fr>:\n    550 5.1.1 <" + Corsican + "@patient.mssante.fr>: Recipient address rejected: User unknown\n",
        };
        foreach (MimeKit.MimeMessage message in new[] { dsn, plain })
        {
            Assert.True(NonDeliveryReports.TryRead(message, out DeliveryReport? report));
            yield return report;
        }
    }

    // REF2-2: an archive for the patient, built and read back.
    private static XdmPackageBuilder XdmBuilder() =>
        new XdmPackageBuilder(Ins, "1.2.250.1.213.1.4.8").AddDocument("cr.pdf", Encoding.ASCII.GetBytes("%PDF-1.4 " + Nir), "application/pdf", "11490-0", "Compte rendu de " + Nir)
            .HealthcareFacilityTypeCode(new XdmCode("SA07", "1.2.250.1.71.4.2.4", "Cabinet individuel"))   // REF2-2 0.3: no default facility,
            .PracticeSettingCode(new XdmCode("AMBULATOIRE", "1.2.250.1.213.1.1.4.9", "Ambulatoire")); // practice setting or content type

    /// <summary>A package read back from a METADATA.XML written without <c>^NH</c> (REF2-2 0.2's form): it has findings.</summary>
    private static XdmPackage WithFindings()
    {
        byte[] zip = XdmBuilder().Build().ToZip();
        using var buffer = new MemoryStream();
        using (var output = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        using (var input = new System.IO.Compression.ZipArchive(new MemoryStream(zip), System.IO.Compression.ZipArchiveMode.Read))
        {
            foreach (System.IO.Compression.ZipArchiveEntry entry in input.Entries)
            {
                using var content = new MemoryStream();
                using (Stream s = entry.Open())
                {
                    s.CopyTo(content);
                }

                byte[] bytes = entry.FullName.EndsWith("METADATA.XML", StringComparison.Ordinal)
                    ? Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(content.ToArray()).Replace("&amp;ISO^NH", "&amp;ISO", StringComparison.Ordinal))
                    : content.ToArray();
                using Stream target = output.CreateEntry(entry.FullName).Open();
                target.Write(bytes);
            }
        }

        XdmPackage read = ReadBack(buffer.ToArray());
        Assert.NotEmpty(read.Findings);
        return read;
    }

    private static XdmPackage ReadBack(XdmPackage package) => ReadBack(package.ToZip());

    private static XdmPackage ReadBack(byte[] zip)
    {
        Assert.True(XdmPackage.TryRead(new MemoryStream(zip), out XdmPackage? read, out XdmError error), error.ToString());
        return read;
    }

    public static TheoryData<string> CaseNames() => [.. Cases.Keys.Select(t => t.FullName!)];

    [Fact]
    public void EveryPublicType_HasACaseOrAnExemption()
    {
        string[] missing = typeof(InsMatricule).Assembly.GetExportedTypes()
            .Where(t => !t.IsEnum && !(t.IsAbstract && t.IsSealed) && !t.IsInterface && !typeof(Delegate).IsAssignableFrom(t))
            .Where(t => !Cases.ContainsKey(t) && !NoPatientData.ContainsKey(t))
            .Select(t => t.FullName!)
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.True(missing.Length == 0, "Public types without an INS-8 case or exemption: " + string.Join(", ", missing));
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void ToStringAndDebuggerDisplay_NeverShowTheMatricule(string typeName)
    {
        Type type = Cases.Keys.Single(t => t.FullName == typeName);
        object[] instances = Cases[type]().ToArray();
        Assert.NotEmpty(instances);
        foreach (object instance in instances)
        {
            Assert.IsType(type, instance, exactMatch: false);
            if (type != typeof(InsMatricule) && type != typeof(MssAddress))
            {
                AssertNoMatricule(instance.ToString(), $"{type.Name}.ToString()");
            }

            if (DisplayOf(instance) is { } display)
            {
                AssertNoMatricule(display, $"{type.Name} debugger display");
            }

            if (instance is Exception exception)
            {
                for (Exception? e = exception; e is not null; e = e.InnerException)
                {
                    AssertNoMatricule(e.Message, $"{e.GetType().Name}.Message");
                    AssertNoMatricule((e as ArgumentException)?.ParamName, $"{e.GetType().Name}.ParamName");
                }
            }
        }
    }

    // INS-8: exceptions the library throws when given a patient's address or INS where it does not belong.
    [Fact]
    public void ExceptionsOnPatientInput_NeverShowTheMatricule()
    {
        Exception[] thrown =
        [
            .. Thrown<ArgumentException>(
                () => new PharmacyDirectoryEntry(Patient, "Pharmacie", "Le Mans", MailboxKind.Organisational, true, "720000000"),
                () => new DirectoryEntry(Patient, MailboxKind.Personal, familyName: "Dupont"),
                () => NonDeliveryReports.Create(new MimeKit.MimeMessage(), Nir + "@patient.mssante.com", NonDeliveryReason.AddressInvalid, "mx.mssante.fr"),
                () => new MssMessageBuilder(Doctor).To(Patient).Subject("Objet\n" + Nir)),
            .. Thrown<FormatException>(
                () => Core.Ins.Parse("279035121518988", "1.2.250.1.213.1.4.8"),
                () => Rpps.Parse(Nir),
                () => IdNatPs.Parse(Nir),
                () => Finess.Parse(Nir)),
        ];
        foreach (Exception e in thrown)
        {
            AssertNoMatricule(e.Message, $"{e.GetType().Name}.Message");
        }
    }

    // The debugger display of the value types that hold an INS is the masked text (INS-8), not the canonical one.
    [Fact]
    public void DebuggerDisplay_InsAndPatientAddress_AreMasked()
    {
        Assert.Equal(Ins.ToMaskedString(), DisplayOf(Ins));
        Assert.Equal(Ins.ToMaskedString() + "@patient.mssante.fr", DisplayOf(Patient));
        Assert.Equal(Doctor.ToString(), DisplayOf(Doctor));
        Assert.Equal(Ins.ToMaskedString() + "@ch-lemans.mssante.fr", DisplayOf(InsNamedBox));
    }

    // INS-8, issue 29: the reproducer found by fuzzing 0.2, read as a vendor reads it; its event's text shows no INS.
    [Fact]
    public void ReceivedMessage_FromABoxNamedAfterTheIns_Masked()
    {
        using FileStream file = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "TestData", "Fuzz", "message-reader-ins-in-actor.eml"));
        ReceivedMessage received = Assert.Single(MssMessageReader.ReadAll(MimeKit.MimeMessage.Load(file)));
        Assert.Equal(InsNamedBox, received.Actor);
        AssertNoMatricule(received.ToString(), "ReceivedMessage.ToString()");
        Assert.Contains("2790351********@ch-lemans.mssante.fr", received.ToString(), StringComparison.Ordinal);
    }

    // The sweep itself must be able to fail: a text with the matricule is caught, with or without separators.
    [Theory]
    [InlineData("Patient 279035121518989")]
    [InlineData("<279035121518989@patient.mssante.fr>")]
    [InlineData("284052A32102552")]
    public void AssertNoMatricule_CatchesAClearMatricule(string text) =>
        Assert.ThrowsAny<Exception>(() => AssertNoMatricule(text, "probe"));

    private static void AssertNoMatricule(string? text, string where)
    {
        if (text is null)
        {
            return;
        }

        foreach (string matricule in Matricules)
        {
            Assert.False(text.Contains(matricule, StringComparison.OrdinalIgnoreCase), $"{where} shows the INS in clear (INS-8): \"{text}\"");
        }
    }

    /// <summary>The exceptions the calls throw; each call must throw a <typeparamref name="TException"/>.</summary>
    private static Exception[] Thrown<TException>(params Func<object>[] calls)
        where TException : Exception =>
        [.. calls.Select(call => (Exception)Assert.ThrowsAny<TException>(() => call()))];

    /// <summary>
    /// What a debugger shows for a value with <see cref="DebuggerDisplayAttribute"/>: each <c>{member[.member…][()][,nq]}</c>
    /// of the expression evaluated by reflection (properties, fields, parameterless methods, public or not). Null when
    /// the type has no such attribute (the debugger then shows <c>ToString()</c>, checked anyway). An expression this
    /// small evaluator cannot read fails the test, so a new, richer display gets noticed.
    /// </summary>
    private static string? DisplayOf(object instance)
    {
        DebuggerDisplayAttribute? attribute = instance.GetType().GetCustomAttribute<DebuggerDisplayAttribute>(inherit: true);
        if (attribute is null)
        {
            return null;
        }

        var sb = new StringBuilder();
        string value = attribute.Value;
        for (int i = 0; i < value.Length; i++)
        {
            if (value[i] != '{')
            {
                sb.Append(value[i]);
                continue;
            }

            int close = value.IndexOf('}', i);
            Assert.True(close > i, $"Unreadable DebuggerDisplay on {instance.GetType()}: {value}");
            string expression = value[(i + 1)..close];
            int comma = expression.IndexOf(',', StringComparison.Ordinal);
            bool noQuotes = comma >= 0 && expression[(comma + 1)..].Trim() == "nq";
            string path = comma >= 0 ? expression[..comma].Trim() : expression.Trim();
            object? result = Evaluate(instance, path);
            sb.Append(result is string s && !noQuotes ? "\"" + s + "\"" : result?.ToString());
            i = close;
        }

        return sb.ToString();
    }

    private static object? Evaluate(object target, string path)
    {
        const BindingFlags Flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
        object? current = target;
        foreach (string part in path.Split('.'))
        {
            Assert.NotNull(current);
            Type type = current.GetType();
            if (part.EndsWith("()", StringComparison.Ordinal))
            {
                MethodInfo? method = type.GetMethod(part[..^2], Flags, Type.EmptyTypes);
                Assert.True(method is not null, $"DebuggerDisplay names {part} that {type} does not have");
                current = method.Invoke(current, null);
            }
            else if (type.GetProperty(part, Flags) is { } property)
            {
                current = property.GetValue(current);
            }
            else
            {
                FieldInfo? field = type.GetField(part, Flags);
                Assert.True(field is not null, $"DebuggerDisplay names {part} that {type} does not have");
                current = field.GetValue(current);
            }
        }

        return current;
    }
}
