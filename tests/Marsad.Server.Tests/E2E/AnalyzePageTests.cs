using Microsoft.Playwright;

namespace Marsad.Server.Tests.E2E;

/// <summary>The paste-and-analyse page in a real browser: RTL, the bundled font, and untrusted text kept inert.</summary>
[Collection("browser")]
public sealed class AnalyzePageTests(ServerFixture server, BrowserFixture browser) : IClassFixture<ServerFixture>, IClassFixture<BrowserFixture>
{
    [SkippableFact]
    public async Task PageIsRightToLeftAndRendersArabicInTheBundledFont()
    {
        var page = await browser.Require().NewPageAsync();
        await OpenAsync(page);

        Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));
        Assert.Equal("rtl", await page.EvaluateAsync<string>("getComputedStyle(document.body).direction"));
        await page.EvaluateAsync("document.fonts.ready");
        var loaded = await page.EvaluateAsync<bool>(
            "[...document.fonts].some(f => f.family.replace(/\"/g, '') === 'Noto Naskh Arabic' && f.status === 'loaded')");
        Assert.True(loaded, "the bundled Noto Naskh Arabic web font was not loaded (run: cd src/Marsad.Server/web && npm ci && npm run build)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(browser.ScreenshotDirectory, "analyze-empty.png"), FullPage = true });
    }

    [SkippableFact]
    public async Task PastedPageWithScriptsIsShownAsTextAndNothingRuns()
    {
        var page = await browser.Require().NewPageAsync();
        var dialogs = 0;
        page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };
        await OpenAsync(page);

        const string hostile = "دولي\n\nعنوان <img src=x onerror=\"window.__pwned=1;alert(1)\">\n\nقال الوزير <script>window.__pwned=2;alert(2)</script> إن الخطة <a href=\"javascript:alert(3)\">جاهزة</a>.";
        await SubmitAsync(page, hostile);

        var text = await page.InnerTextAsync("#analyze-result");
        Assert.Contains("<script>", text, StringComparison.Ordinal);
        Assert.Equal(0, await page.EvaluateAsync<int>("document.querySelectorAll('#analyze-result script, #analyze-result img, #analyze-result a[href^=\"javascript\"]').length"));
        Assert.Null(await page.EvaluateAsync<int?>("window.__pwned ?? null"));
        Assert.Equal(0, dialogs);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(browser.ScreenshotDirectory, "analyze-hostile.png"), FullPage = true });
    }

    [SkippableFact]
    public async Task RejectedRecordsOfAPastedBatchAreNamed()
    {
        var page = await browser.Require().NewPageAsync();
        await OpenAsync(page);

        const string batch = "{\"id\":\"b1\",\"title\":\"خبر أول\",\"text\":\"قال الوزير إن الخطة جاهزة.\"}\n{\"title\": \"مقطوع\n";
        await SubmitAsync(page, batch);

        Assert.Contains("request#2 MRS106", await page.InnerTextAsync("#analyze-rejected"), StringComparison.Ordinal);
        Assert.Equal(1, await page.EvaluateAsync<int>("document.querySelectorAll('#analyze-result article').length"));
    }

    [SkippableFact]
    public async Task ARecordWhoseDateIsNotUnderstoodIsNamedAboveTheResults()
    {
        var page = await browser.Require().NewPageAsync();
        await OpenAsync(page);

        const string batch = "{\"id\":\"w1\",\"title\":\"خبر أول\",\"text\":\"قال الوزير إن الخطة جاهزة.\",\"date\":\"منذ ساعتين\"}\n";
        await SubmitAsync(page, batch);

        var warning = await page.InnerTextAsync("#analyze-warnings");
        Assert.Contains("request#1 MRS111", warning, StringComparison.Ordinal);
        Assert.Contains("'منذ ساعتين'", warning, StringComparison.Ordinal);
    }

    private async Task OpenAsync(IPage page)
    {
        await page.GotoAsync(new Uri(server.BaseAddress, "/#/analyze").ToString());
        await page.WaitForSelectorAsync("#analyze-input");
    }

    /// <summary>Pastes the text, submits it and waits for the first analysed article.</summary>
    private static async Task SubmitAsync(IPage page, string text)
    {
        await page.FillAsync("#analyze-input", text);
        await page.ClickAsync("#analyze-form button[type=submit]");
        await page.WaitForSelectorAsync("#analyze-result article");
    }
}
