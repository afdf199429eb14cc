// SPDX-License-Identifier: Apache-2.0
// Test support: a deterministic generator of random, valid models (whole
// Collections), and a function that names the first field where two
// collections differ. Header-only (inline), used by tests/test_roundtrip.cpp.
//
// Every collection the generator makes is one the canonical formats must carry
// without loss: strings are valid UTF-8 (any code point, control characters,
// quotes, `]]>`…), timestamps are built by from_fields, case references by
// CaseReference::parse, extension values are compact JSON texts as nlohmann
// dumps them, and extension names never collide with a member of the format.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include <hrnews/collection.hpp>

namespace hrnews_test {

/// Knobs of the generator.
struct RandomOptions {
  std::size_t max_items = 8;         ///< items per collection: 0 to this
  std::size_t max_list = 3;          ///< elements of most lists: 0 to this
  double long_string_chance = 0.002; ///< chance that a free-text string is 10k+ bytes
};

/// Every member name of the canonical JSON and JSONL formats, plus `kind`:
/// extension names are drawn outside this set.
inline const std::set<std::string>& known_member_names() {
  static const std::set<std::string> names = {
      "hrnews", "feed", "items", "campaigns", "schemes", "diagnostics", "kind", "id", "title", "subtitle", "url",
      "links", "language", "language_inferred", "updated", "updated_raw", "publishers", "generator", "rights", "icon", "source_format",
      "summary", "content", "published", "published_raw", "authors", "categories", "subjects", "countries",
      "regions", "geo", "related", "attachments", "dateline", "event", "case_ref", "intervention_type", "status",
      "victims", "violations", "requested_actions", "addressees", "deadline", "deadline_raw", "follows", "name",
      "start", "start_raw", "end", "end_raw", "organisers", "hashtags", "calls_to_action", "uri", "terms", "code",
      "labels", "alt_labels", "definition", "broader", "mappings", "deprecated", "severity", "message", "line",
      "column", "path", "href", "rel", "type", "hreflang", "length", "email", "role", "abbreviation", "term",
      "scheme", "label", "lat", "lon", "id_or_url", "location", "raw", "formatted", "country", "number", "month",
      "year", "programme", "serial", "follow_up", "organisation", "gender", "institution", "address", "fax",
      "phone", "value", "extensions"};
  return names;
}

/// A deterministic generator of random models: the same seed gives the same values.
class RandomModel {
 public:
  explicit RandomModel(std::uint64_t seed, RandomOptions options = {}) : rng_(seed), options_(options) {}

  // --- primitive choices ----------------------------------------------------

  /// True with probability `p`.
  bool chance(double p) { return std::uniform_real_distribution<double>(0.0, 1.0)(rng_) < p; }
  /// A uniform integer in [lo, hi].
  template <class Int = int>
  Int between(Int lo, Int hi) { return std::uniform_int_distribution<Int>(lo, hi)(rng_); }
  /// One element of a non-empty list.
  template <class T>
  const T& pick(const std::vector<T>& list) { return list[between<std::size_t>(0, list.size() - 1)]; }
  /// A list length: 0 to `max_list` (usually small, sometimes empty).
  std::size_t count() { return chance(0.4) ? 0 : between<std::size_t>(1, options_.max_list); }

  template <class F>
  auto list(F make) -> std::vector<decltype(make())> {
    std::vector<decltype(make())> out;
    for (std::size_t n = count(); n > 0; --n) out.push_back(make());
    return out;
  }
  template <class F>
  auto maybe(F make, double p = 0.5) -> std::optional<decltype(make())> {
    if (chance(p)) return make();
    return std::nullopt;
  }

  // --- strings ----------------------------------------------------------------

  /// A non-empty string of valid UTF-8 from fragments in many scripts, with
  /// control characters, quotes, backslashes, markup and `]]>`.
  std::string text() {
    if (chance(options_.long_string_chance)) return long_text();
    std::string out;
    for (int n = between(1, 4); n > 0; --n) {
      if (!out.empty() && chance(0.6)) out += ' ';
      out += fragment();
    }
    return out;
  }
  /// Like text(), empty one time in three.
  std::string maybe_text() { return chance(0.33) ? std::string() : text(); }

  /// A string of 10 000 to 20 000 bytes mixing every kind of fragment.
  std::string long_text() {
    std::string out;
    std::size_t target = between<std::size_t>(10000, 20000);
    while (out.size() < target) out += fragment();
    return out;
  }

  std::string fragment() {
    static const std::vector<std::string> fragments = {
        "Azerbaijan", "Human Rights Defenders", "OMCT", "Observatory", "urgent appeal", "x", "0", "42",
        "Economic, Social and Cultural Rights", "10 December, 10 Defenders", "European Union (EU)",
        // French, Spanish, Portuguese, German
        "Défenseurs des droits de l'Homme", "« Genève »", "œuvre – cœur", "Côte d’Ivoire", "niños y niñas",
        "São Paulo", "Straße", "ÀÉÎÕÜ", "ﬁ ligature",
        // Arabic, Hebrew, Cyrillic, Greek, CJK, Devanagari
        "حقوق الإنسان", "זכויות אדם", "Права человека", "ПРАВА", "Ελλάδα", "人权捍卫者", "日本語のテキスト", "인권",
        "मानव अधिकार",
        // emoji and other 4-byte characters
        "✊🏽", "📢", "🇨🇭", "👩‍👩‍👧", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "\xF4\x8F\xBF\xBF",
        // combining marks, special spaces, BOM, replacement and non-characters
        "e\xCC\x81", "a\xC2\xA0" "b", "\xE2\x80\xA8", "\xE2\x80\xA9", "\xEF\xBB\xBF", "\xEF\xBF\xBD", "\xEF\xBF\xBF",
        "\xE2\x80\x8B", "\xE2\x80\x8F",
        // control characters
        "\x01", "\t", "\x7f", "\n", "\r\n", "\x1b[0m", "\x08\x0c", "\x1f", "\xC2\x80", "\xC2\x9F",
        // JSON, XML and HTML specials
        "\"quoted\"", "\\", "back\\slash", "/", "\\u0041", "]]>", "<![CDATA[x]]>", "<b>bold</b>", "&amp;", "&nbsp;",
        "<script>alert(1)</script>", "'", "{\"a\":1}", "[1,2]", "null", "true", " ", "  ", "%20", "#"};
    std::string f = pick(fragments);
    if (chance(0.02)) f += std::string(1, '\0');  // an embedded NUL
    return f;
  }

  /// A word for identifiers and keys.
  std::string word() {
    static const std::vector<std::string> words = {"alpha", "beta", "gamma", "x", "hrd", "torture", "défense",
                                                    "права", "人权", "item", "case", "omct", "2015", "a-b", "a_b"};
    return pick(words);
  }

  std::string lang() {
    static const std::vector<std::string> tags = {"en", "fr", "es", "pt-BR", "es-419", "zh-Hant", "ar", "ru",
                                                  "de-CH", "en-GB", "x-klingon", "und"};
    return pick(tags);
  }
  std::string maybe_lang() { return chance(0.3) ? std::string() : lang(); }

  std::string country() {
    std::string code(2, 'A');
    code[0] = static_cast<char>('A' + between(0, 25));
    code[1] = static_cast<char>('A' + between(0, 25));
    return code;
  }

  std::string media_type() {
    static const std::vector<std::string> types = {"application/pdf", "text/html", "image/jpeg", "audio/mpeg",
                                                   "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                                                   "video/mp4; codecs=\"avc1\""};
    return pick(types);
  }

  /// A non-empty URL or IRI (absolute or relative, sometimes with non-ASCII).
  std::string url() {
    static const std::vector<std::string> bases = {"https://www.omct.org/en/", "http://example.org/", "https://ex.org/é/",
                                                   "../relative/", "/root/", "urn:uuid:", "mailto:", "tag:omct.org,2015:"};
    std::string u = pick(bases) + word();
    if (chance(0.3)) u += "?q=" + word() + "&lang=fr";
    if (chance(0.2)) u += "#frag ment";
    return u;
  }
  std::string maybe_url() { return chance(0.35) ? std::string() : url(); }

  std::string email() { return chance(0.4) ? std::string() : word() + "@" + word() + ".org"; }

  std::optional<std::uint64_t> length() {
    switch (between(0, 5)) {
      case 0: return std::nullopt;
      case 1: return std::uint64_t{0};
      case 2: return std::numeric_limits<std::uint64_t>::max();
      case 3: return (std::uint64_t{1} << 53) + 1;  // not exact as a double
      default: return between<std::uint64_t>(1, 100000000);
    }
  }

  // --- shared pieces ----------------------------------------------------------

  hrnews::TextType text_type() { return static_cast<hrnews::TextType>(between(0, 2)); }

  /// Any text: empty or not, of any type.
  hrnews::Text any_text() { return hrnews::Text(maybe_text(), text_type()); }
  /// A text that is present: not an empty plain text (which means absent).
  hrnews::Text present_text() {
    hrnews::Text t = any_text();
    if (t.empty()) t.value = text();
    return t;
  }
  std::optional<hrnews::Text> maybe_present_text() { return maybe([&] { return present_text(); }); }

  static int days_in_month(int year, int month) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
  }

  /// A timestamp of any precision, with or without offset and fraction, from
  /// 1401 to 9998, whose raw text is its RFC 3339 form or something else.
  hrnews::Timestamp timestamp() {
    using hrnews::Precision;
    auto precision = static_cast<Precision>(between(0, 5));
    int year = 0;
    switch (between(0, 9)) {
      case 0: year = 1401; break;
      case 1: year = 9998; break;
      case 2: year = between(1401, 9998); break;
      default: year = between(1990, 2030); break;
    }
    int month = between(1, 12);
    int day = chance(0.1) ? days_in_month(year, month) : between(1, days_in_month(year, month));
    int hour = between(0, 23), minute = between(0, 59), second = between(0, 59);
    if (year == 1401 && chance(0.5)) month = day = 1, hour = minute = second = 0;
    if (year == 9998 && chance(0.5)) month = 12, day = 31, hour = 23, minute = second = 59;
    int digits = between(1, 6);
    int scale = 1;
    for (int k = digits; k < 6; ++k) scale *= 10;
    int micro = between(0, 999999 / scale) * scale;
    std::optional<int> offset;
    switch (between(0, 4)) {
      case 0: break;
      case 1: offset = 0; break;
      case 2: offset = pick(std::vector<int>{60, 120, -300, -240, 330, 345, -210, 840, -720}); break;
      default: offset = between(-1439, 1439); break;
    }
    auto t = hrnews::Timestamp::from_fields(year, month, day, hour, minute, second, micro, offset, precision, digits);
    switch (between(0, 5)) {
      case 0: return t.with_raw(t.to_rfc822());
      case 1: return t.with_raw(" " + t.to_rfc3339() + "\n");
      case 2: return t.with_raw(pick(std::vector<std::string>{"Wednesday 18 November 2015",
                                                             "10 November 2015 (10:00 - 13:00)", "November 18, 2015",
                                                             "jeudi 26 novembre 2015", "2015-11-26T09:30:00.123456789Z"}));
      case 3: return t.with_raw(text());
      default: return t;  // raw text = RFC 3339 form
    }
  }
  std::optional<hrnews::Timestamp> maybe_timestamp() { return maybe([&] { return timestamp(); }); }

  /// A case reference: a known form (with random parts and spacing) or any text.
  hrnews::CaseReference case_reference() {
    char buf[128];
    const char* sep = chance(0.5) ? " / " : "/";
    switch (between(0, 4)) {
      case 0:
      case 1: {
        std::string c = country();
        c += static_cast<char>('A' + between(0, 25));
        std::snprintf(buf, sizeof buf, "%s%s%03d%s%02d%02d%s%s %03d", c.c_str(), chance(0.5) ? " " : "",
                      between(0, 999), sep, between(1, 12), between(0, 99), sep,
                      pick(std::vector<std::string>{"OBS", "OMCT", "obs", "ST"}).c_str(), between(0, 999));
        std::string s = buf;
        if (chance(0.5)) s += "." + std::to_string(between(1, 20));
        return hrnews::CaseReference::parse(s);
      }
      case 2: {
        std::snprintf(buf, sizeof buf, "%sUA %d/%02d", chance(0.5) ? "Further information on " : "", between(1, 999),
                      between(0, 99));
        return hrnews::CaseReference::parse(buf);
      }
      case 3: {
        std::snprintf(buf, sizeof buf, "%s%s %02d/%04d/%04d", chance(0.3) ? "AI Index: " : "",
                      pick(std::vector<std::string>{"AMR", "EUR", "MDE", "AFR", "ASA"}).c_str(), between(0, 99),
                      between(0, 9999), between(1961, 2030));
        return hrnews::CaseReference::parse(buf);
      }
      default:
        return hrnews::CaseReference::parse(text());
    }
  }

  hrnews::Link link() {
    hrnews::Link l;
    l.href = url();
    l.rel = chance(0.5) ? std::string() : pick(std::vector<std::string>{"alternate", "self", "enclosure", "related",
                                                                       "http://example.org/rel/x", text()});
    l.type = chance(0.5) ? std::string() : media_type();
    l.hreflang = maybe_lang();
    l.title = maybe_text();
    l.length = length();
    return l;
  }
  hrnews::Person person() { return hrnews::Person{maybe_text(), email(), maybe_url()}; }
  hrnews::Party party() {
    return hrnews::Party{static_cast<hrnews::PartyKind>(between(0, 1)), maybe_text(), maybe_text(), maybe_text(),
                         email(), maybe_url()};
  }
  hrnews::Category category() { return hrnews::Category{maybe_text(), maybe_url(), maybe_text()}; }
  hrnews::TermRef term_ref() {
    return hrnews::TermRef{pick(std::vector<std::string>{"theme", "genre", "country", "region", "mechanism",
                                                         "violation", text()}),
                           chance(0.7) ? word() : text()};
  }
  hrnews::Attachment attachment() { return hrnews::Attachment{url(), chance(0.3) ? std::string() : media_type(), length(), maybe_text()}; }
  hrnews::GeoPoint geo() {
    switch (between(0, 5)) {
      case 0: return hrnews::GeoPoint{0.0, 0.0};
      case 1: return hrnews::GeoPoint{pick(std::vector<double>{90.0, -90.0, 1e-300, 5e-324, 0.1, 1.0 / 3.0, -0.0}),
                                      pick(std::vector<double>{180.0, -180.0, 179.99999999999997, 2.5e-10, 0.3})};
      default:
        return hrnews::GeoPoint{std::uniform_real_distribution<double>(-90.0, 90.0)(rng_),
                                std::uniform_real_distribution<double>(-180.0, 180.0)(rng_)};
    }
  }
  hrnews::Relation relation() {
    return hrnews::Relation{static_cast<hrnews::RelationType>(between(0, 4)), chance(0.2) ? std::string() : url()};
  }
  hrnews::Event event() { return hrnews::Event{maybe_timestamp(), maybe_timestamp(), maybe_text()}; }
  hrnews::Victim victim() {
    return hrnews::Victim{maybe_text(), maybe_text(), maybe_text(),
                          chance(0.5) ? std::string() : pick(std::vector<std::string>{"male", "female", "non-binary"}),
                          maybe_text()};
  }
  hrnews::Addressee addressee() {
    return hrnews::Addressee{maybe_text(), maybe_text(), maybe_text(), maybe_text(), email(), maybe_text(), maybe_text()};
  }

  // --- extensions -------------------------------------------------------------

  /// A small random JSON value.
  nlohmann::json json_value(int depth = 0) {
    switch (between(0, depth < 2 ? 8 : 5)) {
      case 0: return nullptr;
      case 1: return chance(0.5);
      case 2:
        switch (between(0, 3)) {
          case 0: return std::numeric_limits<std::int64_t>::min();
          case 1: return std::numeric_limits<std::uint64_t>::max();
          default: return between<std::int64_t>(-1000000, 1000000);
        }
      case 3:
        return pick(std::vector<double>{0.5, -1.25, 1e300, -2.2250738585072014e-308, 0.1, 1.0 / 3.0, 3.0, 6.02214076e23,
                                        std::uniform_real_distribution<double>(-1e6, 1e6)(rng_)});
      case 4:
      case 5: return text();
      case 6:
      case 7: {
        nlohmann::json a = nlohmann::json::array();
        for (int n = between(0, 3); n > 0; --n) a.push_back(json_value(depth + 1));
        return a;
      }
      default: {
        nlohmann::json o = nlohmann::json::object();
        for (int n = between(0, 3); n > 0; --n) o[chance(0.5) ? word() : text()] = json_value(depth + 1);
        return o;
      }
    }
  }

  /// An extension name that is not a member of the format.
  std::string extension_name() {
    for (;;) {
      std::string name;
      switch (between(0, 5)) {
        case 0: name = "x_" + word(); break;
        case 1: name = "_" + word(); break;
        case 2: name = word(); break;
        case 3: name = "ext:" + text(); break;
        case 4: name = pick(std::vector<std::string>{"données", "ключ", "鍵", "x \"quoted\"", "x\\back", "x\x01y",
                                                     "x/y", "$ref", "@context", "Title", "ID", "published_at"});
          break;
        default: name = text(); break;
      }
      if (!known_member_names().count(name)) return name;
    }
  }

  hrnews::Extensions extensions() {
    hrnews::Extensions ext;
    if (chance(0.6)) return ext;
    for (int n = between(1, 3); n > 0; --n) ext[extension_name()] = json_value().dump();
    return ext;
  }

  // --- the model ----------------------------------------------------------------

  void fill_article(hrnews::Article& a) {
    a.id = chance(0.5) ? url() : text();
    a.url = maybe_url();
    a.links = list([&] { return link(); });
    a.title = any_text();
    a.summary = maybe_present_text();
    a.content = maybe_present_text();
    a.published = maybe_timestamp();
    a.updated = maybe_timestamp();
    a.language = maybe_lang();
    a.language_inferred = chance(0.3);
    a.authors = list([&] { return person(); });
    a.publishers = list([&] { return party(); });
    a.categories = list([&] { return category(); });
    a.subjects = list([&] { return term_ref(); });
    a.countries = list([&] { return country(); });
    a.regions = list([&] { return pick(std::vector<std::string>{"EU", "AU", "OAS", "UN", "Africa", "Europe"}); });
    a.geo = maybe([&] { return geo(); }, 0.3);
    a.campaigns = list([&] { return chance(0.5) ? word() : text(); });
    a.related = list([&] { return relation(); });
    a.attachments = list([&] { return attachment(); });
    a.rights = maybe_present_text();
    a.dateline = maybe_text();
    a.event = maybe([&] { return event(); }, 0.3);
    a.extensions = extensions();
  }

  hrnews::Article article() {
    hrnews::Article a;
    fill_article(a);
    return a;
  }

  hrnews::Intervention intervention() {
    hrnews::Intervention i;
    fill_article(i);
    i.case_ref = maybe([&] { return case_reference(); }, 0.7);
    i.intervention_type = static_cast<hrnews::InterventionType>(between(0, 5));
    i.status = maybe([&] { return static_cast<hrnews::CaseStatus>(between(0, 2)); });
    i.victims = list([&] { return victim(); });
    i.violations = list([&] { return term_ref(); });
    i.requested_actions = list([&] { return maybe_text(); });
    i.addressees = list([&] { return addressee(); });
    i.deadline = maybe_timestamp();
    i.follows = chance(0.5) ? std::string() : url();
    return i;
  }

  hrnews::Item item() {
    if (chance(0.5)) return article();
    return intervention();
  }

  hrnews::Campaign campaign() {
    hrnews::Campaign c;
    c.id = chance(0.5) ? word() : text();
    c.name = maybe_text();
    c.title = any_text();
    c.summary = maybe_present_text();
    c.url = maybe_url();
    c.status = maybe([&] { return static_cast<hrnews::CampaignStatus>(between(0, 2)); });
    c.start = maybe_timestamp();
    c.end = maybe_timestamp();
    c.organisers = list([&] { return party(); });
    c.hashtags = list([&] { return chance(0.7) ? word() : text(); });
    c.subjects = list([&] { return term_ref(); });
    c.countries = list([&] { return country(); });
    c.items = list([&] { return chance(0.5) ? url() : text(); });
    c.calls_to_action = list([&] { return maybe_text(); });
    c.extensions = extensions();
    return c;
  }

  hrnews::LangMap lang_map() {
    hrnews::LangMap m;
    for (std::size_t n = count(); n > 0; --n) m[lang()] = chance(0.1) ? std::string() : text();
    return m;
  }
  hrnews::LangListMap lang_list_map() {
    hrnews::LangListMap m;
    for (std::size_t n = count(); n > 0; --n) m[lang()] = list([&] { return text(); });
    return m;
  }

  hrnews::Term term(const std::string& code) {
    hrnews::Term t;
    t.code = code;
    t.uri = maybe_url();
    t.labels = lang_map();
    t.alt_labels = lang_list_map();
    t.definition = lang_map();
    t.broader = list([&] { return word(); });
    t.mappings = list([&] { return hrnews::Mapping{static_cast<hrnews::MappingKind>(between(0, 4)), url()}; });
    t.deprecated = chance(0.2);
    return t;
  }

  hrnews::Scheme scheme() {
    hrnews::Scheme s;
    s.id = chance(0.5) ? pick(std::vector<std::string>{"theme", "genre", "country", "region", "mechanism", "violation"})
                       : text();
    s.uri = maybe_url();
    s.title = lang_map();
    std::set<std::string> codes;
    for (std::size_t n = chance(0.3) ? 0 : between<std::size_t>(1, 5); n > 0; --n) {
      std::string code = chance(0.5) ? word() : text();
      if (codes.insert(code).second) s.terms.push_back(term(code));
    }
    return s;
  }

  hrnews::Diagnostic diagnostic() {
    hrnews::Diagnostic d;
    d.severity = static_cast<hrnews::Severity>(between(0, 2));
    d.code = chance(0.3) ? std::string() : pick(std::vector<std::string>{"date-unparsed", "bom", "utf8-replaced",
                                                                        "entity-resolved", text()});
    d.message = maybe_text();
    auto position = [&]() -> std::optional<std::size_t> {
      switch (between(0, 4)) {
        case 0: return std::nullopt;
        case 1: return std::size_t{1};
        case 2: return static_cast<std::size_t>(std::numeric_limits<std::uint32_t>::max()) + 1;
        default: return between<std::size_t>(1, 100000);
      }
    };
    d.line = position();
    d.column = position();
    d.path = chance(0.3) ? std::string() : "/items/" + std::to_string(between(0, 99)) + "/" + word();
    return d;
  }

  hrnews::Feed feed() {
    hrnews::Feed f;
    if (chance(0.15)) return f;  // an empty feed
    f.id = maybe_url();
    f.title = any_text();
    f.subtitle = maybe_present_text();
    f.url = maybe_url();
    f.links = list([&] { return link(); });
    f.language = maybe_lang();
    f.updated = maybe_timestamp();
    f.publishers = list([&] { return party(); });
    f.generator = maybe_text();
    f.rights = maybe_present_text();
    f.icon = maybe_url();
    f.source_format = chance(0.3) ? std::string() : pick(std::vector<std::string>{"rss-2.0", "atom-1.0", "json",
                                                                                 "jsonl", "jsonfeed-1.1", text()});
    f.extensions = extensions();
    return f;
  }

  /// A whole collection: feed, 0 to max_items items, campaigns, schemes, diagnostics, extensions.
  hrnews::Collection collection() {
    hrnews::Collection c;
    c.feed = feed();
    for (std::size_t n = between<std::size_t>(0, options_.max_items); n > 0; --n) c.items.push_back(item());
    c.campaigns = list([&] { return campaign(); });
    c.schemes = list([&] { return scheme(); });
    c.diagnostics = list([&] { return diagnostic(); });
    c.extensions = extensions();
    return c;
  }

 private:
  std::mt19937_64 rng_;
  RandomOptions options_;
};

// ---------------------------------------------------------------------------
// Naming the first difference between two collections

/// Compares two models field by field and describes the first difference as
/// `path: left != right`, e.g. `items[3].published: 2015-11-26 (raw "…") != (absent)`.
class Differ {
 public:
  /// The first difference found, or empty.
  const std::string& first() const noexcept { return first_; }

  static std::string show(const std::string& s) {
    std::string out = "\"";
    std::size_t shown = 0;
    for (unsigned char c : s) {
      if (++shown > 160) {
        out += "…";
        break;
      }
      if (c == '"' || c == '\\') {
        out += '\\';
        out += static_cast<char>(c);
      } else if (c < 0x20 || c == 0x7f) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\x%02x", c);
        out += buf;
      } else {
        out += static_cast<char>(c);
      }
    }
    out += "\" (" + std::to_string(s.size()) + " bytes)";
    return out;
  }
  static std::string show(const hrnews::Text& t) {
    return std::string(hrnews::to_string(t.type)) + " " + show(t.value);
  }
  static std::string show(const hrnews::Timestamp& t) {
    std::string out = t.to_rfc3339() + " [" + std::string(hrnews::to_string(t.precision())) + ", digits " +
                      std::to_string(t.fraction_digits()) + ", offset " +
                      (t.utc_offset_minutes() ? std::to_string(*t.utc_offset_minutes()) : std::string("none")) +
                      ", unix " + std::to_string(t.unix_seconds()) + ", raw " + show(t.raw()) + "]";
    return out;
  }
  static std::string show(const hrnews::CaseReference& c) {
    return show(c.raw()) + " (" + std::string(hrnews::to_string(c.scheme())) + ")";
  }
  static std::string show(double d) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", d);
    return buf;
  }
  static std::string show(bool b) { return b ? "true" : "false"; }
  static std::string show(std::uint64_t n) { return std::to_string(n); }
  static std::string show(int n) { return std::to_string(n); }
  template <class E, class = std::enable_if_t<std::is_enum_v<E>>>
  static std::string show(E e) {
    return std::string(hrnews::to_string(e));
  }
  template <class T>
  static std::string show(const std::optional<T>& o) {
    return o ? show(*o) : std::string("(absent)");
  }

  template <class T>
  void leaf(const std::string& path, const T& a, const T& b) {
    if (!first_.empty() || a == b) return;
    first_ = path + ": " + show(a) + " != " + show(b);
  }

  // leaves
  void diff(const std::string& p, const std::string& a, const std::string& b) { leaf(p, a, b); }
  void diff(const std::string& p, const hrnews::Text& a, const hrnews::Text& b) { leaf(p, a, b); }
  void diff(const std::string& p, const hrnews::Timestamp& a, const hrnews::Timestamp& b) { leaf(p, a, b); }
  void diff(const std::string& p, const hrnews::CaseReference& a, const hrnews::CaseReference& b) { leaf(p, a, b); }
  void diff(const std::string& p, double a, double b) { leaf(p, a, b); }
  void diff(const std::string& p, bool a, bool b) { leaf(p, a, b); }
  void diff(const std::string& p, std::uint64_t a, std::uint64_t b) { leaf(p, a, b); }
  template <class E, class = std::enable_if_t<std::is_enum_v<E>>>
  void diff(const std::string& p, E a, E b) {
    leaf(p, a, b);
  }

  template <class T>
  void diff(const std::string& p, const std::optional<T>& a, const std::optional<T>& b) {
    if (!first_.empty()) return;
    if (a && b) return diff(p, *a, *b);
    if (a.has_value() != b.has_value())
      first_ = p + ": " + (a ? std::string("present") : std::string("(absent)")) + " != " +
               (b ? std::string("present") : std::string("(absent)"));
  }
  template <class T>
  void diff(const std::string& p, const std::vector<T>& a, const std::vector<T>& b) {
    for (std::size_t i = 0; i < a.size() && i < b.size() && first_.empty(); ++i)
      diff(p + "[" + std::to_string(i) + "]", a[i], b[i]);
    if (first_.empty() && a.size() != b.size())
      first_ = p + ": " + std::to_string(a.size()) + " elements != " + std::to_string(b.size()) + " elements";
  }
  template <class V>
  void diff(const std::string& p, const std::map<std::string, V>& a, const std::map<std::string, V>& b) {
    for (const auto& [key, value] : a) {
      if (!first_.empty()) return;
      auto it = b.find(key);
      if (it == b.end()) {
        first_ = p + "[" + show(key) + "]: present != (absent)";
        return;
      }
      diff(p + "[" + show(key) + "]", value, it->second);
    }
    for (const auto& [key, value] : b) {
      if (!first_.empty()) return;
      if (!a.count(key)) first_ = p + "[" + show(key) + "]: (absent) != present";
    }
  }

#define HRNEWS_DIFF(field) diff(p + "." #field, a.field, b.field)
  void diff(const std::string& p, const hrnews::Link& a, const hrnews::Link& b) {
    HRNEWS_DIFF(href); HRNEWS_DIFF(rel); HRNEWS_DIFF(type); HRNEWS_DIFF(hreflang); HRNEWS_DIFF(title); HRNEWS_DIFF(length);
  }
  void diff(const std::string& p, const hrnews::Person& a, const hrnews::Person& b) {
    HRNEWS_DIFF(name); HRNEWS_DIFF(email); HRNEWS_DIFF(uri);
  }
  void diff(const std::string& p, const hrnews::Party& a, const hrnews::Party& b) {
    HRNEWS_DIFF(kind); HRNEWS_DIFF(name); HRNEWS_DIFF(role); HRNEWS_DIFF(abbreviation); HRNEWS_DIFF(email); HRNEWS_DIFF(uri);
  }
  void diff(const std::string& p, const hrnews::Category& a, const hrnews::Category& b) {
    HRNEWS_DIFF(term); HRNEWS_DIFF(scheme); HRNEWS_DIFF(label);
  }
  void diff(const std::string& p, const hrnews::TermRef& a, const hrnews::TermRef& b) {
    HRNEWS_DIFF(scheme); HRNEWS_DIFF(code);
  }
  void diff(const std::string& p, const hrnews::Attachment& a, const hrnews::Attachment& b) {
    HRNEWS_DIFF(url); HRNEWS_DIFF(type); HRNEWS_DIFF(length); HRNEWS_DIFF(title);
  }
  void diff(const std::string& p, const hrnews::GeoPoint& a, const hrnews::GeoPoint& b) {
    HRNEWS_DIFF(lat); HRNEWS_DIFF(lon);
  }
  void diff(const std::string& p, const hrnews::Relation& a, const hrnews::Relation& b) {
    HRNEWS_DIFF(rel); HRNEWS_DIFF(id_or_url);
  }
  void diff(const std::string& p, const hrnews::Event& a, const hrnews::Event& b) {
    HRNEWS_DIFF(start); HRNEWS_DIFF(end); HRNEWS_DIFF(location);
  }
  void diff(const std::string& p, const hrnews::Victim& a, const hrnews::Victim& b) {
    HRNEWS_DIFF(name); HRNEWS_DIFF(role); HRNEWS_DIFF(organisation); HRNEWS_DIFF(gender); HRNEWS_DIFF(status);
  }
  void diff(const std::string& p, const hrnews::Addressee& a, const hrnews::Addressee& b) {
    HRNEWS_DIFF(name); HRNEWS_DIFF(title); HRNEWS_DIFF(institution); HRNEWS_DIFF(address); HRNEWS_DIFF(email);
    HRNEWS_DIFF(fax); HRNEWS_DIFF(phone);
  }
  void diff(const std::string& p, const hrnews::Article& a, const hrnews::Article& b) {
    HRNEWS_DIFF(id); HRNEWS_DIFF(url); HRNEWS_DIFF(links); HRNEWS_DIFF(title); HRNEWS_DIFF(summary);
    HRNEWS_DIFF(content); HRNEWS_DIFF(published); HRNEWS_DIFF(updated); HRNEWS_DIFF(language); HRNEWS_DIFF(language_inferred); HRNEWS_DIFF(authors);
    HRNEWS_DIFF(publishers); HRNEWS_DIFF(categories); HRNEWS_DIFF(subjects); HRNEWS_DIFF(countries);
    HRNEWS_DIFF(regions); HRNEWS_DIFF(geo); HRNEWS_DIFF(campaigns); HRNEWS_DIFF(related); HRNEWS_DIFF(attachments);
    HRNEWS_DIFF(rights); HRNEWS_DIFF(dateline); HRNEWS_DIFF(event); HRNEWS_DIFF(extensions);
  }
  void diff(const std::string& p, const hrnews::Intervention& a, const hrnews::Intervention& b) {
    diff(p, static_cast<const hrnews::Article&>(a), static_cast<const hrnews::Article&>(b));
    HRNEWS_DIFF(case_ref); HRNEWS_DIFF(intervention_type); HRNEWS_DIFF(status); HRNEWS_DIFF(victims);
    HRNEWS_DIFF(violations); HRNEWS_DIFF(requested_actions); HRNEWS_DIFF(addressees); HRNEWS_DIFF(deadline);
    HRNEWS_DIFF(follows);
  }
  void diff(const std::string& p, const hrnews::Item& a, const hrnews::Item& b) {
    if (!first_.empty()) return;
    if (a.index() != b.index()) {
      first_ = p + ": " + std::string(hrnews::to_string(hrnews::kind_of(a))) + " != " +
               std::string(hrnews::to_string(hrnews::kind_of(b)));
      return;
    }
    if (a.index() == 0) diff(p, std::get<hrnews::Article>(a), std::get<hrnews::Article>(b));
    else diff(p, std::get<hrnews::Intervention>(a), std::get<hrnews::Intervention>(b));
  }
  void diff(const std::string& p, const hrnews::Campaign& a, const hrnews::Campaign& b) {
    HRNEWS_DIFF(id); HRNEWS_DIFF(name); HRNEWS_DIFF(title); HRNEWS_DIFF(summary); HRNEWS_DIFF(url);
    HRNEWS_DIFF(status); HRNEWS_DIFF(start); HRNEWS_DIFF(end); HRNEWS_DIFF(organisers); HRNEWS_DIFF(hashtags);
    HRNEWS_DIFF(subjects); HRNEWS_DIFF(countries); HRNEWS_DIFF(items); HRNEWS_DIFF(calls_to_action);
    HRNEWS_DIFF(extensions);
  }
  void diff(const std::string& p, const hrnews::Mapping& a, const hrnews::Mapping& b) {
    HRNEWS_DIFF(kind); HRNEWS_DIFF(uri);
  }
  void diff(const std::string& p, const hrnews::Term& a, const hrnews::Term& b) {
    HRNEWS_DIFF(code); HRNEWS_DIFF(uri); HRNEWS_DIFF(labels); HRNEWS_DIFF(alt_labels); HRNEWS_DIFF(definition);
    HRNEWS_DIFF(broader); HRNEWS_DIFF(mappings); HRNEWS_DIFF(deprecated);
  }
  void diff(const std::string& p, const hrnews::Scheme& a, const hrnews::Scheme& b) {
    HRNEWS_DIFF(id); HRNEWS_DIFF(uri); HRNEWS_DIFF(title); HRNEWS_DIFF(terms);
  }
  void diff(const std::string& p, const hrnews::Diagnostic& a, const hrnews::Diagnostic& b) {
    HRNEWS_DIFF(severity); HRNEWS_DIFF(code); HRNEWS_DIFF(message); HRNEWS_DIFF(line); HRNEWS_DIFF(column);
    HRNEWS_DIFF(path);
  }
  void diff(const std::string& p, const hrnews::Feed& a, const hrnews::Feed& b) {
    HRNEWS_DIFF(id); HRNEWS_DIFF(title); HRNEWS_DIFF(subtitle); HRNEWS_DIFF(url); HRNEWS_DIFF(links);
    HRNEWS_DIFF(language); HRNEWS_DIFF(updated); HRNEWS_DIFF(publishers); HRNEWS_DIFF(generator); HRNEWS_DIFF(rights);
    HRNEWS_DIFF(icon); HRNEWS_DIFF(source_format); HRNEWS_DIFF(extensions);
  }
  void diff(const std::string& p, const hrnews::Collection& a, const hrnews::Collection& b) {
    HRNEWS_DIFF(feed); HRNEWS_DIFF(items); HRNEWS_DIFF(campaigns); HRNEWS_DIFF(schemes); HRNEWS_DIFF(diagnostics);
    HRNEWS_DIFF(extensions);
  }
#undef HRNEWS_DIFF

 private:
  std::string first_;
};

/// The first difference between two collections (`items[3].published: … != …`), or empty when equal.
inline std::string first_difference(const hrnews::Collection& a, const hrnews::Collection& b) {
  Differ d;
  d.diff("collection", a, b);
  return d.first();
}

}  // namespace hrnews_test
