using System.Data.Common;
using System.Globalization;
using CompraNet.ProcurementPortal.Persistence;

namespace CompraNet.ProcurementPortal.Features.Clarifications;

/// <summary>Questions and answers of the calls.</summary>
public sealed class QuestionStore(PortalDb db)
{
    /// <summary>Adds a question with the next number of its procedure, in the caller's transaction.</summary>
    public async Task<Question> AddAsync(DbConnection connection, DbTransaction transaction, string procedureId, string supplierId, string text, DateTimeOffset at, CancellationToken cancellationToken)
    {
        int number;
        await using (var next = PortalDb.Command(connection, transaction, "SELECT COALESCE(MAX(number), 0) + 1 FROM portal_questions WHERE procedure_id = @id"))
        {
            PortalDb.Add(next, "@id", procedureId);
            number = Convert.ToInt32(await next.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        var question = new Question(Guid.NewGuid().ToString("N"), procedureId, number, supplierId, at, text, null, null, null);
        const string sql = """
            INSERT INTO portal_questions (id, procedure_id, number, supplier_id, asked_at, question)
            VALUES (@id, @procedure, @number, @supplier, @at, @question)
            """;
        await using (var command = PortalDb.Command(connection, transaction, sql))
        {
            PortalDb.Add(command, "@id", question.Id);
            PortalDb.Add(command, "@procedure", procedureId);
            PortalDb.Add(command, "@number", number);
            PortalDb.Add(command, "@supplier", supplierId);
            db.AddTime(command, "@at", at);
            PortalDb.Add(command, "@question", text);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return question;
    }

    /// <summary>Records the answer in the caller's transaction; false when the question does not exist or was answered already.</summary>
    public async Task<bool> AnswerAsync(DbConnection connection, DbTransaction transaction, string procedureId, int number, string answer, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE portal_questions SET answer = @answer, answered_by = @by, answered_at = @at
            WHERE procedure_id = @procedure AND number = @number AND answer IS NULL
            """;
        await using var command = PortalDb.Command(connection, transaction, sql);
        PortalDb.Add(command, "@answer", answer);
        PortalDb.Add(command, "@by", by);
        db.AddTime(command, "@at", at);
        PortalDb.Add(command, "@procedure", procedureId);
        PortalDb.Add(command, "@number", number);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<IReadOnlyList<Question>> ListAsync(string procedureId, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await ListAsync(connection, null, procedureId, cancellationToken);
    }

    public static async Task<IReadOnlyList<Question>> ListAsync(DbConnection connection, DbTransaction? transaction, string procedureId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT id, procedure_id, number, supplier_id, asked_at, question, answer, answered_by, answered_at
            FROM portal_questions WHERE procedure_id = @id ORDER BY number
            """;
        await using var command = PortalDb.Command(connection, transaction, sql);
        PortalDb.Add(command, "@id", procedureId);
        return await ReadAsync(command, cancellationToken);
    }

    /// <summary>Every question one supplier asked, on any procedure, newest first (the supplier's own list).</summary>
    public async Task<IReadOnlyList<Question>> ListBySupplierAsync(string supplierId, CancellationToken cancellationToken = default)
    {
        const string sql = """
            SELECT id, procedure_id, number, supplier_id, asked_at, question, answer, answered_by, answered_at
            FROM portal_questions WHERE supplier_id = @supplier ORDER BY asked_at DESC, procedure_id, number
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = PortalDb.Command(connection, null, sql);
        PortalDb.Add(command, "@supplier", supplierId);
        return await ReadAsync(command, cancellationToken);
    }

    private static async Task<IReadOnlyList<Question>> ReadAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var questions = new List<Question>();
        while (await reader.ReadAsync(cancellationToken))
        {
            questions.Add(new Question(reader.GetString(0), reader.GetString(1), Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture),
                reader.GetString(3), PortalDb.ReadTime(reader, 4), reader.GetString(5), PortalDb.ReadNullableString(reader, 6),
                PortalDb.ReadNullableString(reader, 7), PortalDb.ReadNullableTime(reader, 8)));
        }

        return questions;
    }
}
