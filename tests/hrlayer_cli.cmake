# SPDX-License-Identifier: Apache-2.0
# CLI tests of the human-rights layer: `hrnews taxonomy` on the built-in and
# user schemes, `hrnews stats` counting regions, violations, language sources and
# campaigns, `--campaigns FILE`; and the seed table program (tests/tools/seed_table.cpp),
# which prints how the seed page's plain RSS is classified, as Markdown.
# Uses hrnews_cli_test() of tests/cli.cmake (DATA is tests/data/cli there;
# these steps name their files through HRL).

add_executable(hrnews_seed_table ${CMAKE_CURRENT_SOURCE_DIR}/tools/seed_table.cpp)
target_link_libraries(hrnews_seed_table PRIVATE hrnews::hrnews)
hrnews_set_warnings(hrnews_seed_table)

set(HRL_DATA ${CMAKE_CURRENT_SOURCE_DIR}/data)

set(_hrl_code [==[
  cli(ARGS taxonomy list STDOUT_MATCHES "^scheme +terms  title\ntheme +[0-9]+  [^\n]+\ngenre +[0-9]+  [^\n]+\ncountry +2[0-9][0-9]  [^\n]+\nregion +[0-9]+  [^\n]+\nmechanism +[0-9]+  [^\n]+\nviolation +[0-9]+  [^\n]+\n$")
  cli(ARGS taxonomy show violation STDOUT_MATCHES "^violation: [^\n]+\n  arbitrary-detention +Arbitrary detention\n")
  cli(ARGS taxonomy show country STDOUT_MATCHES "\n  AZ +Azerbaijan\n")
  cli(ARGS taxonomy export genre --to json -o "${WORK}/genre.json" STDOUT_EMPTY)
  cli(ARGS taxonomy export genre --to json STDOUT_SAME_AS "${WORK}/genre.json")
  cli(ARGS taxonomy export genre --to json STDOUT_MATCHES "^\\{\n  \"id\": \"genre\",")
  cli(ARGS taxonomy show theme --taxonomy "${HRL}/hrlayer/user-theme.json" STDOUT_MATCHES "\n  land-rights +Land rights\n$")
  cli(ARGS taxonomy list --taxonomy "${HRL}/hrlayer/user-theme.json" STDOUT_MATCHES "\ntheme +[0-9]+  Themes\n")
  cli(ARGS taxonomy list --taxonomy nosuch.json EXIT 1 STDOUT_EMPTY STDERR "nosuch.json: error: cannot read file: No such file or directory\n")
  cli(ARGS taxonomy list --taxonomy "${HRL}/hrlayer/bad-scheme.json" EXIT 1 STDOUT_EMPTY
      STDERR_MATCHES "bad-scheme\\.json(:[0-9]+)*: json: /terms/0: missing required member \"code\"\n$")
]==])
hrnews_cli_test(hrlayer_taxonomy "set(HRL [=[${HRL_DATA}]=])\n${_hrl_code}")

set(_hrl_code [==[
  cli(ARGS stats "${HRL}/seed/omct-2015-11-plain.rss" --json --campaigns "${HRL}/seed/campaigns.json"
      STDOUT_SAME_AS "${HRL}/hrlayer/seed.stats.json")
  cli(ARGS stats "${HRL}/seed/omct-2015-11-plain.rss" --campaigns "${HRL}/seed/campaigns.json"
      STDOUT_SAME_AS "${HRL}/hrlayer/seed.stats.txt")
  cli(ARGS convert "${HRL}/seed/omct-2015-11-plain.rss" --to json --campaigns "${HRL}/seed/campaigns.json"
      STDOUT_MATCHES "\"campaigns\": \\[\n +\"urn:hrdn:campaign:stand4hrd\"\n +\\]\n.*\"items\": \\[\n +\"https://www.omct.org/en/resources/statements/european-union-eu-hrdn-campaign-launch-stand-4-human-rights-defenders\"" STDERR_ANY)
  cli(ARGS stats "${HRL}/seed/omct-2015-11-plain.rss" --campaigns nosuch.json EXIT 1 STDOUT_EMPTY
      STDERR "nosuch.json: error: cannot read file: No such file or directory\n")
  cli(ARGS stats "${HRL}/seed/omct-2015-11-plain.rss" --campaigns "${HRL}/hrlayer/user-theme.json" EXIT 1 STDOUT_EMPTY
      STDERR_MATCHES "user-theme\\.json: error: campaigns: /: expected a member \"campaigns\"\n$")
]==])
hrnews_cli_test(hrlayer_stats "set(HRL [=[${HRL_DATA}]=])\n${_hrl_code}")

add_test(NAME hrlayer.seed_table
         COMMAND ${CMAKE_COMMAND} -DHRNEWS=$<TARGET_FILE:hrnews_seed_table>
                 -DFEED=${HRL_DATA}/seed/omct-2015-11-plain.rss -DCAMPAIGNS=${HRL_DATA}/seed/campaigns.json
                 -DEXPECTED=${HRL_DATA}/seed/table.md -P ${CMAKE_CURRENT_SOURCE_DIR}/tools/seed_table_check.cmake)
