namespace CompraNet.ProcurementPortal.Features.Contracts;

/// <summary>A contract's status, as the OCDS contractStatus codelist names it.</summary>
public static class ContractStatus
{
    /// <summary>Drawn up from the award, waiting for both signatures.</summary>
    public const string Pending = "pending";

    /// <summary>Signed by the unit's official and the supplier.</summary>
    public const string Active = "active";

    /// <summary>Ended: completed (finiquito), terminated early or rescinded (the termination says which).</summary>
    public const string Terminated = "terminated";
}
