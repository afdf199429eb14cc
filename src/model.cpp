// SPDX-License-Identifier: Apache-2.0
// Equality of the larger value types, and diagnostic formatting.
#include <tuple>

#include <hrnews/collection.hpp>

namespace hrnews {

bool operator==(const Article& a, const Article& b) {
  return std::tie(a.id, a.url, a.links, a.title, a.summary, a.content, a.published, a.updated,
                  a.language, a.language_inferred, a.authors, a.publishers, a.categories, a.subjects, a.countries,
                  a.regions, a.geo, a.campaigns, a.related, a.attachments, a.rights, a.dateline,
                  a.event, a.extensions) ==
         std::tie(b.id, b.url, b.links, b.title, b.summary, b.content, b.published, b.updated,
                  b.language, b.language_inferred, b.authors, b.publishers, b.categories, b.subjects, b.countries,
                  b.regions, b.geo, b.campaigns, b.related, b.attachments, b.rights, b.dateline,
                  b.event, b.extensions);
}

bool operator==(const Victim& a, const Victim& b) {
  return std::tie(a.name, a.role, a.organisation, a.gender, a.status) ==
         std::tie(b.name, b.role, b.organisation, b.gender, b.status);
}

bool operator==(const Addressee& a, const Addressee& b) {
  return std::tie(a.name, a.title, a.institution, a.address, a.email, a.fax, a.phone) ==
         std::tie(b.name, b.title, b.institution, b.address, b.email, b.fax, b.phone);
}

bool operator==(const Intervention& a, const Intervention& b) {
  return static_cast<const Article&>(a) == static_cast<const Article&>(b) &&
         std::tie(a.case_ref, a.intervention_type, a.status, a.victims, a.violations,
                  a.requested_actions, a.addressees, a.deadline, a.follows) ==
             std::tie(b.case_ref, b.intervention_type, b.status, b.victims, b.violations,
                      b.requested_actions, b.addressees, b.deadline, b.follows);
}

bool operator==(const Campaign& a, const Campaign& b) {
  return std::tie(a.id, a.name, a.title, a.summary, a.url, a.status, a.start, a.end, a.organisers,
                  a.hashtags, a.subjects, a.countries, a.items, a.calls_to_action, a.extensions) ==
         std::tie(b.id, b.name, b.title, b.summary, b.url, b.status, b.start, b.end, b.organisers,
                  b.hashtags, b.subjects, b.countries, b.items, b.calls_to_action, b.extensions);
}

bool operator==(const Term& a, const Term& b) {
  return std::tie(a.code, a.uri, a.labels, a.alt_labels, a.definition, a.broader, a.mappings,
                  a.deprecated) == std::tie(b.code, b.uri, b.labels, b.alt_labels, b.definition,
                                            b.broader, b.mappings, b.deprecated);
}

bool operator==(const Scheme& a, const Scheme& b) {
  return std::tie(a.id, a.uri, a.title, a.terms) == std::tie(b.id, b.uri, b.title, b.terms);
}

bool operator==(const Feed& a, const Feed& b) {
  return std::tie(a.id, a.title, a.subtitle, a.url, a.links, a.language, a.updated, a.publishers,
                  a.generator, a.rights, a.icon, a.source_format, a.extensions) ==
         std::tie(b.id, b.title, b.subtitle, b.url, b.links, b.language, b.updated, b.publishers,
                  b.generator, b.rights, b.icon, b.source_format, b.extensions);
}

bool operator==(const Collection& a, const Collection& b) {
  return std::tie(a.feed, a.items, a.campaigns, a.schemes, a.diagnostics, a.extensions) ==
         std::tie(b.feed, b.items, b.campaigns, b.schemes, b.diagnostics, b.extensions);
}

std::string format_diagnostic(const Diagnostic& d, const std::string& file) {
  std::string out = file.empty() ? std::string("<input>") : file;
  if (d.line) {
    out += ':' + std::to_string(*d.line);
    if (d.column) out += ':' + std::to_string(*d.column);
  }
  out += ": ";
  out += to_string(d.severity);
  out += ": ";
  if (!d.path.empty()) out += d.path + ": ";
  out += d.message;
  if (!d.code.empty()) out += " [" + d.code + "]";
  return out;
}

}  // namespace hrnews
