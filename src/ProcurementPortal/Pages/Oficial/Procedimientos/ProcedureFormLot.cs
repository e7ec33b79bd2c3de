namespace CompraNet.ProcurementPortal.Pages.Oficial.Procedimientos;

/// <summary>One row of the form's lots table, as typed.</summary>
public sealed class ProcedureFormLot
{
    public string? Id { get; set; }

    public string? Title { get; set; }

    public string? EstimatedAmount { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Id) && string.IsNullOrWhiteSpace(Title) && string.IsNullOrWhiteSpace(EstimatedAmount);
}
