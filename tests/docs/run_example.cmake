# SPDX-License-Identifier: Apache-2.0
# Runs one documentation example and compares its output with the .out file the
# page shows (stdout and stderr together; exit status 0 expected).
#   cmake -DPROGRAM=<exe> -DEXPECTED=<file.out> -DWORKDIR=<dir> -P run_example.cmake
foreach(var PROGRAM EXPECTED WORKDIR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "run_example.cmake: ${var} is not set")
  endif()
endforeach()
execute_process(COMMAND ${PROGRAM} WORKING_DIRECTORY ${WORKDIR}
  OUTPUT_VARIABLE out ERROR_VARIABLE out RESULT_VARIABLE rc)
if(NOT EXISTS "${EXPECTED}")
  message(FATAL_ERROR "${EXPECTED} does not exist; the program printed:\n${out}")
endif()
file(READ "${EXPECTED}" expected)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${PROGRAM} exited with ${rc}:\n${out}")
endif()
if(NOT out STREQUAL expected)
  message(FATAL_ERROR "${PROGRAM} printed:\n${out}\n--- but ${EXPECTED} holds:\n${expected}")
endif()
