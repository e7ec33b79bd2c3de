namespace CompraNet.ProcurementPortal.Ocds;

/// <summary>An OCDS extension the portal declares: its id (the folder of its embedded copy) and the commit it was taken from.</summary>
public sealed record OcdsExtension(string Id, string Repository, string Commit)
{
    /// <summary>The extension.json URL to list in a package's <c>extensions</c> array.</summary>
    public string Url => $"https://raw.githubusercontent.com/{Repository}/{Commit}/extension.json";
}
