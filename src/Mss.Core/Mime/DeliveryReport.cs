using System;
using System.Collections.Generic;

namespace Mss.Core.Mime;

/// <summary>
/// What a bounce says (DEL-6): every recipient that failed or was delayed, in report order, with the original message
/// and the reporting server when the report names them. Read with <see cref="NonDeliveryReports.TryRead"/>.
/// </summary>
/// <remarks>Immutable. The recipients may be patient addresses: do not log them in clear (INS-8).</remarks>
public sealed class DeliveryReport
{
    internal DeliveryReport(IReadOnlyList<FailedRecipient> recipients, string? originalMessageId, string? reportingMta)
    {
        Recipients = recipients;
        OriginalMessageId = originalMessageId;
        ReportingMta = reportingMta;
    }

    /// <summary>Every recipient the report says failed or was delayed, in report order; never empty.</summary>
    public IReadOnlyList<FailedRecipient> Recipients { get; }

    /// <summary>
    /// The Message-Id of the message that was not delivered, without angle brackets: from the returned headers or message
    /// (RFC 3464 <c>text/rfc822-headers</c> or <c>message/rfc822</c>), else from a <c>Message-ID:</c> line of the returned
    /// copy in a plain-text bounce; null when the report does not say it.
    /// </summary>
    public string? OriginalMessageId { get; }

    /// <summary>The host that wrote the report (RFC 3464 <c>Reporting-MTA</c>, without its <c>dns;</c> type); null when not given.</summary>
    public string? ReportingMta { get; }

    /// <summary>True when at least one recipient failed for good (<see cref="FailedRecipient.IsPermanent"/>).</summary>
    public bool HasPermanentFailure
    {
        get
        {
            foreach (FailedRecipient recipient in Recipients)
            {
                if (recipient.IsPermanent)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>A summary without any address (INS-8): counts of recipients, permanent failures first.</summary>
    /// <returns>For example <c>DeliveryReport: 2 recipient(s), 1 permanent</c>.</returns>
    public override string ToString()
    {
        int permanent = 0;
        foreach (FailedRecipient recipient in Recipients)
        {
            permanent += recipient.IsPermanent ? 1 : 0;
        }

        return FormattableString.Invariant($"DeliveryReport: {Recipients.Count} recipient(s), {permanent} permanent");
    }
}
