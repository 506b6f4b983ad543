using System.Globalization;
using System.Net.Mail;
using System.Text;
using BenchmarkDotNet.Attributes;
using MimeKit;

namespace Mss.Core.Benchmarks;

/// <summary>
/// MSSanté address validation and parsing (issue 3) on a fixed, shuffled mix of 1,000 addresses (seed 42): 800 patient
/// addresses (8 Corsican), 100 professional ones (canonical), 100 invalid (30 wrong INS keys, 70 look-alike domains,
/// suffix tricks, display names, punycode, non-ASCII, '_' at a label's start, trailing dot). Baselines: MimeKit and
/// System.Net.Mail parsers followed by the domain and INS checks vendors write by hand. Results are per address
/// (OperationsPerInvoke). 0.2: the same addresses decorated as people type them (white space, display names, quoted
/// names, angle brackets, <c>mailto:</c>) for <see cref="AddressStyles.Lenient"/> (ADDR-6), and equality and hashing
/// with case ignored (ADDR-1) on the 900 valid ones against copies in another case.
/// Run: <c>dotnet run -c Release --project benchmarks/Mss.Core.Benchmarks -- --filter '*MssAddress*'</c>.
/// </summary>
[MemoryDiagnoser]
public class MssAddressBenchmarks
{
    private const int Count = 1000;
    private string[] _inputs = [];
    private byte[][] _utf8 = [];

    private static readonly string[] Invalid =
    [
        "jean.dupont@mssante.fr.evil.com",
        "jean.dupont@notmssante.fr",
        "jean.dupont@mssante.com",
        "jean.dupont@ch-nord.mssanté.fr",
        "jean.dupont@ch-nord.mss\u0430nte.fr",
        "jean.dupont@xn--mssant-bva.fr",
        "Jean Dupont <jean.dupont@ch-nord.mssante.fr>",
        "jean.dupont@_ehpad.mssante.fr",
        "jean.dupont@gmail.com",
        "jean.dupont@ch-nord.mssante.fr.",
    ];

    private static readonly string[] Names = ["jean.dupont", "secretariat", "m.martin", "accueil-urgences", "no_reply", "Dr.Claire.Bernard"];
    private static readonly string[] Domains = ["ch-nord.mssante.fr", "chu-lyon.mssante.fr", "cpts123.mssante.fr", "medecin.mssante.fr", "pharmacie.mssante.fr", "ap-hm.mssante.fr", "ehpad_dumoulin.mssante.fr"];

    // ADDR-6: how people type or paste an address; {0} is the bare address.
    private static readonly string[] Decorations = ["{0}", " {0} ", "Dr Jean Durand <{0}>", "\"Durand, Jean\" <{0}>", "<{0}>", "mailto:{0}", "\u00A0<mailto:{0}>\t"];

    private string[] _decorated = [];
    private byte[][] _decoratedUtf8 = [];
    private MssAddress[] _addresses = [];
    private MssAddress[] _otherCase = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var inputs = new List<string>(Count);
        for (int i = 0; i < 800; i++)
        {
            inputs.Add(PatientAddress(random, corsican: i % 100 == 0));
        }

        for (int i = 0; i < 100; i++)
        {
            inputs.Add(Names[random.Next(Names.Length)] + "@" + Domains[random.Next(Domains.Length)]);
        }

        for (int i = 0; i < 100; i++)
        {
            inputs.Add(i < 30 ? WrongKey(PatientAddress(random, corsican: false)) : Invalid[i % Invalid.Length]);
        }

        // Fisher-Yates with the same seed: a fixed order that defeats branch prediction by kind.
        for (int i = inputs.Count - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (inputs[i], inputs[j]) = (inputs[j], inputs[i]);
        }

        _inputs = inputs.ToArray();
        _utf8 = _inputs.Select(Encoding.UTF8.GetBytes).ToArray();
        int valid = _inputs.Count(s => MssAddress.Validate(s) == AddressError.None);
        if (valid != 900)
        {
            throw new InvalidOperationException($"The set must hold 900 valid addresses, not {valid}.");
        }

        _decorated = _inputs.Select((s, i) => string.Format(CultureInfo.InvariantCulture, Decorations[i % Decorations.Length], s)).ToArray();
        _decoratedUtf8 = _decorated.Select(Encoding.UTF8.GetBytes).ToArray();
        for (int i = 0; i < Count; i++)
        {
            if (MssAddress.Validate(_inputs[i]) == AddressError.None && MssAddress.Validate(_decorated[i].AsSpan(), AddressStyles.Lenient) != AddressError.None)
            {
                throw new InvalidOperationException("A decorated valid address must stay valid with AddressStyles.Lenient.");
            }
        }

        _addresses = _inputs.Where(s => MssAddress.Validate(s) == AddressError.None).Select(MssAddress.Parse).ToArray();
        _otherCase = _addresses.Select(a => MssAddress.Parse(SwapCase(a.ToString()), AddressStyles.IgnoreCase)).ToArray();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public int MimeKit_TryParse_HandChecks()
    {
        int valid = 0;
        foreach (string s in _inputs)
        {
            if (MailboxAddress.TryParse(s, out MailboxAddress? mailbox) && mailbox is not null && string.IsNullOrEmpty(mailbox.Name)
                && HandChecks(mailbox.LocalPart, mailbox.Domain))
            {
                valid++;
            }
        }

        return valid;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public int SystemNetMail_TryCreate_HandChecks()
    {
        int valid = 0;
        foreach (string s in _inputs)
        {
            if (MailAddress.TryCreate(s, out MailAddress? address) && address.DisplayName.Length == 0
                && HandChecks(address.User, address.Host))
            {
                valid++;
            }
        }

        return valid;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public int Validate_Utf16()
    {
        int valid = 0;
        foreach (string s in _inputs)
        {
            if (MssAddress.Validate(s) == AddressError.None)
            {
                valid++;
            }
        }

        return valid;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public int Validate_Utf8()
    {
        int valid = 0;
        foreach (byte[] b in _utf8)
        {
            if (MssAddress.Validate(b) == AddressError.None)
            {
                valid++;
            }
        }

        return valid;
    }

    /// <summary>The portable single pass alone (the netstandard2.0 path), i.e. a plain scalar span validator.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int Validate_ScalarCore()
    {
        int valid = 0;
        foreach (string s in _inputs)
        {
            if (AddressSyntax.CheckScalar(s, out _, out _, out _) == AddressError.None)
            {
                valid++;
            }
        }

        return valid;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public int TryParse_String()
    {
        int valid = 0;
        foreach (string s in _inputs)
        {
            if (MssAddress.TryParse(s, out _))
            {
                valid++;
            }
        }

        return valid;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public int TryParse_Utf8()
    {
        int valid = 0;
        foreach (byte[] b in _utf8)
        {
            if (MssAddress.TryParse(b, out _))
            {
                valid++;
            }
        }

        return valid;
    }

    /// <summary>ADDR-6: decorated addresses (a seventh bare, the rest with white space, display names, brackets, mailto:).</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int Validate_Lenient_Utf16()
    {
        int valid = 0;
        foreach (string s in _decorated)
        {
            if (MssAddress.Validate(s.AsSpan(), AddressStyles.Lenient) == AddressError.None)
            {
                valid++;
            }
        }

        return valid;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public int Validate_Lenient_Utf8()
    {
        int valid = 0;
        foreach (byte[] b in _decoratedUtf8)
        {
            if (MssAddress.Validate(b, AddressStyles.Lenient) == AddressError.None)
            {
                valid++;
            }
        }

        return valid;
    }

    /// <summary>ADDR-6 then the value: decorated input always gives a new canonical string (or none for a patient).</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int TryParse_Lenient_String()
    {
        int valid = 0;
        foreach (string s in _decorated)
        {
            if (MssAddress.TryParse(s, AddressStyles.Lenient, out _))
            {
                valid++;
            }
        }

        return valid;
    }

    /// <summary>ADDR-1 (0.2): each valid address against the same address in swapped case (equal); OperationsPerInvoke counts 1,000.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int Equals_IgnoreCase()
    {
        int equal = 0;
        MssAddress[] left = _addresses;
        MssAddress[] right = _otherCase;
        for (int i = 0; i < left.Length; i++)
        {
            if (left[i] == right[i])
            {
                equal++;
            }
        }

        return equal;
    }

    /// <summary>ADDR-1 (0.2): the case-insensitive hash of each valid address.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int GetHashCode_IgnoreCase()
    {
        int hash = 0;
        foreach (MssAddress a in _otherCase)
        {
            hash ^= a.GetHashCode();
        }

        return hash;
    }

    private static string SwapCase(string text) =>
        string.Create(text.Length, text, static (chars, source) =>
        {
            for (int i = 0; i < chars.Length; i++)
            {
                char c = source[i];
                chars[i] = char.IsAsciiLetterUpper(c) ? char.ToLowerInvariant(c) : char.IsAsciiLetterLower(c) ? char.ToUpperInvariant(c) : c;
            }
        });

    private static string PatientAddress(Random random, bool corsican)
    {
        string department = corsican ? (random.Next(2) == 0 ? "2A" : "2B") : random.Next(1, 96).ToString("00", CultureInfo.InvariantCulture);
        string body = $"{random.Next(1, 3)}{random.Next(0, 100):00}{random.Next(1, 13):00}{department}{random.Next(0, 1_000_000):000000}";
        return InsMatricule.FromBody(body) + "@patient.mssante.fr";
    }

    private static string WrongKey(string patient)
    {
        int key = int.Parse(patient.AsSpan(13, 2), CultureInfo.InvariantCulture);
        return patient.Substring(0, 13) + ((key % 97) + 1).ToString("00", CultureInfo.InvariantCulture) + patient.Substring(15);
    }

    /// <summary>The checks vendors add after a general parser: trust-space suffix on a label boundary, ASCII, INS key.</summary>
    private static bool HandChecks(string local, string domain)
    {
        if (!domain.EndsWith(".mssante.fr", StringComparison.OrdinalIgnoreCase) || domain.Length <= 11)
        {
            return false;
        }

        foreach (char c in domain)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_'))
            {
                return false;
            }
        }

        if (domain[0] == '_' || domain.Contains("._", StringComparison.Ordinal) || domain.Contains("_.", StringComparison.Ordinal))
        {
            return false;
        }

        if (!domain.Equals("patient.mssante.fr", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (local.Length != 15)
        {
            return false;
        }

        string body = local.Substring(0, 13).Replace("2A", "19", StringComparison.Ordinal).Replace("2B", "18", StringComparison.Ordinal);
        return long.TryParse(body, NumberStyles.None, CultureInfo.InvariantCulture, out long n)
            && int.TryParse(local.AsSpan(13, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int key)
            && key == 97 - (n % 97);
    }
}
