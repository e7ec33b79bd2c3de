namespace CompraNet.ProcurementPortal.Pages.Oficial.Contratos;

/// <summary>The amendment form as typed: the reason, a new value and/or end date, and the exception to the 20% limit with its justification.</summary>
public sealed class AmendmentForm
{
    public string? Reason { get; set; }

    public string? Value { get; set; }

    public string? EndDate { get; set; }

    public bool Exception { get; set; }

    public string? Justification { get; set; }
}
