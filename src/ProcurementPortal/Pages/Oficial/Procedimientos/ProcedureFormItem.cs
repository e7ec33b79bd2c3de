namespace CompraNet.ProcurementPortal.Pages.Oficial.Procedimientos;

/// <summary>One row of the form's items table, as typed.</summary>
public sealed class ProcedureFormItem
{
    public string? Id { get; set; }

    public string? Description { get; set; }

    public string? Cucop { get; set; }

    public string? Quantity { get; set; }

    public string? Unit { get; set; }

    public string? LotId { get; set; }

    /// <summary>Nothing typed but perhaps the id the form suggests for a new row.</summary>
    public bool IsBlank => string.IsNullOrWhiteSpace(Description) && string.IsNullOrWhiteSpace(Cucop)
        && string.IsNullOrWhiteSpace(Quantity) && string.IsNullOrWhiteSpace(Unit) && string.IsNullOrWhiteSpace(LotId);
}
