using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Marsad.Storage.Tests.Fixtures;

/// <summary>
/// Writes synthetic Arabic news (composed for these tests from small word lists, not copied from any
/// outlet) as JSON Lines: originals, exact and near copies under other ids, and malformed lines.
/// </summary>
internal sealed class NewsGenerator(int seed)
{
    private static readonly string[] Actors = ["وزير الخارجية", "رئيس الوزراء", "المتحدث باسم الحكومة", "الأمين العام للأمم المتحدة", "وزير المالية", "رئيس البرلمان", "قائد الجيش", "محافظ البنك المركزي", "وزيرة الصحة", "رئيس البلدية"];
    private static readonly string[] Places = ["روسيا", "كوريا الشمالية", "فرنسا", "مصر", "الأردن", "لبنان", "تونس", "المغرب", "اليابان", "البرازيل", "كندا", "إثيوبيا", "العراق", "الهند", "تركيا", "إسبانيا"];
    private static readonly string[] Verbs = ["أعلن", "أكد", "نفى", "كشف", "رفض", "دعا إلى", "حذر من", "رحب ب"];
    private static readonly string[] Topics = ["اتفاق تجاري جديد", "خطة لإصلاح التعليم", "زيادة أسعار الوقود", "مفاوضات السلام", "مشروع سد كبير", "حملة تطعيم وطنية", "إغلاق المعابر الحدودية", "قرض من صندوق النقد", "انتخابات بلدية مبكرة", "موجة حر غير مسبوقة", "تعديل وزاري واسع", "مهرجان سينمائي دولي"];
    private static readonly string[] Details = ["وقال مصدر مطلع إن المحادثات ستستمر خلال الأيام المقبلة", "وأشار البيان إلى أن اللجنة المختصة ستقدم تقريرها قريبا", "وتجمع مئات المواطنين أمام المقر الرئيسي للمطالبة بتوضيحات", "وتوقع خبراء اقتصاديون أن يؤثر القرار على الأسواق المحلية", "وأضاف أن الحكومة ملتزمة بتنفيذ جميع التعهدات السابقة", "ولم يصدر أي تعليق رسمي من الجانب الآخر حتى الآن", "وذكرت وسائل إعلام محلية أن الاجتماع استمر عدة ساعات", "وأكد مراقبون أن الخطوة تأتي في ظروف إقليمية معقدة"];
    private static readonly string[] Sources = ["wire", "daily", "channel"];

    private readonly Random _random = new(seed);

    /// <summary>What the files hold.</summary>
    public sealed record Corpus(int Originals, int ExactCopies, int NearCopies, int Malformed, int Repeated)
    {
        /// <summary>Distinct articles the archive must end up with (originals and copies).</summary>
        public int DistinctArticles => Originals + ExactCopies + NearCopies;
    }

    /// <summary>Writes <paramref name="files"/> JSONL files of about <paramref name="perFile"/> records each into a folder.</summary>
    public Corpus WriteFolder(string folder, int files, int perFile)
    {
        Directory.CreateDirectory(folder);
        int originals = 0, exact = 0, near = 0, malformed = 0, repeated = 0;
        var written = new List<Dictionary<string, string>>();
        var originalsWritten = new List<Dictionary<string, string>>();
        for (var f = 0; f < files; f++)
        {
            using var writer = new StreamWriter(Path.Combine(folder, $"feed-{f:D2}.jsonl"), false, new UTF8Encoding(false));
            for (var i = 0; i < perFile; i++)
            {
                var roll = _random.NextDouble();
                Dictionary<string, string> record;
                if (roll < 0.02)
                {
                    writer.WriteLine("{\"title\": \"سطر مقطوع"); // malformed JSON
                    malformed++;
                    continue;
                }

                if (roll < 0.06 && originalsWritten.Count > 0)
                {
                    var source = originalsWritten[_random.Next(originalsWritten.Count)];
                    record = new Dictionary<string, string>(source) { ["id"] = $"copy-{f}-{i}", ["source"] = Sources[_random.Next(Sources.Length)] };
                    exact++;
                }
                else if (roll < 0.10 && originalsWritten.Count > 0)
                {
                    var source = originalsWritten[_random.Next(originalsWritten.Count)];
                    record = new Dictionary<string, string>(source)
                    {
                        ["id"] = $"near-{f}-{i}",
                        ["title"] = "عاجل: " + source["title"],
                        ["text"] = source["text"] + "\n" + "وتابعت الوكالة أن مزيدا من التفاصيل سينشر لاحقا.",
                    };
                    near++;
                }
                else if (roll < 0.12 && written.Count > 0)
                {
                    // The same record again (same id): skipped, not counted twice.
                    record = written[_random.Next(written.Count)];
                    repeated++;
                }
                else
                {
                    record = Original($"a-{f}-{i}");
                    originalsWritten.Add(record);
                    originals++;
                }

                written.Add(record);
                writer.WriteLine(JsonSerializer.Serialize(record));
            }
        }

        return new Corpus(originals, exact, near, malformed, repeated);
    }

    public Dictionary<string, string> Original(string id)
    {
        var place = Pick(Places);
        var actor = Pick(Actors);
        var topic = Pick(Topics);
        var verb = Pick(Verbs);
        var day = new DateTime(2024, 3, 1).AddDays(_random.Next(60)).AddHours(_random.Next(24));
        var paragraphs = new List<string>
        {
            $"{verb} {actor} في {place} يوم {day.ToString("dd/MM", CultureInfo.InvariantCulture)} {topic}، في خطوة أثارت ردود فعل متباينة.",
        };
        for (var p = 0; p < 3; p++)
        {
            var sentences = Enumerable.Range(0, 3).Select(_ => Pick(Details) + " " + Number() + " " + Pick(Places) + " " + Pick(Topics));
            paragraphs.Add(string.Join("، ", sentences) + ".");
        }

        return new Dictionary<string, string>
        {
            ["id"] = id,
            ["source"] = Pick(Sources),
            ["title"] = $"{actor} في {place} {verb} {topic} {Number()}",
            ["text"] = string.Join("\n", paragraphs),
            ["date"] = day.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["category"] = "دولي",
        };
    }

    private string Pick(string[] values) => values[_random.Next(values.Length)];

    private string Number() => _random.Next(1, 100000).ToString(CultureInfo.InvariantCulture);
}
