using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MimeKit;
using Mss.Core.Mime;
using NodaTime;

namespace Mss.Core.Tests.Mime;

/// <summary>ADDR-7 invariants of the builder, on random mixes of patients and professionals in To and Cc, duplicates included.</summary>
public class MssMessageBuilderPropertyTest
{
    private static readonly MssAddress Doctor = MssAddress.Parse("dr.martin@chu-nantes.mssante.fr");

    private static readonly MssAddress[] Pool =
    [
        MssAddress.Parse("279035121518989@patient.mssante.fr"),
        MssAddress.Parse("185052A12345633@patient.mssante.fr"),
        MssAddress.Parse("284052A32102552@patient.mssante.fr"),
        MssAddress.Parse("secretariat@chu-nantes.mssante.fr"),
        MssAddress.Parse("confrere@clinique.mssante.fr"),
        MssAddress.Parse("pharmacie.centrale@pharmacie.mssante.fr"),
    ];

    /// <summary>Recipients as (index in the pool, in To?) pairs.</summary>
    public static Arbitrary<(int Index, bool InTo)[]> Recipients() =>
        Gen.ArrayOf(from i in Gen.Choose(0, Pool.Length - 1) from to in Gen.Elements(true, false) select (i, to)).ToArbitrary();

    [Property(Arbitrary = [typeof(MssMessageBuilderPropertyTest)], MaxTest = 300)]
    public Property BuildAndBuildPerPatient_OnePatientPerMessage((int Index, bool InTo)[] recipients)
    {
        var builder = new MssMessageBuilder(Doctor, new FixedClock(Instant.FromUtc(2026, 3, 14, 9, 0))).Subject("Compte rendu").NoReply();
        foreach ((int index, bool inTo) in recipients)
        {
            _ = inTo ? builder.To(Pool[index]) : builder.Cc(Pool[index]);
        }

        // Written independently: the first occurrence of each address decides where it goes.
        var firstPlace = new Dictionary<MssAddress, bool>();
        foreach ((int index, bool inTo) in recipients)
        {
            firstPlace.TryAdd(Pool[index], inTo);
        }

        MssAddress[] patients = firstPlace.Keys.Where(a => a.IsPatient).ToArray();
        string[] professionals = firstPlace.Keys.Where(a => !a.IsPatient).Select(a => a.ToString()).ToArray();
        if (firstPlace.Count == 0)
        {
            return (Throws(builder.Build) && Throws(() => builder.BuildPerPatient())).Label("no recipient");
        }

        bool buildAgrees = patients.Length > 1 ? Throws(builder.Build) : Recipients(builder.Build()).Count == firstPlace.Count;
        IReadOnlyList<MimeMessage> messages = builder.BuildPerPatient();
        var seenPatients = new List<string>();
        foreach (MimeMessage m in messages)
        {
            List<string> all = Recipients(m);
            string[] inMessage = all.Where(a => a.EndsWith("@patient.mssante.fr", StringComparison.Ordinal)).ToArray();
            if (inMessage.Length > 1 || !professionals.All(all.Contains) || all.Count != inMessage.Length + professionals.Length
                || m.Headers["X-MSS-MES"] != "FIN" || m.Subject != "Compte rendu"
                || !m.To.Mailboxes.All(a => firstPlace[MssAddress.Parse(a.Address)]) || m.Cc.Mailboxes.Any(a => firstPlace[MssAddress.Parse(a.Address)]))
            {
                return false.Label("message " + m.MessageId);
            }

            seenPatients.AddRange(inMessage);
        }

        bool perPatient = messages.Count == Math.Max(1, patients.Length)
            && seenPatients.Order().SequenceEqual(patients.Select(p => p.ToString()).Order())
            && messages.Select(m => m.MessageId).Distinct().Count() == messages.Count;
        return (buildAgrees && perPatient).Label($"build {buildAgrees}, per patient {perPatient}");
    }

    private static List<string> Recipients(MimeMessage m) => m.To.Mailboxes.Concat(m.Cc.Mailboxes).Select(a => a.Address).ToList();

    private static bool Throws(Func<object> build)
    {
        try
        {
            build();
            return false;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }
}
