# SPDX-License-Identifier: Apache-2.0
# Release hygiene (docs/releasing.md):
#   release.version  the macros of include/hrnews/version.hpp agree with each
#                    other and with CMake's PROJECT_VERSION
#   release.spdx     every source file has an SPDX licence line (scripts/check_spdx.sh)
add_test(NAME release.version
  COMMAND ${CMAKE_COMMAND} -DHEADER=${PROJECT_SOURCE_DIR}/include/hrnews/version.hpp
          -DPROJECT_VERSION=${PROJECT_VERSION} -P ${CMAKE_CURRENT_SOURCE_DIR}/tools/check_version.cmake)
set_tests_properties(release.version PROPERTIES LABELS release)

find_program(HRNEWS_BASH bash)
if(HRNEWS_BASH)
  add_test(NAME release.spdx COMMAND ${HRNEWS_BASH} ${PROJECT_SOURCE_DIR}/scripts/check_spdx.sh ${PROJECT_SOURCE_DIR})
  set_tests_properties(release.spdx PROPERTIES LABELS release)
endif()
