namespace CompraNet.AuctionHost.Tests.Infrastructure;

/// <summary>Test classes marked <c>[Collection(PostgresCollection.Name)]</c> share one <see cref="PostgresFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}
