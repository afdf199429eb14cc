// SPDX-License-Identifier: Apache-2.0
// schema.org JSON-LD export: NewsArticle for articles and interventions, Event
// for items announcing an event. Mapping table: docs/format-jsonld.md.

#include <hrnews/jsonld.hpp>

#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include <hrnews/case_reference.hpp>

#include "export_common.hpp"
#include "json_detail.hpp"

namespace hrnews {
namespace {

using export_detail::as_uri;
using export_detail::plain_text;
using export_detail::Vocabulary;
using json_detail::Writer;

int indent_of(const WriteOptions& options) { return options.pretty ? (options.indent < 0 ? 0 : options.indent) : -1; }

class NodeWriter {
 public:
  NodeWriter(Writer& w, const Collection& c, const Vocabulary& vocabulary) : w_(w), c_(c), vocabulary_(vocabulary) {}

  void write(const Item& item) {
    const Article& a = article_of(item);
    const Intervention* in = item.index() == 1 ? &std::get<Intervention>(item) : nullptr;
    const bool event = a.event.has_value();
    w_.begin_object();
    w_.key("@type");
    w_.plain_string(event ? "Event" : "NewsArticle");
    w_.key("@id");
    if (auto uri = as_uri(a.id)) w_.string(*uri);
    else w_.string("urn:hrnews:id:" + export_detail::percent_encode_all(a.id));
    identifier(a, in);
    const std::string title = plain_text(a.title);
    put(event ? "name" : "headline", title);
    if (a.summary) put("description", plain_text(*a.summary));
    if (event) {
      date("startDate", a.event->start);
      date("endDate", a.event->end);
      location(a);
    } else if (a.content) {
      put("articleBody", plain_text(*a.content));
    }
    if (!event) {
      date("datePublished", a.published);
      date("dateModified", a.updated);
    }
    put("inLanguage", a.language.empty() ? c_.feed.language : a.language);
    if (auto url = as_uri(a.url)) {
      w_.key("url");
      w_.string(*url);
      if (!event) {
        w_.key("mainEntityOfPage");
        w_.string(*url);
      }
    }
    people(a, event);
    terms(a, in);
    if (!event) {
      places(a);
      campaigns(a);
      media(a);
      if (a.rights) put("copyrightNotice", plain_text(*a.rights));
      put("dateline", a.dateline);
      if (in) date("expires", in->deadline);
    }
    w_.end_object();
  }

 private:
  void put(std::string_view key, const std::string& value) {
    if (value.empty()) return;
    w_.key(key);
    w_.string(value);
  }
  void date(std::string_view key, const std::optional<Timestamp>& t) {
    if (!t) return;
    w_.key(key);
    w_.string(t->to_rfc3339());
  }

  /// `key`: the one value, or an array when there are several; nothing when none.
  void many(std::string_view key, std::size_t n, const std::function<void(std::size_t)>& one) {
    if (n == 0) return;
    w_.key(key);
    if (n > 1) w_.begin_array();
    for (std::size_t i = 0; i < n; ++i) one(i);
    if (n > 1) w_.end_array();
  }

  void identifier(const Article& a, const Intervention* in) {
    if (!in || !in->case_ref) return;
    w_.key("identifier");
    w_.begin_object();
    w_.key("@type");
    w_.plain_string("PropertyValue");
    w_.key("propertyID");
    w_.plain_string("case-reference");
    w_.key("value");
    w_.string(in->case_ref->raw());
    w_.end_object();
    (void)a;
  }

  void party(const Party& p) {
    w_.begin_object();
    w_.key("@type");
    w_.plain_string(p.kind == PartyKind::person ? "Person" : "Organization");
    put("name", p.name);
    put("alternateName", p.abbreviation);
    if (auto uri = as_uri(p.uri)) {
      w_.key("url");
      w_.string(*uri);
    }
    put("email", p.email);
    w_.end_object();
  }

  void people(const Article& a, bool event) {
    std::vector<const Person*> authors;
    for (const Person& p : a.authors) {
      if (!p.name.empty() || !p.email.empty() || !p.uri.empty()) authors.push_back(&p);
    }
    std::vector<const Party*> publishers, contributors;
    for (const Party& p : a.publishers) {
      (p.role.empty() || p.role == "publisher" ? publishers : contributors).push_back(&p);
    }
    if (event) {
      // An event's organisers: the publishers and other parties of the item.
      publishers.insert(publishers.end(), contributors.begin(), contributors.end());
      many("organizer", publishers.size(), [&](std::size_t i) { party(*publishers[i]); });
      return;
    }
    many("author", authors.size(), [&](std::size_t i) {
      const Person& p = *authors[i];
      w_.begin_object();
      w_.key("@type");
      w_.plain_string("Person");
      put("name", p.name);
      put("email", p.email);
      if (auto uri = as_uri(p.uri)) {
        w_.key("url");
        w_.string(*uri);
      }
      w_.end_object();
    });
    many("publisher", publishers.size(), [&](std::size_t i) { party(*publishers[i]); });
    many("contributor", contributors.size(), [&](std::size_t i) { party(*contributors[i]); });
  }

  void defined_term(const TermRef& ref) {
    w_.begin_object();
    w_.key("@type");
    w_.plain_string("DefinedTerm");
    if (const Term* term = vocabulary_.find(ref)) {
      if (auto uri = as_uri(term->uri)) {
        w_.key("@id");
        w_.string(*uri);
      }
    }
    w_.key("name");
    w_.string(vocabulary_.label(ref));
    w_.key("termCode");
    w_.string(ref.code);
    if (const Scheme* scheme = vocabulary_.scheme(ref.scheme)) {
      if (auto uri = as_uri(scheme->uri)) {
        w_.key("inDefinedTermSet");
        w_.string(*uri);
      }
    }
    w_.end_object();
  }

  void terms(const Article& a, const Intervention* in) {
    std::vector<const TermRef*> about, genres;
    for (const TermRef& r : a.subjects) (r.scheme == "genre" ? genres : about).push_back(&r);
    if (in) {
      for (const TermRef& r : in->violations) about.push_back(&r);
    }
    many("about", about.size(), [&](std::size_t i) { defined_term(*about[i]); });
    if (!about.empty()) {
      w_.key("keywords");
      w_.begin_array();
      for (const TermRef* r : about) w_.string(vocabulary_.label(*r));
      w_.end_array();
    }
    many("genre", genres.size(), [&](std::size_t i) { w_.string(vocabulary_.label(*genres[i])); });
  }

  void place(std::string_view type, std::string_view scheme, const std::string& code) {
    w_.begin_object();
    w_.key("@type");
    w_.plain_string(type);
    w_.key("name");
    w_.string(vocabulary_.place_name(scheme, code));
    w_.key("identifier");
    w_.string(code);
    w_.end_object();
  }

  void places(const Article& a) {
    many("contentLocation", a.countries.size(), [&](std::size_t i) { place("Country", "country", a.countries[i]); });
    many("spatialCoverage", a.regions.size(), [&](std::size_t i) { place("Place", "region", a.regions[i]); });
  }

  void location(const Article& a) {
    const std::string& where = a.event->location;
    const std::size_t n = (where.empty() ? 0 : 1) + a.countries.size();
    many("location", n, [&](std::size_t i) {
      if (!where.empty() && i == 0) {
        w_.begin_object();
        w_.key("@type");
        w_.plain_string("Place");
        w_.key("name");
        w_.string(where);
        w_.end_object();
        return;
      }
      place("Country", "country", a.countries[i - (where.empty() ? 0 : 1)]);
    });
  }

  void campaigns(const Article& a) {
    many("isPartOf", a.campaigns.size(), [&](std::size_t i) {
      const std::string& id = a.campaigns[i];
      const Campaign* c = export_detail::find_campaign(c_, id);
      w_.begin_object();
      w_.key("@type");
      w_.plain_string("CreativeWorkSeries");
      if (c) {
        std::string name = c->name.empty() ? plain_text(c->title) : c->name;
        put("name", name);
        if (auto uri = as_uri(c->url)) {
          w_.key("url");
          w_.string(*uri);
        }
      }
      w_.key("identifier");
      w_.string(id);
      w_.end_object();
    });
  }

  void media(const Article& a) {
    std::vector<const Attachment*> files;
    for (const Attachment& at : a.attachments) {
      if (as_uri(at.url)) files.push_back(&at);
    }
    many("associatedMedia", files.size(), [&](std::size_t i) {
      const Attachment& at = *files[i];
      w_.begin_object();
      w_.key("@type");
      w_.plain_string("MediaObject");
      w_.key("contentUrl");
      w_.string(*as_uri(at.url));
      put("encodingFormat", at.type);
      if (at.length) put("contentSize", std::to_string(*at.length) + " B");
      put("name", at.title);
      w_.end_object();
    });
  }

  Writer& w_;
  const Collection& c_;
  const Vocabulary& vocabulary_;
};

void begin_document(Writer& w) {
  w.begin_object();
  w.key("@context");
  w.plain_string("https://schema.org");
}

}  // namespace

std::string escape_for_script(std::string text) {
  std::string out;
  out.reserve(text.size() + 16);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '<' && i + 1 < text.size() && text[i + 1] == '/') {
      out += "<\\/";
      ++i;
    } else if (text.compare(i, 4, "<!--") == 0) {
      out += "\\u003c";
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

std::string write_jsonld(const Collection& collection, const WriteOptions& options) {
  std::string out;
  out.reserve(collection.items.size() * 1536 + 64);
  Writer w(out, indent_of(options));
  const Vocabulary vocabulary(collection);
  NodeWriter nodes(w, collection, vocabulary);
  begin_document(w);
  w.key("@graph");
  w.begin_array();
  for (const Item& item : collection.items) nodes.write(item);
  w.end_array();
  w.end_object();
  if (options.pretty) out.push_back('\n');
  return out;
}

std::string write_jsonld_item(const Collection& collection, std::size_t index, const WriteOptions& options) {
  if (index >= collection.items.size()) throw std::out_of_range("write_jsonld_item: no item " + std::to_string(index));
  // The item's node, with the context as its first member.
  std::string node;
  Writer w(node, indent_of(options));
  const Vocabulary vocabulary(collection);
  NodeWriter(w, collection, vocabulary).write(collection.items[index]);
  const std::string context = options.pretty ? "{\n" + std::string(static_cast<std::size_t>(indent_of(options)), ' ') +
                                                   "\"@context\": \"https://schema.org\","
                                             : std::string("{\"@context\":\"https://schema.org\",");
  std::string out = context + node.substr(1);
  if (options.pretty) out.push_back('\n');
  return out;
}

std::string jsonld_script(const Collection& collection, std::size_t index, const WriteOptions& options) {
  std::string json = write_jsonld_item(collection, index, options);
  if (!json.empty() && json.back() == '\n') json.pop_back();
  return "<script type=\"application/ld+json\">\n" + escape_for_script(std::move(json)) + "\n</script>\n";
}

}  // namespace hrnews
