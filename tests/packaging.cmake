# SPDX-License-Identifier: Apache-2.0
# The package tested the way partners use it (cmake/HrnewsInstall.cmake,
# cmake/HrnewsPackaging.cmake, tests/consumers/):
#
#   packaging.install                 cmake --install into a prefix under the build tree
#   packaging.find_package            a consumer project: find_package(hrnews CONFIG) from it
#   packaging.build_tree              the same consumer with hrnews_DIR pointing at this build tree
#   packaging.minimal                 the smallest consumer, as docs/getting-started.md shows it
#   packaging.pkg_config              a consumer compiled by the compiler with pkg-config's flags
#   packaging.add_subdirectory        a consumer that vendors the source tree
#   packaging.deb                     cpack -G DEB; fields, file lists; dpkg-deb -x into a root
#   packaging.deb.find_package        the find_package consumer against the unpacked packages
#   packaging.deb.pkg_config          the pkg-config consumer against the unpacked packages
#
# Each consumer reads examples/data/omct-2015-11.json and prints its item count.
# Run them alone with `ctest --preset default -R '^packaging\.'`.
if(NOT HRNEWS_INSTALL)
  return()
endif()

set(HRNEWS_PKG_WORK ${CMAKE_CURRENT_BINARY_DIR}/packaging)
set(HRNEWS_PKG_CONSUMERS ${CMAKE_CURRENT_SOURCE_DIR}/consumers)
set(HRNEWS_PKG_SAMPLE ${PROJECT_SOURCE_DIR}/examples/data/omct-2015-11.json)
set(HRNEWS_PKG_ITEMS 16)  # items in the sample
string(REPLACE "." "\\." _v "${PROJECT_VERSION}")
set(HRNEWS_PKG_EXPECTED "^hrnews ${_v} \\(built against ${_v}\\): ${HRNEWS_PKG_ITEMS} items\n$")
set(HRNEWS_PKG_LIBRARY $<TARGET_FILE_NAME:hrnews>)

# The same compiler (and compiler cache) as this build; no build type (no
# optimisation, no debug info naming the build directory): the quickest
# compile, and the compiler cache serves later runs.
set(_hrnews_pkg_build_options -DCMAKE_BUILD_TYPE= -DCMAKE_CXX_COMPILER=${CMAKE_CXX_COMPILER})
if(CMAKE_CXX_COMPILER_LAUNCHER)
  list(APPEND _hrnews_pkg_build_options -DCMAKE_CXX_COMPILER_LAUNCHER=${CMAKE_CXX_COMPILER_LAUNCHER})
endif()
list(APPEND _hrnews_pkg_build_options -DSAMPLE=${HRNEWS_PKG_SAMPLE}
     -DHRNEWS_EXPECTED_VERSION=${PROJECT_VERSION} -DHRNEWS_EXPECTED_ITEMS=${HRNEWS_PKG_ITEMS})

# hrnews_consumer_test(NAME PROJECT_DIR [NOCLEAN] [options for the consumer's configure...]):
# configures, builds and runs (ctest) one consumer project. Its build directory
# is cleaned first (a consumer of an installed tree is one file), unless NOCLEAN.
function(hrnews_consumer_test name project)
  set(options ${ARGN})
  set(clean "")
  if("NOCLEAN" IN_LIST options)
    list(REMOVE_ITEM options NOCLEAN)
    set(clean --build-noclean)
  endif()
  add_test(NAME ${name}
    COMMAND ${CMAKE_CTEST_COMMAND} --build-and-test ${HRNEWS_PKG_CONSUMERS}/${project}
            ${HRNEWS_PKG_WORK}/${name}
            --build-generator ${CMAKE_GENERATOR} --build-makeprogram ${CMAKE_MAKE_PROGRAM}
            ${clean}
            --build-options ${_hrnews_pkg_build_options} ${options}
            --test-command ${CMAKE_CTEST_COMMAND} --output-on-failure)
  set_tests_properties(${name} PROPERTIES TIMEOUT 900 LABELS packaging)
endfunction()

add_test(NAME packaging.install
  COMMAND ${CMAKE_COMMAND} -DBUILD=${PROJECT_BINARY_DIR} -DPREFIX=${HRNEWS_PKG_WORK}/prefix
          -DLIBDIR=${CMAKE_INSTALL_LIBDIR} -DINCLUDEDIR=${CMAKE_INSTALL_INCLUDEDIR}
          -DBINDIR=${CMAKE_INSTALL_BINDIR} -DLIBRARY=${HRNEWS_PKG_LIBRARY}
          -P ${HRNEWS_PKG_CONSUMERS}/install.cmake)
set_tests_properties(packaging.install PROPERTIES
  FIXTURES_SETUP hrnews_install TIMEOUT 300 LABELS packaging)

hrnews_consumer_test(packaging.find_package find_package
  -DCMAKE_PREFIX_PATH=${HRNEWS_PKG_WORK}/prefix -DHRNEWS_EXPECTED_PREFIX=${HRNEWS_PKG_WORK}/prefix)
set_tests_properties(packaging.find_package PROPERTIES FIXTURES_REQUIRED hrnews_install)

hrnews_consumer_test(packaging.build_tree find_package
  -Dhrnews_DIR=${PROJECT_BINARY_DIR} -DHRNEWS_EXPECTED_PREFIX=${PROJECT_BINARY_DIR})

add_test(NAME packaging.minimal
  COMMAND ${CMAKE_CTEST_COMMAND} --build-and-test ${HRNEWS_PKG_CONSUMERS}/minimal
          ${HRNEWS_PKG_WORK}/packaging.minimal
          --build-generator ${CMAKE_GENERATOR} --build-makeprogram ${CMAKE_MAKE_PROGRAM}
          --build-options ${_hrnews_pkg_build_options}
          -DCMAKE_PREFIX_PATH=${HRNEWS_PKG_WORK}/prefix
          --test-command ${HRNEWS_PKG_WORK}/packaging.minimal/my_app ${HRNEWS_PKG_SAMPLE})
set_tests_properties(packaging.minimal PROPERTIES
  FIXTURES_REQUIRED hrnews_install TIMEOUT 600 LABELS packaging
  PASS_REGULAR_EXPRESSION "omct-2015-11\\.json: ${HRNEWS_PKG_ITEMS} items\n")

add_test(NAME packaging.pkg_config
  COMMAND ${CMAKE_COMMAND} -DPREFIX=${HRNEWS_PKG_WORK}/prefix -DLIBDIR=${CMAKE_INSTALL_LIBDIR}
          -DCXX=${CMAKE_CXX_COMPILER} -DWORK=${HRNEWS_PKG_WORK}/packaging.pkg_config
          -DSAMPLE=${HRNEWS_PKG_SAMPLE} -DEXPECTED=${HRNEWS_PKG_EXPECTED}
          -P ${HRNEWS_PKG_CONSUMERS}/pkg_config/check.cmake)
set_tests_properties(packaging.pkg_config PROPERTIES
  FIXTURES_REQUIRED hrnews_install TIMEOUT 300 LABELS packaging)

# NOCLEAN: the library is compiled again here; the build stays between runs.
hrnews_consumer_test(packaging.add_subdirectory add_subdirectory NOCLEAN
  -DHRNEWS_SOURCE_DIR=${PROJECT_SOURCE_DIR})

find_program(HRNEWS_DPKG_DEB dpkg-deb)
if(HRNEWS_DPKG_DEB)
  add_test(NAME packaging.deb
    COMMAND ${CMAKE_COMMAND} -DCPACK=${CMAKE_CPACK_COMMAND} -DBUILD=${PROJECT_BINARY_DIR}
            -DWORK=${HRNEWS_PKG_WORK}/deb -DVERSION=${PROJECT_VERSION}
            -DMAINTAINER=${HRNEWS_PACKAGE_MAINTAINER} -DLIBDIR=${CMAKE_INSTALL_LIBDIR}
            -DLIBRARY=${HRNEWS_PKG_LIBRARY} -P ${HRNEWS_PKG_CONSUMERS}/deb.cmake)
  set_tests_properties(packaging.deb PROPERTIES
    FIXTURES_SETUP hrnews_deb TIMEOUT 600 LABELS packaging)

  hrnews_consumer_test(packaging.deb.find_package find_package
    -DCMAKE_PREFIX_PATH=${HRNEWS_PKG_WORK}/deb/root/usr
    -DHRNEWS_EXPECTED_PREFIX=${HRNEWS_PKG_WORK}/deb/root)
  set_tests_properties(packaging.deb.find_package PROPERTIES FIXTURES_REQUIRED hrnews_deb)

  add_test(NAME packaging.deb.pkg_config
    COMMAND ${CMAKE_COMMAND} -DPREFIX=${HRNEWS_PKG_WORK}/deb/root/usr -DLIBDIR=${CMAKE_INSTALL_LIBDIR}
            -DCXX=${CMAKE_CXX_COMPILER} -DWORK=${HRNEWS_PKG_WORK}/packaging.deb.pkg_config
            -DSAMPLE=${HRNEWS_PKG_SAMPLE} -DEXPECTED=${HRNEWS_PKG_EXPECTED}
            -P ${HRNEWS_PKG_CONSUMERS}/pkg_config/check.cmake)
  set_tests_properties(packaging.deb.pkg_config PROPERTIES
    FIXTURES_REQUIRED hrnews_deb TIMEOUT 300 LABELS packaging)
endif()
