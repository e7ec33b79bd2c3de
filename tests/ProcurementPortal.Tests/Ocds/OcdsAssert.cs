using CompraNet.ProcurementPortal.Ocds;

namespace CompraNet.ProcurementPortal.Tests.Ocds;

/// <summary>Assertions on the validator's results that say what failed, where.</summary>
public static class OcdsAssert
{
    public static void Valid(OcdsValidationResult result, string what) =>
        Assert.True(result.IsValid, $"{what}: {string.Join("; ", result.Errors.Select(e => $"{e.Path}: {e.Message}"))}");
}
