namespace Mss.Core.Fuzz;

/// <summary>Runs one input through a target; throws (any exception) when the contract is broken.</summary>
/// <param name="data">The input bytes, as the fuzzer or the replay gives them.</param>
internal delegate void FuzzAction(ReadOnlySpan<byte> data);

/// <summary>
/// One fuzz target: a name (also its corpus folder, <c>corpus/&lt;name&gt;/</c>), the action that checks the contract on
/// an input, the largest input the replay's mutations build, and words the mutations splice in.
/// </summary>
internal sealed record FuzzTarget(string Name, FuzzAction Run, int MaxLength, IReadOnlyList<string> Tokens)
{
    /// <summary>
    /// A target whose whole contract is "never throws" (Try… readers, loaders of hostile files): the one-line
    /// registration for readers such as <c>XdmPackage.TryRead</c> or <c>MssDirectory.Load</c>.
    /// </summary>
    public static FuzzTarget NeverThrows(string name, Action<byte[]> read, int maxLength, params string[] tokens) =>
        new(name, data => read(data.ToArray()), maxLength, tokens);

    /// <summary>
    /// A target over a stream: the reader gets a fresh read-only <see cref="MemoryStream"/> over the input and must not
    /// throw. For <c>XdmPackage.TryRead(stream, …)</c> and <c>MssDirectory.Load(stream)</c>.
    /// </summary>
    public static FuzzTarget NeverThrowsOnStream(string name, Action<Stream> read, int maxLength, params string[] tokens) =>
        NeverThrows(name, bytes => read(new MemoryStream(bytes, writable: false)), maxLength, tokens);
}
