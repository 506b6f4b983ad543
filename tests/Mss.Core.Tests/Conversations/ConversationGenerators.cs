using FsCheck;
using FsCheck.Fluent;
using Mss.Core.Conversations;

namespace Mss.Core.Tests.Conversations;

/// <summary>One step of a scenario: a message, or the patient activating / deactivating the profile.</summary>
public sealed record ModelStep(Author Author, string? Subject, bool NoReply, bool? SetProfile)
{
    public override string ToString() =>
        SetProfile is { } p ? $"profile:={p}" : $"{Author} \"{Subject ?? "<null>"}\"{(NoReply ? " X-MSS-MES" : string.Empty)}";
}

/// <summary>A random scenario: counterpart, initial profile state, steps.</summary>
public sealed record ModelScenario(Counterpart Counterpart, bool ProfileActivated, ModelStep[] Steps)
{
    public override string ToString() => $"{Counterpart}, profile {ProfileActivated}: " + string.Join("; ", Steps.Select(s => s.ToString()));
}

public static class ConversationGenerators
{
    public static readonly string?[] Subjects = ["[FIN]", "[fin]", "[Fin]", "RE: [FIN]", " [FIN]", "[FIN] merci", "Bonjour", "", null, "Résultats d'analyse"];

    public static Gen<ModelStep> StepGen() =>
        Gen.Frequency(
            (9, from author in Gen.Elements(Author.HealthActor, Author.Patient)
                from subject in Gen.Elements(Subjects)
                from noReply in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
                select new ModelStep(author, subject, noReply, null)),
            (1, from p in Gen.Elements(true, false) select new ModelStep(Author.Patient, null, false, p)));

    public static Arbitrary<ModelScenario> Scenario() =>
        (from counterpart in Gen.Elements(Counterpart.HealthActor, Counterpart.Pharmacy)
         from profile in Gen.Elements(true, false)
         from steps in Gen.ListOf(StepGen())
         select new ModelScenario(counterpart, profile, steps.ToArray())).ToArbitrary();
}
