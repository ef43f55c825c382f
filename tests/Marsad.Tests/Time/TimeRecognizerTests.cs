using Marsad.Time;

namespace Marsad.Tests.Time;

/// <summary>One test per category of the time recogniser: span and value on composed news sentences.</summary>
public sealed class TimeRecognizerTests
{
    private static readonly DateOnly Monday = new(2023, 9, 4);
    private static readonly TimeRecognizer Recognizer = new();

    private static void AssertTime(string text, DateOnly? anchor, string surface, string type, string? value)
    {
        var found = Recognizer.Recognize(text, anchor);
        var hit = found.FirstOrDefault(t => t.Text == surface);
        Assert.True(hit is not null, $"'{surface}' not found; got: {string.Join(" | ", found.Select(t => $"{t.Text}={t.Value}"))}");
        Assert.Equal(type, hit!.Type);
        Assert.Equal(value, hit.Value);
        Assert.Equal(surface, text[hit.Start..hit.End]);
    }

    [Theory]
    [InlineData("وصل الوفد في 12 أيلول/سبتمبر 2022 إلى دمشق.", "12 أيلول/سبتمبر 2022", "2022-09-12")]
    [InlineData("وصدر القرار في 3 كانون 2 2020.", "3 كانون 2 2020", "2020-01-03")]
    [InlineData("وبدأت الاحتجاجات في 17 تشرين 1 2019.", "17 تشرين 1 2019", "2019-10-17")]
    [InlineData("ووقع الاتفاق في 5 إبريل 2021.", "5 إبريل 2021", "2021-04-05")]
    [InlineData("وبلغت الإيرادات في اغسطس 2022 مليار دولار.", "اغسطس 2022", "2022-08")]
    [InlineData("ونظم المعرض في جانفي 2019.", "جانفي 2019", "2019-01")]
    [InlineData("وتجرى الامتحانات يوم 12 جوان 2024.", "يوم 12 جوان 2024", "2024-06-12")]
    [InlineData("واحتج السكان في 25 جويلية 2021.", "25 جويلية 2021", "2021-07-25")]
    public void MonthNamesOfEveryRegion(string text, string surface, string value) => AssertTime(text, Monday, surface, "DATE", value);

    [Theory]
    [InlineData("وبدأ الشهر الفضيل في 1 رمضان 1444 هـ.", "1 رمضان 1444 هـ", "2023-03-23")]
    [InlineData("وصادف يوم عرفة 9 ذو الحجة 1444هـ.", "9 ذو الحجة 1444هـ", "2023-06-27")]
    [InlineData("وصدر الأمر في 15 محرم 1445 هـ.", "15 محرم 1445 هـ", "2023-08-02")]
    public void HijriDatesConvertWithUmmAlQura(string text, string surface, string value) => AssertTime(text, Monday, surface, "DATE", value);

    [Theory]
    [InlineData("صدر الحكم بتاريخ 4/9/2023 في القضية.", "4/9/2023", "2023-09-04")]
    [InlineData("نشر التقرير بتاريخ 2023-08-15.", "2023-08-15", "2023-08-15")]
    [InlineData("حددت الجلسة في ٢٠/٩/٢٠٢٣ المقبل.", "٢٠/٩/٢٠٢٣", "2023-09-20")]
    public void NumericDatesAreDayFirstAndAcceptArabicIndicDigits(string text, string surface, string value) => AssertTime(text, Monday, surface, "DATE", value);

    [Theory]
    [InlineData("تضاعف العدد منذ عام 2011.", "عام 2011", "2011")]
    [InlineData("تأسست الشركة العام 1998.", "العام 1998", "1998")]
    [InlineData("الهدف بحلول سنة 2030.", "سنة 2030", "2030")]
    [InlineData("عرفت البلاد في التسعينيات حربا.", "التسعينيات", "199")]
    [InlineData("هاجرت العائلة في ثمانينيات القرن الماضي.", "ثمانينيات القرن الماضي", "198")]
    [InlineData("بنيت القلعة في القرن الثاني عشر الميلادي.", "القرن الثاني عشر الميلادي", "11")]
    [InlineData("يعود الطراز إلى القرن الـ18.", "القرن الـ18", "17")]
    public void YearsDecadesAndCenturies(string text, string surface, string value) => AssertTime(text, Monday, surface, "DATE", value);

    [Theory]
    [InlineData("وحذر البيت الأبيض يوم الأربعاء من صفقة.", "يوم الأربعاء", "2023-08-30")]
    [InlineData("وسيلتقي الرئيسان يوم الخميس في باريس.", "يوم الخميس", "2023-09-07")]
    [InlineData("ويصوت البرلمان السبت المقبل.", "السبت المقبل", "2023-09-09")]
    [InlineData("واستقال الوزير الجمعة الماضية.", "الجمعة الماضية", "2023-09-01")]
    [InlineData("أعلنت الوزارة اليوم الاثنين خطة جديدة.", "اليوم الاثنين", "2023-09-04")]
    [InlineData("ولم ينتظر طويلا بعد خروجه يوم الثلاثاء.", "يوم الثلاثاء", "2023-08-29")]
    public void WeekdaysFollowTheTense(string text, string surface, string value) => AssertTime(text, Monday, surface, "DATE", value);

    [Fact]
    public void PartOfDayWithWeekdayIsATime() => AssertTime("وشهدت المدينة مساء الخميس مظاهرات.", Monday, "مساء الخميس", "TIME", "2023-08-31TEV");

    [Theory]
    [InlineData("وقعت الاشتباكات أمس في المدينة.", "أمس", "2023-09-03")]
    [InlineData("التقى نظيره أول أمس في باريس.", "أول أمس", "2023-09-02")]
    [InlineData("ويعقد المجلس جلسة غدا لبحث الأزمة.", "غدا", "2023-09-05")]
    [InlineData("وتنطلق المفاوضات بعد غد في الدوحة.", "بعد غد", "2023-09-06")]
    [InlineData("ارتفعت الأسعار هذا الأسبوع بشدة.", "هذا الأسبوع", "2023-W36")]
    [InlineData("أعلنت الحكومة الأسبوع الماضي خطة.", "الأسبوع الماضي", "2023-W35")]
    [InlineData("يزور الوفد بيروت الأسبوع المقبل.", "الأسبوع المقبل", "2023-W37")]
    [InlineData("يكتمل المشروع هذا الشهر على الأرجح.", "هذا الشهر", "2023-09")]
    [InlineData("تراجع التضخم الشهر الماضي.", "الشهر الماضي", "2023-08")]
    [InlineData("تستضيف الرياض القمة الشهر المقبل.", "الشهر المقبل", "2023-10")]
    [InlineData("سجلت الشركة أرباحا العام الماضي.", "العام الماضي", "2022")]
    [InlineData("يتوقع النمو العام المقبل.", "العام المقبل", "2024")]
    [InlineData("أغلقت السلطات المعبر منذ ثلاثة أيام.", "منذ ثلاثة أيام", "2023-09-01")]
    [InlineData("أفرج عن الصحفي قبل يومين.", "قبل يومين", "2023-09-02")]
    [InlineData("يصدر القرار مطلع الشهر المقبل.", "مطلع الشهر المقبل", "2023-10")]
    [InlineData("تنتهي الولاية منتصف الشهر الجاري.", "منتصف الشهر الجاري", "2023-09")]
    [InlineData("تجرى الانتخابات أواخر الشهر.", "أواخر الشهر", "2023-09")]
    public void RelativeReferencesResolveAgainstTheAnchor(string text, string surface, string value) => AssertTime(text, Monday, surface, "DATE", value);

    [Theory]
    [InlineData("سجلت 15 إصابة خلال الساعات الـ24 الماضية.", "الساعات الـ24 الماضية", "PT24H")]
    [InlineData("احتجز الصحفي 48 ساعة.", "48 ساعة", "PT48H")]
    [InlineData("أمهلت المعارضة الحكومة ثلاثة أيام.", "ثلاثة أيام", "P3D")]
    [InlineData("سجن الناشط عشرين عاما.", "عشرين عاما", "P20Y")]
    [InlineData("تستمر المرحلة ثمانية عشر شهرا.", "ثمانية عشر شهرا", "P18M")]
    [InlineData("استمرت المعارك نحو أسبوعين.", "أسبوعين", "P2W")]
    public void DurationsWithDigitsAndNumberWords(string text, string surface, string value) => AssertTime(text, Monday, surface, "DURATION", value);

    [Theory]
    [InlineData("يعقد المنتدى في الفترة من 10 إلى 13 أيلول/سبتمبر في المدينة.", "من 10 إلى 13 أيلول/سبتمبر", "2023-09-10/2023-09-13")]
    [InlineData("تقام البطولة بين 10 و13 أغسطس المقبل.", "بين 10 و13 أغسطس المقبل", "2024-08-10/2024-08-13")]
    [InlineData("ارتفعت البطالة بين عامي 2008 و2012 بشدة.", "بين عامي 2008 و2012", "2008/2012")]
    public void Ranges(string text, string surface, string value) => AssertTime(text, Monday, surface, "DATE", value);

    [Fact]
    public void ListsGiveOneExpressionPerDay()
    {
        var found = Recognizer.Recognize("وتغلق المدارس يومي 10 و11 سبتمبر بسبب الانتخابات.", Monday);
        Assert.Equal(["10", "11 سبتمبر"], found.Select(t => t.Text));
        Assert.Equal(["2023-09-10", "2023-09-11"], found.Select(t => t.Value));
    }

    [Theory]
    [InlineData("تبدأ المباراة في الساعة العاشرة صباحا.", "الساعة العاشرة صباحا", "2023-09-04T10:00")]
    [InlineData("وقع الانفجار عند الساعة 10:30 مساء بتوقيت غرينتش.", "الساعة 10:30 مساء بتوقيت غرينتش", "2023-09-04T22:30Z")]
    [InlineData("بدأ القصف قرابة الثالثة فجرا.", "الثالثة فجرا", "2023-09-04T03:00")]
    [InlineData("تنطلق القمة عند الساعة الثامنة والنصف مساء.", "الساعة الثامنة والنصف مساء", "2023-09-04T20:30")]
    [InlineData("وقع الحادث الساعة الحادية عشرة صباح أمس.", "الساعة الحادية عشرة صباح أمس", "2023-09-03T11:00")]
    public void ClockTimes(string text, string surface, string value) => AssertTime(text, Monday, surface, "TIME", value);

    [Theory]
    [InlineData("وتصدر النشرة يوميا عن المركز.", "يوميا", "P1D")]
    [InlineData("ويجتمع المجلس كل أسبوع.", "كل أسبوع", "P1W")]
    [InlineData("وتقام السوق كل يوم جمعة.", "كل يوم جمعة", "XXXX-WXX-5")]
    public void Sets(string text, string surface, string value) => AssertTime(text, Monday, surface, "SET", value);

    [Theory]
    [InlineData("وأمس، أعلنت الشرطة اعتقال خمسة.", "أمس", "2023-09-03")]
    [InlineData("وكانت الوزارة قد نفت بالأمس الأنباء.", "الأمس", "2023-09-03")]
    [InlineData("ويوم الأربعاء، وصل الوفد.", "يوم الأربعاء", "2023-08-30")]
    [InlineData("وغداً يبحث المجلس الموازنة.", "غداً", "2023-09-05")]
    public void CliticAttachedFormsAreFoundWithoutTheClitic(string text, string surface, string value) => AssertTime(text, Monday, surface, "DATE", value);

    [Theory]
    [InlineData("وعقد المجلس جلسته يوم الأربعاء.", "يوم الأربعاء", "XXXX-WXX-3")]
    [InlineData("ويكتمل المشروع هذا الشهر.", "هذا الشهر", "PRESENT_REF month")]
    [InlineData("وتحتفل المدينة في 9 أيلول/سبتمبر.", "9 أيلول/سبتمبر", "XXXX-09-09")]
    [InlineData("وتعقد الجولة من 10 إلى 13 أيلول/سبتمبر.", "من 10 إلى 13 أيلول/سبتمبر", "XXXX-09-10/XXXX-09-13")]
    [InlineData("ووقعت الهجمات أمس في ثلاث مدن.", "أمس", "PAST_REF day")]
    public void WithoutAnAnchorValuesStayUnderspecified(string text, string surface, string value) => AssertTime(text, null, surface, "DATE", value);

    [Fact]
    public void RelativeValuesRecordTheAnchorUsed()
    {
        var found = Assert.Single(Recognizer.Recognize("وقعت الاشتباكات أمس.", Monday));
        Assert.Equal("2023-09-04", found.Anchor);
        var absolute = Assert.Single(Recognizer.Recognize("وقعت الاشتباكات في 5 إبريل 2021.", Monday));
        Assert.Null(absolute.Anchor);
    }

    [Fact]
    public void ModsMarkPartsOfAPeriod()
    {
        var found = Assert.Single(Recognizer.Recognize("يصدر القرار مطلع الشهر المقبل.", Monday));
        Assert.Equal("START", found.Mod);
    }

    [Theory]
    [InlineData("مارس الضغط على الحكومة طويلا.")]
    [InlineData("في مثل هذا اليوم ولد الشاعر.")]
    [InlineData("توفي الكاتب عن عمر ناهز 90 عاما.")]
    [InlineData("وقف المصلون لأداء صلاة الجمعة.")]
    public void OrdinaryWordsAreNotTimes(string text)
    {
        var found = Recognizer.Recognize(text, Monday);
        Assert.DoesNotContain(found, t => t.Type is "DATE" or "DURATION" && t.Value is not null && !t.Value.StartsWith("PAST_REF", StringComparison.Ordinal));
    }
}
