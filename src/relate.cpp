// SPDX-License-Identifier: Apache-2.0
// Relations between items (follow-ups, translations) and campaign matching.
// See include/hrnews/relate.hpp and docs/campaigns.md.
#include <hrnews/relate.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <functional>
#include <limits>
#include <map>
#include <numeric>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include <hrnews/classify.hpp>
#include <hrnews/error.hpp>
#include <hrnews/language.hpp>
#include <hrnews/nlohmann.hpp>

#include "classify_detail.hpp"
#include "fold.hpp"
#include "relate_detail.hpp"

namespace hrnews {
namespace {

constexpr std::size_t max_content_scan = 8 * 1024;  // bytes of an intervention's content searched for a reference
constexpr std::size_t npos = static_cast<std::size_t>(-1);

using detail::lower_ascii;

std::string primary(std::string_view tag) { return lower_ascii(tag.substr(0, tag.find_first_of("-_"))); }

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/// True when `s` is a language tag hrnews treats as a URL marker (`fr`, `pt-br`, `es-419`).
[[gnu::always_inline]] inline bool is_marker_language(std::string_view s) {
  if (s.size() < 2) return false;
  if (s.size() > 2) {
    if (s[2] != '-' && s[2] != '_') return false;
    const std::string_view region = s.substr(3);
    if (region.size() != 2 && region.size() != 3) return false;
    for (char c : region)
      if (!is_alpha(c) && !(c >= '0' && c <= '9')) return false;
  }
  if (!is_alpha(s[0]) || !is_alpha(s[1])) return false;
  // The two-letter tags known: the identifiable languages and a few more, in a table of 26 × 26.
  static const std::array<bool, 26 * 26> known = [] {
    std::array<bool, 26 * 26> t{};
    auto add = [&t](std::string_view tag) {
      if (tag.size() == 2 && is_alpha(tag[0]) && is_alpha(tag[1]))
        t[static_cast<std::size_t>(detail::lower_ascii_char(tag[0]) - 'a') * 26 +
          static_cast<std::size_t>(detail::lower_ascii_char(tag[1]) - 'a')] = true;
    };
    for (std::string_view e : {"ca", "tr", "pl", "sv"}) add(e);
    for (const std::string& tag : identifiable_languages()) add(tag);
    return t;
  }();
  return known[static_cast<std::size_t>(detail::lower_ascii_char(s[0]) - 'a') * 26 +
               static_cast<std::size_t>(detail::lower_ascii_char(s[1]) - 'a')];
}

/// Where the language marker of a URL is: `url[at, at + len)` (see `split_url_language`).
struct MarkerSpan {
  std::size_t at = 0, len = 0;
};

/// The marker of `url`, if any: what `split_url_language` finds, without building strings.
std::optional<MarkerSpan> url_marker(std::string_view url) {
  if (url.empty()) return std::nullopt;
  // Query parameter.
  const std::size_t q = url.find('?');
  const std::size_t hash = url.find('#');
  const std::string_view path_part = url.substr(0, std::min(q, hash));
  if (q != std::string_view::npos) {
    std::string_view query = url.substr(q + 1, hash == std::string_view::npos ? std::string_view::npos : hash - q - 1);
    std::size_t pos = 0;
    while (pos <= query.size()) {
      std::size_t amp = query.find('&', pos);
      if (amp == std::string_view::npos) amp = query.size();
      const std::string_view param = query.substr(pos, amp - pos);
      const std::size_t eq = param.find('=');
      if (eq != std::string_view::npos) {
        const std::string_view key = param.substr(0, eq);
        const std::string_view value = param.substr(eq + 1);
        if ((detail::ascii_iequal(key, "lang") || detail::ascii_iequal(key, "hl") ||
             detail::ascii_iequal(key, "language")) &&
            is_marker_language(value))
          return MarkerSpan{q + 1 + pos + eq + 1, value.size()};
      }
      pos = amp + 1;
    }
  }
  // Path segments, after the authority.
  std::size_t start = 0;
  // Most URLs begin with "https://" or "http://": there the first "://" is
  // known without a search (the letters before it hold no ':').
  auto begins = [&path_part](std::string_view prefix) {
    return path_part.size() >= prefix.size() && std::memcmp(path_part.data(), prefix.data(), prefix.size()) == 0;
  };
  const std::size_t scheme_end =
      begins("https://") ? 5 : begins("http://") ? 4 : path_part.find("://");
  if (scheme_end != std::string_view::npos) {
    start = path_part.find('/', scheme_end + 3);
    if (start == std::string_view::npos) return std::nullopt;
  }
  std::size_t seg = start;
  std::size_t last_begin = npos, last_end = npos;
  while (seg < path_part.size()) {
    if (path_part[seg] == '/') ++seg;
    std::size_t end = path_part.find('/', seg);
    if (end == std::string_view::npos) end = path_part.size();
    const std::string_view segment = path_part.substr(seg, end - seg);
    if (is_marker_language(segment)) return MarkerSpan{seg, end - seg};
    if (!segment.empty()) {
      last_begin = seg;
      last_end = end;
    }
    seg = end;
  }
  // Suffix of the last segment: name-fr, name_fr, name.fr, name.fr.html.
  if (last_begin == npos) return std::nullopt;
  std::string_view last = path_part.substr(last_begin, last_end - last_begin);
  std::size_t cut = last.size();
  const std::size_t dot = last.rfind('.');
  if (dot != std::string_view::npos && last.size() - dot - 1 >= 2 && last.size() - dot - 1 <= 5) {
    const std::string_view ext = last.substr(dot + 1);
    for (std::string_view known : {"html", "htm", "php", "asp", "aspx", "pdf"})
      if (detail::ascii_iequal(ext, known)) cut = dot;
  }
  if (cut < 4) return std::nullopt;
  const char sep = last[cut - 3];
  if (sep != '-' && sep != '_' && sep != '.') return std::nullopt;
  const std::string_view code = last.substr(cut - 2, 2);
  if (!is_marker_language(code)) return std::nullopt;
  return MarkerSpan{last_begin + cut - 2, 2};
}

/// Folded text bounded by spaces: `" follow up on the case "`.
std::string padded_fold(std::string_view text) {
  std::string out = " ";
  out += detail::fold(text);
  out += ' ';
  return out;
}

bool has_phrase(const std::string& padded, std::string_view phrase) {
  std::string p = " ";
  p += phrase;
  p += ' ';
  return padded.find(p) != std::string::npos;
}

void add_relation(Article& a, RelationType rel, const std::string& target, std::size_t& counter) {
  for (const Relation& r : a.related)
    if (r.rel == rel && r.id_or_url == target) return;
  a.related.push_back(Relation{rel, target});
  ++counter;
}

bool has_relation(const Article& a, RelationType rel) {
  return std::any_of(a.related.begin(), a.related.end(), [rel](const Relation& r) { return r.rel == rel; });
}

using detail::hash_text;

/// Union–find over item indexes.
struct Groups {
  std::vector<std::size_t> parent;
  explicit Groups(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), std::size_t{0}); }
  std::size_t find(std::size_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  }
  void join(std::size_t a, std::size_t b) {
    a = find(a);
    b = find(b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  }
};

bool marked_follow_up(const Item& item) {
  if (const auto* iv = std::get_if<Intervention>(&item))
    if (iv->intervention_type == InterventionType::follow_up) return true;
  const Article& a = article_of(item);
  for (const TermRef& r : a.subjects)
    if (r.scheme == "genre" && r.code == "follow-up") return true;
  return title_says_follow_up(a.title.value);
}

}  // namespace

bool title_says_follow_up(std::string_view title) {
  if (title.empty()) return false;
  static constexpr std::string_view cues[] = {"follow up",   "followup",    "further information", "update",
                                              "suivi",       "nouvelles informations",             "seguimiento",
                                              "actualizacion", "nueva informacion"};
  const std::string padded = padded_fold(title);
  for (std::string_view cue : cues)
    if (has_phrase(padded, cue)) return true;
  return false;
}

namespace {

/// True when `hint` names `text` (the same characters at the same address).
bool names_text(std::string_view hint, const std::string& text) noexcept {
  return hint.data() == text.data() && hint.size() == text.size();
}

/// `item_case_reference(item)`, without searching again what `hint` says holds no reference.
std::optional<CaseReference> case_reference_of(const Item& item, const detail::ReferenceHint* hint) {
  if (const auto* iv = std::get_if<Intervention>(&item))
    if (iv->case_ref && iv->case_ref->scheme() != CaseScheme::unknown) return iv->case_ref;
  const Article& a = article_of(item);
  // An appeal reference is a reference: where there is none of any scheme there is none of these.
  auto first = [](std::string_view text) { return detail::first_case_reference(text, true); };
  if (!hint || !names_text(hint->title, a.title.value))
    if (auto r = first(a.title.value)) return r;
  if (a.summary && (!hint || !names_text(hint->summary, a.summary->value)))
    if (auto r = first(a.summary->value)) return r;
  if (!hint || hint->categories != a.categories.data() || hint->category_count != a.categories.size())
    for (const Category& c : a.categories) {
      if (auto r = first(c.term)) return r;
      if (!c.label.empty())  // most categories have a term only
        if (auto r = first(c.label)) return r;
    }
  if (a.content && std::holds_alternative<Intervention>(item)) {
    std::string_view body = a.content->value;
    if (body.size() > max_content_scan) {
      std::size_t n = max_content_scan;
      while (n > 0 && (static_cast<unsigned char>(body[n]) & 0xC0) == 0x80) --n;
      body = body.substr(0, n);
    }
    const std::string_view head = hint ? hint->content_head : std::string_view();
    if (!head.empty() && head.data() == body.data() && head.size() <= body.size()) {
      // The head has no slash that may end a reference's digits, and whether a
      // slash is one depends only on the bytes before it: the first such slash
      // of the body, if any, is at or after the head's end.
      const std::size_t slash = detail::reference_slash_from(body, head.size());
      if (slash == std::string_view::npos) return std::nullopt;
      return detail::first_case_reference_searched(body, true, slash);
    }
    if (auto r = first(body)) return r;
  }
  return std::nullopt;
}

}  // namespace

std::optional<CaseReference> item_case_reference(const Item& item) { return case_reference_of(item, nullptr); }

std::optional<UrlLanguage> split_url_language(std::string_view url) {
  const std::optional<MarkerSpan> m = url_marker(url);
  if (!m) return std::nullopt;
  UrlLanguage out;
  out.stem.reserve(url.size() - m->len + 1);
  out.stem.append(url.substr(0, m->at)).append(1, '*').append(url.substr(m->at + m->len));
  out.language = lower_ascii(url.substr(m->at, m->len));
  return out;
}

namespace detail {

Relater::Relater(Collection& c, const RelateOptions& options)
    : c_(c), options_(options), n_(c.items.size()), feed_lang_(primary(c.feed.language)) {
  if (!options_.translations && !options_.follow_ups) return;
  langs_.push_back(feed_lang_);
  lang_ids_.emplace(feed_lang_, 0);
  lang_.resize(n_);
  inferred_.resize(n_);
  stems_.reserve(n_);
}

void Relater::add(std::size_t i) { add(i, nullptr); }

void Relater::add(std::size_t i, const ReferenceHint& hint) { add(i, &hint); }

void Relater::add(std::size_t i, const ReferenceHint* hint) {
  Item& item = c_.items[i];
  // 1. References.
  std::optional<CaseReference> ref = case_reference_of(item, hint);
  if (options_.case_references && ref)
    if (auto* iv = std::get_if<Intervention>(&item); iv && !iv->case_ref) {
      iv->case_ref = ref;
      ++result_.case_references;
    }
  if (!options_.translations && !options_.follow_ups) return;

  const Article& a = article_of(item);
  // The effective language: the item's own, else the feed's (primary subtag).
  lang_[i] = a.language.empty() ? 0 : language_id(a.language);
  inferred_[i] = a.language_inferred;

  // 2. Cases and their versions.
  if (ref) {
    const CaseReference base = ref->base();
    std::string key = std::string(to_string(base.scheme())) + "|" + base.format();
    cases_[key][{ref->follow_up(), marked_follow_up(item)}].push_back(i);
  }

  // 3. (facts of) translation groups: hreflang links and the URL stem.
  if (!options_.translations) return;
  for (const Link& l : a.links) hreflang_ = hreflang_ || !l.hreflang.empty();
  if (a.url.empty()) return;
  if (const auto m = url_marker(a.url)) {
    const char* const url = a.url.data();  // the marker is url[at, at + len), within the URL
    const std::string_view before(url, m->at), marker(url + m->at, m->len),
        after(url + m->at + m->len, a.url.size() - m->at - m->len);
    const std::size_t size = before.size() + 1 + after.size();
    if (stem_.size() < size) stem_.resize(size);  // only grows: its first `size` bytes are the stem
    std::memcpy(&stem_[0], before.data(), before.size());
    stem_[before.size()] = '*';
    std::memcpy(&stem_[before.size() + 1], after.data(), after.size());
    stems_.push_back(Stem{hash_text(std::string_view(stem_.data(), size)), i, before, marker, after});
  }
}

std::uint32_t Relater::language_id(std::string_view tag) {
  const std::string_view subtag = tag.substr(0, tag.find_first_of("-_"));
  if (ascii_iequal(subtag, langs_[last_lang_])) return last_lang_;  // items mostly share a language
  std::string key = lower_ascii(subtag);
  const auto [it, added] = lang_ids_.emplace(std::move(key), static_cast<std::uint32_t>(langs_.size()));
  if (added) langs_.push_back(it->first);
  return last_lang_ = it->second;
}

RelateResult Relater::finish() {
  RelateResult result = result_;
  const std::size_t n = n_;
  if (n == 0 || (!options_.translations && !options_.follow_ups)) return result;
  const std::vector<std::uint32_t>& lang = lang_;  // equal ids: equal languages
  auto no_language = [this](std::size_t i) { return langs_[lang_[i]].empty(); };
  Collection& c = c_;

  // 3. Translation groups.
  Groups groups(n);
  std::vector<bool> grouped(n, false);
  auto join = [&](std::size_t a, std::size_t b) {
    groups.join(a, b);
    grouped[a] = grouped[b] = true;
  };
  if (options_.translations) {
    for (auto& [key, versions] : cases_)
      for (auto& [vk, members] : versions)
        for (std::size_t k = 1; k < members.size(); ++k)
          for (std::size_t m = 0; m < k; ++m)
            if (lang[members[k]] != lang[members[m]] && !no_language(members[k]) && !no_language(members[m]))
              join(members[m], members[k]);
    // URL stems: the URLs with a language marker, chained by a hash of the
    // stem (the URL with `*` for its marker) so that only URLs of one hash are
    // compared. The pairs joined do not depend on the hash (equal stems have
    // equal hashes; a collision is ruled out by the comparison below), nor on
    // the order of the joins.
    const std::vector<Stem>& stems = stems_;
    auto same_stem = [](const Stem& x, const Stem& y) {
      if (x.before.size() == y.before.size()) return x.before == y.before && x.after == y.after;
      // A URL may hold a `*` itself: then only the whole stems tell.
      return (std::string(x.before) + '*').append(x.after) == (std::string(y.before) + '*').append(y.after);
    };
    // Open addressing on the hash: each slot holds the first stem of a chain
    // (in document order) and its last; `next_of` links the others. Stem
    // indexes in 32 bits, half the memory to clear and to read (a collection
    // of 2^32 items, hundreds of bytes each, would not fit in memory).
    using Index = std::uint32_t;
    constexpr Index none = std::numeric_limits<Index>::max();
    struct Slot {
      Index head = none, tail = none;
    };
    std::size_t slots = 16;
    while (slots < 2 * stems.size()) slots *= 2;
    std::vector<Slot> table(slots);
    std::vector<Index> next_of(stems.size(), none);
    bool shared = false;  // some hash is held by two stems
    for (std::size_t k = 0; k < stems.size(); ++k) {
      std::size_t h = static_cast<std::size_t>(stems[k].hash) & (slots - 1);
      while (table[h].head != none && stems[table[h].head].hash != stems[k].hash) h = (h + 1) & (slots - 1);
      if (table[h].head == none) {
        table[h].head = static_cast<Index>(k);
      } else {
        next_of[table[h].tail] = static_cast<Index>(k);
        shared = true;
      }
      table[h].tail = static_cast<Index>(k);
    }
    if (shared)
      for (std::size_t h = 0; h < slots; ++h) {
        const Index first = table[h].head;
        if (first == none || next_of[first] == none) continue;
        for (Index k = next_of[first]; k != none; k = next_of[k])
          for (Index m = first; m != k; m = next_of[m])
            if (same_stem(stems[k], stems[m]) && !detail::ascii_iequal(stems[k].marker, stems[m].marker))
              join(stems[m].item, stems[k].item);
      }
    if (hreflang_) {
      std::unordered_map<std::string_view, std::size_t> by_url;
      for (std::size_t i = 0; i < n; ++i) {
        const Article& a = article_of(c.items[i]);
        if (!a.url.empty()) by_url.emplace(a.url, i);
      }
      for (std::size_t i = 0; i < n; ++i)
        for (const Link& l : article_of(c.items[i]).links) {
          if (l.hreflang.empty() || (l.rel != "alternate" && !l.rel.empty())) continue;
          const auto it = by_url.find(std::string_view(l.href));
          if (it != by_url.end() && it->second != i) join(i, it->second);
        }
    }
  }
  // The original of each group.
  auto better_original = [&](std::size_t a, std::size_t b) {  // true when a is the better original
    auto rank = [&](std::size_t i) {
      return std::make_tuple(!feed_lang_.empty() && lang[i] == 0 && !inferred_[i] ? 0 : 1,  // 0: the feed's
                             inferred_[i] ? 1 : 0, i);
    };
    return rank(a) < rank(b);
  };
  std::unordered_map<std::size_t, std::size_t> original;  // group root -> original
  for (std::size_t i = 0; i < n; ++i) {
    if (!grouped[i]) continue;
    const std::size_t root = groups.find(i);
    auto it = original.find(root);
    if (it == original.end()) original.emplace(root, i);
    else if (better_original(i, it->second)) it->second = i;
  }
  auto original_of = [&](std::size_t i) { return grouped[i] ? original.at(groups.find(i)) : i; };
  for (std::size_t i = 0; i < n; ++i) {
    if (!grouped[i]) continue;
    const std::size_t o = original_of(i);
    if (o == i) continue;
    Article& a = article_of(c.items[i]);
    const std::string& target = article_of(c.items[o]).id;
    if (!target.empty() && !has_relation(a, RelationType::translation_of))
      add_relation(a, RelationType::translation_of, target, result.translations);
  }

  // 4. Follow-ups: each version follows the one before it.
  if (options_.follow_ups) {
    for (auto& [key, versions] : cases_) {
      const std::vector<std::size_t>* previous = nullptr;
      for (auto& [vk, members] : versions) {
        if (previous) {
          // The previous version's original (in document order, the best-ranked member).
          std::size_t prev_main = (*previous)[0];
          for (std::size_t p : *previous)
            if (better_original(p, prev_main)) prev_main = p;
          for (std::size_t i : members) {
            std::size_t target = prev_main;
            for (std::size_t p : *previous)
              if (lang[p] == lang[i]) {
                target = p;
                break;
              }
            const std::string& id = article_of(c.items[target]).id;
            if (id.empty()) continue;
            Article& a = article_of(c.items[i]);
            add_relation(a, RelationType::follow_up_of, id, result.follow_ups);
            if (auto* iv = std::get_if<Intervention>(&c.items[i]); iv && iv->follows.empty()) iv->follows = id;
          }
        }
        previous = &members;
      }
    }
  }
  return result;
}

}  // namespace detail

RelateResult relate(Collection& c, const RelateOptions& options) {
  detail::Relater relater(c, options);
  for (std::size_t i = 0; i < c.items.size(); ++i) relater.add(i);
  return relater.finish();
}

// ---------------------------------------------------------------------------
// Campaigns

std::vector<Campaign> read_campaigns(std::string_view text, const std::string& file_name) {
  nlohmann::json j = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
  if (j.is_discarded()) throw ParseError("campaigns", "not valid JSON", {}, {}, file_name);
  const nlohmann::json* list = &j;
  std::string base;
  if (j.is_object()) {
    const auto it = j.find("campaigns");
    if (it == j.end()) throw ParseError("campaigns", "expected a member \"campaigns\"", {}, "/", file_name);
    list = &*it;
    base = "/campaigns";
  }
  if (!list->is_array())
    throw ParseError("campaigns", "expected an array of campaigns", {}, base.empty() ? "/" : base, file_name);
  std::vector<Campaign> out;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const std::string path = base + "/" + std::to_string(i);
    Campaign campaign;
    try {
      from_json((*list)[i], campaign);
    } catch (const ParseError& e) {
      throw ParseError("campaigns", e.message(), {}, path + e.path(), file_name);
    }
    if (campaign.id.empty()) throw ParseError("campaigns", "a campaign needs a non-empty \"id\"", {}, path, file_name);
    for (const Campaign& seen : out)
      if (seen.id == campaign.id)
        throw ParseError("campaigns", "campaign id \"" + campaign.id + "\" is repeated", {}, path + "/id", file_name);
    out.push_back(std::move(campaign));
  }
  return out;
}

std::size_t match_campaigns(Collection& c, const std::vector<Campaign>& campaigns) {
  struct Pattern {
    std::vector<std::string> phrases;   // folded names
    std::vector<std::string> hashtags;  // folded, without '#'
  };
  std::vector<Pattern> patterns;
  for (const Campaign& campaign : campaigns) {
    Pattern p;
    for (std::string_view name : {std::string_view(campaign.name), std::string_view(campaign.title.value)}) {
      std::string f = detail::fold(name);
      if (!f.empty() && std::find(p.phrases.begin(), p.phrases.end(), f) == p.phrases.end())
        p.phrases.push_back(std::move(f));
    }
    for (const std::string& tag : campaign.hashtags) {
      std::string f = detail::fold(std::string_view(tag).substr(!tag.empty() && tag[0] == '#' ? 1 : 0));
      f.erase(std::remove(f.begin(), f.end(), ' '), f.end());
      if (!f.empty()) p.hashtags.push_back(std::move(f));
    }
    patterns.push_back(std::move(p));
  }
  std::size_t added = 0;
  for (Item& item : c.items) {
    Article& a = article_of(item);
    std::string text = a.title.value;
    if (a.summary) (text += '\n') += a.summary->value;
    if (a.content) (text += '\n') += a.content->value;
    for (const Category& cat : a.categories) ((text += '\n') += cat.term) += (cat.label.empty() ? "" : "\n" + cat.label);
    const std::string padded = padded_fold(text);
    // Hashtags as written: '#' then letters and digits.
    std::vector<std::string> tags;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] != '#') continue;
      std::size_t j = i + 1;
      while (j < text.size() && (is_alpha(text[j]) || (text[j] >= '0' && text[j] <= '9') || text[j] == '_' ||
                                 (static_cast<unsigned char>(text[j]) >= 0x80)))
        ++j;
      if (j > i + 1) {
        std::string f = detail::fold(std::string_view(text).substr(i + 1, j - i - 1));
        f.erase(std::remove(f.begin(), f.end(), ' '), f.end());
        tags.push_back(std::move(f));
      }
      i = j - 1;
    }
    for (const Category& cat : a.categories) {
      std::string f = detail::fold(cat.term);
      f.erase(std::remove(f.begin(), f.end(), ' '), f.end());
      tags.push_back(std::move(f));
    }
    for (std::size_t k = 0; k < campaigns.size(); ++k) {
      const Pattern& p = patterns[k];
      bool hit = std::any_of(p.phrases.begin(), p.phrases.end(), [&](const std::string& ph) { return has_phrase(padded, ph); });
      if (!hit)
        hit = std::any_of(p.hashtags.begin(), p.hashtags.end(), [&](const std::string& t) {
          return std::find(tags.begin(), tags.end(), t) != tags.end();
        });
      if (!hit) continue;
      const Campaign& campaign = campaigns[k];
      auto it = std::find_if(c.campaigns.begin(), c.campaigns.end(), [&](const Campaign& x) { return x.id == campaign.id; });
      if (it == c.campaigns.end()) {
        c.campaigns.push_back(campaign);
        it = c.campaigns.end() - 1;
      }
      bool linked = false;
      if (std::find(a.campaigns.begin(), a.campaigns.end(), campaign.id) == a.campaigns.end()) {
        a.campaigns.push_back(campaign.id);
        linked = true;
      }
      if (!a.id.empty() && std::find(it->items.begin(), it->items.end(), a.id) == it->items.end()) {
        it->items.push_back(a.id);
        linked = true;
      }
      added += linked;
    }
  }
  return added;
}

}  // namespace hrnews
