using System;

namespace Mss.Core.Mailboxes;

/// <summary>
/// A patient, known by their INS matricule: holder of the Mon espace santé mailbox <c>&lt;INS&gt;@patient.mssante.fr</c>
/// (BAL-1, ADDR-2). <see cref="ToString"/> masks the matricule (INS-8).
/// </summary>
public sealed record PatientHolder : MailboxHolder
{
    /// <summary>Creates a patient.</summary>
    /// <param name="ins">Their INS matricule; must not be <c>default</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="ins"/> is <c>default</c>.</exception>
    public PatientHolder(InsMatricule ins)
    {
        Ins = ins.IsDefault ? throw new ArgumentException("A patient needs an INS matricule (BAL-1).", nameof(ins)) : ins;
    }

    /// <summary>The patient's INS matricule. It is their social-security number: do not log it (INS-8).</summary>
    public InsMatricule Ins { get; }

    /// <summary>The holder with its matricule masked (INS-8).</summary>
    /// <returns><c>PatientHolder { Ins = 1960972******** }</c>.</returns>
    public override string ToString() => "PatientHolder { Ins = " + Ins.ToMaskedString() + " }";
}
