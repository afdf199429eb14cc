// SPDX-License-Identifier: Apache-2.0
/// @file classify.hpp
/// @brief Classification: raw categories, title prefixes and text resolved against
/// a taxonomy into subjects, countries, regions, interventions and languages.
///
/// Feed readers call `classify(Collection&)` last, unless `ReadOptions::classify`
/// is off. What it does, item by item:
///
/// 1. **Categories** (`<category>`, `dc:subject`, `dc:coverage`, Atom and JSON
///    Feed tags): each term (else its label) is matched against the taxonomy —
///    case, accents, spacing and punctuation do not matter, labels and
///    alternative labels count in every language. A string that joins several
///    labels with commas or semicolons is split against the vocabulary, longest
///    match first: `Economic, Social and Cultural Rights, Human Rights Defenders`
///    gives two themes, and `Economic, Social and Cultural Rights` alone stays one.
///    The category's `scheme` (RSS `domain`) is a hint: a scheme id or URI of the
///    taxonomy selects that scheme; words such as `country`, `coverage`, `region`
///    select countries and regions, `theme`, `programme`, `topic`, `subject`
///    themes (and mechanisms, violations), `type`, `genre`, `content` genres. When
///    a label matches terms of several schemes, hinted schemes come first, then
///    matches on a label rather than on a bare code, then taxonomy order (so
///    `Torture` is the theme, and `AU` is Australia, not the African Union, unless
///    hinted). Deprecated terms are never assigned.
/// 2. **Title prefix**: the part of the title before the first `:` (else before the
///    first ` / `, ` - `, ` – ` or ` | `), when it names countries or regions
///    (`Azerbaijan: …`, `European Union (EU): …`, `Burundi / …`,
///    `Colombia, Venezuela: …`).
/// 3. **Genre cues in the title**: `open letter`, `joint statement`, `shadow
///    report`, `press release`, `urgent appeal` and their French and Spanish forms.
/// 4. **Interventions**: an article whose genre is `urgent-intervention` (or a
///    narrower genre such as `follow-up`), or whose title or summary carries an
///    Observatory or Amnesty UA case reference, becomes an `Intervention` with
///    the same article part. Its `case_ref` is the first reference found in the
///    title, summary, categories or the first 2 KB of the content; its type and status come from the
///    genre, the reference and the title's words (`Follow-up`, `Further
///    information`, `Suivi` → follow-up; `Release`, `Libération`, `Acquitted` →
///    closing; `Open letter` → open letter). Existing interventions only get a
///    `case_ref` when they have none. An Observatory reference also gives its
///    country (`TUR …` → `TR`).
/// 5. **Language** (see `identify_language`), read from the title without its
///    place prefix, plus the beginning of the summary when the title has fewer
///    than eight words: an item without a language — or with the feed's language,
///    which counts as declared by the feed (an Atom entry inheriting `xml:lang`) —
///    gets the identified one when the feed declares none and the guess is fairly
///    sure, or when the guess strongly contradicts the feed's language; it is then
///    marked `language_inferred`, diagnostic `language-inferred` (info, path
///    `/items/N/language`). A language of the item's own (not the feed's) is never
///    changed; when the text strongly contradicts it, diagnostic
///    `language-mismatch` (info). An item with no language and text in the feed's
///    language is left empty: it inherits the feed's.
///
/// 6. **Violations named in the text**: the violation scheme's phrases (labels
///    and alternative labels of two words or more, every language) found as whole
///    phrases in the title, the first 1 KB of the summary and, for interventions,
///    the first 1 KB of the content (`TextTermFinder`, extract.hpp).
/// 7. **Appeal sections** of interventions (`apply_intervention_text`,
///    extract.hpp): requested actions, addressees, victims and the situation,
///    read from the content's headings; diagnostic `intervention-text-incomplete`
///    (info, path `/items/N/content`) naming the sections not found, when some were.
///
/// Resolved terms go to `subjects` (violations of interventions to `violations`),
/// country codes to `countries`, region codes to `regions`. Nothing already
/// present is added again, and no equal diagnostic twice, so classifying twice
/// gives the same collection as classifying once. Labels that match nothing stay
/// as raw categories (they always do) and are listed in one diagnostic per
/// collection, code `unknown-category` (info), e.g.
/// `2 category labels not in the taxonomy, kept as raw categories: "Opinion" (3), "Press kit" (1)`.
/// The whole behaviour is described in `docs/taxonomy.md`.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <hrnews/builtin.hpp>
#include <hrnews/case_reference.hpp>
#include <hrnews/collection.hpp>
#include <hrnews/language.hpp>
#include <hrnews/taxonomy.hpp>

namespace hrnews {

/// What `classify` does; everything is on by default.
struct ClassifyOptions {
  bool categories = true;         ///< resolve raw categories
  bool title_prefixes = true;     ///< countries and regions from title prefixes
  bool title_cues = true;         ///< genres from phrases in titles (`Joint Open Letter`)
  bool interventions = true;      ///< promote appeals to `Intervention`, find their case references
  bool language = true;           ///< identify languages
  bool text_terms = true;         ///< violation terms named in titles, summaries and content (`TextTermFinder`)
  bool intervention_text = true;  ///< read the sections of appeals from their content (`apply_intervention_text`)
  bool report_unknown = true;     ///< one `unknown-category` diagnostic per collection
  bool collection_schemes = true; ///< `classify(Collection&)`: extend the taxonomy with the collection's own schemes
  /// Minimum confidence to fill an empty item language when the feed declares none.
  double infer_language_confidence = 0.5;
  /// Minimum confidence for the text to contradict a declared (feed or item) language.
  double contradict_language_confidence = 0.8;
};

/// What classifying one item found beyond what it wrote into the item.
struct ItemClassification {
  std::vector<std::string> unknown_labels;          ///< category labels that matched nothing, in order
  bool promoted = false;                            ///< the article became an `Intervention`
  std::optional<LanguageGuess> inferred_language;   ///< set when the item's empty language was filled
  std::optional<LanguageGuess> language_mismatch;   ///< set when the text contradicts the declared language
  /// For an intervention whose content has appeal headings: the sections not
  /// found (`InterventionText::missing`); empty otherwise.
  std::vector<std::string> intervention_text_missing;
};

/// Classifies every item of `collection` (see the file documentation), then
/// adds the diagnostics: `unknown-category` once, `language-inferred` and
/// `language-mismatch` per item. Idempotent.
///
/// When `options.collection_schemes` is set and the collection carries schemes,
/// they extend `taxonomy` as `extend` does (a scheme that cannot be used, e.g.
/// one repeating a code, is reported as `scheme-invalid` and ignored).
void classify(Collection& collection, const Taxonomy& taxonomy = builtin_taxonomy(),
              const ClassifyOptions& options = {});

/// Classifies one item; `feed_language` is the language its feed declares
/// (empty when none). Adds no diagnostic: the result says what was noteworthy.
ItemClassification classify(Item& item, const Taxonomy& taxonomy = builtin_taxonomy(),
                            const ClassifyOptions& options = {}, std::string_view feed_language = {});

/// Every Observatory, Amnesty UA and Amnesty index reference in `text`, in order
/// of appearance (`TUR 005 / 0717 / OBS 078.6`, `AZE001 / 0813 / OBS 071`,
/// `Further information on UA 229/10`, `AMR 18/0485/2019`). Codes must be in
/// upper case in running text; each result's `raw()` is the substring found.
std::vector<CaseReference> find_case_references(std::string_view text);

}  // namespace hrnews
