namespace CompraNet.ProcurementPortal.Features.Publication;

/// <summary>How the portal publishes OCDS: its ocid prefix (registered with the Open Contracting Partnership), its name as publisher and its public address.</summary>
public sealed class PublicationOptions
{
    public const string SectionName = "CompraNet:Publication";

    /// <summary><c>ocds-</c> and six characters. The default is this project's placeholder: a deployment registers its own.</summary>
    public string OcidPrefix { get; init; } = "ocds-cnmx01";

    public string PublisherName { get; init; } = "CompraNet";

    public string? PublisherUid { get; init; }

    /// <summary>The public base URL of the portal, used in document and package URLs (e.g. https://compranet.example.gob.mx).</summary>
    public string PublicUrl { get; init; } = "http://localhost:5000";

    public string License { get; init; } = "https://creativecommons.org/licenses/by/4.0/";

    public string PublicationPolicy { get; init; } = "/acerca/publicacion";
}
