namespace CompraNet.AuctionHost.Sanctions;

/// <summary>A debarment from the supplier registry: in force from <see cref="StartsAt"/> until <see cref="EndsAt"/> (open-ended when null).</summary>
public sealed record Sanction(string SupplierId, DateTimeOffset StartsAt, DateTimeOffset? EndsAt, string Reason)
{
    public bool InForceAt(DateTimeOffset at) => at >= StartsAt && (EndsAt is null || at < EndsAt);
}
