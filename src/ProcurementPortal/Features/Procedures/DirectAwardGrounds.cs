namespace CompraNet.ProcurementPortal.Features.Procedures;

/// <summary>
/// The grounds on which the law allows a purchase without an open tender (LAASSP, exceptions to the public tender),
/// summarised. A direct award or restricted invitation names one and adds a written justification. The list is data:
/// the legal team keeps it in step with the law's text.
/// </summary>
public static class DirectAwardGrounds
{
    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["sole-supplier"] = "Existe un solo proveedor posible o el bien está protegido por patentes o derechos exclusivos.",
        ["emergency"] = "Caso fortuito o fuerza mayor: no es posible obtener los bienes o servicios mediante licitación en el tiempo requerido.",
        ["public-order"] = "Peligra o se altera el orden social, la economía, los servicios públicos, la salubridad o la seguridad de una zona.",
        ["national-security"] = "Contratación relacionada con la seguridad nacional o pública.",
        ["avoid-losses"] = "Existen circunstancias que pueden provocar pérdidas o costos adicionales importantes, cuantificados y justificados.",
        ["rescinded-contract"] = "Se rescindió un contrato adjudicado por licitación: se adjudica al siguiente proveedor mejor evaluado.",
        ["deserted-tender"] = "Se declaró desierta una licitación pública y se mantienen los requisitos de la convocatoria.",
        ["specific-brand"] = "Se requiere una marca específica por razones técnicas justificadas.",
        ["perishable-goods"] = "Bienes perecederos, granos o productos alimenticios básicos adquiridos a precio de mercado.",
        ["below-threshold"] = "El monto de la contratación no excede los montos máximos que fija el presupuesto de egresos para esta excepción.",
    };

    public static bool IsValid(string? code) => code is not null && All.ContainsKey(code);
}
