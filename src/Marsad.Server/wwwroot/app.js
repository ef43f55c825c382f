// Marsad web UI. Every string that comes from an article is untrusted: it is only ever inserted
// with textContent / createTextNode (see el()), never as HTML. Links are built from ids the
// server gives, URL-encoded, and external URLs are shown only when they are http(s).
"use strict";

const view = () => document.getElementById("view");

/** Creates an element with attributes and children; strings become text nodes. */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "onclick" || key === "onsubmit") node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function safeHref(url) {
  try { const u = new URL(url); return (u.protocol === "http:" || u.protocol === "https:") ? u.href : null; }
  catch { return null; }
}

const enc = encodeURIComponent;
const typeNames = { PER: "شخص", LOC: "مكان", ORG: "منظمة", MISC: "أخرى" };
const fmtDate = iso => iso ? String(iso).slice(0, 10) : "";

async function api(path, options, onHeaders) {
  const response = await fetch(path, options);
  if (onHeaders) onHeaders(response.headers);
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const message = body && body.detail ? `${body.code || response.status}: ${body.detail}` : `HTTP ${response.status}`;
    throw new Error(message);
  }
  return body;
}

function show(...nodes) { view().replaceChildren(...nodes); window.scrollTo(0, 0); }
function fail(error) { show(el("p", { class: "error" }, "تعذّر التحميل — ", error.message)); }

function entityChip(e) {
  return el("a", { class: `chip ent ent-${e.type}`, href: `#/entity/${enc(e.key)}`, "data-entity": e.key }, e.name || e.canonicalName || e.key);
}

// ---------- pages ----------

async function storiesPage() {
  const data = await api("/api/stories?limit=30");
  const items = data.items || [];
  show(
    el("h1", {}, "القصص الرائجة"),
    items.length === 0 ? el("p", { class: "empty" }, "لا قصص في الأرشيف بعد: شغّل marsad ingest.") : null,
    ...items.map(s => el("article", { class: "card story", "data-story": s.id },
      el("h2", {}, el("a", { href: `#/story/${enc(s.id)}` }, s.headline)),
      el("div", { class: "meta" }, `${s.articleCount} مقالات من ${s.sourceCount} مصادر · من ${fmtDate(s.firstSeen)} إلى ${fmtDate(s.lastSeen)}`),
      el("div", { class: "chips" }, (s.topEntities || []).map(entityChip)))));
}

async function storyPage(id) {
  const s = await api(`/api/stories/${enc(id)}`);
  const bySource = new Map();
  for (const m of s.members || []) {
    const key = m.source || "—";
    if (!bySource.has(key)) bySource.set(key, []);
    bySource.get(key).push(m);
  }
  show(
    el("h1", {}, s.headline),
    el("div", { class: "meta" }, `من ${fmtDate(s.firstSeen)} إلى ${fmtDate(s.lastSeen)}`),
    el("div", { class: "chips" }, (s.topEntities || []).map(entityChip)),
    el("h2", {}, "التسلسل الزمني"),
    el("table", {}, el("tbody", {}, (s.members || []).slice().sort((a, b) => String(a.publishedAt).localeCompare(String(b.publishedAt)))
      .map(m => el("tr", {}, el("td", {}, fmtDate(m.publishedAt)), el("td", {}, m.source || ""), el("td", {}, el("a", { href: `#/article/${enc(m.id)}` }, m.headline || m.id)))))),
    el("h2", {}, "حسب المصدر"),
    ...[...bySource.entries()].map(([source, members]) => el("section", { class: "card" },
      el("h3", {}, source), el("ul", {}, members.map(m => el("li", {}, el("a", { href: `#/article/${enc(m.id)}` }, m.headline || m.id)))))));
}

/** Renders one block of the article text with entity, quote and time spans as nested, escaped elements. */
function renderBlock(doc, block) {
  const marks = [];
  for (const m of doc.mentions || []) marks.push({ start: m.start, end: m.end, kind: "ent", m });
  for (const t of doc.times || []) marks.push({ start: t.start, end: t.end, kind: "time", t });
  const inBlock = x => x.start >= block.start && x.end <= block.end;
  const quotes = (doc.quotes || []).filter(q => q.contentEnd > block.start && q.contentStart < block.end);
  const points = new Set([block.start, block.end]);
  for (const x of marks.filter(inBlock)) { points.add(x.start); points.add(x.end); }
  for (const q of quotes) { points.add(Math.max(q.contentStart, block.start)); points.add(Math.min(q.contentEnd, block.end)); }
  const cuts = [...points].sort((a, b) => a - b);
  const tag = block.kind === "Headline" ? "h1" : "p";
  const out = el(tag, { class: block.kind === "Headline" ? "headline" : block.kind === "Caption" ? "caption" : "" });
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [a, b] = [cuts[i], cuts[i + 1]];
    let node = document.createTextNode(doc.text.slice(a, b));
    const mention = marks.find(x => x.kind === "ent" && inBlock(x) && x.start <= a && x.end >= b);
    if (mention) {
      const m = mention.m;
      node = el(m.entityKey ? "a" : "span", { class: `ent ent-${m.type}`, href: m.entityKey ? `#/entity/${enc(m.entityKey)}` : null, title: typeNames[m.type] || m.type, "data-entity": m.entityKey || null }, node);
    }
    const time = marks.find(x => x.kind === "time" && inBlock(x) && x.start <= a && x.end >= b);
    if (time) node = el("span", { class: "time", title: time.t.value || "غير محدد" }, node);
    const quote = quotes.find(q => q.contentStart <= a && q.contentEnd >= b);
    if (quote) node = el("span", { class: "quote", title: `${quote.speaker || "؟"} (${quote.cue || ""})` }, node);
    out.append(node);
  }
  return out;
}

async function articlePage(id) {
  const doc = await api(`/api/articles/${enc(id)}`);
  const a = doc.article;
  const url = a.url ? safeHref(a.url) : null;
  show(
    el("div", { class: "meta" }, [a.source, a.section, fmtDate(a.publishedAt)].filter(Boolean).join(" · "), url ? [" · ", el("a", { href: url, rel: "noopener noreferrer nofollow" }, "المصدر")] : null),
    el("div", { class: "legend meta" }, el("span", { class: "ent ent-PER" }, "شخص"), el("span", { class: "ent ent-LOC" }, "مكان"), el("span", { class: "ent ent-ORG" }, "منظمة"), el("span", { class: "quote" }, "اقتباس"), el("span", { class: "time" }, "تاريخ")),
    el("article", { class: "card article-body" }, (doc.blocks || []).map(b => renderBlock(doc, b))),
    (doc.summary || []).length ? el("section", { class: "card" }, el("h2", {}, "الملخص"), (doc.summary || []).map(i => el("p", {}, doc.text.slice(doc.sentences[i].start, doc.sentences[i].end)))) : null,
    (doc.entities || []).length ? el("section", { class: "card" }, el("h2", {}, "الكيانات"), el("div", { class: "chips" }, doc.entities.map(e => entityChip({ key: e.key, type: e.type, name: `${e.canonicalName} (${e.mentionCount})` })))) : null,
    (doc.quotes || []).length ? el("section", { class: "card" }, el("h2", {}, "الاقتباسات"), el("table", {}, el("tbody", {}, doc.quotes.map(q =>
      el("tr", {}, el("td", {}, q.speakerEntityKey ? el("a", { href: `#/entity/${enc(q.speakerEntityKey)}` }, q.speaker || "") : (q.speaker || "")), el("td", {}, q.role || ""), el("td", {}, q.cue || ""), el("td", {}, q.content || doc.text.slice(q.contentStart, q.contentEnd))))))) : null,
    (doc.times || []).length ? el("section", { class: "card" }, el("h2", {}, "التواريخ"), el("table", {}, el("tbody", {}, doc.times.map(t => el("tr", {}, el("td", {}, t.text), el("td", {}, t.type), el("td", {}, t.value || "غير محدد")))))) : null,
    (doc.keyphrases || []).length ? el("section", { class: "card" }, el("h2", {}, "عبارات مفتاحية"), el("div", { class: "chips" }, doc.keyphrases.map(k => el("span", { class: "chip" }, k.text)))) : null);
}

async function entityPage(key) {
  const [e, recent] = await Promise.all([api(`/api/entities/${enc(key)}`), api(`/api/articles?entity=${enc(key)}&limit=10`)]);
  const series = e.mentionsOverTime || [];
  const max = Math.max(1, ...series.map(p => p.count));
  show(
    el("h1", {}, el("span", { class: `ent ent-${e.type}`, "data-entity-title": e.key }, e.name)),
    el("div", { class: "meta" }, [typeNames[e.type] || e.type, e.englishName, e.wikidataId, `${e.articles} مقالات`, `${e.mentions} إشارة`].filter(Boolean).join(" · ")),
    el("section", { class: "card" }, el("h2", {}, "الإشارات عبر الزمن"),
      el("div", { class: "chart", role: "img", "aria-label": "عدد الإشارات يومياً" }, series.map(p => el("div", { class: "bar", style: null, title: `${p.date}: ${p.count}`, "data-height": Math.round(100 * p.count / max) }))),
      el("div", { class: "meta" }, series.length ? `${series[0].date} — ${series[series.length - 1].date}` : "")),
    el("section", { class: "card" }, el("h2", {}, "كيانات مرافقة"), el("div", { class: "chips" }, (e.cooccurring || []).map(c => entityChip({ key: c.key, type: c.type, name: `${c.name} (${c.count})` })))),
    el("section", { class: "card" }, el("h2", {}, "اقتباسات"), (e.quotes || []).length === 0 ? el("p", { class: "empty" }, "لا اقتباسات.") :
      el("ul", {}, e.quotes.map(q => el("li", {}, el("q", {}, q.content), " — ", el("a", { href: `#/article/${enc(q.articleId)}` }, q.headline || q.articleId), " ", el("span", { class: "meta" }, fmtDate(q.publishedAt)))))),
    el("section", { class: "card" }, el("h2", {}, "مقالات"), el("ul", {}, (recent.items || []).map(a => el("li", {}, el("a", { href: `#/article/${enc(a.id)}` }, a.headline || a.id), " ", el("span", { class: "meta" }, fmtDate(a.publishedAt)))))));
  // Bar heights are set through the CSSOM (the style-src policy forbids inline style attributes).
  for (const bar of view().querySelectorAll(".bar")) bar.style.height = `${bar.dataset.height}%`;
}

function highlightNodes(fragments) {
  return (fragments || []).map(f => f.hit ? el("mark", { class: "hit" }, f.text) : document.createTextNode(f.text));
}

async function searchPage(params) {
  const q = params.get("q") || "";
  document.getElementById("search-input").value = q;
  const query = new URLSearchParams();
  for (const k of ["q", "entity", "source", "section", "from", "to"]) if (params.get(k)) query.set(k, params.get(k));
  const data = q || params.get("entity") ? await api(`/api/search?${query}`) : { total: 0, items: [] };
  const filter = (name, label, type = "text") => el("input", { name, type, placeholder: label, "aria-label": label, value: params.get(name) || "" });
  const form = el("form", { class: "filters", onsubmit: ev => {
    ev.preventDefault();
    const next = new URLSearchParams();
    for (const [k, v] of new FormData(ev.target).entries()) if (v) next.set(k, v);
    location.hash = `#/search?${next}`;
  } }, filter("q", "بحث"), filter("entity", "مفتاح الكيان"), filter("source", "المصدر"), filter("section", "القسم"), filter("from", "من", "date"), filter("to", "إلى", "date"), el("button", { type: "submit" }, "تصفية"));
  show(el("h1", {}, `نتائج البحث (${data.total})`), form,
    ...(data.items || []).map(r => el("article", { class: "card result", "data-article": r.id },
      el("h3", {}, el("a", { href: `#/article/${enc(r.id)}` }, r.headline || r.id)),
      el("div", { class: "meta" }, [r.source, r.section, fmtDate(r.publishedAt)].filter(Boolean).join(" · ")),
      el("p", {}, highlightNodes(r.highlights)))));
}

async function articlesPage(params) {
  const query = new URLSearchParams(params);
  const data = await api(`/api/articles?${query}`);
  show(el("h1", {}, `المقالات (${data.total})`),
    ...(data.items || []).map(a => el("article", { class: "card" },
      el("h3", {}, el("a", { href: `#/article/${enc(a.id)}` }, a.headline || a.id)),
      el("div", { class: "meta" }, [a.source, a.section, a.topic, fmtDate(a.publishedAt)].filter(Boolean).join(" · ")))));
}

function analyzePage() {
  const input = el("textarea", { id: "analyze-input", "aria-label": "النص", placeholder: "الصق هنا نص خبر أو صفحة HTML كاملة…" });
  const date = el("input", { id: "analyze-date", type: "date", "aria-label": "تاريخ النشر" });
  const result = el("div", { id: "analyze-result" });
  const run = async ev => {
    ev.preventDefault();
    result.replaceChildren(el("p", { class: "meta" }, "جارٍ التحليل…"));
    try {
      const query = date.value ? `?date=${enc(date.value)}` : "";
      let rejected = null;
      let warnings = null;
      const docs = await api(`/api/analyze${query}`, { method: "POST", body: input.value, headers: { "Content-Type": "text/plain; charset=utf-8" } },
        headers => { rejected = headers.get("Marsad-Rejected"); warnings = headers.get("Marsad-Warnings"); });
      // Records of a batch (JSON Lines, a feed) that could not be read are named, not silently dropped;
      // records kept with a date not understood are named with the message (JSON-escaped in the header).
      const notes = [
        ...(rejected ? [el("p", { class: "error", id: "analyze-rejected" }, "سجلات مرفوضة: ", rejected)] : []),
        ...(warnings ? [el("p", { class: "warning", id: "analyze-warnings" }, "تنبيهات: ", warnings.replace(/"(?:[^"\\]|\\.)*"/g, m => JSON.parse(m)))] : []),
      ];
      result.replaceChildren(...notes, ...docs.map(doc => el("article", { class: "card article-body" }, (doc.blocks || []).map(b => renderBlock(doc, b)),
        el("div", { class: "chips" }, (doc.entities || []).map(e => el("span", { class: `chip ent ent-${e.type}` }, `${e.canonicalName} (${e.mentionCount})`))))));
    } catch (error) {
      result.replaceChildren(el("p", { class: "error" }, error.message));
    }
  };
  show(el("h1", {}, "حلّل نصاً"), el("form", { id: "analyze-form", onsubmit: run }, input, el("div", { class: "filters" }, date, el("button", { type: "submit" }, "حلّل"))), result);
}

// ---------- routing ----------

async function route() {
  const hash = location.hash || "#/";
  const [path, search] = hash.slice(1).split("?");
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  const params = new URLSearchParams(search || "");
  try {
    if (parts.length === 0) await storiesPage();
    else if (parts[0] === "story" && parts[1]) await storyPage(parts[1]);
    else if (parts[0] === "article" && parts[1]) await articlePage(parts[1]);
    else if (parts[0] === "entity" && parts[1]) await entityPage(parts[1]);
    else if (parts[0] === "search") await searchPage(params);
    else if (parts[0] === "articles") await articlesPage(params);
    else if (parts[0] === "analyze") analyzePage();
    else show(el("p", { class: "error" }, "صفحة غير موجودة."));
  } catch (error) {
    fail(error);
  }
  document.body.dataset.ready = "true";
}

document.addEventListener("DOMContentLoaded", () => {
  document.getElementById("search-form").addEventListener("submit", ev => {
    ev.preventDefault();
    location.hash = `#/search?q=${enc(document.getElementById("search-input").value)}`;
  });
  window.addEventListener("hashchange", () => { document.body.dataset.ready = "false"; route(); });
  route();
});
