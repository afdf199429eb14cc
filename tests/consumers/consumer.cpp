// SPDX-License-Identifier: Apache-2.0
// The program every consumer project builds: reads a collection with the
// installed (or embedded) hrnews and prints its item count, so that a test can
// check the library was found, compiled against and linked.
#include <iostream>

#include <hrnews/hrnews.hpp>
#include <hrnews/io.hpp>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: consumer FILE\n";
    return 2;
  }
  try {
    const hrnews::Collection coll = hrnews::read_file(argv[1]);
    std::cout << "hrnews " << hrnews::version() << " (built against " << HRNEWS_VERSION_STRING
              << "): " << coll.items.size() << " items\n";
  } catch (const hrnews::ParseError& e) {
    std::cerr << e.what() << '\n';
    return 1;
  }
}
