// SPDX-License-Identifier: Apache-2.0
// The violation finder built for a user taxonomy is kept between
// classifications, but only while that taxonomy's violation scheme is the
// same: a taxonomy assigned anew, or a new one in the storage of a destroyed
// one, has the same address and other terms.
#include <catch2/catch.hpp>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include <hrnews/classify.hpp>

using hrnews::Article;
using hrnews::Item;
using hrnews::TermRef;

namespace {

/// A taxonomy whose violation scheme has one term, `code`, labelled `label`
/// (or no violation scheme at all when `code` is empty).
hrnews::Taxonomy with_violation(const std::string& code, const std::string& label) {
  hrnews::Scheme genre;
  genre.id = "genre";
  hrnews::Term statement;
  statement.code = "statement";
  statement.labels["en"] = "Statements";
  genre.terms.push_back(statement);
  if (code.empty()) return hrnews::Taxonomy({genre});
  hrnews::Scheme violation;
  violation.id = "violation";
  hrnews::Term t;
  t.code = code;
  t.labels["en"] = label;
  violation.terms.push_back(t);
  return hrnews::Taxonomy({genre, violation});
}

/// The violation codes classification finds in an article whose summary is `summary`.
std::vector<std::string> violations_found(const std::string& summary, const hrnews::Taxonomy& taxonomy) {
  Article a;
  a.id = "urn:test:finder";
  a.title.value = "A statement";
  a.summary = hrnews::Text{summary, hrnews::TextType::text};
  Item item = a;
  hrnews::classify(item, taxonomy);
  std::vector<std::string> codes;
  for (const TermRef& r : hrnews::article_of(item).subjects)
    if (r.scheme == "violation") codes.push_back(r.code);
  return codes;
}

const std::string both = "They reported forced labour camps and mass graves near the town.";

}  // namespace

TEST_CASE("a taxonomy assigned anew is searched with its own violation terms", "[classify]") {
  hrnews::Taxonomy taxonomy = with_violation("forced-labour", "Forced labour camps");
  CHECK(violations_found(both, taxonomy) == std::vector<std::string>{"forced-labour"});
  taxonomy = with_violation("mass-graves", "Mass graves");  // same object, same address
  CHECK(violations_found(both, taxonomy) == std::vector<std::string>{"mass-graves"});
  taxonomy = with_violation("", "");  // no violation scheme any more
  CHECK(violations_found(both, taxonomy).empty());
  taxonomy = with_violation("forced-labour", "Forced labour camps");
  CHECK(violations_found(both, taxonomy) == std::vector<std::string>{"forced-labour"});
}

TEST_CASE("a taxonomy made where a destroyed one was is searched with its own violation terms", "[classify]") {
  std::optional<hrnews::Taxonomy> slot;  // emplace reuses the same storage: the same address each time
  slot.emplace(with_violation("forced-labour", "Forced labour camps"));
  const hrnews::Taxonomy* first = &*slot;
  CHECK(violations_found(both, *slot) == std::vector<std::string>{"forced-labour"});
  slot.reset();
  slot.emplace(with_violation("mass-graves", "Mass graves"));
  REQUIRE(&*slot == first);
  CHECK(violations_found(both, *slot) == std::vector<std::string>{"mass-graves"});
  // The same terms in another taxonomy object: found as well (the finder may be kept).
  const hrnews::Taxonomy other = with_violation("mass-graves", "Mass graves");
  CHECK(violations_found(both, other) == std::vector<std::string>{"mass-graves"});
  CHECK(violations_found(both, *slot) == std::vector<std::string>{"mass-graves"});
}
