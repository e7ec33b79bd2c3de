namespace CompraNet.ProcurementPortal.Features.Execution;

/// <summary>
/// How the contract ended: <c>completed</c> (everything delivered, accepted and paid: the finiquito), <c>early</c>
/// (terminación anticipada, art. 54 Bis LAASSP) or <c>rescission</c> (rescisión administrativa for the supplier's
/// breach, art. 54), with the performance guarantee called for the amount given and the advance-payment guarantee
/// for the advance paid and not amortised. Its record is a public document.
/// </summary>
public sealed record ContractTermination(
    string Kind,
    string Reason,
    DateTimeOffset At,
    string By,
    decimal GuaranteeCalled,
    string DocumentId,
    decimal AdvanceGuaranteeCalled = 0m);
