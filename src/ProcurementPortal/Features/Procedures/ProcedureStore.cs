using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using CompraNet.ProcurementPortal.Features.Common;
using CompraNet.ProcurementPortal.Persistence;

namespace CompraNet.ProcurementPortal.Features.Procedures;

/// <summary>
/// Procedures (their state as JSON, with searchable columns), their timeline and their numbering. Writes take the
/// caller's transaction, so a change, its timeline entry, its documents and its OCDS release commit together.
/// </summary>
public sealed class ProcedureStore(PortalDb db)
{
    private static readonly JsonSerializerOptions StateJson = new(JsonSerializerDefaults.Web);

    public async Task<Procedure?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await FindAsync(connection, null, id, cancellationToken);
    }

    public async Task<Procedure?> FindAsync(DbConnection connection, DbTransaction? transaction, string id, CancellationToken cancellationToken)
    {
        await using var command = PortalDb.Command(connection, transaction, "SELECT state FROM portal_procedures WHERE id = @id");
        PortalDb.Add(command, "@id", id);
        return await command.ExecuteScalarAsync(cancellationToken) is string json ? JsonSerializer.Deserialize<Procedure>(json, StateJson) : null;
    }

    public async Task<IReadOnlyList<string>> IdsWithStatusAsync(string status, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = PortalDb.Command(connection, null, "SELECT id FROM portal_procedures WHERE status = @status ORDER BY id");
        PortalDb.Add(command, "@status", status);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    /// <summary>The next free number of a unit's procedures of one kind in one year (read in the transaction that inserts it).</summary>
    public static async Task<int> NextNumberAsync(DbConnection connection, DbTransaction transaction, string idPrefix, CancellationToken cancellationToken)
    {
        await using var command = PortalDb.Command(connection, transaction, "SELECT COUNT(*) FROM portal_procedures WHERE id LIKE @prefix");
        PortalDb.Add(command, "@prefix", idPrefix + "%");
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) + 1;
    }

    public async Task InsertAsync(DbConnection connection, DbTransaction transaction, Procedure procedure, string unitName, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO portal_procedures (id, ocid, unit_id, plan_id, plan_line_no, type, status, title, search_text, estimated_cents, currency,
                                           published_at, submission_deadline, updated_at, version, state)
            VALUES (@id, @ocid, @unit, @plan, @line, @type, @status, @title, @search, @cents, @currency, @published, @deadline, @updated, @version, @state)
            """;
        await using var command = PortalDb.Command(connection, transaction, sql);
        Bind(command, procedure, unitName);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Saves a changed procedure whose stored version is <c>procedure.Version - 1</c>; false when someone saved it meanwhile.</summary>
    public async Task<bool> UpdateAsync(DbConnection connection, DbTransaction transaction, Procedure procedure, string unitName, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE portal_procedures
            SET plan_id = @plan, plan_line_no = @line, type = @type, status = @status, title = @title, search_text = @search,
                estimated_cents = @cents, currency = @currency, published_at = @published, submission_deadline = @deadline,
                updated_at = @updated, version = @version, state = @state
            WHERE id = @id AND version = @expected
            """;
        await using var command = PortalDb.Command(connection, transaction, sql);
        Bind(command, procedure, unitName);
        PortalDb.Add(command, "@expected", procedure.Version - 1);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task AppendEventAsync(DbConnection connection, DbTransaction transaction, string procedureId, DateTimeOffset at, string actor, string action, string summary, bool isPublic, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO portal_procedure_events (procedure_id, seq, at, actor, action, summary, public)
            SELECT @id, COALESCE(MAX(seq), 0) + 1, @at, @actor, @action, @summary, @public FROM portal_procedure_events WHERE procedure_id = @id
            """;
        await using var command = PortalDb.Command(connection, transaction, sql);
        PortalDb.Add(command, "@id", procedureId);
        db.AddTime(command, "@at", at);
        PortalDb.Add(command, "@actor", actor);
        PortalDb.Add(command, "@action", action);
        PortalDb.Add(command, "@summary", summary);
        PortalDb.Add(command, "@public", isPublic);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ProcedureEvent>> EventsAsync(string procedureId, bool includeInternal, CancellationToken cancellationToken = default)
    {
        const string sql = "SELECT seq, at, actor, action, summary, public FROM portal_procedure_events WHERE procedure_id = @id ORDER BY seq";
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = PortalDb.Command(connection, null, sql);
        PortalDb.Add(command, "@id", procedureId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<ProcedureEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var entry = new ProcedureEvent(Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture), PortalDb.ReadTime(reader, 1),
                reader.GetString(2), reader.GetString(3), reader.GetString(4), PortalDb.ReadBool(reader, 5));
            if (includeInternal || entry.Public)
            {
                events.Add(entry);
            }
        }

        return events;
    }

    /// <summary>Published procedures matching the query (drafts are never listed), newest first, with the total count.</summary>
    public async Task<(IReadOnlyList<ProcedureSummary> Page, int Total)> SearchAsync(ProcedureQuery query, CancellationToken cancellationToken = default)
    {
        const string where = """
            FROM portal_procedures p JOIN portal_units u ON u.id = p.unit_id
            WHERE p.status <> 'draft'
              AND (@text IS NULL OR p.search_text LIKE @text)
              AND (@unit IS NULL OR p.unit_id = @unit)
              AND (@type IS NULL OR p.type = @type)
              AND (@status IS NULL OR p.status = @status)
              AND (@from IS NULL OR p.published_at >= @from)
              AND (@to IS NULL OR p.published_at < @to)
              AND (@min IS NULL OR p.estimated_cents >= @min)
              AND (@max IS NULL OR p.estimated_cents <= @max)
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        int total;
        await using (var count = PortalDb.Command(connection, null, "SELECT COUNT(*) " + where))
        {
            BindQuery(count, query);
            total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        await using var command = PortalDb.Command(connection, null, $"""
            SELECT p.id, p.ocid, p.unit_id, u.name, p.type, p.status, p.title, p.estimated_cents, p.currency, p.published_at, p.submission_deadline
            {where}
            ORDER BY p.published_at DESC, p.id
            LIMIT @limit OFFSET @offset
            """);
        BindQuery(command, query);
        PortalDb.Add(command, "@limit", ProcedureQuery.PageSize);
        PortalDb.Add(command, "@offset", (Math.Max(1, query.Page) - 1) * ProcedureQuery.PageSize);
        return (await ReadSummariesAsync(command, cancellationToken), total);
    }

    /// <summary>Every procedure of a unit, drafts included (its officials' list), newest first.</summary>
    public async Task<IReadOnlyList<ProcedureSummary>> ListForUnitAsync(string unitId, CancellationToken cancellationToken = default)
    {
        const string sql = """
            SELECT p.id, p.ocid, p.unit_id, u.name, p.type, p.status, p.title, p.estimated_cents, p.currency, p.published_at, p.submission_deadline
            FROM portal_procedures p JOIN portal_units u ON u.id = p.unit_id
            WHERE p.unit_id = @unit
            ORDER BY p.updated_at DESC
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = PortalDb.Command(connection, null, sql);
        PortalDb.Add(command, "@unit", unitId);
        return await ReadSummariesAsync(command, cancellationToken);
    }

    /// <summary>
    /// The restricted invitations and direct awards that name <paramref name="supplierId"/>, once published (drafts
    /// never), newest first: the supplier's own list of calls. The invitees live in the state, so they are read there.
    /// </summary>
    public async Task<IReadOnlyList<Procedure>> ListInvitingAsync(string supplierId, CancellationToken cancellationToken = default)
    {
        const string sql = """
            SELECT state FROM portal_procedures
            WHERE type IN ('restricted', 'direct') AND status <> 'draft'
            ORDER BY published_at DESC, id
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = PortalDb.Command(connection, null, sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var inviting = new List<Procedure>();
        while (await reader.ReadAsync(cancellationToken))
        {
            if (JsonSerializer.Deserialize<Procedure>(reader.GetString(0), StateJson) is { } procedure && procedure.InvitedSuppliers.Contains(supplierId))
            {
                inviting.Add(procedure);
            }
        }

        return inviting;
    }

    /// <summary>The estimates of a unit's non-open procedures (restricted invitations and direct awards) in a fiscal year, cancelled ones excluded.</summary>
    public async Task<decimal> NonOpenCommittedAsync(DbConnection connection, DbTransaction? transaction, string unitId, string planId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT COALESCE(SUM(estimated_cents), 0) FROM portal_procedures
            WHERE unit_id = @unit AND plan_id = @plan AND type IN ('restricted', 'direct') AND status <> 'cancelled'
            """;
        await using var command = PortalDb.Command(connection, transaction, sql);
        PortalDb.Add(command, "@unit", unitId);
        PortalDb.Add(command, "@plan", planId);
        return Money.FromCents(Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture));
    }

    private void Bind(DbCommand command, Procedure procedure, string unitName)
    {
        PortalDb.Add(command, "@id", procedure.Id);
        PortalDb.Add(command, "@ocid", procedure.Ocid);
        PortalDb.Add(command, "@unit", procedure.UnitId);
        PortalDb.Add(command, "@plan", procedure.PlanId);
        PortalDb.Add(command, "@line", procedure.PlanLineNo);
        PortalDb.Add(command, "@type", procedure.Type);
        PortalDb.Add(command, "@status", procedure.Status);
        PortalDb.Add(command, "@title", procedure.Title);
        PortalDb.Add(command, "@search", SearchText(procedure, unitName));
        PortalDb.Add(command, "@cents", Money.ToCents(procedure.EstimatedAmount));
        PortalDb.Add(command, "@currency", procedure.Currency);
        db.AddTime(command, "@published", procedure.PublishedAt);
        db.AddTime(command, "@deadline", procedure.Timetable?.SubmissionDeadline);
        db.AddTime(command, "@updated", procedure.UpdatedAt);
        PortalDb.Add(command, "@version", procedure.Version);
        db.AddJson(command, "@state", JsonSerializer.Serialize(procedure, StateJson));
    }

    private void BindQuery(DbCommand command, ProcedureQuery query)
    {
        PortalDb.AddText(command, "@text", string.IsNullOrWhiteSpace(query.Text) ? null : $"%{Normalize(query.Text).Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal)}%");
        PortalDb.AddText(command, "@unit", string.IsNullOrWhiteSpace(query.UnitId) ? null : query.UnitId);
        PortalDb.AddText(command, "@type", string.IsNullOrWhiteSpace(query.Type) ? null : query.Type);
        PortalDb.AddText(command, "@status", string.IsNullOrWhiteSpace(query.Status) ? null : query.Status);
        db.AddTime(command, "@from", query.PublishedFrom is { } from ? new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null);
        db.AddTime(command, "@to", query.PublishedTo is { } to ? new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null);
        AddCents(command, "@min", query.MinAmount);
        AddCents(command, "@max", query.MaxAmount);
    }

    private static void AddCents(DbCommand command, string name, decimal? amount)
    {
        if (command is Npgsql.NpgsqlCommand npgsql)
        {
            npgsql.Parameters.Add(new Npgsql.NpgsqlParameter(name, NpgsqlTypes.NpgsqlDbType.Bigint) { Value = amount is { } a ? Money.ToCents(a) : DBNull.Value });
            return;
        }

        PortalDb.Add(command, name, amount is { } value ? Money.ToCents(value) : null);
    }

    private static async Task<IReadOnlyList<ProcedureSummary>> ReadSummariesAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var page = new List<ProcedureSummary>();
        while (await reader.ReadAsync(cancellationToken))
        {
            page.Add(new ProcedureSummary(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), reader.GetString(6), Money.FromCents(Convert.ToInt64(reader.GetValue(7), CultureInfo.InvariantCulture)),
                reader.GetString(8), PortalDb.ReadNullableTime(reader, 9), PortalDb.ReadNullableTime(reader, 10)));
        }

        return page;
    }

    /// <summary>Lower case without accents, so "medicamentos" finds "Medicamentos" and "papeleria" finds "Papelería".</summary>
    public static string Normalize(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(System.Text.NormalizationForm.FormD);
        return new string([.. decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)]);
    }

    private static string SearchText(Procedure procedure, string unitName) =>
        Normalize(string.Join(' ', new[] { procedure.Id, procedure.Title, procedure.Description, unitName }.Concat(procedure.Items.Select(i => $"{i.Description} {i.Cucop}"))));
}
