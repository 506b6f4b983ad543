using NodaTime;

namespace Mss.Core.Mime;

/// <summary>
/// The clock of the overloads that take none (DEL-5: every message built carries a Date; REF2-2: an XDM package its
/// submission time). It is the library's only wall-clock read: everything else takes an <see cref="IClock"/>.
/// </summary>
internal static class MssClock
{
    /// <summary>NodaTime's system clock.</summary>
    /// <remarks>
    /// Justified wall-clock read: a message's Date header must be the moment it is built, and the API contract fixes
    /// constructors and factories without a clock (<c>new MssMessageBuilder(from)</c>, <c>new XdmPackageBuilder(ins, oid)</c>, <c>NonDeliveryReports.Create</c>,
    /// <c>ReadReceipts.Create</c>). Each has an overload taking an <see cref="IClock"/>; tests use those.
    /// </remarks>
    internal static IClock Default => SystemClock.Instance;
}
