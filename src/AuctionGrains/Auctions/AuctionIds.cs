using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace CompraNet.AuctionGrains.Auctions;

/// <summary>
/// An auction's id is its procedure number, with "~lot" appended for a lot: one auction per procedure or lot,
/// readable in URLs and logs. '~' never appears in either part, so two ids can't collide.
/// </summary>
public static partial class AuctionIds
{
    public static string For(string procedureId, string? lotId) =>
        lotId is null ? procedureId : $"{procedureId}~{lotId}";

    public static bool IsValidPart([NotNullWhen(true)] string? value) => value is not null && PartPattern().IsMatch(value);

    public static bool IsValid([NotNullWhen(true)] string? auctionId) => auctionId is not null && IdPattern().IsMatch(auctionId);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex PartPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}(~[A-Za-z0-9][A-Za-z0-9._-]{0,63})?$")]
    private static partial Regex IdPattern();
}
