namespace CompraNet.ProcurementPortal.Features.Procedures;

/// <summary>Minimum days between publication and the submission deadline, per type (configurable: the law and its exceptions change).</summary>
public sealed class ProcedureOptions
{
    public const string SectionName = "CompraNet:Procedures";

    public int OpenInternationalMinimumDays { get; init; } = 20;

    public int OpenNationalMinimumDays { get; init; } = 10;

    public int RestrictedMinimumDays { get; init; } = 5;

    public int DirectMinimumDays { get; init; } = 1;

    public int MinimumDays(string type) => type switch
    {
        ProcedureType.OpenInternational => OpenInternationalMinimumDays,
        ProcedureType.OpenNational => OpenNationalMinimumDays,
        ProcedureType.Restricted => RestrictedMinimumDays,
        _ => DirectMinimumDays,
    };
}
