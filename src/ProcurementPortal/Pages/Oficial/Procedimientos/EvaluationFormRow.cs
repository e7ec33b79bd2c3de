namespace CompraNet.ProcurementPortal.Pages.Oficial.Procedimientos;

/// <summary>The official's evaluation of one revealed offer, as chosen: admissible yes/no with reasons, and the decision on a flagged price.</summary>
public sealed class EvaluationFormRow
{
    public string? SupplierId { get; set; }

    /// <summary>"true", "false" or nothing chosen.</summary>
    public string? Admissible { get; set; }

    public string? Reasons { get; set; }

    /// <summary>"true" (accept the flagged price), "false" (reject it) or nothing chosen.</summary>
    public string? AcceptPrice { get; set; }

    public string? PriceDecision { get; set; }

    public static bool? Choice(string? value) => value switch
    {
        "true" => true,
        "false" => false,
        _ => null,
    };
}
