// SPDX-License-Identifier: Apache-2.0
// Getting started: read a file in any supported format and walk its items.
#include <iostream>

#include <hrnews/hrnews.hpp>
#include <hrnews/io.hpp>

int main(int argc, char** argv) {
  const char* path = argc > 1 ? argv[1] : "omct-2015-11.json";
  try {
    hrnews::Collection coll = hrnews::read_file(path);  // format detected from the content
    std::cout << coll.feed.title.value << " (" << coll.items.size() << " items)\n";
    for (const hrnews::Item& item : coll.items) {
      if (hrnews::kind_of(item) != hrnews::ItemKind::intervention) continue;
      const auto& appeal = std::get<hrnews::Intervention>(item);
      std::cout << appeal.published->to_rfc3339() << "  " << appeal.title.value << '\n';
      if (appeal.case_ref) std::cout << "  case " << appeal.case_ref->format() << '\n';
      for (const std::string& country : appeal.countries) std::cout << "  country " << country << '\n';
    }
  } catch (const hrnews::ParseError& e) {  // bad input: FILE:LINE:COL: FORMAT: MESSAGE
    std::cerr << e.what() << '\n';
    return 1;
  }
}
