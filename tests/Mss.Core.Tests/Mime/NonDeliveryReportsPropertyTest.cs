using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Mss.Core.Delivery;
using Mss.Core.Mime;
using NodaTime;
using static Mss.Core.Tests.Mime.MimeTestSupport;

namespace Mss.Core.Tests.Mime;

[Properties(Arbitrary = [typeof(InsGenerators)], MaxTest = 200)]
public class NonDeliveryReportsPropertyTest
{
    private static readonly FixedClock Clock = new(Instant.FromUtc(2026, 3, 14, 9, 27, 1));

    // DEL-2: for any reason and any patient address (valid INS, or its body with a wrong key for "invalidé"),
    // Create → bytes → parse → TryClassify gives back the same reason and the address as sent.
    [Property]
    public Property Create_ThenClassify_RoundTrips(InsBody body)
    {
        Gen<(NonDeliveryReason, int)> cases = from reason in Gen.Elements(NonDeliveryReason.AddressDoesNotExist, NonDeliveryReason.MailboxClosed, NonDeliveryReason.AddressInvalid)
                                              from keyShift in Gen.Choose(0, 96)
                                              select (reason, keyShift);
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            (NonDeliveryReason reason, int keyShift) = c;
            int key = InsGenerators.ReferenceKey(body.Value);
            if (reason == NonDeliveryReason.AddressInvalid && keyShift > 0)
            {
                key = ((key - 1 + keyShift) % 97) + 1; // another key in 1..97: the INS is invalid (INS-2)
            }

            string recipient = InsGenerators.WithKey(body.Value, key) + "@patient.mssante.fr";
            var original = new MssMessageBuilder(MssAddress.Parse("dr.martin@chu-nantes.mssante.fr"), Clock)
                .To(MssAddress.Parse("secretariat@chu-nantes.mssante.fr")).Subject("Compte rendu").Build();
            var report = RoundTrip(NonDeliveryReports.Create(original, recipient, reason, "patient.mssante.fr", Clock));
            return NonDeliveryReports.TryClassify(report, out NonDeliveryReason classified, out string? back)
                && classified == reason && back == recipient;
        });
    }
}
