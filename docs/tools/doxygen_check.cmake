# SPDX-License-Identifier: Apache-2.0
# Runs Doxygen and fails on any warning, printing them and their count.
#   cmake -DDOXYGEN=<doxygen> -DDOXYFILE=<Doxyfile> -DLOG=<warning log> -P doxygen_check.cmake
foreach(var DOXYGEN DOXYFILE LOG)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "doxygen_check.cmake: ${var} is not set")
  endif()
endforeach()
file(REMOVE "${LOG}")
execute_process(COMMAND ${DOXYGEN} ${DOXYFILE} RESULT_VARIABLE rc
  OUTPUT_VARIABLE out ERROR_VARIABLE err)
set(warnings "")
if(EXISTS "${LOG}")
  file(READ "${LOG}" warnings)
endif()
string(REGEX MATCHALL "(^|\n)[^\n]*: (warning|error): " found "${warnings}")
list(LENGTH found count)
message(STATUS "doxygen: ${count} warnings")
if(NOT rc EQUAL 0 OR NOT warnings STREQUAL "")
  message(FATAL_ERROR "doxygen exited with ${rc}; warnings:\n${warnings}${err}")
endif()
