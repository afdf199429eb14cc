// SPDX-License-Identifier: Apache-2.0
/// @file taxonomy.hpp
/// @brief SKOS-like multilingual vocabularies: `Term`, `Scheme` and the immutable `Taxonomy`.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <hrnews/category.hpp>
#include <hrnews/enum.hpp>

namespace hrnews {

/// A SKOS mapping relation from a term to a concept of another vocabulary.
enum class MappingKind {
  exact,    ///< `exact`: skos:exactMatch
  close,    ///< `close`: skos:closeMatch
  broad,    ///< `broad`: skos:broadMatch
  narrow,   ///< `narrow`: skos:narrowMatch
  related,  ///< `related`: skos:relatedMatch
};

/// `"exact"`, `"close"`, `"broad"`, `"narrow"` or `"related"`.
std::string_view to_string(MappingKind kind) noexcept;
/// Parses a mapping kind name.
template <>
std::optional<MappingKind> from_string<MappingKind>(std::string_view text) noexcept;

/// One mapping of a term to an outside concept.
struct Mapping {
  MappingKind kind = MappingKind::exact;  ///< how close the concepts are
  std::string uri;                        ///< the outside concept
};

/// Mappings are equal when kind and URI are.
inline bool operator==(const Mapping& a, const Mapping& b) { return a.kind == b.kind && a.uri == b.uri; }
/// Negation of `==`.
inline bool operator!=(const Mapping& a, const Mapping& b) { return !(a == b); }

/// Strings by BCP 47 language tag (`en`, `fr`, `es`…).
using LangMap = std::map<std::string, std::string>;
/// Lists of strings by BCP 47 language tag.
using LangListMap = std::map<std::string, std::vector<std::string>>;

/// A concept of a scheme: its code, labels in several languages and relations.
struct Term {
  std::string code;                ///< unique within the scheme, e.g. `human-rights-defenders`
  std::string uri;                 ///< global identifier
  LangMap labels;                  ///< preferred label per language
  LangListMap alt_labels;          ///< alternative labels per language
  LangMap definition;              ///< definition per language
  std::vector<std::string> broader;///< codes of broader terms in the same scheme
  std::vector<Mapping> mappings;   ///< mappings to other vocabularies
  bool deprecated = false;         ///< kept for old data, not to be assigned
};

/// Terms are equal when every field is.
bool operator==(const Term& a, const Term& b);
/// Negation of `==`.
inline bool operator!=(const Term& a, const Term& b) { return !(a == b); }

/// A vocabulary: `theme`, `genre`, `country`, `region`, `mechanism`, `violation`, or a user's own.
struct Scheme {
  std::string id;           ///< short id used in `TermRef::scheme`
  std::string uri;          ///< global identifier
  LangMap title;            ///< title per language
  std::vector<Term> terms;  ///< the concepts, in a meaningful order
};

/// Schemes are equal when every field is.
bool operator==(const Scheme& a, const Scheme& b);
/// Negation of `==`.
inline bool operator!=(const Scheme& a, const Scheme& b) { return !(a == b); }

/// Folds a label for matching: Unicode letters to lower case, Latin accents
/// removed (`é`→`e`, `ß`→`ss`, `œ`→`oe`), runs of whitespace and punctuation
/// collapsed to one space, trimmed. `"  Droits de l'Homme "` → `"droits de l homme"`.
std::string normalize_label(std::string_view label);

/// An immutable set of schemes with indexes for lookup by code and by label.
///
/// Built once, then shared read-only between threads: every member is `const`.
class Taxonomy {
 public:
  /// An empty taxonomy.
  Taxonomy();
  /// Builds the indexes over `schemes`.
  /// @throws std::invalid_argument when two schemes share an id or a scheme repeats a code
  explicit Taxonomy(std::vector<Scheme> schemes);

  /// All schemes, in the order given.
  const std::vector<Scheme>& schemes() const noexcept;
  /// The scheme with this id, or null.
  const Scheme* find_scheme(std::string_view id) const noexcept;
  /// The term with this code in this scheme, or null.
  const Term* find(std::string_view scheme, std::string_view code) const noexcept;
  /// The term referred to, or null.
  const Term* find(const TermRef& ref) const noexcept { return find(ref.scheme, ref.code); }
  /// The term of `scheme` whose code, label or alternative label (any language)
  /// matches `label` after `normalize_label`; null when none does.
  const Term* match(std::string_view scheme, std::string_view label) const;
  /// Every term, in any scheme, whose code or (alternative) label matches `label`.
  std::vector<TermRef> match_all(std::string_view label) const;
  /// The label of a term in `lang`, falling back to English, then to any, then to the code.
  std::string label(const TermRef& ref, std::string_view lang = "en") const;

 private:
  struct Index;
  std::shared_ptr<const Index> index_;
};

}  // namespace hrnews
