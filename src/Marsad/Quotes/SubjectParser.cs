namespace Marsad.Quotes;

/// <summary>
/// Reads the subject of a cue from the tokens between the cue and its complement:
/// - comma-separated chunks; chunks that open with an adjunct (في بيان، اليوم، وهو…، نقلا عن…) are dropped;
/// - inside a chunk the subject stops at an adjunct (خلال، أمام، لرويترز، للصحافيين، في كلمة…);
/// - a role chunk and a name chunk in apposition (المتحدث باسم البيت الأبيض، جون كيربي) give role and name;
/// - one chunk that opens with a role head splits where the name starts: after a definite word, the
///   first indefinite word that is not a role head (وزير الخارجية الأردني | أيمن الصفدي);
/// - honorific titles (معالي، الدكتور، الشيخ) belong to neither.
/// </summary>
internal sealed class SubjectParser(string text, List<QToken> tokens, List<QuoteMarkSpan> spans)
{
    /// <summary>Whether the region holds only an honorific pronoun (وأوضح معاليه): the speaker is an antecedent.</summary>
    public bool IsHonorificPronoun(int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (tokens[k].IsWord)
            {
                return QuoteLexicon.HonorificPronounSet.Contains(tokens[k].Norm);
            }
        }

        return false;
    }

    /// <summary>The subject in tokens [from, to), or null when the region holds no subject.</summary>
    public SpeakerRef? Parse(int from, int to, CueForm cue, bool objectMayFollow = false)
    {
        var chunks = new List<(int Start, int End)>(3);
        var chunkStart = from;
        var depth = 0;
        for (var k = from; k <= to; k++)
        {
            if (k < to)
            {
                var kind = tokens[k].Kind;
                if (kind == QTokenKind.ParenOpen)
                {
                    depth++;
                }
                else if (kind == QTokenKind.ParenClose && depth > 0)
                {
                    depth--;
                }

                if (kind != QTokenKind.Comma || depth > 0)
                {
                    continue;
                }
            }

            var cleaned = Clean(chunkStart, k);
            if (cleaned.End > cleaned.Start)
            {
                chunks.Add(cleaned);
            }

            chunkStart = k + 1;
            if (chunks.Count == 2)
            {
                break;
            }
        }

        if (chunks.Count == 0)
        {
            return null;
        }

        var first = StripTitles(chunks[0]);
        string? role = null;
        (int Start, int End) name;
        if (chunks.Count > 1 && IsRoleChunk(chunks[1]))
        {
            name = SplitRole(first).Name ?? first;
            var second = StripTitles(chunks[1]);
            role = Slice(second);
        }
        else if (chunks.Count > 1 && IsRoleChunk(first))
        {
            var (innerRole, innerName) = SplitRole(first);
            if (innerName is { } found)
            {
                // الطالبة ريم العتيبي، الفائزة بالمركز الأول: the name is inside, the apposition is the role.
                name = found;
                var second = StripTitles(chunks[1]);
                role = QuoteLexicon.IsDefinite(tokens[second.Start].Norm) ? Slice(second) : Slice(innerRole);
            }
            else
            {
                name = StripTitles(chunks[1]);
                role = Slice(first);
            }
        }
        else
        {
            var (roleSpan, nameSpan) = SplitRole(first);
            name = nameSpan ?? first;
            role = nameSpan is null ? null : Slice(roleSpan);
            if (nameSpan is null && LaterRoleHead(first) is var at and > 0)
            {
                // علي عبد العال رئيس البرلمان: a name, then its role without a comma.
                name = (first.Start, at);
                role = Slice((at, first.End));
            }
        }

        if (objectMayFollow)
        {
            name = CutObject(name);
        }

        // Markup or a stray bracket at either edge (محمد بن سلمان [/b]) is debris, not part of the name.
        name = TrimMarkup(name);
        if (name.End <= name.Start)
        {
            return null;
        }

        var headNorm = FirstWordNorm(name);
        var number = QuoteLexicon.LooksPlural(headNorm) ? SpeakerNumber.Plural : SpeakerNumber.Singular;
        var gender = cue.Gender == SpeakerGender.Unknown ? SpeakerGender.Masculine : cue.Gender;
        if (cue.Number == SpeakerNumber.Plural)
        {
            number = SpeakerNumber.Plural;
        }

        var start = tokens[name.Start].Start;
        var end = tokens[name.End - 1].End;
        return new SpeakerRef(start, end, text[start..end], role, gender, number);
    }

    // A chunk opening with one of these is an adjunct or an aside, never the subject.
    private bool IsOpeningAdjunct(int k)
    {
        var norm = tokens[k].Norm;
        if (norm == "علي")
        {
            // على ضرورة…، على الحكومة…: a preposition; علي عبد العال: a name.
            var next = k + 1 < tokens.Count && tokens[k + 1].IsWord ? tokens[k + 1].Norm : string.Empty;
            return QuoteLexicon.IsDefinite(next) || next is "ضروره" or "اهميه" or "ان" || next.EndsWith('\u0647'); // HEH: على حسابه
        }

        return IsAudience(k) || norm == QuoteLexicon.Fi || norm == "الي" || QuoteLexicon.SubjectEnderSet.Contains(norm) || norm is "وهو" or "وهي" or "وهم"
            || QuoteLexicon.ContentEnderSet.Contains(norm) || norm is "من" or "منذ";
    }

    /// <summary>The chunk [from, to) cut at its first adjunct; empty when it opens with one.</summary>
    private (int Start, int End) Clean(int from, int to)
    {
        while (from < to && ((!tokens[from].IsWord && tokens[from].Kind != QTokenKind.QuoteOpen) || (tokens[from].IsWord && QuoteLexicon.IsResumptive(tokens[from].Norm))))
        {
            from++;
        }

        if (from >= to || (tokens[from].IsWord && IsOpeningAdjunct(from)))
        {
            return (from, from);
        }

        var end = to;
        for (var k = from; k < to; k++)
        {
            var t = tokens[k];
            if (t.Kind == QTokenKind.ParenOpen && k > from)
            {
                end = k;
                break;
            }

            if (t.Kind == QTokenKind.QuoteOpen && k > from && tokens[k - 1].IsWord && tokens[k - 1].Norm == "ل")
            {
                // لـ«النهار»: the outlet spoken to.
                end = k - 1;
                break;
            }

            if (!t.IsWord || k == from)
            {
                continue;
            }

            if (QuoteLexicon.SubjectEnderSet.Contains(t.Norm) || QuoteLexicon.TryCue(t.Norm, out _, out _) || t.Norm == "قد"
                || (t.Norm == QuoteLexicon.Fi && k + 1 < to && tokens[k + 1].IsWord && QuoteLexicon.IsAdjunctNounAfterFi(tokens[k + 1].Norm))
                || IsAudience(k) || QuoteLexicon.LooksLikeAdverbialParticiple(t.Norm))
            {
                end = k;
                break;
            }
        }

        while (end > from && !tokens[end - 1].IsWord && tokens[end - 1].Kind != QTokenKind.QuoteClose)
        {
            end--;
        }

        return (from, end);
    }

    // لرويترز، للصحافيين، لـ: the audience of the statement, unless a document noun owns it (تقرير لصحيفة).
    private bool IsAudience(int k)
    {
        var norm = tokens[k].Norm;
        if (norm.Length == 0 || norm[0] != '\u0644') // ARABIC LETTER LAM
        {
            return false;
        }

        if (norm == "ل")
        {
            return true;
        }

        var rest = norm.StartsWith("لل", StringComparison.Ordinal) ? "ال" + norm[2..] : norm[1..];
        var bare = rest.StartsWith("ال", StringComparison.Ordinal) ? rest[2..] : rest;
        if (!QuoteLexicon.MediaAfterLamSet.Contains(rest) && !QuoteLexicon.MediaAfterLamSet.Contains(bare))
        {
            return false;
        }

        return !(k > 0 && tokens[k - 1].IsWord && QuoteLexicon.DocumentNounSet.Contains(tokens[k - 1].Norm));
    }

    // نفت وزارة الإعلام البحرينية | صحة ما…: with no complement the object follows the subject; an
    // indefinite word after a definite one starts it.
    private (int Start, int End) CutObject((int Start, int End) span)
    {
        var seenDefinite = false;
        for (var k = span.Start; k < span.End; k++)
        {
            if (!tokens[k].IsWord)
            {
                continue;
            }

            if (k > span.Start && tokens[k].Norm is "الي" or "من" or "ب" or "عن")
            {
                return (span.Start, k);
            }

            var definite = QuoteLexicon.IsDefinite(tokens[k].Norm);
            if (!definite && seenDefinite && k > span.Start)
            {
                return (span.Start, k);
            }

            seenDefinite |= definite;
        }

        return span;
    }

    private (int Start, int End) StripTitles((int Start, int End) chunk)
    {
        var k = chunk.Start;
        while (k < chunk.End && tokens[k].IsWord && QuoteLexicon.TitleSet.Contains(tokens[k].Norm))
        {
            k++;
        }

        while (k < chunk.End && !tokens[k].IsWord && tokens[k].Kind != QTokenKind.QuoteOpen)
        {
            k++;
        }

        // سمو الأمير: when only titles remain, the titles are the speaker.
        return k >= chunk.End ? chunk : (k, chunk.End);
    }

    private bool IsRoleChunk((int Start, int End) chunk)
    {
        var stripped = StripTitles(chunk);
        return tokens[stripped.Start].IsWord && QuoteLexicon.IsRoleHead(tokens[stripped.Start].Norm);
    }

    /// <summary>Splits "role name" inside one chunk; Name is null when no name follows the role.</summary>
    private ((int Start, int End) Role, (int Start, int End)? Name) SplitRole((int Start, int End) chunk)
    {
        if (!tokens[chunk.Start].IsWord || !QuoteLexicon.IsRoleHead(tokens[chunk.Start].Norm))
        {
            return (chunk, null);
        }

        // After an indefinite word the next word is its genitive (رئيس حزب القوات); after a definite
        // word, an indefinite word that is not a role head starts the name (الأردني أيمن).
        var previousIndefinite = !QuoteLexicon.IsDefinite(tokens[chunk.Start].Norm);
        for (var k = chunk.Start + 1; k < chunk.End; k++)
        {
            var t = tokens[k];
            if (!t.IsWord)
            {
                if (t.Kind == QTokenKind.QuoteOpen)
                {
                    // شركة "سيتي أوف لندن": a quoted name inside the role is one definite word.
                    var close = FindClose(k, chunk.End);
                    if (close < 0)
                    {
                        return (chunk, null);
                    }

                    k = close;
                    previousIndefinite = false;
                }

                continue;
            }

            var norm = t.Norm;
            if (QuoteLexicon.TitleSet.Contains(norm))
            {
                var nameStart = k + 1;
                while (nameStart < chunk.End && tokens[nameStart].IsWord && QuoteLexicon.TitleSet.Contains(tokens[nameStart].Norm))
                {
                    nameStart++;
                }

                return nameStart < chunk.End ? ((chunk.Start, k), (nameStart, chunk.End)) : (chunk, null);
            }

            // وتنمية القطاع، وأستاذ الاقتصاد: a conjoined noun before a definite word continues the role (but وليد فياض does not).
            var conjoinedNoun = norm.Length > 3 && norm[0] == '\u0648' // WAW
                && (QuoteLexicon.IsRoleHead(norm[1..])
                    || (norm[^1] == '\u0647' && k + 1 < chunk.End && tokens[k + 1].IsWord && QuoteLexicon.IsDefinite(tokens[k + 1].Norm))); // HEH (teh marbuta): وتنمية القطاع
            if (QuoteLexicon.IsRoleHead(norm) || norm is "في" or "باسم" or "لشوون" or "بين" or "عن" or "من" or "علي" or "الي" or "لدي" or "مع" || conjoinedNoun)
            {
                // نائب الوزير | سيرغي: a definite role head closes the chain like any definite word.
                previousIndefinite = !QuoteLexicon.IsDefinite(norm);
                continue;
            }

            if (QuoteLexicon.IsDefinite(norm) || norm.StartsWith("باسم", StringComparison.Ordinal))
            {
                previousIndefinite = false;
                continue;
            }

            if (previousIndefinite || IsInstitutionAfterLam(norm))
            {
                // A pronoun suffix makes the noun definite (رئيس مجلس إدارتها | سلطان).
                previousIndefinite = !(norm.EndsWith("ها", StringComparison.Ordinal) || norm.EndsWith("هم", StringComparison.Ordinal));
                continue;
            }

            return ((chunk.Start, k), (k, chunk.End));
        }

        return (chunk, null);
    }

    /// <summary>The token of a role head after a leading name (two or more indefinite words), or -1.</summary>
    private int LaterRoleHead((int Start, int End) chunk)
    {
        if (!tokens[chunk.Start].IsWord || QuoteLexicon.IsDefinite(tokens[chunk.Start].Norm) || QuoteLexicon.IsRoleHead(tokens[chunk.Start].Norm)
            || QuoteLexicon.LooksPlural(tokens[chunk.Start].Norm))
        {
            return -1;
        }

        for (var k = chunk.Start + 1; k < chunk.End; k++)
        {
            if (!tokens[k].IsWord || QuoteLexicon.IsDefinite(tokens[k].Norm))
            {
                return -1;
            }

            if (QuoteLexicon.IsRoleHead(tokens[k].Norm) && k + 1 < chunk.End)
            {
                return k;
            }
        }

        return -1;
    }

    private int FindClose(int open, int end)
    {
        for (var k = open + 1; k < end; k++)
        {
            if (tokens[k].Kind == QTokenKind.QuoteClose)
            {
                return k;
            }
        }

        return -1;
    }

    // لوزارة، لشركة: an institution after لـ continues the role; لويس (a name) does not.
    private static bool IsInstitutionAfterLam(string norm) =>
        norm.Length > 2 && norm[0] == '\u0644' // ARABIC LETTER LAM
        && (QuoteLexicon.InstitutionNounSet.Contains(norm[1..]) || (norm.StartsWith("لل", StringComparison.Ordinal) && QuoteLexicon.InstitutionNounSet.Contains(norm[2..])));

    private string FirstWordNorm((int Start, int End) span)
    {
        for (var k = span.Start; k < span.End; k++)
        {
            if (tokens[k].IsWord)
            {
                return tokens[k].Norm;
            }
        }

        return string.Empty;
    }

    private (int Start, int End) TrimMarkup((int Start, int End) span)
    {
        while (span.End > span.Start && tokens[span.End - 1].Kind == QTokenKind.Markup)
        {
            span.End--;
        }

        while (span.Start < span.End && tokens[span.Start].Kind == QTokenKind.Markup)
        {
            span.Start++;
        }

        return span;
    }

    private string Slice((int Start, int End) span)
    {
        span = TrimMarkup(span) is { } trimmed && trimmed.End > trimmed.Start ? trimmed : span;
        var start = tokens[span.Start].Start;
        var end = tokens[span.End - 1].End;
        return text[start..end];
    }

    /// <summary>Whether a quotation span looks like a quoted name (صحيفة "نيويورك تايمز"، لـ«النهار») rather than speech.</summary>
    public bool IsNameQuote(int spanIndex)
    {
        var span = spans[spanIndex];
        if (span.OpenToken < 0 || span.CloseToken < 0)
        {
            return false;
        }

        var words = 0;
        for (var k = span.OpenToken + 1; k < span.CloseToken; k++)
        {
            if (tokens[k].IsWord)
            {
                words++;
            }
        }

        if (words > 3)
        {
            return false;
        }

        var before = span.OpenToken - 1;
        if (before < 0 || !tokens[before].IsWord)
        {
            return false;
        }

        var norm = tokens[before].Norm;
        return norm == "ل" || norm.EndsWith("صحيفه", StringComparison.Ordinal) || norm.EndsWith("وكاله", StringComparison.Ordinal)
            || norm.EndsWith("قناه", StringComparison.Ordinal) || norm.EndsWith("موقع", StringComparison.Ordinal)
            || norm.EndsWith("مجله", StringComparison.Ordinal) || norm.EndsWith("اذاعه", StringComparison.Ordinal)
            || norm.EndsWith("شبكه", StringComparison.Ordinal) || norm.EndsWith("حركه", StringComparison.Ordinal)
            || norm.EndsWith("حزب", StringComparison.Ordinal) || norm.EndsWith("تطبيق", StringComparison.Ordinal)
            || norm.EndsWith("منصه", StringComparison.Ordinal) || norm.EndsWith("عمليه", StringComparison.Ordinal)
            || norm.EndsWith("برنامج", StringComparison.Ordinal) || norm.EndsWith("مسلسل", StringComparison.Ordinal)
            || norm.EndsWith("فيلم", StringComparison.Ordinal) || norm.EndsWith("كتاب", StringComparison.Ordinal)
            || norm.EndsWith("شركه", StringComparison.Ordinal) || norm.EndsWith("مجموعه", StringComparison.Ordinal)
            || norm.EndsWith("جماعه", StringComparison.Ordinal) || norm.EndsWith("تنظيم", StringComparison.Ordinal)
            || norm.EndsWith("مهرجان", StringComparison.Ordinal) || norm.EndsWith("اسم", StringComparison.Ordinal);
    }
}
