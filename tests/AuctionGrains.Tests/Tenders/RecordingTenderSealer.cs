using System.Security.Cryptography;
using System.Text;
using CompraNet.AuctionGrains.Tenders;

namespace CompraNet.AuctionGrains.Tests.Tenders;

/// <summary>
/// A stand-in for the host's AES-GCM sealer: it scrambles the plaintext with a keystream of the tender (so nothing
/// readable reaches the journal), refuses bytes that were altered or belong to another tender, and counts the
/// unseals per tender so tests can prove nothing is unsealed before the opening.
/// </summary>
public sealed class RecordingTenderSealer : ITenderSealer
{
    private const int TagLength = 32;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _unseals = new(StringComparer.Ordinal);

    public int UnsealsOf(string tenderId)
    {
        lock (_gate)
        {
            return _unseals.GetValueOrDefault(tenderId);
        }
    }

    public byte[] Seal(string tenderId, ReadOnlySpan<byte> plaintext)
    {
        var sealedBytes = new byte[plaintext.Length + TagLength];
        Scramble(tenderId, plaintext, sealedBytes);
        Tag(tenderId, plaintext).CopyTo(sealedBytes, plaintext.Length);
        return sealedBytes;
    }

    public byte[] Unseal(string tenderId, ReadOnlySpan<byte> sealedBytes)
    {
        lock (_gate)
        {
            _unseals[tenderId] = _unseals.GetValueOrDefault(tenderId) + 1;
        }

        if (sealedBytes.Length < TagLength)
        {
            throw new CryptographicException("Too short to be sealed.");
        }

        var plaintext = new byte[sealedBytes.Length - TagLength];
        Scramble(tenderId, sealedBytes[..plaintext.Length], plaintext);
        if (!Tag(tenderId, plaintext).AsSpan().SequenceEqual(sealedBytes[plaintext.Length..]))
        {
            throw new CryptographicException("The sealed bytes were altered or belong to another tender.");
        }

        return plaintext;
    }

    public string Pseudonym(string tenderId, string supplierId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"pseudonym|{tenderId}|{supplierId}")));

    private static void Scramble(string tenderId, ReadOnlySpan<byte> input, Span<byte> output)
    {
        var keystream = SHA256.HashData(Encoding.UTF8.GetBytes($"keystream|{tenderId}"));
        for (var i = 0; i < input.Length; i++)
        {
            output[i] = (byte)(input[i] ^ keystream[i % keystream.Length] ^ (byte)(i * 31));
        }
    }

    private static byte[] Tag(string tenderId, ReadOnlySpan<byte> plaintext) =>
        SHA256.HashData([.. Encoding.UTF8.GetBytes($"tag|{tenderId}|"), .. plaintext]);
}
