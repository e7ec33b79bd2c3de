namespace CompraNet.ProcurementPortal.Features.Common;

/// <summary>Amounts are decimals with at most two decimals in the domain and whole cents in the database.</summary>
public static class Money
{
    public const decimal Max = 1_000_000_000_000_000m;

    public static long ToCents(decimal amount) => decimal.ToInt64(decimal.Round(amount * 100m, 0, MidpointRounding.ToEven));

    public static decimal FromCents(long cents) => cents / 100m;

    public static bool IsValidAmount(decimal amount) => amount > 0 && amount <= Max && decimal.Round(amount, 2) == amount;
}
