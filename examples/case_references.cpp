// SPDX-License-Identifier: Apache-2.0
// Parse case references as printed on urgent appeals, format them canonically,
// and tell whether a follow-up belongs to the same case.
#include <iostream>

#include <hrnews/case_reference.hpp>

int main() {
  auto first = hrnews::CaseReference::parse("TUR005/0717/OBS 078");
  auto update = hrnews::CaseReference::parse("tur 005 / 0717 / obs 078.6");
  std::cout << update.raw() << " -> " << update.format() << " (" << to_string(update.scheme())
            << ", follow-up " << update.follow_up() << ")\n";
  std::cout << "same case: " << (first.same_case(update) ? "yes" : "no") << '\n';

  auto ua = hrnews::CaseReference::parse("Further information on UA 229/10");
  std::cout << ua.format() << ": UA " << ua.number() << " of " << ua.year() << '\n';
}
