namespace Mss.Core.Integration;

/// <summary>An expectation of a scenario that did not hold.</summary>
internal sealed class ScenarioFailure(string message) : Exception(message)
{
    /// <summary>Throws when <paramref name="condition"/> is false.</summary>
    public static void Expect(bool condition, string what)
    {
        if (!condition)
        {
            throw new ScenarioFailure(what);
        }
    }
}
