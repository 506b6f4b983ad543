using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MimeKit;
using Mss.Core.Conversations;
using Mss.Core.Mime;
using NodaTime;
using static Mss.Core.Tests.Mime.MimeTestSupport;

namespace Mss.Core.Tests.Mime;

/// <summary>
/// CONV-3 amendment (issue 11): what the library says about a subject never contradicts the subject it puts on the wire.
/// Messages are built from generated subjects with <see cref="MssMessageBuilder"/>, written to bytes, reloaded with MimeKit,
/// and the verdict of <see cref="ClosingSubject.Diagnose"/> on the input must equal the verdict on the subject read back.
/// </summary>
public class ClosingSubjectWirePropertyTest
{
    private static readonly MssAddress Doctor = MssAddress.Parse("dr.martin@chu-nantes.mssante.fr");
    private static readonly MssAddress Patient = MssAddress.Parse("279035121518989@patient.mssante.fr");

    private static readonly string[] Spaces = ["", " ", "  ", "\u00A0", "\u2003", "\u3000", " \u00A0 "];
    private static readonly string[] Prefixes = ["", "RE: ", "Re : ", "TR:", "Fwd: ", "FW : ", "RE: TR: ", "Cc: ", "Retour "];
    private static readonly string[] Cores = ["[FIN]", "[fin]", "[Fin]", "[ FIN ]", "FIN", "(FIN)", "［FIN］", "[ＦＩＮ]", "[\u200BFIN]", "【FIN】", "Résultats", "Fin de traitement", ""];
    private static readonly string[] Suffixes = ["", " merci", ".", " – résultats", "\u00A0!"];

    /// <summary>
    /// Subjects near [FIN] (white space, prefixes, look-alikes, extra text), plus arbitrary one-line text (lone surrogates
    /// and long text that MimeKit folds included; control characters are refused by the builder).
    /// </summary>
    public static Arbitrary<string> Subjects() =>
        Gen.OneOf(
            from before in Gen.Elements(Spaces)
            from prefix in Gen.Elements(Prefixes)
            from core in Gen.Elements(Cores)
            from suffix in Gen.Elements(Suffixes)
            from after in Gen.Elements(Spaces)
            select before + prefix + core + suffix + after,
            ArbMap.Default.GeneratorFor<string>()
                .Where(s => s is not null && !s.Any(char.IsControl))
                .Select(s => s!))
        .ToArbitrary();

    [Property(Arbitrary = [typeof(ClosingSubjectWirePropertyTest)], MaxTest = 1000, EndSize = 300)]
    public Property Diagnose_OnInput_EqualsDiagnose_OnTheWire(string subject)
    {
        MimeMessage built = new MssMessageBuilder(Doctor, new FixedClock(Instant.FromUtc(2026, 3, 14, 9, 0))).To(Patient).Subject(subject).Build();
        string wire = RoundTrip(built).Subject ?? string.Empty;
        SubjectVerdict onInput = ClosingSubject.Diagnose(subject);
        SubjectVerdict onWire = ClosingSubject.Diagnose(wire);
        return (onInput == onWire && ClosingSubject.IsClosing(subject) == ClosingSubject.IsClosing(wire))
            .Label($"input \"{subject}\" {onInput}, wire \"{wire}\" {onWire}");
    }

    // The reader and the conversation agree with the wire too: a health actor's " [FIN]" read back closes the conversation.
    [Theory]
    [InlineData(" [FIN]", ConversationStatus.Closed)]
    [InlineData("[FIN]\u00A0", ConversationStatus.Closed)]
    [InlineData("RE: [FIN]", ConversationStatus.Open)]
    [InlineData("[fin]", ConversationStatus.Open)]
    public void ReadBack_ClosesExactlyWhenTheInputDoes(string subject, ConversationStatus expected)
    {
        MimeMessage built = new MssMessageBuilder(Doctor, new FixedClock(Instant.FromUtc(2026, 3, 14, 9, 0))).To(Patient).Subject(subject).Build();
        Assert.True(MssMessageReader.TryRead(RoundTrip(built), out ReceivedMessage received));
        Assert.True(Conversation.Start(Counterpart.HealthActor).TryApply(received.Message, out Conversation next, out _));
        Assert.Equal(expected, next.Status);
        Assert.True(default(Conversation).TryApply(Author.HealthActor, subject, out Conversation direct, out _));
        Assert.Equal(expected, direct.Status);
    }
}
