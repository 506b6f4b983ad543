using System.Globalization;
using FsCheck;
using FsCheck.Fluent;

namespace Mss.Core.Tests;

/// <summary>A 13-character INS body, wrapped so FsCheck can generate it.</summary>
public sealed record InsBody(string Value)
{
    public override string ToString() => Value;
}

/// <summary>FsCheck generators for INS bodies (any digit, both Corsican letters) and an independent key reference.</summary>
public static class InsGenerators
{
    public static Gen<string> Digits(int count) =>
        Gen.ArrayOf(Gen.Choose(0, 9), count).Select(ds => string.Concat(ds.Select(d => d.ToString(CultureInfo.InvariantCulture))));

    public static Gen<InsBody> BodyGen() =>
        from head in Digits(5)
        from department in Gen.Frequency((6, Digits(2)), (1, Gen.Constant("2A")), (1, Gen.Constant("2B")))
        from tail in Digits(6)
        select new InsBody(head + department + tail);

    public static Arbitrary<InsBody> Body() => BodyGen().ToArbitrary();

    /// <summary>INS-2 written independently of the library: 97 - (N mod 97), 2A read as 19 and 2B as 18.</summary>
    public static int ReferenceKey(string body)
    {
        string numeric = body.Substring(0, 5) + body.Substring(5, 2).Replace("2A", "19", StringComparison.Ordinal).Replace("2B", "18", StringComparison.Ordinal) + body.Substring(7);
        return 97 - (int)(long.Parse(numeric, CultureInfo.InvariantCulture) % 97);
    }

    public static string WithKey(string body, int key) => body + key.ToString("00", CultureInfo.InvariantCulture);
}
