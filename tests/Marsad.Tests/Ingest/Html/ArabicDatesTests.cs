using Marsad.Ingest.Html;

namespace Marsad.Tests.Ingest.Html;

/// <summary>Dates as Arabic pages print them, one test per naming system and digit form.</summary>
public sealed class ArabicDatesTests
{
    [Theory]
    [InlineData("تم نشره الجمعة 24 نيسان / أبريل 2020 09:22 مساءً", 2020, 4, 24, 21)]
    [InlineData("الأربعاء، 07 أكتوبر 2020 - 12:09 م", 2020, 10, 7, 12)]
    [InlineData("2026-01-08 | 12:42", 2026, 1, 8, 12)]
    [InlineData("الأحد، 04 آب/اغسطس 2013، آخر تحديث 02:21 (GMT+0400)", 2013, 8, 4, 2)]
    [InlineData("١٥ كانون الثاني ٢٠٢٤", 2024, 1, 15, 0)]
    [InlineData("نشر في 3 جانفي 2019", 2019, 1, 3, 0)]
    [InlineData("03/06/2020", 2020, 6, 3, 0)]
    public void FindsDates(string text, int year, int month, int day, int hour)
    {
        var date = ArabicDates.Find(text);
        Assert.NotNull(date);
        Assert.Equal(new DateTime(year, month, day, hour, date!.Value.Minute, 0), date.Value.DateTime);
    }

    [Theory]
    [InlineData("قتل 24 شخصاً في الهجوم")]
    [InlineData("31 شباط 2020")]
    [InlineData("")]
    public void RejectsNonDates(string text) => Assert.Null(ArabicDates.Find(text));

    [Fact]
    public void DateLineIsOnlyADate()
    {
        Assert.True(ArabicDates.IsDateLine("الأحد، 04 آب/اغسطس 2013، آخر تحديث 02:21 (GMT+0400)"));
        Assert.False(ArabicDates.IsDateLine("وقال الوزير في 4 آب 2013 إن الحكومة ستعلن خطة جديدة للإنقاذ المالي خلال أسابيع قليلة."));
    }
}
