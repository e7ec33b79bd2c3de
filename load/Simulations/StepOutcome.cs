namespace CompraNet.AuctionLoad.Simulations;

/// <summary>The result of one step: ok, or failed with a code (a refusal code such as <c>step-too-small</c>, or an error kind).</summary>
public readonly record struct StepOutcome(string? FailureCode)
{
    public static StepOutcome Ok => default;

    public bool IsOk => FailureCode is null;

    public static StepOutcome Fail(string code) => new(code);
}
