namespace CompraNet.ProcurementPortal.Features.Evaluation;

/// <summary>How often the portal looks for closed auctions to record (<c>CompraNet:Evaluation:CollectInterval</c>).</summary>
public sealed class EvaluationOptions
{
    public const string SectionName = "CompraNet:Evaluation";

    public TimeSpan CollectInterval { get; init; } = TimeSpan.FromSeconds(5);
}
