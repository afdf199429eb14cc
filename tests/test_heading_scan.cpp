// SPDX-License-Identifier: Apache-2.0
// The test before the reading of an appeal's sections (detail::may_have_headings,
// with its filter on the first two letters of a line) against a plain reference
// that reads every line start the slow and obvious way.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <string_view>

#include <hrnews/extract.hpp>
#include <hrnews/intervention.hpp>

#include "extract_detail.hpp"

#include "test_support.hpp"

namespace {

/// What detail::may_have_headings documents: at every line or element start,
/// after spaces, tabs, `*`, `#` and `_`, the whole run of ASCII letters (lower
/// case) is a heading's first word (2 to 15 letters), or one of the accented
/// prefixes followed by a byte >= 0x80.
bool reference_may_have_headings(std::string_view text) {
  static const std::string_view words[] = {"actions", "action", "acciones", "addresses", "adresses", "direcciones",
                                           "please", "brief", "description", "rappel", "breve", "descripcion",
                                           "accion"};
  static const std::string_view prefixes[] = {"acci", "descripci", "br"};
  for (std::size_t start = 0; start < text.size(); ++start) {
    if (start > 0 && text[start - 1] != '\n' && text[start - 1] != '>') continue;
    std::size_t j = start;
    while (j < text.size() && std::string_view(" \t*#_").find(text[j]) != std::string_view::npos) ++j;
    std::string run;
    while (j < text.size() && ((text[j] >= 'a' && text[j] <= 'z') || (text[j] >= 'A' && text[j] <= 'Z'))) {
      run += static_cast<char>(text[j] | 0x20);
      ++j;
    }
    if (run.size() < 2 || run.size() >= 16) continue;
    for (std::string_view w : words)
      if (run == w) return true;
    if (j < text.size() && (static_cast<unsigned char>(text[j]) & 0x80) != 0)
      for (std::string_view p : prefixes)
        if (run == p) return true;
  }
  return false;
}

// Random texts made of pieces that start, almost start or do not start a
// heading: first words in several cases, their neighbours (one letter more or
// less, another second letter), accents, emphasis, tags and newlines.
std::string random_text(std::uint32_t& state) {
  static const char* const pieces[] = {
      "actions", "Action", "ACCIONES", "accion", "acción", "Acci\xC3", "addresses", "Adresses", "direcciones",
      "please", "Brief", "brève", "Br\xC3\xA8ve", "breve", "description", "Descripción", "descripcion", "rappel",
      "Rappel", "act", "actionsx", "addr", "dir", "pl", "b", "a", "ab", "bx", "acciona", "descriptions",
      "abcdefghijklmnop", "Descripcionesss", "Appeal", "Detention", "Release", "Bill", "review", "Party",
      " ", "  ", "\t", "*", "**", "#", "_", ":", "\n", "\r\n", ">", "<p>", "</p>", "<h3>", "<br/>", "1.", "é",
      "\xC3\xA9", "\xE2\x80\xA2", "x"};
  return hrnews_test::random_pieces(state, pieces, 24);
}

}  // namespace

TEST_CASE("the heading test before an appeal's reading says what a plain reading of every line start says",
          "[extract]") {
  std::uint32_t state = 20261129;
  std::size_t yes = 0;
  for (int k = 0; k < 40000; ++k) {
    const std::string text = random_text(state);
    const bool expected = reference_may_have_headings(text);
    yes += expected ? 1 : 0;
    INFO("text: " << text);
    REQUIRE(hrnews::detail::may_have_headings(text) == expected);
  }
  // Both answers are common: the comparison means something.
  CHECK(yes > 4000);
  CHECK(yes < 36000);
}

TEST_CASE("the heading test turns away the lines of an ordinary statement and keeps those of an appeal",
          "[extract]") {
  CHECK_FALSE(hrnews::detail::may_have_headings(""));
  CHECK_FALSE(hrnews::detail::may_have_headings("<p>Detention and release.</p>\n<p>Appeal to the court.</p>"));
  CHECK_FALSE(hrnews::detail::may_have_headings("<p>The actions requested by the court.</p>"));
  CHECK(hrnews::detail::may_have_headings("<p>Detention.</p>\n<h3>Actions requested</h3>"));
  CHECK(hrnews::detail::may_have_headings("Intro\n  **Brief description of the situation:**"));
  CHECK(hrnews::detail::may_have_headings("Intro\n# Breve descripción de la situación"));
  CHECK(hrnews::detail::may_have_headings("Rappel des faits"));
  // No heading, no change: classification may skip apply_intervention_text then.
  hrnews::Intervention iv;
  iv.content = hrnews::Text{"<p>Detention and release.</p>", hrnews::TextType::html};
  const hrnews::InterventionText t = hrnews::apply_intervention_text(iv);
  CHECK_FALSE(t.found_any());
  CHECK(iv.requested_actions.empty());
  CHECK(iv.addressees.empty());
  CHECK(iv.victims.empty());
  CHECK_FALSE(iv.summary.has_value());
}
