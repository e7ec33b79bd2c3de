namespace CompraNet.ProcurementPortal.Features.Procedures;

/// <summary>The kinds of procedure (LAASSP): open tender (national or international), restricted invitation, direct award.</summary>
public static class ProcedureType
{
    public const string OpenNational = "open-national";
    public const string OpenInternational = "open-international";
    public const string Restricted = "restricted";
    public const string Direct = "direct";

    public static readonly IReadOnlyList<string> All = [OpenNational, OpenInternational, Restricted, Direct];

    public static bool IsValid(string? type) => type is not null && All.Contains(type);

    public static bool IsOpen(string type) => type is OpenNational or OpenInternational;

    /// <summary>The OCDS procurementMethod: the buyer choosing whom to invite is "limited"; one supplier chosen is "direct".</summary>
    public static string OcdsMethod(string type) => type switch
    {
        OpenNational or OpenInternational => "open",
        Restricted => "limited",
        _ => "direct",
    };
}
