// SPDX-License-Identifier: Apache-2.0
// The violation scan (TextTermFinder) against a plain reference: tags and
// character references blanked, the text folded with detail::fold and split on
// spaces, every phrase compared at every word.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <hrnews/builtin.hpp>
#include <hrnews/extract.hpp>
#include <hrnews/taxonomy.hpp>

#include "fold.hpp"
#include "test_support.hpp"

namespace {

std::vector<std::string> split_spaces(const std::string& s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t j = s.find(' ', i);
    if (j == std::string::npos) j = s.size();
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

/// The reference: what TextTermFinder documents, done the slow and obvious way.
class ReferenceFinder {
 public:
  ReferenceFinder(const hrnews::Taxonomy& taxonomy, std::string_view scheme_id) {
    const hrnews::Scheme* scheme = taxonomy.find_scheme(scheme_id);
    if (!scheme) return;
    for (const hrnews::Term& t : scheme->terms) {
      if (t.deprecated) continue;
      std::vector<std::string> labels;
      for (const auto& [lang, label] : t.labels) labels.push_back(label);
      for (const auto& [lang, list] : t.alt_labels) labels.insert(labels.end(), list.begin(), list.end());
      for (const std::string& label : labels) {
        std::vector<std::string> words = split_spaces(hrnews::detail::fold(label));
        if (words.size() >= 2) phrases_.push_back({std::move(words), hrnews::TermRef{scheme->id, t.code}});
      }
    }
  }

  std::vector<hrnews::TermRef> find(std::string_view text) const {
    // Tags (to the next `>`) and character references (`&` up to 9 bytes
    // without a space, then `;`) become spaces: word boundaries.
    std::string plain;
    for (std::size_t i = 0; i < text.size();) {
      if (text[i] == '<') {
        const std::size_t close = text.find('>', i);
        i = close == std::string_view::npos ? text.size() : close + 1;
        plain += ' ';
      } else if (text[i] == '&') {
        std::size_t j = i + 1;
        while (j < text.size() && j - i < 10 && text[j] != ';' && text[j] != ' ') ++j;
        i = (j < text.size() && text[j] == ';') ? j + 1 : i + 1;
        plain += ' ';
      } else {
        plain += text[i++];
      }
    }
    std::vector<std::string> words = split_spaces(hrnews::detail::fold(plain));
    for (std::string& w : words)
      if (w.size() > 120) w = "\x01";  // a word longer than 120 bytes matches nothing
    std::vector<hrnews::TermRef> out;
    for (std::size_t k = 0; k < words.size(); ++k)
      for (const Phrase& p : phrases_) {
        if (k + p.words.size() > words.size()) continue;
        if (!std::equal(p.words.begin(), p.words.end(), words.begin() + static_cast<std::ptrdiff_t>(k))) continue;
        if (std::find(out.begin(), out.end(), p.ref) == out.end()) out.push_back(p.ref);
      }
    return out;
  }

 private:
  struct Phrase {
    std::vector<std::string> words;
    hrnews::TermRef ref;
  };
  std::vector<Phrase> phrases_;
};

std::string codes(const std::vector<hrnews::TermRef>& refs) {
  std::string out;
  for (const hrnews::TermRef& r : refs) out += r.code + " ";
  return out;
}

/// Random texts of 0..200 bytes (or another size): label words in any case (with their accents,
/// sometimes decomposed into a letter and a combining mark), separators, tags,
/// references, long words, digits, accented and non-Latin letters, invalid
/// bytes; cut at any byte, so that phrases fall across every 8- and 16-byte
/// boundary and texts end inside a word, a tag or a code point.
class TextMaker {
 public:
  TextMaker(const hrnews::Taxonomy& taxonomy, std::string_view scheme_id, std::uint64_t seed, std::size_t max_size)
      : rng_(seed), max_size_(max_size) {
    if (const hrnews::Scheme* scheme = taxonomy.find_scheme(scheme_id))
      for (const hrnews::Term& t : scheme->terms) {
        for (const auto& [lang, label] : t.labels) labels_.push_back(label);
        for (const auto& [lang, list] : t.alt_labels) labels_.insert(labels_.end(), list.begin(), list.end());
      }
    if (labels_.empty()) labels_.push_back("arbitrary detention");
  }

  std::string make() {
    const std::size_t target = pick(max_size_ + 1);
    std::string text(pick(20), 'x');  // shifts everything against the 8- and 16-byte blocks
    if (pick(3) == 0) text.clear();
    while (text.size() < target) text += piece();
    text.resize(target);
    return text;
  }

 private:
  std::size_t pick(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng_); }

  std::string label() {
    std::string s = labels_[pick(labels_.size())];
    for (char& c : s) {
      if (pick(4) == 0 && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
      if (pick(8) == 0 && c == ' ') c = "\t,.-"[pick(4)];
    }
    if (pick(3) == 0) {  // decomposed accents: é as e + U+0301
      for (std::size_t at = s.find("\xC3\xA9"); at != std::string::npos; at = s.find("\xC3\xA9", at))
        s.replace(at, 2, "e\xCC\x81");
    }
    if (pick(6) == 0) {  // a tag or reference between two words
      const std::size_t space = s.find(' ');
      if (space != std::string::npos) s.replace(space, 1, pick(2) ? " <b>" : "&nbsp;");
    }
    return s;
  }

  std::string piece() {
    static const char* const bits[] = {
        " ", "  ", ", ", ".", "\t", "\n", "-", "'", "\xE2\x80\x99", "\xC2\xA0", "\xE2\x80\x94",  // separators
        "<p>", "</p>", "<b>", "<a href=\"arbitrary detention\">", "<", ">",                      // tags
        "&amp;", "&eacute;", "&#233;", "&", "& ", "&toolongreference;", "&x",                    // references
        "\xC3\xA9", "\xC3\xB1", "\xC3\x9F", "\xC3\x86", "\xCC\x81", "\xC5\x93", "\xD0\x94",      // é ñ ß Æ ◌́ œ Д
        "\xE4\xBA\xBA", "\xFF", "\xC3", "2015", "of", "de", "the", "la", "y", "a",                // 人, invalid, words
        "detention", "arbitrary", "judicial", "torture", "ill", "threats", "x"};
    switch (pick(8)) {
      case 0:
      case 1:
      case 2: return label();
      case 3: return std::string(118 + pick(6), "aez"[pick(3)]);  // about 120 bytes: long words
      default: return bits[pick(std::size(bits))];
    }
  }

  std::mt19937_64 rng_;
  std::size_t max_size_;
  std::vector<std::string> labels_;
};

void compare_on_random_texts(const hrnews::Taxonomy& taxonomy, std::string_view scheme, std::uint64_t seed,
                             std::uint64_t count, std::size_t max_size = 200) {
  const hrnews::TextTermFinder finder(taxonomy, scheme);
  const ReferenceFinder reference(taxonomy, scheme);
  TextMaker maker(taxonomy, scheme, seed, max_size);
  std::size_t found = 0;
  for (std::uint64_t i = 0; i < count; ++i) {
    const std::string text = maker.make();
    const std::string expected = codes(reference.find(text));
    const std::string got = codes(finder.find(text));
    if (got != expected) {
      INFO("text #" << i << " of seed " << seed << ": [" << text << "]");
      REQUIRE(got == expected);
    }
    found += !expected.empty();
  }
  // The texts do name terms: the comparison is not between two empty lists.
  CHECK(found > count / 20);
}

}  // namespace

TEST_CASE("the violation scan finds what a fold-and-split reference finds in random texts", "[extract]") {
  const std::uint64_t seed = hrnews_test::env_number("HRNEWS_SCAN_SEED", 20261129);
  const std::uint64_t count = hrnews_test::env_number("HRNEWS_SCAN_COUNT", 20000);
  compare_on_random_texts(hrnews::builtin_taxonomy(), "violation", seed, count);
  // Longer texts: many 64-byte windows, candidates whose next word is windows away.
  compare_on_random_texts(hrnews::builtin_taxonomy(), "violation", seed + 1, count / 10, 2000);
}

TEST_CASE("the violation scan handles phrases that start with one- and two-letter words", "[extract]") {
  // Short first words shorten the scan's keys: they must still find every phrase.
  hrnews::Term a{"a-b", "", {{"en", "a b"}}, {{"fr", {"de la paz", "x y z"}}}, {}, {}, {}, false};
  hrnews::Term b{"of-the", "", {{"en", "of the detention"}}, {{"es", {"ill a", "el uso de la fuerza"}}}, {}, {}, {}, false};
  hrnews::Term c{"single", "", {{"en", "torture"}}, {}, {}, {}, {}, false};
  const hrnews::Taxonomy taxonomy({hrnews::Scheme{"short", "", {}, {a, b, c}}});
  const hrnews::TextTermFinder finder(taxonomy, "short");
  CHECK(finder.phrase_count() == 6);
  CHECK(codes(finder.find("A b; of THE detention, de la PAZ")) == "a-b of-the ");
  CHECK(codes(finder.find("x yz; x  y z")) == "a-b ");
  CHECK(finder.find("ab de lapaz torture").empty());
  compare_on_random_texts(taxonomy, "short", 7, 5000);
}

TEST_CASE("find_refs points to the refs find copies, across several texts, each term once", "[extract]") {
  const hrnews::TextTermFinder finder(hrnews::builtin_taxonomy(), "violation");
  TextMaker maker(hrnews::builtin_taxonomy(), "violation", 1129, 300);
  std::size_t found = 0, repeated = 0;
  for (int round = 0; round < 3000; ++round) {
    // Like classification: title, summary and body into one list.
    std::vector<hrnews::TermRef> copies;
    std::vector<const hrnews::TermRef*> refs;
    std::string first_text;
    for (int part = 0; part < 3; ++part) {
      // The third text repeats the first now and then: terms already in the lists.
      const std::string text = part == 2 && round % 2 == 0 ? first_text : maker.make();
      if (part == 0) first_text = text;
      const std::size_t before = copies.size();
      finder.find(text, copies);
      finder.find_refs(text, refs);
      repeated += finder.find(text).size() > copies.size() - before;  // terms named again: not added twice
    }
    REQUIRE(refs.size() == copies.size());
    for (std::size_t k = 0; k < refs.size(); ++k) REQUIRE(*refs[k] == copies[k]);
    found += refs.size();
  }
  CHECK(found > 1000);
  CHECK(repeated > 100);
  // The pointers stay those of the finder: the same term found again gives the same address.
  std::vector<const hrnews::TermRef*> first, second;
  finder.find_refs("They were held in arbitrary detention.", first);
  finder.find_refs("Arbitrary detention again.", second);
  REQUIRE(first.size() == 1);
  REQUIRE(second.size() == 1);
  CHECK(first[0] == second[0]);
  CHECK(first[0]->code == "arbitrary-detention");
}

TEST_CASE("the violation scan finds phrases wherever they fall against its 64-byte windows", "[extract]") {
  // The scan reads the folded text in windows of 64 bytes; a window's last
  // word waits for the first word of a later window. Every start position of
  // a phrase's first word over three windows, with gaps of separators that
  // put its second word in the same window, the next, or two windows on.
  const hrnews::TextTermFinder finder(hrnews::builtin_taxonomy(), "violation");
  const ReferenceFinder reference(hrnews::builtin_taxonomy(), "violation");
  const std::size_t gaps[] = {1, 2, 5, 60, 63, 64, 65, 66, 127, 128, 129, 200};
  const char* const befores[] = {"", "the ", "ill arbitrary ", "arbitrary arbitrary "};
  std::size_t checked = 0;
  for (std::size_t at = 0; at < 192; ++at)
    for (std::size_t gap : gaps)
      for (const char* before : befores) {
        // Spaces fold to zeros: the first word starts `at` bytes into the fold buffer.
        const std::string lead = std::string(before).size() <= at
                                     ? std::string(at - std::string(before).size(), ' ') + before
                                     : std::string(at, ' ');
        const std::string text = lead + "arbitrary" + std::string(gap, ' ') + "detention";
        INFO("first word at " << at << ", gap " << gap << ", before [" << before << "]");
        REQUIRE(codes(finder.find(text)) == "arbitrary-detention ");
        // Cut after the first word, or inside the second: no phrase, or what the reference finds.
        REQUIRE(finder.find(lead + "arbitrary" + std::string(gap, ' ')).empty());
        const std::string cut = text.substr(0, text.size() - 3) + " x detention";
        REQUIRE(codes(finder.find(cut)) == codes(reference.find(cut)));
        ++checked;
      }
  CHECK(checked == 192 * std::size(gaps) * std::size(befores));
}

TEST_CASE("the violation scan folds a text's last bytes right, whatever its length and wherever a tag, reference or accent falls",
          "[extract]") {
  // The fold reads 64 bytes at a time; the last bytes (fewer than 64) in one
  // step, from the 64 that end the text (or from a zero-padded copy of a
  // shorter text). A tag, a reference or an accented letter (which the fold
  // reads byte by byte, then goes on from there) at every place near that step.
  const hrnews::TextTermFinder finder(hrnews::builtin_taxonomy(), "violation");
  const ReferenceFinder reference(hrnews::builtin_taxonomy(), "violation");
  const char* const specials[] = {"<b>", "&amp;", "\xC3\xA9", "d\xC3\xA9tention", "<p", "&"};
  std::size_t found = 0, texts = 0;
  for (std::size_t length = 0; length < 150; ++length)
    for (std::size_t at = 0; at <= length; ++at)
      for (const char* special : specials) {
        // `length` bytes of words, the special byte(s) `at` bytes in, the phrase at the very end.
        std::string text;
        while (text.size() < length) text += "ill arbitrary ";
        text.resize(length);
        text.insert(at, special);
        text += " arbitrary detention";
        const std::string expected = codes(reference.find(text));
        INFO("[" << text << "]");
        REQUIRE(codes(finder.find(text)) == expected);
        // Cut inside its last word, the phrase is gone; what is left is the reference's.
        const std::string cut = text.substr(0, text.size() - 2);
        REQUIRE(codes(finder.find(cut)) == codes(reference.find(cut)));
        ++texts;
        found += expected.find("arbitrary-detention") != std::string::npos;
      }
  // Every text ends with the phrase; only an unclosed tag (`<p`) hides it.
  CHECK(texts == 150 * 151 / 2 * std::size(specials));
  CHECK(found == texts / std::size(specials) * (std::size(specials) - 1));
}
