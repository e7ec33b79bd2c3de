namespace CompraNet.AuctionGrains.Tenders;

/// <summary>
/// What the rules decided about one request: refused (a code of <see cref="TenderRefusalCodes"/>, a reason and, for
/// invalid terms, per-field errors), a repeat of something already done (answer as the first time), or allowed.
/// </summary>
public sealed record TenderDecision(string? RefusalCode, string Message, bool IsRepeat, IReadOnlyDictionary<string, string[]> Errors)
{
    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    public bool IsRefused => RefusalCode is not null;

    /// <summary>Allowed and new: the grain journals it.</summary>
    public bool IsAllowed => RefusalCode is null && !IsRepeat;

    public static TenderDecision Allow(string message) => new(null, message, false, NoErrors);

    public static TenderDecision Repeat(string message) => new(null, message, true, NoErrors);

    public static TenderDecision Refuse(string code, string message) => new(code, message, false, NoErrors);

    public static TenderDecision Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(TenderRefusalCodes.Invalid, string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")), false, errors);
}
