namespace CompraNet.ProcurementPortal.Features.Execution;

public static class TerminationKinds
{
    public const string Completed = "completed";
    public const string Early = "early";
    public const string Rescission = "rescission";

    public static readonly IReadOnlyList<string> All = [Completed, Early, Rescission];
}
