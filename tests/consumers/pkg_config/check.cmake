# SPDX-License-Identifier: Apache-2.0
# A consumer that uses pkg-config and no CMake: compiles consumer.cpp with the
# compiler directly, with the flags of `pkg-config --cflags --libs hrnews`.
#
#   cmake -DPREFIX=<install prefix> -DLIBDIR=lib -DCXX=g++ -DWORK=<dir>
#         -DSAMPLE=<file> -DEXPECTED=<regex> -P check.cmake
foreach(var PREFIX LIBDIR CXX WORK SAMPLE EXPECTED)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "pkg_config/check.cmake: ${var} is not set")
  endif()
endforeach()
find_program(PKG_CONFIG NAMES pkg-config pkgconf REQUIRED)

# Only the prefix under test: PKG_CONFIG_LIBDIR replaces the default search path
# for hrnews.pc, PKG_CONFIG_PATH adds the system's for the dependencies.
set(ENV{PKG_CONFIG_PATH} "${PREFIX}/${LIBDIR}/pkgconfig")
execute_process(COMMAND ${PKG_CONFIG} --variable=pcfiledir hrnews
  OUTPUT_VARIABLE pcfiledir OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "pkg-config does not find hrnews in ${PREFIX}/${LIBDIR}/pkgconfig: ${err}")
endif()
file(REAL_PATH "${pcfiledir}" pcfiledir)
file(REAL_PATH "${PREFIX}/${LIBDIR}/pkgconfig" expected_dir)
if(NOT pcfiledir STREQUAL expected_dir)
  message(FATAL_ERROR "pkg-config found hrnews.pc in ${pcfiledir}, not in ${expected_dir}")
endif()
execute_process(COMMAND ${PKG_CONFIG} --cflags --libs hrnews
  OUTPUT_VARIABLE flags OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "pkg-config --cflags --libs hrnews failed: ${err}")
endif()
message(STATUS "pkg-config --cflags --libs hrnews: ${flags}")
separate_arguments(flags UNIX_COMMAND "${flags}")

file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
get_filename_component(here "${CMAKE_CURRENT_LIST_FILE}" DIRECTORY)
execute_process(COMMAND ${CXX} -std=c++17 -o ${WORK}/consumer ${here}/../consumer.cpp ${flags}
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the consumer does not compile or link with the flags of hrnews.pc")
endif()
execute_process(COMMAND ${WORK}/consumer ${SAMPLE} OUTPUT_VARIABLE out RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT out MATCHES "${EXPECTED}")
  message(FATAL_ERROR "the consumer exited with ${rc} and printed:\n${out}\nexpected: ${EXPECTED}")
endif()
message(STATUS "consumer: ${out}")
