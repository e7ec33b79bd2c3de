namespace CompraNet.ProcurementPortal.Ocds;

/// <summary>
/// The extensions the portal's packages declare, and the order in which <see cref="OcdsSchemaValidator"/> applies their
/// release-schema.json merge patches: lots before techniques and submissionTerms (they patch Lot), bids before
/// requirements and the auction extension (they patch Bid). Commits are those of the embedded copies (Ocds/Schema/PROVENANCE.md).
/// </summary>
public static class OcdsExtensions
{
    public static IReadOnlyList<OcdsExtension> Declared { get; } =
    [
        new("lots", "open-contracting-extensions/ocds_lots_extension", "8d3b52eb"),
        new("bids", "open-contracting-extensions/ocds_bid_extension", "d62ff4b0"),
        new("techniques", "open-contracting-extensions/ocds_techniques_extension", "5568b00a"),
        new("submissionTerms", "open-contracting-extensions/ocds_submissionTerms_extension", "449ade63"),
        new("participation_fee", "open-contracting-extensions/ocds_participationFee_extension", "a39c5db9"),
        new("requirements", "open-contracting-extensions/ocds_requirements_extension", "b4f5ba94"),
        new("auction_openprocurement", "openprocurement/ocds_auction_extension", "7393ead2"),
        new("mx_inai_requestForQuotes", "INAImexico/ocds_requestForQuotes_extension", "ee5ebebc"),
        new("mx_compranet_cycle", "CompraNet/ocds_cycle_extension", "6dd1bb889ff2c3c9b82e0c9c8efc9baf1f49f7ae"),
        new("mx_guarantees", "contratacionesabiertas/ocds_guarantees_extension", "d6f1008e"),
    ];

    /// <summary>The value of a package's <c>extensions</c> array.</summary>
    public static IReadOnlyList<string> Urls { get; } = [.. Declared.Select(e => e.Url)];
}
