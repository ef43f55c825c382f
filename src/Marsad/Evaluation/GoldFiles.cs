using System.Text.Json;
using Marsad.Errors;

namespace Marsad.Evaluation;

/// <summary>Reads the JSON Lines gold and corpus files every eval command takes, with one error convention.</summary>
public static class GoldFiles
{
    /// <summary>
    /// Parses each non-blank line with <paramref name="parse"/> (given the line and its 1-based number).
    /// A missing file is <see cref="ErrorCodes.NotFound"/>; a line that does not parse is
    /// <see cref="ErrorCodes.BadGold"/> naming "path#line".
    /// </summary>
    public static List<T> ReadJsonLines<T>(string path, Func<string, int, T> parse)
    {
        if (!File.Exists(path))
        {
            throw new MarsadException(ErrorCodes.NotFound, "no such file", path);
        }

        var records = new List<T>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                records.Add(parse(line, lineNumber));
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new MarsadException(ErrorCodes.BadGold, $"malformed record: {e.Message}", $"{path}#{lineNumber}", e);
            }
        }

        return records;
    }
}
