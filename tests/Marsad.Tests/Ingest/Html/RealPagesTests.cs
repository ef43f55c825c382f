using Marsad.Ingest.Evaluation;
using Marsad.Testing;

namespace Marsad.Tests.Ingest.Html;

/// <summary>The real Arabic news pages in ../shared/data/html-pages: body-token F1 and publication dates against their gold.</summary>
public sealed class RealPagesTests
{
    [SkippableFact]
    public void EveryPageWithGoldTextReachesTheF1GoalAndEveryGoldDateIsRight()
    {
        var pages = GoldPageLoader.Load(SharedData.Require("data/html-pages"));
        var report = ExtractionEvaluator.Evaluate(pages);

        Assert.Contains(report.Pages, p => p.GoldText != GoldTextKind.None);
        foreach (var page in report.Pages)
        {
            Assert.Null(page.Marsad.Error);
            if (page.Marsad.Text is { } text)
            {
                Assert.True(text.F1 >= ExtractionEvaluator.F1Goal, $"{page.Page}: F1 {text.F1:0.000}");
            }

            Assert.NotEqual(false, page.Marsad.DateRight);
            Assert.Equal(page.Marsad.SnippetsTotal, page.Marsad.SnippetsPassed);
        }

        // Marsad must beat SmartReader alone where SmartReader falls short.
        Assert.True(report.Marsad.MeanF1 > report.SmartReader.MeanF1);
    }
}
