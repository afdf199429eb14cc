# SPDX-License-Identifier: Apache-2.0
# IPTC ninjs 2.2 validation of what `write_ninjs` writes (docs/format-ninjs.md).
#
#   hrnews_ninjs_produce    the Catch2 test tagged [ninjs-out] writes the sample and
#                           200 random collections, without and with the hrnews
#                           extension, into $HRNEWS_NINJS_OUT
#   hrnews_ninjs_validate   every object is valid against tests/data/schemas/ninjs-schema_2.2.json
#                           and docs/schema/hrnews-ninjs-extension.schema.json
#                           (tests/tools/validate_ninjs.py, system Python + python3-jsonschema)
#   hrnews_ninjs_cli        `hrnews convert --to ninjs` and `--to ninjs-hrnews` of the sample, validated

find_program(HRNEWS_NINJS_PYTHON NAMES python3 PATHS /usr/bin NO_DEFAULT_PATH
             DOC "System Python with python3-jsonschema, for the ninjs validation")
if(NOT HRNEWS_NINJS_PYTHON)
  message(STATUS "hrnews: /usr/bin/python3 not found: ninjs validation tests are not registered")
  return()
endif()

set(HRNEWS_NINJS_OUT_DIR ${CMAKE_CURRENT_BINARY_DIR}/ninjs-out)
set(_hrnews_ninjs_validate
    ${HRNEWS_NINJS_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/tools/validate_ninjs.py
    --ninjs ${CMAKE_CURRENT_SOURCE_DIR}/data/schemas/ninjs-schema_2.2.json
    --extension ${PROJECT_SOURCE_DIR}/docs/schema/hrnews-ninjs-extension.schema.json)

file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/ninjs-out-clean.cmake
     "file(REMOVE_RECURSE \"${HRNEWS_NINJS_OUT_DIR}\")\n"
     "file(MAKE_DIRECTORY \"${HRNEWS_NINJS_OUT_DIR}/lib\" \"${HRNEWS_NINJS_OUT_DIR}/cli\")\n")
add_test(NAME hrnews_ninjs_out_clean COMMAND ${CMAKE_COMMAND} -P ${CMAKE_CURRENT_BINARY_DIR}/ninjs-out-clean.cmake)
set_tests_properties(hrnews_ninjs_out_clean PROPERTIES FIXTURES_SETUP hrnews_ninjs_out_clean)

add_test(NAME hrnews_ninjs_produce COMMAND hrnews_tests "[ninjs-out]" -w NoTests)
set_tests_properties(hrnews_ninjs_produce PROPERTIES
  ENVIRONMENT "HRNEWS_NINJS_OUT=${HRNEWS_NINJS_OUT_DIR}/lib"
  FIXTURES_REQUIRED hrnews_ninjs_out_clean
  FIXTURES_SETUP hrnews_ninjs_docs)
# 2 sample files + 2 x 200 random collections; at least 1000 objects in all.
add_test(NAME hrnews_ninjs_validate
         COMMAND ${_hrnews_ninjs_validate} --min-objects 1000 ${HRNEWS_NINJS_OUT_DIR}/lib)
set_tests_properties(hrnews_ninjs_validate PROPERTIES FIXTURES_REQUIRED hrnews_ninjs_docs)

if(TARGET hrnews_cli)
  foreach(_hrnews_format IN ITEMS ninjs ninjs-hrnews)
    add_test(NAME hrnews_ninjs_cli_${_hrnews_format}
             COMMAND hrnews_cli convert ${PROJECT_SOURCE_DIR}/examples/data/omct-2015-11.json --to ${_hrnews_format}
                     -o ${HRNEWS_NINJS_OUT_DIR}/cli/omct-2015-11.${_hrnews_format}.json)
    set_tests_properties(hrnews_ninjs_cli_${_hrnews_format} PROPERTIES
      FIXTURES_REQUIRED hrnews_ninjs_out_clean FIXTURES_SETUP hrnews_ninjs_cli_docs)
  endforeach()
  add_test(NAME hrnews_ninjs_cli_validate COMMAND ${_hrnews_ninjs_validate} --min-objects 32 ${HRNEWS_NINJS_OUT_DIR}/cli)
  set_tests_properties(hrnews_ninjs_cli_validate PROPERTIES FIXTURES_REQUIRED hrnews_ninjs_cli_docs
                       SKIP_RETURN_CODE 77 LABELS "ninjs" TIMEOUT 300)
endif()
set_tests_properties(hrnews_ninjs_validate PROPERTIES SKIP_RETURN_CODE 77 LABELS "ninjs" TIMEOUT 300)
