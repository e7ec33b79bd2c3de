namespace CompraNet.ProcurementPortal.Ocds;

/// <summary>
/// The outcome of validating one OCDS document. Errors break the schema, a closed codelist or an identifier rule;
/// warnings (codes outside an open codelist, extensions the validator does not know) leave the document publishable.
/// </summary>
public sealed record OcdsValidationResult(IReadOnlyList<OcdsIssue> Errors, IReadOnlyList<OcdsIssue> Warnings)
{
    public bool IsValid => Errors.Count == 0;
}
