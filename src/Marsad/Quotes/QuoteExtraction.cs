using Marsad.Model;

namespace Marsad.Quotes;

/// <summary>The quotations and attributions found in one text, in text order.</summary>
public sealed record QuoteExtraction(IReadOnlyList<Quote> Quotes, IReadOnlyList<Attribution> Attributions);

/// <summary>The quote kinds written in <see cref="Quote.Kind"/>.</summary>
public static class QuoteKinds
{
    /// <summary>Words between quotation marks (وأضافت: "…").</summary>
    public const string Direct = "direct";

    /// <summary>A clause after إن/أن/بأن (قال إن المحادثات تتقدم).</summary>
    public const string Reported = "reported";

    /// <summary>A reported clause holding a quoted fragment (قال إن المحادثات "تتقدم بنشاط").</summary>
    public const string Mixed = "mixed";
}

/// <summary>A speaker found for a cue: the span of the speaker's words (or of the antecedent), the role, and agreement features.</summary>
internal sealed record SpeakerRef(int Start, int End, string Text, string? Role, SpeakerGender Gender, SpeakerNumber Number)
{
    public string? EntityKey { get; init; }
}
