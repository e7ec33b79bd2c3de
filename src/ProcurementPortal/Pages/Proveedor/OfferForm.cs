using CompraNet.ProcurementPortal.Features.Offers;
using CompraNet.ProcurementPortal.Features.Procedures;
using CompraNet.ProcurementPortal.Web;

namespace CompraNet.ProcurementPortal.Pages.Proveedor;

/// <summary>
/// The offer as typed: a unit price per item of the call, the technical proposal and the documents' hashes. The
/// offer id is made on the server when the form is rendered and posted back hidden, so a form sent twice is one offer.
/// </summary>
public sealed class OfferForm
{
    public const int MaxDocuments = 20;

    public Guid OfferId { get; set; }

    public List<OfferFormItem> Items { get; set; } = [];

    public string? TechnicalProposal { get; set; }

    public List<OfferFormDocument> Documents { get; set; } = [];

    /// <summary>An empty form for <paramref name="procedure"/>'s items, with a fresh offer id.</summary>
    public static OfferForm For(Procedure procedure) => new()
    {
        OfferId = Guid.NewGuid(),
        Items = [.. procedure.Items.Select(i => new OfferFormItem { ItemId = i.Id })],
        Documents = [new OfferFormDocument()],
    };

    /// <summary>Puts the rows back in the call's item order (the posted ids are only a hint) and keeps one blank document row to fill in.</summary>
    public void Align(Procedure procedure)
    {
        var typed = Items.Where(i => i.ItemId is not null).GroupBy(i => i.ItemId!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().UnitPrice, StringComparer.Ordinal);
        Items = [.. procedure.Items.Select(i => new OfferFormItem { ItemId = i.Id, UnitPrice = typed.GetValueOrDefault(i.Id) })];
        if (Documents.Count == 0)
        {
            Documents.Add(new OfferFormDocument());
        }
    }

    /// <summary>The request for the service; a price that is not a number is sent as missing (so nothing is saved) and noted in <paramref name="errors"/>.</summary>
    public OfferRequest ToRequest(IDictionary<string, string> errors, PortalText text)
    {
        var items = new List<OfferItemRequest>();
        for (var i = 0; i < Items.Count; i++)
        {
            if (!FormValues.TryDecimal(Items[i].UnitPrice, out var price))
            {
                errors[$"items[{i}].unitPrice"] = text["form.badNumber"];
            }

            items.Add(new OfferItemRequest(Items[i].ItemId, price));
        }

        var documents = Documents.Where(d => !d.IsBlank).Select(d => new OfferDocumentRequest(d.Name?.Trim(), d.Sha256?.Trim())).ToList();
        return new OfferRequest(OfferId == Guid.Empty ? null : OfferId, null, items, string.IsNullOrWhiteSpace(TechnicalProposal) ? null : TechnicalProposal, documents);
    }
}
