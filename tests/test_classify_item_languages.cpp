// SPDX-License-Identifier: Apache-2.0
// Classifying a collection keeps, from item to item, the primary subtag of the
// feed's language and of the last item language unlike it: items whose
// declared languages change from one to the next are classified as each would
// be alone in a collection of its own.
#include <catch2/catch.hpp>

#include <cstddef>
#include <string>
#include <vector>

#include <hrnews/builtin.hpp>
#include <hrnews/classify.hpp>
#include <hrnews/collection.hpp>

namespace {

constexpr const char* texts[][2] = {
    {"Les défenseurs des droits humains détenus", "Les défenseurs des droits de l'homme sont détenus dans la prison "
                                                   "de la ville depuis le mois dernier et leur famille n'a pas de nouvelles."},
    {"Menschenrechtsverteidiger in Haft", "Die Menschenrechtsverteidiger werden seit dem letzten Monat im Gefängnis der "
                                          "Stadt festgehalten und ihre Familien haben keine Nachricht von ihnen."},
    {"Human rights defenders detained", "The human rights defenders have been held in the city prison since last month "
                                        "and their families have had no news of them."},
    {"Defensores de derechos humanos detenidos", "Los defensores de derechos humanos están detenidos en la cárcel de la "
                                                 "ciudad desde el mes pasado y sus familias no tienen noticias de ellos."},
};

const char* const languages[] = {"fr-FR", "fr-FR", "de", "en-GB", "", "es", "FR", "fr", "en", "de-AT", "de-AT", "EN-gb"};

hrnews::Item item(std::size_t k, std::size_t text) {
  hrnews::Article a;
  a.id = "urn:test:item-languages:" + std::to_string(k);
  a.title.value = texts[text][0];
  a.summary = hrnews::Text{texts[text][1]};
  a.language = languages[k % std::size(languages)];
  return a;
}

std::vector<std::string> language_notes(const hrnews::Collection& c, std::size_t k) {
  std::vector<std::string> out;
  for (const hrnews::Diagnostic& d : c.diagnostics)
    if (d.path == "/items/" + std::to_string(k) + "/language") out.push_back(d.code + ": " + d.message);
  return out;
}

}  // namespace

TEST_CASE("items whose declared languages change from one to the next are classified as each alone", "[classify]") {
  hrnews::Collection all;
  all.feed.language = "en-GB";
  for (std::size_t k = 0; k < 3 * std::size(languages); ++k) all.items.push_back(item(k, (k * 7 / 3) % std::size(texts)));
  hrnews::classify(all);
  std::size_t notes = 0;
  for (std::size_t k = 0; k < all.items.size(); ++k) {
    hrnews::Collection one;
    one.feed.language = all.feed.language;
    one.items.push_back(item(k, (k * 7 / 3) % std::size(texts)));
    hrnews::classify(one);
    INFO("item " << k << ", declared \"" << languages[k % std::size(languages)] << "\"");
    CHECK(hrnews::article_of(all.items[k]).language == hrnews::article_of(one.items[0]).language);
    CHECK(hrnews::article_of(all.items[k]).language_inferred == hrnews::article_of(one.items[0]).language_inferred);
    const std::vector<std::string> expected = language_notes(one, 0);
    CHECK(language_notes(all, k) == expected);
    notes += expected.size();
  }
  // Texts do contradict declared languages: the comparison is not between empty lists.
  CHECK(notes > all.items.size() / 4);
}
