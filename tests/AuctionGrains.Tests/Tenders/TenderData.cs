using CompraNet.AuctionGrains.Tenders;

namespace CompraNet.AuctionGrains.Tests.Tenders;

/// <summary>Readable tender terms and offers for tests: an open tender in MXN, offers with one item and one document.</summary>
public static class TenderData
{
    public static readonly string DocumentHash = new('a', 64);

    public static TenderTerms Terms(string procedureId, DateTimeOffset deadline, params string[] invited) =>
        new(procedureId, null, "Medicamentos del cuadro básico 2027", "MXN", deadline, [.. invited]);

    public static SubmitOffer Offer(string supplierId, decimal total, string technicalProposal = "Entrega en 10 días naturales") =>
        new(supplierId, Guid.NewGuid(), total, [new OfferItemPrice("clave-010", 12.5m, 1_000m)], technicalProposal, [new OfferDocument("propuesta-tecnica.pdf", DocumentHash)]);
}
