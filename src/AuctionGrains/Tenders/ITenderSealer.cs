namespace CompraNet.AuctionGrains.Tenders;

/// <summary>
/// Seals offers before they leave the tender grain for storage, with a key per tender that the database never holds;
/// the host implements it. The grain unseals only in the opening act, after the deadline.
/// </summary>
public interface ITenderSealer
{
    /// <summary>Encrypts and authenticates <paramref name="plaintext"/>, bound to <paramref name="tenderId"/>.</summary>
    byte[] Seal(string tenderId, ReadOnlySpan<byte> plaintext);

    /// <summary>The plaintext; throws <see cref="System.Security.Cryptography.CryptographicException"/> if the bytes were altered or belong to another tender or key.</summary>
    byte[] Unseal(string tenderId, ReadOnlySpan<byte> sealedBytes);

    /// <summary>
    /// A keyed, per-tender pseudonym of a supplier (stable within one tender, unlinkable across tenders and meaningless
    /// without the key). The journal names an offer's author only by it until the opening, so the grain can rebuild
    /// who holds which live offer after a restart without unsealing anything.
    /// </summary>
    string Pseudonym(string tenderId, string supplierId);
}
