using System.Collections.Immutable;
using CompraNet.AuctionGrains.Auctions;

namespace CompraNet.AuctionGrains.Tenders;

/// <summary>
/// What the call for offers announces. <see cref="InvitedSuppliers"/> empty: any registered supplier may submit
/// (an open tender); otherwise only the suppliers listed (a restricted invitation).
/// </summary>
[GenerateSerializer, Immutable, Alias("CompraNet.TenderTerms")]
public sealed record TenderTerms(
    [property: Id(0)] string ProcedureId,
    [property: Id(1)] string? LotId,
    [property: Id(2)] string Title,
    [property: Id(3)] string Currency,
    [property: Id(4)] DateTimeOffset SubmissionDeadline,
    [property: Id(5)] ImmutableArray<string> InvitedSuppliers)
{
    /// <summary>The grain key: the procedure id, or "procedure~lot" (the same scheme as <see cref="AuctionIds"/>).</summary>
    public string TenderId => AuctionIds.For(ProcedureId, LotId);

    public bool IsByInvitation => !InvitedSuppliers.IsDefaultOrEmpty;
}
