using Marsad.Time;

namespace Marsad.Tests.Time;

/// <summary>Malformed dates never throw: they are found and stay unresolved. Random input never throws.</summary>
public sealed class MalformedTimeTests
{
    private static readonly TimeRecognizer Recognizer = new();

    [Theory]
    [InlineData("عقد الاجتماع في 32 أيلول، وهو تاريخ غير موجود.", "32 أيلول")]
    [InlineData("أظهر النظام تاريخا خاطئا هو 2023-13-45 بسبب خلل.", "2023-13-45")]
    [InlineData("ادعى البيان أن العقد وقع في 30 شباط 2021.", "30 شباط 2021")]
    [InlineData("وسجل الملف تاريخ 45/19/2022 خطأ.", "45/19/2022")]
    [InlineData("وتنتهي المهلة في 30 شباط.", "30 شباط")]
    public void MalformedDatesStayUnresolved(string text, string surface)
    {
        foreach (var anchor in new DateOnly?[] { new DateOnly(2023, 9, 4), null })
        {
            var found = Recognizer.Recognize(text, anchor);
            var hit = Assert.Single(found, t => t.Text == surface);
            Assert.Null(hit.Value);
        }
    }

    [Fact]
    public void EmptyTextHasNoTimes() => Assert.Empty(Recognizer.Recognize(string.Empty, new DateOnly(2023, 9, 4)));

    [Fact]
    public void HijriYearOutsideTheCalendarsStaysUnresolved()
    {
        var found = Recognizer.Recognize("وصدر في 1 رمضان 9999 هـ.", null);
        Assert.All(found, t => Assert.Null(t.Value));
    }

    [Fact]
    public void RandomStringsNeverThrow()
    {
        // Arabic letters, digits of both scripts, diacritics, tatweel and separators, mixed at random.
        const string alphabet = "ابتثجحخدذرسشصضطظعغفقكلمنهويىةءأإآؤئ٠١٢٣٤٥٦٧٨٩0123456789 /:-.,،؛\u064B\u064E\u0651\u0640\n()";
        var pieces = new[] { "أيلول", "كانون 2", "الساعة", "منذ", "هـ", "بين", "و", "من", "إلى", "الماضي", "القرن", "التسعينيات", "يوم", "الأربعاء", "2023", "٢٠٢٣", "32", "رمضان", "كل" };
        var random = new Random(20230904);
        for (var n = 0; n < 3000; n++)
        {
            var builder = new System.Text.StringBuilder();
            var length = random.Next(0, 80);
            for (var i = 0; i < length; i++)
            {
                builder.Append(random.Next(4) == 0 ? pieces[random.Next(pieces.Length)] + " " : alphabet[random.Next(alphabet.Length)].ToString());
            }

            var text = builder.ToString();
            var anchor = random.Next(3) == 0 ? (DateOnly?)null : new DateOnly(random.Next(1, 9999), random.Next(1, 13), random.Next(1, 29));
            var found = Recognizer.Recognize(text, anchor);
            Assert.All(found, t => Assert.Equal(text[t.Start..t.End], t.Text));
        }
    }
}
