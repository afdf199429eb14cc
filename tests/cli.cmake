# SPDX-License-Identifier: Apache-2.0
# Tests of the `hrnews` program (apps/hrnews.cpp): every command, exit status
# and message. Each test is a script of `cli(...)` steps run by `cmake -P`
# (see tests/tools/cli_check.cmake), which checks exit status, stdout and
# stderr together. Fixtures are in tests/data/cli/, the working directory of
# every step, so messages name files as `small.json`.
#
# Run them alone with `ctest --preset default -R '^cli\.'`.

set(HRNEWS_CLI_DATA ${CMAKE_CURRENT_SOURCE_DIR}/data/cli)
set(HRNEWS_CLI_CHECK ${CMAKE_CURRENT_SOURCE_DIR}/tools/cli_check.cmake)
set(HRNEWS_CLI_SCRIPTS ${CMAKE_CURRENT_BINARY_DIR}/cli)

# hrnews_cli_test(NAME CODE): the test `cli.NAME` runs CODE (CMake code calling cli()).
function(hrnews_cli_test name code)
  set(script ${HRNEWS_CLI_SCRIPTS}/${name}.cmake)
  set(work ${HRNEWS_CLI_SCRIPTS}/work/${name})
  file(WRITE ${script}
    "set(DATA [==[${HRNEWS_CLI_DATA}]==])\n"
    "set(WORK [==[${work}]==])\n"
    "set(SOURCE_DIR [==[${PROJECT_SOURCE_DIR}]==])\n"
    "set(VERSION [==[${PROJECT_VERSION}]==])\n"
    "set(HINT \"try 'hrnews --help'\\n\")\n"
    "file(REMOVE_RECURSE \"\${WORK}\")\n"
    "file(MAKE_DIRECTORY \"\${WORK}\")\n"
    "include([==[${HRNEWS_CLI_CHECK}]==])\n"
    "${code}\n")
  add_test(NAME cli.${name}
           COMMAND ${CMAKE_COMMAND} -DHRNEWS=$<TARGET_FILE:hrnews_cli> -P ${script})
  set_tests_properties(cli.${name} PROPERTIES TIMEOUT 120 LABELS cli)
endfunction()

# --- version and help --------------------------------------------------------

hrnews_cli_test(version [==[
  cli(ARGS --version STDOUT "hrnews ${VERSION}\n")
]==])
hrnews_cli_test(help [==[
  cli(ARGS --help STDOUT_MATCHES "^hrnews ${VERSION} - .*\nusage:\n  hrnews convert .*  hrnews validate .*  hrnews stats .*  hrnews taxonomy .*exit status: 0 success, 1 bad input, 2 usage error\n$")
  cli(ARGS -h STDOUT_MATCHES "^hrnews ${VERSION} - .*formats:\n  json .*  jsonl ")
  cli(ARGS help STDOUT_MATCHES "^hrnews ${VERSION} - ")
]==])
hrnews_cli_test(help_command [==[
  cli(ARGS convert --help STDOUT_MATCHES "^usage: hrnews convert \\[INPUT\\.\\.\\. \\| -\\] --to FORMAT \\[-o OUT\\] \\[--from FORMAT\\] \\[--base URL\\] \\[--jobs N\\] \\[--strict\\]\n.*  --to FORMAT ")
  cli(ARGS validate -h STDOUT_MATCHES "^usage: hrnews validate INPUT\\.\\.\\.")
  cli(ARGS help stats STDOUT_MATCHES "^usage: hrnews stats INPUT\\.\\.\\. \\[--json\\]")
  cli(ARGS taxonomy --help STDOUT_MATCHES "^usage: hrnews taxonomy list \\| show SCHEME \\| export SCHEME --to json")
]==])

# --- usage errors: exit 2, one message and the hint ----------------------------

hrnews_cli_test(usage_errors [==[
  cli(ARGS EXIT 2 STDERR "error: missing command (convert, validate, stats or taxonomy)\n${HINT}")
  cli(ARGS frobnicate EXIT 2 STDERR "error: unknown command \"frobnicate\"\n${HINT}")
  cli(ARGS help frobnicate EXIT 2 STDERR "error: unknown command \"frobnicate\"\n${HINT}")
  cli(ARGS --frob EXIT 2 STDERR "error: unknown option \"--frob\"\n${HINT}")
  cli(ARGS convert small.json --to json --frob EXIT 2 STDERR "error: unknown option \"--frob\"\n${HINT}")
  cli(ARGS stats small.json -x EXIT 2 STDERR "error: unknown option \"-x\"\n${HINT}")
  cli(ARGS convert small.json --to EXIT 2 STDERR "error: option --to needs a value (FORMAT)\n${HINT}")
  cli(ARGS convert small.json --to json --strict=yes EXIT 2 STDERR "error: option --strict takes no value\n${HINT}")
  cli(ARGS convert small.json --to json --to=jsonl EXIT 2 STDERR "error: option --to is given more than once\n${HINT}")
  cli(ARGS convert small.json EXIT 2 STDERR "error: convert needs --to FORMAT\n${HINT}")
  cli(ARGS convert small.json --to yaml EXIT 2
      STDERR_MATCHES "^error: cannot write format \"yaml\" \\(available: [a-z, -]*json[a-z, -]*\\)\n${HINT}$")
  cli(ARGS convert small.json --to json --from yaml EXIT 2
      STDERR_MATCHES "^error: cannot read format \"yaml\" \\(available: [a-z, -]*json[a-z, -]*\\)\n${HINT}$")
  cli(ARGS convert small.json --to json --jobs 0 EXIT 2 STDERR "error: option --jobs needs a number from 1 to 1024, not \"0\"\n${HINT}")
  cli(ARGS convert small.json --to json --jobs two EXIT 2 STDERR "error: option --jobs needs a number from 1 to 1024, not \"two\"\n${HINT}")
  cli(ARGS convert - - --to json EXIT 2 STDERR "error: \"-\" (the standard input) can be given only once\n${HINT}")
  cli(ARGS --diagnostics xml validate small.json EXIT 2 STDERR "error: unknown diagnostics format \"xml\" (text or json)\n${HINT}")
  cli(ARGS validate EXIT 2 STDERR "error: validate needs at least one INPUT\n${HINT}")
  cli(ARGS stats EXIT 2 STDERR "error: stats needs at least one INPUT\n${HINT}")
  cli(ARGS taxonomy EXIT 2 STDERR "error: taxonomy needs a subcommand: list, show SCHEME or export SCHEME --to json\n${HINT}")
  cli(ARGS taxonomy frob EXIT 2 STDERR "error: unknown taxonomy subcommand \"frob\" (list, show or export)\n${HINT}")
  cli(ARGS taxonomy list theme EXIT 2 STDERR "error: taxonomy list takes no SCHEME\n${HINT}")
  cli(ARGS taxonomy show EXIT 2 STDERR "error: taxonomy show needs one SCHEME\n${HINT}")
  cli(ARGS taxonomy show theme --to json EXIT 2 STDERR "error: --to and -o are only for taxonomy export\n${HINT}")
  cli(ARGS taxonomy export theme EXIT 2 STDERR "error: taxonomy export needs --to json\n${HINT}")
  cli(ARGS taxonomy export theme --to xml EXIT 2 STDERR "error: cannot export a scheme as \"xml\" (available: json)\n${HINT}")
]==])

# --- convert ------------------------------------------------------------------

hrnews_cli_test(convert_json_is_a_fixed_point [==[
  cli(ARGS convert small.json --to json STDOUT_SAME_AS "${DATA}/small.json")
  cli(ARGS convert small.json --to json -o - STDOUT_SAME_AS "${DATA}/small.json")
  cli(ARGS convert --from json small.json --to=json STDOUT_SAME_AS "${DATA}/small.json")
]==])
hrnews_cli_test(convert_to_file [==[
  cli(ARGS convert small.json --to json -o "${WORK}/out.json" STDOUT_EMPTY)
  expect_same_file("${WORK}/out.json" "${DATA}/small.json")
  cli(ARGS convert small.json --to jsonl --output "${WORK}/out.jsonl" STDOUT_EMPTY)
  cli(ARGS convert "${WORK}/out.jsonl" --to json STDOUT_SAME_AS "${DATA}/small.json")
]==])
hrnews_cli_test(convert_round_trip_through_stdin_and_stdout [==[
  cli(ARGS convert - --to jsonl STDIN "${DATA}/small.json" STDOUT_TO "${WORK}/small.jsonl")
  cli(ARGS convert - --to jsonl STDIN "${WORK}/small.jsonl" STDOUT_SAME_AS "${WORK}/small.jsonl")
  cli(ARGS convert - --to json STDIN "${WORK}/small.jsonl" STDOUT_SAME_AS "${DATA}/small.json")
  cli(ARGS convert --to json --from jsonl STDIN "${WORK}/small.jsonl" STDOUT_SAME_AS "${DATA}/small.json")
]==])
hrnews_cli_test(convert_merges_inputs_in_order [==[
  cli(ARGS convert small.json more.json --to json STDOUT_SAME_AS "${DATA}/merged.json")
  cli(ARGS convert small.json more.json --to json --jobs 2 STDOUT_SAME_AS "${DATA}/merged.json")
  cli(ARGS convert small.json - --to json --jobs 8 STDIN "${DATA}/more.json" STDOUT_SAME_AS "${DATA}/merged.json")
]==])
hrnews_cli_test(convert_detects_feed_formats [==[
  # Written as a feed, read back with the format detected from the content:
  # the feed formats carry hrnews's fields in an extension, so nothing is lost.
  foreach(format IN ITEMS rss atom jsonfeed)
    cli(ARGS convert merged.json --to ${format} STDOUT_TO "${WORK}/merged.${format}")
    cli(ARGS convert - --to json STDIN "${WORK}/merged.${format}" STDOUT_SAME_AS "${DATA}/merged.json")
    cli(ARGS validate "${WORK}/merged.${format}" STDOUT "${WORK}/merged.${format}: ok (5 items)\n")
  endforeach()
  cli(ARGS convert merged.json --to rdf EXIT 2
      STDERR_MATCHES "^error: cannot write format \"rdf\" \\(available: [a-z, -]*\\)\n${HINT}$")
]==])
hrnews_cli_test(convert_prints_diagnostics [==[
  cli(ARGS convert warnings.json --to json STDOUT_SAME_AS "${DATA}/warnings.json"
      STDERR "warnings.json:12:7: warning: /items/0/published: \"32 Nov 2015\" is not a date; published left empty [date-unparsed]\n")
]==])
hrnews_cli_test(convert_bad_input [==[
  cli(ARGS convert truncated.json --to json EXIT 1 STDOUT_EMPTY
      STDERR_MATCHES "^truncated\\.json:[0-9]+:[0-9]+: error: json: syntax error: [^\n]+\n$")
  cli(ARGS convert small.json truncated.json --to json -o "${WORK}/out.json" EXIT 1 STDOUT_EMPTY
      STDERR_MATCHES "^truncated\\.json:[0-9]+:[0-9]+: error: json: syntax error: [^\n]+\n$")
  if(EXISTS "${WORK}/out.json")
    message(FATAL_ERROR "convert wrote output although an input was bad")
  endif()
  cli(ARGS convert - --to json STDIN "${DATA}/truncated.json" EXIT 1 STDOUT_EMPTY
      STDERR_MATCHES "^<stdin>:[0-9]+:[0-9]+: error: json: syntax error: [^\n]+\n$")
  cli(ARGS convert nosuch.json --to json EXIT 1 STDOUT_EMPTY
      STDERR "nosuch.json: error: cannot read file: No such file or directory\n")
  cli(ARGS convert notes.txt --to json EXIT 1 STDOUT_EMPTY
      STDERR "notes.txt: error: io: cannot detect the format of the input\n")
  cli(ARGS convert small.json --to json -o "${WORK}/no/such/dir/out.json" EXIT 1 STDOUT_EMPTY
      STDERR "${WORK}/no/such/dir/out.json: error: cannot write file: No such file or directory\n")
]==])

# --- validate -------------------------------------------------------------------

hrnews_cli_test(validate_valid_files [==[
  cli(ARGS validate small.json STDOUT "small.json: ok (4 items)\n")
  cli(ARGS validate small.json more.json -- - STDIN "${DATA}/errors.json" EXIT 1
      STDOUT "small.json: ok (4 items)\nmore.json: ok (1 item)\n"
      STDERR "<stdin>:40:5: error: an item with no title, link or description was dropped [item-dropped]\n")
]==])
hrnews_cli_test(validate_truncated_file [==[
  cli(ARGS validate truncated.json EXIT 1 STDOUT_EMPTY
      STDERR "truncated.json:35:25: error: json: syntax error: invalid string: missing closing quote\n")
  cli(ARGS validate small.json truncated.json EXIT 1 STDOUT "small.json: ok (4 items)\n"
      STDERR_MATCHES "^truncated\\.json:[0-9]+:[0-9]+: error: json: syntax error: [^\n]+\n$")
]==])
hrnews_cli_test(validate_semantic_error [==[
  cli(ARGS validate missing-id.json EXIT 1 STDOUT_EMPTY
      STDERR "missing-id.json: error: json: /items/0: missing required member \"id\"\n")
]==])
hrnews_cli_test(validate_unreadable_files [==[
  cli(ARGS validate nosuch.json EXIT 1 STDERR "nosuch.json: error: cannot read file: No such file or directory\n")
  cli(ARGS validate . EXIT 1 STDERR ".: error: cannot read file: Is a directory\n")
  cli(ARGS validate notes.txt EXIT 1 STDERR "notes.txt: error: io: cannot detect the format of the input\n")
]==])
hrnews_cli_test(validate_diagnostics [==[
  set(warning "warnings.json:12:7: warning: /items/0/published: \"32 Nov 2015\" is not a date; published left empty [date-unparsed]\n")
  cli(ARGS validate warnings.json STDOUT "warnings.json: ok (1 item)\n" STDERR "${warning}")
  cli(ARGS validate warnings.json --strict EXIT 1 STDOUT_EMPTY STDERR "${warning}")
  cli(ARGS validate errors.json EXIT 1 STDOUT_EMPTY
      STDERR "errors.json:40:5: error: an item with no title, link or description was dropped [item-dropped]\n")
  cli(ARGS validate warnings.json --jobs 2 errors.json EXIT 1 STDOUT "warnings.json: ok (1 item)\n"
      STDERR "${warning}errors.json:40:5: error: an item with no title, link or description was dropped [item-dropped]\n")
]==])
hrnews_cli_test(diagnostics_as_json [==[
  cli(ARGS --diagnostics json validate warnings.json STDOUT "warnings.json: ok (1 item)\n"
      STDERR "{\"file\":\"warnings.json\",\"severity\":\"warning\",\"code\":\"date-unparsed\",\"message\":\"\\\"32 Nov 2015\\\" is not a date; published left empty\",\"line\":12,\"column\":7,\"path\":\"/items/0/published\"}\n")
  cli(ARGS validate missing-id.json --diagnostics=json EXIT 1
      STDERR "{\"file\":\"missing-id.json\",\"severity\":\"error\",\"code\":\"parse-error\",\"format\":\"json\",\"message\":\"missing required member \\\"id\\\"\",\"path\":\"/items/0\"}\n")
  cli(ARGS validate truncated.json nosuch.json --diagnostics json EXIT 1
      STDERR_MATCHES "^{\"file\":\"truncated\\.json\",\"severity\":\"error\",\"code\":\"parse-error\",\"format\":\"json\",\"message\":\"syntax error: [^\n]*\",\"line\":[0-9]+,\"column\":[0-9]+[^\n]*}\n{\"file\":\"nosuch\\.json\",\"severity\":\"error\",\"code\":\"io-error\",\"message\":\"cannot read file: No such file or directory\"}\n$")
  cli(ARGS convert warnings.json --to json --diagnostics json STDOUT_SAME_AS "${DATA}/warnings.json"
      STDERR_MATCHES "^{\"file\":\"warnings\\.json\",\"severity\":\"warning\",[^\n]*}\n$")
]==])

# --- stats ----------------------------------------------------------------------

hrnews_cli_test(stats [==[
  cli(ARGS stats small.json STDOUT_SAME_AS "${DATA}/small.stats.txt")
  cli(ARGS stats small.json --json STDOUT_SAME_AS "${DATA}/small.stats.json")
  cli(ARGS stats small.json more.json --jobs 2 STDOUT_SAME_AS "${DATA}/small+more.stats.txt")
  cli(ARGS stats - STDIN "${DATA}/merged.json" STDOUT_SAME_AS "${DATA}/merged.stats.txt")
  cli(ARGS stats small.json truncated.json EXIT 1 STDOUT_EMPTY
      STDERR_MATCHES "^truncated\\.json:[0-9]+:[0-9]+: error: json: syntax error: [^\n]+\n$")
]==])

# --- taxonomy -------------------------------------------------------------------

hrnews_cli_test(taxonomy [==[
  cli(ARGS taxonomy list STDOUT_MATCHES ".")
  cli(ARGS taxonomy show nosuch EXIT 1 STDOUT_EMPTY STDERR "error: unknown scheme \"nosuch\"\n")
  cli(ARGS taxonomy export nosuch --to json EXIT 1 STDOUT_EMPTY STDERR "error: unknown scheme \"nosuch\"\n")
]==])

# --- the sample of examples/data ------------------------------------------------

hrnews_cli_test(sample_json_is_a_fixed_point [==[
  set(sample "${SOURCE_DIR}/examples/data/omct-2015-11.json")
  cli(ARGS convert "${sample}" --to json STDOUT_SAME_AS "${sample}")
  cli(ARGS validate "${sample}" STDOUT_MATCHES "omct-2015-11\\.json: ok \\([0-9]+ items\\)\n$")
  cli(ARGS convert "${sample}" --to jsonl STDOUT_TO "${WORK}/sample.jsonl")
  cli(ARGS convert - --to json STDIN "${WORK}/sample.jsonl" STDOUT_SAME_AS "${sample}")
  cli(ARGS stats "${sample}" STDOUT_MATCHES "^[0-9]+ items, ")
]==])
