# SPDX-License-Identifier: Apache-2.0
# Options that default to ON only when hrnews is the top-level project.
if(CMAKE_SOURCE_DIR STREQUAL PROJECT_SOURCE_DIR)
  set(HRNEWS_TOP_LEVEL ON)
else()
  set(HRNEWS_TOP_LEVEL OFF)
endif()

option(HRNEWS_BUILD_TESTS "Build the Catch2 tests and examples" ${HRNEWS_TOP_LEVEL})
option(HRNEWS_BUILD_BENCH "Build the benchmarks" ${HRNEWS_TOP_LEVEL})
option(HRNEWS_BUILD_PYTHON "Build the Python module" OFF)
option(HRNEWS_BUILD_DOCS "Build the Doxygen documentation" OFF)
option(HRNEWS_BUILD_FUZZERS "Build the libFuzzer targets (clang)" OFF)
option(HRNEWS_INSTALL "Generate the install target" ${HRNEWS_TOP_LEVEL})
option(HRNEWS_SANITIZE "Build with address and undefined-behaviour sanitizers" OFF)

if(NOT CMAKE_BUILD_TYPE AND NOT CMAKE_CONFIGURATION_TYPES AND HRNEWS_TOP_LEVEL)
  set(CMAKE_BUILD_TYPE RelWithDebInfo CACHE STRING "Build type" FORCE)
endif()
set(CMAKE_EXPORT_COMPILE_COMMANDS ON)
include(GNUInstallDirs)

# Compiler cache: used automatically when ccache is installed and the caller
# has not chosen a launcher (speeds up rebuilds across several build trees).
if(PROJECT_IS_TOP_LEVEL AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
  find_program(HRNEWS_CCACHE ccache)
  if(HRNEWS_CCACHE)
    set(CMAKE_CXX_COMPILER_LAUNCHER "${HRNEWS_CCACHE}" CACHE STRING "Compiler launcher")
  endif()
endif()
