// SPDX-License-Identifier: Apache-2.0
// Errors and diagnostics: ParseError, the non-throwing try_read, strict mode.
#include <iostream>

#include <hrnews/hrnews.hpp>
#include <hrnews/io.hpp>

int main() {
  // A syntax error: line and column.
  hrnews::ReadOptions options;
  options.file_name = "broken.json";
  try {
    hrnews::read("{\"hrnews\": \"1.0\",\n \"items\": [}", "json", options);
  } catch (const hrnews::ParseError& e) {
    std::cout << e.what() << '\n'
              << "  format " << e.format() << ", line " << e.line() << ", column " << e.column() << '\n';
  }

  // A semantic error, without exceptions: the path to the bad value.
  hrnews::Result<hrnews::Collection> result =
      hrnews::try_read(R"({"hrnews": "1.0", "items": [{"kind": "article", "id": "a", "published": "32 Nov"}]})",
                       "json", options);
  if (!result) {
    const hrnews::ParseError& e = *result.error();
    std::cout << e.what() << '\n' << "  path " << e.path() << '\n';
  }

  // A repair is a diagnostic; in strict mode it is an error.
  const char* feed =
      "<rss version=\"2.0\"><channel><title>News</title>"
      "<item><title>Geneva &amp; Paris</title><guid>1</guid><pubDate>someday</pubDate></item>"
      "</channel></rss>";
  options.file_name = "feed.xml";
  hrnews::Collection coll = hrnews::read(feed, "rss", options);
  for (const hrnews::Diagnostic& d : coll.diagnostics) std::cout << format_diagnostic(d, "feed.xml") << '\n';
  options.strict = true;
  if (auto strict = hrnews::try_read(feed, "rss", options); !strict) std::cout << strict.error()->what() << '\n';
}
