// SPDX-License-Identifier: Apache-2.0
// JSON Lines (hrnews/jsonl.hpp): streaming reader and writer, whole-document
// functions, errors with the record's line, limits.
#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <sstream>
#include <streambuf>
#include <string>
#include <vector>

#include <hrnews/hrnews.hpp>
#include <hrnews/json.hpp>
#include <hrnews/jsonl.hpp>

using namespace hrnews;

namespace json_test {
/// A collection that sets every field of every type (defined in test_json.cpp).
Collection full_collection();
}  // namespace json_test

namespace {

std::string fixture(const std::string& name) {
  const std::string path = std::string(HRNEWS_TEST_DATA_DIR) + "/json/" + name;
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

ReadOptions named(const std::string& file) {
  ReadOptions o;
  o.file_name = file;
  return o;
}

const std::string header = R"({"hrnews":"1.0"})";

/// Reads every record of `text` with a JsonlReader.
std::vector<Record> stream_all(const std::string& text, const ReadOptions& options = {}) {
  std::istringstream in(text);
  JsonlReader reader(in, options);
  std::vector<Record> records;
  while (auto r = reader.next()) records.push_back(std::move(*r));
  return records;
}

/// A stream that makes `count` article lines on the fly, after a header: nothing is held in memory.
class GeneratedStream : public std::streambuf {
 public:
  explicit GeneratedStream(std::size_t count) : count_(count) { line_ = R"({"hrnews":"1.0"})" "\n"; set(); }

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    if (next_ >= count_) return traits_type::eof();
    line_ = R"({"kind":"article","id":"item-)" + std::to_string(next_++) +
            R"(","title":"A generated item","published":"2015-11-26T09:30:00+01:00"})" "\n";
    set();
    return traits_type::to_int_type(*gptr());
  }

 private:
  void set() { setg(line_.data(), line_.data(), line_.data() + line_.size()); }
  std::size_t count_;
  std::size_t next_ = 0;
  std::string line_;
};

}  // namespace

// ---------------------------------------------------------------------------
// Round trips and shape

TEST_CASE("A collection with every field of every type survives a JSON Lines round trip", "[jsonl]") {
  const Collection original = json_test::full_collection();
  const std::string text = write_jsonl(original);
  INFO(text);
  const Collection back = read_jsonl(text);
  CHECK(back.feed == original.feed);
  REQUIRE(back.items.size() == original.items.size());
  for (std::size_t i = 0; i < back.items.size(); ++i) {
    INFO("item " << i);
    CHECK(back.items[i] == original.items[i]);
  }
  CHECK(back.campaigns == original.campaigns);
  CHECK(back.schemes == original.schemes);
  CHECK(back.diagnostics == original.diagnostics);
  CHECK(back.extensions == original.extensions);
  CHECK(back == original);
  CHECK(write_jsonl(back) == text);
  // and through the streaming reader
  CHECK(stream_all(text).size() == original.items.size() + original.campaigns.size() + original.schemes.size() +
                                      original.diagnostics.size());
}

TEST_CASE("JSON Lines has one line per record, header first, then items, campaigns, schemes, diagnostics",
          "[jsonl]") {
  Collection c;
  c.feed.title = "Feed";
  c.extensions["x_top"] = R"({"a":1})";
  c.extensions["items"] = "[]";  // never written into the header
  Article a;
  a.id = "a";
  a.title = "multi\nline";
  c.items.emplace_back(a);
  Intervention iv;
  iv.id = "b";
  c.items.emplace_back(iv);
  Campaign camp;
  camp.id = "c";
  camp.extensions["kind"] = R"("other")";  // a member of the record: not duplicated
  camp.extensions["x_k"] = "true";
  c.campaigns.push_back(camp);
  c.schemes.push_back(Scheme{"s", {}, {{"en", "S"}}, {}});
  c.diagnostics.push_back(Diagnostic{Severity::error, "e", "m", 3, 4, "/p"});
  CHECK(write_jsonl(c) ==
        R"({"hrnews":"1.0","feed":{"title":"Feed"},"x_top":{"a":1}})" "\n"
        R"({"kind":"article","id":"a","title":"multi\nline"})" "\n"
        R"({"kind":"intervention","id":"b","intervention_type":"urgent-appeal"})" "\n"
        R"({"kind":"campaign","id":"c","x_k":true})" "\n"
        R"({"kind":"scheme","id":"s","title":{"en":"S"}})" "\n"
        R"({"kind":"diagnostic","severity":"error","code":"e","message":"m","line":3,"column":4,"path":"/p"})" "\n");
  CHECK(write_jsonl(Collection()) == header + "\n");
}

TEST_CASE("Writing JSON Lines to a stream gives the same text as writing to a string", "[jsonl]") {
  const Collection c = json_test::full_collection();
  std::ostringstream out;
  write_jsonl(c, out);
  CHECK(out.str() == write_jsonl(c));
  Collection big;
  for (int i = 0; i < 3000; ++i) {
    Article a;
    a.id = "item-" + std::to_string(i);
    a.title = "A title long enough to fill the buffer a bit faster than an id alone";
    big.items.emplace_back(a);
  }
  std::ostringstream big_out;
  write_jsonl(big, big_out);
  CHECK(big_out.str() == write_jsonl(big));
}

TEST_CASE("JsonlWriter writes the header, then one line per record", "[jsonl]") {
  const Collection c = json_test::full_collection();
  std::ostringstream out;
  {
    JsonlWriter writer(out, c.feed, c.extensions);
    for (const Item& item : c.items) writer.write(item);
    for (const Campaign& camp : c.campaigns) writer.write(Record(camp));
    for (const Scheme& s : c.schemes) writer.write(Record(s));
    for (const Diagnostic& d : c.diagnostics) writer.write(Record(d));
  }
  CHECK(out.str() == write_jsonl(c));
  CHECK(read_jsonl(out.str()) == c);

  std::ostringstream items_only;
  JsonlWriter writer(items_only, Feed());
  writer.write(Record(c.items.at(1)));
  const std::string text = items_only.str();
  CHECK(text.substr(0, header.size() + 1) == header + "\n");
  CHECK(std::count(text.begin(), text.end(), '\n') == 2);
  CHECK(read_jsonl(text).items.at(0) == c.items.at(1));
}

// ---------------------------------------------------------------------------
// Streaming

TEST_CASE("JsonlReader gives the header, then each record in turn", "[jsonl]") {
  std::istringstream in(fixture("sample.jsonl"));
  JsonlReader reader(in, named("sample.jsonl"));
  CHECK(reader.line() == 1);
  CHECK(reader.feed().title == Text("OMCT - Latest news"));
  CHECK(reader.feed().updated->raw() == "Thu, 26 Nov 2015 09:30:00 +0100");
  CHECK(reader.extensions() == Extensions{{"x_export", R"({"by":"tests"})"}});

  auto r = reader.next();
  REQUIRE(r);
  CHECK(reader.line() == 2);
  REQUIRE(std::holds_alternative<Item>(*r));
  CHECK(article_of(std::get<Item>(*r)).id == "omct-2015-11-18-colombia");
  CHECK(article_of(std::get<Item>(*r)).published->raw() == "November 18, 2015");

  r = reader.next();  // the blank line 3 is skipped
  REQUIRE(r);
  CHECK(reader.line() == 4);
  REQUIRE(std::holds_alternative<Diagnostic>(*r));
  CHECK(std::get<Diagnostic>(*r).severity == Severity::info);

  r = reader.next();
  REQUIRE(r);
  REQUIRE(std::holds_alternative<Item>(*r));
  const Item& item = std::get<Item>(*r);
  REQUIRE(kind_of(item) == ItemKind::intervention);
  CHECK(std::get<Intervention>(item).case_ref->scheme() == CaseScheme::observatory);
  CHECK(std::get<Intervention>(item).intervention_type == InterventionType::follow_up);
  CHECK(article_of(item).extensions == Extensions{{"x_note", R"("kept")"}});

  r = reader.next();
  REQUIRE(r);
  REQUIRE(std::holds_alternative<Campaign>(*r));
  CHECK(std::get<Campaign>(*r).status == CampaignStatus::active);
  CHECK(std::get<Campaign>(*r).extensions == Extensions{{"x_partner", R"("HRDN")"}});

  r = reader.next();
  REQUIRE(r);
  REQUIRE(std::holds_alternative<Scheme>(*r));
  CHECK(std::get<Scheme>(*r).terms.at(0).labels.at("en") == "Human Rights Defenders");

  CHECK_FALSE(reader.next());
  CHECK_FALSE(reader.next());
  CHECK(reader.line() == 7);
}

TEST_CASE("read_jsonl collects the records of each kind, in any order", "[jsonl]") {
  const Collection c = read_jsonl(fixture("sample.jsonl"));
  CHECK(c.items.size() == 2);
  CHECK(c.campaigns.size() == 1);
  CHECK(c.schemes.size() == 1);
  CHECK(c.diagnostics.size() == 1);
  CHECK(c.extensions.count("x_export") == 1);
  // the same collection as JSON Lines and as canonical JSON
  CHECK(read_json(write_json(c)) == c);
  CHECK(read_jsonl(write_jsonl(c)) == c);
}

TEST_CASE("Blank lines, CRLF line ends and a missing last newline are accepted", "[jsonl]") {
  const std::string text = "\r\n  \n" + header + "\r\n\r\n" + R"({"kind":"article","id":"a"})" "\r\n\t\n" +
                           R"({"kind":"article","id":"b"})";
  const Collection c = read_jsonl(text);
  REQUIRE(c.items.size() == 2);
  CHECK(article_of(c.items[1]).id == "b");
  CHECK(stream_all(text).size() == 2);
}

TEST_CASE("Lines longer than the reader's chunk are read whole", "[jsonl]") {
  Article a;
  a.id = "long";
  a.title = std::string(100000, 'x');
  a.summary = Text(std::string(8191, 'y'));
  Collection c;
  c.items.emplace_back(a);
  Article edge;  // a line of exactly the reader's chunk size, and of one less
  edge.id = "e";
  const std::string empty_line = R"({"kind":"article","id":"e","title":""})";
  for (std::size_t size : {8190u, 8191u, 8192u, 8193u}) {
    edge.title = std::string(size - empty_line.size(), 'z');
    c.items.emplace_back(edge);
  }
  const std::string text = write_jsonl(c);
  const std::vector<Record> records = stream_all(text);
  REQUIRE(records.size() == c.items.size());
  for (std::size_t i = 0; i < records.size(); ++i) CHECK(std::get<Item>(records[i]) == c.items[i]);
}

TEST_CASE("JsonlReader reads a generated stream without holding it", "[jsonl]") {
  GeneratedStream source(20000);
  std::istream in(&source);
  JsonlReader reader(in);
  std::size_t n = 0;
  while (auto r = reader.next()) {
    REQUIRE(std::holds_alternative<Item>(*r));
    if (n == 12345) CHECK(article_of(std::get<Item>(*r)).id == "item-12345");
    ++n;
  }
  CHECK(n == 20000);
  CHECK(reader.line() == 20001);
}

// ---------------------------------------------------------------------------
// Errors

TEST_CASE("JSON Lines syntax errors give the line and the column in it", "[jsonl]") {
  const std::string text = header + "\n" + R"({"kind":"article","id":"a"})" "\n" + R"({"kind":"article", "id" "b"})" "\n";
  CHECK_THROWS_WITH(read_jsonl(text, named("big.jsonl")),
                    "big.jsonl:3:25: jsonl: syntax error: unexpected string literal");
  CHECK_THROWS_WITH(stream_all(text, named("big.jsonl")),
                    "big.jsonl:3:25: jsonl: syntax error: unexpected string literal");
  try {
    read_jsonl(text);
    FAIL("no error");
  } catch (const ParseError& e) {
    CHECK(e.line() == 3);
    CHECK(e.column() == 25);
    CHECK(e.offset() == std::optional<std::size_t>(header.size() + 1 + 28 + 24));
  }
  CHECK_THROWS_WITH(read_jsonl(header + "\n{\"kind\":\"article\",\n\"id\":\"a\"}\n", named("big.jsonl")),
                    "big.jsonl:2:19: jsonl: syntax error: unexpected end of input");
  CHECK_THROWS_WITH(read_jsonl("{\"hrnews\":\"1.0\"", named("big.jsonl")),
                    "big.jsonl:1:16: jsonl: syntax error: unexpected end of input");
}

TEST_CASE("JSON Lines semantic errors give the line and the path inside the record", "[jsonl]") {
  const ReadOptions big = named("big.jsonl");
  const auto with = [](const std::string& record) { return header + "\n\n" + record + "\n"; };
  CHECK_THROWS_WITH(read_jsonl(with(R"({"kind":"article","id":"a","published":"x"})"), big),
                    "big.jsonl:3: jsonl: /published: \"x\" is not a valid date");
  CHECK_THROWS_WITH(stream_all(with(R"({"kind":"article","id":"a","published":"x"})"), big),
                    "big.jsonl:3: jsonl: /published: \"x\" is not a valid date");
  CHECK_THROWS_WITH(read_jsonl(with(R"({"kind":"article"})"), big), "big.jsonl:3: jsonl: missing required member \"id\"");
  CHECK_THROWS_WITH(read_jsonl(with(R"({"id":"a"})"), big), "big.jsonl:3: jsonl: missing required member \"kind\"");
  CHECK_THROWS_WITH(read_jsonl(with(R"({"kind":"header"})"), big), "big.jsonl:3: jsonl: /kind: unknown value \"header\"");
  CHECK_THROWS_WITH(read_jsonl(with(R"({"kind":5})"), big), "big.jsonl:3: jsonl: /kind: expected a string");
  CHECK_THROWS_WITH(read_jsonl(with("[1]"), big), "big.jsonl:3: jsonl: expected an object");
  CHECK_THROWS_WITH(read_jsonl(with(R"({"kind":"intervention","id":"a","intervention_type":"urgent"})"), big),
                    "big.jsonl:3: jsonl: /intervention_type: unknown value \"urgent\"");
  CHECK_THROWS_WITH(read_jsonl(with(R"({"kind":"campaign","name":"c"})"), big),
                    "big.jsonl:3: jsonl: missing required member \"id\"");
  CHECK_THROWS_WITH(read_jsonl(with(R"({"kind":"scheme","id":"s","terms":[{"code":"c","labels":[]}]})"), big),
                    "big.jsonl:3: jsonl: /terms/0/labels: expected an object");
  CHECK_THROWS_WITH(read_jsonl(with(R"({"kind":"diagnostic","column":-2})"), big),
                    "big.jsonl:3: jsonl: /column: expected a non-negative integer");
}

TEST_CASE("The JSON Lines header is required, with its format version", "[jsonl]") {
  const ReadOptions x = named("x.jsonl");
  CHECK_THROWS_WITH(read_jsonl("", x), "x.jsonl: jsonl: missing header line");
  CHECK_THROWS_WITH(read_jsonl("\n  \n", x), "x.jsonl: jsonl: missing header line");
  CHECK_THROWS_WITH(stream_all("", x), "x.jsonl: jsonl: missing header line");
  CHECK_THROWS_WITH(read_jsonl(R"({"kind":"article","id":"a"})", x),
                    "x.jsonl:1: jsonl: missing required member \"hrnews\"");
  CHECK_THROWS_WITH(read_jsonl("\n" R"({"hrnews":"2.1"})", x), "x.jsonl:2: jsonl: /hrnews: unsupported format version \"2.1\"");
  CHECK_THROWS_WITH(stream_all(R"({"hrnews":"1.0","items":[]})", x),
                    "x.jsonl:1: jsonl: /items: a list is not allowed in the header line");
  CHECK_THROWS_WITH(read_jsonl(R"({"hrnews":"1.0","feed":{"updated":"never"}})", x),
                    "x.jsonl:1: jsonl: /feed/updated: \"never\" is not a valid date");
  CHECK_THROWS_WITH(read_jsonl("[]", x), "x.jsonl:1: jsonl: expected an object");
}

TEST_CASE("try_read_jsonl returns the error instead of throwing it", "[jsonl]") {
  const Result<Collection> bad = try_read_jsonl(header + "\n{\"kind\":\"article\"}\n", named("x.jsonl"));
  REQUIRE_FALSE(bad);
  CHECK(std::string(bad.error()->what()) == "x.jsonl:2: jsonl: missing required member \"id\"");
  CHECK(bad.error()->format() == "jsonl");
  CHECK(bad.error()->line() == 2);
  const Result<Collection> good = try_read_jsonl(fixture("sample.jsonl"));
  REQUIRE(good);
  CHECK(good.value().items.size() == 2);
  static_assert(noexcept(try_read_jsonl("")), "try_read_jsonl is noexcept");
}

// ---------------------------------------------------------------------------
// Limits

TEST_CASE("The size limit applies to each JSON Lines line", "[jsonl]") {
  ReadOptions options = named("x.jsonl");
  options.limits.max_input_bytes = 100;
  const std::string ok = R"({"kind":"article","id":"a"})";
  const std::string long_line = R"({"kind":"article","id":")" + std::string(200, 'a') + "\"}";
  std::string text = header + "\n";
  for (int i = 0; i < 50; ++i) text += ok + "\n";  // the whole input is over the limit, no line is
  CHECK(read_jsonl(text, options).items.size() == 50);
  CHECK(stream_all(text, options).size() == 50);
  text += long_line + "\n";
  CHECK_THROWS_WITH(read_jsonl(text, options), "x.jsonl:52: jsonl: line is over the limit of 100 bytes");
  CHECK_THROWS_WITH(stream_all(text, options), "x.jsonl:52: jsonl: line is over the limit of 100 bytes");
  // a huge line is rejected without being read whole
  options.limits.max_input_bytes = 10000;
  CHECK_THROWS_WITH(stream_all(header + "\n\"" + std::string(5000000, 'x') + "\"\n", options),
                    "x.jsonl:2: jsonl: line is over the limit of 10000 bytes");
}

TEST_CASE("Nesting, items and strings are limited in JSON Lines too", "[jsonl]") {
  const ReadOptions deep = named("x.jsonl");
  const std::string record = R"({"kind":"article","id":"a","x":)";
  CHECK_THROWS_WITH(read_jsonl(header + "\n" + record + std::string(100000, '['), deep),
                    "x.jsonl:2:287: jsonl: nesting is over the limit of 256 levels");
  CHECK_THROWS_WITH(stream_all(header + "\n" + std::string(100000, '['), deep),
                    "x.jsonl:2:257: jsonl: nesting is over the limit of 256 levels");

  ReadOptions few = named("x.jsonl");
  few.limits.max_items = 2;
  const std::string item = R"({"kind":"article","id":"a"})" "\n";
  const std::string other = R"({"kind":"diagnostic"})" "\n";
  CHECK(read_jsonl(header + "\n" + item + other + other + item, few).items.size() == 2);
  CHECK_THROWS_WITH(read_jsonl(header + "\n" + item + other + item + item, few),
                    "x.jsonl:5: jsonl: more than 2 items (limit max_items)");
  CHECK_THROWS_WITH(stream_all(header + "\n" + item + other + item + item, few),
                    "x.jsonl:5: jsonl: more than 2 items (limit max_items)");

  ReadOptions short_strings = named("x.jsonl");
  short_strings.limits.max_string_bytes = 8;
  CHECK_THROWS_WITH(read_jsonl(header + "\n" + R"({"kind":"article","id":"123456789"})", short_strings),
                    "x.jsonl:2: jsonl: string is 9 bytes, over the limit of 8 bytes");
}
