// SPDX-License-Identifier: Apache-2.0
// The RSS and Atom readers drop each item's nodes once it is read (so that a
// large feed does not hold its whole document and its items at once): the
// pages pugixml filled are freed, and what the readers report about a dropped
// item (namespace notes placed at the end of the document) stays right. The
// JSON Feed reader hands back the tape of each item it has read.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include <malloc.h>
#include <pugixml.hpp>

#include <hrnews/atom.hpp>
#include <hrnews/io.hpp>
#include <hrnews/rss.hpp>

#include "feed/xml_input.hpp"
#include "test_support.hpp"

using hrnews::Collection;
using hrnews::Diagnostic;
using hrnews::ReadOptions;
using hrnews::Severity;

namespace {

/// Bytes pugixml holds, counted through its allocation hooks while alive.
struct PugixmlBytes {
  static inline std::size_t live = 0;
  static void* allocate(std::size_t size) {
    void* p = std::malloc(size);
    if (p) live += malloc_usable_size(p);
    return p;
  }
  static void deallocate(void* p) {
    if (p) live -= malloc_usable_size(p);
    std::free(p);
  }
  PugixmlBytes()
      : previous_allocate_(pugi::get_memory_allocation_function()),
        previous_deallocate_(pugi::get_memory_deallocation_function()) {
    live = 0;
    pugi::set_memory_management_functions(&allocate, &deallocate);
  }
  ~PugixmlBytes() { pugi::set_memory_management_functions(previous_allocate_, previous_deallocate_); }
  PugixmlBytes(const PugixmlBytes&) = delete;
  PugixmlBytes& operator=(const PugixmlBytes&) = delete;

 private:
  pugi::allocation_function previous_allocate_;
  pugi::deallocation_function previous_deallocate_;
};

/// `count` items of about 1 KB each, one element per line as feeds are written.
std::string rss_items(std::size_t count) {
  std::string xml = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\">\n<channel>\n<title>T</title>\n";
  for (std::size_t i = 0; i < count; ++i) {
    xml += "<item>\n  <title>Item " + std::to_string(i) + "</title>\n  <link>https://example.org/" +
           std::to_string(i) + "</link>\n  <category domain=\"theme\">Torture</category>\n  <description>";
    for (int k = 0; k < 12; ++k) xml += "Detention monitoring report on the session. ";
    xml += "</description>\n</item>\n";
  }
  return xml + "</channel>\n</rss>\n";
}

/// A feed where two items declare a variant namespace URI and one uses an
/// undeclared prefix: the first two after `before` plain items (their pages
/// freed and reused by the time the notes are placed, at the end of the
/// document), the last after `after` more.
std::string rss_with_notes(std::size_t before, std::size_t after) {
  std::string xml = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>T</title>\n";
  const auto plain = [&](std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) {
      xml += "<item><title>filler " + std::to_string(i) + "</title><description>";
      for (int k = 0; k < 20; ++k) xml += "Release of the detained defenders is urged. ";
      xml += "</description></item>\n";
    }
  };
  plain(before);
  xml += "<item><guid>urn:1</guid><title>one</title></item>\n";
  xml += "<item xmlns:dc=\"http://purl.org/dc/elements/1.1\">\n";
  xml += "  <guid>urn:2</guid><title>two</title><dc:creator>Jane</dc:creator></item>\n";
  xml += "<item><guid>urn:3</guid><title>three</title><media:title>x</media:title></item>\n";
  plain(after);
  xml += "  <item xmlns:media=\"http://search.yahoo.com/mrss\"><guid>urn:4</guid></item>\n";
  return xml + "</channel></rss>\n";
}

/// As rss_with_notes, in Atom.
std::string atom_with_notes(std::size_t before, std::size_t after) {
  const std::string updated = "<updated>2024-01-01T00:00:00Z</updated>";
  std::string xml = "<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>T</title>"
                    "<id>urn:f</id>" + updated + "\n";
  const auto plain = [&](std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) {
      xml += "<entry><id>urn:filler:" + std::to_string(xml.size()) + "</id><title>filler</title>" + updated +
             "<content>";
      for (int k = 0; k < 20; ++k) xml += "Release of the detained defenders is urged. ";
      xml += "</content></entry>\n";
    }
  };
  plain(before);
  xml += "<entry><id>urn:1</id><title>one</title>" + updated + "</entry>\n";
  xml += "<entry xmlns:dc=\"http://purl.org/dc/elements/1.1\">\n";
  xml += "  <id>urn:2</id><title>two</title>" + updated + "<dc:creator>Jane</dc:creator></entry>\n";
  xml += "<entry><id>urn:3</id><title>three</title>" + updated + "<media:title>x</media:title></entry>\n";
  plain(after);
  xml += "  <entry xmlns:media=\"http://search.yahoo.com/mrss\"><id>urn:4</id><title>four</title>" + updated +
         "</entry>\n";
  return xml + "</feed>\n";
}

ReadOptions plain_options() {
  ReadOptions o;
  o.classify = false;
  return o;
}

/// The diagnostics with this code.
std::vector<Diagnostic> with_code(const Collection& c, const std::string& code) {
  std::vector<Diagnostic> out;
  for (const Diagnostic& d : c.diagnostics) {
    if (d.code == code) out.push_back(d);
  }
  return out;
}

/// Reads `xml` through read_file (parsed in place) from a temporary file.
Collection read_through_file(const std::string& xml, const std::string& format) {
  const auto path = hrnews_test::unique_temp_path("hrnews-read-memory-", "." + format);
  {
    std::ofstream out(path, std::ios::binary);
    out << xml;
  }
  ReadOptions o = plain_options();
  o.file_name = "feed";
  Collection c = hrnews::read_file(path.string(), format, o);
  std::filesystem::remove(path);
  return c;
}

Diagnostic warning(std::string code, std::string message, std::optional<std::size_t> line,
                   std::optional<std::size_t> column) {
  return Diagnostic{Severity::warning, std::move(code), std::move(message), line, column, ""};
}

/// The namespace notes of `rss_with_notes(500, 3000)` and `atom_with_notes(500,
/// 3000)`: the dc variant on line 504 and the media variant on line 3507, at
/// the given columns, then the undeclared media prefix (no place).
std::vector<Diagnostic> namespace_notes(std::size_t dc_column, std::size_t media_column) {
  return {
      warning("namespace-variant",
              "namespace \"http://purl.org/dc/elements/1.1\" read as \"http://purl.org/dc/elements/1.1/\"", 504,
              dc_column),
      warning("namespace-variant", "namespace \"http://search.yahoo.com/mrss\" read as \"http://search.yahoo.com/mrss/\"",
              3507, media_column),
      warning("namespace-undeclared", "prefix \"media\" is not declared; read as \"http://search.yahoo.com/mrss/\"",
              std::nullopt, std::nullopt),
  };
}

}  // namespace

TEST_CASE("drop_read_element frees the pugixml pages of the items it drops", "[read-memory]") {
  PugixmlBytes bytes;
  {
    std::string xml = rss_items(2000);
    hrnews::detail::XmlInput in = hrnews::detail::load_xml(std::move(xml), ReadOptions{}, "rss");
    const std::size_t parsed = PugixmlBytes::live;
    REQUIRE(parsed > 1000000);  // some 30 pages of nodes
    pugi::xml_node channel = in.doc.document_element().child("channel");
    std::vector<pugi::xml_node> items;
    for (pugi::xml_node item : channel.children("item")) items.push_back(item);
    REQUIRE(items.size() == 2000);
    for (std::size_t i = 0; i < 1000; ++i) hrnews::detail::drop_read_element(items[i]);
    // Half the items gone: about half the pages freed, none while the white
    // space between items (text nodes of the channel) kept a page alive.
    CHECK(PugixmlBytes::live < parsed * 6 / 10);
    for (std::size_t i = 1000; i < items.size(); ++i) hrnews::detail::drop_read_element(items[i]);
    CHECK(PugixmlBytes::live < parsed / 20);
    // What came before the first item is kept, the text between it and the first item is not.
    CHECK(std::string(channel.child_value("title")) == "T");
    CHECK(channel.first_child().type() == pugi::node_pcdata);  // "\n" before <title>
    REQUIRE(channel.last_child());
    CHECK(channel.last_child().type() == pugi::node_pcdata);  // "\n" after the last item
    CHECK(channel.last_child().previous_sibling() == channel.child("title"));
  }
  CHECK(PugixmlBytes::live == 0);
}

TEST_CASE("drop_read_element leaves an element before the item, and a lone node, alone", "[read-memory]") {
  pugi::xml_document doc;
  REQUIRE(doc.load_string("<c><a/>text<!--x--><![CDATA[y]]><item/><b/></c>", pugi::parse_default | pugi::parse_ws_pcdata));
  hrnews::detail::drop_read_element(doc.child("c").child("item"));
  std::string names;
  for (pugi::xml_node n : doc.child("c").children()) names += std::string(n.name()) + ";";
  CHECK(names == "a;b;");
  hrnews::detail::drop_read_element(pugi::xml_node());  // nothing to do
  hrnews::detail::drop_read_element(doc.child("c"));   // the root element goes, with nothing before it
  CHECK_FALSE(doc.document_element());
}

TEST_CASE("find_line_starts keeps no more room than the starts it found", "[read-memory]") {
  const std::string text(100000, 'x');  // one line: a guess by size would reserve 1 500 starts
  const auto starts = hrnews::detail::find_line_starts(text);
  CHECK(starts.size() == 1);
  CHECK(starts.capacity() == 1);
}

TEST_CASE("RSS namespace notes inside items dropped long before are reported where they were", "[read-memory]") {
  const std::string xml = rss_with_notes(500, 3000);  // some 3 MB: the pages of early items are freed and reused
  const std::vector<Diagnostic> expected = namespace_notes(2, 4);
  const Collection copied = hrnews::read_rss(xml, plain_options());
  CHECK(copied.items.size() == 3504);
  std::vector<Diagnostic> notes = with_code(copied, "namespace-variant");
  for (const Diagnostic& d : with_code(copied, "namespace-undeclared")) notes.push_back(d);
  CHECK(notes == expected);

  const Collection in_place = read_through_file(xml, "rss");
  CHECK(in_place.items.size() == 3504);
  notes = with_code(in_place, "namespace-variant");
  for (const Diagnostic& d : with_code(in_place, "namespace-undeclared")) notes.push_back(d);
  CHECK(notes == expected);
  CHECK(in_place.items == copied.items);
}

TEST_CASE("Atom namespace notes inside entries dropped long before are reported where they were", "[read-memory]") {
  const std::string xml = atom_with_notes(500, 3000);
  const std::vector<Diagnostic> expected = namespace_notes(1, 3);
  const Collection copied = hrnews::read_atom(xml, plain_options());
  CHECK(copied.items.size() == 3504);
  CHECK(copied.diagnostics == expected);

  const Collection in_place = read_through_file(xml, "atom");
  CHECK(in_place.items.size() == 3504);
  CHECK(in_place.diagnostics == expected);
  CHECK(in_place.items == copied.items);
}

TEST_CASE("find_line_starts finds every line feed, wherever it falls in the 64-byte steps", "[read-memory]") {
  // One line feed at each position 0..199 in turn, then pairs and runs: the
  // 64-byte step, the 16-byte step after it and the byte tail all see some.
  const auto reference = [](const std::string& text) {
    std::vector<std::size_t> starts{0};
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') starts.push_back(i + 1);
    }
    return starts;
  };
  for (std::size_t size : {63u, 64u, 65u, 127u, 128u, 150u, 200u}) {
    for (std::size_t at = 0; at < size; ++at) {
      std::string text(size, 'x');
      text[at] = '\n';
      INFO("size " << size << ", line feed at " << at);
      CHECK(hrnews::detail::find_line_starts(text) == reference(text));
      text[size - 1 - at] = '\n';
      text[(at * 7) % size] = '\n';
      CHECK(hrnews::detail::find_line_starts(text) == reference(text));
    }
  }
  const std::string all(200, '\n');
  CHECK(hrnews::detail::find_line_starts(all) == reference(all));
}

#if defined(__linux__)
TEST_CASE("SpentInput releases the whole pages of adjacent spent spans, and nothing else", "[read-memory]") {
  const std::size_t size = std::size_t{6} << 20;
  std::string buffer(size, 'x');
  hrnews::detail::SpentInput spent(buffer.data(), buffer.size());
  // Spans of 3 000 bytes from offset 1 000, adjacent: a run. Below 1 MiB of
  // whole pages nothing is released yet.
  std::size_t at = 1000;
  for (; at + 3000 < 300000; at += 3000) spent.spend(static_cast<std::ptrdiff_t>(at), static_cast<std::ptrdiff_t>(at + 3000));
  CHECK(spent.released() == 0);
  for (; at + 3000 < (std::size_t{3} << 20); at += 3000)
    spent.spend(static_cast<std::ptrdiff_t>(at), static_cast<std::ptrdiff_t>(at + 3000));
  const std::size_t run_end = at;
  REQUIRE(spent.released() >= (std::size_t{2} << 20));
  // Released pages read as zeros; the bytes before the run and after it are intact.
  const auto count_x = [&buffer](std::size_t from, std::size_t to) {
    return static_cast<std::size_t>(std::count(buffer.begin() + static_cast<std::ptrdiff_t>(from),
                                               buffer.begin() + static_cast<std::ptrdiff_t>(to), 'x'));
  };
  CHECK(static_cast<std::size_t>(std::count(buffer.begin(), buffer.end(), '\0')) == spent.released());
  CHECK(count_x(0, 1000) == 1000);
  CHECK(count_x(run_end, size) == size - run_end);
  // A span that does not follow the run starts a new one: nothing before it goes.
  const std::size_t released = spent.released();
  spent.spend(static_cast<std::ptrdiff_t>(run_end + 5000), static_cast<std::ptrdiff_t>(run_end + 5000 + 4096));
  CHECK(spent.released() == released);
  CHECK(count_x(run_end, size) == size - run_end);
  // Nonsense spans are ignored.
  spent.spend(-1, 100);
  spent.spend(200, 100);
  spent.spend(0, static_cast<std::ptrdiff_t>(size) + 1);
  CHECK(spent.released() == released);
  hrnews::detail::SpentInput none;
  none.spend(0, 100);
  CHECK(none.released() == 0);
}
#endif

TEST_CASE("A feed read in place gives the items and channel elements of reading a copy, its input released as read",
          "[read-memory]") {
  // Some 9 MB, with channel elements between items (read after the items; 10
  // KB: pages of their own) and after them: released pages must stop at the
  // next element, whatever it is.
  const std::string between(10000, 'g');
  const auto items = [](std::size_t from, std::size_t count) {
    std::string xml;
    for (std::size_t i = from; i < from + count; ++i) {
      xml += "<item><guid>urn:item:" + std::to_string(i) + "</guid><title>Item " + std::to_string(i) +
             "</title><description>";
      for (int k = 0; k < 60; ++k) xml += "Release of the detained defenders is urged. ";
      xml += "</description></item>\n";
    }
    return xml;
  };
  const std::string rss = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\" xmlns:hr=\"urn:hrnews:feed-extension:1.0\">"
                          "<channel><title>T</title>\n" +
                          items(0, 1500) + "<hr:generator>" + between + "</hr:generator>" +
                          items(1500, 1500) + "<hr:icon>https://example.org/icon.png</hr:icon>\n</channel></rss>\n";
  const Collection copied = hrnews::read_rss(rss, plain_options());
  const Collection in_place = read_through_file(rss, "rss");
  CHECK(in_place.feed.generator == between);
  CHECK(in_place.feed.icon == "https://example.org/icon.png");
  CHECK(in_place.feed == copied.feed);
  REQUIRE(in_place.items.size() == 3000);
  CHECK(in_place.items == copied.items);

  const std::string updated = "<updated>2024-01-01T00:00:00Z</updated>";
  const auto entries = [&](std::size_t from, std::size_t count) {
    std::string xml;
    for (std::size_t i = from; i < from + count; ++i) {
      xml += "<entry><id>urn:entry:" + std::to_string(i) + "</id><title>Entry " + std::to_string(i) + "</title>" +
             updated + "<content>";
      for (int k = 0; k < 60; ++k) xml += "Release of the detained defenders is urged. ";
      xml += "</content></entry>\n";
    }
    return xml;
  };
  const std::string atom = "<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" "
                           "xmlns:hr=\"urn:hrnews:feed-extension:1.0\"><title>T</title><id>urn:f</id>" +
                           updated + "\n" + entries(0, 1500) + "<hr:generator>" + between + "</hr:generator>" +
                           entries(1500, 1500) + "<subtitle>after the entries</subtitle>\n</feed>\n";
  const Collection atom_copied = hrnews::read_atom(atom, plain_options());
  const Collection atom_in_place = read_through_file(atom, "atom");
  CHECK(atom_in_place.feed.generator == between);
  REQUIRE(atom_in_place.feed.subtitle);
  CHECK(atom_in_place.feed.subtitle->value == "after the entries");
  CHECK(atom_in_place.feed == atom_copied.feed);
  REQUIRE(atom_in_place.items.size() == 3000);
  CHECK(atom_in_place.items == atom_copied.items);
}

// ---------------------------------------------------------------------------
// JSON Feed: the tape of the document (every string and token) is handed back
// item by item as the model is built, and the input before classification, so
// that the peak is about the input and the model, not the input, the tape and
// the model (DESIGN.md §7: under 3x the input for a 32 MB feed).

#if defined(__linux__) && defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__)
#define HRNEWS_TEST_PEAK_MEMORY 1
#endif
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#undef HRNEWS_TEST_PEAK_MEMORY  // the sanitizer keeps freed memory in quarantine
#endif
#endif

#if defined(HRNEWS_TEST_PEAK_MEMORY)
namespace {

/// A line of /proc/self/status in bytes (`VmRSS`, `VmHWM`), 0 when absent.
std::size_t status_bytes(const std::string& name) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(name + ":", 0) == 0) return std::stoul(line.substr(name.size() + 1)) * 1024;
  }
  return 0;
}

/// Bytes malloc has handed out and not yet had back.
std::size_t heap_in_use() {
  const struct mallinfo2 m = mallinfo2();
  return m.uordblks + m.hblkhd;
}

/// `count` JSON Feed items of about 3.5 KB, one per line; item 7 has a date no reader understands.
std::string jsonfeed_items(std::size_t count) {
  std::string json = "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"T\",\n"
                     "\"home_page_url\": \"https://example.org/\", \"items\": [\n";
  for (std::size_t i = 0; i < count; ++i) {
    if (i) json += ",\n";
    json += "{\"id\": \"https://example.org/item/" + std::to_string(i) + "\", \"url\": \"https://example.org/item/" +
            std::to_string(i) + "\", \"title\": \"Item " + std::to_string(i) + "\", \"date_published\": \"" +
            (i == 7 ? std::string("the day before") : std::string("2015-11-26T09:30:00Z")) +
            "\", \"tags\": [\"Torture\", \"Venezuela\"], \"content_html\": \"<p>";
    for (int k = 0; k < 75; ++k) json += "Release of the detained defenders is urged. ";
    json += "</p>\"}";
  }
  return json + "\n]}\n";
}

}  // namespace

TEST_CASE("Reading a large JSON Feed peaks at about its input and its model, not its tape on top of them",
          "[read-memory]") {
  // About 21 MB, written to a file and read as `hrnews convert` reads it.
  const auto path = hrnews_test::unique_temp_path("hrnews-read-memory-", ".json");
  std::size_t input_size = 0;
  {
    const std::string json = jsonfeed_items(6000);
    input_size = json.size();
    std::ofstream out(path, std::ios::binary);
    out << json;
  }
  REQUIRE(input_size > (std::size_t{20} << 20));
  {
    // The peak of resident memory from here on (Linux: writing 5 to clear_refs resets VmHWM).
    std::ofstream reset("/proc/self/clear_refs");
    reset << "5" << std::flush;
    if (!reset) {
      std::filesystem::remove(path);
      WARN("/proc/self/clear_refs cannot be written here: peak memory not measured");
      return;
    }
  }
  const std::size_t rss_before = status_bytes("VmRSS");
  const std::size_t heap_before = heap_in_use();
  REQUIRE(status_bytes("VmHWM") < rss_before + (std::size_t{1} << 20));  // the reset took
  ReadOptions options;
  options.file_name = "feed.json";
  const Collection c = hrnews::read_file(path.string(), "jsonfeed", options);
  const std::size_t peak = status_bytes("VmHWM") - rss_before;
  const std::size_t model = heap_in_use() - heap_before;
  std::filesystem::remove(path);

  REQUIRE(c.items.size() == 6000);
  CHECK(hrnews::article_of(c.items[5999]).title.value == "Item 5999");
  // The diagnostics are still located in the input, though it is gone by now.
  const auto bad_date = std::find_if(c.diagnostics.begin(), c.diagnostics.end(),
                                     [](const Diagnostic& d) { return d.code == "date-unparsed"; });
  REQUIRE(bad_date != c.diagnostics.end());
  CHECK(bad_date->path == "/items/7/date_published");
  CHECK(bad_date->line == std::optional<std::size_t>(10));
  // The tape (about the size of the input) alive with the model would add some 20 MB.
  INFO("input " << input_size << " bytes, model " << model << " bytes, peak " << peak << " bytes over the start");
  CHECK(model > input_size / 2);
  CHECK(peak < input_size + model + input_size / 8 + (std::size_t{4} << 20));
}
#endif
