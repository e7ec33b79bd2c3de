using System.Data.Common;
using System.Globalization;
using CompraNet.ProcurementPortal.Features.Common;
using CompraNet.ProcurementPortal.Persistence;

namespace CompraNet.ProcurementPortal.Features.Plans;

/// <summary>Annual plans and their lines, with what each line has committed to procedures.</summary>
public sealed class PlanStore(PortalDb db)
{
    /// <summary>Creates an empty draft plan; false when the unit has one for that year already.</summary>
    public async Task<bool> CreateAsync(string unitId, int fiscalYear, string by, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        const string sql = """
            INSERT INTO portal_plans (id, unit_id, fiscal_year, status, created_at, created_by)
            VALUES (@id, @unit, @year, 'draft', @at, @by)
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = PortalDb.Command(connection, null, sql);
        PortalDb.Add(command, "@id", AnnualPlan.IdFor(unitId, fiscalYear));
        PortalDb.Add(command, "@unit", unitId);
        PortalDb.Add(command, "@year", fiscalYear);
        db.AddTime(command, "@at", at);
        PortalDb.Add(command, "@by", by);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
            return true;
        }
        catch (Exception ex) when (PortalDb.IsUniqueViolation(ex))
        {
            return false;
        }
    }

    public async Task<AnnualPlan?> FindAsync(string planId, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await FindAsync(connection, null, planId, cancellationToken);
    }

    /// <summary>The plan with its lines and what each has committed, read in the caller's transaction.</summary>
    public async Task<AnnualPlan?> FindAsync(DbConnection connection, DbTransaction? transaction, string planId, CancellationToken cancellationToken)
    {
        const string planSql = "SELECT id, unit_id, fiscal_year, status, created_at, created_by, published_at, published_by FROM portal_plans WHERE id = @id";
        AnnualPlan plan;
        await using (var command = PortalDb.Command(connection, transaction, planSql))
        {
            PortalDb.Add(command, "@id", planId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            plan = new AnnualPlan(reader.GetString(0), reader.GetString(1), Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture),
                reader.GetString(3), PortalDb.ReadTime(reader, 4), reader.GetString(5), PortalDb.ReadNullableTime(reader, 6),
                PortalDb.ReadNullableString(reader, 7), []);
        }

        var committed = new Dictionary<int, long>();
        const string committedSql = """
            SELECT plan_line_no, SUM(estimated_cents) FROM portal_procedures
            WHERE plan_id = @id AND status <> 'cancelled' GROUP BY plan_line_no
            """;
        await using (var command = PortalDb.Command(connection, transaction, committedSql))
        {
            PortalDb.Add(command, "@id", planId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                committed[Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture)] = Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture);
            }
        }

        const string linesSql = """
            SELECT line_no, budget_key, description, cucop, estimated_cents, currency, planned_method, planned_start
            FROM portal_plan_lines WHERE plan_id = @id ORDER BY line_no
            """;
        var lines = new List<PlanLine>();
        await using (var command = PortalDb.Command(connection, transaction, linesSql))
        {
            PortalDb.Add(command, "@id", planId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var lineNo = Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture);
                lines.Add(new PlanLine(lineNo, reader.GetString(1), reader.GetString(2), reader.GetString(3),
                    Money.FromCents(Convert.ToInt64(reader.GetValue(4), CultureInfo.InvariantCulture)), reader.GetString(5), reader.GetString(6),
                    DateOnly.FromDateTime(PortalDb.ReadTime(reader, 7).UtcDateTime), Money.FromCents(committed.GetValueOrDefault(lineNo))));
            }
        }

        return plan with { Lines = lines };
    }

    /// <summary>Plans, newest year first: one unit's, or every unit's; drafts only when asked (officials of the unit).</summary>
    public async Task<IReadOnlyList<AnnualPlan>> ListAsync(string? unitId, bool includeDrafts, CancellationToken cancellationToken = default)
    {
        const string sql = """
            SELECT id FROM portal_plans
            WHERE (@unit IS NULL OR unit_id = @unit) AND (@drafts = 1 OR status = 'published')
            ORDER BY fiscal_year DESC, unit_id
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        var ids = new List<string>();
        await using (var command = PortalDb.Command(connection, null, sql))
        {
            PortalDb.AddText(command, "@unit", unitId);
            PortalDb.Add(command, "@drafts", includeDrafts ? 1 : 0);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetString(0));
            }
        }

        var plans = new List<AnnualPlan>();
        foreach (var id in ids)
        {
            plans.Add((await FindAsync(connection, null, id, cancellationToken))!);
        }

        return plans;
    }

    /// <summary>Appends a line to a draft plan; returns its number, or null when the plan is not a draft (published meanwhile).</summary>
    public async Task<int?> AddLineAsync(string planId, PlanLine line, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var check = PortalDb.Command(connection, transaction, "SELECT status FROM portal_plans WHERE id = @id"))
        {
            PortalDb.Add(check, "@id", planId);
            if (await check.ExecuteScalarAsync(cancellationToken) as string != AnnualPlan.Draft)
            {
                return null;
            }
        }

        int lineNo;
        await using (var next = PortalDb.Command(connection, transaction, "SELECT COALESCE(MAX(line_no), 0) + 1 FROM portal_plan_lines WHERE plan_id = @id"))
        {
            PortalDb.Add(next, "@id", planId);
            lineNo = Convert.ToInt32(await next.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        const string sql = """
            INSERT INTO portal_plan_lines (plan_id, line_no, budget_key, description, cucop, estimated_cents, currency, planned_method, planned_start)
            VALUES (@plan, @line, @budget, @description, @cucop, @cents, @currency, @method, @start)
            """;
        await using (var command = PortalDb.Command(connection, transaction, sql))
        {
            PortalDb.Add(command, "@plan", planId);
            PortalDb.Add(command, "@line", lineNo);
            PortalDb.Add(command, "@budget", line.BudgetKey);
            PortalDb.Add(command, "@description", line.Description);
            PortalDb.Add(command, "@cucop", line.Cucop);
            PortalDb.Add(command, "@cents", Money.ToCents(line.EstimatedAmount));
            PortalDb.Add(command, "@currency", line.Currency);
            PortalDb.Add(command, "@method", line.PlannedMethod);
            db.AddTime(command, "@start", new DateTimeOffset(line.PlannedStart.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return lineNo;
    }

    /// <summary>Publishes a draft plan in the caller's transaction; false when it was not a draft.</summary>
    public async Task<bool> PublishAsync(DbConnection connection, DbTransaction transaction, string planId, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        const string sql = "UPDATE portal_plans SET status = 'published', published_at = @at, published_by = @by WHERE id = @id AND status = 'draft'";
        await using var command = PortalDb.Command(connection, transaction, sql);
        PortalDb.Add(command, "@id", planId);
        db.AddTime(command, "@at", at);
        PortalDb.Add(command, "@by", by);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
