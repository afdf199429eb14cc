# SPDX-License-Identifier: Apache-2.0
# Debian packages through CPack, one per install component (cmake/HrnewsInstall.cmake):
#
#   cpack -G DEB --config build/CPackConfig.cmake -B build/packages
#
#   libhrnews-dev  headers, static library, CMake package, hrnews.pc
#                  Depends: the -dev packages of the library's link interface
#   hrnews-tools   the `hrnews` program (its Depends come from dpkg-shlibdeps)
#   libhrnews<N>   the shared library, only with BUILD_SHARED_LIBS=ON
#
# The packages install under /usr; the config package and hrnews.pc are
# relocatable, so an unpacked package (`dpkg-deb -x`) works from any root.
if(NOT HRNEWS_INSTALL)
  return()
endif()

set(HRNEWS_PACKAGE_MAINTAINER "hrnews maintainers <maintainers@hrnews.invalid>"
    CACHE STRING "Maintainer field of the Debian packages")

set(CPACK_PACKAGE_NAME hrnews)
set(CPACK_PACKAGE_VENDOR "hrnews")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
# CPack's own default summary: CPackDeb prepends any other summary to each
# component's description, whose first line is the package's own summary.
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${CMAKE_PROJECT_NAME} built using CMake")
set(CPACK_PACKAGE_CONTACT "${HRNEWS_PACKAGE_MAINTAINER}")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_PACKAGE_DIRECTORY ${PROJECT_BINARY_DIR}/packages)
set(CPACK_STRIP_FILES ON)  # the program; static libraries are never stripped
set(CPACK_GENERATOR DEB)
set(CPACK_SOURCE_GENERATOR TGZ)
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git/" "/build[^/]*/" "/\\\\.cache/" "__pycache__")

# --- components -------------------------------------------------------------------
set(CPACK_DEB_COMPONENT_INSTALL ON)
if(HRNEWS_STATIC)
  set(CPACK_COMPONENTS_ALL development tools)
else()
  set(CPACK_COMPONENTS_ALL runtime development tools)
endif()
set(CPACK_COMPONENT_DEVELOPMENT_DISPLAY_NAME "hrnews library, headers and build files")
set(CPACK_COMPONENT_TOOLS_DISPLAY_NAME "hrnews command-line program")
set(CPACK_COMPONENT_RUNTIME_DISPLAY_NAME "hrnews shared library")

# --- Debian fields ----------------------------------------------------------------
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # name_version_arch.deb
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${HRNEWS_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)

set(_hrnews_deb_licence "Licence: Apache-2.0 (/usr/share/doc/PACKAGE/copyright).")

set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_NAME ${HRNEWS_DEB_DEV_NAME})
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_SECTION libdevel)
list(JOIN HRNEWS_DEB_DEV_DEPENDS ", " CPACK_DEBIAN_DEVELOPMENT_PACKAGE_DEPENDS)
string(REPLACE PACKAGE ${HRNEWS_DEB_DEV_NAME} _licence "${_hrnews_deb_licence}")
set(CPACK_COMPONENT_DEVELOPMENT_DESCRIPTION
  "human-rights news library (development files)
hrnews models human-rights news items (articles, urgent interventions,
campaigns) and the taxonomies that classify them, and reads and writes them
in RSS, Atom, JSON Feed and its own lossless JSON and JSON Lines formats.
This package holds the C++17 headers, the static library, the CMake package
(find_package(hrnews): hrnews::hrnews) and the pkg-config file hrnews.pc.
${_licence}")

set(CPACK_DEBIAN_TOOLS_PACKAGE_NAME ${HRNEWS_DEB_TOOLS_NAME})
set(CPACK_DEBIAN_TOOLS_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_TOOLS_PACKAGE_SHLIBDEPS ON)
string(REPLACE PACKAGE ${HRNEWS_DEB_TOOLS_NAME} _licence "${_hrnews_deb_licence}")
set(CPACK_COMPONENT_TOOLS_DESCRIPTION
  "human-rights news command-line program
The hrnews program converts, validates and summarises collections of
human-rights news (RSS, Atom, JSON Feed, canonical JSON and JSON Lines) and
lists the built-in taxonomies. The library is linked in statically.
${_licence}")

set(CPACK_DEBIAN_RUNTIME_PACKAGE_NAME ${HRNEWS_DEB_RUNTIME_NAME})
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SECTION libs)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SHLIBDEPS ON)
set(CPACK_COMPONENT_RUNTIME_DESCRIPTION
  "human-rights news library (shared library)
The shared library of hrnews.")
if(NOT HRNEWS_STATIC)
  # The -dev package and the program need the shared library of the same version.
  set(_hrnews_runtime_dep "${HRNEWS_DEB_RUNTIME_NAME} (= ${PROJECT_VERSION}-${CPACK_DEBIAN_PACKAGE_RELEASE})")
  string(PREPEND CPACK_DEBIAN_DEVELOPMENT_PACKAGE_DEPENDS "${_hrnews_runtime_dep}, ")
  set(CPACK_DEBIAN_TOOLS_PACKAGE_DEPENDS "${_hrnews_runtime_dep}")
endif()

include(CPack)
