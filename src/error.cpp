// SPDX-License-Identifier: Apache-2.0
#include <hrnews/error.hpp>

namespace hrnews {
namespace {

std::string compose(const std::string& format, const std::string& message, const SourceLocation& where,
                    const std::string& path, const std::string& file) {
  std::string out = file.empty() ? std::string("<input>") : file;
  if (where.line) {
    out += ':' + std::to_string(where.line);
    if (where.column) out += ':' + std::to_string(where.column);
  }
  out += ": ";
  if (!format.empty()) out += format + ": ";
  if (!path.empty()) out += path + ": ";
  out += message;
  return out;
}

}  // namespace

ParseError::ParseError(std::string format, std::string message, SourceLocation where, std::string path,
                       std::string file)
    : std::runtime_error(compose(format, message, where, path, file)),
      format_(std::move(format)),
      message_(std::move(message)),
      where_(where),
      path_(std::move(path)),
      file_(std::move(file)) {}

ParseError ParseError::with_file(std::string file) const {
  return ParseError(format_, message_, where_, path_, std::move(file));
}

}  // namespace hrnews
