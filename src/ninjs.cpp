// SPDX-License-Identifier: Apache-2.0
// IPTC ninjs 2.2 export. Every item becomes one ninjs object; what core ninjs
// can say goes into its properties (headlines, bodies, people with roles,
// places, subjects, genres, renditions, altids…), and, when asked, what only
// hrnews models goes into the `hrnews` extension property. The mapping table
// is docs/format-ninjs.md; the extension's schema is
// docs/schema/hrnews-ninjs-extension.schema.json.

#include <hrnews/ninjs.hpp>

#include <stdexcept>
#include <string>
#include <vector>

#include <hrnews/builtin.hpp>
#include <hrnews/case_reference.hpp>

#include "export_common.hpp"
#include "json_detail.hpp"

namespace hrnews {
namespace {

using export_detail::as_uri;
using export_detail::full_datetime;
using export_detail::Vocabulary;
using json_detail::Writer;

/// The ninjs `uri` of an item: its id when that is a URI, else a URN made of it.
std::string item_uri(const Article& a) {
  if (auto uri = as_uri(a.id)) return *uri;
  return "urn:hrnews:id:" + export_detail::percent_encode_all(a.id);
}

void put(Writer& w, std::string_view key, std::string_view value) {
  if (value.empty()) return;
  w.key(key);
  w.string(value);
}

void put_uri(Writer& w, std::string_view key, std::string_view value) {
  if (value.empty()) return;
  if (auto uri = as_uri(value)) {
    w.key(key);
    w.string(*uri);
  }
}

/// One `{role, contenttype, value}` element of headlines, descriptions or bodies.
void text_block(Writer& w, std::string_view role, const Text& t) {
  w.begin_object();
  w.key("role");
  w.plain_string(role);
  w.key("contenttype");
  w.plain_string(export_detail::media_type(t.type));
  w.key("value");
  w.string(t.value);
  w.end_object();
}

/// The plain-text list of requested actions: one numbered line each.
std::string numbered(const std::vector<std::string>& lines) {
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) out += '\n';
    out += std::to_string(i + 1) + ". " + lines[i];
  }
  return out;
}

class ItemWriter {
 public:
  ItemWriter(Writer& w, const Collection& c, const Vocabulary& vocabulary, const NinjsOptions& options)
      : w_(w), c_(c), vocabulary_(vocabulary), options_(options) {}

  void write(const Item& item) {
    const Article& a = article_of(item);
    const Intervention* in = item.index() == 1 ? &std::get<Intervention>(item) : nullptr;
    const std::string uri = item_uri(a);
    w_.begin_object();
    w_.key("uri");
    w_.string(uri);
    w_.key("standard");
    w_.begin_object();
    w_.key("name");
    w_.plain_string("ninjs");
    w_.key("version");
    w_.plain_string("2.2");
    w_.key("schema");
    w_.plain_string(options_.hrnews_extension ? ninjs_extension_schema_uri : ninjs_schema_uri);
    w_.end_object();
    w_.key("type");
    w_.plain_string("text");
    w_.key("profile");
    w_.plain_string(in ? "hrnews-intervention" : "hrnews-article");
    w_.key("representationtype");
    w_.plain_string(a.content ? "full" : "partial");
    if (a.published) {
      w_.key("firstcreated");
      w_.string(full_datetime(*a.published));
    }
    if (a.updated || a.published) {
      w_.key("versioncreated");
      w_.string(full_datetime(a.updated ? *a.updated : *a.published));
    }
    if (in && in->deadline) {
      w_.key("expires");
      w_.string(full_datetime(*in->deadline));
    }
    w_.key("pubstatus");
    w_.plain_string("usable");
    if (a.rights && !a.rights->value.empty()) put(w_, "copyrightnotice", export_detail::plain_text(*a.rights));
    put(w_, "language", a.language.empty() ? c_.feed.language : a.language);
    if (!a.title.value.empty()) {
      w_.key("headlines");
      w_.begin_array();
      text_block(w_, "main", a.title);
      w_.end_array();
    }
    if (a.summary && !a.summary->value.empty()) {
      w_.key("descriptions");
      w_.begin_array();
      text_block(w_, "summary", *a.summary);
      w_.end_array();
    }
    const bool has_content = a.content && !a.content->value.empty();
    const bool has_actions = in && !in->requested_actions.empty();
    if (has_content || has_actions) {
      w_.key("bodies");
      w_.begin_array();
      if (has_content) text_block(w_, "main", *a.content);
      if (has_actions) text_block(w_, "requested-actions", Text(numbered(in->requested_actions)));
      w_.end_array();
    }
    by(a);
    put(w_, "located", a.dateline);
    people(a, in);
    organisations(a, in);
    places(a);
    subjects(a, in);
    genres(a);
    events(a);
    renditions(a);
    associations(a, in);
    altids(a, uri, in);
    if (options_.hrnews_extension) extension(item);
    w_.end_object();
  }

 private:
  void by(const Article& a) {
    std::string names;
    for (const Person& p : a.authors) {
      if (p.name.empty()) continue;
      if (!names.empty()) names += ", ";
      names += p.name;
    }
    put(w_, "by", names);
  }

  void begin_list(bool& open, std::string_view key) {
    if (open) return;
    w_.key(key);
    w_.begin_array();
    open = true;
  }
  void end_list(bool open) {
    if (open) w_.end_array();
  }

  void contact(bool& open, std::string_view type, const std::string& value) {
    if (value.empty()) return;
    begin_list(open, "contactinfo");
    w_.begin_object();
    w_.key("type");
    w_.plain_string(type);
    w_.key("value");
    w_.string(value);
    w_.end_object();
  }

  void people(const Article& a, const Intervention* in) {
    bool open = false;
    for (const Person& p : a.authors) {
      if (p.name.empty() && p.uri.empty() && p.email.empty()) continue;
      begin_list(open, "people");
      w_.begin_object();
      put(w_, "name", p.name);
      w_.key("rel");
      w_.plain_string("author");
      put_uri(w_, "uri", p.uri);
      bool contacts = false;
      contact(contacts, "email", p.email);
      end_list(contacts);
      w_.end_object();
    }
    for (const Party& p : a.publishers) {
      if (p.kind != PartyKind::person) continue;
      begin_list(open, "people");
      party(p);
    }
    if (in) {
      for (const Victim& v : in->victims) {
        if (v.name.empty()) continue;
        begin_list(open, "people");
        w_.begin_object();
        w_.key("name");
        w_.string(v.name);
        w_.key("rel");
        w_.plain_string("victim");
        w_.end_object();
      }
      for (const Addressee& ad : in->addressees) {
        if (ad.name.empty()) continue;
        begin_list(open, "people");
        w_.begin_object();
        w_.key("name");
        w_.string(ad.name);
        w_.key("rel");
        w_.plain_string("addressee");
        addressee_contacts(ad);
        w_.end_object();
      }
    }
    end_list(open);
  }

  void addressee_contacts(const Addressee& ad) {
    bool contacts = false;
    contact(contacts, "email", ad.email);
    contact(contacts, "fax", ad.fax);
    contact(contacts, "phone", ad.phone);
    if (!ad.address.empty()) {
      begin_list(contacts, "contactinfo");
      w_.begin_object();
      w_.key("type");
      w_.plain_string("address");
      w_.key("address");
      w_.begin_object();
      w_.key("lines");
      w_.begin_array();
      std::string_view rest = ad.address;
      for (;;) {
        const std::size_t nl = rest.find('\n');
        w_.string(rest.substr(0, nl));
        if (nl == std::string_view::npos) break;
        rest.remove_prefix(nl + 1);
      }
      w_.end_array();
      w_.end_object();
      w_.end_object();
    }
    end_list(contacts);
  }

  void party(const Party& p) {
    w_.begin_object();
    put(w_, "name", p.name);
    w_.key("rel");
    w_.string(p.role.empty() ? std::string("publisher") : p.role);
    put_uri(w_, "uri", p.uri);
    put(w_, "literal", p.abbreviation);
    if (p.kind == PartyKind::person) {
      bool contacts = false;
      contact(contacts, "email", p.email);
      end_list(contacts);
    }
    w_.end_object();
  }

  void organisations(const Article& a, const Intervention* in) {
    bool open = false;
    for (const Party& p : a.publishers) {
      if (p.kind != PartyKind::organisation) continue;
      begin_list(open, "organisations");
      party(p);
    }
    if (in) {
      for (const Victim& v : in->victims) {
        if (v.organisation.empty()) continue;
        begin_list(open, "organisations");
        w_.begin_object();
        w_.key("name");
        w_.string(v.organisation);
        w_.key("rel");
        w_.plain_string("victim-organisation");
        w_.end_object();
      }
      for (const Addressee& ad : in->addressees) {
        if (ad.institution.empty()) continue;
        begin_list(open, "organisations");
        w_.begin_object();
        w_.key("name");
        w_.string(ad.institution);
        w_.key("rel");
        w_.plain_string("addressee");
        if (ad.name.empty()) addressee_contacts(ad);
        w_.end_object();
      }
    }
    end_list(open);
  }

  /// A concept with a name, relation, URI (the term's, when it is one) and literal code.
  void concept_(const TermRef& ref, std::string_view rel) {
    w_.begin_object();
    w_.key("name");
    w_.string(vocabulary_.label(ref));
    w_.key("rel");
    w_.string(rel);
    if (const Term* term = vocabulary_.find(ref)) put_uri(w_, "uri", term->uri);
    w_.key("literal");
    w_.string(ref.code);
    w_.end_object();
  }

  void places(const Article& a) {
    bool open = false;
    for (const std::string& code : a.countries) {
      begin_list(open, "places");
      concept_(TermRef{"country", code}, "country");
    }
    for (const std::string& code : a.regions) {
      begin_list(open, "places");
      concept_(TermRef{"region", code}, "region");
    }
    if (a.event && !a.event->location.empty()) {
      begin_list(open, "places");
      w_.begin_object();
      w_.key("name");
      w_.string(a.event->location);
      w_.key("rel");
      w_.plain_string("event-location");
      w_.end_object();
    }
    end_list(open);
  }

  void subjects(const Article& a, const Intervention* in) {
    bool open = false;
    for (const TermRef& ref : a.subjects) {
      if (ref.scheme == "genre") continue;
      begin_list(open, "subjects");
      concept_(ref, ref.scheme);
    }
    if (in) {
      for (const TermRef& ref : in->violations) {
        begin_list(open, "subjects");
        concept_(ref, "violation");
      }
    }
    for (const std::string& id : a.campaigns) {
      begin_list(open, "subjects");
      const Campaign* campaign = export_detail::find_campaign(c_, id);
      w_.begin_object();
      std::string name = campaign ? campaign->name : std::string();
      if (name.empty() && campaign) name = export_detail::plain_text(campaign->title);
      put(w_, "name", name);
      w_.key("rel");
      w_.plain_string("campaign");
      if (campaign && as_uri(campaign->url)) put_uri(w_, "uri", campaign->url);
      else put_uri(w_, "uri", id);
      w_.key("literal");
      w_.string(id);
      w_.end_object();
    }
    for (const Category& cat : a.categories) {
      if (cat.term.empty() && cat.label.empty()) continue;
      begin_list(open, "subjects");
      w_.begin_object();
      w_.key("name");
      w_.string(cat.label.empty() ? cat.term : cat.label);
      w_.key("rel");
      w_.plain_string("category");
      put(w_, "literal", cat.term);
      w_.end_object();
    }
    end_list(open);
  }

  void genres(const Article& a) {
    bool open = false;
    for (const TermRef& ref : a.subjects) {
      if (ref.scheme != "genre") continue;
      begin_list(open, "genres");
      w_.begin_object();
      w_.key("name");
      w_.string(vocabulary_.label(ref));
      if (const Term* term = vocabulary_.find(ref)) put_uri(w_, "uri", term->uri);
      w_.key("literal");
      w_.string(ref.code);
      w_.end_object();
    }
    end_list(open);
  }

  void events(const Article& a) {
    if (!a.event) return;
    const Event& e = *a.event;
    std::string when;
    if (e.start) when = full_datetime(*e.start);
    if (e.end) when += "/" + full_datetime(*e.end);
    w_.key("events");
    w_.begin_array();
    w_.begin_object();
    w_.key("name");
    w_.string(export_detail::plain_text(a.title));
    w_.key("rel");
    w_.plain_string("announces");
    put(w_, "literal", when);
    w_.end_object();
    w_.end_array();
  }

  void renditions(const Article& a) {
    bool open = false;
    if (auto uri = as_uri(a.url)) {
      begin_list(open, "renditions");
      w_.begin_object();
      w_.key("name");
      w_.plain_string("web");
      w_.key("href");
      w_.string(*uri);
      w_.key("contenttype");
      w_.plain_string("text/html");
      w_.end_object();
    }
    for (const Link& l : a.links) {
      auto uri = as_uri(l.href);
      if (!uri) continue;
      begin_list(open, "renditions");
      w_.begin_object();
      w_.key("name");
      w_.string(l.rel.empty() ? std::string("alternate") : l.rel);
      w_.key("href");
      w_.string(*uri);
      put(w_, "contenttype", l.type);
      put(w_, "title", l.title);
      if (l.length) {
        w_.key("sizeinbytes");
        w_.number(static_cast<std::uint64_t>(*l.length));
      }
      w_.end_object();
    }
    for (const Attachment& at : a.attachments) {
      auto uri = as_uri(at.url);
      if (!uri) continue;
      begin_list(open, "renditions");
      w_.begin_object();
      w_.key("name");
      w_.plain_string("attachment");
      w_.key("href");
      w_.string(*uri);
      put(w_, "contenttype", at.type);
      put(w_, "title", at.title);
      if (at.length) {
        w_.key("sizeinbytes");
        w_.number(static_cast<std::uint64_t>(*at.length));
      }
      w_.end_object();
    }
    end_list(open);
  }

  void associations(const Article& a, const Intervention* in) {
    bool open = false;
    auto associate = [&](std::string_view name, const std::string& target) {
      if (target.empty()) return;
      begin_list(open, "associations");
      w_.begin_object();
      w_.key("name");
      w_.string(name);
      w_.key("uri");
      if (auto uri = as_uri(target)) w_.string(*uri);
      else w_.string("urn:hrnews:id:" + export_detail::percent_encode_all(target));
      w_.end_object();
    };
    for (const Relation& r : a.related) associate(to_string(r.rel), r.id_or_url);
    if (in) associate("follows", in->follows);
    end_list(open);
  }

  void altids(const Article& a, const std::string& uri, const Intervention* in) {
    bool open = false;
    auto altid = [&](std::string_view role, const std::string& value) {
      if (value.empty()) return;
      begin_list(open, "altids");
      w_.begin_object();
      w_.key("role");
      w_.plain_string(role);
      w_.key("value");
      w_.string(value);
      w_.end_object();
    };
    if (uri != a.id) altid("hrnews-id", a.id);
    if (in && in->case_ref) altid("case-reference", in->case_ref->raw());
    end_list(open);
  }

  // --- the hrnews extension -----------------------------------------------

  void timestamp(std::string_view key, const std::optional<Timestamp>& t) {
    if (!t) return;
    w_.key(key);
    w_.string(t->to_rfc3339());
  }

  void strings(std::string_view key, const std::vector<std::string>& list) {
    if (list.empty()) return;
    w_.key(key);
    w_.begin_array();
    for (const std::string& s : list) w_.string(s);
    w_.end_array();
  }

  void term_refs(std::string_view key, const std::vector<TermRef>& list) {
    if (list.empty()) return;
    w_.key(key);
    w_.begin_array();
    for (const TermRef& r : list) {
      w_.begin_object();
      w_.key("scheme");
      w_.string(r.scheme);
      w_.key("code");
      w_.string(r.code);
      w_.end_object();
    }
    w_.end_array();
  }

  void extension(const Item& item) {
    const Article& a = article_of(item);
    const Intervention* in = item.index() == 1 ? &std::get<Intervention>(item) : nullptr;
    w_.key("hrnews");
    w_.begin_object();
    w_.key("kind");
    w_.plain_string(to_string(kind_of(item)));
    w_.key("id");
    w_.string(a.id);
    if (a.language_inferred) {
      w_.key("language_inferred");
      w_.boolean(true);
    }
    term_refs("subjects", a.subjects);
    strings("countries", a.countries);
    strings("regions", a.regions);
    if (a.geo) {
      w_.key("geo");
      w_.begin_object();
      w_.key("lat");
      w_.number(a.geo->lat);
      w_.key("lon");
      w_.number(a.geo->lon);
      w_.end_object();
    }
    if (!a.campaigns.empty()) {
      w_.key("campaigns");
      w_.begin_array();
      for (const std::string& id : a.campaigns) {
        w_.begin_object();
        w_.key("id");
        w_.string(id);
        if (const Campaign* c = export_detail::find_campaign(c_, id)) {
          put(w_, "name", c->name);
          put(w_, "url", c->url);
        }
        w_.end_object();
      }
      w_.end_array();
    }
    if (a.event) {
      w_.key("event");
      w_.begin_object();
      timestamp("start", a.event->start);
      timestamp("end", a.event->end);
      put(w_, "location", a.event->location);
      w_.end_object();
    }
    timestamp("published", a.published);
    timestamp("updated", a.updated);
    if (in) {
      if (in->case_ref) {
        const CaseReference& r = *in->case_ref;
        w_.key("case_ref");
        w_.begin_object();
        w_.key("raw");
        w_.string(r.raw());
        w_.key("scheme");
        w_.plain_string(to_string(r.scheme()));
        if (r.scheme() != CaseScheme::unknown) {
          w_.key("formatted");
          w_.string(r.format());
        }
        w_.end_object();
      }
      w_.key("intervention_type");
      w_.plain_string(to_string(in->intervention_type));
      if (in->status) {
        w_.key("status");
        w_.plain_string(to_string(*in->status));
      }
      if (!in->victims.empty()) {
        w_.key("victims");
        w_.begin_array();
        for (const Victim& v : in->victims) {
          w_.begin_object();
          put(w_, "name", v.name);
          put(w_, "role", v.role);
          put(w_, "organisation", v.organisation);
          put(w_, "gender", v.gender);
          put(w_, "status", v.status);
          w_.end_object();
        }
        w_.end_array();
      }
      term_refs("violations", in->violations);
      strings("requested_actions", in->requested_actions);
      if (!in->addressees.empty()) {
        w_.key("addressees");
        w_.begin_array();
        for (const Addressee& ad : in->addressees) {
          w_.begin_object();
          put(w_, "name", ad.name);
          put(w_, "title", ad.title);
          put(w_, "institution", ad.institution);
          put(w_, "address", ad.address);
          put(w_, "email", ad.email);
          put(w_, "fax", ad.fax);
          put(w_, "phone", ad.phone);
          w_.end_object();
        }
        w_.end_array();
      }
      timestamp("deadline", in->deadline);
      put(w_, "follows", in->follows);
    }
    w_.end_object();
  }

  Writer& w_;
  const Collection& c_;
  const Vocabulary& vocabulary_;
  const NinjsOptions& options_;
};

int indent_of(const NinjsOptions& options) { return options.pretty ? (options.indent < 0 ? 0 : options.indent) : -1; }

}  // namespace

std::string write_ninjs(const Collection& collection, const NinjsOptions& options) {
  std::string out;
  out.reserve(collection.items.size() * 2048 + 16);
  Writer w(out, indent_of(options));
  const Vocabulary vocabulary(collection);
  ItemWriter items(w, collection, vocabulary, options);
  w.begin_array();
  for (const Item& item : collection.items) items.write(item);
  w.end_array();
  if (options.pretty) out.push_back('\n');
  return out;
}

std::string write_ninjs(const Collection& collection, const WriteOptions& options) {
  NinjsOptions n;
  n.pretty = options.pretty;
  n.indent = options.indent;
  return write_ninjs(collection, n);
}

std::string write_ninjs_item(const Collection& collection, std::size_t index, const NinjsOptions& options) {
  if (index >= collection.items.size()) throw std::out_of_range("write_ninjs_item: no item " + std::to_string(index));
  std::string out;
  Writer w(out, indent_of(options));
  const Vocabulary vocabulary(collection);
  ItemWriter(w, collection, vocabulary, options).write(collection.items[index]);
  if (options.pretty) out.push_back('\n');
  return out;
}

}  // namespace hrnews
