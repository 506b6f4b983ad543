using System;
using System.Collections.Generic;

namespace Mss.Core;

/// <summary>
/// Checks the recipients of one message before it is built: health data goes only to MSSanté addresses (ADDR-4), and
/// copies beyond a threshold are reported, not refused (ADDR-5, rule held by <see cref="CopyPolicy"/>).
/// </summary>
public static class MssRecipients
{
    /// <summary>Checks recipients against ADDR-4 and the default <see cref="CopyPolicy"/> (ADDR-5).</summary>
    /// <param name="recipients">The recipients (To and Cc together) as given; null entries are refused as empty.</param>
    /// <returns>The report: accepted addresses, refused ones with the reasons, copies beyond the threshold.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="recipients"/> is null.</exception>
    public static RecipientsReport Check(IEnumerable<string?> recipients) => Check(recipients, CopyPolicy.Default);

    /// <summary>Checks recipients against ADDR-4 and <paramref name="policy"/> (ADDR-5).</summary>
    /// <param name="recipients">The recipients (To and Cc together) as given; null entries are refused as empty.</param>
    /// <param name="policy">The copy threshold to report against.</param>
    /// <returns>The report: accepted addresses, refused ones with the reasons, copies beyond the threshold.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="recipients"/> or <paramref name="policy"/> is null.</exception>
    public static RecipientsReport Check(IEnumerable<string?> recipients, CopyPolicy policy) => Check(recipients, AddressStyles.None, policy);

    /// <summary>
    /// Checks recipients as people type them (ADDR-6, within <paramref name="styles"/>) against ADDR-4 and
    /// <paramref name="policy"/> (ADDR-5). An address given twice, case ignored (ADDR-1), is one recipient: it is accepted
    /// once and its repetitions are listed in <see cref="RecipientsReport.Duplicates"/>.
    /// </summary>
    /// <param name="recipients">The recipients (To and Cc together) as given; null entries are refused as empty.</param>
    /// <param name="styles">What may surround each address (<see cref="AddressStyles.None"/>: bare addresses only).</param>
    /// <param name="policy">The copy threshold to report against.</param>
    /// <returns>The report: accepted addresses, refused ones with the reasons, repetitions, copies beyond the threshold.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="recipients"/> or <paramref name="policy"/> is null.</exception>
    public static RecipientsReport Check(IEnumerable<string?> recipients, AddressStyles styles, CopyPolicy policy) =>
        Check(recipients, styles, policy, TrustSpace.MssanteFr);

    /// <summary>
    /// Checks recipients as people type them (ADDR-6) against the trust space <paramref name="trust"/> (ADDR-1 0.3, ADDR-4)
    /// and <paramref name="policy"/> (ADDR-5): with ANS's list, a recipient is accepted exactly when its domain is listed
    /// (a patient address by ADDR-2). A recipient refused as outside the list has the verdict
    /// <see cref="DomainVerdict.OutsideTrustSpace"/> even when its domain ends with <c>.mssante.fr</c>; a listed domain has
    /// <see cref="DomainVerdict.Mssante"/> (the local part is at fault).
    /// </summary>
    /// <param name="recipients">The recipients (To and Cc together) as given; null entries are refused as empty.</param>
    /// <param name="styles">What may surround each address (<see cref="AddressStyles.None"/>: bare addresses only).</param>
    /// <param name="policy">The copy threshold to report against.</param>
    /// <param name="trust">The trust space, e.g. ANS's list loaded by <see cref="TrustSpace.LoadWhitelist"/>.</param>
    /// <returns>The report: accepted addresses, refused ones with the reasons, repetitions, copies beyond the threshold.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="recipients"/>, <paramref name="policy"/> or <paramref name="trust"/> is null.</exception>
    public static RecipientsReport Check(IEnumerable<string?> recipients, AddressStyles styles, CopyPolicy policy, TrustSpace trust)
    {
        if (trust is null)
        {
            throw new ArgumentNullException(nameof(trust));
        }

        if (recipients is null)
        {
            throw new ArgumentNullException(nameof(recipients));
        }

        if (policy is null)
        {
            throw new ArgumentNullException(nameof(policy));
        }

        var accepted = new List<MssAddress>();
        var seen = new HashSet<MssAddress>();
        List<RefusedRecipient>? refused = null;
        List<int>? duplicates = null;
        int index = 0;
        foreach (string? recipient in recipients)
        {
            string text = recipient ?? string.Empty;
            AddressError error = MssAddress.ParseCore(text, styles, trust, out MssAddress address);
            if (error != AddressError.None)
            {
                (refused ??= []).Add(new RefusedRecipient(index, text, error, Verdict(text, trust)));
            }
            else if (seen.Add(address))
            {
                accepted.Add(address);
            }
            else
            {
                // ADDR-1: the same address in another case is the same mailbox; the message goes to it once.
                (duplicates ??= []).Add(index);
            }

            index++;
        }

        return new RecipientsReport(
            accepted.AsReadOnly(),
            refused is null ? Array.Empty<RefusedRecipient>() : refused.AsReadOnly(),
            duplicates is null ? Array.Empty<int>() : duplicates.AsReadOnly(),
            policy);
    }

    /// <summary>
    /// The verdict on a refused recipient's domain: <see cref="MssDomain.ClassifyAddress"/> for the suffix rule; with a list
    /// (ADDR-1 0.3), a well-formed domain is <see cref="DomainVerdict.Mssante"/> when listed and
    /// <see cref="DomainVerdict.OutsideTrustSpace"/> when an unlisted one reads as MSSanté.
    /// </summary>
    private static DomainVerdict Verdict(string text, TrustSpace trust)
    {
        DomainVerdict verdict = MssDomain.ClassifyAddress(text.AsSpan());
        if (trust.IsSuffixRule || verdict is DomainVerdict.Malformed or DomainVerdict.NonAscii or DomainVerdict.Confusable or DomainVerdict.Punycode)
        {
            return verdict;
        }

        string domain = text.Substring(text.LastIndexOf('@') + 1);
        return trust.Contains(domain) ? DomainVerdict.Mssante : verdict == DomainVerdict.Mssante ? DomainVerdict.OutsideTrustSpace : verdict;
    }
}
