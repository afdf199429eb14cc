# SPDX-License-Identifier: Apache-2.0
# CLI tests of the interchange exports and imports: `hrnews convert --to ninjs |
# ninjs-hrnews | jsonld` and `--from reliefweb` (docs/format-ninjs.md,
# docs/format-jsonld.md, docs/format-reliefweb.md). Uses hrnews_cli_test() of
# tests/cli.cmake (included before this file: modules are included in name order);
# the working directory is tests/data/cli, so ReliefWeb fixtures are named
# `../reliefweb/…`. Run them alone with `ctest --preset default -R '^cli\.exports_'`.

if(NOT COMMAND hrnews_cli_test)
  message(STATUS "hrnews: tests/cli.cmake not loaded: export CLI tests are not registered")
  return()
endif()

hrnews_cli_test(exports_ninjs [==[
  # A JSON array of ninjs objects; the extension only in ninjs-hrnews.
  cli(ARGS convert small.json --to ninjs
      STDOUT_MATCHES "^\\[\n  {\n    \"uri\": \"urn:hrnews-test:1\",\n    \"standard\": {\n      \"name\": \"ninjs\",\n      \"version\": \"2.2\",\n      \"schema\": \"http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json\"\n    },\n    \"type\": \"text\",")
  cli(ARGS convert small.json --to ninjs -o "${WORK}/small.ninjs.json" STDOUT_EMPTY)
  file(READ "${WORK}/small.ninjs.json" plain)
  if(plain MATCHES "\"hrnews\": {")
    message(FATAL_ERROR "ninjs output holds the hrnews extension")
  endif()
  cli(ARGS convert small.json --to ninjs-hrnews
      STDOUT_MATCHES "\"schema\": \"urn:hrnews:schema:ninjs-extension:1.0\".*\n    \"hrnews\": {\n      \"kind\": \"article\",")
  cli(ARGS convert small.json --to json --from ninjs EXIT 2
      STDERR_MATCHES "^error: cannot read format \"ninjs\" \\(available: [a-z, -]*reliefweb[a-z, -]*\\)\n${HINT}$")
]==])

hrnews_cli_test(exports_jsonld [==[
  cli(ARGS convert small.json --to jsonld
      STDOUT_MATCHES "^{\n  \"@context\": \"https://schema.org\",\n  \"@graph\": \\[\n    {\n      \"@type\": \"NewsArticle\",")
  # The sample's first item, exactly as tests/data/jsonld/ holds it (inside the graph).
  cli(ARGS convert "${SOURCE_DIR}/examples/data/omct-2015-11.json" --to jsonld
      STDOUT_MATCHES "\n    {\n      \"@type\": \"Event\",\n      \"@id\": \"https://www.omct.org/en/resources/events/un-forum-on-business-and-human-rights-side-event-on-challenges-that-human-rights\",")
  cli(ARGS convert small.json --to json --from jsonld EXIT 2
      STDERR_MATCHES "^error: cannot read format \"jsonld\" \\(available: ")
]==])

hrnews_cli_test(exports_reliefweb [==[
  # Sniffed from the content, diagnostics on stderr.
  cli(ARGS convert ../reliefweb/single-v2.json --to jsonl
      STDOUT_MATCHES "^{\"hrnews\":\"1.0\",\"feed\":{\"id\":\"https://reliefweb.int/\",\"title\":\"ReliefWeb\",\"url\":\"https://reliefweb.int/\",\"links\":\\[{\"href\":\"https://api.reliefweb.int/v2/reports/2001\\?appname=hrnews-fixture\",\"rel\":\"self\"}\\],\"source_format\":\"reliefweb-v2\"}")
  cli(ARGS convert ../reliefweb/reports-v1.json --to json -o "${WORK}/rw.json" STDOUT_EMPTY
      STDERR "../reliefweb/reports-v1.json: warning: /data/2/fields/country/0: country \"Kosovo\" has an unknown \"iso3\" \"xkx\"; kept as a raw category [country-unknown]\n../reliefweb/reports-v1.json: info: 3 ReliefWeb values not mapped to hrnews terms, kept as raw categories: theme \"Protection and Human Rights\" (2), format \"Map\" (1), format \"Other\" (1) [reliefweb-unmapped]\n")
  # What cannot be sniffed is read with --from reliefweb.
  file(WRITE "${WORK}/bare.json" "{\"data\": []}\n")
  cli(ARGS convert "${WORK}/bare.json" --to json EXIT 1
      STDERR "${WORK}/bare.json: error: io: cannot detect the format of the input\n")
  cli(ARGS convert "${WORK}/bare.json" --to json --from reliefweb
      STDOUT_MATCHES "\"source_format\": \"reliefweb\"")
  # Errors: whole messages.
  cli(ARGS convert ../reliefweb/no-data.json --to json --from reliefweb EXIT 1
      STDERR "../reliefweb/no-data.json: error: reliefweb: missing required member \"data\"\n")
  cli(ARGS convert ../reliefweb/data-not-array.json --to json EXIT 1
      STDERR "../reliefweb/data-not-array.json: error: reliefweb: /data: expected an array, found an object\n")
  cli(ARGS convert ../reliefweb/syntax-error.json --to json EXIT 1
      STDERR "../reliefweb/syntax-error.json:3:39: error: reliefweb: syntax error: unexpected '}'\n")
  cli(ARGS convert ../reliefweb/repairs.json --to json --strict EXIT 1
      STDERR "../reliefweb/repairs.json: error: reliefweb: /data/0/fields/title: expected a string, found a number; ignored (strict mode)\n")
  cli(ARGS convert small.json --to reliefweb EXIT 2
      STDERR_MATCHES "^error: cannot write format \"reliefweb\" \\(available: [a-z, -]*jsonld[a-z, -]*\\)\n${HINT}$")
  # ReliefWeb in, ninjs and JSON-LD out.
  cli(ARGS convert ../reliefweb/single-v2.json --to jsonld
      STDOUT_MATCHES "\"@id\": \"https://reliefweb.int/node/2001\",\n      \"headline\": \"Azerbaijan: UN Committee against Torture to intervene\",")
  cli(ARGS convert ../reliefweb/single-v2.json --to ninjs
      STDOUT_MATCHES "\"genres\": \\[\n      {\n        \"name\": \"Report\",\n        \"uri\": \"urn:hrnews:scheme:genre:report\",")
]==])
