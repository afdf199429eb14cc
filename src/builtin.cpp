// SPDX-License-Identifier: Apache-2.0
// The built-in taxonomy: embedded JSON (see builtin_data.hpp) parsed once.
#include <hrnews/builtin.hpp>

#include <string>
#include <unordered_map>
#include <utility>

#include <hrnews/json.hpp>

#include "builtin_data.hpp"

namespace hrnews {
namespace {

// How the country scheme keeps the other ISO 3166-1 codes (docs/taxonomy.md).
constexpr std::string_view alpha3_prefix = "urn:hrnews:iso3166-1:alpha-3:";
constexpr std::string_view numeric_prefix = "urn:hrnews:iso3166-1:numeric:";

std::vector<Scheme> parse_builtin() {
  std::vector<Scheme> schemes;
  schemes.reserve(detail::builtin_scheme_count);
  for (std::size_t i = 0; i < detail::builtin_scheme_count; ++i) {
    const detail::EmbeddedScheme& data = detail::builtin_scheme_data[i];
    ReadOptions options;
    options.file_name = std::string("data/taxonomy/") + data.id + ".json";
    schemes.push_back(read_scheme_json(data.json(), options));
  }
  return schemes;
}

std::string upper_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

struct CountryCodes {
  std::unordered_map<std::string, std::string> alpha2_by_alpha3;
  std::unordered_map<std::string, std::string> alpha3_by_alpha2;
  std::unordered_map<std::string, std::string> numeric_by_alpha2;
};

const CountryCodes& country_codes() {
  static const CountryCodes codes = [] {
    CountryCodes c;
    if (const Scheme* scheme = builtin_taxonomy().find_scheme("country")) {
      for (const Term& term : scheme->terms) {
        for (const Mapping& m : term.mappings) {
          std::string_view uri = m.uri;
          if (uri.substr(0, alpha3_prefix.size()) == alpha3_prefix) {
            std::string alpha3(uri.substr(alpha3_prefix.size()));
            c.alpha2_by_alpha3.emplace(alpha3, term.code);
            c.alpha3_by_alpha2.emplace(term.code, std::move(alpha3));
          } else if (uri.substr(0, numeric_prefix.size()) == numeric_prefix) {
            c.numeric_by_alpha2.emplace(term.code, std::string(uri.substr(numeric_prefix.size())));
          }
        }
      }
    }
    return c;
  }();
  return codes;
}

std::optional<std::string> lookup(const std::unordered_map<std::string, std::string>& map, std::string_view key) {
  if (key.size() > 3) return std::nullopt;
  auto it = map.find(upper_ascii(key));
  if (it == map.end()) return std::nullopt;
  return it->second;
}

}  // namespace

const std::vector<std::string>& builtin_scheme_ids() {
  static const std::vector<std::string> ids = [] {
    std::vector<std::string> v;
    for (std::size_t i = 0; i < detail::builtin_scheme_count; ++i) v.emplace_back(detail::builtin_scheme_data[i].id);
    return v;
  }();
  return ids;
}

const Taxonomy& builtin_taxonomy() {
  static const Taxonomy taxonomy(parse_builtin());
  return taxonomy;
}

std::vector<Scheme> builtin_schemes() { return builtin_taxonomy().schemes(); }

std::optional<Scheme> builtin_scheme(std::string_view id) {
  if (const Scheme* s = builtin_taxonomy().find_scheme(id)) return *s;
  return std::nullopt;
}

Scheme merge_scheme(Scheme base, const Scheme& overlay) {
  if (!overlay.uri.empty()) base.uri = overlay.uri;
  for (const auto& [lang, title] : overlay.title) base.title[lang] = title;
  std::unordered_map<std::string, std::size_t> position;
  position.reserve(base.terms.size() + overlay.terms.size());
  for (std::size_t i = 0; i < base.terms.size(); ++i) position.emplace(base.terms[i].code, i);
  for (const Term& term : overlay.terms) {
    auto [it, inserted] = position.emplace(term.code, base.terms.size());
    if (inserted) base.terms.push_back(term);
    else base.terms[it->second] = term;
  }
  return base;
}

Taxonomy extend(const Taxonomy& base, std::vector<Scheme> schemes) {
  std::vector<Scheme> all = base.schemes();
  std::unordered_map<std::string, std::size_t> position;
  for (std::size_t i = 0; i < all.size(); ++i) position.emplace(all[i].id, i);
  for (Scheme& scheme : schemes) {
    auto [it, inserted] = position.emplace(scheme.id, all.size());
    if (inserted) all.push_back(std::move(scheme));
    else all[it->second] = merge_scheme(std::move(all[it->second]), scheme);
  }
  return Taxonomy(std::move(all));
}

std::optional<std::string> country_from_alpha3(std::string_view alpha3) {
  return lookup(country_codes().alpha2_by_alpha3, alpha3);
}

std::optional<std::string> country_alpha3(std::string_view alpha2) {
  return lookup(country_codes().alpha3_by_alpha2, alpha2);
}

std::optional<std::string> country_numeric(std::string_view alpha2) {
  return lookup(country_codes().numeric_by_alpha2, alpha2);
}

}  // namespace hrnews
