using System.Security.Cryptography;
using System.Text;
using Marsad.Model;
using Marsad.Text;

namespace Marsad.Duplicates;

/// <summary>
/// What near-duplicate detection knows of an article: a hash of its normalised words (exact copies) and a
/// MinHash signature over word 3-shingles (near copies: the same agency story with a new headline,
/// a dropped sentence or another outlet's boilerplate).
/// </summary>
public sealed record ContentFingerprint(string ExactHash, uint[] Signature)
{
    /// <summary>Number of MinHash functions: 64 gives an estimate of Jaccard within about ±0.06.</summary>
    public const int SignatureLength = 64;

    private const int ShingleSize = 3;

    // Longer tokens (URLs glued to text, long Latin runs) are left out of the fingerprint.
    private const int MaxWordLength = 64;
    private const int WordBuffer = MaxWordLength * ArabicNormalizer.MaxExpansion;

    /// <summary>Fingerprints an article's body (the headline is left out: outlets rewrite headlines of the same copy).</summary>
    public static ContentFingerprint Of(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var words = new List<ulong>(512);
        using var exact = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var paragraph in article.Paragraphs)
        {
            AddWords(paragraph, words, exact);
        }

        if (words.Count == 0 && article.Headline is { } headline)
        {
            AddWords(headline, words, exact);
        }

        Span<byte> digest = stackalloc byte[32];
        exact.GetHashAndReset(digest);
        return new ContentFingerprint(Convert.ToHexStringLower(digest[..12]), MinHash(words));
    }

    /// <summary>
    /// The words of a text as the text layer sees them (<see cref="ArabicTokenizer"/>), Search-normalised and
    /// light-stemmed by rule (<see cref="LightStemmer.StripAffixes"/>: blind, but the same on both copies, which is
    /// all a fingerprint needs), hashed for the shingles and fed to the exact hash.
    /// </summary>
    private static void AddWords(string text, List<ulong> words, IncrementalHash exact)
    {
        Span<char> buffer = stackalloc char[WordBuffer];
        Span<byte> bytes = stackalloc byte[WordBuffer * 3];
        var position = 0;
        var span = text.AsSpan();
        while (ArabicTokenizer.TryNext(span, ref position, out var token))
        {
            if (token.Kind is not (TokenKind.ArabicWord or TokenKind.LatinWord or TokenKind.Number) || token.Length > MaxWordLength)
            {
                continue;
            }

            var n = ArabicNormalizer.Normalize(span[token.Start..token.End], buffer, NormalizationProfile.Search);
            n = LightStemmer.StripAffixes(buffer[..n]);
            if (n == 0)
            {
                continue;
            }

            var word = buffer[..n];
            words.Add(Fnv1a(word));
            var count = Encoding.UTF8.GetBytes(word, bytes);
            bytes[count] = (byte)' ';
            exact.AppendData(bytes[..(count + 1)]);
        }
    }

    /// <summary>The estimated Jaccard similarity of the two shingle sets: the share of equal signature slots.</summary>
    public double Similarity(ContentFingerprint other)
    {
        var equal = 0;
        for (var i = 0; i < SignatureLength; i++)
        {
            if (Signature[i] == other.Signature[i])
            {
                equal++;
            }
        }

        return equal / (double)SignatureLength;
    }

    public byte[] SignatureBytes()
    {
        var bytes = new byte[SignatureLength * sizeof(uint)];
        Buffer.BlockCopy(Signature, 0, bytes, 0, bytes.Length);
        return bytes;
    }

    public static uint[] SignatureFromBytes(byte[] bytes)
    {
        var signature = new uint[SignatureLength];
        Buffer.BlockCopy(bytes, 0, signature, 0, Math.Min(bytes.Length, SignatureLength * sizeof(uint)));
        return signature;
    }

    private static uint[] MinHash(List<ulong> wordHashes)
    {
        var signature = new uint[SignatureLength];
        Array.Fill(signature, uint.MaxValue);
        if (wordHashes.Count == 0)
        {
            return signature;
        }

        var shingles = Math.Max(1, wordHashes.Count - ShingleSize + 1);
        for (var s = 0; s < shingles; s++)
        {
            ulong h = 14695981039346656037UL;
            for (var k = s; k < Math.Min(s + ShingleSize, wordHashes.Count); k++)
            {
                h = Mix(h ^ wordHashes[k]);
            }

            // One 64-bit hash, permuted SignatureLength times by multiply-xorshift with fixed odd seeds.
            for (var i = 0; i < SignatureLength; i++)
            {
                var v = (uint)(Mix(h + Seeds[i]) >> 32);
                if (v < signature[i])
                {
                    signature[i] = v;
                }
            }
        }

        return signature;
    }

    private static readonly ulong[] Seeds = BuildSeeds();

    private static ulong[] BuildSeeds()
    {
        var seeds = new ulong[SignatureLength];
        ulong x = 0x9E3779B97F4A7C15UL;
        for (var i = 0; i < seeds.Length; i++)
        {
            x = Mix(x + 0x9E3779B97F4A7C15UL);
            seeds[i] = x | 1;
        }

        return seeds;
    }

    private static ulong Fnv1a(ReadOnlySpan<char> s)
    {
        ulong h = 14695981039346656037UL;
        foreach (var c in s)
        {
            h = (h ^ c) * 1099511628211UL;
        }

        return h;
    }

    // splitmix64's finaliser: a fast, well-mixed 64-bit permutation.
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
