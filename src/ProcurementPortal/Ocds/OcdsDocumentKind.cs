namespace CompraNet.ProcurementPortal.Ocds;

internal enum OcdsDocumentKind
{
    Release,
    ReleasePackage,
    RecordPackage,
}
