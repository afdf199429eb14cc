// SPDX-License-Identifier: Apache-2.0
// Counting a collection's items, and showing the counts as a table or as JSON.

#include <hrnews/stats.hpp>

#include <algorithm>
#include <cstdio>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <boost/date_time/posix_time/posix_time_types.hpp>
#include <nlohmann/json.hpp>

namespace hrnews {
namespace {

const std::string none_key = "(none)";

using Counts = std::map<std::string, std::size_t>;

/// Adds 1 to each distinct key of `keys`, or to "(none)" when there is none.
void count_each(Counts& counts, const std::set<std::string>& keys) {
  if (keys.empty()) {
    ++counts[none_key];
    return;
  }
  for (const auto& key : keys) ++counts[key];
}

/// `YYYY-MM` of the local date the timestamp was written with (`YYYY` for a year).
std::string month_of(const Timestamp& ts) {
  boost::posix_time::ptime local = ts.utc();
  if (const auto offset = ts.utc_offset_minutes()) local += boost::posix_time::minutes(*offset);
  const auto date = local.date();
  char buffer[16];
  if (ts.precision() == Precision::year) {
    std::snprintf(buffer, sizeof buffer, "%04d", static_cast<int>(date.year()));
  } else {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d", static_cast<int>(date.year()),
                  static_cast<int>(date.month()));
  }
  return buffer;
}

void add_counts(Counts& into, const Counts& from) {
  for (const auto& [key, n] : from) into[key] += n;
}

// --- table -----------------------------------------------------------------

/// Display width of UTF-8 text: one column per code point (good enough for
/// codes and tags).
std::size_t width_of(std::string_view text) {
  std::size_t n = 0;
  for (const char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}

/// Cuts UTF-8 text to at most `width` columns, ending in "~" when cut.
std::string fit(std::string_view text, std::size_t width) {
  if (width_of(text) <= width) return std::string(text);
  std::string out;
  std::size_t columns = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool starts_char = (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    if (starts_char && ++columns > width - 1) break;
    out += text[i];
  }
  out += '~';
  return out;
}

std::string pad(std::string text, std::size_t width) {
  const std::size_t w = width_of(text);
  if (w < width) text.append(width - w, ' ');
  return text;
}

std::string pad_left(const std::string& text, std::size_t width) {
  const std::size_t w = width_of(text);
  return w < width ? std::string(width - w, ' ') + text : text;
}

constexpr std::size_t max_rows = 8;       // rows per section, the last may be "+N more"
constexpr std::size_t column_width = 40;  // two sections side by side fit 80 columns

/// One section as lines of at most `width` columns: a title, then rows sorted
/// by count (descending) and key. Keys too long for the width are cut.
std::vector<std::string> section(const std::string& title, const Counts& counts, std::size_t width) {
  std::vector<std::pair<std::string, std::size_t>> rows(counts.begin(), counts.end());
  // By count, descending; ties by key, "(none)" last.
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    if (a.second != b.second) return a.second > b.second;
    return a.first != none_key && b.first == none_key;
  });
  std::vector<std::string> lines;
  lines.push_back(counts.size() > 1 ? title + " (" + std::to_string(counts.size()) + ")" : title);
  if (rows.empty()) {
    lines.emplace_back("  -");
    return lines;
  }
  const std::size_t shown = rows.size() <= max_rows ? rows.size() : max_rows - 1;
  std::size_t count_width = 0;
  for (std::size_t i = 0; i < shown; ++i) {
    count_width = std::max(count_width, std::to_string(rows[i].second).size());
  }
  const std::size_t max_key_width = std::max<std::size_t>(8, width - 4 - std::min(width - 4, count_width));
  std::size_t key_width = 0;
  for (std::size_t i = 0; i < shown; ++i) {
    key_width = std::max(key_width, std::min(width_of(rows[i].first), max_key_width));
  }
  for (std::size_t i = 0; i < shown; ++i) {
    lines.push_back("  " + pad(fit(rows[i].first, max_key_width), key_width) + "  " +
                    pad_left(std::to_string(rows[i].second), count_width));
  }
  if (shown < rows.size()) {
    lines.push_back("  +" + std::to_string(rows.size() - shown) + " more");
  }
  return lines;
}

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + ' ' + (n == 1 ? one : many);
}

}  // namespace

void Stats::add(const Collection& collection) {
  items += collection.items.size();
  campaigns += collection.campaigns.size();
  diagnostics += collection.diagnostics.size();
  std::set<std::string> genres;
  std::set<std::string> themes;
  std::set<std::string> places;
  std::set<std::string> regions;
  std::set<std::string> violations;
  std::set<std::string> in_campaigns;
  for (const Item& item : collection.items) {
    const Article& a = article_of(item);
    ++by_kind[std::string(to_string(kind_of(item)))];
    genres.clear();
    themes.clear();
    places.clear();
    for (const TermRef& subject : a.subjects) {
      if (subject.scheme == "genre") genres.insert(subject.code);
      else if (subject.scheme == "theme") themes.insert(subject.code);
    }
    places.insert(a.countries.begin(), a.countries.end());
    count_each(by_genre, genres);
    count_each(by_theme, themes);
    count_each(by_country, places);
    regions.clear();
    regions.insert(a.regions.begin(), a.regions.end());
    count_each(by_region, regions);
    violations.clear();
    for (const TermRef& subject : a.subjects)
      if (subject.scheme == "violation") violations.insert(subject.code);
    if (const auto* iv = std::get_if<Intervention>(&item))
      for (const TermRef& v : iv->violations) violations.insert(v.code);
    count_each(by_violation, violations);
    in_campaigns.clear();
    in_campaigns.insert(a.campaigns.begin(), a.campaigns.end());
    count_each(by_campaign, in_campaigns);
    // An item without a language of its own is in the feed's language.
    const std::string& language = !a.language.empty() ? a.language : collection.feed.language;
    ++by_language[language.empty() ? none_key : language];
    ++by_language_source[!a.language.empty() ? (a.language_inferred ? "inferred" : "declared")
                                             : (collection.feed.language.empty() ? none_key : "feed")];
    ++by_month[a.published ? month_of(*a.published) : none_key];
  }
}

void Stats::merge(const Stats& other) {
  items += other.items;
  campaigns += other.campaigns;
  diagnostics += other.diagnostics;
  add_counts(by_kind, other.by_kind);
  add_counts(by_genre, other.by_genre);
  add_counts(by_country, other.by_country);
  add_counts(by_theme, other.by_theme);
  add_counts(by_language, other.by_language);
  add_counts(by_month, other.by_month);
  add_counts(by_region, other.by_region);
  add_counts(by_violation, other.by_violation);
  add_counts(by_language_source, other.by_language_source);
  add_counts(by_campaign, other.by_campaign);
}

Stats compute_stats(const Collection& collection) {
  Stats stats;
  stats.add(collection);
  return stats;
}

std::string format_stats_table(const Stats& stats) {
  std::string out = plural(stats.items, "item", "items") + ", " +
                    plural(stats.campaigns, "campaign", "campaigns") + ", " +
                    plural(stats.diagnostics, "diagnostic", "diagnostics") + "\n";
  const std::vector<std::pair<std::string, const Counts*>> sections = {
      {"by kind", &stats.by_kind},         {"by genre", &stats.by_genre},
      {"by country", &stats.by_country},   {"by theme", &stats.by_theme},
      {"by language", &stats.by_language}, {"by month", &stats.by_month},
      {"by region", &stats.by_region},     {"by violation", &stats.by_violation},
      {"by language source", &stats.by_language_source}, {"by campaign", &stats.by_campaign},
  };
  // Two sections side by side, so that a typical feed fits one screen.
  for (std::size_t s = 0; s < sections.size(); s += 2) {
    const auto left = section(sections[s].first, *sections[s].second, column_width - 2);
    const auto right = section(sections[s + 1].first, *sections[s + 1].second, column_width);
    out += '\n';
    for (std::size_t i = 0; i < std::max(left.size(), right.size()); ++i) {
      std::string line = i < left.size() ? left[i] : std::string();
      if (i < right.size()) {
        const bool overfull = width_of(line) + 2 > column_width;
        line = (overfull ? line + "  " : pad(std::move(line), column_width)) + right[i];
      }
      while (!line.empty() && line.back() == ' ') line.pop_back();
      out += line;
      out += '\n';
    }
  }
  return out;
}

std::string format_stats_json(const Stats& stats) {
  nlohmann::ordered_json j;
  j["items"] = stats.items;
  j["campaigns"] = stats.campaigns;
  j["diagnostics"] = stats.diagnostics;
  const auto counts = [](const Counts& c) {
    nlohmann::ordered_json o = nlohmann::ordered_json::object();
    for (const auto& [key, n] : c) o[key] = n;
    return o;
  };
  j["by_kind"] = counts(stats.by_kind);
  j["by_genre"] = counts(stats.by_genre);
  j["by_country"] = counts(stats.by_country);
  j["by_theme"] = counts(stats.by_theme);
  j["by_language"] = counts(stats.by_language);
  j["by_month"] = counts(stats.by_month);
  j["by_region"] = counts(stats.by_region);
  j["by_violation"] = counts(stats.by_violation);
  j["by_language_source"] = counts(stats.by_language_source);
  j["by_campaign"] = counts(stats.by_campaign);
  return j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace hrnews
