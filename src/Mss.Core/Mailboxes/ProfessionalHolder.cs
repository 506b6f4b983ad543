using System;

namespace Mss.Core.Mailboxes;

/// <summary>
/// A health professional, with or without an RPPS (BAL-2). With an RPPS (an authorised professional) they may hold a
/// personal mailbox and be responsible for an organisational one; without, they use an organisational box as one of its
/// users (<see cref="Mailbox.Users"/>, BAL-1, BAL-2, seed 004 FAQ 12).
/// </summary>
/// <remarks>
/// 0.2: professionals registered in RPPS+ (seed 004 FAQ 12: "RPPS/RPPS+") have an 11-digit RPPS number like the others:
/// give it as <c>rpps</c>; they count as RPPS holders (BAL-6).
/// </remarks>
public sealed record ProfessionalHolder : MailboxHolder
{
    /// <summary>Creates a professional.</summary>
    /// <param name="rpps">Their RPPS, if they have one; <c>default(Rpps)</c> counts as none.</param>
    /// <param name="adeli">Their ADELI, if they have one; <c>default(Adeli)</c> counts as none. It does not make them eligible for a personal box (BAL-2).</param>
    public ProfessionalHolder(Rpps? rpps = null, Adeli? adeli = null)
    {
        Rpps = rpps is { IsDefault: false } ? rpps : null;
        Adeli = adeli is { IsDefault: false } ? adeli : null;
    }

    /// <summary>Their RPPS, or null (BAL-6).</summary>
    public Rpps? Rpps { get; }

    /// <summary>Their ADELI, or null (BAL-6).</summary>
    public Adeli? Adeli { get; }

    /// <summary>True when they have an RPPS: an authorised professional (BAL-2).</summary>
    public bool HasRpps => Rpps.HasValue;

    /// <summary>A professional known by their IdNat_PS (BAL-6): <c>8</c> + RPPS gives an RPPS, <c>0</c> + ADELI an ADELI only.</summary>
    /// <param name="id">The IdNat_PS; must not be <c>default</c>.</param>
    /// <returns>The professional.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is <c>default</c>.</exception>
    public static ProfessionalHolder FromIdNatPs(IdNatPs id)
    {
        if (id.IsDefault)
        {
            throw new ArgumentException("default(IdNatPs) names no professional.", nameof(id));
        }

        return id.TryGetRpps(out Rpps rpps) ? new ProfessionalHolder(rpps) : new ProfessionalHolder(adeli: id.TryGetAdeli(out Adeli adeli) ? adeli : null);
    }
}
