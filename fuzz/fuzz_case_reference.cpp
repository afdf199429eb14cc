// SPDX-License-Identifier: Apache-2.0
// libFuzzer target for the case-reference parser. Property: the canonical
// text of a recognised reference parses to the same scheme and parts (the
// same canonical text), and a reference is always the same case as itself.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include <hrnews/case_reference.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const hrnews::CaseReference ref = hrnews::CaseReference::parse(text);
  if (ref.raw() != text) std::abort();
  if (ref.scheme() == hrnews::CaseScheme::unknown) return 0;
  const std::string canonical = ref.format();
  const hrnews::CaseReference again = hrnews::CaseReference::parse(canonical);
  if (again.scheme() != ref.scheme() || again.format() != canonical || !again.same_case(ref) ||
      again.is_follow_up() != ref.is_follow_up()) {
    std::fprintf(stderr, "case reference round trip failed: \"%s\" -> \"%s\" -> \"%s\"\n", ref.raw().c_str(),
                 canonical.c_str(), again.format().c_str());
    std::abort();
  }
  return 0;
}
