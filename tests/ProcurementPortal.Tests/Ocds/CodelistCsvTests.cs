using CompraNet.ProcurementPortal.Ocds;

namespace CompraNet.ProcurementPortal.Tests.Ocds;

public sealed class CodelistCsvTests
{
    [Fact]
    public void ReadCodes_QuotedFieldsWithCommasQuotesAndLineBreaks_ReadsTheCodeColumn()
    {
        const string Csv = "Category,Code,Title,Description\r\n"
            + "a,first,First,\"Has, a comma\"\r\n"
            + "b,second,\"Says \"\"hi\"\"\",\"Spans\ntwo lines\"\r\n"
            + "c,third,Third,\n";

        var codes = CodelistCsv.ReadCodes(Csv);

        Assert.Equal(["first", "second", "third"], codes);
    }

    [Fact]
    public void ReadCodes_NoCodeColumn_Throws() =>
        Assert.Throws<FormatException>(() => CodelistCsv.ReadCodes("Name,Title\nx,y\n"));
}
