namespace CompraNet.ProcurementPortal.Features.Procedures;

/// <summary>
/// The electronic reverse auction that follows the evaluation (PROTOCOL.md terms): its length, the minimum
/// decrement as a percentage of the bidder's own best price, and the soft close (extension when a bid arrives in the
/// last minutes). The admissible offers' prices are the bidders' initial prices.
/// </summary>
public sealed record AuctionPlan(int DurationMinutes, decimal MinStepPercent, int SoftCloseWindowMinutes, int SoftCloseExtensionMinutes);
