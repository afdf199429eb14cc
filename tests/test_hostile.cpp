// SPDX-License-Identifier: Apache-2.0
// Hostile input: every reader, fed entity bombs, external entities, deep
// nesting, huge strings, huge item counts, truncated and corrupted samples,
// random bytes and things that are not feeds at all, ends in a ParseError or
// a collection with diagnostics — never a crash, a hang, another exception or
// unbounded memory. Inputs are generated here (nothing large is committed).
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <hrnews/atom.hpp>
#include <hrnews/io.hpp>
#include <hrnews/json.hpp>
#include <hrnews/jsonfeed.hpp>
#include <hrnews/jsonl.hpp>
#include <hrnews/rss.hpp>

#include "test_support.hpp"

namespace {

const char* const kReaders[] = {"json", "jsonl", "rss", "atom", "jsonfeed"};

#if defined(__SANITIZE_ADDRESS__)
constexpr std::size_t kTruncationStep = 17;  // sanitizer builds: every 17th prefix
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr std::size_t kTruncationStep = 17;
#else
constexpr std::size_t kTruncationStep = 1;
#endif
#else
constexpr std::size_t kTruncationStep = 1;
#endif

hrnews::ReadOptions quick() {
  hrnews::ReadOptions o;
  o.classify = false;
  return o;
}

/// "ok (N items)" or the ParseError message; any other exception escapes and fails the test.
std::string outcome(std::string_view data, std::string_view format, const hrnews::ReadOptions& options = quick()) {
  try {
    const hrnews::Collection c = hrnews::read(data, format, options);
    return "ok (" + std::to_string(c.items.size()) + " items)";
  } catch (const hrnews::ParseError& e) {
    return std::string("error: ") + e.what();
  }
}

/// The ParseError message of reading `data`, or "no error".
std::string error_of(std::string_view data, std::string_view format, const hrnews::ReadOptions& options = quick()) {
  try {
    hrnews::read(data, format, options);
    return "no error";
  } catch (const hrnews::ParseError& e) {
    return e.what();
  }
}

using hrnews_test::slurp;

std::string sample_json() { return slurp(std::string(HRNEWS_EXAMPLES_DATA_DIR) + "/omct-2015-11.json"); }

std::string rss_wrap(const std::string& items, const std::string& doctype = {}) {
  return "<?xml version=\"1.0\"?>\n" + doctype + "<rss version=\"2.0\"><channel><title>T</title>" +
         "<link>https://example.org/</link><description>D</description>" + items + "</channel></rss>";
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

TEST_CASE("Billion-laughs entities are never expanded", "[hostile]") {
  std::string doctype = "<!DOCTYPE rss [\n<!ENTITY lol \"lol\">\n";
  for (int i = 1; i <= 9; ++i) {
    doctype += "<!ENTITY lol" + std::to_string(i) + " \"";
    for (int k = 0; k < 10; ++k) doctype += "&lol" + (i == 1 ? std::string() : std::to_string(i - 1)) + ";";
    doctype += "\">\n";
  }
  doctype += "]>\n";
  const std::string feed = rss_wrap("<item><title>&lol9;</title><guid>g</guid></item>", doctype);
  const auto t0 = std::chrono::steady_clock::now();
  const hrnews::Collection c = hrnews::read_rss(feed, quick());
  CHECK(seconds_since(t0) < 2.0);
  REQUIRE(c.items.size() == 1);
  CHECK(hrnews::article_of(c.items[0]).title.value.find("lollol") == std::string::npos);
  CHECK(hrnews::article_of(c.items[0]).title.value.size() < 100);
  CHECK(outcome(feed, "") == "ok (1 items)");
}

TEST_CASE("Quadratic-blowup entities are never expanded", "[hostile]") {
  const std::string big(100000, 'a');
  std::string refs;
  for (int i = 0; i < 20000; ++i) refs += "&a;";
  const std::string feed =
      rss_wrap("<item><title>" + refs + "</title><guid>g</guid></item>", "<!DOCTYPE rss [<!ENTITY a \"" + big + "\">]>");
  const auto t0 = std::chrono::steady_clock::now();
  const hrnews::Collection c = hrnews::read_rss(feed, quick());
  CHECK(seconds_since(t0) < 2.0);
  REQUIRE(c.items.size() == 1);
  CHECK(hrnews::article_of(c.items[0]).title.value.find("aaaa") == std::string::npos);
  CHECK(hrnews::article_of(c.items[0]).title.value.size() < refs.size() + 1);
}

TEST_CASE("External entities are never read", "[hostile]") {
  const std::string marker = "HRNEWS-XXE-MARKER-7f3a9c";
  const std::filesystem::path secret = hrnews_test::unique_temp_path("hrnews-xxe-secret-", ".txt");
  {
    std::ofstream out(secret);
    out << marker;
  }
  const std::string url = "file://" + secret.string();
  const std::string doctype = "<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"" + url + "\"><!ENTITY % p SYSTEM \"" + url +
                              "\"> %p;]>";
  const std::string feed = rss_wrap("<item><title>a &xxe; b</title><guid>g</guid><description>&xxe;</description>"
                                    "</item>",
                                    doctype);
  const hrnews::Collection c = hrnews::read_rss(feed, quick());
  const std::string json = hrnews::write_json(c);
  CHECK(json.find(marker) == std::string::npos);
  const std::string atom =
      "<?xml version=\"1.0\"?><!DOCTYPE feed [<!ENTITY xxe SYSTEM \"" + url + "\">]>"
      "<feed xmlns=\"http://www.w3.org/2005/Atom\"><id>urn:x</id><title>&xxe;</title><updated>2015-11-26T00:00:00Z"
      "</updated><entry><id>urn:e</id><title>&xxe;</title><updated>2015-11-26T00:00:00Z</updated></entry></feed>";
  const hrnews::Collection a = hrnews::read_atom(atom, quick());
  CHECK(hrnews::write_json(a).find(marker) == std::string::npos);
  std::filesystem::remove(secret);
}

TEST_CASE("100 000-deep nesting is refused by every reader", "[hostile]") {
  const std::size_t n = 100000;
  std::string xml = rss_wrap("<item><title>t</title><guid>g</guid><x>");
  std::string inner;
  for (std::size_t i = 0; i < n; ++i) inner += "<a>";
  xml = rss_wrap("<item><guid>g</guid>" + inner + "</item>");
  CHECK(error_of(xml, "rss") == "<input>:2:885: rss: nesting deeper than 256 levels");
  std::string atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><id>x</id>" + inner + "</feed>";
  CHECK(error_of(atom, "atom") == "<input>:1:818: atom: nesting deeper than 256 levels");
  const std::string arrays = std::string(n, '[') + std::string(n, ']');
  CHECK(error_of("{\"hrnews\":\"1.0\",\"feed\":{},\"items\":" + arrays + "}", "json") == "<input>:1:290: json: nesting is over the limit of 256 levels");
  CHECK(error_of("{\"hrnews\":\"1.0\",\"feed\":{}}\n{\"kind\":\"article\",\"id\":\"i\",\"x\":" + arrays + "}\n",
                 "jsonl") == "<input>:2:287: jsonl: nesting is over the limit of 256 levels");
  CHECK(error_of("{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"t\",\"items\":[{\"id\":\"i\",\"x\":" +
                     arrays + "}]}",
                 "jsonfeed") == "<input>:1:335: jsonfeed: nesting is over the limit of 256 levels");
  std::string objects;
  for (std::size_t i = 0; i < n; ++i) objects += "{\"a\":";
  objects += "1" + std::string(n, '}');
  CHECK(error_of(objects, "json") == "<input>:1:1281: json: nesting is over the limit of 256 levels");
}

TEST_CASE("A 64 MiB attribute and a 64 MiB string are refused by the string limit", "[hostile]") {
  const std::size_t size = (std::size_t{64} << 20) + 1;
  const std::string big(size, 'x');
  CHECK(error_of(rss_wrap("<item><guid>g</guid><enclosure url=\"" + big + "\" type=\"a/b\" length=\"1\"/></item>"),
                 "rss") == "<input>:2:127: rss: string is 67108865 bytes, over the limit of 67108864 bytes");
  CHECK(error_of(rss_wrap("<item><guid>g</guid><title>" + big + "</title></item>"), "rss") == "<input>:2:133: rss: string is 67108865 bytes, over the limit of 67108864 bytes");
  CHECK(error_of("{\"hrnews\":\"1.0\",\"feed\":{\"title\":\"" + big + "\"}}", "json") == "<input>: json: /feed: string is 67108865 bytes, over the limit of 67108864 bytes");
  CHECK(error_of("{\"hrnews\":\"1.0\",\"feed\":{}}\n{\"kind\":\"article\",\"id\":\"" + big + "\"}\n", "jsonl") ==
        "<input>:2: jsonl: string is 67108865 bytes, over the limit of 67108864 bytes");
  CHECK(error_of("{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"" + big + "\",\"items\":[]}",
                 "jsonfeed") == "<input>: jsonfeed: string is 67108865 bytes, over the limit of 67108864 bytes");
  CHECK(error_of("<feed xmlns=\"http://www.w3.org/2005/Atom\"><id>x</id><title>" + big + "</title></feed>",
                 "atom") == "<input>:1:60: atom: string is 67108865 bytes, over the limit of 67108864 bytes");
}

TEST_CASE("Each limit, set from ReadOptions, is enforced by every reader with a clear message", "[hostile]") {
  const hrnews::Collection sample = hrnews::read_json(sample_json(), quick());
  hrnews::ReadOptions small_input = quick();
  small_input.limits.max_input_bytes = 1000;
  hrnews::ReadOptions few_items = quick();
  few_items.limits.max_items = 3;
  hrnews::ReadOptions short_strings = quick();
  short_strings.limits.max_string_bytes = 300;
  hrnews::ReadOptions shallow = quick();
  shallow.limits.max_depth = 3;
  struct Expected {
    const char* format;
    const char* input;
    const char* items;
    const char* string;
    const char* depth;
  };
  const Expected expected[] = {
      {"json", "<input>: json: input is 35264 bytes, over the limit of 1000 bytes",
       "<input>: json: /items/3: more than 3 items (limit max_items)",
       "<input>: json: /items/1: string is 301 bytes, over the limit of 300 bytes",
       "<input>:11:7: json: nesting is over the limit of 3 levels"},
      {"jsonl", "<input>:3: jsonl: line is over the limit of 1000 bytes",
       "<input>:5: jsonl: more than 3 items (limit max_items)",
       "<input>:3: jsonl: string is 301 bytes, over the limit of 300 bytes",
       "<input>:1:453: jsonl: nesting is over the limit of 3 levels"},
      {"rss", "<input>: rss: input is 34385 bytes, over the limit of 1000 bytes",
       "<input>: rss: more than 3 items (limit max_items)",
       "<input>:69:20: rss: string is 301 bytes, over the limit of 300 bytes",
       "<input>:12:7: rss: nesting deeper than 3 levels"},
      {"atom", "<input>: atom: input is 32721 bytes, over the limit of 1000 bytes",
       "<input>:127:3: atom: more than 3 items (limit max_items)",
       "<input>:77:14: atom: string is 301 bytes, over the limit of 300 bytes",
       "<input>:58:7: atom: nesting deeper than 3 levels"},
      {"jsonfeed", "<input>: jsonfeed: input is 39793 bytes, over the limit of 1000 bytes",
       "<input>:310:5: jsonfeed: /items/3: more than 3 items (limit max_items)",
       "<input>: jsonfeed: string is 301 bytes, over the limit of 300 bytes",
       "<input>:16:21: jsonfeed: nesting is over the limit of 3 levels"},
  };
  for (const Expected& e : expected) {
    INFO(e.format);
    const std::string data = e.format == std::string("json") ? sample_json() : hrnews::write(sample, e.format);
    CHECK(error_of(data, e.format, small_input) == e.input);
    CHECK(error_of(data, e.format, few_items) == e.items);
    CHECK(error_of(data, e.format, short_strings) == e.string);
    CHECK(error_of(data, e.format, shallow) == e.depth);
    CHECK(outcome(data, e.format) == "ok (" + std::to_string(sample.items.size()) + " items)");
  }
}

TEST_CASE("A million tiny items stream in constant memory, and are refused over the item limit", "[hostile]") {
  std::string jsonl = "{\"hrnews\":\"1.0\",\"feed\":{}}\n";
  for (int i = 0; i < 1000000; ++i) jsonl += "{\"kind\":\"article\",\"id\":\"" + std::to_string(i) + "\"}\n";
  std::istringstream in(jsonl);
  hrnews::JsonlReader reader(in, quick());
  std::size_t records = 0;
  while (reader.next()) ++records;
  CHECK(records == 1000000);
  // over the limit: the streaming reader stops at the record past it (read_jsonl
  // would first hold 999 999 items in memory)
  hrnews::ReadOptions fewer = quick();
  fewer.limits.max_items = 999999;
  std::istringstream again(jsonl);
  hrnews::JsonlReader limited(again, fewer);
  std::string error;
  try {
    while (limited.next()) {
    }
  } catch (const hrnews::ParseError& e) {
    error = e.what();
  }
  CHECK(error == "<input>:1000001: jsonl: more than 999999 items (limit max_items)");

  hrnews::ReadOptions thousand = quick();
  thousand.limits.max_items = 1000;
  std::string rss;
  for (int i = 0; i < 1000000; ++i) rss += "<item><guid>" + std::to_string(i) + "</guid></item>";
  CHECK(error_of(rss_wrap(rss), "rss", thousand) == "<input>: rss: more than 1000 items (limit max_items)");
  std::string json = "{\"hrnews\":\"1.0\",\"feed\":{},\"items\":[";
  for (int i = 0; i < 1000000; ++i) json += std::string(i ? "," : "") + "{\"kind\":\"article\",\"id\":\"" + std::to_string(i) + "\"}";
  json += "]}";
  CHECK(error_of(json, "json", thousand) == "<input>: json: /items/1000: more than 1000 items (limit max_items)");
}

namespace {
/// Every prefix of the sample in `format` (every `step`-th one under the
/// sanitizers, which are 10–20 times slower) is an error or a collection.
void truncate_everywhere(const char* format) {
  const std::string json = sample_json();
  const hrnews::Collection sample = hrnews::read_json(json, quick());
  const std::string whole = format == std::string("json") ? json : hrnews::write(sample, format);
  std::size_t errors = 0, prefixes = 0;
  for (std::size_t n = 0; n < whole.size(); n += kTruncationStep, ++prefixes) {
    const std::string_view prefix(whole.data(), n);
    if (outcome(prefix, format).rfind("error: ", 0) == 0) ++errors;
  }
  INFO(format << ": " << errors << " of " << prefixes << " prefixes are errors");
  CHECK(errors > 0);
  CHECK(outcome(whole, format) == "ok (" + std::to_string(sample.items.size()) + " items)");
}
}  // namespace

TEST_CASE("The sample truncated at every byte never crashes the canonical JSON reader", "[hostile]") {
  truncate_everywhere("json");
}
TEST_CASE("The sample truncated at every byte never crashes the JSON Lines reader", "[hostile]") {
  truncate_everywhere("jsonl");
}
TEST_CASE("The sample truncated at every byte never crashes the RSS reader", "[hostile]") {
  truncate_everywhere("rss");
}
TEST_CASE("The sample truncated at every byte never crashes the Atom reader", "[hostile]") {
  truncate_everywhere("atom");
}
TEST_CASE("The sample truncated at every byte never crashes the JSON Feed reader", "[hostile]") {
  truncate_everywhere("jsonfeed");
}

TEST_CASE("Invalid UTF-8, NUL bytes and control characters anywhere never crash a reader", "[hostile]") {
  const hrnews::Collection sample = hrnews::read_json(sample_json(), quick());
  const std::string bad[] = {std::string(1, '\0'), "\x01", "\x1B", "\x7F", "\xFF", "\xC3", "\xED\xA0\x80",
                             "\xF4\x90\x80\x80", "\xC0\xAF"};
  for (const char* format : kReaders) {
    INFO(format);
    const std::string whole = hrnews::write(sample, format);
    std::size_t k = 0;
    for (std::size_t at = 0; at < whole.size(); at += 53 * kTruncationStep, ++k) {
      std::string corrupted = whole;
      corrupted.insert(at, bad[k % std::size(bad)]);
      (void)outcome(corrupted, format);
      corrupted = whole;
      corrupted[at] = bad[k % std::size(bad)][0];
      (void)outcome(corrupted, format);
    }
  }
}

TEST_CASE("Random bytes never crash a reader", "[hostile]") {
  std::mt19937_64 rng(20151126);
  for (int round = 0; round < 2000; ++round) {
    std::string bytes(std::uniform_int_distribution<std::size_t>(0, 2048)(rng), '\0');
    for (char& c : bytes) c = static_cast<char>(rng() & 0xFF);
    if (round % 4 == 1) bytes.insert(0, "<rss version=\"2.0\"><channel>");
    if (round % 4 == 2) bytes.insert(0, "{\"hrnews\":\"1.0\",\"feed\":{");
    if (round % 4 == 3) bytes.insert(0, "{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[{");
    (void)outcome(bytes, "");
    for (const char* format : kReaders) (void)outcome(bytes, format);
  }
}

TEST_CASE("An HTML page, a gzip stream and an empty file where a feed was expected are clear errors", "[hostile]") {
  const std::string html =
      "<!DOCTYPE html>\n<html><head><title>OMCT</title></head><body><p>Not a feed<br></p></body></html>\n";
  CHECK(error_of(html, "") == "<input>: io: cannot detect the format of the input");
  CHECK(error_of(html, "rss") == "<input>:2:2: rss: root element <html> is not <rss> or <rdf:RDF>");
  CHECK(error_of(html, "atom") == "<input>:2:1: atom: the root element is <html>, not an Atom <feed> or <entry>");
  CHECK(error_of(html, "json") == "<input>:1:1: json: syntax error: invalid literal");
  const std::string gzip("\x1F\x8B\x08\x00\x00\x00\x00\x00\x00\x03\x4B\x4C\x4A\x06\x00\xC2\x41\x24\x35\x03\x00\x00\x00",
                         23);
  CHECK(error_of(gzip, "") == "<input>: io: cannot detect the format of the input");
  CHECK(error_of(gzip, "rss") == "<input>: rss: gzip-compressed input; decompress it first");
  CHECK(error_of(gzip, "json") == "<input>:1:1: json: syntax error: invalid literal");
  CHECK(error_of("", "") == "<input>: io: cannot detect the format of the input");
  CHECK(error_of("", "json") == "<input>:1:1: json: syntax error: unexpected end of input");
  CHECK(error_of("", "jsonl") == "<input>: jsonl: missing header line");
  CHECK(error_of("", "rss") == "<input>: rss: empty input");
  CHECK(error_of("", "atom") == "<input>: atom: empty input");
  CHECK(error_of("", "jsonfeed") == "<input>:1:1: jsonfeed: syntax error: unexpected end of input");
}
