namespace Mss.Core.Xdm;

/// <summary>The X-MSS-* header names and values of the Référentiel socle MSSanté #2 (REF2-1, REF2-3, REF2-4).</summary>
internal static class XdmHeaders
{
    /// <summary>The product reference from ANS's Convergence platform, on every message (REF2-1, ECO.2.4.3).</summary>
    internal const string ProductReference = "X-MSS-NIL";

    /// <summary>The codes of the CDA documents of the IHE_XDM archive, comma-separated, in document order (REF2-3, ECO.2.4.1).</summary>
    internal const string CdaCodes = "X-MSS-CODECDA";

    /// <summary>Whether the IHE_XDM archive holds a qualified INS: <c>O</c> or <c>N</c> (REF2-4, ECO.2.4.2).</summary>
    internal const string Ins = "X-MSS-INS";

    /// <summary>The attachment's file name (REF2-2).</summary>
    internal const string FileName = "IHE_XDM.ZIP";
}
