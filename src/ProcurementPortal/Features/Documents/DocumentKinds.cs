namespace CompraNet.ProcurementPortal.Features.Documents;

/// <summary>Kinds of document, with their OCDS documentType where one fits.</summary>
public static class DocumentKinds
{
    public const string CallForBids = "call-for-bids";
    public const string Clarifications = "clarifications";
    public const string OpeningMinutes = "opening-minutes";
    public const string EvaluationReport = "evaluation-report";
    public const string AwardDecision = "award-decision";
    public const string AnnualPlan = "annual-plan";
    public const string DirectAwardJustification = "direct-award-justification";
    public const string Contract = "contract";
    public const string DeliveryAcceptance = "delivery-acceptance";
    public const string ContractCompletion = "contract-completion";
    public const string ContractTermination = "contract-termination";

    public static string OcdsType(string kind) => kind switch
    {
        CallForBids => "tenderNotice",
        Clarifications => "clarifications",
        OpeningMinutes => "evaluationReports",
        EvaluationReport => "evaluationReports",
        AwardDecision => "awardNotice",
        AnnualPlan => "procurementPlan",
        DirectAwardJustification => "tenderNotice",
        Contract => "contractSigned",
        DeliveryAcceptance => "physicalProgressReport",
        ContractCompletion => "completionCertificate",
        ContractTermination => "contractArrangements",
        _ => "tenderNotice",
    };
}
