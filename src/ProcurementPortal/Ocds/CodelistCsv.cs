using System.Text;

namespace CompraNet.ProcurementPortal.Ocds;

/// <summary>Reads the <c>Code</c> column of an OCDS codelist CSV (RFC 4180: quoted fields may hold commas, quotes and line breaks).</summary>
internal static class CodelistCsv
{
    public static IReadOnlyList<string> ReadCodes(string csv)
    {
        var rows = ReadRows(csv);
        if (rows.Count == 0) return [];
        var codeColumn = rows[0].FindIndex(h => h.Trim() == "Code");
        if (codeColumn < 0) throw new FormatException("The codelist has no Code column.");
        return [.. rows.Skip(1).Where(r => r.Count > codeColumn && r[codeColumn].Length > 0).Select(r => r[codeColumn])];
    }

    private static List<List<string>> ReadRows(string csv)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var text = csv.TrimStart('\uFEFF');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < text.Length && text[i + 1] == '"') field.Append(text[++i]);
                else quoted = false;
            }
            else if (c == '"') quoted = true;
            else if (c == ',') EndField();
            else if (c == '\n') EndRow();
            else if (c != '\r') field.Append(c);
        }
        if (field.Length > 0 || row.Count > 0) EndRow();
        return rows;

        void EndField()
        {
            row.Add(field.ToString());
            field.Clear();
        }

        void EndRow()
        {
            EndField();
            rows.Add(row);
            row = [];
        }
    }
}
