# SPDX-License-Identifier: Apache-2.0
# `hrnews convert` with the interchange formats of this library: canonical XML
# (`xml`) and the Boost archives (`boost-text`, `boost-binary`, `boost-xml`),
# written with --to, detected from the content, and named with --from.
# Uses hrnews_cli_test() from tests/cli.cmake (modules are included in name order).
if(NOT COMMAND hrnews_cli_test)
  return()
endif()

set(HRNEWS_XML_CANONICAL_DATA ${CMAKE_CURRENT_SOURCE_DIR}/data/xml-canonical)

hrnews_cli_test(convert_xml_round_trip [==[
  cli(ARGS convert merged.json --to xml STDOUT_TO "${WORK}/merged.xml")
  cli(ARGS convert "${WORK}/merged.xml" --to json STDOUT_SAME_AS "${DATA}/merged.json")
  cli(ARGS convert - --to json STDIN "${WORK}/merged.xml" STDOUT_SAME_AS "${DATA}/merged.json")
  cli(ARGS convert --from xml "${WORK}/merged.xml" --to xml STDOUT_SAME_AS "${WORK}/merged.xml")
  cli(ARGS convert small.json more.json --to xml --jobs 2 STDOUT_SAME_AS "${WORK}/merged.xml")
]==])

hrnews_cli_test(convert_boost_archives_round_trip [==[
  foreach(format IN ITEMS boost-text boost-binary boost-xml)
    cli(ARGS convert merged.json --to ${format} -o "${WORK}/merged.${format}" STDOUT_EMPTY)
    cli(ARGS convert "${WORK}/merged.${format}" --to json STDOUT_SAME_AS "${DATA}/merged.json")
    cli(ARGS convert --from ${format} "${WORK}/merged.${format}" --to json STDOUT_SAME_AS "${DATA}/merged.json")
    cli(ARGS convert "${WORK}/merged.${format}" --to ${format} -o "${WORK}/again.${format}" STDOUT_EMPTY)
    expect_same_file("${WORK}/again.${format}" "${WORK}/merged.${format}")
  endforeach()
]==])

hrnews_cli_test(convert_interchange_errors [==[
  cli(ARGS convert "${SOURCE_DIR}/tests/data/xml-canonical/bad-date.xml" --to json EXIT 1 STDOUT_EMPTY
      STDERR_MATCHES "/bad-date\\.xml:6:7: error: xml: /hrnews/items/article/published: \"32 Nov\" is not a valid date\n$")
  cli(ARGS convert small.json --to json --from boost-text EXIT 1 STDOUT_EMPTY
      STDERR "small.json: error: boost-text: archive error: input stream error\n")
  cli(ARGS convert small.json --to json --from boost-xml EXIT 1 STDOUT_EMPTY
      STDERR_MATCHES "^small\\.json: error: boost-xml: archive error: [^\n]+\n$")
  cli(ARGS convert small.json --to json --from xml EXIT 1 STDOUT_EMPTY
      STDERR_MATCHES "^small\\.json:[0-9]+:[0-9]+: error: xml: syntax error: no document element found\n$")
]==])

hrnews_cli_test(convert_xml_keeps_foreign_content [==[
  cli(ARGS convert "${SOURCE_DIR}/tests/data/xml-canonical/foreign.xml" --to json STDOUT_TO "${WORK}/foreign.json")
  cli(ARGS convert "${WORK}/foreign.json" --to xml STDOUT_TO "${WORK}/foreign.xml")
  cli(ARGS convert "${WORK}/foreign.xml" --to json STDOUT_SAME_AS "${WORK}/foreign.json")
  file(READ "${WORK}/foreign.xml" text)
  if(NOT text MATCHES "<g:note kind=\"a\" xmlns:g=\"urn:example:g\">first <g:b>bold</g:b></g:note>"
     OR NOT text MATCHES "<g:extra xmlns:g=\"urn:example:g\">kept</g:extra>"
     OR NOT text MATCHES "<feed xmlns:x1=\"urn:example:g\" x1:flag=\"yes\">")
    message(FATAL_ERROR "foreign content was not written back:\n${text}")
  endif()
]==])
