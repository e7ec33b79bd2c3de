namespace CompraNet.ProcurementPortal.Ocds;

/// <summary>One finding about an OCDS document: where (a JSONPath such as <c>$.releases[0].tender.status</c>) and what.</summary>
public sealed record OcdsIssue(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
