// SPDX-License-Identifier: Apache-2.0
/// @file extract.hpp
/// @brief Structure read from the body text of items: violation terms named in
/// the text, and the sections of an urgent appeal (situation, requested
/// actions, addresses).
///
/// Classification calls both (see `ClassifyOptions::text_terms` and
/// `ClassifyOptions::intervention_text`); they are usable on their own.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <hrnews/intervention.hpp>
#include <hrnews/taxonomy.hpp>

namespace hrnews {

/// Finds the terms of one scheme named in running text.
///
/// Every label and alternative label of every language of the scheme's
/// non-deprecated terms is a phrase; a phrase matches only as a whole sequence
/// of words (case, accents, punctuation and spacing do not matter; HTML tags
/// are skipped, so `<p>Arbitrary <b>detention</b>` matches). Codes are not
/// matched, and one-word labels ("Torture", "Raid", "Harassment") are left out:
/// they say too little about what happened — precision over recall. Words are
/// compared by 64-bit hashes of their folded forms. Immutable once built; `find`
/// is thread-safe.
class TextTermFinder {
 public:
  /// A finder for `scheme` (e.g. `violation`) of `taxonomy`; it finds nothing
  /// when the taxonomy has no such scheme. The taxonomy must outlive the finder.
  TextTermFinder(const Taxonomy& taxonomy, std::string_view scheme);
  /// Destroys the finder.
  ~TextTermFinder();
  /// Not copyable.
  TextTermFinder(const TextTermFinder&) = delete;
  /// Not assignable.
  TextTermFinder& operator=(const TextTermFinder&) = delete;

  /// Appends to `out` the terms named in `text` that `out` does not hold yet,
  /// in order of first appearance.
  void find(std::string_view text, std::vector<TermRef>& out) const;
  /// The terms named in `text`, in order of first appearance, each once.
  std::vector<TermRef> find(std::string_view text) const;
  /// `find` without copies: appends to `out` pointers to the finder's own
  /// refs (valid as long as the finder lives) for the terms named in `text`
  /// that `out` does not point to yet (by value), in order of first appearance.
  void find_refs(std::string_view text, std::vector<const TermRef*>& out) const;
  /// Number of phrases the finder looks for.
  std::size_t phrase_count() const noexcept;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// The sections of an urgent appeal found in its text.
struct InterventionText {
  std::string situation;                       ///< the "Brief description of the situation" section, plain text
  std::vector<std::string> requested_actions;  ///< one entry per requested action, in order
  std::vector<Addressee> addressees;           ///< one entry per address block
  std::vector<Victim> victims;                 ///< people named with a title (`Mr.`, `Ms.`, `M.`, `Mme`, `Sr.`, `Sra.`) in the situation
  std::vector<std::string> missing;            ///< what was looked for and not found: `situation`, `requested actions`, `addressees`, `victims`

  /// True when at least one section heading was found.
  bool found_any() const noexcept {
    return !situation.empty() || !requested_actions.empty() || !addressees.empty();
  }
};

/// Reads the sections of an appeal from `text` (plain text or HTML).
///
/// A heading is a line (a paragraph, list item or heading element in HTML)
/// that is, or starts with and is followed by `:`, one of: `Actions requested`,
/// `Action requested`, `Actions demandées`, `Action demandée`, `Acciones
/// solicitadas`, `Acción solicitada` (requested actions); `Addresses`, `Please
/// write to`, `Adresses`, `Direcciones` (addressees); `Brief description of
/// the situation`, `Description of the situation`, `Rappel des faits`,
/// `Description de la situation`, `Brève description de la situation`, `Breve
/// descripción de la situación`, `Descripción de la situación` (situation).
/// Case and accents do not matter. A section runs to the next heading.
///
/// Requested actions: each line of the section with its bullet or numbering
/// (`-`, `•`, `*`, `1.`, `i)`, `a.`) removed, skipping introductions ending
/// with `:`. Addressees: each paragraph (block of lines) of the section; its
/// first line gives the name and, after the first comma, the title; lines
/// starting with `E-mail`, `Email`, `Courriel`, `Correo`, `Fax`, `Tel`, `Phone`,
/// `Tél`, `Teléfono` give those fields; other lines the address. Victims: names
/// after a title in the situation text (`Mr. Arif Yunusov`, `Mme Leyla Yunus`),
/// each once (a bare surname already part of a full name is not repeated).
InterventionText parse_intervention_text(std::string_view text);

/// Fills the empty `requested_actions`, `addressees` and `victims` of `iv`
/// (and an absent `summary`, with the situation) from its content, as
/// `parse_intervention_text` reads it; fields already set are kept. Returns
/// what was read.
InterventionText apply_intervention_text(Intervention& iv);

}  // namespace hrnews
