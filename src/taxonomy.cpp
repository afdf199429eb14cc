// SPDX-License-Identifier: Apache-2.0
#include <hrnews/taxonomy.hpp>

#include <stdexcept>
#include <unordered_map>

#include "fold.hpp"

namespace hrnews {

std::string normalize_label(std::string_view label) { return detail::fold(label); }

struct Taxonomy::Index {
  struct Entry {
    std::size_t scheme;
    std::size_t term;
  };
  std::vector<Scheme> schemes;
  std::unordered_map<std::string, std::size_t> scheme_by_id;
  // key: scheme id + '\n' + code
  std::unordered_map<std::string, Entry> by_code;
  // key: folded label; every term it may denote, in scheme order
  std::unordered_map<std::string, std::vector<Entry>> by_label;
};

namespace {
std::string code_key(std::string_view scheme, std::string_view code) {
  std::string key;
  key.reserve(scheme.size() + code.size() + 1);
  key.append(scheme).append(1, '\n').append(code);
  return key;
}
}  // namespace

Taxonomy::Taxonomy() : index_(std::make_shared<Index>()) {}

Taxonomy::Taxonomy(std::vector<Scheme> schemes) {
  auto index = std::make_shared<Index>();
  index->schemes = std::move(schemes);
  for (std::size_t s = 0; s < index->schemes.size(); ++s) {
    const Scheme& scheme = index->schemes[s];
    if (!index->scheme_by_id.emplace(scheme.id, s).second)
      throw std::invalid_argument("taxonomy: duplicate scheme \"" + scheme.id + "\"");
    for (std::size_t t = 0; t < scheme.terms.size(); ++t) {
      const Term& term = scheme.terms[t];
      if (!index->by_code.emplace(code_key(scheme.id, term.code), Index::Entry{s, t}).second)
        throw std::invalid_argument("taxonomy: duplicate code \"" + term.code + "\" in scheme \"" + scheme.id + "\"");
      auto add_label = [&](std::string_view label) {
        std::string key = detail::fold(label);
        if (key.empty()) return;
        auto& entries = index->by_label[key];
        for (const auto& e : entries)
          if (e.scheme == s && e.term == t) return;
        entries.push_back({s, t});
      };
      add_label(term.code);
      for (const auto& [lang, label] : term.labels) add_label(label);
      for (const auto& [lang, labels] : term.alt_labels)
        for (const auto& label : labels) add_label(label);
    }
  }
  index_ = std::move(index);
}

const std::vector<Scheme>& Taxonomy::schemes() const noexcept { return index_->schemes; }

const Scheme* Taxonomy::find_scheme(std::string_view id) const noexcept {
  auto it = index_->scheme_by_id.find(std::string(id));
  return it == index_->scheme_by_id.end() ? nullptr : &index_->schemes[it->second];
}

const Term* Taxonomy::find(std::string_view scheme, std::string_view code) const noexcept {
  auto it = index_->by_code.find(code_key(scheme, code));
  if (it == index_->by_code.end()) return nullptr;
  return &index_->schemes[it->second.scheme].terms[it->second.term];
}

const Term* Taxonomy::match(std::string_view scheme, std::string_view label) const {
  auto it = index_->by_label.find(detail::fold(label));
  if (it == index_->by_label.end()) return nullptr;
  for (const auto& e : it->second) {
    const Scheme& s = index_->schemes[e.scheme];
    if (s.id == scheme) return &s.terms[e.term];
  }
  return nullptr;
}

std::vector<TermRef> Taxonomy::match_all(std::string_view label) const {
  std::vector<TermRef> refs;
  auto it = index_->by_label.find(detail::fold(label));
  if (it == index_->by_label.end()) return refs;
  for (const auto& e : it->second) {
    const Scheme& s = index_->schemes[e.scheme];
    refs.push_back({s.id, s.terms[e.term].code});
  }
  return refs;
}

std::string Taxonomy::label(const TermRef& ref, std::string_view lang) const {
  const Term* term = find(ref);
  if (!term) return ref.code;
  auto it = term->labels.find(std::string(lang));
  if (it != term->labels.end()) return it->second;
  it = term->labels.find("en");
  if (it != term->labels.end()) return it->second;
  if (!term->labels.empty()) return term->labels.begin()->second;
  return term->code;
}

}  // namespace hrnews
