# SPDX-License-Identifier: Apache-2.0
# XML Schema checks for the canonical XML format (docs/schema/hrnews.xsd), with
# xmllint (Debian package libxml2-utils, installed by scripts/bootstrap.sh).
#
#   hrnews_xsd_docs_validate   the sample and 200 random documents written by the
#                              Catch2 test tagged [xsd-out] all validate
#   hrnews_xsd_cli_validate    `hrnews convert --to xml` of the sample validates
#
# Without xmllint the validation tests are reported as skipped.

find_program(HRNEWS_XMLLINT NAMES xmllint DOC "xmllint, for the XML Schema tests")
set(HRNEWS_XSD ${PROJECT_SOURCE_DIR}/docs/schema/hrnews.xsd)
set(HRNEWS_XSD_OUT_DIR ${CMAKE_CURRENT_BINARY_DIR}/xsd-out)

# Validates every *.xml of DIR (at least MIN files) in one xmllint call.
file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/xsd-validate.cmake [=[
if(NOT XMLLINT)
  message("xmllint not found: skipped")
  return()
endif()
file(GLOB files "${DIR}/*.xml")
list(LENGTH files n)
if(n LESS MIN)
  message(FATAL_ERROR "expected at least ${MIN} documents in ${DIR}, found ${n}")
endif()
execute_process(COMMAND ${XMLLINT} --noout --nonet --schema ${XSD} ${files}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
string(REGEX MATCHALL "validates" ok "${err}")
list(LENGTH ok valid)
message("${valid} of ${n} documents validate against ${XSD}")
if(NOT rc EQUAL 0 OR NOT valid EQUAL n)
  message(FATAL_ERROR "xmllint failed (${rc}):\n${err}")
endif()
]=])
set(_hrnews_xsd_validate ${CMAKE_COMMAND} -DXMLLINT=${HRNEWS_XMLLINT} -DXSD=${HRNEWS_XSD})
set(_hrnews_xsd_script -P ${CMAKE_CURRENT_BINARY_DIR}/xsd-validate.cmake)

file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/xsd-out-clean.cmake
     "file(REMOVE_RECURSE \"${HRNEWS_XSD_OUT_DIR}\")\n"
     "file(MAKE_DIRECTORY \"${HRNEWS_XSD_OUT_DIR}/docs\" \"${HRNEWS_XSD_OUT_DIR}/cli\")\n")
add_test(NAME hrnews_xsd_out_clean COMMAND ${CMAKE_COMMAND} -P ${CMAKE_CURRENT_BINARY_DIR}/xsd-out-clean.cmake)
set_tests_properties(hrnews_xsd_out_clean PROPERTIES FIXTURES_SETUP hrnews_xsd_clean)

add_test(NAME hrnews_xsd_docs_produce COMMAND hrnews_tests "[xsd-out]" -w NoTests)
set_tests_properties(hrnews_xsd_docs_produce PROPERTIES
  ENVIRONMENT "HRNEWS_XSD_OUT=${HRNEWS_XSD_OUT_DIR}/docs"
  FIXTURES_REQUIRED hrnews_xsd_clean FIXTURES_SETUP hrnews_xsd_docs)
add_test(NAME hrnews_xsd_docs_validate
         COMMAND ${_hrnews_xsd_validate} -DDIR=${HRNEWS_XSD_OUT_DIR}/docs -DMIN=201 ${_hrnews_xsd_script})
set_tests_properties(hrnews_xsd_docs_validate PROPERTIES FIXTURES_REQUIRED hrnews_xsd_docs LABELS "schema"
  SKIP_REGULAR_EXPRESSION "xmllint not found: skipped")

if(TARGET hrnews_cli)
  add_test(NAME hrnews_xsd_cli_produce
           COMMAND hrnews_cli convert ${PROJECT_SOURCE_DIR}/examples/data/omct-2015-11.json --to xml
                   -o ${HRNEWS_XSD_OUT_DIR}/cli/omct-2015-11.xml)
  set_tests_properties(hrnews_xsd_cli_produce PROPERTIES
    FIXTURES_REQUIRED hrnews_xsd_clean FIXTURES_SETUP hrnews_xsd_cli)
  add_test(NAME hrnews_xsd_cli_validate COMMAND ${_hrnews_xsd_validate} -DDIR=${HRNEWS_XSD_OUT_DIR}/cli -DMIN=1 ${_hrnews_xsd_script})
  set_tests_properties(hrnews_xsd_cli_validate PROPERTIES FIXTURES_REQUIRED hrnews_xsd_cli LABELS "schema"
    SKIP_REGULAR_EXPRESSION "xmllint not found: skipped")
endif()
