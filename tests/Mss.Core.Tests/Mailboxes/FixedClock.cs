using NodaTime;

namespace Mss.Core.Tests.Mailboxes;

/// <summary>A clock stopped at one instant (NodaTime.Testing is not a dependency).</summary>
internal sealed class FixedClock(Instant now) : IClock
{
    public Instant GetCurrentInstant() => now;
}
