// SPDX-License-Identifier: Apache-2.0
// The hand-written JSON syntax layer (src/json_parse.cpp) against nlohmann's
// parser: the same inputs accepted, the same values, the same error messages.
#include <catch2/catch.hpp>

#include <functional>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "json_detail.hpp"

namespace {

using hrnews::ParseError;
using namespace hrnews::json_detail;

struct Outcome {
  bool accepted = false;
  nlohmann::json value;  // when accepted
  std::string error;     // when rejected: the whole what() text
};

hrnews::Limits wide_limits() {
  hrnews::Limits l;
  l.max_depth = 100000;
  return l;
}

/// The input through hrnews's parser (value mode).
Outcome ours(const std::string& input) {
  static const hrnews::Limits limits = wide_limits();
  Site site;
  Tape tape;
  Outcome out;
  try {
    SaxHandler handler(SaxHandler::Mode::value, limits, site, input, tape);
    sax_parse(input, handler);
    out.accepted = true;
    out.value = tape_to_json<nlohmann::json>(tape, 0);
  } catch (const ParseError& e) {
    out.error = e.what();
  }
  return out;
}

/// Random text built from JSON fragments, valid and not.
std::string random_text(std::mt19937& rng) {
  static const std::vector<std::string> pieces = {
      "{", "}", "[", "]", ":", ",", " ", "\n", "\t", "\"a\"", "\"k\"", "\"\\u00e9\"", "\"\\ud83d\\ude00\"",
      "\"\\ud800\"", "\"\\udc00x\"", "\"\\u12\"", "\"\\q\"", "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"", "\"caf\xc3\xa9\"",
      "\"\xed\xa0\x80\"", "\"\xc0\xaf\"", "\"\xf4\x90\x80\x80\"", "\"\xe2\x82\"", "\"\x01\"", "\"", "0", "-0", "-1",
      "1.5e3", "2E-2", "01", "1.", "-", "1e", "1e+", "1e999", "-1e999", "1e-400", "18446744073709551615",
      "18446744073709551616", "-9223372036854775808", "-9223372036854775809", "3.14159", "true", "false", "null",
      "tru", "nul", "fals", "x", "\xef\xbb\xbf", "/", "\0"};
  std::uniform_int_distribution<std::size_t> count(1, 14);
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
  std::string s;
  const std::size_t n = count(rng);
  for (std::size_t i = 0; i < n; ++i) {
    const std::string& p = pieces[pick(rng)];
    s += p.empty() ? std::string(1, '\0') : p;
  }
  return s;
}

/// A random valid document, then maybe one byte changed, inserted or removed.
std::string random_document(std::mt19937& rng) {
  std::uniform_int_distribution<int> d6(0, 5);
  std::function<nlohmann::json(int)> make = [&](int depth) -> nlohmann::json {
    switch (depth > 3 ? d6(rng) % 4 : d6(rng)) {
      case 0: return nullptr;
      case 1: return d6(rng) % 2 == 0;
      case 2: return std::uniform_int_distribution<std::int64_t>(-100000, 100000)(rng);
      case 3: return std::string("s\xc3\xa9") + std::to_string(d6(rng)) + (d6(rng) == 0 ? "\n\"\\" : "");
      case 4: {
        nlohmann::json o = nlohmann::json::object();
        for (int i = d6(rng); i > 0; --i) o["k" + std::to_string(d6(rng))] = make(depth + 1);
        return o;
      }
      default: {
        nlohmann::json a = nlohmann::json::array();
        for (int i = d6(rng); i > 0; --i) a.push_back(make(depth + 1));
        return a;
      }
    }
  };
  std::string s = make(0).dump(d6(rng) % 2 == 0 ? -1 : 1);
  if (s.empty()) return s;
  std::uniform_int_distribution<std::size_t> at(0, s.size() - 1);
  std::uniform_int_distribution<int> byte(0, 255);
  switch (d6(rng)) {
    case 0: s[at(rng)] = static_cast<char>(byte(rng)); break;
    case 1: s.insert(at(rng), 1, static_cast<char>(byte(rng))); break;
    case 2: s.erase(at(rng), 1); break;
    default: break;
  }
  return s;
}

/// A syntax error or a number out of range, as nlohmann words them.
bool is_syntax_message(const std::string& error) {
  return error.find("json: syntax error: ") != std::string::npos ||
         error.find("json: number out of range: ") != std::string::npos;
}

void compare(const std::string& input) {
  INFO("input: " << nlohmann::json(input).dump(-1, ' ', true, nlohmann::json::error_handler_t::replace));
  const Outcome o = ours(input);
  if (input.find('\0') != std::string::npos) {
    // nlohmann takes a NUL byte for the end of the input and may accept
    // what precedes it; hrnews never does: a NUL is never valid JSON text.
    REQUIRE_FALSE(o.accepted);
    CHECK(is_syntax_message(o.error));
    return;
  }
  const bool accepted = nlohmann::json::accept(input);
  REQUIRE(o.accepted == accepted);
  if (accepted) {
    CHECK(o.value == nlohmann::json::parse(input));
  } else {
    CHECK(o.error.rfind("<input>:", 0) == 0);
    CHECK(is_syntax_message(o.error));
  }
}

}  // namespace

TEST_CASE("The JSON parser accepts and rejects exactly what nlohmann does, on 40000 random inputs", "[json][parse]") {
  std::mt19937 rng(20261129);
  for (int i = 0; i < 20000; ++i) compare(random_text(rng));
  for (int i = 0; i < 20000; ++i) compare(random_document(rng));
}

TEST_CASE("The JSON parser sends numbers as nlohmann does", "[json][parse]") {
  const Outcome o = ours(R"([0, -0, 18446744073709551615, 18446744073709551616, -9223372036854775808,
                              -9223372036854775809, 1.5, 1e-400, 2E+2])");
  REQUIRE(o.accepted);
  const nlohmann::json expected = nlohmann::json::parse(R"([0, -0, 18446744073709551615, 18446744073709551616,
      -9223372036854775808, -9223372036854775809, 1.5, 1e-400, 2E+2])");
  REQUIRE(o.value == expected);
  CHECK(o.value[0].is_number_unsigned());
  CHECK(o.value[1].is_number_integer());
  CHECK(o.value[3].is_number_float());
  CHECK(o.value[5].is_number_float());
  CHECK(o.value[7].get<double>() == 0.0);
}

TEST_CASE("The JSON parser decodes escapes and keeps well-formed UTF-8", "[json][parse]") {
  const Outcome o = ours("\xef\xbb\xbf[\"\\u00e9\\ud83d\\ude00\\u0000x\", \"caf\xc3\xa9 \xf0\x9f\x98\x80\"]");
  REQUIRE(o.accepted);
  CHECK(o.value[0].get<std::string>() == std::string("\xc3\xa9\xf0\x9f\x98\x80\0x", 8));
  CHECK(o.value[1].get<std::string>() == "caf\xc3\xa9 \xf0\x9f\x98\x80");
}

TEST_CASE("JSON syntax errors keep nlohmann's wording and position", "[json][parse]") {
  CHECK(ours("[1, 2").error == "<input>:1:6: json: syntax error: unexpected end of input");
  CHECK(ours("{\"a\" 1}").error == "<input>:1:6: json: syntax error: unexpected number literal");
  CHECK(ours("[\"\\ud800\"]").error ==
        "<input>:1:9: json: syntax error: invalid string: surrogate U+D800..U+DBFF must be followed by "
        "U+DC00..U+DFFF");
  CHECK(ours("[1e999]").error == "<input>:1:2: json: number out of range: 1e999");
  CHECK(ours("[01]").error == "<input>:1:3: json: syntax error: unexpected number literal");
  CHECK(ours(std::string("[1, \0]", 6)).error == "<input>:1:5: json: syntax error: unexpected end of input");
  CHECK(ours(std::string("[1]\0 2", 6)).error == "<input>:1:4: json: syntax error: NUL byte outside a string");
  CHECK(ours("[\"caf\xc3\"]").error == "<input>:1:7: json: syntax error: invalid string: ill-formed UTF-8 byte");
}
