using System.Collections.Generic;

namespace Mss.Core.Directory;

/// <summary>
/// What changed between two days of the Annuaire (BAL-7 0.3), from <see cref="MssDirectory.Compare"/>: the boxes
/// created, deleted and changed, matched by address (ASCII case ignored). The extraction file has no dates: this is the
/// only way to know what appeared or disappeared. Immutable.
/// </summary>
public sealed class DirectoryChanges
{
    internal DirectoryChanges(List<DirectoryEntry> created, List<DirectoryEntry> deleted, List<DirectoryEntry> changed)
    {
        Created = created.AsReadOnly();
        Deleted = deleted.AsReadOnly();
        Changed = changed.AsReadOnly();
    }

    /// <summary>The boxes in the newer directory only, in its reading order.</summary>
    public IReadOnlyList<DirectoryEntry> Created { get; }

    /// <summary>The boxes in the older directory only, in its reading order.</summary>
    public IReadOnlyList<DirectoryEntry> Deleted { get; }

    /// <summary>The boxes in both whose published fields differ: the newer entry, in the newer reading order.</summary>
    public IReadOnlyList<DirectoryEntry> Changed { get; }
}
