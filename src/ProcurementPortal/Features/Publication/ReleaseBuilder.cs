using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CompraNet.ProcurementPortal.Features.Documents;
using CompraNet.ProcurementPortal.Features.Procedures;
using CompraNet.ProcurementPortal.Features.Suppliers;
using Microsoft.Extensions.Options;

namespace CompraNet.ProcurementPortal.Features.Publication;

/// <summary>
/// Builds the OCDS 1.1 release of a procedure as it stands: every release is complete (planning, tender and what
/// follows), so the latest release is also the compiled state. Only what is public goes in: a sealed offer, an
/// internal note or who asked a question never does.
/// </summary>
public sealed class ReleaseBuilder(IOptions<PublicationOptions> options)
{
    public static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    private readonly PublicationOptions _options = options.Value;

    public string OcidPrefix => _options.OcidPrefix;

    public string OcidFor(string procedureId) => $"{_options.OcidPrefix}-{procedureId}";

    public static string ReleaseIdFor(string ocid, int number) => $"{ocid}-{number.ToString("0000", CultureInfo.InvariantCulture)}";

    public JsonObject Build(ReleaseContext context, string releaseId)
    {
        var procedure = context.Procedure;
        var buyer = Party(BuyerId(context.Unit.Id), $"{context.Unit.Name} ({context.Unit.Institution})");
        var release = new JsonObject
        {
            ["ocid"] = procedure.Ocid,
            ["id"] = releaseId,
            ["date"] = Time(context.Date),
            ["tag"] = new JsonArray([.. context.Tags.Select(t => (JsonNode)t)]),
            ["initiationType"] = "tender",
            ["language"] = "es",
            ["cycle"] = procedure.FiscalYear,
            ["parties"] = Parties(context, buyer),
            ["buyer"] = buyer.DeepClone(),
            ["planning"] = Planning(context),
            ["tender"] = Tender(context, buyer),
        };
        if (procedure.Opening is { } opening)
        {
            release["bids"] = Bids(context, opening);
        }

        if (procedure.Award is { } award)
        {
            release["awards"] = Awards(context, award);
        }

        if (context.Contracts is { Count: > 0 } contracts)
        {
            release["contracts"] = new JsonArray([.. contracts.Select(c => Contract(c, context))]);
        }

        return release;
    }

    public static string BuyerId(string unitId) => $"MX-UC-{unitId}";

    public static string SupplierPartyId(RegisteredSupplier supplier) => $"MX-RFC-{supplier.Rfc}";

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Whether a contract of the release has a payment: then the buyer is also its payer and the supplier its payee.</summary>
    private static bool Paying(ReleaseContext context) => context.Contracts?.Any(c => c.Payments is { Count: > 0 }) == true;

    private static JsonObject Party(string id, string name) => new() { ["id"] = id, ["name"] = name };

    private static JsonArray Parties(ReleaseContext context, JsonObject buyer)
    {
        var parties = new JsonArray
        {
            new JsonObject
            {
                ["id"] = buyer["id"]!.GetValue<string>(),
                ["name"] = buyer["name"]!.GetValue<string>(),
                ["identifier"] = new JsonObject { ["scheme"] = "MX-UC", ["id"] = context.Unit.Id, ["legalName"] = context.Unit.Institution },
                ["roles"] = Paying(context) ? new JsonArray("buyer", "procuringEntity", "payer") : new JsonArray("buyer", "procuringEntity"),
            },
        };
        // Invited suppliers are named in the call (restricted invitation, direct award); an open tender names no one
        // before the opening, which then names every bidder.
        foreach (var supplier in context.InvitedSuppliers.Concat(context.Bidders).DistinctBy(s => s.SupplierId))
        {
            parties.Add(new JsonObject
            {
                ["id"] = SupplierPartyId(supplier),
                ["name"] = supplier.LegalName,
                ["identifier"] = new JsonObject { ["scheme"] = "MX-RFC", ["id"] = supplier.Rfc, ["legalName"] = supplier.LegalName },
                ["roles"] = context.Procedure.Award?.SupplierId != supplier.SupplierId ? new JsonArray("tenderer")
                    : Paying(context) ? new JsonArray("tenderer", "supplier", "payee") : new JsonArray("tenderer", "supplier"),
                ["details"] = new JsonObject { ["scale"] = supplier.IsSme ? "sme" : "large" },
            });
        }

        return parties;
    }

    /// <summary>The bids extension: every offer the opening revealed, with its value and status (pending until the evaluation).</summary>
    private static JsonObject Bids(ReleaseContext context, ProcedureOpening opening)
    {
        var names = context.Bidders.ToDictionary(b => b.SupplierId, StringComparer.Ordinal);
        var details = new JsonArray();
        foreach (var offer in opening.Offers)
        {
            var tenderer = names.TryGetValue(offer.SupplierId, out var supplier)
                ? Party(SupplierPartyId(supplier), supplier.LegalName)
                : Party($"MX-CN-{offer.SupplierId}", offer.SupplierId);
            details.Add(new JsonObject
            {
                ["id"] = offer.OfferId.ToString(),
                ["date"] = Time(offer.ReceivedAt),
                ["status"] = BidStatus(context.Procedure, offer.SupplierId),
                ["tenderers"] = new JsonArray(tenderer),
                ["value"] = Value(offer.Total, context.Procedure.Currency),
            });
        }

        return new JsonObject
        {
            ["statistics"] = new JsonArray(
                new JsonObject { ["id"] = "bids", ["measure"] = "bids", ["value"] = opening.Offers.Length, ["date"] = Time(opening.OpenedAt) },
                new JsonObject { ["id"] = "electronicBids", ["measure"] = "electronicBids", ["value"] = opening.Offers.Length, ["date"] = Time(opening.OpenedAt) }),
            ["details"] = details,
        };
    }

    /// <summary>pending until the evaluation; then valid (admissible, going on to the auction or ranking) or disqualified.</summary>
    private static string BidStatus(Procedure procedure, string supplierId) =>
        procedure.Evaluations.FirstOrDefault(e => e.SupplierId == supplierId) is not { } evaluation ? "pending"
        : evaluation.Admissible ? "valid" : "disqualified";

    private JsonArray Awards(ReleaseContext context, AwardDecision award)
    {
        var procedure = context.Procedure;
        var supplier = context.Bidders.FirstOrDefault(b => b.SupplierId == award.SupplierId);
        var offer = procedure.Opening?.Offers.FirstOrDefault(o => o.SupplierId == award.SupplierId);
        var node = new JsonObject
        {
            ["id"] = $"{procedure.Id}-fallo",
            ["title"] = procedure.Title,
            ["status"] = "active",
            ["date"] = Time(award.DecidedAt),
            ["value"] = Value(award.Amount, procedure.Currency),
            ["suppliers"] = new JsonArray(supplier is null ? Party($"MX-CN-{award.SupplierId}", award.SupplierId) : Party(SupplierPartyId(supplier), supplier.LegalName)),
            ["items"] = new JsonArray([.. procedure.Items.Select(Item)]),
        };
        if (offer is not null)
        {
            node["relatedBid"] = offer.OfferId.ToString();
        }

        if (award.Justification is { } why)
        {
            node["description"] = $"Adjudicado fuera del primer lugar: {why}";
        }

        return new JsonArray(node);
    }

    /// <summary>
    /// The contract with the terms in force, its guarantees (mx_guarantees), the versions of its text as documents, and
    /// each amendment in effect. The use of the law's exception to the 20% limit is told in the descriptions.
    /// </summary>
    private JsonNode Contract(ContractRelease entry, ReleaseContext context)
    {
        var contract = entry.Contract;
        var terms = contract.Terms;
        var guarantees = string.Join("; ", contract.Guarantees.Select(g => string.Create(CultureInfo.InvariantCulture,
            $"garantía de {(g.Kind == "performance" ? "cumplimiento" : "anticipo")}: {g.Type}, {g.Amount:0.00} {contract.Currency}")));
        var node = new JsonObject
        {
            ["id"] = contract.Id,
            ["awardID"] = contract.AwardId,
            ["title"] = contract.Title,
            ["description"] = (contract.ExceptionInvoked ? "EXCEPCIÓN al límite del 20% de los convenios modificatorios (art. 52 LAASSP). " : "") + $"Con {guarantees}."
                + (contract.Penalties > 0 ? string.Create(CultureInfo.InvariantCulture, $" Penas convencionales aplicadas: {contract.Penalties:0.00} {contract.Currency}.") : "")
                + Termination(contract),
            ["guarantees"] = new JsonArray([.. contract.Guarantees.Select(g => (JsonNode)new JsonObject
            {
                ["id"] = g.Kind,
                ["type"] = GuaranteeType(g.Type),
                ["obligations"] = g.Kind == "performance" ? "fulfillment" : "prepaid",
                ["value"] = Value(g.Amount, contract.Currency),
                ["period"] = Period(terms),
            })]),
            ["status"] = contract.Status,
            ["period"] = Period(terms),
            ["value"] = Value(terms.Value, contract.Currency),
            ["items"] = new JsonArray([.. terms.Items.Select(i => (JsonNode)new JsonObject
            {
                ["id"] = i.Id,
                ["description"] = i.Description,
                ["classification"] = new JsonObject { ["scheme"] = "CUCOP", ["id"] = i.Cucop },
                ["quantity"] = i.Quantity,
                ["unit"] = new JsonObject { ["name"] = i.Unit, ["value"] = Value(i.UnitPrice, contract.Currency) },
            })]),
        };
        if (contract.DateSigned is { } signed)
        {
            node["dateSigned"] = Time(signed);
        }

        var documents = entry.Documents.Where(d => d.Public).Select(Document).ToArray();
        if (documents.Length > 0)
        {
            node["documents"] = new JsonArray(documents);
        }

        if (Implementation(entry, context) is { } implementation)
        {
            node["implementation"] = implementation;
        }

        var inEffect = contract.Versions.Where(v => v.EffectiveAt is not null).ToArray();
        var amendments = inEffect.Skip(1).Select((v, i) => (JsonNode)new JsonObject
        {
            ["id"] = v.Amendment!.Id,
            ["date"] = Time(v.EffectiveAt!.Value),
            ["rationale"] = v.Amendment.Reason,
            ["description"] = string.Create(CultureInfo.InvariantCulture,
                $"Versión {v.Number} del contrato (SHA-256 {v.Sha256}): monto {v.Terms.Value:0.00} {contract.Currency}, vigencia al {v.Terms.EndDate:yyyy-MM-dd}; respecto del original, monto {v.Amendment.ValueIncreasePercent:+0.00;-0.00;0}% y plazo {v.Amendment.PeriodIncreasePercent:+0.00;-0.00;0}%.")
                + (v.Amendment.Exception ? $" EXCEPCIÓN al límite del 20% (art. 52 LAASSP): {v.Amendment.ExceptionJustification}" : ""),
            ["amendsReleaseID"] = inEffect[i].ReleaseId,
            ["releaseID"] = v.ReleaseId,
        }).ToArray();
        if (amendments.Length > 0)
        {
            node["amendments"] = new JsonArray(amendments);
        }

        return node;
    }

    private static string Termination(Contracts.Contract contract) => contract.Termination switch
    {
        null => "",
        { Kind: Execution.TerminationKinds.Completed } t => $" Contrato cumplido y finiquitado el {t.At:yyyy-MM-dd}.",
        { Kind: Execution.TerminationKinds.Early } t => $" Terminación anticipada (art. 54 Bis LAASSP) el {t.At:yyyy-MM-dd}: {t.Reason}",
        var t => string.Create(CultureInfo.InvariantCulture,
            $" Rescisión administrativa (art. 54 LAASSP) el {t.At:yyyy-MM-dd}: {t.Reason} Garantía de cumplimiento que se hizo efectiva: {t.GuaranteeCalled:0.00} {contract.Currency}.")
            + (t.AdvanceGuaranteeCalled > 0 ? string.Create(CultureInfo.InvariantCulture, $" Garantía de anticipo que se hizo efectiva: {t.AdvanceGuaranteeCalled:0.00} {contract.Currency}.") : ""),
    };

    /// <summary>
    /// The contract's execution: deliveries and milestones (milestones of type delivery or reporting: scheduled, met when
    /// accepted, notMet when the contract ended first), payment orders (financing milestones, due 20 days after the
    /// invoice, met when paid) and the treasury's payments as transactions from the buyer to the supplier.
    /// </summary>
    private static JsonObject? Implementation(ContractRelease entry, ReleaseContext context)
    {
        var contract = entry.Contract;
        var payments = entry.Payments ?? [];
        if (contract.Deliveries.IsEmpty && contract.PaymentOrders.IsEmpty && payments.Count == 0)
        {
            return null;
        }

        var milestones = new JsonArray();
        foreach (var d in contract.Deliveries)
        {
            var milestone = new JsonObject
            {
                ["id"] = $"{contract.Id}-{d.Id}",
                ["title"] = d.Description,
                ["type"] = d.Kind == Execution.DeliveryStatus.DeliveryKind ? "delivery" : "reporting",
                ["description"] = DeliveryText(d, contract.Currency),
                ["dueDate"] = EndOfDay(d.DueDate),
                ["dateModified"] = Time(d.DecidedAt ?? d.ScheduledAt),
                ["status"] = d.Status switch
                {
                    Execution.DeliveryStatus.Accepted => "met",
                    Execution.DeliveryStatus.Cancelled => "notMet",
                    _ => "scheduled",
                },
            };
            if (d.ReceivedOn is { } received)
            {
                milestone["dateMet"] = StartOfDay(received);
            }

            milestones.Add(milestone);
        }

        foreach (var order in contract.PaymentOrders)
        {
            var paid = Execution.ExecutionRules.PaidOn(order, payments);
            var lastPaid = payments.Where(p => p.Reference == order.Id).Select(p => (DateTimeOffset?)p.PaidAt).Max();
            var milestone = new JsonObject
            {
                ["id"] = order.Id,
                ["title"] = order.IsAdvance ? $"Orden de pago {order.Id} (anticipo)" : $"Orden de pago {order.Id} (factura {order.InvoiceId})",
                ["type"] = "financing",
                ["description"] = order.IsAdvance
                    ? string.Create(CultureInfo.InvariantCulture,
                        $"Anticipo del {contract.AdvancePercent:0.##}%: {order.Amount:0.00} {contract.Currency}; pagado {paid:0.00}; amortizado hasta ahora {contract.AdvanceAmortised:0.00}. Vence a los {Execution.ExecutionRules.PaymentDays} días naturales de la firma.")
                    : string.Create(CultureInfo.InvariantCulture,
                        $"Importe {order.Gross:0.00}, menos penas convencionales {order.Penalties:0.00} y amortización del anticipo {order.Amortisation:0.00}: {order.Amount:0.00} {contract.Currency}; pagado {paid:0.00}. Vence a los {Execution.ExecutionRules.PaymentDays} días naturales de la factura (art. 51 LAASSP)."),
                ["dueDate"] = EndOfDay(order.DueDate),
                ["dateModified"] = Time(lastPaid is { } last && last > order.IssuedAt ? last : order.IssuedAt),
                ["status"] = paid >= order.Amount ? "met" : "scheduled",
            };
            if (paid >= order.Amount && lastPaid is { } at)
            {
                milestone["dateMet"] = Time(at);
            }

            milestones.Add(milestone);
        }

        var implementation = new JsonObject();
        if (payments.Count > 0)
        {
            var payer = Party(BuyerId(context.Unit.Id), $"{context.Unit.Name} ({context.Unit.Institution})");
            var supplier = context.Bidders.Concat(context.InvitedSuppliers).FirstOrDefault(s => s.SupplierId == contract.SupplierId);
            var payee = supplier is null ? Party($"MX-CN-{contract.SupplierId}", contract.SupplierId) : Party(SupplierPartyId(supplier), supplier.LegalName);
            implementation["transactions"] = new JsonArray([.. payments.Select(p => (JsonNode)new JsonObject
            {
                ["id"] = p.Id,
                ["source"] = "https://www.gob.mx/tesofe",
                ["date"] = Time(p.PaidAt),
                ["value"] = Value(p.Amount, contract.Currency),
                ["payer"] = payer.DeepClone(),
                ["payee"] = payee.DeepClone(),
            })]);
        }

        if (milestones.Count > 0)
        {
            implementation["milestones"] = milestones;
        }

        return implementation;
    }

    private static string DeliveryText(Execution.ContractDelivery d, string currency)
    {
        var value = string.Create(CultureInfo.InvariantCulture, $"Valor {d.Amount:0.00} {currency}. ");
        var text = value + d.Status switch
        {
            Execution.DeliveryStatus.Accepted when d.DaysLate > 0 => string.Create(CultureInfo.InvariantCulture,
                $"Aceptada; recibida el {d.ReceivedOn:yyyy-MM-dd} con {d.DaysLate} días de atraso. Pena convencional: {d.Penalty:0.00} {currency}."),
            Execution.DeliveryStatus.Accepted => $"Aceptada; recibida en tiempo el {d.ReceivedOn:yyyy-MM-dd}.",
            Execution.DeliveryStatus.Rejected => $"Rechazada por la unidad compradora: {d.RejectionReason}",
            Execution.DeliveryStatus.Cancelled => "Cancelada al terminar el contrato.",
            Execution.DeliveryStatus.Reported => $"El proveedor informa que entregó el {d.ReportedOn:yyyy-MM-dd}; pendiente de aceptación.",
            _ => "Programada.",
        };
        return d.Rejections > 0 && d.Status != Execution.DeliveryStatus.Rejected ? $"{text} Rechazada {d.Rejections} vez/veces antes." : text;
    }

    private static string StartOfDay(DateOnly date) => Time(new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));

    private static string EndOfDay(DateOnly date) => Time(new DateTimeOffset(date.ToDateTime(new TimeOnly(23, 59, 59)), TimeSpan.Zero));

    private static JsonObject Period(Contracts.ContractTerms terms) => new()
    {
        ["startDate"] = Time(new DateTimeOffset(terms.StartDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)),
        ["endDate"] = Time(new DateTimeOffset(terms.EndDate.ToDateTime(new TimeOnly(23, 59, 59)), TimeSpan.Zero)),
    };

    /// <summary>The portal's guarantee instruments in the extension's guaranteeType codelist.</summary>
    private static string GuaranteeType(string type) => type switch
    {
        "fianza" => "suretyBond",
        "cheque-certificado" => "check",
        "carta-de-credito" => "letterOfCredit",
        _ => "depositSlip",
    };

    private static JsonObject Planning(ReleaseContext context)
    {
        var line = context.Line;
        return new JsonObject
        {
            ["rationale"] = $"Programa anual de adquisiciones {context.Procedure.FiscalYear}, línea {line.LineNo}: {line.Description}",
            ["budget"] = new JsonObject
            {
                ["id"] = line.BudgetKey,
                ["description"] = $"Partida {line.BudgetKey}",
                ["amount"] = Value(line.EstimatedAmount, line.Currency),
            },
        };
    }

    private JsonObject Tender(ReleaseContext context, JsonObject buyer)
    {
        var procedure = context.Procedure;
        var tender = new JsonObject
        {
            ["id"] = procedure.Id,
            ["title"] = procedure.Title,
            ["description"] = procedure.Description,
            ["status"] = ProcedureStatus.OcdsTenderStatus(procedure.Status),
            ["procuringEntity"] = buyer.DeepClone(),
            ["items"] = new JsonArray([.. procedure.Items.Select(Item)]),
            ["value"] = Value(procedure.EstimatedAmount, procedure.Currency),
            ["procurementMethod"] = ProcedureType.OcdsMethod(procedure.Type),
            ["procurementMethodDetails"] = MethodDetails(procedure.Type),
            ["mainProcurementCategory"] = procedure.Category,
            ["submissionMethod"] = procedure.Auction is null ? new JsonArray("electronicSubmission") : new JsonArray("electronicSubmission", "electronicAuction"),
        };
        if (procedure.LegalGround is { } ground)
        {
            tender["procurementMethodRationale"] = $"{DirectAwardGrounds.All[ground]} {procedure.Justification}".Trim();
        }

        if (procedure.Timetable is { } t)
        {
            var start = procedure.PublishedAt ?? context.Date;
            tender["tenderPeriod"] = new JsonObject { ["startDate"] = Time(start), ["endDate"] = Time(t.SubmissionDeadline) };
            if (t.ClarificationMeeting is { } meeting)
            {
                tender["enquiryPeriod"] = new JsonObject { ["startDate"] = Time(start), ["endDate"] = Time(meeting) };
            }

            tender["awardPeriod"] = new JsonObject { ["startDate"] = Time(t.Opening), ["endDate"] = Time(t.Award) };
        }

        if (!procedure.Lots.IsDefaultOrEmpty)
        {
            tender["lots"] = new JsonArray([.. procedure.Lots.Select(l => (JsonNode)new JsonObject
            {
                ["id"] = l.Id,
                ["title"] = l.Title,
                ["status"] = ProcedureStatus.OcdsTenderStatus(procedure.Status),
                ["value"] = Value(l.EstimatedAmount, procedure.Currency),
            })]);
        }

        if (procedure.Auction is { } auction)
        {
            tender["techniques"] = new JsonObject
            {
                ["hasElectronicAuction"] = true,
                ["electronicAuction"] = new JsonObject
                {
                    ["description"] = AuctionDescription(auction),
                    ["url"] = $"{_options.PublicUrl.TrimEnd('/')}/procedimientos/{Uri.EscapeDataString(procedure.Id)}",
                },
            };
        }

        if (context.InvitedSuppliers.Count > 0)
        {
            tender["tenderers"] = new JsonArray([.. context.InvitedSuppliers.Select(s => (JsonNode)Party(SupplierPartyId(s), s.LegalName))]);
        }

        var documents = context.Documents.Where(d => d.Public).Select(Document).ToArray();
        if (documents.Length > 0)
        {
            tender["documents"] = new JsonArray(documents);
        }

        return tender;
    }

    private JsonNode Document(PortalDocument document)
    {
        var latest = document.Latest;
        return new JsonObject
        {
            ["id"] = document.Id,
            ["documentType"] = DocumentKinds.OcdsType(document.Kind),
            ["title"] = document.Title,
            ["description"] = $"Versión {latest.Version}. SHA-256 {latest.Sha256}. {latest.Note}".Trim(),
            ["url"] = $"{_options.PublicUrl.TrimEnd('/')}/documentos/{Uri.EscapeDataString(document.Id)}/{latest.Version}",
            ["datePublished"] = Time(document.Versions[0].CreatedAt),
            ["dateModified"] = Time(latest.CreatedAt),
            ["format"] = latest.ContentType.Split(';')[0],
            ["language"] = "es",
        };
    }

    private static JsonNode Item(ProcedureItem item)
    {
        var node = new JsonObject
        {
            ["id"] = item.Id,
            ["description"] = item.Description,
            ["classification"] = new JsonObject { ["scheme"] = "CUCOP", ["id"] = item.Cucop },
            ["quantity"] = item.Quantity,
            ["unit"] = new JsonObject { ["name"] = item.Unit },
        };
        if (item.LotId is { } lot)
        {
            node["relatedLot"] = lot;
        }

        return node;
    }

    private static string AuctionDescription(AuctionPlan auction)
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"Subasta inversa electrónica entre las ofertas solventes: {auction.DurationMinutes} minutos, decremento mínimo {auction.MinStepPercent}% del mejor precio propio");
        return auction.SoftCloseWindowMinutes > 0
            ? text + string.Create(CultureInfo.InvariantCulture, $", cierre extendido {auction.SoftCloseExtensionMinutes} min si hay puja en los últimos {auction.SoftCloseWindowMinutes} min.")
            : text + ".";
    }

    private static JsonObject Value(decimal amount, string currency) => new() { ["amount"] = amount, ["currency"] = currency };

    private static string MethodDetails(string type) => type switch
    {
        ProcedureType.OpenNational => "Licitación pública nacional",
        ProcedureType.OpenInternational => "Licitación pública internacional",
        ProcedureType.Restricted => "Invitación a cuando menos tres personas",
        _ => "Adjudicación directa",
    };
}
