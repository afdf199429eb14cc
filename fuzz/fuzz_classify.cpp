// SPDX-License-Identifier: Apache-2.0
// libFuzzer target for the text steps of classification: the violation search
// and language identification, which read their text 8, 16 and 64 bytes at a
// time, the appeal-section extraction, and classify() + relate() over items
// made from the input.
//
// The scanners are handed the fuzzer's own bytes (an allocation of exactly the
// input's size), so that AddressSanitizer sees any read past the end.
// Properties: a text gives the same terms and the same language guess wherever
// it lies in memory (copies at offsets 1, 8 and 15 of an aligned buffer), and
// classifying the same item twice gives the same item.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include <hrnews/builtin.hpp>
#include <hrnews/classify.hpp>
#include <hrnews/extract.hpp>
#include <hrnews/language.hpp>
#include <hrnews/relate.hpp>

namespace {

[[noreturn]] void fail(const char* what, std::string_view text) {
  std::fprintf(stderr, "classification property failed (%s) on %zu bytes\n", what, text.size());
  std::abort();
}

/// An article from the input: the title is the first line, the summary the
/// rest, the content the whole input; the category is the first 64 bytes.
hrnews::Article article_from(std::string_view text) {
  hrnews::Article a;
  a.id = "urn:fuzz";
  const std::size_t nl = text.find('\n');
  a.title = hrnews::Text(std::string(text.substr(0, nl)));
  if (nl != std::string_view::npos) a.summary = hrnews::Text(std::string(text.substr(nl + 1)), hrnews::TextType::html);
  a.content = hrnews::Text(std::string(text), hrnews::TextType::html);
  a.categories.push_back(hrnews::Category{std::string(text.substr(0, 64)), "", ""});
  return a;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  static const hrnews::TextTermFinder finder(hrnews::builtin_taxonomy(), "violation");

  const std::vector<hrnews::TermRef> terms = finder.find(text);
  const hrnews::LanguageGuess guess = hrnews::identify_language(text);
  (void)hrnews::parse_intervention_text(text);
  (void)hrnews::find_case_references(text);

  // The same bytes at every offset from an aligned start.
  static std::vector<char> buffer;
  buffer.assign(size + 16, '\0');
  for (std::size_t offset = 1; offset < 16; offset += 7) {
    std::memcpy(buffer.data() + offset, data, size);
    const std::string_view moved(buffer.data() + offset, size);
    if (finder.find(moved) != terms) fail("violation terms depend on the address", text);
    if (hrnews::identify_language(moved) != guess) fail("language guess depends on the address", text);
  }

  // classify() + relate(): an article and an appeal made from the input.
  hrnews::Collection c;
  c.items.emplace_back(article_from(text));
  hrnews::Intervention iv(article_from(text));
  c.items.emplace_back(std::move(iv));
  hrnews::Collection again = c;
  hrnews::classify(c);
  hrnews::classify(again);
  if (c.items != again.items) fail("classify is not deterministic", text);
  hrnews::relate(c);
  return 0;
}
