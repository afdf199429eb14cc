# SPDX-License-Identifier: Apache-2.0
# Install rules: headers, library, program, CMake config package, pkg-config file.
#
# Install components (also the Debian packages of cmake/HrnewsPackaging.cmake):
#   development  headers, the library (static by default), the CMake package
#                (lib/cmake/hrnews) and hrnews.pc -> libhrnews-dev
#   runtime      the shared library, only with BUILD_SHARED_LIBS=ON -> libhrnews<SOVERSION>
#   tools        the `hrnews` program and its imported target hrnews::cli -> hrnews-tools
#
#   cmake --install build --prefix /opt/hrnews                       # everything
#   cmake --install build --prefix /opt/hrnews --component development
#
# The dependencies a consumer needs are derived from the link interface of the
# `hrnews` target (see hrnews_dependency_info below), so the config package,
# the pkg-config file and the Debian dependencies follow src/CMakeLists.txt.
include(CMakePackageConfigHelpers)

set(HRNEWS_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/hrnews)
get_target_property(_hrnews_type hrnews TYPE)
if(_hrnews_type STREQUAL "STATIC_LIBRARY")
  set(HRNEWS_STATIC ON)
else()
  set(HRNEWS_STATIC OFF)
endif()

# Debian package names, also the names of the documentation directories.
set(HRNEWS_DEB_DEV_NAME libhrnews-dev)
set(HRNEWS_DEB_TOOLS_NAME hrnews-tools)
set(HRNEWS_DEB_RUNTIME_NAME libhrnews${PROJECT_VERSION_MAJOR})

# `hrnews::cli` names the program both in the build tree and once installed.
add_executable(hrnews::cli ALIAS hrnews_cli)
set_target_properties(hrnews_cli PROPERTIES EXPORT_NAME cli)

install(TARGETS hrnews EXPORT hrnews-targets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT development
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT runtime NAMELINK_COMPONENT development
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT runtime
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/hrnews DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  COMPONENT development)
install(TARGETS hrnews_cli EXPORT hrnews-cli-targets
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT tools)
install(FILES ${PROJECT_SOURCE_DIR}/LICENSE
  DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/${HRNEWS_DEB_DEV_NAME} RENAME copyright
  COMPONENT development)
install(FILES ${PROJECT_SOURCE_DIR}/LICENSE
  DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/${HRNEWS_DEB_TOOLS_NAME} RENAME copyright
  COMPONENT tools)

# --- dependencies of the link interface ---------------------------------------
# hrnews_dependency_info(ITEM) sets, for one entry of the link interface:
#   dep_package  the find_dependency() arguments ("" when nothing is to be found)
#   dep_pc_requires / dep_pc_libs   what goes into hrnews.pc
#   dep_deb      the Debian -dev package that provides it
# A target this table does not know is a configure warning, so whoever adds a
# dependency to the library extends it here.
function(hrnews_dependency_info item)
  set(package "")
  set(pc_requires "")
  set(pc_libs "")
  set(deb "")
  if(item MATCHES "^Boost::(headers|boost)$")
    set(package "Boost 1.74")
    set(deb "libboost-dev (>= 1.74)")
  elseif(item MATCHES "^Boost::(.+)$")
    set(component ${CMAKE_MATCH_1})
    set(package "Boost 1.74 COMPONENTS ${component}")
    set(pc_libs "-lboost_${component}")
    string(REPLACE "_" "-" deb_component ${component})
    set(deb "libboost-${deb_component}-dev (>= 1.74)")
  elseif(item STREQUAL "nlohmann_json::nlohmann_json")
    set(package "nlohmann_json 3.10")  # header-only: nothing to link
    set(deb "nlohmann-json3-dev (>= 3.10)")
  elseif(item MATCHES "^pugixml(::pugixml|::static|::shared)?$")
    set(package "pugixml 1.11")
    set(pc_requires "pugixml >= 1.11")
    set(deb "libpugixml-dev (>= 1.11)")
  elseif(item STREQUAL "Threads::Threads")
    set(package "Threads")
    set(pc_libs "-pthread")
  elseif(item MATCHES "^([A-Za-z0-9_]+)::")
    message(WARNING "hrnews: the library links ${item}, which cmake/HrnewsInstall.cmake does not "
                    "know; the installed package asks find_dependency(${CMAKE_MATCH_1}) for it")
    set(package "${CMAKE_MATCH_1}")
  elseif(item MATCHES "^-")
    set(pc_libs "${item}")
  else()
    set(pc_libs "-l${item}")
  endif()
  set(dep_package "${package}" PARENT_SCOPE)
  set(dep_pc_requires "${pc_requires}" PARENT_SCOPE)
  set(dep_pc_libs "${pc_libs}" PARENT_SCOPE)
  set(dep_deb "${deb}" PARENT_SCOPE)
endfunction()

# What a consumer links: the interface of `hrnews`. For a static library this
# includes the PRIVATE dependencies as $<LINK_ONLY:...>, which a consumer's link
# needs as well; for a shared library only the PUBLIC ones.
get_target_property(_hrnews_interface hrnews INTERFACE_LINK_LIBRARIES)
if(NOT _hrnews_interface)
  set(_hrnews_interface "")
endif()
set(HRNEWS_FIND_DEPENDENCIES "")
set(_hrnews_pc_requires "")
set(_hrnews_pc_libs "")
set(HRNEWS_DEB_DEV_DEPENDS "")
foreach(item IN LISTS _hrnews_interface)
  string(REGEX REPLACE "^\\$<LINK_ONLY:(.+)>$" "\\1" item "${item}")
  hrnews_dependency_info(${item})
  if(dep_package)
    string(APPEND HRNEWS_FIND_DEPENDENCIES "find_dependency(${dep_package})\n")
  endif()
  if(dep_pc_requires)
    list(APPEND _hrnews_pc_requires "${dep_pc_requires}")
  endif()
  if(dep_pc_libs)
    list(APPEND _hrnews_pc_libs "${dep_pc_libs}")
  endif()
  if(dep_deb)
    list(APPEND HRNEWS_DEB_DEV_DEPENDS "${dep_deb}")
  endif()
endforeach()
list(REMOVE_DUPLICATES HRNEWS_DEB_DEV_DEPENDS)

# --- CMake config package -------------------------------------------------------
install(EXPORT hrnews-targets NAMESPACE hrnews:: DESTINATION ${HRNEWS_CMAKE_DIR}
  FILE hrnews-targets.cmake COMPONENT development)
install(EXPORT hrnews-cli-targets NAMESPACE hrnews:: DESTINATION ${HRNEWS_CMAKE_DIR}
  FILE hrnews-cli-targets.cmake COMPONENT tools)
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/hrnews-config.cmake.in
  ${PROJECT_BINARY_DIR}/hrnews-config.cmake INSTALL_DESTINATION ${HRNEWS_CMAKE_DIR})
# Before 1.0 a minor version may break the API (semantic versioning), after it a major one.
if(PROJECT_VERSION_MAJOR EQUAL 0)
  set(_hrnews_compatibility SameMinorVersion)
else()
  set(_hrnews_compatibility SameMajorVersion)
endif()
write_basic_package_version_file(${PROJECT_BINARY_DIR}/hrnews-config-version.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY ${_hrnews_compatibility})
install(FILES ${PROJECT_BINARY_DIR}/hrnews-config.cmake ${PROJECT_BINARY_DIR}/hrnews-config-version.cmake
  DESTINATION ${HRNEWS_CMAKE_DIR} COMPONENT development)

# Build-tree export, for consumers that point hrnews_DIR at a build directory.
export(EXPORT hrnews-targets NAMESPACE hrnews:: FILE ${PROJECT_BINARY_DIR}/hrnews-targets.cmake)
export(EXPORT hrnews-cli-targets NAMESPACE hrnews:: FILE ${PROJECT_BINARY_DIR}/hrnews-cli-targets.cmake)

# --- pkg-config -------------------------------------------------------------------
# Paths relative to ${pcfiledir}, so the install tree is relocatable. The library
# is static by default, and then the libraries it needs are public (`Libs`,
# `Requires`): a plain `pkg-config --libs hrnews` links. For a shared library
# they are `.private`.
file(RELATIVE_PATH HRNEWS_PC_PREFIX_FROM_PCDIR
  /${CMAKE_INSTALL_LIBDIR}/pkgconfig /)
string(REGEX REPLACE "/$" "" HRNEWS_PC_PREFIX_FROM_PCDIR "${HRNEWS_PC_PREFIX_FROM_PCDIR}")
list(JOIN _hrnews_pc_requires ", " _hrnews_pc_requires)
list(JOIN _hrnews_pc_libs " " _hrnews_pc_libs)
if(HRNEWS_STATIC)
  set(HRNEWS_PC_REQUIRES "Requires: ${_hrnews_pc_requires}")
  set(HRNEWS_PC_LIBS " ${_hrnews_pc_libs}")
  set(HRNEWS_PC_LIBS_PRIVATE "")
else()
  set(HRNEWS_PC_REQUIRES "Requires.private: ${_hrnews_pc_requires}")
  set(HRNEWS_PC_LIBS "")
  set(HRNEWS_PC_LIBS_PRIVATE "Libs.private: ${_hrnews_pc_libs}")
endif()
string(STRIP "${HRNEWS_PC_LIBS}" HRNEWS_PC_LIBS)
if(HRNEWS_PC_LIBS)
  set(HRNEWS_PC_LIBS " ${HRNEWS_PC_LIBS}")
endif()
configure_file(${PROJECT_SOURCE_DIR}/cmake/hrnews.pc.in ${PROJECT_BINARY_DIR}/hrnews.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/hrnews.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig
  COMPONENT development)
