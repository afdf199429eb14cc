// SPDX-License-Identifier: Apache-2.0
/// @file detail/nlohmann_support.hpp
/// @brief Internals of `hrnews/nlohmann.hpp`: value conversion, paths in errors, extensions.
///
/// Not part of the API; include `hrnews/nlohmann.hpp` instead.
#pragma once

#include <algorithm>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include <hrnews/enum.hpp>
#include <hrnews/error.hpp>
#include <hrnews/extensions.hpp>
#include <hrnews/timestamp.hpp>

/// @cond HRNEWS_DETAIL
namespace hrnews::detail::nl {

/// Enables a template for nlohmann's `basic_json` types (`json`, `ordered_json`…).
template <class J>
using enable_json = std::enable_if_t<nlohmann::detail::is_basic_json<J>::value, int>;

template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};
template <class T>
struct is_vector : std::false_type {};
template <class T, class A>
struct is_vector<std::vector<T, A>> : std::true_type {};
template <class T>
struct is_string_map : std::false_type {};
template <class T, class C, class A>
struct is_string_map<std::map<std::string, T, C, A>> : std::true_type {};

/// Member names of the objects that keep unknown members as extensions
/// (must match docs/format-json.md and src/json.cpp).
inline constexpr std::string_view document_members[] = {"hrnews", "feed", "items", "campaigns", "schemes",
                                                        "diagnostics"};
inline constexpr std::string_view feed_members[] = {
    "id", "title", "subtitle", "url", "links", "language", "updated", "updated_raw", "publishers",
    "generator", "rights", "icon", "source_format"};
inline constexpr std::string_view article_members[] = {
    "kind", "id", "url", "links", "title", "summary", "content", "published", "published_raw", "updated",
    "updated_raw", "language", "language_inferred", "authors", "publishers", "categories", "subjects", "countries", "regions",
    "geo", "campaigns", "related", "attachments", "rights", "dateline", "event"};
inline constexpr std::string_view intervention_members[] = {
    "case_ref", "intervention_type", "status", "victims", "violations", "requested_actions", "addressees",
    "deadline", "deadline_raw", "follows"};
inline constexpr std::string_view campaign_members[] = {
    "kind", "id", "name", "title", "summary", "url", "status", "start", "start_raw", "end", "end_raw",
    "organisers", "hashtags", "subjects", "countries", "items", "calls_to_action"};

template <std::size_t N>
bool contains(const std::string_view (&names)[N], std::string_view name) noexcept {
  return std::find(std::begin(names), std::end(names), name) != std::end(names);
}

/// Throws a semantic ParseError of format `json`.
[[noreturn]] inline void fail(std::string message, std::string path = {}) {
  throw ParseError("json", std::move(message), {}, std::move(path));
}

/// `missing required member "NAME"`.
inline std::string missing(std::string_view name) {
  return "missing required member \"" + std::string(name) + "\"";
}

/// `/token` as a JSON Pointer step (`~` -> `~0`, `/` -> `~1`).
inline std::string step(std::string_view token) {
  std::string out = "/";
  for (char c : token) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

/// `/index` as a JSON Pointer step.
inline std::string step(std::size_t index) { return "/" + std::to_string(index); }

/// Runs `f`; a ParseError it throws gets `step` in front of its path.
template <class Step, class F>
void within(const Step& where, F&& f) {
  try {
    f();
  } catch (const ParseError& e) {
    SourceLocation loc;
    loc.line = e.line();
    loc.column = e.column();
    loc.offset = e.offset();
    throw ParseError(e.format(), e.message(), loc, step(where) + e.path(), e.file());
  }
}

template <class J>
void expect_object(const J& j) {
  if (!j.is_object()) fail("expected an object");
}

/// Converts one present (non-null) value.
template <class J, class T>
void convert(const J& v, T& out) {
  if constexpr (std::is_same_v<T, std::string>) {
    if (!v.is_string()) fail("expected a string");
    out = v.template get_ref<const typename J::string_t&>();
  } else if constexpr (std::is_same_v<T, bool>) {
    if (!v.is_boolean()) fail("expected a boolean");
    out = v.template get<bool>();
  } else if constexpr (std::is_floating_point_v<T>) {
    if (!v.is_number()) fail("expected a number");
    out = v.template get<T>();
  } else if constexpr (std::is_integral_v<T>) {
    if (v.is_number_unsigned()) {
      out = v.template get<T>();
    } else if (v.is_number_integer()) {
      fail("expected a non-negative integer");
    } else {
      fail("expected an integer");
    }
  } else if constexpr (std::is_enum_v<T>) {
    if (!v.is_string()) fail("expected a string");
    const std::optional<T> e = from_string<T>(v.template get_ref<const typename J::string_t&>());
    if (!e) fail("unknown value " + v.dump());
    out = *e;
  } else if constexpr (is_optional<T>::value) {
    typename T::value_type x{};
    convert(v, x);
    out = std::move(x);
  } else if constexpr (is_vector<T>::value) {
    if (!v.is_array()) fail("expected an array");
    out.clear();
    out.reserve(v.size());
    std::size_t i = 0;
    for (const auto& e : v) {
      within(i++, [&] {
        out.emplace_back();
        convert(e, out.back());
      });
    }
  } else if constexpr (is_string_map<T>::value) {
    expect_object(v);
    out.clear();
    for (auto it = v.begin(); it != v.end(); ++it) {
      within(it.key(), [&] { convert(it.value(), out[it.key()]); });
    }
  } else {
    from_json(v, out);  // a model type, found by ADL
  }
}

/// Reads member `name` of object `j` into `out` when it is present and not null.
template <class J, class T>
void member(const J& j, std::string_view name, T& out) {
  const auto it = j.find(name);
  if (it == j.end() || it->is_null()) return;
  within(name, [&] { convert(*it, out); });
}

/// Like `member`, but the member must be present and not null.
template <class J, class T>
void required(const J& j, std::string_view name, T& out) {
  const auto it = j.find(name);
  if (it == j.end() || it->is_null()) fail(missing(name));
  within(name, [&] { convert(*it, out); });
}

/// Reads a timestamp member and its `NAME_raw` companion.
template <class J>
void time_member(const J& j, std::string_view name, std::string_view raw_name, std::optional<Timestamp>& out) {
  out.reset();
  const auto it = j.find(name);
  if (it == j.end() || it->is_null()) return;
  Timestamp t;
  within(name, [&] { convert(*it, t); });
  std::string raw;
  member(j, raw_name, raw);
  out = raw.empty() ? std::move(t) : t.with_raw(std::move(raw));
}

/// Writes `value` as member `name` unless it is empty.
template <class J>
void put(J& j, const char* name, const std::string& value) {
  if (!value.empty()) j[name] = value;
}

/// Writes a list as member `name` unless it is empty.
template <class J, class T>
void put(J& j, const char* name, const std::vector<T>& list) {
  if (!list.empty()) j[name] = list;
}

/// Writes a map as member `name` unless it is empty.
template <class J, class T>
void put(J& j, const char* name, const std::map<std::string, T>& map) {
  if (!map.empty()) j[name] = map;
}

/// Writes an optional as member `name` when it holds a value.
template <class J, class T>
void put(J& j, const char* name, const std::optional<T>& value) {
  if (value) j[name] = *value;
}

/// Writes a timestamp as `name` (RFC 3339) and, when different, its raw text as `raw_name`.
template <class J>
void put_time(J& j, const char* name, const char* raw_name, const std::optional<Timestamp>& t) {
  if (!t) return;
  std::string text = t->to_rfc3339();
  const bool differs = t->raw() != text;
  j[name] = std::move(text);
  if (differs) j[raw_name] = t->raw();
}

/// Writes a non-zero integer as member `name`.
template <class J>
void put_int(J& j, const char* name, int value) {
  if (value != 0) j[name] = value;
}

/// Keeps the members of `j` for which `is_known(name)` is false as extensions (compact JSON text).
template <class J, class Known>
void extensions_from(const J& j, Known&& is_known, Extensions& out) {
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (!is_known(it.key())) out[it.key()] = it.value().dump(-1, ' ', false, J::error_handler_t::replace);
  }
}

/// Adds the extensions for which `is_known(name)` is false to `j` (a known name is
/// never duplicated). Text that is not JSON is written as a JSON string.
template <class J, class Known>
void extensions_to(J& j, const Extensions& extensions, Known&& is_known) {
  for (const auto& [name, text] : extensions) {
    if (is_known(name)) continue;
    J value = J::parse(text, nullptr, /*allow_exceptions=*/false);
    if (value.is_discarded()) value = text;
    j[name] = std::move(value);
  }
}

/// A predicate: is the name in this list?
template <std::size_t N>
auto known(const std::string_view (&names)[N]) {
  return [&names](std::string_view name) { return contains(names, name); };
}

}  // namespace hrnews::detail::nl
/// @endcond
