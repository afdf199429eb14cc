// SPDX-License-Identifier: Apache-2.0
#include <iostream>

#include <hrnews/io.hpp>

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  try {
    const hrnews::Collection coll = hrnews::read_file(argv[1]);
    std::cout << argv[1] << ": " << coll.items.size() << " items\n";
  } catch (const hrnews::ParseError& e) {
    std::cerr << e.what() << '\n';
    return 1;
  }
}
