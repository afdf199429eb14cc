# SPDX-License-Identifier: Apache-2.0
# Checks that the version macros of include/hrnews/version.hpp agree with each
# other and with the PROJECT_VERSION CMake derived from them.
#   cmake -DHEADER=<version.hpp> -DPROJECT_VERSION=x.y.z -P check_version.cmake
file(READ "${HEADER}" text)
foreach(part MAJOR MINOR PATCH)
  if(NOT text MATCHES "\n#define HRNEWS_VERSION_${part} ([0-9]+)\n")
    message(FATAL_ERROR "${HEADER}: no `#define HRNEWS_VERSION_${part} N` line")
  endif()
  set(${part} ${CMAKE_MATCH_1})
endforeach()
if(NOT text MATCHES "\n#define HRNEWS_VERSION_STRING \"([^\"]*)\"\n")
  message(FATAL_ERROR "${HEADER}: no `#define HRNEWS_VERSION_STRING \"x.y.z\"` line")
endif()
set(string ${CMAKE_MATCH_1})
set(from_parts "${MAJOR}.${MINOR}.${PATCH}")
if(NOT string STREQUAL from_parts)
  message(FATAL_ERROR "${HEADER}: HRNEWS_VERSION_STRING is \"${string}\" but MAJOR.MINOR.PATCH is ${from_parts}")
endif()
if(NOT PROJECT_VERSION STREQUAL string)
  message(FATAL_ERROR "CMake's PROJECT_VERSION is ${PROJECT_VERSION} but ${HEADER} says ${string}")
endif()
message(STATUS "version ${string}: header macros and CMake agree")
