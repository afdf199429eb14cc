# SPDX-License-Identifier: Apache-2.0
# Validation of written Atom: RFC 4287's RELAX NG grammar with jing (Debian
# package `jing`, installed by scripts/bootstrap.sh) and the two rules the
# grammar states in Schematron (tests/tools/check_atom.py --rules).
# Included by tests/CMakeLists.txt after the hrnews_tests target exists.
#
#   hrnews_atom_rules_selftest       the rule checker accepts/rejects its built-in cases
#   hrnews_atom_jing_rejects_invalid every document in tests/data/atom/invalid/ is REJECTED by jing
#   hrnews_atom_rules_reject_invalid every document in tests/data/atom/rules-invalid/ breaks a rule
#   hrnews_atom_docs_produce         the Catch2 test tagged [atom-out] writes the sample, fixtures and
#                                    50 random collections as Atom into $HRNEWS_ATOM_OUT
#   hrnews_atom_docs_jing            jing -c accepts every one of them
#   hrnews_atom_docs_rules           and every one obeys the Schematron rules
#   hrnews_atom_cli_*                `hrnews convert` of the sample to atom, checked the same way
#
# The grammar is tests/data/schemas/atom-rfc4287.rnc: a copy of the shared
# ../shared/schemas/atom-rfc4287.rnc (source and licence noted at its top), so
# the tests do not depend on the shared folder. Without jing the jing tests
# are reported as skipped (exit code 77); the checker runs on the system Python.

find_program(HRNEWS_JING NAMES jing DOC "RELAX NG validator (Debian package jing), for the Atom tests")
find_program(HRNEWS_ATOM_PYTHON NAMES python3 PATHS /usr/bin NO_DEFAULT_PATH
             DOC "System Python, for tests/tools/check_atom.py")
if(NOT HRNEWS_ATOM_PYTHON)
  message(STATUS "hrnews: /usr/bin/python3 not found: the Atom validation tests are not registered")
  return()
endif()
if(NOT HRNEWS_JING)
  message(STATUS "hrnews: jing not found: the Atom grammar tests will be reported as skipped")
  set(HRNEWS_JING jing)  # check_atom.py exits with 77 when it cannot find it
endif()

set(HRNEWS_ATOM_OUT_DIR ${CMAKE_CURRENT_BINARY_DIR}/atom-out)
set(HRNEWS_ATOM_CLI_OUT_DIR ${CMAKE_CURRENT_BINARY_DIR}/atom-out-cli)
set(_hrnews_atom_check ${HRNEWS_ATOM_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/tools/check_atom.py)
set(_hrnews_atom_jing ${_hrnews_atom_check} --jing ${HRNEWS_JING}
    --schema ${CMAKE_CURRENT_SOURCE_DIR}/data/schemas/atom-rfc4287.rnc)

# --- checks that need no build: the checks themselves can fail ---------------------

add_test(NAME hrnews_atom_rules_selftest COMMAND ${_hrnews_atom_check} --self-test)
add_test(NAME hrnews_atom_jing_rejects_invalid
         COMMAND ${_hrnews_atom_jing} --expect-invalid --min-files 5 ${CMAKE_CURRENT_SOURCE_DIR}/data/atom/invalid)
add_test(NAME hrnews_atom_rules_reject_invalid
         COMMAND ${_hrnews_atom_check} --rules --expect-invalid --min-files 2
                 ${CMAKE_CURRENT_SOURCE_DIR}/data/atom/rules-invalid)

# --- documents written by the C++ tests and the CLI -------------------------------
# Order: clean the output folders -> produce documents -> validate them.

file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/atom-out-clean.cmake
     "file(REMOVE_RECURSE \"${HRNEWS_ATOM_OUT_DIR}\" \"${HRNEWS_ATOM_CLI_OUT_DIR}\")\n"
     "file(MAKE_DIRECTORY \"${HRNEWS_ATOM_OUT_DIR}\" \"${HRNEWS_ATOM_CLI_OUT_DIR}\")\n")
add_test(NAME hrnews_atom_out_clean COMMAND ${CMAKE_COMMAND} -P ${CMAKE_CURRENT_BINARY_DIR}/atom-out-clean.cmake)
set_tests_properties(hrnews_atom_out_clean PROPERTIES FIXTURES_SETUP hrnews_atom_out_clean)

# -w NoTests: no test case tagged [atom-out] is an error, not a silent pass.
add_test(NAME hrnews_atom_docs_produce COMMAND hrnews_tests "[atom-out]" -w NoTests)
set_tests_properties(hrnews_atom_docs_produce PROPERTIES
  ENVIRONMENT "HRNEWS_ATOM_OUT=${HRNEWS_ATOM_OUT_DIR}"
  FIXTURES_REQUIRED hrnews_atom_out_clean
  FIXTURES_SETUP hrnews_atom_docs)
add_test(NAME hrnews_atom_docs_jing COMMAND ${_hrnews_atom_jing} --quiet --min-files 51 ${HRNEWS_ATOM_OUT_DIR})
add_test(NAME hrnews_atom_docs_rules
         COMMAND ${_hrnews_atom_check} --rules --quiet --min-files 51 ${HRNEWS_ATOM_OUT_DIR})
set_tests_properties(hrnews_atom_docs_jing hrnews_atom_docs_rules PROPERTIES FIXTURES_REQUIRED hrnews_atom_docs)

set(_hrnews_atom_tests hrnews_atom_rules_selftest hrnews_atom_jing_rejects_invalid hrnews_atom_rules_reject_invalid
    hrnews_atom_docs_jing hrnews_atom_docs_rules)

if(TARGET hrnews_cli)
  add_test(NAME hrnews_atom_cli_convert
           COMMAND hrnews_cli convert ${PROJECT_SOURCE_DIR}/examples/data/omct-2015-11.json --to atom
                   -o ${HRNEWS_ATOM_CLI_OUT_DIR}/omct-2015-11.atom)
  set_tests_properties(hrnews_atom_cli_convert PROPERTIES
    FIXTURES_REQUIRED hrnews_atom_out_clean
    FIXTURES_SETUP hrnews_atom_cli_docs)
  add_test(NAME hrnews_atom_cli_jing COMMAND ${_hrnews_atom_jing} --quiet --min-files 1 ${HRNEWS_ATOM_CLI_OUT_DIR})
  add_test(NAME hrnews_atom_cli_rules
           COMMAND ${_hrnews_atom_check} --rules --quiet --min-files 1 ${HRNEWS_ATOM_CLI_OUT_DIR})
  set_tests_properties(hrnews_atom_cli_jing hrnews_atom_cli_rules PROPERTIES FIXTURES_REQUIRED hrnews_atom_cli_docs)
  list(APPEND _hrnews_atom_tests hrnews_atom_cli_jing hrnews_atom_cli_rules)
endif()

set_tests_properties(${_hrnews_atom_tests} PROPERTIES SKIP_RETURN_CODE 77 LABELS "atom" TIMEOUT 300)
