using CompraNet.AuctionGrains.Auctions;

namespace CompraNet.AuctionHost.Auctions;

/// <summary>
/// The published history of an auction (PROTOCOL.md): every durable entry, hash-chained, and the result once
/// closed. <see cref="ChainVerified"/> is the server's own check; anyone can redo it from the entries.
/// </summary>
public sealed record AuctionTranscript(
    string AuctionId,
    AuctionStatus Status,
    IReadOnlyList<TranscriptEntry> Entries,
    TranscriptResult? Result,
    bool ChainVerified);
