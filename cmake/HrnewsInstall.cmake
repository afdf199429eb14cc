# SPDX-License-Identifier: Apache-2.0
# Install rules: headers, library, program, CMake config package, pkg-config file.
include(CMakePackageConfigHelpers)

set(HRNEWS_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/hrnews)

install(TARGETS hrnews EXPORT hrnews-targets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT development
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT runtime NAMELINK_COMPONENT development
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT runtime
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/hrnews DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  COMPONENT development)
install(TARGETS hrnews_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT tools)

install(EXPORT hrnews-targets NAMESPACE hrnews:: DESTINATION ${HRNEWS_CMAKE_DIR}
  FILE hrnews-targets.cmake COMPONENT development)
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/hrnews-config.cmake.in
  ${PROJECT_BINARY_DIR}/hrnews-config.cmake INSTALL_DESTINATION ${HRNEWS_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/hrnews-config-version.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMajorVersion)
install(FILES ${PROJECT_BINARY_DIR}/hrnews-config.cmake ${PROJECT_BINARY_DIR}/hrnews-config-version.cmake
  DESTINATION ${HRNEWS_CMAKE_DIR} COMPONENT development)

# Build-tree export, for consumers that point hrnews_DIR at a build directory.
export(EXPORT hrnews-targets NAMESPACE hrnews:: FILE ${PROJECT_BINARY_DIR}/hrnews-targets.cmake)

# pkg-config: paths relative to ${pcfiledir} so the install tree is relocatable.
file(RELATIVE_PATH HRNEWS_PC_PREFIX_FROM_PCDIR
  /${CMAKE_INSTALL_LIBDIR}/pkgconfig /)
configure_file(${PROJECT_SOURCE_DIR}/cmake/hrnews.pc.in ${PROJECT_BINARY_DIR}/hrnews.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/hrnews.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig
  COMPONENT development)
