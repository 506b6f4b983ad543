namespace Mss.Core;

/// <summary>What an INS matricule is, as told by the OID that travels with it (INS-5).</summary>
public enum InsKind
{
    /// <summary>No kind: the kind of <c>default(Ins)</c>.</summary>
    Unknown = 0,

    /// <summary>INS-NIR, OID 1.2.250.1.213.1.4.8: the patient's NIR.</summary>
    Nir,

    /// <summary>INS-NIA, OID 1.2.250.1.213.1.4.9: a waiting number (numéro d'identification d'attente), built like a NIR.</summary>
    Nia,

    /// <summary>INS-NIR test, OID 1.2.250.1.213.1.4.10: a test identity.</summary>
    NirTest,

    /// <summary>INS-NIR demo, OID 1.2.250.1.213.1.4.11: a demonstration identity.</summary>
    NirDemo,
}
