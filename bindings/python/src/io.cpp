// SPDX-License-Identifier: Apache-2.0
// Bindings of Collection and of reading and writing (collection.hpp, io.hpp,
// options.hpp, stats.hpp): the format registry, parse with the GIL released,
// to(), save(), to_records() and to_pandas().

#include <cerrno>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <system_error>

#include <hrnews/classify.hpp>
#include <hrnews/collection.hpp>
#include <hrnews/io.hpp>
#include <hrnews/json.hpp>
#include <hrnews/options.hpp>
#include <hrnews/stats.hpp>

#include "common.hpp"

namespace hrnews {
// Equality for the option records (the library does not need it; Python's == does).
static bool operator==(const Limits& a, const Limits& b) {
  return a.max_input_bytes == b.max_input_bytes && a.max_depth == b.max_depth && a.max_items == b.max_items &&
         a.max_string_bytes == b.max_string_bytes;
}
static bool operator==(const FormatInfo& a, const FormatInfo& b) {
  return a.id == b.id && a.description == b.description && a.can_read == b.can_read && a.can_write == b.can_write;
}
}  // namespace hrnews

namespace hrnews::python {
namespace {

ReadOptions make_options(const std::string& base_url, const std::string& charset, bool strict, bool classify,
                         bool sanitize_html, const std::string& file_name, const std::optional<Limits>& limits) {
  ReadOptions options;
  options.base_url = base_url;
  options.charset = charset;
  options.strict = strict;
  options.classify = classify;
  options.sanitize_html = sanitize_html;
  options.file_name = file_name;
  if (limits) options.limits = *limits;
  return options;
}

Collection read_bytes(const py::bytes& data, const std::string& format, const std::string& base_url,
                      const std::string& charset, bool strict, bool classify, bool sanitize_html,
                      const std::string& file_name, const std::optional<Limits>& limits) {
  char* buffer = nullptr;
  Py_ssize_t size = 0;
  if (PyBytes_AsStringAndSize(data.ptr(), &buffer, &size) != 0) throw py::error_already_set();
  const std::string_view view(buffer, static_cast<std::size_t>(size));
  const ReadOptions options = make_options(base_url, charset, strict, classify, sanitize_html, file_name, limits);
  py::gil_scoped_release release;  // `data` is immutable and held by the caller
  return read(view, format, options);
}

Collection read_path(const std::string& path, const std::string& format, const std::string& base_url,
                     const std::string& charset, bool strict, bool classify, bool sanitize_html,
                     const std::string& file_name, const std::optional<Limits>& limits) {
  const ReadOptions options = make_options(base_url, charset, strict, classify, sanitize_html, file_name, limits);
  py::gil_scoped_release release;
  return read_file(path, format, options);
}

std::string write_text(const Collection& c, const std::string& format, bool pretty, int indent) {
  WriteOptions options;
  options.pretty = pretty;
  options.indent = indent;
  py::gil_scoped_release release;
  return write(c, format, options);
}

bool valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) >> 6) != 2) return false;
    }
    i += n;
  }
  return true;
}

/// The format for a file name's extension, or empty.
std::string format_for_path(const std::string& path) {
  const auto dot = path.rfind('.');
  const auto slash = path.rfind('/');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return {};
  const std::string ext = path.substr(dot + 1);
  if (ext == "json") return "json";
  if (ext == "jsonl" || ext == "ndjson") return "jsonl";
  if (ext == "rss") return "rss";
  if (ext == "atom") return "atom";
  if (ext == "xml") return "xml";
  if (ext == "jsonld") return "jsonld";
  return {};
}

void save(const Collection& c, const std::string& path, std::optional<std::string> format, bool pretty, int indent) {
  std::string fmt = format ? *format : format_for_path(path);
  if (fmt.empty()) {
    throw py::value_error("cannot tell the format from the file name \"" + path + "\"; pass format=");
  }
  WriteOptions options;
  options.pretty = pretty;
  options.indent = indent;
  py::gil_scoped_release release;
  const std::string data = write(c, fmt, options);
  errno = 0;
  const std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "wb"), &std::fclose);
  if (!file) throw std::system_error(errno ? errno : EIO, std::generic_category(), path);
  if (std::fwrite(data.data(), 1, data.size(), file.get()) != data.size() || std::fflush(file.get()) != 0) {
    throw std::system_error(errno ? errno : EIO, std::generic_category(), path);
  }
}

/// The column names of `to_records()`, in order.
const std::vector<const char*>& record_columns() {
  static const std::vector<const char*> columns = {
      "kind",     "id",        "url",        "title",      "summary",   "content",   "published",
      "updated",  "language",  "language_inferred", "authors",    "publishers", "countries", "regions",   "themes",
      "genres",   "subjects",  "categories", "campaigns",  "attachments", "case_ref", "intervention_type",
      "status",   "victims",   "deadline",   "feed_title", "source_format"};
  return columns;
}

struct RecordMaker {
  py::object datetime = py::module_::import("datetime").attr("datetime");
  py::object utc = py::module_::import("datetime").attr("timezone").attr("utc");

  py::object time(const std::optional<Timestamp>& t) const {
    if (!t) return py::none();
    const auto& p = t->utc();
    const auto d = p.date();
    const auto tod = p.time_of_day();
    const long us = static_cast<long>(tod.fractional_seconds() *
                                      (1000000 / boost::posix_time::time_duration::ticks_per_second()));
    return datetime(static_cast<int>(d.year()), static_cast<int>(d.month()), static_cast<int>(d.day()),
                    static_cast<int>(tod.hours()), static_cast<int>(tod.minutes()), static_cast<int>(tod.seconds()), us,
                    utc);
  }
  static py::object text(const std::optional<Text>& t) {
    if (!t || t->empty()) return py::none();
    return py::str(t->value);
  }
  static py::object str_or_none(const std::string& s) { return s.empty() ? py::object(py::none()) : py::str(s); }
  static py::list strings(const std::vector<std::string>& v) {
    py::list out(v.size());
    for (std::size_t i = 0; i < v.size(); ++i) out[i] = py::str(v[i]);
    return out;
  }
  static py::list codes(const std::vector<TermRef>& v, const char* scheme) {
    py::list out;
    for (const auto& r : v) {
      if (r.scheme == scheme) out.append(py::str(r.code));
    }
    return out;
  }

  py::dict record(const Item& item, const Feed& feed) const {
    const Article& a = article_of(item);
    const auto* iv = std::get_if<Intervention>(&item);
    py::dict d;
    d["kind"] = py::str(iv ? "intervention" : "article");
    d["id"] = py::str(a.id);
    d["url"] = str_or_none(a.url);
    d["title"] = py::str(a.title.value);
    d["summary"] = text(a.summary);
    d["content"] = text(a.content);
    d["published"] = time(a.published);
    d["updated"] = time(a.updated);
    d["language"] = str_or_none(a.language.empty() ? feed.language : a.language);
    d["language_inferred"] = py::bool_(a.language_inferred);
    py::list authors;
    for (const auto& p : a.authors) authors.append(py::str(p.name));
    d["authors"] = authors;
    py::list publishers;
    for (const auto& p : a.publishers) publishers.append(py::str(p.name));
    d["publishers"] = publishers;
    d["countries"] = strings(a.countries);
    d["regions"] = strings(a.regions);
    d["themes"] = codes(a.subjects, "theme");
    d["genres"] = codes(a.subjects, "genre");
    py::list subjects;
    for (const auto& r : a.subjects) subjects.append(py::str(r.scheme + ":" + r.code));
    if (iv) {
      for (const auto& r : iv->violations) subjects.append(py::str(r.scheme + ":" + r.code));
    }
    d["subjects"] = subjects;
    py::list categories;
    for (const auto& c : a.categories) categories.append(py::str(c.term));
    d["categories"] = categories;
    d["campaigns"] = strings(a.campaigns);
    py::list attachments;
    for (const auto& at : a.attachments) attachments.append(py::str(at.url));
    d["attachments"] = attachments;
    d["case_ref"] = iv && iv->case_ref ? py::object(py::str(iv->case_ref->raw())) : py::object(py::none());
    d["intervention_type"] = iv ? py::object(py::str(std::string(to_string(iv->intervention_type)))) : py::object(py::none());
    d["status"] = iv && iv->status ? py::object(py::str(std::string(to_string(*iv->status)))) : py::object(py::none());
    py::list victims;
    if (iv) {
      for (const auto& v : iv->victims) victims.append(py::str(v.name));
    }
    d["victims"] = victims;
    d["deadline"] = iv ? time(iv->deadline) : py::object(py::none());
    d["feed_title"] = str_or_none(feed.title.value);
    d["source_format"] = str_or_none(feed.source_format);
    return d;
  }
};

py::list to_records(const Collection& c) {
  const RecordMaker maker;
  py::list out(c.items.size());
  for (std::size_t i = 0; i < c.items.size(); ++i) out[i] = maker.record(c.items[i], c.feed);
  return out;
}

py::object to_pandas(const Collection& c) {
  py::module_ pd;
  try {
    pd = py::module_::import("pandas");
  } catch (py::error_already_set& e) {
    if (!e.matches(PyExc_ImportError)) throw;
    py::raise_from(e, PyExc_ImportError,
                   "Collection.to_pandas() needs pandas, which is not installed: pip install pandas "
                   "(to_records() gives the same rows as a list of dicts without it)");
    throw py::error_already_set();
  }
  py::list columns;
  for (const char* name : record_columns()) columns.append(py::str(name));
  py::object frame = pd.attr("DataFrame").attr("from_records")(to_records(c), py::arg("columns") = columns);
  for (const char* name : {"published", "updated", "deadline"}) {
    frame[py::str(name)] = pd.attr("to_datetime")(frame[py::str(name)], py::arg("utc") = true);
  }
  return frame;
}

py::object stats_dict(const Collection& c) {
  const std::string json = format_stats_json(compute_stats(c));
  return py::module_::import("json").attr("loads")(json);
}

}  // namespace

void bind_io(py::module_& m) {
  Record<Limits> limits(m, "Limits", "Bounds that keep hostile input from exhausting time or memory.");
  limits.field("max_input_bytes", &Limits::max_input_bytes, "Whole input (streaming: one line).")
      .field("max_depth", &Limits::max_depth, "Nesting of objects, arrays, elements.")
      .field("max_items", &Limits::max_items, "Items in one collection.")
      .field("max_string_bytes", &Limits::max_string_bytes, "One string value.")
      .finish<PickleVia::fields>();

  Record<FormatInfo> info(m, "FormatInfo", "What the library can do with one format.");
  info.field("id", &FormatInfo::id, "Format id (`json`, `rss`…).")
      .field("description", &FormatInfo::description, "One line for humans.")
      .field("can_read", &FormatInfo::can_read, "A reader exists.")
      .field("can_write", &FormatInfo::can_write, "A writer exists.")
      .finish<PickleVia::fields>();

  Record<Collection> coll(m, "Collection", "Everything a feed or file holds: metadata, items, campaigns, schemes, diagnostics.");
  coll.field("feed", &Collection::feed, "Feed metadata.")
      .property(
          "items",
          [](const Collection& c) {
            py::list out(c.items.size());
            for (std::size_t i = 0; i < c.items.size(); ++i) out[i] = item_to_python(c.items[i]);
            return py::object(out);
          },
          [](Collection& c, py::handle value) {
            std::vector<Item> items;
            for (py::handle h : value) items.push_back(item_from_python(h));
            c.items = std::move(items);
          },
          "Articles and interventions in document order (a new list of copies; assign a list to change).")
      .field("campaigns", &Collection::campaigns, "Campaigns named by the source.")
      .field("schemes", &Collection::schemes, "Taxonomy schemes the source carries.")
      .field("diagnostics", &Collection::diagnostics, "What was repaired or ignored while reading.")
      .field("extensions", &Collection::extensions, "Unknown top-level members.")
      .finish<PickleVia::custom>();
  auto& cls = coll.cls();
  // Pickling through the canonical JSON format (replaces the field-wise form set by finish()).
  cls.def(py::pickle(
      [](const Collection& c) {
        WriteOptions options;
        options.pretty = false;
        return py::make_tuple(py::bytes(write_json(c, options)));
      },
      [](const py::tuple& state) {
        const std::string text = state[0].cast<std::string>();
        return read_json(text);
      }));
  cls.def("__len__", [](const Collection& c) { return c.items.size(); });
  cls.def("__iter__", [](const py::object& self) { return self.attr("items").attr("__iter__")(); },
          "Iterates over copies of the items.");
  cls.def("__getitem__", [](const Collection& c, py::ssize_t i) {
    const auto n = static_cast<py::ssize_t>(c.items.size());
    if (i < 0) i += n;
    if (i < 0 || i >= n) throw py::index_error("item index out of range");
    return item_to_python(c.items[static_cast<std::size_t>(i)]);
  });
  cls.def("append", [](Collection& c, py::handle item) { c.items.push_back(item_from_python(item)); },
          py::arg("item"), "Appends an Article or Intervention (a copy).");
  cls.def("__str__", [](const Collection& c) {
    std::string out = c.feed.title.value.empty() ? std::string("Collection") : c.feed.title.value;
    out += ": " + std::to_string(c.items.size()) + " items, " + std::to_string(c.campaigns.size()) + " campaigns, " +
           std::to_string(c.diagnostics.size()) + " diagnostics";
    if (!c.feed.source_format.empty()) out += " (" + c.feed.source_format + ")";
    return out;
  });
  for (const char* name : {"id", "url", "language", "generator", "icon", "source_format"}) {
    const std::string n = name;
    std::string Feed::*member = n == "id" ? &Feed::id
                               : n == "url" ? &Feed::url
                               : n == "language" ? &Feed::language
                               : n == "generator" ? &Feed::generator
                               : n == "icon" ? &Feed::icon
                                             : &Feed::source_format;
    cls.def_property(
        name, [member](const Collection& c) { return c.feed.*member; },
        [member](Collection& c, const std::string& v) { c.feed.*member = v; }, "Shortcut for `feed.<name>`.");
  }
  cls.def_property(
      "title", [](const Collection& c) { return c.feed.title; }, [](Collection& c, const Text& t) { c.feed.title = t; },
      "Shortcut for `feed.title`.");
  cls.def_property(
      "updated", [](const Collection& c) { return c.feed.updated; },
      [](Collection& c, const std::optional<Timestamp>& t) { c.feed.updated = t; }, "Shortcut for `feed.updated`.");
  cls.def("to", [](const Collection& c, const std::string& format, bool pretty, int indent) -> py::object {
    const std::string out = write_text(c, format, pretty, indent);
    if (!valid_utf8(out)) {
      throw py::value_error("format \"" + format + "\" is binary; use to_bytes()");
    }
    return py::str(out);
  }, py::arg("format"), py::arg("pretty") = true, py::arg("indent") = 2,
     "The collection written in `format` (any writable id of `formats()`), as text.");
  cls.def("to_bytes", [](const Collection& c, const std::string& format, bool pretty, int indent) {
    return py::bytes(write_text(c, format, pretty, indent));
  }, py::arg("format"), py::arg("pretty") = true, py::arg("indent") = 2,
     "The collection written in `format`, as bytes (for binary formats too).");
  cls.def("save", &save, py::arg("path"), py::arg("format") = py::none(), py::arg("pretty") = true,
          py::arg("indent") = 2,
          "Writes the collection to `path`; the format comes from the extension (.json, .jsonl, .rss, .atom, "
          ".xml, .jsonld) unless given.");
  cls.def("to_records", &to_records, "One flat dict per item (the columns of `to_pandas()`).");
  cls.def("to_pandas", &to_pandas, "A pandas DataFrame with one row per item (needs pandas).");
  cls.def("stats", &stats_dict, "Counts by kind, genre, country, theme, language and month.");
  cls.def(
      "classify",
      [](Collection& c) {
        py::gil_scoped_release release;
        classify(c);
      },
      "Classifies the items against the built-in taxonomy, in place (idempotent).");
  m.attr("RECORD_COLUMNS") = [] {
    py::list out;
    for (const char* name : record_columns()) out.append(py::str(name));
    return py::tuple(out);
  }();

  m.def("formats", &formats, "Every format known to this build.");
  m.def("detect_format", [](const py::bytes& data) { return detect_format(std::string(data)); }, py::arg("data"),
        "Guesses the format of `data` from its content: a format id, or '' when unknown.");
  m.def("_read", &read_bytes, py::arg("data"), py::arg("format"), py::arg("base_url"), py::arg("charset"),
        py::arg("strict"), py::arg("classify"), py::arg("sanitize_html"), py::arg("file_name"), py::arg("limits"));
  m.def("_read_file", &read_path, py::arg("path"), py::arg("format"), py::arg("base_url"), py::arg("charset"),
        py::arg("strict"), py::arg("classify"), py::arg("sanitize_html"), py::arg("file_name"), py::arg("limits"));
}

}  // namespace hrnews::python
