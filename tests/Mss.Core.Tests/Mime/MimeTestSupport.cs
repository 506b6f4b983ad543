using System.Text;
using MimeKit;
using NodaTime;

namespace Mss.Core.Tests.Mime;

/// <summary>A clock that always gives the same instant.</summary>
public sealed class FixedClock(Instant now) : IClock
{
    public Instant GetCurrentInstant() => now;
}

public static class MimeTestSupport
{
    /// <summary>Writes the message to bytes and parses it back, as a receiving MTA would see it.</summary>
    public static MimeMessage RoundTrip(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        stream.Position = 0;
        return MimeMessage.Load(stream);
    }

    /// <summary>The wire form of the message, as text with CRLF line ends (SMTP's).</summary>
    public static string Wire(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(new FormatOptions { NewLineFormat = NewLineFormat.Dos }, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Parses a hand-written fixture (line ends normalised to CRLF).</summary>
    public static MimeMessage Parse(string raw)
    {
        string crlf = raw.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(crlf));
        return MimeMessage.Load(stream);
    }
}
