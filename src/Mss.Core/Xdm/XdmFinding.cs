using System;

namespace Mss.Core.Xdm;

/// <summary>
/// One departure of an IHE_XDM package's metadata from what Mon espace santé and the DMP file (REF2-2 0.3: the CI-SIS
/// logical model of the XDS metadata and its ANS tables ASS_X04, ASS_A11, ASS_A12, JDV_J03, JDV_J06, JDV_J10). A
/// finding judges; it never refuses: a received package with findings still reads (<see cref="XdmPackage.Findings"/>).
/// </summary>
public sealed class XdmFinding
{
    internal XdmFinding(string attribute, string rule, string message)
    {
        Attribute = attribute;
        Rule = rule;
        Message = message;
    }

    /// <summary>The XDS attribute as IHE ITI TF-3 names it: <c>patientId</c>, <c>sourcePatientId</c>, <c>classCode</c>, <c>formatCode</c>, <c>contentTypeCode</c>…</summary>
    public string Attribute { get; }

    /// <summary>The rule's reference, for example <c>CI-SIS ASS_X04</c> or <c>REF2-2 0.3</c>.</summary>
    public string Rule { get; }

    /// <summary>What departs, in French, for the user; never an INS or other patient data (INS-8).</summary>
    public string Message { get; }

    /// <summary>A rendering for logs: <c>attribute (rule) : message</c>; no patient data.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Attribute + " (" + Rule + ") : " + Message;
}
