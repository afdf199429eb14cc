# SPDX-License-Identifier: Apache-2.0
# Runs the seed table program and compares its Markdown with the reviewed table.
execute_process(COMMAND "${HRNEWS}" "${FEED}" --campaigns "${CAMPAIGNS}"
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT err STREQUAL "")
  message(FATAL_ERROR "seed table: exit ${rc}, stderr: ${err}")
endif()
file(READ "${EXPECTED}" expected)
if(NOT out STREQUAL expected)
  message(FATAL_ERROR "seed table differs from ${EXPECTED}:\n${out}")
endif()
