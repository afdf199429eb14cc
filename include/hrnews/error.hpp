// SPDX-License-Identifier: Apache-2.0
/// @file error.hpp
/// @brief `ParseError` and `Result`: what readers report when input cannot be read.
#pragma once

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>

namespace hrnews {

/// Where in the input something happened. Zero means unknown.
struct SourceLocation {
  std::size_t line = 0;    ///< 1-based line, 0 if unknown
  std::size_t column = 0;  ///< 1-based column in bytes, 0 if unknown
  std::optional<std::size_t> offset;  ///< 0-based byte offset, when known
};

/// The input could not be read.
///
/// `what()` reads like a compiler message and is part of the API:
/// `feed.xml:12:7: atom: entry has no <id>` for syntax errors (file, line,
/// column, format, message) and `sample.json: json: /items/3/published: "32 Nov" is not a date`
/// for semantic errors (file, format, path to the bad value, message). Parts that
/// are unknown are left out; a missing file name is written `<input>`.
class ParseError : public std::runtime_error {
 public:
  /// @param format format id (`json`, `rss`…)
  /// @param message what is wrong, without location
  /// @param where line, column and offset, when known
  /// @param path path to the bad value (`/items/3/published`), when known
  /// @param file name of the input, when known
  ParseError(std::string format, std::string message, SourceLocation where = {},
             std::string path = {}, std::string file = {});

  /// Format id of the reader that failed.
  const std::string& format() const noexcept { return format_; }
  /// What is wrong, without location.
  const std::string& message() const noexcept { return message_; }
  /// 1-based line, 0 when unknown.
  std::size_t line() const noexcept { return where_.line; }
  /// 1-based column, 0 when unknown.
  std::size_t column() const noexcept { return where_.column; }
  /// 0-based byte offset, when known.
  std::optional<std::size_t> offset() const noexcept { return where_.offset; }
  /// Path to the bad value, or empty.
  const std::string& path() const noexcept { return path_; }
  /// Name of the input, or empty.
  const std::string& file() const noexcept { return file_; }
  /// The same error attributed to another file name.
  ParseError with_file(std::string file) const;

 private:
  std::string format_;
  std::string message_;
  SourceLocation where_;
  std::string path_;
  std::string file_;
};

/// The outcome of a non-throwing read: a value or the error that prevented it.
template <class T>
class Result {
 public:
  /// A successful result.
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit on purpose
  /// A failed result.
  Result(ParseError error) : error_(std::move(error)) {}  // NOLINT: implicit on purpose
  /// True when a value is held.
  explicit operator bool() const noexcept { return value_.has_value(); }
  /// True when a value is held.
  bool ok() const noexcept { return value_.has_value(); }
  /// The value. @throws ParseError (the held error) when there is none.
  T& value() & { check(); return *value_; }
  /// The value. @throws ParseError (the held error) when there is none.
  const T& value() const& { check(); return *value_; }
  /// The value, moved out. @throws ParseError (the held error) when there is none.
  T&& value() && { check(); return std::move(*value_); }
  /// The error, or null when a value is held.
  const ParseError* error() const noexcept { return error_ ? &*error_ : nullptr; }

 private:
  void check() const { if (!value_) throw *error_; }
  std::optional<T> value_;
  std::optional<ParseError> error_;
};

}  // namespace hrnews
