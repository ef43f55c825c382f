using System.Text;
using Marsad.Errors;
using Marsad.Ingest;

namespace Marsad.Tests.Ingest;

public sealed class InputDecoderTests
{
    private const string Arabic = "أعلنت الحكومة اليوم عن خطة جديدة لدعم الاقتصاد الوطني";

    static InputDecoderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void Utf8WithAndWithoutBom()
    {
        Assert.Equal(Arabic, InputDecoder.Decode("a", Encoding.UTF8.GetBytes(Arabic)).Text);
        Assert.Equal(Arabic, InputDecoder.Decode("a", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Arabic)]).Text);
    }

    [Fact]
    public void Utf16WithBomAndWithout()
    {
        Assert.Equal(Arabic, InputDecoder.Decode("a", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Arabic)]).Text);
        Assert.Equal(Arabic, InputDecoder.Decode("a", [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Arabic)]).Text);
        Assert.Equal(Arabic, InputDecoder.Decode("a", Encoding.Unicode.GetBytes(Arabic)).Text);
    }

    [Fact]
    public void Windows1256UndeclaredIsDetected()
    {
        var (text, encoding) = InputDecoder.Decode("a", Encoding.GetEncoding(1256).GetBytes(Arabic));
        Assert.Equal(Arabic, text);
        Assert.Equal("windows-1256", encoding);
    }

    [Fact]
    public void Iso88596DeclaredInXmlPrologIsUsed()
    {
        var xml = $"<?xml version=\"1.0\" encoding=\"ISO-8859-6\"?><rss><channel><title>{Arabic}</title></channel></rss>";
        var (text, _) = InputDecoder.Decode("a", Encoding.GetEncoding("iso-8859-6").GetBytes(xml));
        Assert.Contains(Arabic, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Windows1256DeclaredInMetaTagIsUsed()
    {
        var html = $"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1256\"></head><body><p>{Arabic}</p></body></html>";
        var (text, encoding) = InputDecoder.Decode("a", Encoding.GetEncoding(1256).GetBytes(html));
        Assert.Contains(Arabic, text, StringComparison.Ordinal);
        Assert.Equal("windows-1256", encoding);
    }

    [Fact]
    public void PngIsBinary()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
        Assert.Equal(ErrorCodes.Binary, Assert.Throws<MarsadException>(() => InputDecoder.Decode("x.png", png)).Code);
    }

    [Fact]
    public void EmptyIsEmpty() =>
        Assert.Equal(ErrorCodes.Empty, Assert.Throws<MarsadException>(() => InputDecoder.Decode("e", [])).Code);

    [Fact]
    public void RandomHighBytesAreUndecodable()
    {
        // Bytes that are not UTF-8 and decode to mostly non-Arabic characters in both Arabic code pages.
        var bytes = Enumerable.Range(0, 400).Select(i => (byte)(0x80 + (i * 7 % 0x40))).ToArray();
        Assert.Equal(ErrorCodes.Undecodable, Assert.Throws<MarsadException>(() => InputDecoder.Decode("junk", bytes)).Code);
    }

    [Fact]
    public void FormatSnifferLooksAtContentNotExtension()
    {
        Assert.Equal(InputFormat.Rss, FormatSniffer.Sniff("<?xml version=\"1.0\"?><rss version=\"2.0\"></rss>", "feed.txt"));
        Assert.Equal(InputFormat.Rss, FormatSniffer.Sniff("<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>", "x.html"));
        Assert.Equal(InputFormat.Html, FormatSniffer.Sniff("<!DOCTYPE html><html><body></body></html>", "page.txt"));
        Assert.Equal(InputFormat.Jsonl, FormatSniffer.Sniff("{\"title\": \"x\"}\n", "data.txt"));
        Assert.Equal(InputFormat.Text, FormatSniffer.Sniff("دولي\n\nعنوان", "page.html"));
    }
}
