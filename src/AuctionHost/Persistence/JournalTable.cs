namespace CompraNet.AuctionHost.Persistence;

/// <summary>
/// What tells one hash-chained journal table from another: its name, its key column, the word its messages use
/// for a key, and how its entry record maps to the shared <see cref="JournalColumns"/>.
/// </summary>
/// <remarks>
/// <see cref="Name"/> and <see cref="KeyColumn"/> are spliced into SQL as identifiers, so they only ever come from
/// the constants in <see cref="JournalTables"/>; values always travel as parameters. The key column's name is also
/// the key parameter's name.
/// </remarks>
internal sealed class JournalTable<TEntry>(
    string name,
    string keyColumn,
    string keyNoun,
    Func<TEntry, string> keyOf,
    Func<TEntry, JournalColumns> columnsOf,
    Func<string, JournalColumns, TEntry> create)
{
    public string Name { get; } = name;

    public string KeyColumn { get; } = keyColumn;

    /// <summary>"auction" or "tender", as error messages name the key.</summary>
    public string KeyNoun { get; } = keyNoun;

    public string KeyOf(TEntry entry) => keyOf(entry);

    public JournalColumns ColumnsOf(TEntry entry) => columnsOf(entry);

    public TEntry Create(string key, JournalColumns columns) => create(key, columns);
}
