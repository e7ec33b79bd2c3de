namespace CompraNet.ProcurementPortal.Ocds;

/// <summary>Collects the issues of one validation in the order found, once each (the core and extended schemas often agree).</summary>
internal sealed class OcdsFindings
{
    private readonly List<OcdsIssue> _errors = [];
    private readonly List<OcdsIssue> _warnings = [];
    private readonly HashSet<OcdsIssue> _seen = [];

    public void Error(string path, string message) => Add(_errors, new OcdsIssue(path, message));

    public void Warning(string path, string message) => Add(_warnings, new OcdsIssue(path, message));

    public OcdsValidationResult ToResult() => new(_errors.ToArray(), _warnings.ToArray());

    private void Add(List<OcdsIssue> list, OcdsIssue issue)
    {
        if (_seen.Add(issue)) list.Add(issue);
    }
}
