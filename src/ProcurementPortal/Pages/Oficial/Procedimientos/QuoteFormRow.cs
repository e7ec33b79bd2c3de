namespace CompraNet.ProcurementPortal.Pages.Oficial.Procedimientos;

/// <summary>One quote of the market research form, as typed (the date as <c>yyyy-MM-dd</c>).</summary>
public sealed class QuoteFormRow
{
    public string? Source { get; set; }

    public string? Amount { get; set; }

    public string? Date { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Source) && string.IsNullOrWhiteSpace(Amount) && string.IsNullOrWhiteSpace(Date);
}
