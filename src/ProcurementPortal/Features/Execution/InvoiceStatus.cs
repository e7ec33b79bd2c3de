namespace CompraNet.ProcurementPortal.Features.Execution;

public static class InvoiceStatus
{
    public const string Submitted = "submitted";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
}
