// SPDX-License-Identifier: Apache-2.0
/// @file extensions.hpp
/// @brief `Extensions`: members of a source document that hrnews does not model, kept for the round trip.
#pragma once

#include <map>
#include <string>

namespace hrnews {

/// Unknown members of a JSON object, by name, each kept as compact JSON text
/// (for example `{"x_internal_ref": "42"}` holds the JSON string `"42"`).
/// Writers of the canonical formats put them back where they were found.
using Extensions = std::map<std::string, std::string>;

}  // namespace hrnews
