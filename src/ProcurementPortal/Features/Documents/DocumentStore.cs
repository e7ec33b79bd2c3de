using System.Data.Common;
using System.Security.Cryptography;
using CompraNet.ProcurementPortal.Persistence;

namespace CompraNet.ProcurementPortal.Features.Documents;

/// <summary>
/// Versioned documents: adding a version never changes an earlier one (the table refuses UPDATE and DELETE). Each
/// version records its time, responsible official, note and the SHA-256 of its bytes, so a copy can be checked.
/// </summary>
public sealed class DocumentStore(PortalDb db)
{
    /// <summary>Adds a version of the document (creating the document at its first version) inside the caller's transaction.</summary>
    public async Task<DocumentVersion> AddVersionAsync(
        DbConnection connection, DbTransaction transaction, DocumentDraft draft, DateTimeOffset at, string by, CancellationToken cancellationToken)
    {
        const string ensure = """
            INSERT INTO portal_documents (id, owner_type, owner_id, kind, title, public, created_at)
            VALUES (@id, @owner_type, @owner_id, @kind, @title, @public, @at)
            ON CONFLICT (id) DO NOTHING
            """;
        await using (var command = PortalDb.Command(connection, transaction, ensure))
        {
            PortalDb.Add(command, "@id", draft.DocumentId);
            PortalDb.Add(command, "@owner_type", draft.OwnerType);
            PortalDb.Add(command, "@owner_id", draft.OwnerId);
            PortalDb.Add(command, "@kind", draft.Kind);
            PortalDb.Add(command, "@title", draft.Title);
            PortalDb.Add(command, "@public", draft.Public);
            db.AddTime(command, "@at", at);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        int version;
        await using (var next = PortalDb.Command(connection, transaction, "SELECT COALESCE(MAX(version), 0) + 1 FROM portal_document_versions WHERE document_id = @id"))
        {
            PortalDb.Add(next, "@id", draft.DocumentId);
            version = Convert.ToInt32(await next.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(draft.Content));
        const string insert = """
            INSERT INTO portal_document_versions (document_id, version, created_at, created_by, note, file_name, content_type, sha256, content)
            VALUES (@id, @version, @at, @by, @note, @file_name, @content_type, @sha256, @content)
            """;
        await using (var command = PortalDb.Command(connection, transaction, insert))
        {
            PortalDb.Add(command, "@id", draft.DocumentId);
            PortalDb.Add(command, "@version", version);
            db.AddTime(command, "@at", at);
            PortalDb.Add(command, "@by", by);
            PortalDb.Add(command, "@note", draft.Note);
            PortalDb.Add(command, "@file_name", draft.FileName);
            PortalDb.Add(command, "@content_type", draft.ContentType);
            PortalDb.Add(command, "@sha256", sha256);
            PortalDb.Add(command, "@content", draft.Content);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return new DocumentVersion(draft.DocumentId, version, at, by, draft.Note, draft.FileName, draft.ContentType, sha256, draft.Content.Length);
    }

    /// <summary>The documents of a procedure or plan with all their versions; only public ones unless <paramref name="includeInternal"/>.</summary>
    public async Task<IReadOnlyList<PortalDocument>> ListAsync(string ownerType, string ownerId, bool includeInternal, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await ListAsync(connection, null, ownerType, ownerId, includeInternal, cancellationToken);
    }

    /// <summary>As <see cref="ListAsync(string, string, bool, CancellationToken)"/>, in the caller's transaction (sees its own new versions).</summary>
    public async Task<IReadOnlyList<PortalDocument>> ListAsync(
        DbConnection connection, DbTransaction? transaction, string ownerType, string ownerId, bool includeInternal, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT d.id, d.owner_type, d.owner_id, d.kind, d.title, d.public, d.created_at,
                   v.version, v.created_at, v.created_by, v.note, v.file_name, v.content_type, v.sha256, LENGTH(v.content)
            FROM portal_documents d
            JOIN portal_document_versions v ON v.document_id = d.id
            WHERE d.owner_type = @owner_type AND d.owner_id = @owner_id
            ORDER BY d.created_at, d.id, v.version
            """;
        await using var command = PortalDb.Command(connection, transaction, sql);
        PortalDb.Add(command, "@owner_type", ownerType);
        PortalDb.Add(command, "@owner_id", ownerId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var documents = new List<PortalDocument>();
        var versions = new List<DocumentVersion>();
        PortalDocument? current = null;
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetString(0);
            if (current?.Id != id)
            {
                Flush();
                current = new PortalDocument(id, reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                    PortalDb.ReadBool(reader, 5), PortalDb.ReadTime(reader, 6), []);
            }

            versions.Add(new DocumentVersion(id, Convert.ToInt32(reader.GetValue(7), System.Globalization.CultureInfo.InvariantCulture),
                PortalDb.ReadTime(reader, 8), reader.GetString(9), reader.GetString(10), reader.GetString(11), reader.GetString(12),
                reader.GetString(13), Convert.ToInt64(reader.GetValue(14), System.Globalization.CultureInfo.InvariantCulture)));
        }

        Flush();
        return [.. documents.Where(d => includeInternal || d.Public)];

        void Flush()
        {
            if (current is not null)
            {
                documents.Add(current with { Versions = [.. versions] });
                versions.Clear();
            }
        }
    }

    /// <summary>One version's bytes with its record; null when there is no such version.</summary>
    public async Task<(PortalDocument Document, DocumentVersion Version, byte[] Content)?> ReadAsync(string documentId, int version, CancellationToken cancellationToken = default)
    {
        const string sql = """
            SELECT d.owner_type, d.owner_id, d.kind, d.title, d.public, d.created_at,
                   v.created_at, v.created_by, v.note, v.file_name, v.content_type, v.sha256, v.content
            FROM portal_documents d JOIN portal_document_versions v ON v.document_id = d.id
            WHERE d.id = @id AND v.version = @version
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = PortalDb.Command(connection, null, sql);
        PortalDb.Add(command, "@id", documentId);
        PortalDb.Add(command, "@version", version);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var content = (byte[])reader.GetValue(12);
        var record = new DocumentVersion(documentId, version, PortalDb.ReadTime(reader, 6), reader.GetString(7), reader.GetString(8),
            reader.GetString(9), reader.GetString(10), reader.GetString(11), content.Length);
        var document = new PortalDocument(documentId, reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
            PortalDb.ReadBool(reader, 4), PortalDb.ReadTime(reader, 5), [record]);
        return (document, record, content);
    }
}
