using System.Globalization;
using System.Text;
using CompraNet.ProcurementPortal.Features.Common;
using CompraNet.ProcurementPortal.Features.Documents;
using CompraNet.ProcurementPortal.Features.Procedures;
using CompraNet.ProcurementPortal.Features.Publication;
using CompraNet.ProcurementPortal.Persistence;

namespace CompraNet.ProcurementPortal.Features.Clarifications;

/// <summary>
/// Clarifications: suppliers ask until the clarification meeting (or the submission deadline when there is none);
/// the unit's officials answer; every answer becomes public at once, as a new version of the call's clarifications
/// document and a tenderUpdate release. A restricted invitation or direct award takes questions from its invitees only.
/// </summary>
public sealed class ClarificationService(
    PortalDb db, ProcedureService procedures, ProcedureStore store, QuestionStore questions, DocumentStore documents, ReleasePublisher publisher, TimeProvider time)
{
    public const int MaxLength = 4000;

    public async Task<Question> AskAsync(PortalActor actor, string procedureId, string? text, CancellationToken cancellationToken = default)
    {
        if (!actor.IsSupplier)
        {
            throw new PortalForbiddenException("Only suppliers ask questions about a call.");
        }

        var procedure = await procedures.GetAsync(actor, procedureId, cancellationToken);
        var now = time.GetUtcNow();
        if (procedure.Status != ProcedureStatus.Published || procedure.Timetable is not { } timetable)
        {
            throw new PortalConflictException("not-open", "The call is not taking questions.");
        }

        if (now >= (timetable.ClarificationMeeting ?? timetable.SubmissionDeadline))
        {
            throw new PortalConflictException("questions-closed", "Questions closed at the clarification meeting.");
        }

        if (!procedure.InvitedSuppliers.IsDefaultOrEmpty && !procedure.InvitedSuppliers.Contains(actor.Username))
        {
            throw new PortalForbiddenException("Only the invited suppliers ask questions about this call.");
        }

        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length < 5 || text.Length > MaxLength)
        {
            throw PortalValidationException.Of("question", $"Write the question (5 to {MaxLength} characters).");
        }

        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var question = await questions.AddAsync(connection, transaction, procedureId, actor.Username, text.Trim(), now, cancellationToken);
        await store.AppendEventAsync(connection, transaction, procedureId, now, actor.Username, "question", $"Pregunta {question.Number} recibida.", isPublic: false, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return question;
    }

    public async Task<Question> AnswerAsync(PortalActor actor, string procedureId, int number, string? answer, CancellationToken cancellationToken = default)
    {
        var (procedure, unit) = await procedures.RequireOwnAsync(actor, procedureId, cancellationToken);
        if (procedure.Status is ProcedureStatus.Draft or ProcedureStatus.Cancelled)
        {
            throw new PortalConflictException("not-open", "The call is not taking questions.");
        }

        if (string.IsNullOrWhiteSpace(answer) || answer.Trim().Length < 2 || answer.Length > MaxLength)
        {
            throw PortalValidationException.Of("answer", $"Write the answer (2 to {MaxLength} characters).");
        }

        var now = time.GetUtcNow();
        var answered = procedure with { UpdatedAt = now, Version = procedure.Version + 1 };
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Saving the procedure's next version first serialises this answer with any other change of the procedure
        // (two answers at once would otherwise both take the same release number).
        await procedures.SaveAsync(connection, transaction, answered, unit, cancellationToken);
        if (!await questions.AnswerAsync(connection, transaction, procedureId, number, answer.Trim(), actor.Username, now, cancellationToken))
        {
            throw new PortalConflictException("not-answerable", $"Question {number} does not exist or is answered already.");
        }

        var all = await QuestionStore.ListAsync(connection, transaction, procedureId, cancellationToken);
        await documents.AddVersionAsync(connection, transaction, new DocumentDraft(
            $"{procedureId}-aclaraciones", "procedure", procedureId, DocumentKinds.Clarifications, $"Aclaraciones a la convocatoria {procedureId}", Public: true,
            $"Respuesta a la pregunta {number}.", $"{procedureId}-aclaraciones.txt", "text/plain; charset=utf-8", Minutes(procedureId, all)), now, actor.Username, cancellationToken);
        await store.AppendEventAsync(connection, transaction, procedureId, now, actor.Username, "answer", $"Respuesta publicada a la pregunta {number}.", isPublic: true, cancellationToken);
        await publisher.PublishAsync(connection, transaction, answered, unit, ["tenderUpdate"], now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return all.Single(q => q.Number == number);
    }

    /// <summary>The questions <paramref name="actor"/> may read: answered ones to everyone (without who asked); the asker's own; all to the unit's officials.</summary>
    public async Task<IReadOnlyList<Question>> ListAsync(PortalActor? actor, string procedureId, CancellationToken cancellationToken = default)
    {
        var procedure = await procedures.GetAsync(actor, procedureId, cancellationToken);
        var all = await questions.ListAsync(procedureId, cancellationToken);
        if (actor?.ActsFor(procedure.UnitId) == true || actor?.IsAuditor == true)
        {
            return all;
        }

        return [.. all.Where(q => q.IsAnswered || q.SupplierId == actor?.Username)
            .Select(q => q.SupplierId == actor?.Username ? q : q with { SupplierId = null })];
    }

    private static byte[] Minutes(string procedureId, IReadOnlyList<Question> all)
    {
        var text = new StringBuilder().AppendLine(CultureInfo.InvariantCulture, $"ACLARACIONES A LA CONVOCATORIA {procedureId}").AppendLine();
        foreach (var q in all.Where(q => q.IsAnswered))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Pregunta {q.Number} ({q.AskedAt:yyyy-MM-dd HH:mm} UTC): {q.Text}");
            text.AppendLine(CultureInfo.InvariantCulture, $"Respuesta ({q.AnsweredAt:yyyy-MM-dd HH:mm} UTC): {q.Answer}").AppendLine();
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
