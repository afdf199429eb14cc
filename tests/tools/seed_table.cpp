// SPDX-License-Identifier: Apache-2.0
// Prints, as Markdown, how hrnews reads a feed with classification on: one row
// per item (kind, countries, regions, themes, genres, violations, language —
// declared, feed or inferred —, case reference, relations, campaigns), then the
// number of terms assigned per scheme.
//
//   hrnews_seed_table FEED [--campaigns FILE]
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <hrnews/io.hpp>
#include <hrnews/relate.hpp>

namespace {

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out.empty() ? "–" : out;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string cell(std::string s) {
  std::string out;
  for (char c : s) out += c == '|' ? std::string("\\|") : std::string(1, c);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2 && !(argc == 4 && std::string(argv[2]) == "--campaigns")) {
    std::cerr << "usage: hrnews_seed_table FEED [--campaigns FILE]\n";
    return 2;
  }
  try {
    hrnews::Collection c = hrnews::read_file(argv[1]);
    if (argc == 4) hrnews::match_campaigns(c, hrnews::read_campaigns(slurp(argv[3]), argv[3]));
    std::cout << "| # | title | kind | countries | region | themes | genre | violations | language | case reference "
                 "| relations | campaigns |\n"
              << "|---|---|---|---|---|---|---|---|---|---|---|---|\n";
    std::map<std::string, std::size_t> assigned;
    std::map<std::string, std::set<std::string>> distinct;
    for (std::size_t i = 0; i < c.items.size(); ++i) {
      const hrnews::Article& a = hrnews::article_of(c.items[i]);
      const auto* iv = std::get_if<hrnews::Intervention>(&c.items[i]);
      std::map<std::string, std::vector<std::string>> by_scheme;
      for (const auto& r : a.subjects) by_scheme[r.scheme].push_back(r.code);
      if (iv)
        for (const auto& r : iv->violations) by_scheme[r.scheme].push_back(r.code);
      by_scheme["country"] = a.countries;
      by_scheme["region"] = a.regions;
      for (const auto& [scheme, codes] : by_scheme) {
        assigned[scheme] += codes.size();
        distinct[scheme].insert(codes.begin(), codes.end());
      }
      std::string title = a.title.value;
      if (title.size() > 48) {
        std::size_t n = 45;
        while (n > 0 && (static_cast<unsigned char>(title[n]) & 0xC0) == 0x80) --n;
        title = title.substr(0, n) + "…";
      }
      std::string language = a.language.empty() ? c.feed.language + " (feed)"
                                                : a.language + (a.language_inferred ? " (inferred)" : " (declared)");
      std::string kind(hrnews::to_string(hrnews::kind_of(c.items[i])));
      if (iv) kind += " (" + std::string(hrnews::to_string(iv->intervention_type)) + ")";
      std::vector<std::string> relations;
      for (const auto& r : a.related) relations.push_back(std::string(hrnews::to_string(r.rel)) + " " + r.id_or_url);
      std::cout << "| " << i << " | " << cell(title) << " | " << kind << " | " << join(a.countries) << " | "
                << join(a.regions) << " | " << join(by_scheme["theme"]) << " | " << join(by_scheme["genre"]) << " | "
                << join(by_scheme["violation"]) << " | " << language << " | "
                << (iv && iv->case_ref ? iv->case_ref->raw() : std::string("–")) << " | " << cell(join(relations))
                << " | " << join(a.campaigns) << " |\n";
    }
    std::cout << "\n| scheme | terms assigned | distinct terms |\n|---|---|---|\n";
    for (const auto& [scheme, n] : assigned)
      std::cout << "| " << scheme << " | " << n << " | " << distinct[scheme].size() << " |\n";
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << '\n';
    return 1;
  }
  return 0;
}
