// SPDX-License-Identifier: Apache-2.0
// ReliefWeb API reports responses -> Collection. The text is parsed by the
// canonical reader's SAX handler onto a flat tape (limits on depth and string
// length, syntax errors with line and column), then read member by member.
// Field reference and mapping table: docs/format-reliefweb.md.

#include <hrnews/reliefweb.hpp>

#include <algorithm>
#include <cstddef>
#include <map>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <hrnews/builtin.hpp>
#include <hrnews/classify.hpp>
#include <hrnews/taxonomy.hpp>

#include "feed/common.hpp"
#include "json_detail.hpp"

namespace hrnews {
namespace {

using json_detail::Tape;
using json_detail::Tok;
using json_detail::Token;

constexpr std::string_view format_id = "reliefweb";
constexpr std::size_t npos = static_cast<std::size_t>(-1);

// ---------------------------------------------------------------------------
// Tape helpers (type_name, for_members and for_elements are in json_detail.hpp)

using json_detail::for_elements;
using json_detail::for_members;
using json_detail::type_name;

/// A JSON Pointer reference token (`~` and `/` escaped).
std::string step(std::string_view name) {
  std::string out = "/";
  for (char c : name) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out.push_back(c);
  }
  return out;
}
std::string step(std::size_t index) { return "/" + std::to_string(index); }

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// ---------------------------------------------------------------------------
// The mapping table

/// What was not mapped: "theme \"Health\"" -> count, in first-seen order.
struct Unmapped {
  std::vector<std::string> order;
  std::map<std::string, std::size_t> counts;
  void add(const std::string& what) {
    if (counts[what]++ == 0) order.push_back(what);
  }
};

const ReliefWebMapping* find_mapping(std::string_view field, std::string_view label) {
  static const auto index = [] {
    std::map<std::pair<std::string, std::string>, const ReliefWebMapping*> m;
    for (const ReliefWebMapping& row : reliefweb_mappings()) m[{row.field, normalize_label(row.label)}] = &row;
    return m;
  }();
  const auto it = index.find({std::string(field), normalize_label(label)});
  return it == index.end() ? nullptr : it->second;
}

// ---------------------------------------------------------------------------
// Reader

class Reader {
 public:
  Reader(const Tape& tape, const ReadOptions& options, std::vector<Diagnostic>& diagnostics, Unmapped& unmapped)
      : t_(tape), options_(options), diagnostics_(diagnostics), unmapped_(unmapped) {}

  /// The report at `/data/N` (`v` is its value), or nothing when it is skipped.
  std::optional<Article> report(std::size_t v, const std::string& path) {
    if (!object(v, path)) {
      if (t_.tokens[v].type == Tok::null) repair("wrong-type", "expected an object, found null; skipped", path);
      return std::nullopt;
    }
    std::size_t fields = npos;
    std::string outer_id;
    std::string api_href;
    for_members(t_, v, [&](std::string_view key, std::size_t m) {
      if (key == "fields") fields = m;
      else if (key == "id") id_text(m, path + "/id", outer_id);
      else if (key == "href") string(m, path + "/href", api_href);
      // "score" and other members of the envelope carry nothing for the model
    });
    if (fields == npos || t_.tokens[fields].type == Tok::null) {
      repair("fields-missing", "report has no \"fields\"; skipped", path);
      return std::nullopt;
    }
    const std::string fpath = path + "/fields";
    if (!object(fields, fpath)) return std::nullopt;

    Article a;
    std::string id = outer_id;
    std::string url, url_alias, text, body, body_html;
    std::size_t primary = npos, countries = npos, date = npos;
    bool has_title = false;
    for_members(t_, fields, [&](std::string_view key, std::size_t m) {
      const std::string p = fpath + step(key);
      if (key == "id") {
        std::string inner;
        if (id_text(m, p, inner) && id.empty()) id = std::move(inner);
      } else if (key == "title") {
        has_title = true;
        if (string(m, p, text)) a.title = Text(std::move(text));
      } else if (key == "body") {
        string(m, p, body);
      } else if (key == "body-html") {
        string(m, p, body_html);
      } else if (key == "date") {
        if (object(m, p)) date = m;
      } else if (key == "primary_country") {
        if (object(m, p)) primary = m;
      } else if (key == "country") {
        if (array(m, p)) countries = m;
      } else if (key == "source") {
        each_object(m, p, [&](std::size_t s, const std::string& sp) { source(s, sp, a); });
      } else if (key == "theme") {
        each_object(m, p, [&](std::size_t s, const std::string& sp) { term(s, sp, "theme", a); });
      } else if (key == "format") {
        each_object(m, p, [&](std::size_t s, const std::string& sp) { term(s, sp, "format", a); });
      } else if (key == "language") {
        each_object(m, p, [&](std::size_t s, const std::string& sp) { language(s, sp, a); });
      } else if (key == "url") {
        string(m, p, url);
      } else if (key == "url_alias") {
        string(m, p, url_alias);
      } else if (key == "file") {
        each_object(m, p, [&](std::size_t s, const std::string& sp) { file(s, sp, a); });
      } else if (t_.tokens[m].type != Tok::null) {
        // Fields hrnews does not model (disaster, vulnerable_groups, status…) are kept.
        a.extensions.insert_or_assign("reliefweb:" + std::string(key), json_detail::extension_text(t_, m));
      }
    });
    if (!has_title) repair("title-missing", "report has no \"title\"", fpath);

    if (!body_html.empty()) a.content = Text(std::move(body_html), TextType::html);
    else if (!body.empty()) a.content = Text(std::move(body));

    if (date != npos) dates(date, fpath + "/date", a);
    if (primary != npos) country(primary, fpath + "/primary_country", a, true);
    if (countries != npos) {
      for_elements(t_, countries, [&](std::size_t index, std::size_t c) {
        const std::string cp = fpath + "/country" + step(index);
        if (object(c, cp)) country(c, cp, a, false);
      });
    }

    // The page: the readable alias, else the node URL; the node URL is the id.
    a.url = !url_alias.empty() ? url_alias : url;
    if (!url_alias.empty() && !url.empty() && url != url_alias) a.links.push_back(link(url, "alternate"));
    if (!api_href.empty()) a.links.push_back(link(api_href, "via"));
    if (!url.empty()) a.id = url;
    else if (!id.empty()) a.id = "urn:reliefweb:report:" + id;
    return a;
  }

  // --- diagnostics

  void repair(std::string code, std::string message, std::string path) {
    detail::report_repair(diagnostics_, options_, format_id, std::move(code), std::move(message), std::move(path));
  }
  void wrong_type(std::size_t v, std::string path, const char* expected) {
    repair("wrong-type", std::string("expected ") + expected + ", found " + type_name(t_, v) + "; ignored",
           std::move(path));
  }

  // --- typed access: null means absent; a wrong type is a diagnostic and the member is skipped

  bool string(std::size_t v, const std::string& path, std::string& out) {
    const Token& tok = t_.tokens[v];
    if (tok.type == Tok::string) {
      out.assign(t_.str(v));
      return true;
    }
    if (tok.type != Tok::null) wrong_type(v, path, "a string");
    return false;
  }
  bool object(std::size_t v, const std::string& path) {
    const Token& tok = t_.tokens[v];
    if (tok.type == Tok::begin_object) return true;
    if (tok.type != Tok::null) wrong_type(v, path, "an object");
    return false;
  }
  bool array(std::size_t v, const std::string& path) {
    const Token& tok = t_.tokens[v];
    if (tok.type == Tok::begin_array) return true;
    if (tok.type != Tok::null) wrong_type(v, path, "an array");
    return false;
  }
  /// An id: a whole number or a string.
  bool id_text(std::size_t v, const std::string& path, std::string& out) {
    const Token& tok = t_.tokens[v];
    if (tok.type == Tok::unsigned_) {
      out = std::to_string(tok.u);
      return true;
    }
    if (tok.type == Tok::string) {
      out.assign(t_.str(v));
      return !out.empty();
    }
    if (tok.type != Tok::null) wrong_type(v, path, "a number or a string");
    return false;
  }
  std::optional<double> number(std::size_t v, const std::string& path) {
    const Token& tok = t_.tokens[v];
    switch (tok.type) {
      case Tok::unsigned_: return static_cast<double>(tok.u);
      case Tok::integer: return static_cast<double>(tok.i);
      case Tok::floating: return tok.d;
      case Tok::null: return std::nullopt;
      default: wrong_type(v, path, "a number"); return std::nullopt;
    }
  }

  /// Calls `f(value, path)` for each object of the array (or the single object) at `v`.
  template <class F>
  void each_object(std::size_t v, const std::string& path, F&& f) {
    const Tok type = t_.tokens[v].type;
    if (type == Tok::begin_object) {
      f(v, path);
      return;
    }
    if (!array(v, path)) return;
    for_elements(t_, v, [&](std::size_t index, std::size_t e) {
      const std::string p = path + step(index);
      if (object(e, p)) f(e, p);
    });
  }

  static Link link(std::string href, std::string rel) {
    Link l;
    l.href = std::move(href);
    l.rel = std::move(rel);
    return l;
  }

 private:
  void dates(std::size_t v, const std::string& path, Article& a) {
    std::string original, created, changed;
    std::size_t at_original = npos, at_created = npos, at_changed = npos;
    for_members(t_, v, [&](std::string_view key, std::size_t m) {
      if (key == "original") at_original = m;
      else if (key == "created") at_created = m;
      else if (key == "changed") at_changed = m;
    });
    auto parse = [&](std::size_t m, const char* name) -> std::optional<Timestamp> {
      std::string text;
      const std::string p = path + "/" + name;
      if (m == npos || !string(m, p, text) || text.empty()) return std::nullopt;
      return detail::parse_feed_date(text, options_, format_id, diagnostics_, p);
    };
    std::optional<Timestamp> o = parse(at_original, "original");
    std::optional<Timestamp> c = parse(at_created, "created");
    a.published = o ? o : c;
    a.updated = parse(at_changed, "changed");
    if (o && c && *o != *c) a.extensions.insert_or_assign("reliefweb:date.created", "\"" + c->to_rfc3339() + "\"");
  }

  void country(std::size_t v, const std::string& path, Article& a, bool primary) {
    std::string iso3, name;
    std::size_t location = npos;
    for_members(t_, v, [&](std::string_view key, std::size_t m) {
      if (key == "iso3") string(m, path + "/iso3", iso3);
      else if (key == "name") string(m, path + "/name", name);
      else if (key == "location") location = m;
    });
    if (primary && location != npos && object(location, path + "/location")) {
      std::optional<double> lat, lon;
      for_members(t_, location, [&](std::string_view key, std::size_t m) {
        if (key == "lat") lat = number(m, path + "/location/lat");
        else if (key == "lon") lon = number(m, path + "/location/lon");
      });
      if (lat && lon && *lat >= -90 && *lat <= 90 && *lon >= -180 && *lon <= 180) a.geo = GeoPoint{*lat, *lon};
    }
    if (iso3.empty()) {
      if (!name.empty()) keep_country(a, name, path, "has no \"iso3\"");
      return;
    }
    if (lower(iso3) == "wld") {  // ReliefWeb's "World"
      add_unique(a.regions, "m49-001");
      return;
    }
    if (auto alpha2 = country_from_alpha3(iso3)) {
      add_unique(a.countries, *alpha2);
      return;
    }
    keep_country(a, name.empty() ? iso3 : name, path, "has an unknown \"iso3\" " + json_detail::quote(iso3));
  }

  void keep_country(Article& a, const std::string& name, const std::string& path, const std::string& why) {
    repair("country-unknown", "country " + json_detail::quote(name) + " " + why + "; kept as a raw category", path);
    Category cat;
    cat.term = name;
    cat.scheme = "https://reliefweb.int/taxonomy/country";
    if (std::find(a.categories.begin(), a.categories.end(), cat) == a.categories.end()) a.categories.push_back(cat);
  }

  static void add_unique(std::vector<std::string>& list, const std::string& value) {
    if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
  }

  void source(std::size_t v, const std::string& path, Article& a) {
    Party p;
    p.role = "publisher";
    for_members(t_, v, [&](std::string_view key, std::size_t m) {
      if (key == "name") string(m, path + "/name", p.name);
      else if (key == "shortname") string(m, path + "/shortname", p.abbreviation);
      else if (key == "homepage") string(m, path + "/homepage", p.uri);
    });
    if (p.abbreviation == p.name) p.abbreviation.clear();
    if (!p.name.empty() || !p.abbreviation.empty()) a.publishers.push_back(std::move(p));
  }

  void term(std::size_t v, const std::string& path, const char* field, Article& a) {
    std::string name;
    for_members(t_, v, [&](std::string_view key, std::size_t m) {
      if (key == "name") string(m, path + "/name", name);
    });
    if (name.empty()) return;
    Category cat;
    cat.term = name;
    cat.scheme = std::string(std::string_view(field) == "theme" ? reliefweb_theme_scheme : reliefweb_format_scheme);
    if (std::find(a.categories.begin(), a.categories.end(), cat) == a.categories.end()) a.categories.push_back(cat);
    if (const ReliefWebMapping* row = find_mapping(field, name)) {
      if (std::find(a.subjects.begin(), a.subjects.end(), row->term) == a.subjects.end()) {
        a.subjects.push_back(row->term);
      }
    } else {
      unmapped_.add(std::string(field) + " " + json_detail::quote(name));
    }
  }

  void language(std::size_t v, const std::string& path, Article& a) {
    std::string code;
    for_members(t_, v, [&](std::string_view key, std::size_t m) {
      if (key == "code") string(m, path + "/code", code);
    });
    code = lower(code);
    // "ot" is ReliefWeb's "Other": no language to name.
    if (a.language.empty() && !code.empty() && code != "ot") a.language = code;
  }

  void file(std::size_t v, const std::string& path, Article& a) {
    Attachment at;
    std::string filename, description;
    for_members(t_, v, [&](std::string_view key, std::size_t m) {
      if (key == "url") string(m, path + "/url", at.url);
      else if (key == "mimetype") string(m, path + "/mimetype", at.type);
      else if (key == "filename") string(m, path + "/filename", filename);
      else if (key == "description") string(m, path + "/description", description);
      else if (key == "filesize") {
        const Token& tok = t_.tokens[m];
        if (tok.type == Tok::unsigned_) at.length = tok.u;
        else if (tok.type == Tok::string) {
          const std::string_view s = t_.str(m);
          if (!s.empty() && s.size() < 20 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) {
            at.length = std::stoull(std::string(s));
          }
        } else if (tok.type != Tok::null) {
          wrong_type(m, path + "/filesize", "a number");
        }
      }
    });
    at.title = !description.empty() ? description : filename;
    if (at.url.empty()) {
      repair("file-no-url", "file has no \"url\"; ignored", path);
      return;
    }
    a.attachments.push_back(std::move(at));
  }

  const Tape& t_;
  const ReadOptions& options_;
  std::vector<Diagnostic>& diagnostics_;
  Unmapped& unmapped_;
};

}  // namespace

const std::vector<ReliefWebMapping>& reliefweb_mappings() {
  static const std::vector<ReliefWebMapping> table = {
      // ReliefWeb themes -> hrnews themes
      {"theme", "Gender", {"theme", "women-rights"}, "close"},
      {"theme", "Climate Change and Environment", {"theme", "environmental-rights"}, "close"},
      {"theme", "Education", {"theme", "economic-social-cultural-rights"}, "broad"},
      {"theme", "Health", {"theme", "economic-social-cultural-rights"}, "broad"},
      {"theme", "Food and Nutrition", {"theme", "economic-social-cultural-rights"}, "broad"},
      {"theme", "Water Sanitation Hygiene", {"theme", "economic-social-cultural-rights"}, "broad"},
      {"theme", "Shelter and Non-Food Items", {"theme", "economic-social-cultural-rights"}, "broad"},
      // ReliefWeb formats -> hrnews genres
      {"format", "News and Press Release", {"genre", "press-release"}, "close"},
      {"format", "Analysis", {"genre", "report"}, "broad"},
      {"format", "Assessment", {"genre", "report"}, "broad"},
      {"format", "Evaluation and Lessons Learned", {"genre", "report"}, "broad"},
      {"format", "Situation Report", {"genre", "report"}, "broad"},
  };
  return table;
}

Collection read_reliefweb(std::string_view bytes, const ReadOptions& options) {
  if (bytes.size() > options.limits.max_input_bytes) {
    throw ParseError(std::string(format_id), json_detail::over_limit("input", bytes.size(), options.limits.max_input_bytes),
                     {}, {}, options.file_name);
  }
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  json_detail::Site site;
  site.format = "reliefweb";
  site.file = options.file_name;
  Tape tape;
  json_detail::SaxHandler handler(json_detail::SaxHandler::Mode::value, options.limits, site, bytes, tape);
  json_detail::sax_parse(bytes, handler);
  auto fail = [&](std::string message, std::string path = {}) -> ParseError {
    return ParseError(std::string(format_id), std::move(message), {}, std::move(path), options.file_name);
  };
  if (tape.tokens.empty() || tape.tokens[0].type != Tok::begin_object) {
    throw fail("expected an object (a ReliefWeb API response)");
  }

  Collection c;
  c.feed.title = Text("ReliefWeb");
  c.feed.url = "https://reliefweb.int/";
  c.feed.id = "https://reliefweb.int/";
  c.feed.source_format = "reliefweb";
  std::vector<Diagnostic> diagnostics;
  Unmapped unmapped;
  Reader reader(tape, options, diagnostics, unmapped);
  std::size_t data = npos;
  for_members(tape, 0, [&](std::string_view key, std::size_t v) {
    if (key == "data") {
      data = v;
    } else if (key == "href") {
      std::string href;
      if (reader.string(v, "/href", href) && !href.empty()) {
        c.feed.links.push_back(Reader::link(href, "self"));
        if (href.find("/v2/") != std::string::npos) c.feed.source_format = "reliefweb-v2";
        else if (href.find("/v1/") != std::string::npos) c.feed.source_format = "reliefweb-v1";
      }
    } else if (key == "links") {
      if (reader.object(v, "/links")) {
        for_members(tape, v, [&](std::string_view rel, std::size_t l) {
          if (tape.tokens[l].type != Tok::begin_object || (rel != "next" && rel != "prev")) return;
          for_members(tape, l, [&](std::string_view k, std::size_t h) {
            std::string href;
            if (k == "href" && reader.string(h, "/links" + step(rel) + "/href", href) && !href.empty()) {
              c.feed.links.push_back(Reader::link(href, std::string(rel)));
            }
          });
        });
      }
    } else if (tape.tokens[v].type != Tok::null) {
      c.extensions.insert_or_assign("reliefweb:" + std::string(key), json_detail::extension_text(tape, v));
    }
  });
  if (data == npos || tape.tokens[data].type == Tok::null) throw fail("missing required member \"data\"");
  if (tape.tokens[data].type != Tok::begin_array) {
    throw fail(std::string("expected an array, found ") + type_name(tape, data), "/data");
  }
  std::size_t count = 0;
  for_elements(tape, data, [&](std::size_t, std::size_t) { ++count; });
  if (count > options.limits.max_items) {
    throw fail("more than " + std::to_string(options.limits.max_items) + " items (limit max_items)",
               "/data" + step(options.limits.max_items));
  }
  c.items.reserve(count);
  for_elements(tape, data, [&](std::size_t index, std::size_t v) {
    std::optional<Article> a = reader.report(v, "/data" + step(index));
    if (a) c.items.emplace_back(std::move(*a));
  });
  c.diagnostics = std::move(diagnostics);

  if (!unmapped.order.empty()) {
    std::size_t total = 0;
    std::string list;
    for (const std::string& what : unmapped.order) {
      const std::size_t n = unmapped.counts[what];
      total += 1;
      if (!list.empty()) list += ", ";
      list += what + " (" + std::to_string(n) + ")";
    }
    Diagnostic d;
    d.severity = Severity::info;
    d.code = "reliefweb-unmapped";
    d.message = std::to_string(total) + (total == 1 ? " ReliefWeb value" : " ReliefWeb values") +
                " not mapped to hrnews terms, kept as raw categories: " + list;
    c.diagnostics.push_back(std::move(d));
  }

  // Items without a URL or id get the derived id every feed reader gives.
  for (std::size_t i = 0; i < c.items.size(); ++i) {
    Article& a = article_of(c.items[i]);
    if (!a.id.empty()) continue;
    a.id = detail::derive_item_id(a);
    Diagnostic d;
    d.severity = Severity::info;
    d.code = "id-derived";
    d.message = "item has no id; using \"" + a.id + "\"";
    d.path = "/items/" + std::to_string(i);
    c.diagnostics.push_back(std::move(d));
  }
  if (options.classify) {
    // Themes and formats are mapped by the table above, not by label matching:
    // classification adds countries from titles, interventions and languages.
    ClassifyOptions co;
    co.categories = false;
    co.report_unknown = false;
    classify(c, builtin_taxonomy(), co);
  }
  return c;
}

Result<Collection> try_read_reliefweb(std::string_view bytes, const ReadOptions& options) noexcept {
  try {
    return read_reliefweb(bytes, options);
  } catch (const ParseError& e) {
    return e;
  } catch (const std::bad_alloc&) {
    return ParseError(std::string(format_id), "out of memory", {}, {}, options.file_name);
  } catch (const std::exception& e) {
    return ParseError(std::string(format_id), e.what(), {}, {}, options.file_name);
  }
}

}  // namespace hrnews
