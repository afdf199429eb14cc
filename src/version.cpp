// SPDX-License-Identifier: Apache-2.0
#include <hrnews/version.hpp>

namespace hrnews {
const char* version() noexcept { return HRNEWS_VERSION_STRING; }
}  // namespace hrnews
