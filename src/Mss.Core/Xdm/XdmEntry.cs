namespace Mss.Core.Xdm;

/// <summary>Everything METADATA.XML says about one document, gathered by the builder (REF2-2).</summary>
internal sealed class XdmEntry
{
    internal string FileName { get; set; } = string.Empty;

    internal string MediaType { get; set; } = string.Empty;

    internal byte[] Content { get; set; } = System.Array.Empty<byte>();

    internal string Hash { get; set; } = string.Empty;

    internal string? Title { get; set; }

    internal XdmCode TypeCode { get; set; } = null!;

    internal XdmCode? ClassCode { get; set; }

    internal XdmCode FormatCode { get; set; } = null!;

    internal XdmCode? Confidentiality { get; set; }

    internal XdmCode? FacilityType { get; set; }

    internal XdmCode? PracticeSetting { get; set; }

    internal string? CreationTime { get; set; }

    internal string? LanguageCode { get; set; }

    internal string? UniqueId { get; set; }

    internal string? AuthorPerson { get; set; }

    internal CdaHeader? Cda { get; set; }

    internal string? SourcePatientId { get; set; }

    internal string? LegalAuthenticator { get; set; }

    internal string? ServiceStartTime { get; set; }

    internal string? ServiceStopTime { get; set; }

    internal System.Collections.Generic.List<XdmCode> EventCodes { get; } = new();

    internal string? AuthorInstitution { get; set; }

    internal string? AuthorSpecialty { get; set; }
}
