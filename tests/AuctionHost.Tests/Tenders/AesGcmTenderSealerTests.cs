using System.Security.Cryptography;
using System.Text;
using CompraNet.AuctionHost.Tenders;

namespace CompraNet.AuctionHost.Tests.Tenders;

public sealed class AesGcmTenderSealerTests
{
    private const string TenderId = "LP-2031-000017~lot-2";

    private static readonly byte[] MasterKey = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] Plaintext = Encoding.UTF8.GetBytes("""{"supplierId":"acme","total":987654.32}""");

    [Fact]
    public void Unseal_WhatWasSealed_ReturnsThePlaintext()
    {
        var sealer = new AesGcmTenderSealer(MasterKey);

        var sealedBytes = sealer.Seal(TenderId, Plaintext);
        var opened = new AesGcmTenderSealer(MasterKey).Unseal(TenderId, sealedBytes);

        Assert.Equal(Plaintext, opened);
        Assert.Equal(AesGcmTenderSealer.FormatVersion, sealedBytes[0]);
        Assert.Equal(1 + 12 + 16 + Plaintext.Length, sealedBytes.Length);
        Assert.True(sealedBytes.AsSpan().IndexOf("987654.32"u8) < 0);
    }

    [Fact]
    public void Seal_SamePlaintextTwice_UsesAFreshNonceEachTime()
    {
        var sealer = new AesGcmTenderSealer(MasterKey);

        var first = sealer.Seal(TenderId, Plaintext);
        var second = sealer.Seal(TenderId, Plaintext);

        Assert.NotEqual(first[1..13], second[1..13]);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Unseal_UnderAnotherTenderId_Throws()
    {
        var sealer = new AesGcmTenderSealer(MasterKey);
        var sealedBytes = sealer.Seal(TenderId, Plaintext);

        Assert.ThrowsAny<CryptographicException>(() => sealer.Unseal("LP-2031-000017~lot-3", sealedBytes));
    }

    [Fact]
    public void Unseal_WithAnotherMasterKey_Throws()
    {
        var sealedBytes = new AesGcmTenderSealer(MasterKey).Seal(TenderId, Plaintext);

        Assert.ThrowsAny<CryptographicException>(() => new AesGcmTenderSealer(RandomNumberGenerator.GetBytes(32)).Unseal(TenderId, sealedBytes));
    }

    [Theory]
    [InlineData(0)] // version
    [InlineData(1)] // nonce
    [InlineData(13)] // tag
    [InlineData(29)] // ciphertext
    [InlineData(-1)] // last ciphertext byte
    public void Unseal_AnyByteFlipped_Throws(int index)
    {
        var sealer = new AesGcmTenderSealer(MasterKey);
        var sealedBytes = sealer.Seal(TenderId, Plaintext);
        sealedBytes[index < 0 ? sealedBytes.Length + index : index] ^= 0x01;

        Assert.ThrowsAny<CryptographicException>(() => sealer.Unseal(TenderId, sealedBytes));
    }

    [Fact]
    public void Unseal_TruncatedBytes_Throws()
    {
        var sealer = new AesGcmTenderSealer(MasterKey);
        var sealedBytes = sealer.Seal(TenderId, Plaintext);

        Assert.ThrowsAny<CryptographicException>(() => sealer.Unseal(TenderId, sealedBytes[..^1]));
        Assert.ThrowsAny<CryptographicException>(() => sealer.Unseal(TenderId, sealedBytes[..20]));
    }

    [Fact]
    public void DeriveOfferKey_DifferentTenders_GetDifferentKeysThatCannotOpenEachOthersOffers()
    {
        var sealer = new AesGcmTenderSealer(MasterKey);
        const string Other = "LP-2031-000018";
        var sealedForOther = sealer.Seal(Other, Plaintext);

        var key = sealer.DeriveOfferKey(TenderId);
        var otherKey = sealer.DeriveOfferKey(Other);

        Assert.NotEqual(key, otherKey);
        Assert.Equal(key, new AesGcmTenderSealer(MasterKey).DeriveOfferKey(TenderId));
        Assert.NotEqual(key, new AesGcmTenderSealer(RandomNumberGenerator.GetBytes(32)).DeriveOfferKey(TenderId));
        // This tender's key with the other tender's id as associated data: only the key differs, and it fails.
        using var aes = new AesGcm(key, 16);
        var output = new byte[Plaintext.Length];
        Assert.ThrowsAny<CryptographicException>(() => aes.Decrypt(sealedForOther.AsSpan(1, 12), sealedForOther.AsSpan(29), sealedForOther.AsSpan(13, 16), output, Encoding.UTF8.GetBytes(Other)));
        using var right = new AesGcm(otherKey, 16);
        right.Decrypt(sealedForOther.AsSpan(1, 12), sealedForOther.AsSpan(29), sealedForOther.AsSpan(13, 16), output, Encoding.UTF8.GetBytes(Other));
        Assert.Equal(Plaintext, output);
    }

    [Fact]
    public void Pseudonym_StableWithinATenderUnlinkableAcrossTendersAndKeys()
    {
        var sealer = new AesGcmTenderSealer(MasterKey);

        var pseudonym = sealer.Pseudonym(TenderId, "acme");

        Assert.Equal(pseudonym, new AesGcmTenderSealer(MasterKey).Pseudonym(TenderId, "acme"));
        Assert.NotEqual(pseudonym, sealer.Pseudonym(TenderId, "bravo"));
        Assert.NotEqual(pseudonym, sealer.Pseudonym("LP-2031-000018", "acme"));
        Assert.NotEqual(pseudonym, new AesGcmTenderSealer(RandomNumberGenerator.GetBytes(32)).Pseudonym(TenderId, "acme"));
        Assert.Matches("^[0-9a-f]{64}$", pseudonym);
        Assert.DoesNotContain("acme", pseudonym, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_MasterKeyShorterThan32Bytes_Throws()
    {
        Assert.Throws<ArgumentException>(() => new AesGcmTenderSealer(new byte[31]));
    }
}
