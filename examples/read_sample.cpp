// SPDX-License-Identifier: Apache-2.0
// Read a collection in any supported format and list its items.
#include <iostream>

#include <hrnews/io.hpp>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: example_read_sample FILE\n";
    return 2;
  }
  try {
    hrnews::Collection coll = hrnews::read_file(argv[1]);
    std::cout << coll.feed.title.value << ": " << coll.items.size() << " items\n";
    for (const hrnews::Item& item : coll.items) {
      const hrnews::Article& a = hrnews::article_of(item);
      std::cout << "  [" << to_string(hrnews::kind_of(item)) << "] "
                << (a.published ? a.published->to_rfc3339() : std::string("----------")) << "  "
                << a.title.value << '\n';
    }
  } catch (const hrnews::ParseError& e) {
    std::cerr << e.what() << '\n';
    return 1;
  }
}
