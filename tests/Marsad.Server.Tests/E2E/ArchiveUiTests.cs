using Microsoft.Playwright;

namespace Marsad.Server.Tests.E2E;

/// <summary>The web UI over a real archive in headless Chromium: stories, search, article, entity; hostile text stays inert.</summary>
[Collection("archive")]
public sealed class ArchiveUiTests(ArchiveFixture server, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private async Task<IPage> Open(string hash)
    {
        var page = await browser.Require().NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        await page.GotoAsync(new Uri(server.BaseAddress, "/" + hash).ToString());
        await page.WaitForSelectorAsync("body[data-ready=true]");
        return page;
    }

    private Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(browser.ScreenshotDirectory, name + ".png"), FullPage = true });

    [SkippableFact]
    public async Task StoriesSearchArticleAndEntityPages()
    {
        var page = await Open("#/");
        Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));
        var story = page.Locator(".story").Filter(new LocatorFilterOptions { HasText = "الدوحة" }).First;
        await story.WaitForAsync();
        await Shot(page, "1-stories");

        // Search for an entity of the story by name, as a user would type it.
        await page.FillAsync("#search-input", "البديوي");
        await page.PressAsync("#search-input", "Enter");
        await page.WaitForSelectorAsync(".result");
        Assert.True(await page.Locator(".result").CountAsync() >= 3);
        Assert.True(await page.Locator(".result mark.hit").CountAsync() > 0);
        await Shot(page, "2-search");

        // Open an article: its entities are highlighted by type and link to the entity page.
        await page.Locator(".result h3 a").First.ClickAsync();
        await page.WaitForSelectorAsync(".article-body");
        var person = page.Locator(".article-body a.ent.ent-PER").Filter(new LocatorFilterOptions { HasText = "البديوي" }).First;
        await person.WaitForAsync();
        Assert.True(await page.Locator(".article-body .time").CountAsync() > 0, "dates are marked with their resolved values");
        await Shot(page, "3-article");

        await person.ClickAsync();
        await page.WaitForSelectorAsync("[data-entity-title]");
        Assert.Contains("البديوي", await page.InnerTextAsync("h1"), StringComparison.Ordinal);
        Assert.True(await page.Locator(".chart .bar").CountAsync() > 0);
        await Shot(page, "4-entity");
    }

    [SkippableFact]
    public async Task HostileArticleIsDisplayedWithoutExecutingAnything()
    {
        var dialogs = 0;
        var page = await Open("#/search?q=" + Uri.EscapeDataString("قانون الانتخابات"));
        page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };
        await page.Locator(".result h3 a").First.ClickAsync();
        await page.WaitForSelectorAsync(".article-body");
        await page.WaitForSelectorAsync("body[data-ready=true]");

        var text = await page.InnerTextAsync(".article-body");
        Assert.Contains("البرلمان", text, StringComparison.Ordinal);
        Assert.Equal(0, await page.EvaluateAsync<int>("document.querySelectorAll('main script, main img, main [onerror], main [onclick], main a[href^=\"javascript\"]').length"));
        Assert.Null(await page.EvaluateAsync<string?>("window.__pwned ?? null"));
        Assert.Equal(0, dialogs);
        await Shot(page, "5-hostile-article");
    }
}
