using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using System.Linq;

namespace Mss.Core.Mailboxes;

/// <summary>
/// An MSSanté mailbox: its address, its kind and its holder, checked against <see cref="MailboxRules"/> (BAL-1…BAL-4).
/// A value of this type always obeys them: build it with <see cref="TryCreate(MssAddress, MailboxKind, MailboxHolder?, out Mailbox?, out MailboxRefusal)"/> (refusals as
/// <see cref="MailboxRefusal"/>, never exceptions) or <see cref="Create(MssAddress, MailboxKind, MailboxHolder?)"/> (throws).
/// </summary>
/// <remarks>
/// Immutable; compares by value (address, kind, holder, users). <see cref="ToString"/> masks a patient's INS (INS-8).
/// An organisational box has one responsible (its <see cref="Holder"/>) and <see cref="Users"/> with or without an RPPS
/// (0.2, seed 004 FAQ 12).
/// </remarks>
public sealed class Mailbox : IEquatable<Mailbox>
{
    private static readonly ReadOnlyCollection<ProfessionalHolder> NoUsers = new(Array.Empty<ProfessionalHolder>());

    private Mailbox(MssAddress address, MailboxKind kind, MailboxHolder holder, ReadOnlyCollection<ProfessionalHolder> users)
    {
        Address = address;
        Kind = kind;
        Holder = holder;
        Users = users;
    }

    /// <summary>The address: on <c>patient.mssante.fr</c> for a patient box and only for it (BAL-1, ADDR-2).</summary>
    public MssAddress Address { get; }

    /// <summary>The kind (BAL-1).</summary>
    public MailboxKind Kind { get; }

    /// <summary>
    /// The holder (BAL-1, BAL-2): a professional with an RPPS for a personal box; the responsible (a professional with an
    /// RPPS or the structure's legal representative) for an organisational box; a structure for an applicative box; the
    /// patient of the address for a patient box; a professional with an RPPS or the practice's legal representative for a
    /// cabinet box (0.2).
    /// </summary>
    public MailboxHolder Holder { get; }

    /// <summary>
    /// The users of an organisational or cabinet box besides its holder: professionals with or without an RPPS (BAL-1,
    /// 0.2, seed 004 FAQ 12), each once, in the order given. Empty for other kinds.
    /// </summary>
    public IReadOnlyList<ProfessionalHolder> Users { get; }

    /// <summary>
    /// Who receives the deletion alert when the box idles (BAL-1, BAL-5, 0.2): the holder of a personal box, the
    /// responsible of any other — always <see cref="Holder"/>, never one of <see cref="Users"/>.
    /// </summary>
    public MailboxHolder DeletionAlertRecipient => Holder;

    /// <summary>The ANS code of the kind (<c>PER</c>, <c>ORG</c>, <c>APP</c>, <c>CAB</c>), or null for a patient box (BAL-1).</summary>
    public string? KindCode => MailboxKindCodes.TryGetCode(Kind, out string? code) ? code : null;

    /// <summary>True when this box may send automatically: only an applicative box (BAL-3).</summary>
    public bool CanSendAutomatically => MailboxRules.CanSendAutomatically(Kind);

    /// <summary>True when this kind of box is listed in the Annuaire Santé: never a patient box (BAL-4). An idle box is unpublished (BAL-5): see <see cref="IsListedInDirectoryWhen"/>.</summary>
    public bool IsListedInDirectory => MailboxRules.IsListedInDirectory(Kind);

    /// <summary>Compares two mailboxes by value.</summary>
    /// <param name="left">The first mailbox.</param>
    /// <param name="right">The second mailbox.</param>
    /// <returns>True when both are null or have the same address, kind and holder.</returns>
    public static bool operator ==(Mailbox? left, Mailbox? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares two mailboxes for inequality.</summary>
    /// <param name="left">The first mailbox.</param>
    /// <param name="right">The second mailbox.</param>
    /// <returns>True when they differ.</returns>
    public static bool operator !=(Mailbox? left, Mailbox? right) => !(left == right);

    /// <summary>
    /// Opens a mailbox if <see cref="MailboxRules.Check(MailboxKind, MssAddress, MailboxHolder?)"/> allows it (BAL-1, BAL-2, ADDR-2). Never throws.
    /// </summary>
    /// <param name="address">The box's address.</param>
    /// <param name="kind">Its kind.</param>
    /// <param name="holder">Its holder (for an organisational box, its responsible).</param>
    /// <param name="mailbox">The mailbox, or null when refused.</param>
    /// <param name="refusal">Why it is refused, or <see cref="MailboxRefusal.None"/>.</param>
    /// <returns>True when the mailbox may be opened.</returns>
    public static bool TryCreate(MssAddress address, MailboxKind kind, MailboxHolder? holder, [NotNullWhen(true)] out Mailbox? mailbox, out MailboxRefusal refusal) =>
        TryCreate(address, kind, holder, null, out mailbox, out refusal);

    /// <summary>
    /// Opens a shared mailbox with its users if
    /// <see cref="MailboxRules.Check(MailboxKind, MssAddress, MailboxHolder?, IEnumerable{ProfessionalHolder}?)"/> allows it
    /// (BAL-1, BAL-2, 0.2): an organisational box with its responsible as <paramref name="holder"/> and professionals
    /// with or without an RPPS as <paramref name="users"/>. Never throws. A user listed twice, or who is the holder, is
    /// kept once (not at all when the holder).
    /// </summary>
    /// <param name="address">The box's address.</param>
    /// <param name="kind">Its kind.</param>
    /// <param name="holder">Its holder (for an organisational box, its responsible).</param>
    /// <param name="users">Its users besides the holder; null for none.</param>
    /// <param name="mailbox">The mailbox, or null when refused.</param>
    /// <param name="refusal">Why it is refused, or <see cref="MailboxRefusal.None"/>.</param>
    /// <returns>True when the mailbox may be opened.</returns>
    public static bool TryCreate(MssAddress address, MailboxKind kind, MailboxHolder? holder, IEnumerable<ProfessionalHolder>? users, [NotNullWhen(true)] out Mailbox? mailbox, out MailboxRefusal refusal)
    {
        ProfessionalHolder[]? list = users?.ToArray();
        refusal = MailboxRules.Check(kind, address, holder, list);
        if (refusal != MailboxRefusal.None)
        {
            mailbox = null;
            return false;
        }

        ReadOnlyCollection<ProfessionalHolder> kept = list is null || list.Length == 0
            ? NoUsers
            : new ReadOnlyCollection<ProfessionalHolder>(list.Where(u => !u.Equals(holder)).Distinct().ToArray());
        mailbox = new Mailbox(address, kind, holder!, kept);
        return true;
    }

    /// <summary>Opens a shared mailbox with its users (BAL-1, BAL-2, 0.2); see <see cref="TryCreate(MssAddress, MailboxKind, MailboxHolder?, IEnumerable{ProfessionalHolder}?, out Mailbox?, out MailboxRefusal)"/>.</summary>
    /// <param name="address">The box's address.</param>
    /// <param name="kind">Its kind.</param>
    /// <param name="holder">Its holder (for an organisational box, its responsible).</param>
    /// <param name="users">Its users besides the holder.</param>
    /// <returns>The mailbox.</returns>
    /// <exception cref="MailboxRefusedException">The rules refuse it; <see cref="MailboxRefusedException.Refusal"/> says why.</exception>
    public static Mailbox Create(MssAddress address, MailboxKind kind, MailboxHolder? holder, IEnumerable<ProfessionalHolder>? users) =>
        TryCreate(address, kind, holder, users, out Mailbox? mailbox, out MailboxRefusal refusal) ? mailbox : throw new MailboxRefusedException(refusal);

    /// <summary>Opens a mailbox (BAL-1, BAL-2, ADDR-2); see <see cref="TryCreate(MssAddress, MailboxKind, MailboxHolder?, out Mailbox?, out MailboxRefusal)"/>.</summary>
    /// <param name="address">The box's address.</param>
    /// <param name="kind">Its kind.</param>
    /// <param name="holder">Its holder (for an organisational box, its responsible).</param>
    /// <returns>The mailbox.</returns>
    /// <exception cref="MailboxRefusedException">The rules refuse it; <see cref="MailboxRefusedException.Refusal"/> says why.</exception>
    public static Mailbox Create(MssAddress address, MailboxKind kind, MailboxHolder? holder) =>
        TryCreate(address, kind, holder, out Mailbox? mailbox, out MailboxRefusal refusal) ? mailbox : throw new MailboxRefusedException(refusal);

    /// <summary>The patient box of a patient: <c>&lt;INS&gt;@patient.mssante.fr</c>, held by them (BAL-1, ADDR-2).</summary>
    /// <param name="ins">The patient's INS; must not be <c>default</c>.</param>
    /// <returns>The patient's mailbox.</returns>
    /// <exception cref="ArgumentException"><paramref name="ins"/> is <c>default</c>.</exception>
    public static Mailbox ForPatient(InsMatricule ins) =>
        new(MssAddress.ForPatient(ins), MailboxKind.Patient, new PatientHolder(ins), NoUsers);

    /// <summary>True when this box is listed given its inactivity state: a professional box that is <see cref="MailboxActivity.Active"/> (BAL-4, BAL-5).</summary>
    /// <param name="activity">Its state under the inactivity policy (BAL-5).</param>
    /// <returns>True when listed.</returns>
    public bool IsListedInDirectoryWhen(MailboxActivity activity) => MailboxRules.IsListedInDirectory(Kind, activity);

    /// <inheritdoc/>
    public bool Equals(Mailbox? other) =>
        other is not null && Kind == other.Kind && Address == other.Address && Holder.Equals(other.Holder) && Users.SequenceEqual(other.Users);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Mailbox);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Address, Kind, Holder);

    /// <summary>The kind and the address, a patient's INS masked (INS-8): <c>PER jean.dupont@ch123.mssante.fr</c>, <c>Patient 1960972********@patient.mssante.fr</c>.</summary>
    /// <returns>A text safe for logs.</returns>
    public override string ToString()
    {
        if (Address.TryGetIns(out InsMatricule ins))
        {
            return "Patient " + ins.ToMaskedString() + "@" + MssAddress.PatientDomain;
        }

        return (KindCode ?? Kind.ToString()) + " " + Address.ToString("M", null);
    }
}
