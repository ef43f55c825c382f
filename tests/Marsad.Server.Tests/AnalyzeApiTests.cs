using System.Net;
using System.Text;
using System.Text.Json;
using Marsad.Errors;

namespace Marsad.Server.Tests;

public sealed class AnalyzeApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task HealthIsOk()
    {
        using var response = await server.Client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("ok", json.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task AnalyzeReturnsTheContractWithArabicReadable()
    {
        using var response = await PostAsync("/api/analyze?date=2023-09-04", "دولي\n\nعنوان الخبر\n\nقال الوزير إن الخطة جاهزة.");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("عنوان الخبر", body, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(body);
        var doc = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal("دولي", doc.GetProperty("article").GetProperty("section").GetString());
        Assert.Equal("2023-09-04", doc.GetProperty("anchor").GetString());
    }

    [Fact]
    public async Task AnalyzeEscapesMarkupInJson()
    {
        using var response = await PostAsync("/api/analyze?format=text", "نص <script>alert(1)</script> هنا.");
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>", body, StringComparison.Ordinal);
        Assert.Contains("\\u003Cscript\\u003E", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/analyze?format=pdf")]
    [InlineData("/api/analyze?date=yesterday")]
    public async Task BadParametersAre400WithCode(string url)
    {
        using var response = await PostAsync(url, "نص.");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(ErrorCodes.BadArgument, json.RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task BinaryBodyIs400WithBinaryCode()
    {
        using var content = new ByteArrayContent([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]);
        using var response = await server.Client.PostAsync("/api/analyze", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(ErrorCodes.Binary, json.RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task OversizedBodyIs413WithCode()
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(new string('ا', (int)server.Options.MaxRequestBytes)));
        using var response = await server.Client.PostAsync("/api/analyze", content);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(ErrorCodes.RequestTooLarge, json.RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task OneBadRecordDoesNotCostTheOthersOfABatch()
    {
        var lines = "{\"id\":\"g1\",\"title\":\"خبر أول\",\"text\":\"قال الوزير إن الخطة جاهزة.\"}\n{\"title\": \"مقطوع\n{\"id\":\"g3\",\"title\":\"خبر ثالث\",\"text\":\"أعلنت الحكومة خطة جديدة.\"}\n";
        using var response = await PostAsync("/api/analyze?format=jsonl", lines);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["g1", "g3"], await ArticleIdsAsync(response));
        Assert.Equal($"request#2 {ErrorCodes.MalformedRecord}", response.Headers.GetValues("Marsad-Rejected").Single());
    }

    [Fact]
    public async Task ARecordWhoseDateIsNotUnderstoodIsAnalysedAndNamedInAWarningHeader()
    {
        var lines = "{\"id\":\"d1\",\"title\":\"خبر أول\",\"text\":\"قال الوزير إن الخطة جاهزة.\",\"date\":\"2023-09-28\"}\n{\"id\":\"d2\",\"title\":\"خبر ثان\",\"text\":\"أعلنت الحكومة خطة.\",\"date\":\"yesterday\"}\n";
        using var response = await PostAsync("/api/analyze?format=jsonl", lines);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["d1", "d2"], await ArticleIdsAsync(response));
        var warning = response.Headers.GetValues("Marsad-Warnings").Single();
        Assert.StartsWith($"request#2 {ErrorCodes.FieldNotUnderstood} ", warning, StringComparison.Ordinal);
        Assert.Contains("'yesterday'", warning, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Marsad-Rejected"));
    }

    [Fact]
    public async Task ABatchWhereEveryRecordFailsIs400NamingTheRecord()
    {
        using var response = await PostAsync("/api/analyze?format=jsonl", "not json\n");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(ErrorCodes.MalformedRecord, json.RootElement.GetProperty("code").GetString());
        Assert.Equal("request#1", json.RootElement.GetProperty("input").GetString());
    }

    [Theory]
    [InlineData("GET", "/api/no-such-endpoint", HttpStatusCode.NotFound)]
    [InlineData("GET", "/api/analyze", HttpStatusCode.MethodNotAllowed)]
    public async Task ErrorsOutsideTheEndpointsStillHaveAProblemBody(string method, string url, HttpStatusCode expected)
    {
        using var response = await server.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)expected, json.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(ErrorCodes.BadArgument, json.RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task ALargeBatchOfBadRecordsKeepsItsHeaderShortAndCountsThemAll()
    {
        // 2,000 rejected lines would make a header of about 44 KB; clients refuse long header lines and would lose the good record.
        var lines = "{\"id\":\"ok\",\"title\":\"خبر\",\"text\":\"قال الوزير إن الخطة جاهزة.\"}\n" + string.Concat(Enumerable.Repeat("{}\n", 2000));
        using var response = await PostAsync("/api/analyze?format=jsonl", lines);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rejected = response.Headers.GetValues("Marsad-Rejected").Single();
        Assert.True(rejected.Length <= 2048, $"header of {rejected.Length} characters");
        Assert.StartsWith($"request#2 {ErrorCodes.MalformedRecord}, request#3 ", rejected, StringComparison.Ordinal);
        Assert.EndsWith(", ... and 1950 more", rejected, StringComparison.Ordinal);
        Assert.Equal("2000", response.Headers.GetValues("Marsad-Rejected-Count").Single());
        Assert.Equal(["ok"], await ArticleIdsAsync(response));
    }

    [Fact]
    public async Task OpenApiDocumentListsTheEndpoints()
    {
        var body = await server.Client.GetStringAsync("/openapi/v1.json");
        using var json = JsonDocument.Parse(body);
        var paths = json.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/analyze", out _));
        Assert.True(paths.TryGetProperty("/health", out _));
    }

    [Fact]
    public async Task PagesCarryAContentSecurityPolicy()
    {
        using var response = await server.Client.GetAsync("/health");
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    /// <summary>POSTs the text as a plain-text body (what a script or the web UI sends).</summary>
    private async Task<HttpResponseMessage> PostAsync(string url, string text)
    {
        using var content = new StringContent(text, Encoding.UTF8, "text/plain");
        return await server.Client.PostAsync(url, content);
    }

    /// <summary>The ids of the analysed articles in a response, in order.</summary>
    private static async Task<IEnumerable<string?>> ArticleIdsAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.EnumerateArray().Select(d => d.GetProperty("article").GetProperty("id").GetString()).ToList();
    }
}
