using System.Text;

namespace Mss.Core.Fuzz;

/// <summary>
/// Deterministic mutations for the replay (no fuzzer): the same seed gives the same inputs on every machine and .NET
/// version (SplitMix64, not System.Random). Each mutant is a corpus entry with 1–4 edits: bit flips, interesting bytes,
/// insertions and deletions, a chunk repeated (hostile sizes), a target word spliced in, another entry spliced in.
/// </summary>
internal sealed class Mutator(ulong seed, IReadOnlyList<byte[]> corpus, IReadOnlyList<string> tokens, int maxLength)
{
    private static readonly byte[] Interesting = [0, 1, 0x7F, 0x80, 0xC0, 0xC3, 0xE2, 0xEF, 0xF0, 0xFE, 0xFF, (byte)' ', (byte)'@', (byte)'.', (byte)'\r', (byte)'\n', (byte)'"', (byte)'A', (byte)'a', (byte)'0', (byte)'9'];

    private readonly byte[][] _tokens = tokens.Select(t => Encoding.UTF8.GetBytes(t)).ToArray();
    private ulong _state = seed;

    public byte[] Next()
    {
        var data = new List<byte>(corpus.Count == 0 ? [] : corpus[Below(corpus.Count)]);
        int edits = 1 + Below(4);
        for (int i = 0; i < edits; i++)
        {
            Edit(data);
        }

        return data.Count > maxLength ? data.GetRange(0, maxLength).ToArray() : data.ToArray();
    }

    private void Edit(List<byte> data)
    {
        int position = Below(data.Count + 1);
        switch (Below(9))
        {
            case 0 when data.Count > 0:
                data[Math.Min(position, data.Count - 1)] ^= (byte)(1 << Below(8));
                break;
            case 1 when data.Count > 0:
                data[Math.Min(position, data.Count - 1)] = Interesting[Below(Interesting.Length)];
                break;
            case 2:
                data.Insert(position, Interesting[Below(Interesting.Length)]);
                break;
            case 3 when data.Count > 0:
                int start = Math.Min(position, data.Count - 1);
                data.RemoveRange(start, Math.Min(data.Count - start, 1 + Below(16)));
                break;
            case 4 when data.Count > 0:
                // A chunk repeated many times: hostile sizes and repeated prefixes.
                int from = Below(data.Count);
                byte[] chunk = data.GetRange(from, Math.Min(data.Count - from, 1 + Below(48))).ToArray();
                int times = 1 + Below(Math.Max(1, Math.Min(2000, maxLength / Math.Max(1, chunk.Length) / 2)));
                for (int t = 0; t < times && data.Count < maxLength; t++)
                {
                    data.InsertRange(from, chunk);
                }

                break;
            case 5 when _tokens.Length > 0:
                data.InsertRange(position, _tokens[Below(_tokens.Length)]);
                break;
            case 6 when _tokens.Length > 0 && data.Count > 0:
                byte[] token = _tokens[Below(_tokens.Length)];
                int at = Math.Min(position, data.Count - 1);
                data.RemoveRange(at, Math.Min(token.Length, data.Count - at));
                data.InsertRange(at, token);
                break;
            case 7 when corpus.Count > 0:
                byte[] other = corpus[Below(corpus.Count)];
                int otherStart = Below(other.Length + 1);
                data.RemoveRange(position, data.Count - position);
                data.AddRange(other.AsSpan(otherStart).ToArray());
                break;
            default:
                data.Insert(position, (byte)Below(256));
                break;
        }
    }

    private int Below(int bound) => bound <= 1 ? 0 : (int)(NextUInt64() % (ulong)bound);

    private ulong NextUInt64()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
