namespace CompraNet.ProcurementPortal.Features.Procedures;

/// <summary>Where a procedure is in its life. Part 1 of the portal takes it from draft to award.</summary>
public static class ProcedureStatus
{
    public const string Draft = "draft";
    public const string Published = "published";       // call published; questions and offers taken until the deadline
    public const string Opened = "opened";             // offers revealed at the opening
    public const string Evaluated = "evaluated";       // admissibility decided
    public const string Auction = "auction";           // an electronic auction among the admissible bidders is running
    public const string Awarded = "awarded";
    public const string Deserted = "deserted";         // no admissible offer
    public const string Cancelled = "cancelled";

    /// <summary>The OCDS tender.status of each state.</summary>
    public static string OcdsTenderStatus(string status) => status switch
    {
        Draft => "planning",
        Published or Opened or Evaluated or Auction => "active",
        Awarded => "complete",
        Deserted => "unsuccessful",
        Cancelled => "cancelled",
        _ => "active",
    };
}
