namespace CompraNet.ProcurementPortal.Pages.Oficial.Contratos;

/// <summary>
/// The amendment form as typed: the reason, a new value, end date and/or item quantities (by item id; blank keeps the
/// quantity), and the exception to the 20% limit with its justification.
/// </summary>
public sealed class AmendmentForm
{
    public string? Reason { get; set; }

    public string? Value { get; set; }

    public string? EndDate { get; set; }

    public Dictionary<string, string?> Quantities { get; set; } = [];

    public bool Exception { get; set; }

    public string? Justification { get; set; }
}
