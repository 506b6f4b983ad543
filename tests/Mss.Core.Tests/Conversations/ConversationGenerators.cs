using FsCheck;
using FsCheck.Fluent;
using Mss.Core.Conversations;

namespace Mss.Core.Tests.Conversations;

/// <summary>One step of a scenario: a message (with its Message-Id and In-Reply-To, CONV-9), or the patient activating / deactivating the profile.</summary>
public sealed record ModelStep(Author Author, string? Subject, bool NoReply, bool? SetProfile, string? MessageId = null, string? InReplyTo = null)
{
    public override string ToString() =>
        SetProfile is { } p
            ? $"profile:={p}"
            : $"{Author} \"{Subject ?? "<null>"}\"{(NoReply ? " X-MSS-MES" : string.Empty)}{(MessageId is null ? string.Empty : " id=" + MessageId)}{(InReplyTo is null ? string.Empty : " re=" + InReplyTo)}";
}

/// <summary>A random scenario: counterpart, initial profile state, steps.</summary>
public sealed record ModelScenario(Counterpart Counterpart, bool ProfileActivated, ModelStep[] Steps)
{
    public override string ToString() => $"{Counterpart}, profile {ProfileActivated}: " + string.Join("; ", Steps.Select(s => s.ToString()));
}

public static class ConversationGenerators
{
    public static readonly string?[] Subjects = ["[FIN]", "[fin]", "[Fin]", "RE: [FIN]", " [FIN]", "[FIN]\u00A0", "[ FIN ]", "[FIN] merci", "Bonjour", "", null, "Résultats d'analyse"];

    /// <summary>A few ids, so that replies often name an earlier message (and sometimes one never sent, or in angle brackets).</summary>
    public static readonly string?[] MessageIds = ["m1", "m2", "m3", null];

    public static readonly string?[] InReplyTos = ["m1", "m2", "<m3>", "unknown", null, null];

    public static Gen<ModelStep> StepGen() =>
        Gen.Frequency(
            (9, from author in Gen.Elements(Author.HealthActor, Author.Patient)
                from subject in Gen.Elements(Subjects)
                from noReply in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
                from id in Gen.Elements(MessageIds)
                from inReplyTo in Gen.Elements(InReplyTos)
                select new ModelStep(author, subject, noReply, null, id, inReplyTo)),
            (1, from p in Gen.Elements(true, false) select new ModelStep(Author.Patient, null, false, p)));

    public static Arbitrary<ModelScenario> Scenario() =>
        (from counterpart in Gen.Elements(Counterpart.HealthActor, Counterpart.Pharmacy)
         from profile in Gen.Elements(true, false)
         from steps in Gen.ListOf(StepGen())
         select new ModelScenario(counterpart, profile, steps.ToArray())).ToArbitrary();
}
