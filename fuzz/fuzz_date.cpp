// SPDX-License-Identifier: Apache-2.0
// libFuzzer target for the date parser (Timestamp::parse: ISO 8601 family and
// RFC 822 variants). Property: a parsed date written as RFC 3339 parses back
// to the same instant, offset and precision (only the raw text differs), and
// its RFC 822 form parses back to the same instant, to the second (RFC 822 has
// no fractions), when it has a time of day.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include <hrnews/timestamp.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto t = hrnews::Timestamp::parse(text);
  if (!t) return 0;
  const std::string rfc3339 = t->to_rfc3339();
  const auto back = hrnews::Timestamp::parse(rfc3339);
  if (!back || back->with_raw(t->raw()) != *t) {
    std::fprintf(stderr, "RFC 3339 round trip failed: \"%s\" -> \"%s\"\n", t->raw().c_str(), rfc3339.c_str());
    std::abort();
  }
  if (t->precision() >= hrnews::Precision::minute) {
    const std::string rfc822 = t->to_rfc822();
    const auto again = hrnews::Timestamp::parse(rfc822);
    const auto whole_seconds = t->utc() - boost::posix_time::time_duration(0, 0, 0, t->utc().time_of_day().fractional_seconds());
    if (!again || again->utc() != whole_seconds) {
      std::fprintf(stderr, "RFC 822 round trip failed: \"%s\" -> \"%s\"\n", t->raw().c_str(), rfc822.c_str());
      std::abort();
    }
  }
  return 0;
}
