using System.Security.Cryptography;
using System.Text;
using CompraNet.AuctionGrains.Tenders;

namespace CompraNet.AuctionHost.Tenders;

/// <summary>
/// Seals tender offers with AES-256-GCM under a key per tender, derived with HKDF-SHA256 from the master key (which
/// lives outside the database); a fresh random 96-bit nonce per seal and the tender id as associated data, so sealed
/// bytes moved to another tender, or altered, fail to open. Pseudonyms are HMAC-SHA256 under a second derived key.
/// </summary>
/// <remarks>Sealed format: version byte (1) ‖ nonce (12 bytes) ‖ tag (16 bytes) ‖ ciphertext.</remarks>
public sealed class AesGcmTenderSealer : ITenderSealer
{
    public const byte FormatVersion = 1;

    private const int KeySize = 32;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int HeaderSize = 1 + NonceSize + TagSize;

    private static readonly byte[] Salt = "CompraNet sealed tenders v1"u8.ToArray();

    private readonly byte[] _masterKey;

    public AesGcmTenderSealer(byte[] masterKey)
    {
        ArgumentNullException.ThrowIfNull(masterKey);
        if (masterKey.Length < TenderKeyProvider.MinimumKeyBytes)
        {
            throw new ArgumentException($"The master key needs at least {TenderKeyProvider.MinimumKeyBytes} bytes.", nameof(masterKey));
        }

        _masterKey = [.. masterKey];
    }

    public byte[] Seal(string tenderId, ReadOnlySpan<byte> plaintext)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenderId);
        var sealedBytes = new byte[HeaderSize + plaintext.Length];
        sealedBytes[0] = FormatVersion;
        var nonce = sealedBytes.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        var key = DeriveOfferKey(tenderId);
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(HeaderSize), sealedBytes.AsSpan(1 + NonceSize, TagSize), Encoding.UTF8.GetBytes(tenderId));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }

        return sealedBytes;
    }

    public byte[] Unseal(string tenderId, ReadOnlySpan<byte> sealedBytes)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenderId);
        if (sealedBytes.Length < HeaderSize || sealedBytes[0] != FormatVersion)
        {
            throw new CryptographicException("These bytes are not a sealed offer of a known format.");
        }

        var plaintext = new byte[sealedBytes.Length - HeaderSize];
        var key = DeriveOfferKey(tenderId);
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(sealedBytes.Slice(1, NonceSize), sealedBytes[HeaderSize..], sealedBytes.Slice(1 + NonceSize, TagSize), plaintext, Encoding.UTF8.GetBytes(tenderId));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }

        return plaintext;
    }

    public string Pseudonym(string tenderId, string supplierId)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenderId);
        ArgumentException.ThrowIfNullOrEmpty(supplierId);
        var key = Derive(tenderId, "pseudonym");
        try
        {
            return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(supplierId)));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>The tender's AES key (visible to tests, which check that tenders get different keys).</summary>
    internal byte[] DeriveOfferKey(string tenderId) => Derive(tenderId, "offer");

    private byte[] Derive(string tenderId, string purpose) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, _masterKey, KeySize, Salt, Encoding.UTF8.GetBytes($"compranet/tender/{purpose}/{tenderId}"));
}
