// SPDX-License-Identifier: Apache-2.0
// Reading with classification on classifies each item and takes relate()'s
// facts of it in one pass (detail::classify_items + detail::Relater): the
// result must be what classify() then relate() give.
#include <catch2/catch.hpp>

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include <hrnews/classify.hpp>
#include <hrnews/relate.hpp>
#include <hrnews/rss.hpp>

#include "classify_detail.hpp"
#include "relate_detail.hpp"
#include "test_support.hpp"

using hrnews::Collection;
using hrnews_test::slurp;
using hrnews::RelationType;

namespace {

/// An RSS feed whose items are translations, follow-ups and an appeal whose case
/// reference stands only far into its body (found by relate(), not by classify()).
std::string related_feed() {
  std::string body_ref = "<p>" + std::string(3000, 'x') + "</p><p>Ref.: BDI 002 / 0421 / OBS 033</p>";
  return R"(<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>t</title><link>https://example.org/</link><description>d</description>
<language>en</language>
<item><title>Mauritania: Transfer of IRA leaders (MRT 001 / 1114 / OBS 094)</title>
<link>https://example.org/en/news/mauritania</link><category domain="type">Urgent Interventions</category></item>
<item><title>Mauritanie : transfert des dirigeants de l'IRA, qui sont toujours en détention arbitraire (MRT 001 / 1114 / OBS 094)</title>
<link>https://example.org/fr/news/mauritania</link><category domain="type">Urgent Interventions</category></item>
<item><title>Mauritania: Release of IRA leaders (MRT 001 / 1114 / OBS 094.1)</title>
<link>https://example.org/en/news/mauritania-release</link><category domain="type">Urgent Interventions</category></item>
<item><title>Venezuela: Restrictions on NGOs</title><link>https://example.org/news/venezuela-en</link></item>
<item><title>Venezuela: Restricciones a las ONG</title><link>https://example.org/news/venezuela-es</link></item>
<item><title>Burundi: Judicial harassment of a defender</title><link>https://example.org/en/news/burundi</link>
<category domain="type">Urgent Interventions</category><content:encoded><![CDATA[)" +
         body_ref + R"(]]></content:encoded></item>
</channel></rss>)";
}

/// `text` read without classification, then classified and related.
Collection classified_then_related(const std::string& text) {
  hrnews::ReadOptions off;
  off.classify = false;
  Collection c = hrnews::read_rss(text, off);
  hrnews::classify(c);
  hrnews::relate(c);
  return c;
}

std::size_t count_relations(const Collection& c, RelationType rel) {
  std::size_t n = 0;
  for (const hrnews::Item& item : c.items)
    for (const hrnews::Relation& r : hrnews::article_of(item).related) n += r.rel == rel;
  return n;
}

}  // namespace

TEST_CASE("reading with classification gives what classify() then relate() give", "[classify][relate]") {
  const std::string feed = related_feed();
  const Collection read = hrnews::read_rss(feed);
  CHECK(read == classified_then_related(feed));
  // The feed exercises relate(): translations, a follow-up, a reference found in a body.
  CHECK(count_relations(read, RelationType::translation_of) == 2);
  CHECK(count_relations(read, RelationType::follow_up_of) == 1);
  const auto* burundi = std::get_if<hrnews::Intervention>(&read.items[5]);
  REQUIRE(burundi);
  REQUIRE(burundi->case_ref);
  CHECK(burundi->case_ref->format() == "BDI 002 / 0421 / OBS 033");
  CHECK(hrnews::article_of(read.items[1]).language_inferred);
}

TEST_CASE("the seed collection read with classification is what classify() then relate() give", "[classify][relate]") {
  for (const char* name : {"/seed/omct-2015-11-plain.rss", "/classify/omct-2015-11.rss"}) {
    INFO(name);
    const std::string text = slurp(std::string(HRNEWS_TEST_DATA_DIR) + name);
    CHECK(hrnews::read_rss(text) == classified_then_related(text));
  }
}

TEST_CASE("classify_items calls back with each item right after classifying it, in order", "[classify]") {
  hrnews::ReadOptions off;
  off.classify = false;
  Collection c = hrnews::read_rss(related_feed(), off);
  struct Seen {
    Collection* c;
    std::vector<std::pair<std::size_t, bool>> calls;  // index, that item an intervention already
    std::vector<bool> next_untouched;                 // the next item still an article
  } seen{&c, {}, {}};
  hrnews::detail::classify_items(c, hrnews::builtin_taxonomy(), hrnews::ClassifyOptions{},
                                 [](void* context, std::size_t i, const hrnews::detail::ReferenceHint&) {
                                   auto& s = *static_cast<Seen*>(context);
                                   s.calls.emplace_back(i, std::holds_alternative<hrnews::Intervention>(s.c->items[i]));
                                   if (i + 1 < s.c->items.size())
                                     s.next_untouched.push_back(std::holds_alternative<hrnews::Article>(s.c->items[i + 1]));
                                 },
                                 &seen);
  const std::vector<std::pair<std::size_t, bool>> expected{{0, true}, {1, true}, {2, true},
                                                           {3, false}, {4, false}, {5, true}};
  CHECK(seen.calls == expected);
  CHECK(seen.next_untouched == std::vector<bool>(5, true));
}

TEST_CASE("a Relater fed item by item gives what relate() gives", "[relate]") {
  hrnews::ReadOptions off;
  off.classify = false;
  Collection a = hrnews::read_rss(related_feed(), off);
  hrnews::classify(a);
  Collection b = a;
  const hrnews::RelateResult ra = hrnews::relate(a);
  hrnews::detail::Relater relater(b, hrnews::RelateOptions{});
  for (std::size_t i = 0; i < b.items.size(); ++i) relater.add(i);
  const hrnews::RelateResult rb = relater.finish();
  CHECK(a == b);
  CHECK(ra.translations == rb.translations);
  CHECK(ra.follow_ups == rb.follow_ups);
  CHECK(ra.case_references == rb.case_references);
  CHECK(rb.translations == 2);
  CHECK(rb.follow_ups == 1);
  CHECK(rb.case_references == 1);
}

namespace {

/// A feed with everything whose order finish_feed fixes: a
/// repair of the reader (an unparseable date), items without ids (derived,
/// also from the date), unknown category labels, inferred languages,
/// translations and a follow-up.
std::string mixed_feed() {
  return R"(<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>t</title><link>https://example.org/</link><description>d</description>
<language>en</language>
<item><title>Mauritania: Transfer of IRA leaders (MRT 001 / 1114 / OBS 094)</title>
<category domain="type">Urgent Interventions</category><category>Not A Theme Anywhere</category>
<pubDate>Thu, 26 Nov 2015 09:30:00 +0100</pubDate></item>
<item><title>Mauritanie : transfert des dirigeants de l'IRA, qui sont toujours en détention arbitraire (MRT 001 / 1114 / OBS 094)</title>
<category domain="type">Urgent Interventions</category><pubDate>not a date</pubDate></item>
<item><title>Mauritania: Release of IRA leaders (MRT 001 / 1114 / OBS 094.1)</title>
<link>https://example.org/en/news/mauritania-release</link><category>Another Unknown Label</category>
<category>Not A Theme Anywhere</category></item>
<item><title>Venezuela: Restricciones a las ONG y hostigamiento judicial de los defensores de derechos humanos en el país</title>
<link>https://example.org/news/venezuela-es</link></item>
<item><title>Venezuela: Restrictions on NGOs</title><link>https://example.org/news/venezuela-en</link></item>
<item><title>Sans lien : les défenseurs des droits humains sont toujours victimes de harcèlement judiciaire</title></item>
</channel></rss>)";
}

std::vector<std::string> codes(const Collection& c) {
  std::vector<std::string> out;
  for (const hrnews::Diagnostic& d : c.diagnostics) out.push_back(d.code);
  return out;
}

}  // namespace

TEST_CASE("reading RSS with classification gives classify() then relate()'s items, ids and diagnostics order",
          "[classify][relate][rss]") {
  const std::string feed = mixed_feed();
  const Collection read = hrnews::read_rss(feed);
  const Collection expected = classified_then_related(feed);
  CHECK(read == expected);
  CHECK(codes(read) == codes(expected));
  // The reader's repair, then every derived id, then what classification found.
  const std::vector<std::string> order{"date-unparsed",     "id-derived",        "id-derived",
                                       "id-derived",        "id-derived",        "id-derived",
                                       "id-derived",        "language-inferred", "language-inferred",
                                       "language-inferred", "unknown-category"};
  CHECK(codes(read) == order);
  CHECK(read.diagnostics.back().message ==
        "2 category labels not in the taxonomy, kept as raw categories: \"Not A Theme Anywhere\" (2), "
        "\"Another Unknown Label\" (1)");
  CHECK(read.diagnostics[2].path == "/items/1");
  CHECK(read.diagnostics[7].path == "/items/1/language");
  CHECK(count_relations(read, RelationType::translation_of) == 2);
  CHECK(count_relations(read, RelationType::follow_up_of) == 1);
  CHECK(hrnews::article_of(read.items[1]).language_inferred);
  CHECK(hrnews::article_of(read.items[5]).language_inferred);
}

TEST_CASE("the RSS fixtures read with classification are what classify() then relate() give",
          "[classify][relate][rss]") {
  // Among them: derived ids, inferred languages, a channel with hr: children
  // (applied after the items: what they set must be seen by classification), broken items.
  for (const char* name : {"/rss/no-ids.xml", "/rss/messy.xml", "/rss/relative-urls.xml", "/rss/rss-0.90.xml",
                           "/rss/hr-extension.xml", "/rss/broken-items.xml", "/rss/rdf-1.0.xml",
                           "/feeds/ext-id-derived-hash.rss"}) {
    INFO(name);
    const std::string text = slurp(std::string(HRNEWS_TEST_DATA_DIR) + name);
    const Collection read = hrnews::read_rss(text);
    CHECK(read == classified_then_related(text));
    CHECK(codes(read) == codes(classified_then_related(text)));
  }
}

TEST_CASE("an RSS channel whose hr: children set its language after the items is classified with that language",
          "[classify][rss]") {
  // <h:language> is applied after the items are read: a reader that classified
  // each item as it read it would miss it (the message would not name the feed's language).
  const std::string feed = R"(<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:h="urn:hrnews:feed-extension:1.0"><channel><title>t</title><link>https://example.org/</link>
<description>d</description>
<item><title>Mauritanie : transfert des dirigeants de l'IRA, qui sont toujours en détention arbitraire</title>
<guid>a</guid></item>
<h:language>en</h:language>
</channel></rss>)";
  const Collection read = hrnews::read_rss(feed);
  CHECK(read == classified_then_related(feed));
  REQUIRE(read.diagnostics.size() == 1);
  const std::string prefix = "language \"fr\" inferred from the text (confidence ";
  REQUIRE(read.diagnostics[0].message.size() == prefix.size() + 4 + 25);
  CHECK(read.diagnostics[0].message ==
        prefix + read.diagnostics[0].message.substr(prefix.size(), 4) + "); the feed declares \"en\"");
}

namespace {

/// A feed whose case references stand where classification and relate()'s
/// searches differ: after a reference of another scheme, only in a category
/// or a summary, beyond the beginning of a body classification searches, in
/// a summary classification itself writes. Each reference shows in the
/// result (a case_ref, a follow-up).
std::string reference_feed() {
  const std::string pad(2500, 'x');
  return R"(<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>t</title><link>https://example.org/</link><description>d</description>
<language>en</language>
<item><title>Statement on AMR 18/0485/2019 and UA 229/10</title><guid>a1</guid></item>
<item><title>Further information on UA 229/10: released</title><guid>a2</guid></item>
<item><title>Statement on the trial</title><guid>b1</guid><description>See EUR 44/1234/2019, then UA 101/12.</description></item>
<item><title>Further information on UA 101/12</title><guid>b2</guid></item>
<item><title>Statement on a defender</title><guid>c1</guid><category>UA 300/15</category></item>
<item><title>Further information on UA 300/15</title><guid>c2</guid></item>
<item><title>Burundi</title><guid>d1</guid><category domain="type">Urgent Interventions</category>
<content:encoded><![CDATA[<p>Hearing of 12/05 postponed.</p><p>)" + pad + R"(</p><p>Ref.: BDI 002 / 0421 / OBS 033</p>]]></content:encoded></item>
<item><title>Burundi: Judicial harassment</title><guid>d2</guid><category domain="type">Urgent Interventions</category>
<content:encoded><![CDATA[<p>)" + pad + R"(</p><p>Ref.: BDI 003 / 0421 / OBS 034</p>]]></content:encoded></item>
<item><title>Togo: Arbitrary detention</title><guid>e1</guid><category domain="type">Urgent Interventions</category>
<content:encoded><![CDATA[<p>)" + std::string(9000, 'y') + R"(</p>
<p>Brief description of the situation:</p><p>The Observatory (UA 77/14) was informed of the detention.</p>
<p>Actions requested:</p><p>Release him.</p>]]></content:encoded></item>
</channel></rss>)";
}

const hrnews::Article& by_id(const Collection& c, const std::string& id) {
  for (const hrnews::Item& item : c.items)
    if (hrnews::article_of(item).id == id) return hrnews::article_of(item);
  FAIL("no item " << id);
  throw 0;
}

std::string case_ref_of(const Collection& c, const std::string& id) {
  for (const hrnews::Item& item : c.items)
    if (const auto* iv = std::get_if<hrnews::Intervention>(&item); iv && iv->id == id && iv->case_ref)
      return iv->case_ref->format();
  return {};
}

bool follows(const Collection& c, const std::string& id, const std::string& target) {
  for (const hrnews::Relation& r : by_id(c, id).related)
    if (r.rel == RelationType::follow_up_of && r.id_or_url == target) return true;
  return false;
}

}  // namespace

TEST_CASE("references that only relate() finds are found the same when reading with classification",
          "[classify][relate]") {
  const std::string feed = reference_feed();
  const Collection read = hrnews::read_rss(feed);
  CHECK(read == classified_then_related(feed));
  // A UA reference after an Amnesty index reference in a title (classification
  // stops at the first), in a summary after one, in a category of an article.
  CHECK(follows(read, "a2", "a1"));
  CHECK(follows(read, "b2", "b1"));
  CHECK(follows(read, "c2", "c1"));
  CHECK(std::holds_alternative<hrnews::Article>(read.items[0]));
  CHECK(std::holds_alternative<hrnews::Article>(read.items[2]));
  CHECK(std::holds_alternative<hrnews::Article>(read.items[4]));
  // Beyond the 2 KB of a body classification searches: after a slash with a
  // digit before it (a date), and after none.
  CHECK(case_ref_of(read, "d1") == "BDI 002 / 0421 / OBS 033");
  CHECK(case_ref_of(read, "d2") == "BDI 003 / 0421 / OBS 034");
  // In the summary classification wrote from the body's situation (the
  // reference is beyond the 8 KB of the body relate() searches).
  REQUIRE(by_id(read, "e1").summary);
  CHECK(by_id(read, "e1").summary->value.find("UA 77/14") != std::string::npos);
  CHECK(case_ref_of(read, "e1") == "UA 77/14");
}

TEST_CASE("classify_items tells which texts hold no case reference", "[classify]") {
  hrnews::ReadOptions off;
  off.classify = false;
  Collection c = hrnews::read_rss(reference_feed(), off);
  std::vector<hrnews::detail::ReferenceHint> hints;
  hrnews::detail::classify_items(c, hrnews::builtin_taxonomy(), hrnews::ClassifyOptions{},
                                 [](void* context, std::size_t, const hrnews::detail::ReferenceHint& hint) {
                                   static_cast<std::vector<hrnews::detail::ReferenceHint>*>(context)->push_back(hint);
                                 },
                                 &hints);
  REQUIRE(hints.size() == c.items.size());
  auto names = [](std::string_view view, const std::string& text) {
    return view.data() == text.data() && view.size() == text.size();
  };
  const hrnews::Article& a1 = hrnews::article_of(c.items[0]);
  CHECK(hints[0].title.empty());  // an Amnesty index reference: searched again for a UA one
  CHECK(hints[0].categories == nullptr);
  const hrnews::Article& b1 = hrnews::article_of(c.items[2]);
  CHECK(names(hints[2].title, b1.title.value));
  CHECK(hints[2].summary.empty());
  const hrnews::Article& c1 = hrnews::article_of(c.items[4]);
  CHECK(names(hints[4].title, c1.title.value));
  CHECK(hints[4].categories == nullptr);  // an article's categories: not searched by classification
  // An intervention without a reference: its categories too, and the head of its body without a date.
  const hrnews::Article& d1 = hrnews::article_of(c.items[6]);
  CHECK(hints[6].categories == d1.categories.data());
  CHECK(hints[6].content_head.empty());  // 12/05
  const hrnews::Article& d2 = hrnews::article_of(c.items[7]);
  CHECK(names(hints[7].title, d2.title.value));
  CHECK(hints[7].categories == d2.categories.data());
  CHECK(hints[7].category_count == d2.categories.size());
  CHECK(hints[7].content_head.data() == d2.content->value.data());
  CHECK(hints[7].content_head.size() == 2048);
  CHECK(a1.id == "a1");
}

TEST_CASE("a Relater searches what a hint does not name, and a text replaced since", "[relate]") {
  hrnews::ReadOptions off;
  off.classify = false;
  Collection c = hrnews::read_rss(reference_feed(), off);
  hrnews::classify(c);
  // c1's category holds its reference: a hint naming its title and summary changes nothing.
  hrnews::Article& c1 = hrnews::article_of(c.items[4]);
  hrnews::Article& a1 = hrnews::article_of(c.items[0]);
  {
    Collection x = c;
    hrnews::detail::ReferenceHint hint;
    hint.title = hrnews::article_of(x.items[4]).title.value;
    hrnews::detail::Relater relater(x, hrnews::RelateOptions{});
    for (std::size_t i = 0; i < x.items.size(); ++i) {
      if (i == 4) relater.add(i, hint);
      else relater.add(i);
    }
    relater.finish();
    CHECK(follows(x, "c2", "c1"));
  }
  // A hint is believed: naming a text with a reference hides it (here, a1's title)…
  {
    Collection x = c;
    hrnews::detail::ReferenceHint hint;
    hint.title = hrnews::article_of(x.items[0]).title.value;
    hrnews::detail::Relater relater(x, hrnews::RelateOptions{});
    for (std::size_t i = 0; i < x.items.size(); ++i) {
      if (i == 0) relater.add(i, hint);
      else relater.add(i);
    }
    relater.finish();
    CHECK_FALSE(follows(x, "a2", "a1"));
  }
  // … unless the text was replaced since (another address or size).
  {
    Collection x = c;
    hrnews::detail::ReferenceHint hint;
    const std::string before = hrnews::article_of(x.items[0]).title.value;
    hint.title = hrnews::article_of(x.items[0]).title.value;
    hrnews::article_of(x.items[0]).title.value = before + " ";
    hrnews::detail::Relater relater(x, hrnews::RelateOptions{});
    for (std::size_t i = 0; i < x.items.size(); ++i) {
      if (i == 0) relater.add(i, hint);
      else relater.add(i);
    }
    relater.finish();
    CHECK(follows(x, "a2", "a1"));
  }
  CHECK(c1.id == "c1");
  CHECK(a1.id == "a1");
}
