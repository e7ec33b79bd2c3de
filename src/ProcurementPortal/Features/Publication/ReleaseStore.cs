using System.Data.Common;
using System.Runtime.CompilerServices;
using CompraNet.ProcurementPortal.Persistence;

namespace CompraNet.ProcurementPortal.Features.Publication;

/// <summary>The releases the portal has published, append-only: the source of the OCDS API and the bulk file.</summary>
public sealed class ReleaseStore(PortalDb db)
{
    public const int MaxPageSize = 500;

    /// <summary>Appends a release inside the caller's transaction (with the change it describes).</summary>
    public async Task AppendAsync(DbConnection connection, DbTransaction transaction, string releaseId, string ocid, DateTimeOffset date, IReadOnlyList<string> tags, string payload, CancellationToken cancellationToken)
    {
        const string sql = "INSERT INTO portal_releases (release_id, ocid, date, tags, payload) VALUES (@id, @ocid, @date, @tags, @payload)";
        await using var command = PortalDb.Command(connection, transaction, sql);
        PortalDb.Add(command, "@id", releaseId);
        PortalDb.Add(command, "@ocid", ocid);
        db.AddTime(command, "@date", date);
        PortalDb.Add(command, "@tags", string.Join(' ', tags));
        PortalDb.Add(command, "@payload", payload);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Releases in publication order from <paramref name="afterSeq"/>, optionally within dates; at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<StoredRelease>> PageAsync(long afterSeq, int limit, DateTimeOffset? since, DateTimeOffset? until, CancellationToken cancellationToken = default)
    {
        const string sql = """
            SELECT seq, release_id, ocid, date, payload FROM portal_releases
            WHERE seq > @after AND (@since IS NULL OR date >= @since) AND (@until IS NULL OR date < @until)
            ORDER BY seq
            LIMIT @limit
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = PortalDb.Command(connection, null, sql);
        PortalDb.Add(command, "@after", afterSeq);
        db.AddTime(command, "@since", since);
        db.AddTime(command, "@until", until);
        PortalDb.Add(command, "@limit", Math.Clamp(limit, 1, MaxPageSize));
        return await ReadAllAsync(command, cancellationToken);
    }

    public async Task<StoredRelease?> FindAsync(string releaseId, CancellationToken cancellationToken = default)
    {
        const string sql = "SELECT seq, release_id, ocid, date, payload FROM portal_releases WHERE release_id = @id";
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = PortalDb.Command(connection, null, sql);
        PortalDb.Add(command, "@id", releaseId);
        return (await ReadAllAsync(command, cancellationToken)).FirstOrDefault();
    }

    public async Task<IReadOnlyList<StoredRelease>> ForOcidAsync(string ocid, CancellationToken cancellationToken = default)
    {
        const string sql = "SELECT seq, release_id, ocid, date, payload FROM portal_releases WHERE ocid = @ocid ORDER BY seq";
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = PortalDb.Command(connection, null, sql);
        PortalDb.Add(command, "@ocid", ocid);
        return await ReadAllAsync(command, cancellationToken);
    }

    /// <summary>
    /// The ocid's releases as links (id, date, tags, in publication order) and the latest one's JSON: a record with
    /// linked releases reads one payload, not all of them.
    /// </summary>
    public async Task<(IReadOnlyList<ReleaseLink> Links, string? Latest)> LinksForOcidAsync(string ocid, CancellationToken cancellationToken = default)
    {
        const string sql = """
            SELECT release_id, date, tags, CASE WHEN seq = (SELECT MAX(seq) FROM portal_releases WHERE ocid = @ocid) THEN payload END
            FROM portal_releases WHERE ocid = @ocid ORDER BY seq
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = PortalDb.Command(connection, null, sql);
        PortalDb.Add(command, "@ocid", ocid);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var links = new List<ReleaseLink>();
        string? latest = null;
        while (await reader.ReadAsync(cancellationToken))
        {
            links.Add(new ReleaseLink(reader.GetString(0), PortalDb.ReadTime(reader, 1), reader.GetString(2).Split(' ', StringSplitOptions.RemoveEmptyEntries)));
            latest = reader.IsDBNull(3) ? latest : reader.GetString(3);
        }

        return (links, latest);
    }

    /// <summary>Every release in publication order, read as it is streamed (the bulk file never sits in memory).</summary>
    public async IAsyncEnumerable<StoredRelease> StreamAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        const string sql = "SELECT seq, release_id, ocid, date, payload FROM portal_releases ORDER BY seq";
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = PortalDb.Command(connection, null, sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return Read(reader);
        }
    }

    private static async Task<IReadOnlyList<StoredRelease>> ReadAllAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var releases = new List<StoredRelease>();
        while (await reader.ReadAsync(cancellationToken))
        {
            releases.Add(Read(reader));
        }

        return releases;
    }

    private static StoredRelease Read(DbDataReader reader) =>
        new(Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture), reader.GetString(1), reader.GetString(2), PortalDb.ReadTime(reader, 3), reader.GetString(4));
}
