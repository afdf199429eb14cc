// SPDX-License-Identifier: Apache-2.0
// CaseReference: the Observatory/OMCT and Amnesty International numbering schemes.
#include <catch2/catch.hpp>

#include <string>

#include <hrnews/case_reference.hpp>

using hrnews::CaseReference;
using hrnews::CaseScheme;

namespace {

struct Parts {
  CaseScheme scheme;
  std::string country;
  int number;
  int month;
  int year;
  std::string programme;
  int serial;
  int follow_up;
  std::string formatted;
};

void check_parts(const std::string& text, const Parts& p) {
  INFO("input: \"" << text << "\"");
  auto r = CaseReference::parse(text);
  CHECK(r.scheme() == p.scheme);
  CHECK(r.raw() == text);
  CHECK(r.country() == p.country);
  CHECK(r.number() == p.number);
  CHECK(r.month() == p.month);
  CHECK(r.year() == p.year);
  CHECK(r.programme() == p.programme);
  CHECK(r.serial() == p.serial);
  CHECK(r.follow_up() == p.follow_up);
  CHECK(r.is_follow_up() == (p.follow_up > 0));
  CHECK(r.format() == p.formatted);
}

void check_unknown(const std::string& text) {
  INFO("input: \"" << text << "\"");
  auto r = CaseReference::parse(text);
  CHECK(r.scheme() == CaseScheme::unknown);
  CHECK(r.raw() == text);
  CHECK(r.format() == text);
  CHECK(r.country().empty());
  CHECK(r.programme().empty());
  CHECK(r.number() == 0);
  CHECK(r.month() == 0);
  CHECK(r.year() == 0);
  CHECK(r.serial() == 0);
  CHECK(r.follow_up() == 0);
  CHECK_FALSE(r.is_follow_up());
  CHECK(r.base() == r);
}

}  // namespace

TEST_CASE("A default case reference is empty and of unknown scheme", "[case-reference]") {
  CaseReference r;
  CHECK(r.scheme() == CaseScheme::unknown);
  CHECK(r.raw().empty());
  CHECK(r.format().empty());
  CHECK(r == CaseReference::parse(""));
}

TEST_CASE("Observatory references are parsed into their parts", "[case-reference]") {
  check_parts("TUR 005 / 0717 / OBS 078.6",
              {CaseScheme::observatory, "TUR", 5, 7, 2017, "OBS", 78, 6, "TUR 005 / 0717 / OBS 078.6"});
  check_parts("AZE001 / 0813 / OBS 071",
              {CaseScheme::observatory, "AZE", 1, 8, 2013, "OBS", 71, 0, "AZE 001 / 0813 / OBS 071"});
  check_parts("AZE 001 / 0815 / OBS 070.1",
              {CaseScheme::observatory, "AZE", 1, 8, 2015, "OBS", 70, 1, "AZE 001 / 0815 / OBS 070.1"});
  check_parts("EGY 012 / 1015 / OBS 090",
              {CaseScheme::observatory, "EGY", 12, 10, 2015, "OBS", 90, 0, "EGY 012 / 1015 / OBS 090"});
  check_parts("RUS 1234 / 1299 / OBS 1234.123",
              {CaseScheme::observatory, "RUS", 1234, 12, 1999, "OBS", 1234, 123, "RUS 1234 / 1299 / OBS 1234.123"});
}

TEST_CASE("Observatory references tolerate spacing and case variants", "[case-reference]") {
  const Parts tur{CaseScheme::observatory, "TUR", 5, 7, 2017, "OBS", 78, 6, "TUR 005 / 0717 / OBS 078.6"};
  const char* variants[] = {
      "TUR 005 / 0717 / OBS 078.6",   "TUR005/0717/OBS078.6",         "tur 005/0717/obs 078.6",
      "Tur 005 / 0717 / Obs 078.6",   "TUR  005  /  0717  /  OBS  078 . 6", "  TUR 005 / 0717 / OBS 078.6  ",
      "\tTUR 005 / 0717 / OBS 078.6\n", "TUR 5 / 0717 / OBS 78.6",    "TUR\xc2\xa0" "005 / 0717 / OBS\xc2\xa0" "078.6",
  };
  for (const char* v : variants) check_parts(v, tur);
}

TEST_CASE("Observatory programmes of two to four letters are read", "[case-reference]") {
  check_parts("MEX 003 / 0615 / ST 012",
              {CaseScheme::observatory, "MEX", 3, 6, 2015, "ST", 12, 0, "MEX 003 / 0615 / ST 012"});
  check_parts("MEX 003 / 0615 / OBSV 012.2",
              {CaseScheme::observatory, "MEX", 3, 6, 2015, "OBSV", 12, 2, "MEX 003 / 0615 / OBSV 012.2"});
}

TEST_CASE("Observatory two-digit years are 19xx from 70 and 20xx below", "[case-reference]") {
  CHECK(CaseReference::parse("TUR 005 / 0769 / OBS 078").year() == 2069);
  CHECK(CaseReference::parse("TUR 005 / 0770 / OBS 078").year() == 1970);
  CHECK(CaseReference::parse("TUR 005 / 0700 / OBS 078").year() == 2000);
  CHECK(CaseReference::parse("TUR 005 / 0798 / OBS 078").year() == 1998);
}

TEST_CASE("Amnesty urgent actions are parsed, with Further information", "[case-reference]") {
  check_parts("UA 229/10", {CaseScheme::amnesty_ua, "", 229, 0, 2010, "", 0, 0, "UA 229/10"});
  check_parts("Further information on UA 229/10",
              {CaseScheme::amnesty_ua, "", 229, 0, 2010, "", 0, 1, "Further information on UA 229/10"});
  check_parts("further  information on ua 229/10",
              {CaseScheme::amnesty_ua, "", 229, 0, 2010, "", 0, 1, "Further information on UA 229/10"});
  check_parts("FURTHER INFORMATION ON UA 229/10",
              {CaseScheme::amnesty_ua, "", 229, 0, 2010, "", 0, 1, "Further information on UA 229/10"});
  check_parts("Further\xc2\xa0information\ton UA 229/10",
              {CaseScheme::amnesty_ua, "", 229, 0, 2010, "", 0, 1, "Further information on UA 229/10"});
  check_parts("FI on UA 229/10",
              {CaseScheme::amnesty_ua, "", 229, 0, 2010, "", 0, 1, "Further information on UA 229/10"});
  check_parts("UA: 229/10", {CaseScheme::amnesty_ua, "", 229, 0, 2010, "", 0, 0, "UA 229/10"});
  check_parts("UA229/10", {CaseScheme::amnesty_ua, "", 229, 0, 2010, "", 0, 0, "UA 229/10"});
  check_parts("UA 229 / 10", {CaseScheme::amnesty_ua, "", 229, 0, 2010, "", 0, 0, "UA 229/10"});
  check_parts("UA 1/05", {CaseScheme::amnesty_ua, "", 1, 0, 2005, "", 0, 0, "UA 1/05"});
  check_parts("UA 229/2010", {CaseScheme::amnesty_ua, "", 229, 0, 2010, "", 0, 0, "UA 229/10"});
  check_parts("UA 100/98", {CaseScheme::amnesty_ua, "", 100, 0, 1998, "", 0, 0, "UA 100/98"});
}

TEST_CASE("Amnesty index numbers are parsed", "[case-reference]") {
  check_parts("AMR 18/0485/2019", {CaseScheme::amnesty_index, "AMR", 485, 0, 2019, "", 18, 0, "AMR 18/0485/2019"});
  check_parts("AI Index: AMR 18/0485/2019",
              {CaseScheme::amnesty_index, "AMR", 485, 0, 2019, "", 18, 0, "AMR 18/0485/2019"});
  auto old_style = CaseReference::parse("Index: EUR 44/012/2015");  // three-digit document numbers (before 2015)
  CHECK(old_style.scheme() == CaseScheme::amnesty_index);
  CHECK(old_style.country() == "EUR");
  CHECK(old_style.serial() == 44);
  CHECK(old_style.number() == 12);
  CHECK(old_style.year() == 2015);
  check_parts("mde 12 / 3456 / 2016",
              {CaseScheme::amnesty_index, "MDE", 3456, 0, 2016, "", 12, 0, "MDE 12/3456/2016"});
}

TEST_CASE("Unknown schemes keep their raw text", "[case-reference]") {
  check_unknown("");
  check_unknown("hello");
  check_unknown("Case 2015-42");
  check_unknown("OMCT/AZE/2015/1");
  check_unknown("Référence : affaire n° 12");
  check_unknown("  padded  ");
  check_unknown("\xd0\x94\xd0\xb5\xd0\xbb\xd0\xbe 5");  // Cyrillic
}

TEST_CASE("Near misses are not taken for a known scheme", "[case-reference]") {
  const char* near_misses[] = {
      // Observatory: month 13 or 00, wrong digit counts, wrong letter counts, trailing junk
      "TUR 005 / 1317 / OBS 078", "TUR 005 / 0017 / OBS 078", "TUR 005 / 717 / OBS 078", "TUR 005 / 07017 / OBS 078",
      "TUR 12345 / 0717 / OBS 078", "TUR / 0717 / OBS 078", "TUR 005 / 0717 / OBS", "TUR 005 / 0717 / OBS 12345",
      "TURK 005 / 0717 / OBS 078", "TU 005 / 0717 / OBS 078", "TUR 005 / 0717 / O 078", "TUR 005 / 0717 / OBSVX 078",
      "TUR 005 / 0717 / OBS 078 x", "TUR 005 / 0717 / OBS 078.", "TUR 005 / 0717 / OBS 078.1234",
      "TUR 005 / 0717 / OBS 078.6.1", "TUR 005 - 0717 - OBS 078", "TUR 005 / 0717 / OBS 078 / 1", "x TUR 005 / 0717 / OBS 078",
      "T1R 005 / 0717 / OBS 078",
      // Amnesty UA: wrong digit counts, junk
      "UA 229/1", "UA 229/100", "UA 229/20101", "UA 22999/10", "UA /10", "UA 229", "UA 229/10 bis", "UAE 229/10",
      "Further information UA 229/10", "More information on UA 229/10", "UA 229-10",
      // Amnesty index: wrong digit counts, junk
      "AMR 1/0485/2019", "AMR 123/0485/2019", "AMR 18/48/2019", "AMR 18/04850/2019", "AMR 18/0485/19",
      "AMR 18/0485/2019/", "AMR 18/0485/2019 x", "AM 18/0485/2019", "AMRX 18/0485/2019",
      "Further information on AMR 18/0485/2019",
  };
  for (const char* text : near_misses) check_unknown(text);
}

TEST_CASE("The raw text is kept verbatim for every scheme", "[case-reference]") {
  const char* texts[] = {"  tur005/0717/obs078.6 ", "further information on ua 229/10", "ai index: amr 18/0485/2019",
                         "not a reference"};
  for (const char* t : texts) CHECK(CaseReference::parse(t).raw() == t);
}

TEST_CASE("format() gives the canonical text, which parses to the same parts", "[case-reference]") {
  const char* texts[] = {"tur005/0717/obs078.6", "AZE001 / 0813 / OBS 071", "further  information on ua 229/10",
                         "UA 229/2010", "AI Index: AMR 18/0485/2019", "Index: EUR 44/012/2015"};
  for (const char* t : texts) {
    INFO(t);
    auto r = CaseReference::parse(t);
    auto canonical = CaseReference::parse(r.format());
    CHECK(canonical.scheme() == r.scheme());
    CHECK(canonical.format() == r.format());
    CHECK(canonical.raw() == r.format());
    CHECK(canonical.country() == r.country());
    CHECK(canonical.number() == r.number());
    CHECK(canonical.month() == r.month());
    CHECK(canonical.year() == r.year());
    CHECK(canonical.programme() == r.programme());
    CHECK(canonical.serial() == r.serial());
    CHECK(canonical.follow_up() == r.follow_up());
    CHECK(canonical.same_case(r));
  }
}

TEST_CASE("base() removes the follow-up part", "[case-reference]") {
  auto followup = CaseReference::parse("TUR 005 / 0717 / OBS 078.6");
  auto base = followup.base();
  CHECK(base.scheme() == CaseScheme::observatory);
  CHECK(base.follow_up() == 0);
  CHECK_FALSE(base.is_follow_up());
  CHECK(base.raw() == "TUR 005 / 0717 / OBS 078");
  CHECK(base.format() == "TUR 005 / 0717 / OBS 078");
  CHECK(base.serial() == 78);
  CHECK(base.number() == 5);

  auto fi = CaseReference::parse("Further information on UA 229/10");
  CHECK(fi.base().raw() == "UA 229/10");
  CHECK(fi.base().follow_up() == 0);
  CHECK(fi.base().scheme() == CaseScheme::amnesty_ua);

  // a first appeal is its own base, raw text included
  auto first = CaseReference::parse("AZE001 / 0813 / OBS 071");
  CHECK(first.base() == first);
  CHECK(first.base().raw() == "AZE001 / 0813 / OBS 071");
  auto index = CaseReference::parse("AMR 18/0485/2019");
  CHECK(index.base() == index);
  auto unknown = CaseReference::parse("whatever 1.2");
  CHECK(unknown.base() == unknown);
}

TEST_CASE("same_case() compares the cases, not the texts", "[case-reference]") {
  auto a = CaseReference::parse("TUR 005 / 0717 / OBS 078.6");
  CHECK(a.same_case(CaseReference::parse("TUR 005 / 0717 / OBS 078")));
  CHECK(a.same_case(CaseReference::parse("tur005/0717/obs078.2")));
  CHECK(a.same_case(a));
  CHECK_FALSE(a.same_case(CaseReference::parse("TUR 005 / 0717 / OBS 079.6")));
  CHECK_FALSE(a.same_case(CaseReference::parse("TUR 006 / 0717 / OBS 078.6")));
  CHECK_FALSE(a.same_case(CaseReference::parse("TUR 005 / 0817 / OBS 078.6")));
  CHECK_FALSE(a.same_case(CaseReference::parse("TUR 005 / 0716 / OBS 078.6")));
  CHECK_FALSE(a.same_case(CaseReference::parse("AZE 005 / 0717 / OBS 078.6")));
  CHECK_FALSE(a.same_case(CaseReference::parse("TUR 005 / 0717 / OBX 078.6")));

  auto ua = CaseReference::parse("Further information on UA 229/10");
  CHECK(ua.same_case(CaseReference::parse("UA 229/10")));
  CHECK(ua.same_case(CaseReference::parse("UA 229/2010")));
  CHECK_FALSE(ua.same_case(CaseReference::parse("UA 229/11")));
  CHECK_FALSE(ua.same_case(CaseReference::parse("UA 230/10")));

  auto idx = CaseReference::parse("AMR 18/0485/2019");
  CHECK(idx.same_case(CaseReference::parse("AI Index: amr 18/485/2019")));
  CHECK_FALSE(idx.same_case(CaseReference::parse("AMR 18/0486/2019")));

  // across schemes: never the same case
  CHECK_FALSE(ua.same_case(a));
  CHECK_FALSE(idx.same_case(ua));

  // unknown schemes compare raw text exactly
  auto u = CaseReference::parse("Case 42");
  CHECK(u.same_case(CaseReference::parse("Case 42")));
  CHECK_FALSE(u.same_case(CaseReference::parse("case 42")));
  CHECK_FALSE(u.same_case(CaseReference::parse("Case 42 ")));
}

TEST_CASE("Case references are equal when their raw texts are", "[case-reference]") {
  CHECK(CaseReference::parse("UA 229/10") == CaseReference::parse("UA 229/10"));
  CHECK(CaseReference::parse("UA 229/10") != CaseReference::parse("UA  229/10"));
  CHECK(CaseReference::parse("TUR 005 / 0717 / OBS 078") != CaseReference::parse("TUR 005/0717/OBS 078"));
  CHECK(CaseReference::parse("x") != CaseReference::parse("y"));
}

TEST_CASE("Case scheme names are written and read", "[case-reference]") {
  CHECK(hrnews::to_string(CaseScheme::observatory) == "observatory");
  CHECK(hrnews::to_string(CaseScheme::amnesty_ua) == "amnesty-ua");
  CHECK(hrnews::to_string(CaseScheme::amnesty_index) == "amnesty-index");
  CHECK(hrnews::to_string(CaseScheme::unknown) == "unknown");
  CHECK(hrnews::from_string<CaseScheme>("amnesty-ua") == CaseScheme::amnesty_ua);
  CHECK_FALSE(hrnews::from_string<CaseScheme>("amnesty_ua"));
}
