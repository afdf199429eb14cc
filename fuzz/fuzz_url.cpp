// SPDX-License-Identifier: Apache-2.0
// libFuzzer target for the URL resolver. Input: a base URL, a line feed, a
// reference. Properties: an absolute reference is returned unchanged, and
// resolving is idempotent (resolving the result against the same base gives
// the result again) whenever the result is absolute.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include <hrnews/url.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t nl = input.find('\n');
  const std::string_view base = nl == std::string_view::npos ? std::string_view() : input.substr(0, nl);
  const std::string_view ref = nl == std::string_view::npos ? input : input.substr(nl + 1);
  const std::string resolved = hrnews::resolve_url(base, ref);
  if (hrnews::is_absolute_url(ref) && resolved != ref) {
    std::fprintf(stderr, "absolute reference changed: \"%s\" -> \"%s\"\n", std::string(ref).c_str(), resolved.c_str());
    std::abort();
  }
  if (hrnews::is_absolute_url(resolved)) {
    const std::string again = hrnews::resolve_url(base, resolved);
    if (again != resolved) {
      std::fprintf(stderr, "not idempotent: \"%s\" -> \"%s\"\n", resolved.c_str(), again.c_str());
      std::abort();
    }
  }
  return 0;
}
