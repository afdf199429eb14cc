// SPDX-License-Identifier: Apache-2.0
/// @file diagnostic.hpp
/// @brief `Diagnostic`: one thing a reader repaired or ignored (an itemised "bozo" flag).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <tuple>

#include <hrnews/enum.hpp>

namespace hrnews {

/// How serious a diagnostic is.
enum class Severity {
  info,     ///< noteworthy, nothing was changed
  warning,  ///< something was repaired or ignored
  error,    ///< something could not be read and was dropped
};

/// `"info"`, `"warning"` or `"error"`.
std::string_view to_string(Severity severity) noexcept;
/// Parses a severity name.
template <>
std::optional<Severity> from_string<Severity>(std::string_view text) noexcept;

/// A note about the input: what was wrong, where, and what the reader did.
struct Diagnostic {
  Severity severity = Severity::warning;  ///< how serious
  std::string code;                       ///< stable machine-readable id, e.g. `date-unparsed`
  std::string message;                    ///< human-readable explanation
  std::optional<std::size_t> line;        ///< 1-based line in the input, when known
  std::optional<std::size_t> column;      ///< 1-based column (in bytes), when known
  std::string path;                       ///< path to the value, e.g. `/items/3/published`
};

/// Diagnostics are equal when every field is.
inline bool operator==(const Diagnostic& a, const Diagnostic& b) {
  return std::tie(a.severity, a.code, a.message, a.line, a.column, a.path) ==
         std::tie(b.severity, b.code, b.message, b.line, b.column, b.path);
}
/// Negation of `==`.
inline bool operator!=(const Diagnostic& a, const Diagnostic& b) { return !(a == b); }

/// `FILE:LINE:COL: SEVERITY: MESSAGE [CODE]` (parts that are unknown are left out).
std::string format_diagnostic(const Diagnostic& d, const std::string& file = {});

}  // namespace hrnews
