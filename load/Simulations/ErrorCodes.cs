using Microsoft.AspNetCore.SignalR;

namespace CompraNet.AuctionLoad.Simulations;

/// <summary>Failure codes for errors (as opposed to refusals the server answers with its own code).</summary>
public static class ErrorCodes
{
    public const string Prefix = "error:";

    public static string Of(Exception ex) => ex switch
    {
        TimeoutException => Prefix + "timeout",
        TaskCanceledException => Prefix + "cancelled",
        HubException => Prefix + "hub: " + Shorten(ex.Message),
        InvalidOperationException when ex.Message.Contains("not active", StringComparison.OrdinalIgnoreCase) => Prefix + "connection-not-active",
        _ => Prefix + ex.GetType().Name,
    };

    private static string Shorten(string message) => message.Length > 80 ? message[..80] : message;
}
