namespace CompraNet.AuctionGrains.Auctions;

/// <summary>The journal could not make a batch durable; its bids were refused and the grain reloads.</summary>
[GenerateSerializer, Alias("CompraNet.AuctionStorageException")]
public sealed class AuctionStorageException : Exception
{
    public AuctionStorageException()
    {
    }

    public AuctionStorageException(string message)
        : base(message)
    {
    }

    public AuctionStorageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
