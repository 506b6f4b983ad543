using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MimeKit;
using Mss.Core.Delivery;
using Mss.Core.Mime;
using NodaTime;
using static Mss.Core.Tests.Mime.MimeTestSupport;

namespace Mss.Core.Tests.Mime;

[Properties(Arbitrary = [typeof(InsGenerators)], MaxTest = 100)]
public class DeliveryReportPropertyTest
{
    private static readonly FixedClock Clock = new(Instant.FromUtc(2026, 3, 14, 9, 27, 1));
    private static readonly NonDeliveryReason[] Reasons = Enum.GetValues<NonDeliveryReason>();
    private static readonly string[] Professionals = ["secretariat@chu-nantes.mssante.fr", "dr.durand@ch-lemans.mssante.fr", "accueil@ehpad-dumoulin.mssante.fr"];

    // DEL-2, DEL-6: for every reason, patient or professional, Create → bytes → TryRead gives back one permanent
    // recipient, the address as sent, the reason and its status code.
    [Property]
    public Property Create_ThenTryRead_RoundTripsEveryReason(InsBody body)
    {
        Gen<(NonDeliveryReason, bool, int)> cases = from reason in Gen.Elements(Reasons)
                                                    from patient in ArbMap.Default.GeneratorFor<bool>()
                                                    from professional in Gen.Choose(0, Professionals.Length - 1)
                                                    select (reason, patient, professional);
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            (NonDeliveryReason reason, bool patient, int professional) = c;
            string recipient = patient ? InsGenerators.WithKey(body.Value, InsGenerators.ReferenceKey(body.Value)) + "@patient.mssante.fr" : Professionals[professional];
            var original = new MssMessageBuilder(MssAddress.Parse("dr.martin@chu-nantes.mssante.fr"), Clock)
                .To(MssAddress.Parse("secretariat@chu-nantes.mssante.fr")).Subject("Compte rendu").Build();
            MimeMessage report = RoundTrip(NonDeliveryReports.Create(original, recipient, reason, "mta.mssante.fr", Clock));
            return NonDeliveryReports.TryRead(report, out DeliveryReport? read)
                && read.Recipients.Count == 1
                && read.Recipients[0].Address == recipient
                && read.Recipients[0].Reason == reason
                && read.Recipients[0].Status == NonDeliveryNotice.StatusCode(reason)
                && read.Recipients[0].IsPermanent
                && read.OriginalMessageId == original.MessageId
                && read.ReportingMta == "mta.mssante.fr";
        });
    }

    // Try… never throws (issue 16): real bounces with bytes flipped, cut or repeated, parsed and read.
    [Property(MaxTest = 300)]
    public Property Readers_NeverThrow_OnMutatedRealBounces()
    {
        List<BounceCorpusTest.Expected> files = BounceCorpusTest.LoadExpected();
        Gen<(int File, int Seed)> cases = from file in Gen.Choose(0, files.Count - 1)
                                          from seed in ArbMap.Default.GeneratorFor<int>()
                                          select (file, seed);
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            byte[] bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "Bounces", "sisimai", files[c.File].File));
            var random = new Random(c.Seed);
            byte[] mutated = Mutate(bytes, random);
            MimeMessage message;
            try
            {
                message = MimeMessage.Load(new MemoryStream(mutated));
            }
            catch (FormatException)
            {
                return true; // MimeKit refused the bytes: nothing for our readers to read
            }

            NonDeliveryReports.TryRead(message, out _);
            NonDeliveryReports.TryClassify(message, out _, out _);
            ReadReceipts.TryRead(message, out _, out _);
            return true;
        });
    }

    private static byte[] Mutate(byte[] bytes, Random random)
    {
        var list = new List<byte>(bytes);
        int edits = random.Next(1, 20);
        for (int i = 0; i < edits && list.Count > 0; i++)
        {
            int at = random.Next(list.Count);
            switch (random.Next(4))
            {
                case 0:
                    list[at] = (byte)random.Next(256);
                    break;
                case 1:
                    list.RemoveRange(at, Math.Min(list.Count - at, random.Next(1, 200)));
                    break;
                case 2:
                    int length = Math.Min(list.Count - at, random.Next(1, 200));
                    list.InsertRange(at, list.GetRange(at, length));
                    break;
                default:
                    list.InsertRange(at, "\r\nFinal-Recipient: rfc822; x@y.mssante.fr\r\nAction: failed\r\n"u8.ToArray());
                    break;
            }
        }

        return list.ToArray();
    }
}
