# SPDX-License-Identifier: Apache-2.0
# Builds the Debian packages with CPack, checks their control fields and file
# lists, and unpacks them (`dpkg-deb -x`) into a throwaway root that the
# consumer tests build against.
#
#   cmake -DCPACK=<cpack> -DBUILD=<build dir> -DWORK=<dir> -DVERSION=x.y.z -DMAINTAINER=<text>
#         -DLIBDIR=lib -DLIBRARY=<file name of the library> -P deb.cmake
foreach(var CPACK BUILD WORK VERSION MAINTAINER LIBDIR LIBRARY)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "deb.cmake: ${var} is not set")
  endif()
endforeach()
find_program(DPKG_DEB dpkg-deb REQUIRED)
find_program(DPKG dpkg REQUIRED)

file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}/root")
execute_process(COMMAND ${CPACK} -G DEB --config ${BUILD}/CPackConfig.cmake -B ${WORK}/packages
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cpack -G DEB failed:\n${out}")
endif()
execute_process(COMMAND ${DPKG} --print-architecture OUTPUT_VARIABLE arch OUTPUT_STRIP_TRAILING_WHITESPACE)

# field(VAR DEB FIELD): the value of one control field.
function(field var deb name)
  execute_process(COMMAND ${DPKG_DEB} --field ${deb} ${name} OUTPUT_VARIABLE value
    RESULT_VARIABLE rc OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "dpkg-deb --field ${deb} ${name} failed")
  endif()
  set(${var} "${value}" PARENT_SCOPE)
endfunction()

# check_package(NAME SECTION DEPENDS... FILES... ABSENT...): fields, file list, unpack.
function(check_package name section)
  cmake_parse_arguments(arg "" "" "DEPENDS;FILES;ABSENT" ${ARGN})
  set(deb ${WORK}/packages/${name}_${VERSION}-1_${arch}.deb)
  if(NOT EXISTS ${deb})
    file(GLOB made ${WORK}/packages/*.deb)
    message(FATAL_ERROR "cpack did not make ${deb}; it made: ${made}")
  endif()
  execute_process(COMMAND ${DPKG_DEB} --info ${deb} OUTPUT_VARIABLE info)
  message(STATUS "dpkg-deb --info ${name}:\n${info}")
  foreach(pair "Package=${name}" "Version=${VERSION}-1" "Architecture=${arch}"
               "Section=${section}" "Maintainer=${MAINTAINER}")
    string(REGEX MATCH "^([^=]+)=(.*)$" _ "${pair}")
    field(value ${deb} ${CMAKE_MATCH_1})
    if(NOT value STREQUAL CMAKE_MATCH_2)
      message(FATAL_ERROR "${name}: ${CMAKE_MATCH_1} is \"${value}\", expected \"${CMAKE_MATCH_2}\"")
    endif()
  endforeach()
  field(description ${deb} Description)
  if(NOT description MATCHES "^human-rights news .*\n .*Apache-2\\.0")
    message(FATAL_ERROR "${name}: the description has no summary or no licence:\n${description}")
  endif()
  field(depends ${deb} Depends)
  foreach(dep IN LISTS arg_DEPENDS)
    if(NOT depends MATCHES "(^|, )${dep}( |,|$)")
      message(FATAL_ERROR "${name}: Depends lacks ${dep}: ${depends}")
    endif()
  endforeach()
  execute_process(COMMAND ${DPKG_DEB} --contents ${deb} OUTPUT_VARIABLE contents)
  message(STATUS "dpkg-deb --contents ${name}:\n${contents}")
  foreach(f IN LISTS arg_FILES)
    if(NOT contents MATCHES " \\./usr/${f}\n")
      message(FATAL_ERROR "${name} lacks /usr/${f}")
    endif()
  endforeach()
  foreach(f IN LISTS arg_ABSENT)
    if(contents MATCHES " \\./usr/${f}\n")
      message(FATAL_ERROR "${name} holds /usr/${f}, which belongs to another package")
    endif()
  endforeach()
  execute_process(COMMAND ${DPKG_DEB} --extract ${deb} ${WORK}/root RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "dpkg-deb --extract ${deb} failed")
  endif()
endfunction()

string(REPLACE "." "\\." library_re "${LIBRARY}")
string(REPLACE "." "\\." libdir "${LIBDIR}")
check_package(libhrnews-dev libdevel
  DEPENDS "libboost-dev" "libpugixml-dev" "nlohmann-json3-dev"
  FILES include/hrnews/hrnews\\.hpp ${libdir}/${library_re} ${libdir}/cmake/hrnews/hrnews-config\\.cmake
        ${libdir}/cmake/hrnews/hrnews-config-version\\.cmake ${libdir}/pkgconfig/hrnews\\.pc
        share/doc/libhrnews-dev/copyright
  ABSENT bin/hrnews)
check_package(hrnews-tools utils
  DEPENDS "libc6" "libstdc\\+\\+6" "libpugixml1v5"
  FILES bin/hrnews ${libdir}/cmake/hrnews/hrnews-cli-targets\\.cmake share/doc/hrnews-tools/copyright
  ABSENT include/hrnews/hrnews\\.hpp ${libdir}/${library_re})

# The unpacked program runs from its throwaway root.
execute_process(COMMAND ${WORK}/root/usr/bin/hrnews --version OUTPUT_VARIABLE out RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT out STREQUAL "hrnews ${VERSION}\n")
  message(FATAL_ERROR "the packaged hrnews --version exited with ${rc} and printed: ${out}")
endif()
message(STATUS "unpacked into ${WORK}/root")
