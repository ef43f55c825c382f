using Marsad.Errors;

namespace Marsad.Entities;

/// <summary>One sentence of a CoNLL file: tokens and their tag names.</summary>
public sealed record NerSentence(IReadOnlyList<string> Tokens, IReadOnlyList<string> Tags);

/// <summary>Reads CoNLL-style NER files: token, white space, tag per line; a blank line between sentences.</summary>
public static class NerCorpus
{
    public static List<NerSentence> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new MarsadException(ErrorCodes.NotFound, $"file not found: {path}", path);
        }

        var sentences = new List<NerSentence>();
        var tokens = new List<string>();
        var tags = new List<string>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                Flush();
                continue;
            }

            var cut = line.LastIndexOfAny(['\t', ' ']);
            if (cut <= 0)
            {
                throw new MarsadException(ErrorCodes.BadGold, $"line {lineNumber}: expected 'token<TAB>tag'", path);
            }

            var tag = line[(cut + 1)..].Trim();
            if (NerTags.Parse(tag) is null)
            {
                throw new MarsadException(ErrorCodes.BadGold, $"line {lineNumber}: unknown tag '{tag}'", path);
            }

            tokens.Add(line[..cut].Trim());
            tags.Add(tag == "O" ? tag : tag.Replace("PERS", "PER", StringComparison.Ordinal));
        }

        Flush();
        return sentences;

        void Flush()
        {
            if (tokens.Count > 0)
            {
                sentences.Add(new NerSentence([.. tokens], [.. tags]));
                tokens.Clear();
                tags.Clear();
            }
        }
    }
}
