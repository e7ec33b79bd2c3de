namespace CompraNet.ProcurementPortal.Features.Procedures;

/// <summary>
/// The call's dates: publication, clarification meeting (questions close at it), submission deadline, opening of
/// offers and the award (fallo). Each must come after the one before it.
/// </summary>
public sealed record ProcedureTimetable(
    DateTimeOffset? ClarificationMeeting,
    DateTimeOffset SubmissionDeadline,
    DateTimeOffset Opening,
    DateTimeOffset Award);
