using System.Text;
using CsCheck;
using Marsad.Errors;
using Marsad.Ingest;

namespace Marsad.Tests.Ingest.Html;

/// <summary>
/// Random bytes and random tag soup (Arabic text, unclosed tags, deep nesting, broken entities and
/// JSON-LD) fed to every reader: each outcome is an article or a <see cref="MarsadException"/>, no
/// other exception escapes, and no input takes long (each case runs under a timeout).
/// </summary>
public sealed class ReaderRobustnessTests
{
    private static readonly TimeSpan PerCase = TimeSpan.FromSeconds(20);

    private static readonly InputFormat[] Formats = Enum.GetValues<InputFormat>();

    private static readonly string[] Words =
    [
        "قال", "الرئيس", "إن", "الحكومة", "ستعلن", "خطة", "اقرأ أيضاً", "شارك", "التعليقات", "2024-05-11", "١٢ أيار ٢٠٢٤", "بيروت", "،", ".", "؟", "&amp;", "&#x627;", "&bogus;", "\u200F", "ـ",
    ];

    private static readonly string[] Tags = ["div", "p", "span", "a", "article", "nav", "aside", "figure", "figcaption", "table", "td", "li", "ul", "script", "style", "time", "h1", "br", "iframe", "header"];

    private static readonly string[] Attributes =
    [
        "", " class=\"share-bar\"", " class=\"related\"", " id=\"comments\"", " class=\"d-none\"", " style=\"display:none\"", " datetime=\"2020-01-01\"", " class=\"article-body\"", " href=\"/x\"", " hidden",
    ];

    private static readonly Gen<string> TagSoup =
        Gen.OneOf(
            Pick(Words),
            Gen.Select(Pick(Tags), Pick(Attributes), (t, a) => $"<{t}{a}>"),
            Pick(Tags).Select(t => $"</{t}>"),
            Gen.Const("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"عنوان\",\"datePublished\":\"2020-13-45\"</script>"),
            Gen.Const("<meta property=\"article:published_time\" content=\"الأربعاء، 07 أكتوبر 2020 - 12:09 م\">"),
            Gen.Const("<!-- "), Gen.Const("<![CDATA["), Gen.Const("<"), Gen.Const(">"), Gen.Const("\""), Gen.Const("\n\n"))
        .Array[0, 400]
        .Select(parts => string.Join(' ', parts));

    /// <summary>Deep nesting of one tag, unclosed, with text inside.</summary>
    private static readonly Gen<string> DeepSoup =
        Gen.Select(Pick(Tags), Gen.Int[1, 3000], (tag, depth) => "<html><body>" + string.Concat(Enumerable.Repeat($"<{tag}>", depth)) + "قال الرئيس إن الحكومة ستعلن خطة جديدة.");

    private static Gen<string> Pick(string[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    [Fact]
    public void RandomBytesNeverThrow() =>
        Gen.Byte.Array[0, 4096].Sample(bytes => AllReadersCope(bytes), iter: 150);

    [Fact]
    public void RandomTagSoupNeverThrows() =>
        TagSoup.Sample(html => AllReadersCope(Encoding.UTF8.GetBytes("<html><body>" + html)), iter: 150);

    [Fact]
    public void RandomTagSoupInWindows1256NeverThrows()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var windows1256 = Encoding.GetEncoding(1256);
        TagSoup.Sample(html => AllReadersCope(windows1256.GetBytes("<meta charset=\"windows-1256\">" + html)), iter: 60);
    }

    [Fact]
    public void DeepNestingNeverThrows() =>
        DeepSoup.Sample(html => AllReadersCope(Encoding.UTF8.GetBytes(html)), iter: 30);

    private static bool AllReadersCope(byte[] bytes)
    {
        foreach (var format in Formats)
        {
            var task = Task.Run(() =>
            {
                foreach (var outcome in ArticleReaders.ReadBytes("random", bytes, new ReadOptions { Format = format }))
                {
                    // Exactly one of the two: an article, or a documented error with a stable code.
                    Assert.True((outcome.Article is null) != (outcome.Error is null));
                    if (outcome.Error is { } error)
                    {
                        Assert.StartsWith("MRS", error.Code, StringComparison.Ordinal);
                    }
                }
            });
            Assert.True(task.Wait(PerCase), $"reading {bytes.Length} bytes as {format} took over {PerCase.TotalSeconds} s");
        }

        return true;
    }
}
