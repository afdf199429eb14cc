// SPDX-License-Identifier: Apache-2.0
// resolve_url and is_absolute_url: RFC 3986 §5.4's examples, and the cases feeds bring.
#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include <hrnews/url.hpp>

using hrnews::is_absolute_url;
using hrnews::resolve_url;

namespace {

constexpr const char* kRfcBase = "http://a/b/c/d;p?q";

void check_all(const char* base, const std::vector<std::pair<std::string, std::string>>& cases) {
  for (const auto& [reference, expected] : cases) {
    INFO("base \"" << base << "\", reference \"" << reference << "\"");
    CHECK(resolve_url(base, reference) == expected);
  }
}

}  // namespace

TEST_CASE("RFC 3986 normal examples resolve as section 5.4.1 says", "[url]") {
  check_all(kRfcBase, {
                          {"g:h", "g:h"},
                          {"g", "http://a/b/c/g"},
                          {"./g", "http://a/b/c/g"},
                          {"g/", "http://a/b/c/g/"},
                          {"/g", "http://a/g"},
                          {"//g", "http://g"},
                          {"?y", "http://a/b/c/d;p?y"},
                          {"g?y", "http://a/b/c/g?y"},
                          {"#s", "http://a/b/c/d;p?q#s"},
                          {"g#s", "http://a/b/c/g#s"},
                          {"g?y#s", "http://a/b/c/g?y#s"},
                          {";x", "http://a/b/c/;x"},
                          {"g;x", "http://a/b/c/g;x"},
                          {"g;x?y#s", "http://a/b/c/g;x?y#s"},
                          {"", "http://a/b/c/d;p?q"},
                          {".", "http://a/b/c/"},
                          {"./", "http://a/b/c/"},
                          {"..", "http://a/b/"},
                          {"../", "http://a/b/"},
                          {"../g", "http://a/b/g"},
                          {"../..", "http://a/"},
                          {"../../", "http://a/"},
                          {"../../g", "http://a/g"},
                      });
}

TEST_CASE("RFC 3986 abnormal examples resolve as section 5.4.2 says", "[url]") {
  check_all(kRfcBase, {
                          {"../../../g", "http://a/g"},
                          {"../../../../g", "http://a/g"},
                          {"/./g", "http://a/g"},
                          {"/../g", "http://a/g"},
                          {"g.", "http://a/b/c/g."},
                          {".g", "http://a/b/c/.g"},
                          {"g..", "http://a/b/c/g.."},
                          {"..g", "http://a/b/c/..g"},
                          {"./../g", "http://a/b/g"},
                          {"./g/.", "http://a/b/c/g/"},
                          {"g/./h", "http://a/b/c/g/h"},
                          {"g/../h", "http://a/b/c/h"},
                          {"g;x=1/./y", "http://a/b/c/g;x=1/y"},
                          {"g;x=1/../y", "http://a/b/c/y"},
                          {"g?y/./x", "http://a/b/c/g?y/./x"},
                          {"g?y/../x", "http://a/b/c/g?y/../x"},
                          {"g#s/./x", "http://a/b/c/g#s/./x"},
                          {"g#s/../x", "http://a/b/c/g#s/../x"},
                          {"http:g", "http:g"},  // the strict reading
                      });
}

TEST_CASE("Relative links in feeds resolve against the feed's address", "[url]") {
  check_all("https://www.omct.org/en/resources/urgent-interventions",
            {
                {"/en/news/1", "https://www.omct.org/en/news/1"},
                {"statements/2", "https://www.omct.org/en/resources/statements/2"},
                {"//cdn.omct.org/a.jpg", "https://cdn.omct.org/a.jpg"},
                {"?page=2", "https://www.omct.org/en/resources/urgent-interventions?page=2"},
                {"#top", "https://www.omct.org/en/resources/urgent-interventions#top"},
                {"mailto:info@omct.org", "mailto:info@omct.org"},
            });
  // A base with an authority and no path gets a "/" before a relative path.
  CHECK(resolve_url("https://www.fidh.org", "en/news") == "https://www.fidh.org/en/news");
  CHECK(resolve_url("https://www.fidh.org?x=1", "") == "https://www.fidh.org?x=1");
}

TEST_CASE("Without an absolute base a reference is returned unchanged", "[url]") {
  CHECK(resolve_url("", "news/1") == "news/1");
  CHECK(resolve_url("/en/", "news/1") == "news/1");
  CHECK(resolve_url("www.omct.org/en/", "../news") == "../news");
  CHECK(resolve_url("", "") == "");
}

TEST_CASE("A URL is absolute when it has a scheme", "[url]") {
  CHECK(is_absolute_url("https://www.omct.org/"));
  CHECK(is_absolute_url("urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6"));
  CHECK(is_absolute_url("mailto:info@omct.org"));
  CHECK(is_absolute_url("svn+ssh://host/repo"));
  CHECK_FALSE(is_absolute_url(""));
  CHECK_FALSE(is_absolute_url("/en/news"));
  CHECK_FALSE(is_absolute_url("//cdn.omct.org/a.jpg"));
  CHECK_FALSE(is_absolute_url("news/1:2"));  // ':' after a '/' is no scheme
  CHECK_FALSE(is_absolute_url("1http://x"));  // a scheme starts with a letter
  CHECK_FALSE(is_absolute_url(":x"));
}
