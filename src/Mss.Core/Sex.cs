namespace Mss.Core;

/// <summary>The sex encoded in the first digit of an INS matricule (INS-3).</summary>
public enum Sex
{
    /// <summary>The digit is neither 1 nor 2: an anomaly to report, not a refusal (INS-4).</summary>
    Unknown = 0,

    /// <summary>Digit 1: a man.</summary>
    Male,

    /// <summary>Digit 2: a woman.</summary>
    Female,
}
