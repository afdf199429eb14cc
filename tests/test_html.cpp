// SPDX-License-Identifier: Apache-2.0
// hrnews/html.hpp: the allowlist sanitizer (one test per attack vector, exact
// output asserted), HTML to text, and the sanitize_html read option.
#include <catch2/catch.hpp>

#include <string>

#include <hrnews/html.hpp>
#include <hrnews/io.hpp>
#include <hrnews/rss.hpp>

using hrnews::html::sanitize;
using hrnews::html::to_text;

TEST_CASE("Ordinary news markup passes through the sanitizer unchanged", "[html]") {
  const std::string in =
      "<p>The <strong>Observatory</strong> welcomes the <a href=\"https://www.omct.org/x\" title=\"t\">release</a>"
      " of <em>Mr.&nbsp;Ali</em>.</p><ul><li>one</li><li>two</li></ul><br /><img src=\"/a.png\" alt=\"A\" />";
  CHECK(sanitize(in) ==
        "<p>The <strong>Observatory</strong> welcomes the <a href=\"https://www.omct.org/x\" title=\"t\">release</a>"
        " of <em>Mr.\xC2\xA0" "Ali</em>.</p><ul><li>one</li><li>two</li></ul><br /><img src=\"/a.png\" alt=\"A\" />");
}

TEST_CASE("A script element is removed with its content", "[html]") {
  CHECK(sanitize("<p>a<script>alert('<b>x</b>')</script>b</p>") == "<p>ab</p>");
  CHECK(sanitize("<SCRIPT type=text/javascript>alert(1)</SCRIPT >ok") == "ok");
  CHECK(sanitize("x<script>alert(1)") == "x");
  CHECK(sanitize("<script/src=//evil.example/x.js></script>y") == "y");
}

TEST_CASE("Event handler attributes are removed", "[html]") {
  CHECK(sanitize("<img src=\"x.png\" onerror=\"alert(1)\">") == "<img src=\"x.png\" />");
  CHECK(sanitize("<p ONCLICK=alert(1) onmouseover='x'>t</p>") == "<p>t</p>");
  CHECK(sanitize("<body onload=alert(1)>b</body>") == "b");
}

TEST_CASE("javascript: URLs are removed", "[html]") {
  CHECK(sanitize("<a href=\"javascript:alert(1)\">x</a>") == "<a>x</a>");
  CHECK(sanitize("<a href=\"JaVaScRiPt:alert(1)\">x</a>") == "<a>x</a>");
}

TEST_CASE("javascript: URLs hidden by character references, white space and control characters are removed",
          "[html]") {
  CHECK(sanitize("<a href=\"jav&#x09;ascript:alert(1)\">x</a>") == "<a>x</a>");
  CHECK(sanitize("<a href=\"jav&#9ascript:alert(1)\">x</a>") == "<a>x</a>");
  CHECK(sanitize("<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>") ==
        "<a>x</a>");
  CHECK(sanitize("<a href=\"javascript&colon;alert(1)\">x</a>") == "<a>x</a>");
  CHECK(sanitize("<a href=\" \x01 javascript:alert(1)\">x</a>") == "<a>x</a>");
  CHECK(sanitize("<a href=\"java\nscript:alert(1)\">x</a>") == "<a>x</a>");
  CHECK(sanitize("<a href=\"&#x6A;avascript&#x3A;alert(1)\">x</a>") == "<a>x</a>");
}

TEST_CASE("data: and vbscript: URLs are removed", "[html]") {
  CHECK(sanitize("<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>") == "<a>x</a>");
  CHECK(sanitize("<img src=\"data:image/svg+xml,<svg onload=alert(1)>\">") == "<img />");
  CHECK(sanitize("<a href=\"vbscript:msgbox(1)\">x</a>") == "<a>x</a>");
}

TEST_CASE("Allowed and relative URLs are kept", "[html]") {
  CHECK(sanitize("<a href=\"mailto:a@example.org\">m</a><a href=\"../b?c=1&amp;d=2#e\">r</a>") ==
        "<a href=\"mailto:a@example.org\">m</a><a href=\"../b?c=1&amp;d=2#e\">r</a>");
  CHECK(sanitize("<a href=\"/path:with:colons\">p</a>") == "<a href=\"/path:with:colons\">p</a>");
  CHECK(sanitize("<a href=\"ftp://example.org/\">f</a>") == "<a>f</a>");
  hrnews::html::SanitizeOptions no_relative;
  no_relative.allow_relative_urls = false;
  CHECK(sanitize("<a href=\"/x\">x</a>", no_relative) == "<a>x</a>");
}

TEST_CASE("style attributes with expression() or url(javascript:) are removed", "[html]") {
  CHECK(sanitize("<div style=\"width: expression(alert(1))\">d</div>") == "<div>d</div>");
  CHECK(sanitize("<p style=\"background:url(javascript:alert(1))\">p</p>") == "<p>p</p>");
}

TEST_CASE("style elements are removed with their content", "[html]") {
  CHECK(sanitize("<style>body{background:url(javascript:alert(1))}</style><p>t</p>") == "<p>t</p>");
  CHECK(sanitize("<style><img src=x onerror=alert(1)></style>after") == "after");
}

TEST_CASE("SVG is removed with its content, handlers and use references", "[html]") {
  CHECK(sanitize("<svg onload=alert(1)>") == "");
  CHECK(sanitize("<svg/onload=alert(1)>t") == "");
  CHECK(sanitize("<svg onload=alert(1) />t") == "t");
  CHECK(sanitize("a<svg><use href=\"data:image/svg+xml;base64,PHN2Zz4=#x\"/></svg>b") == "ab");
  CHECK(sanitize("<svg><svg><script>alert(1)</script></svg><a href=\"javascript:x\">in</a></svg>out") == "out");
}

TEST_CASE("MathML is removed with its content", "[html]") {
  CHECK(sanitize("<math><maction actiontype=\"statusline\" xlink:href=\"javascript:alert(1)\">click</maction>"
                 "</math>ok") == "ok");
}

TEST_CASE("Frames, plugins, forms, meta refresh and base are removed", "[html]") {
  CHECK(sanitize("<iframe src=\"https://evil.example/\">fallback</iframe>x") == "x");
  CHECK(sanitize("<object data=\"x.swf\"><param name=a value=b>fallback</object>x") == "x");
  CHECK(sanitize("<embed src=\"x.swf\">x") == "x");
  CHECK(sanitize("<form action=\"https://evil.example/\"><input name=p><button>Go</button></form>") == "Go");
  CHECK(sanitize("<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">x") == "x");
  CHECK(sanitize("<base href=\"https://evil.example/\"><a href=\"/a\">a</a>") == "<a href=\"/a\">a</a>");
  CHECK(sanitize("<link rel=stylesheet href=\"https://evil.example/x.css\">x") == "x");
}

TEST_CASE("Malformed and nested tags never produce markup", "[html]") {
  CHECK(sanitize("<scr<script>ipt>alert(1)</script>") == "ipt&gt;alert(1)");
  CHECK(sanitize("<<script>script>alert(1)<</script>/script>") == "&lt;/script&gt;");
  CHECK(sanitize("<a href=\"x\"<b>bold</a>") == "<a href=\"x\">bold</a>");
  CHECK(sanitize("<p><b>unclosed <i>tags") == "<p><b>unclosed <i>tags</i></b></p>");
  CHECK(sanitize("<b>x</i></b></p>") == "<b>x</b>");
  CHECK(sanitize("<p>a</b><b>c</p>d") == "<p>a<b>c</b></p>d");
  CHECK(sanitize("<img src=\"x.png\" onerror=\"alert(1)") == "");
  CHECK(sanitize("a < b and c > d") == "a &lt; b and c &gt; d");
  CHECK(sanitize("<a title=\"&quot;><script>alert(1)</script>\">t</a>") ==
        "<a title=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\">t</a>");
  CHECK(sanitize("<a href=x href=javascript:alert(1)>d</a>") == "<a href=\"x\">d</a>");
}

TEST_CASE("Comments, CDATA sections, processing instructions and DOCTYPEs are handled", "[html]") {
  CHECK(sanitize("a<!-- <script>alert(1)</script> -->b") == "ab");
  CHECK(sanitize("a<!--><script>alert(1)</script>-->b") == "a--&gt;b");
  CHECK(sanitize("a<!-- x --!><b>b</b>") == "a<b>b</b>");
  CHECK(sanitize("a<!-- never closed <b>x</b>") == "a");
  CHECK(sanitize("<![CDATA[<script>alert(1)</script>]]>") == "&lt;script&gt;alert(1)&lt;/script&gt;");
  CHECK(sanitize("<!DOCTYPE html><?xml version=\"1.0\"?>x") == "x");
}

TEST_CASE("srcset, class, id and other unlisted attributes are removed", "[html]") {
  CHECK(sanitize("<img src=\"a.png\" srcset=\"javascript:alert(1) 1x, b.png 2x\" class=\"c\" id=\"i\">") ==
        "<img src=\"a.png\" />");
}

TEST_CASE("Invalid UTF-8 and control characters are repaired in sanitized text", "[html]") {
  CHECK(sanitize(std::string("a\xFF" "b\x01" "c\x00" "d", 7)) == "a\xEF\xBF\xBD" "bcd");
  CHECK(sanitize("&#0;&#xD800;&#150;&#x110000;") == "\xEF\xBF\xBD\xEF\xBF\xBD\xE2\x80\x93\xEF\xBF\xBD");
}

TEST_CASE("Sanitizing twice gives the result of sanitizing once", "[html]") {
  const char* inputs[] = {"<a href=\"x\"<b>bold</a>", "<p>a &amp;amp; b &lt;i&gt;</p>",
                          "<scr<script>ipt>alert(1)</script>", "<![CDATA[<b>]]>", "<img src=a.png alt='\"'>"};
  for (const char* in : inputs) {
    const std::string once = sanitize(in);
    CHECK(sanitize(once) == once);
  }
}

TEST_CASE("Elements nested deeper than max_depth are dropped but their text is kept", "[html]") {
  hrnews::html::SanitizeOptions shallow;
  shallow.max_depth = 2;
  CHECK(sanitize("<div><p><b>x</b></p></div>", shallow) == "<div><p>x</p></div>");
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<div>";
  const std::string out = sanitize(deep + "x");
  CHECK(out.size() == 256 * (5 + 6) + 1);
}

TEST_CASE("HTML becomes plain text with line breaks for blocks", "[html]") {
  CHECK(to_text("<p>The  Observatory\n welcomes&nbsp;the <b>release</b>.</p><p>Second&#160;para</p>") ==
        "The Observatory welcomes the release.\n\nSecond para");
  CHECK(to_text("<ul><li>one</li><li>two</li></ul>after") == "one\ntwo\n\nafter");
  CHECK(to_text("line<br>next<br/>last") == "line\nnext\nlast");
  CHECK(to_text("  <div> a </div><div>b</div>  ") == "a\nb");
  CHECK(to_text("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>") == "a b\nc");
  CHECK(to_text("x<script>var a = '<p>';</script><style>p{}</style>y<!-- c -->z") == "xyz");
  CHECK(to_text("Fish &amp; Chips &lt;3 &eacute;t&eacute; &#x2014; &unknown;") ==
        "Fish & Chips <3 \xC3\xA9t\xC3\xA9 \xE2\x80\x94 &unknown;");
  CHECK(to_text("") == "");
}

TEST_CASE("The sanitize_html read option sanitizes HTML summaries and contents of feeds", "[html]") {
  const std::string rss =
      "<rss version=\"2.0\"><channel><title>T</title><link>https://example.org/</link><description>d</description>"
      "<item><title>A</title><link>https://example.org/a</link>"
      "<description>&lt;p onclick=\"x\"&gt;Hi&lt;script&gt;alert(1)&lt;/script&gt;&lt;/p&gt;</description>"
      "</item></channel></rss>";
  hrnews::ReadOptions plain;
  plain.classify = false;
  const hrnews::Collection raw = hrnews::read_rss(rss, plain);
  REQUIRE(raw.items.size() == 1);
  REQUIRE(hrnews::article_of(raw.items[0]).summary);
  CHECK(hrnews::article_of(raw.items[0]).summary->value == "<p onclick=\"x\">Hi<script>alert(1)</script></p>");

  hrnews::ReadOptions safe = plain;
  safe.sanitize_html = true;
  const hrnews::Collection clean = hrnews::read_rss(rss, safe);
  REQUIRE(hrnews::article_of(clean.items[0]).summary);
  CHECK(hrnews::article_of(clean.items[0]).summary->value == "<p>Hi</p>");
  CHECK(hrnews::article_of(clean.items[0]).summary->type == hrnews::TextType::html);
}
