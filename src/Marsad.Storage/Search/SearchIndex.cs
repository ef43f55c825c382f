using System.Diagnostics;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Marsad.Storage.Search;

/// <summary>What the index holds of one article.</summary>
public sealed record IndexDocument(
    string Id,
    string? Headline,
    string Text,
    string? Source,
    string? Section,
    DateTimeOffset? PublishedAt,
    string? Url,
    IReadOnlyList<string> EntityKeys);

/// <summary>Which analysis the index uses: Marsad's (surface + stem fields) or Lucene's stock ArabicAnalyzer (the baseline).</summary>
public enum IndexAnalysis
{
    Marsad,
    LuceneArabic,
}

/// <summary>
/// The Lucene.Net full-text index of an archive: BM25 over headline and text, in a surface field
/// (folded words stacked with their clitic-free forms) and a light-stem field, plus keyword fields
/// for entity keys, source and section, and a numeric date. Phrases ("…") match across clitics.
/// </summary>
public sealed partial class SearchIndex : IDisposable
{
    public const string IdField = "id";
    public const string HeadlineField = "title";
    public const string HeadlineStemField = "title_stem";
    public const string TextField = "text";
    public const string TextStemField = "text_stem";
    public const string EntityField = "entity";
    public const string SourceField = "source";
    public const string SectionField = "section";
    public const string DateField = "date";
    private const string UrlField = "url";
    private const string PublishedField = "published";
    private const string HeadlineStoredField = "headline";

    private static readonly char[] QuerySyntax = ['+', '-', '&', '|', '!', '(', ')', '{', '}', '[', ']', '^', '~', '*', '?', ':', '\\', '/'];

    private readonly Lucene.Net.Store.Directory _directory;
    private readonly IndexWriter? _writer;
    private readonly Analyzer _analyzer;
    private readonly string[] _queryFields;
    private readonly Dictionary<string, float> _boosts;
    private readonly object _readerLock = new();
    private DirectoryReader? _reader;

    private SearchIndex(Lucene.Net.Store.Directory directory, bool writable, IndexAnalysis analysis)
    {
        _directory = directory;
        Analysis = analysis;
        _analyzer = CreateAnalyzer(analysis);
        (_queryFields, _boosts) = analysis == IndexAnalysis.Marsad
            ? (new[] { HeadlineField, TextField, HeadlineStemField, TextStemField }, new Dictionary<string, float> { [HeadlineField] = 3f, [TextField] = 1f, [HeadlineStemField] = 1.5f, [TextStemField] = 0.5f })
            : (new[] { HeadlineField, TextField }, new Dictionary<string, float> { [HeadlineField] = 3f, [TextField] = 1f });
        if (writable)
        {
            var config = new IndexWriterConfig(MarsadAnalyzer.Version, _analyzer)
            {
                OpenMode = OpenMode.CREATE_OR_APPEND,
                Similarity = new BM25Similarity(),
                RAMBufferSizeMB = 48,
            };
            _writer = new IndexWriter(directory, config);
        }
    }

    public IndexAnalysis Analysis { get; }

    /// <summary>Opens (or creates) the index in a folder. A writable index takes Lucene's write lock.</summary>
    public static SearchIndex Open(string path, bool writable, IndexAnalysis analysis = IndexAnalysis.Marsad)
    {
        System.IO.Directory.CreateDirectory(path);
        var directory = FSDirectory.Open(path);
        if (!writable && !DirectoryReader.IndexExists(directory))
        {
            // An archive with no article yet: an empty index to read.
            using var init = new IndexWriter(directory, new IndexWriterConfig(MarsadAnalyzer.Version, CreateAnalyzer(analysis)));
            init.Commit();
        }

        return new SearchIndex(directory, writable, analysis);
    }

    /// <summary>An index in memory (evaluation baselines, tests).</summary>
    public static SearchIndex InMemory(IndexAnalysis analysis) => new(new RAMDirectory(), writable: true, analysis);

    public static Analyzer CreateAnalyzer(IndexAnalysis analysis)
    {
        var keyword = new KeywordLowerAnalyzer();
        if (analysis == IndexAnalysis.LuceneArabic)
        {
            var arabic = new ArabicAnalyzer(MarsadAnalyzer.Version);
            return new PerFieldAnalyzerWrapper(arabic, new Dictionary<string, Analyzer> { [SourceField] = keyword, [SectionField] = keyword });
        }

        var surface = new MarsadAnalyzer(SearchForm.Surface);
        var stem = new MarsadAnalyzer(SearchForm.Stem);
        return new PerFieldAnalyzerWrapper(surface, new Dictionary<string, Analyzer>
        {
            [HeadlineStemField] = stem,
            [TextStemField] = stem,
            [SourceField] = keyword,
            [SectionField] = keyword,
        });
    }

    /// <summary>Adds or replaces (by id) one article's document.</summary>
    public void Put(IndexDocument doc)
    {
        var writer = Writer();
        var d = new Document
        {
            new StringField(IdField, doc.Id, Field.Store.YES),
            new Lucene.Net.Documents.TextField(HeadlineField, doc.Headline ?? string.Empty, Field.Store.NO),
            new Lucene.Net.Documents.TextField(TextField, doc.Text, Field.Store.NO),
        };
        if (Analysis == IndexAnalysis.Marsad)
        {
            d.Add(new Lucene.Net.Documents.TextField(HeadlineStemField, doc.Headline ?? string.Empty, Field.Store.NO));
            d.Add(new Lucene.Net.Documents.TextField(TextStemField, doc.Text, Field.Store.NO));
        }

        foreach (var key in doc.EntityKeys.Distinct(StringComparer.Ordinal))
        {
            d.Add(new StringField(EntityField, key, Field.Store.NO));
        }

        if (!string.IsNullOrEmpty(doc.Source))
        {
            d.Add(new StringField(SourceField, doc.Source.ToLowerInvariant(), Field.Store.NO));
            d.Add(new StoredField("source_stored", doc.Source));
        }

        if (!string.IsNullOrEmpty(doc.Section))
        {
            d.Add(new StringField(SectionField, doc.Section.ToLowerInvariant(), Field.Store.NO));
            d.Add(new StoredField("section_stored", doc.Section));
        }

        if (doc.PublishedAt is { } published)
        {
            d.Add(new Int64Field(DateField, published.ToUnixTimeSeconds(), Field.Store.NO));
            d.Add(new StoredField(PublishedField, published.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (!string.IsNullOrEmpty(doc.Url))
        {
            d.Add(new StoredField(UrlField, doc.Url));
        }

        if (!string.IsNullOrEmpty(doc.Headline))
        {
            d.Add(new StoredField(HeadlineStoredField, doc.Headline));
        }

        writer.UpdateDocument(new Term(IdField, doc.Id), d);
    }

    public void Delete(string id) => Writer().DeleteDocuments(new Term(IdField, id));

    /// <summary>Makes the changes durable (Lucene's two-phase commit).</summary>
    public void Commit() => Writer().Commit();

    /// <summary>The ids of every live document.</summary>
    public HashSet<string> Ids()
    {
        var reader = Reader();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var live = MultiFields.GetLiveDocs(reader);
        var visitor = new HashSet<string> { IdField };
        for (var i = 0; i < reader.MaxDoc; i++)
        {
            if (live is not null && !live.Get(i))
            {
                continue;
            }

            var id = reader.Document(i, visitor).Get(IdField);
            if (id is not null)
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    /// <summary>Live documents in the index.</summary>
    public int Count => Reader().NumDocs;

    /// <summary>Runs a query. <paramref name="textOf"/> gives an article's text for highlighting (null skips highlights).</summary>
    public SearchResults Search(SearchQuery query, Func<string, string?>? textOf)
    {
        var watch = Stopwatch.StartNew();
        var searcher = new IndexSearcher(Reader()) { Similarity = new BM25Similarity() };
        var parsed = Parse(query.Text);
        var combined = new BooleanQuery();
        if (parsed is not null)
        {
            combined.Add(parsed, Occur.MUST);
        }

        void Filter(Query q)
        {
            combined.Add(new ConstantScoreQuery(q) { Boost = 0f }, Occur.MUST);
        }

        if (!string.IsNullOrEmpty(query.EntityKey))
        {
            Filter(new TermQuery(new Term(EntityField, query.EntityKey)));
        }

        if (!string.IsNullOrEmpty(query.Source))
        {
            Filter(new TermQuery(new Term(SourceField, query.Source.ToLowerInvariant())));
        }

        if (!string.IsNullOrEmpty(query.Section))
        {
            Filter(new TermQuery(new Term(SectionField, query.Section.ToLowerInvariant())));
        }

        if (query.From is not null || query.To is not null)
        {
            Filter(NumericRangeQuery.NewInt64Range(DateField, query.From?.ToUnixTimeSeconds(), query.To?.ToUnixTimeSeconds(), true, true));
        }

        if (combined.Clauses.Count == 0)
        {
            return new SearchResults(0, [], watch.Elapsed.TotalMilliseconds);
        }

        var top = searcher.Search(combined, Math.Max(1, query.Limit));
        var hits = new List<SearchHit>(top.ScoreDocs.Length);
        Highlighter? highlighter = null;
        if (query.Highlights && textOf is not null && parsed is not null)
        {
            highlighter = new Highlighter(new SimpleHTMLFormatter("[", "]"), new QueryScorer(parsed, TextField)) { TextFragmenter = new SimpleFragmenter(120) };
        }

        foreach (var scoreDoc in top.ScoreDocs)
        {
            var d = searcher.Doc(scoreDoc.Doc);
            var id = d.Get(IdField);
            IReadOnlyList<string> fragments = [];
            if (highlighter is not null && textOf!(id) is { } text)
            {
                using var stream = _analyzer.GetTokenStream(TextField, text);
                fragments = highlighter.GetBestFragments(stream, text, 3).Select(f => f.Replace('\n', ' ')).ToList();
            }

            hits.Add(new SearchHit(id, scoreDoc.Score, d.Get(HeadlineStoredField), d.Get("source_stored"), d.Get("section_stored"), d.Get(PublishedField), d.Get(UrlField), fragments));
        }

        return new SearchResults(top.TotalHits, hits, watch.Elapsed.TotalMilliseconds);
    }

    /// <summary>Parses the user's query: words are OR-ed and ranked by BM25, "…" is a phrase; other query syntax is taken literally.</summary>
    internal Query? Parse(string text)
    {
        var cleaned = Sanitise(text);
        if (string.IsNullOrWhiteSpace(cleaned))
        {
            return null;
        }

        var parser = new MultiFieldQueryParser(MarsadAnalyzer.Version, _queryFields, _analyzer, _boosts)
        {
            DefaultOperator = Operator.OR,
            AutoGeneratePhraseQueries = false,
        };
        try
        {
            return parser.Parse(cleaned);
        }
        catch (ParseException)
        {
            return parser.Parse(cleaned.Replace("\"", " ", StringComparison.Ordinal));
        }
    }

    private static string Sanitise(string text)
    {
        var sb = new System.Text.StringBuilder(text.Length + 8);
        var quotes = text.Count(c => c == '"');
        foreach (var c in text)
        {
            if (c == '"')
            {
                // An unbalanced quote is dropped rather than failing the query.
                sb.Append(quotes % 2 == 0 ? c : ' ');
            }
            else if (Array.IndexOf(QuerySyntax, c) >= 0)
            {
                sb.Append(' ');
            }
            else
            {
                sb.Append(c);
            }
        }

        // AND/OR/NOT in capitals are operators to the classic parser; users mean words.
        return Operators().Replace(sb.ToString(), m => m.Value.ToLowerInvariant());
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(AND|OR|NOT)\b")]
    private static partial System.Text.RegularExpressions.Regex Operators();

    private IndexWriter Writer() => _writer ?? throw new InvalidOperationException("the index was opened read-only");

    private DirectoryReader Reader()
    {
        lock (_readerLock)
        {
            if (_reader is null)
            {
                _reader = _writer is not null ? DirectoryReader.Open(_writer, applyAllDeletes: true) : DirectoryReader.Open(_directory);
            }
            else
            {
                var newer = _writer is not null ? DirectoryReader.OpenIfChanged(_reader, _writer, true) : DirectoryReader.OpenIfChanged(_reader);
                if (newer is not null)
                {
                    _reader.Dispose();
                    _reader = newer;
                }
            }

            return _reader;
        }
    }

    public void Dispose()
    {
        _reader?.Dispose();
        _writer?.Dispose();
        _analyzer.Dispose();
        _directory.Dispose();
    }
}
