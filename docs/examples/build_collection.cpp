// SPDX-License-Identifier: Apache-2.0
// The model in code: build a collection, write it as canonical JSON, read it back.
#include <iostream>

#include <hrnews/hrnews.hpp>
#include <hrnews/io.hpp>

int main() {
  hrnews::Collection coll;
  coll.feed.title = "OMCT - Latest news";
  coll.feed.language = "en";

  hrnews::Intervention appeal;
  appeal.id = "omct-2015-aze-001";
  appeal.title = "Azerbaijan: Release of Mr. Intigam Aliyev";
  appeal.published = hrnews::Timestamp::parse("Thu, 26 Nov 2015 09:30:00 +0100");
  appeal.countries = {"AZ"};
  appeal.subjects = {{"theme", "human-rights-defenders"}};
  appeal.case_ref = hrnews::CaseReference::parse("AZE 001 / 0815 / OBS 070.1");
  appeal.intervention_type = hrnews::InterventionType::follow_up;
  appeal.victims.push_back({"Intigam Aliyev", "human rights defender", "", "male", "released"});
  coll.items.emplace_back(appeal);

  const std::string json = hrnews::write(coll, "json");
  std::cout << json;
  const hrnews::Collection again = hrnews::read(json);  // the format is detected
  std::cout << "round trip: " << (again == coll ? "equal" : "different") << '\n';
}
