using Marsad.Errors;

namespace Marsad.Ingest;

/// <summary>
/// The one-call entry to reading: a path (or stdin, or bytes) in, articles and per-record errors out.
/// Checks existence and size, decodes, sniffs the format when asked for auto, and dispatches to the
/// reader of that format. Never throws for bad input.
/// </summary>
public static class ArticleReaders
{
    private static readonly IArticleReader[] Readers =
    [
        new TextPageReader(),
        new HtmlPageReader(),
        new JsonLinesReader(),
        new FeedReader(),
    ];

    public static IArticleReader For(InputFormat format) =>
        Readers.FirstOrDefault(r => r.Format == format)
        ?? throw new MarsadException(ErrorCodes.BadArgument, $"no reader for format '{format}'");

    /// <summary>Reads a file ("-" reads standard input).</summary>
    public static IEnumerable<ReadOutcome> ReadPath(string path, ReadOptions options)
    {
        byte[] bytes;
        try
        {
            bytes = path == "-" ? ReadStdin() : ReadFile(path);
        }
        catch (MarsadException e)
        {
            return [ReadOutcome.Fail(e)];
        }

        return ReadBytes(path, bytes, options);
    }

    /// <summary>Reads bytes already in memory (the API's POST body, a test fixture).</summary>
    public static IEnumerable<ReadOutcome> ReadBytes(string name, byte[] bytes, ReadOptions options)
    {
        string text;
        try
        {
            if (bytes.LongLength > InputSource.MaxBytes)
            {
                throw TooLarge(name, bytes.LongLength);
            }

            (text, _) = InputDecoder.Decode(name, bytes);
            if (string.IsNullOrWhiteSpace(text))
            {
                throw new MarsadException(ErrorCodes.Empty, "the input holds only white space", name);
            }
        }
        catch (MarsadException e)
        {
            return [ReadOutcome.Fail(e)];
        }

        return ReadText(name, text, options);
    }

    /// <summary>Reads decoded text.</summary>
    public static IEnumerable<ReadOutcome> ReadText(string name, string text, ReadOptions options)
    {
        var format = options.Format == InputFormat.Auto ? FormatSniffer.Sniff(text, name) : options.Format;
        return Guard(name, For(format).Read(name, text, options));
    }

    /// <summary>Turns an unexpected exception inside a reader into an error for that input, so one bad page never stops a batch.</summary>
    private static IEnumerable<ReadOutcome> Guard(string name, IEnumerable<ReadOutcome> outcomes)
    {
        using var e = outcomes.GetEnumerator();
        while (true)
        {
            ReadOutcome? failure = null;
            try
            {
                if (!e.MoveNext())
                {
                    yield break;
                }
            }
            catch (MarsadException ex)
            {
                failure = ReadOutcome.Fail(ex);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                failure = ReadOutcome.Fail(new MarsadException(ErrorCodes.BadFormat, $"the input could not be read: {ex.Message}", name, ex));
            }

            if (failure is { } f)
            {
                yield return f;
                yield break;
            }

            yield return e.Current;
        }
    }

    private static byte[] ReadFile(string path)
    {
        FileInfo info;
        try
        {
            info = new FileInfo(path);
            if (Directory.Exists(path))
            {
                // Ingest hands over a folder it could not list; listing it here gives the reason (permission denied).
                _ = Directory.GetFileSystemEntries(path);
                throw new MarsadException(ErrorCodes.BadArgument, "is a directory, not a file (ingest reads folders)", path);
            }

            if (!info.Exists)
            {
                throw new MarsadException(ErrorCodes.NotFound, "no such file", path);
            }

            if (info.Length > InputSource.MaxBytes)
            {
                throw TooLarge(path, info.Length);
            }

            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            // A dangling symbolic link, or a file removed after the folder was listed.
            throw new MarsadException(ErrorCodes.NotFound, "no such file", path, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new MarsadException(ErrorCodes.Unreadable, e.Message, path, e);
        }
    }

    private static byte[] ReadStdin()
    {
        using var stdin = Console.OpenStandardInput();
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stdin.Read(chunk)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > InputSource.MaxBytes)
            {
                throw TooLarge("-", buffer.Length);
            }
        }

        return buffer.ToArray();
    }

    private static MarsadException TooLarge(string name, long length) =>
        new(ErrorCodes.TooLarge, $"the input is {length / (1024 * 1024)} MB; the limit is {InputSource.MaxBytes / (1024 * 1024)} MB", name);
}
