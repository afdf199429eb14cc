// SPDX-License-Identifier: Apache-2.0
// RFC 3986 §5.2: resolving a URI reference against a base URI.
#include <hrnews/url.hpp>

#include <optional>

namespace hrnews {
namespace {

/// The five components of RFC 3986 §3 (a component that is absent is nullopt;
/// the path is always present, possibly empty).
struct UriParts {
  std::optional<std::string_view> scheme;
  std::optional<std::string_view> authority;
  std::string_view path;
  std::optional<std::string_view> query;
  std::optional<std::string_view> fragment;
};

bool is_alpha(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool is_scheme_char(char c) noexcept {
  return is_alpha(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
}

/// Length of the scheme (without ':'), or 0 when `s` has none.
std::size_t scheme_length(std::string_view s) noexcept {
  if (s.empty() || !is_alpha(s[0])) return 0;
  for (std::size_t i = 1; i < s.size(); ++i) {
    if (s[i] == ':') return i;
    if (!is_scheme_char(s[i])) return 0;
  }
  return 0;
}

/// Splits like the regular expression of RFC 3986 appendix B.
UriParts split(std::string_view s) noexcept {
  UriParts p;
  if (std::size_t n = scheme_length(s)) {
    p.scheme = s.substr(0, n);
    s.remove_prefix(n + 1);
  }
  if (std::size_t hash = s.find('#'); hash != std::string_view::npos) {
    p.fragment = s.substr(hash + 1);
    s = s.substr(0, hash);
  }
  if (std::size_t q = s.find('?'); q != std::string_view::npos) {
    p.query = s.substr(q + 1);
    s = s.substr(0, q);
  }
  if (s.size() >= 2 && s[0] == '/' && s[1] == '/') {
    std::size_t end = s.find('/', 2);
    if (end == std::string_view::npos) end = s.size();
    p.authority = s.substr(2, end - 2);
    s.remove_prefix(end);
  }
  p.path = s;
  return p;
}

/// RFC 3986 §5.2.4.
std::string remove_dot_segments(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  auto remove_last_segment = [&out] {
    std::size_t slash = out.rfind('/');
    out.erase(slash == std::string::npos ? 0 : slash);
  };
  while (!in.empty()) {
    if (in.substr(0, 3) == "../") {
      in.remove_prefix(3);  // A
    } else if (in.substr(0, 2) == "./") {
      in.remove_prefix(2);  // A
    } else if (in.substr(0, 3) == "/./") {
      in.remove_prefix(2);  // B: "/./" -> "/"
    } else if (in == "/.") {
      in = "/";  // B
    } else if (in.substr(0, 4) == "/../") {
      in.remove_prefix(3);  // C: "/../" -> "/"
      remove_last_segment();
    } else if (in == "/..") {
      in = "/";  // C
      remove_last_segment();
    } else if (in == "." || in == "..") {
      in = {};  // D
    } else {
      // E: move the first segment (with its leading '/', if any) to the output.
      std::size_t end = in.find('/', in[0] == '/' ? 1 : 0);
      if (end == std::string_view::npos) end = in.size();
      out.append(in.substr(0, end));
      in.remove_prefix(end);
    }
  }
  return out;
}

/// RFC 3986 §5.2.3.
std::string merge(const UriParts& base, std::string_view reference_path) {
  if (base.authority && base.path.empty()) return "/" + std::string(reference_path);
  std::size_t slash = base.path.rfind('/');
  std::string out;
  if (slash != std::string_view::npos) out.assign(base.path.substr(0, slash + 1));
  out.append(reference_path);
  return out;
}

/// RFC 3986 §5.3.
std::string recompose(std::string_view scheme, const std::optional<std::string_view>& authority,
                      std::string_view path, const std::optional<std::string_view>& query,
                      const std::optional<std::string_view>& fragment) {
  std::string out;
  out.reserve(scheme.size() + path.size() + 16 + (authority ? authority->size() : 0) +
              (query ? query->size() : 0) + (fragment ? fragment->size() : 0));
  out.append(scheme).push_back(':');
  if (authority) out.append("//").append(*authority);
  out.append(path);
  if (query) out.append("?").append(*query);
  if (fragment) out.append("#").append(*fragment);
  return out;
}

}  // namespace

bool is_absolute_url(std::string_view url) noexcept { return scheme_length(url) != 0; }

std::string resolve_url(std::string_view base, std::string_view reference) {
  if (is_absolute_url(reference) || !is_absolute_url(base)) return std::string(reference);
  const UriParts b = split(base);
  const UriParts r = split(reference);
  std::optional<std::string_view> authority;
  std::string path;
  std::optional<std::string_view> query;
  if (r.authority) {
    authority = r.authority;
    path = remove_dot_segments(r.path);
    query = r.query;
  } else {
    authority = b.authority;
    if (r.path.empty()) {
      path.assign(b.path);
      query = r.query ? r.query : b.query;
    } else {
      path = r.path[0] == '/' ? remove_dot_segments(r.path) : remove_dot_segments(merge(b, r.path));
      query = r.query;
    }
  }
  return recompose(*b.scheme, authority, path, query, r.fragment);
}

}  // namespace hrnews
