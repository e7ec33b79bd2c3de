namespace CompraNet.ProcurementPortal.Ocds;

/// <summary>
/// The codes of every codelist the validated schema names: the core ones, the extensions' own, and the extensions'
/// <c>+name.csv</c> additions to (or <c>-name.csv</c> removals from) an existing codelist.
/// </summary>
internal sealed class OcdsCodelists
{
    private readonly Dictionary<string, HashSet<string>> _codes = new(StringComparer.Ordinal);

    public static OcdsCodelists Load(IEnumerable<OcdsExtension> extensions)
    {
        var codelists = new OcdsCodelists();
        codelists.Add("codelists");
        foreach (var extension in extensions) codelists.Add($"extensions/{extension.Id}/codelists");
        return codelists;
    }

    public IReadOnlySet<string>? Find(string fileName) => _codes.GetValueOrDefault(fileName);

    private void Add(string folder)
    {
        foreach (var path in OcdsSchemaFiles.List(folder))
        {
            var fileName = Path.GetFileName(path);
            var codes = CodelistCsv.ReadCodes(OcdsSchemaFiles.Read(path));
            switch (fileName[0])
            {
                case '+':
                    Existing(fileName[1..]).UnionWith(codes);
                    break;
                case '-':
                    Existing(fileName[1..]).ExceptWith(codes);
                    break;
                default:
                    _codes[fileName] = new HashSet<string>(codes, StringComparer.Ordinal);
                    break;
            }
        }

        HashSet<string> Existing(string name) => _codes.GetValueOrDefault(name)
            ?? throw new InvalidOperationException($"{folder} amends the codelist {name}, which no earlier file defines.");
    }
}
