# SPDX-License-Identifier: Apache-2.0
# JSON Schema checks for the canonical JSON and JSONL formats (docs/schema/).
# Included by tests/CMakeLists.txt after the hrnews_tests target exists.
#
#   hrnews_schema_selftest          the schemas accept/reject built-in cases (validate_schema.py --self-test)
#   hrnews_schema_sample            examples/data/omct-2015-11.json is valid
#   hrnews_schema_invalid_rejected  every document in tests/data/schema-invalid/ is REJECTED,
#                                   at exactly the places listed in its EXPECTED file
#   hrnews_schema_docs_validate     every *.json / *.jsonl the Catch2 tests tagged [schema-out]
#                                   write into $HRNEWS_SCHEMA_OUT is valid
#   hrnews_schema_cli_validate      `hrnews convert` of the sample to json and jsonl is valid
#
# The validator is tests/tools/validate_schema.py, run by the system Python with
# Debian's python3-jsonschema (scripts install it); without the package the tests
# are reported as skipped (exit code 77).

find_program(HRNEWS_SYSTEM_PYTHON NAMES python3 PATHS /usr/bin NO_DEFAULT_PATH
             DOC "System Python with python3-jsonschema, for the JSON Schema tests")
if(NOT HRNEWS_SYSTEM_PYTHON)
  message(STATUS "hrnews: /usr/bin/python3 not found: JSON Schema tests are not registered")
  return()
endif()

set(HRNEWS_SCHEMA_OUT_DIR ${CMAKE_CURRENT_BINARY_DIR}/schema-out)
set(HRNEWS_SCHEMA_CLI_OUT_DIR ${CMAKE_CURRENT_BINARY_DIR}/schema-out-cli)
set(_hrnews_schema_validate
    ${HRNEWS_SYSTEM_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/tools/validate_schema.py
    --schema-dir ${PROJECT_SOURCE_DIR}/docs/schema)
set(_hrnews_schema_sample ${PROJECT_SOURCE_DIR}/examples/data/omct-2015-11.json)

# --- checks that need no build ---------------------------------------------------

add_test(NAME hrnews_schema_selftest COMMAND ${_hrnews_schema_validate} --self-test --quiet)
add_test(NAME hrnews_schema_sample COMMAND ${_hrnews_schema_validate} ${_hrnews_schema_sample})
add_test(NAME hrnews_schema_invalid_rejected
         COMMAND ${_hrnews_schema_validate} --expect-invalid ${CMAKE_CURRENT_SOURCE_DIR}/data/schema-invalid)

# --- documents written by the C++ tests and the CLI ------------------------------
# Order: clean the output folders -> produce documents -> validate them.

file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/schema-out-clean.cmake
     "file(REMOVE_RECURSE \"${HRNEWS_SCHEMA_OUT_DIR}\" \"${HRNEWS_SCHEMA_CLI_OUT_DIR}\")\n"
     "file(MAKE_DIRECTORY \"${HRNEWS_SCHEMA_OUT_DIR}\" \"${HRNEWS_SCHEMA_CLI_OUT_DIR}\")\n")
add_test(NAME hrnews_schema_out_clean
         COMMAND ${CMAKE_COMMAND} -P ${CMAKE_CURRENT_BINARY_DIR}/schema-out-clean.cmake)
set_tests_properties(hrnews_schema_out_clean PROPERTIES FIXTURES_SETUP hrnews_schema_out_clean)

# The Catch2 tests tagged [schema-out] write sample and random documents into
# $HRNEWS_SCHEMA_OUT. -w NoTests: no such test case is an error, not a silent pass.
add_test(NAME hrnews_schema_docs_produce COMMAND hrnews_tests "[schema-out]" -w NoTests)
set_tests_properties(hrnews_schema_docs_produce PROPERTIES
  ENVIRONMENT "HRNEWS_SCHEMA_OUT=${HRNEWS_SCHEMA_OUT_DIR}"
  FIXTURES_REQUIRED hrnews_schema_out_clean
  FIXTURES_SETUP hrnews_schema_docs)
add_test(NAME hrnews_schema_docs_validate
         COMMAND ${_hrnews_schema_validate} --min-files 1 ${HRNEWS_SCHEMA_OUT_DIR})
set_tests_properties(hrnews_schema_docs_validate PROPERTIES FIXTURES_REQUIRED hrnews_schema_docs)

if(TARGET hrnews_cli)
  foreach(_hrnews_format IN ITEMS json jsonl)
    add_test(NAME hrnews_schema_cli_${_hrnews_format}
             COMMAND hrnews_cli convert ${_hrnews_schema_sample} --to ${_hrnews_format}
                     -o ${HRNEWS_SCHEMA_CLI_OUT_DIR}/omct-2015-11.${_hrnews_format})
    set_tests_properties(hrnews_schema_cli_${_hrnews_format} PROPERTIES
      FIXTURES_REQUIRED hrnews_schema_out_clean
      FIXTURES_SETUP hrnews_schema_cli_docs)
  endforeach()
  add_test(NAME hrnews_schema_cli_validate
           COMMAND ${_hrnews_schema_validate} --min-files 2 ${HRNEWS_SCHEMA_CLI_OUT_DIR})
  set_tests_properties(hrnews_schema_cli_validate PROPERTIES FIXTURES_REQUIRED hrnews_schema_cli_docs)
endif()

set_tests_properties(
  hrnews_schema_selftest hrnews_schema_sample hrnews_schema_invalid_rejected hrnews_schema_docs_validate
  PROPERTIES SKIP_RETURN_CODE 77 LABELS "schema" TIMEOUT 300)
if(TARGET hrnews_cli)
  set_tests_properties(hrnews_schema_cli_validate PROPERTIES SKIP_RETURN_CODE 77 LABELS "schema" TIMEOUT 300)
endif()
