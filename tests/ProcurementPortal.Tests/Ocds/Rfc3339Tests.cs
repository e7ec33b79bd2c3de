using CompraNet.ProcurementPortal.Ocds;

namespace CompraNet.ProcurementPortal.Tests.Ocds;

public sealed class Rfc3339Tests
{
    [Theory]
    [InlineData("2025-03-01T10:00:00Z")]
    [InlineData("2025-03-01T10:00:00-06:00")]
    [InlineData("2025-03-01t10:00:00.123456+05:30")]
    [InlineData("2024-02-29T23:59:60Z")]
    public void IsDateTime_Rfc3339DateTime_IsTrue(string value) => Assert.True(Rfc3339.IsDateTime(value));

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2025-03-01")]
    [InlineData("2025-03-01T10:00:00")]
    [InlineData("2025-03-01 10:00:00Z")]
    [InlineData("2025-02-29T10:00:00Z")]
    [InlineData("2025-13-01T10:00:00Z")]
    [InlineData("2025-03-01T24:00:00Z")]
    [InlineData("2025-03-01T10:00:00+0600")]
    [InlineData("01/03/2025 10:00")]
    public void IsDateTime_OtherText_IsFalse(string value) => Assert.False(Rfc3339.IsDateTime(value));
}
