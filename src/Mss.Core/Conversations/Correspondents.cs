using System;
using System.Collections.Generic;

namespace Mss.Core.Conversations;

/// <summary>
/// The possible correspondents shown to a patient beside the pharmacies (CONV-6, seed 001): "professionnels et
/// établissements habilités ayant déjà écrit à l'utilisateur et n'ayant pas mis fin aux échanges".
/// </summary>
public static class Correspondents
{
    /// <summary>
    /// The actors whose replayed conversation says they wrote to the patient and did not close (CONV-6,
    /// <see cref="ConversationReplay.IsCorrespondent"/>), in the order given, each once (first occurrence kept).
    /// </summary>
    /// <typeparam name="TActor">How the caller names an actor (an <see cref="MssAddress"/>, a directory entry, an id).</typeparam>
    /// <param name="replays">One replayed history per actor box.</param>
    /// <returns>The correspondents.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="replays"/> is null, or holds a null replay.</exception>
    public static IReadOnlyList<TActor> Select<TActor>(IEnumerable<KeyValuePair<TActor, ConversationReplay>> replays)
    {
        if (replays is null)
        {
            throw new ArgumentNullException(nameof(replays));
        }

        var seen = new HashSet<TActor>();
        var result = new List<TActor>();
        foreach (KeyValuePair<TActor, ConversationReplay> pair in replays)
        {
            if (pair.Value is null)
            {
                throw new ArgumentNullException(nameof(replays), "A replay is null.");
            }

            if (pair.Value.IsCorrespondent && seen.Add(pair.Key))
            {
                result.Add(pair.Key);
            }
        }

        return result.AsReadOnly();
    }
}
