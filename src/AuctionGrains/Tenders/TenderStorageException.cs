namespace CompraNet.AuctionGrains.Tenders;

/// <summary>The tender's journal could not be read, or its hash chain does not verify.</summary>
[GenerateSerializer, Alias("CompraNet.TenderStorageException")]
public sealed class TenderStorageException : Exception
{
    public TenderStorageException()
    {
    }

    public TenderStorageException(string message)
        : base(message)
    {
    }

    public TenderStorageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
