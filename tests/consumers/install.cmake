# SPDX-License-Identifier: Apache-2.0
# Installs the build tree into a throwaway prefix, the way a partner would
# (`cmake --install BUILD --prefix PREFIX`), and checks what lands there.
#
#   cmake -DBUILD=<build dir> -DPREFIX=<dir> -DLIBDIR=lib -DINCLUDEDIR=include
#         -DBINDIR=bin -DLIBRARY=<file name of the library> -P install.cmake
foreach(var BUILD PREFIX LIBDIR INCLUDEDIR BINDIR LIBRARY)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "install.cmake: ${var} is not set")
  endif()
endforeach()

function(install_into prefix)
  file(REMOVE_RECURSE "${prefix}")
  execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD} --prefix ${prefix} ${ARGN}
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "cmake --install ${BUILD} --prefix ${prefix} ${ARGN} failed:\n${out}")
  endif()
endfunction()

function(expect_files prefix)
  cmake_parse_arguments(arg "" "" "PRESENT;ABSENT" ${ARGN})
  foreach(f IN LISTS arg_PRESENT)
    if(NOT EXISTS "${prefix}/${f}")
      message(FATAL_ERROR "${prefix}/${f} was not installed")
    endif()
  endforeach()
  foreach(f IN LISTS arg_ABSENT)
    if(EXISTS "${prefix}/${f}")
      message(FATAL_ERROR "${prefix}/${f} was installed but should not be")
    endif()
  endforeach()
endfunction()

set(cmake_dir ${LIBDIR}/cmake/hrnews)
set(dev_files
  ${INCLUDEDIR}/hrnews/hrnews.hpp ${INCLUDEDIR}/hrnews/version.hpp ${INCLUDEDIR}/hrnews/io.hpp
  ${LIBDIR}/${LIBRARY} ${LIBDIR}/pkgconfig/hrnews.pc
  ${cmake_dir}/hrnews-config.cmake ${cmake_dir}/hrnews-config-version.cmake
  ${cmake_dir}/hrnews-targets.cmake share/doc/libhrnews-dev/copyright)
set(tool_files ${BINDIR}/hrnews ${cmake_dir}/hrnews-cli-targets.cmake share/doc/hrnews-tools/copyright)
# Internal headers of src/ are never installed.
set(internal_files ${INCLUDEDIR}/hrnews/common.hpp ${INCLUDEDIR}/hrnews/json_detail.hpp
  ${INCLUDEDIR}/hrnews/builtin_data.hpp)

# One component: the development files only, no program.
install_into("${PREFIX}-development" --component development)
expect_files("${PREFIX}-development" PRESENT ${dev_files} ABSENT ${tool_files} ${internal_files})

# Everything: what the consumer tests build against.
install_into("${PREFIX}")
expect_files("${PREFIX}" PRESENT ${dev_files} ${tool_files} ABSENT ${internal_files})
message(STATUS "installed into ${PREFIX}")
