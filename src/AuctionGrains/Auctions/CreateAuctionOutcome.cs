namespace CompraNet.AuctionGrains.Auctions;

public enum CreateAuctionOutcome
{
    Created = 0,
    AlreadyExists = 1,
    Invalid = 2,
}
