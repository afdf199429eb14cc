# SPDX-License-Identifier: Apache-2.0
# The documentation is tested like code:
#
#   docs.example.NAME  builds docs/examples/NAME.cpp, runs it in examples/data/
#                      and compares its output with docs/examples/NAME.out
#   docs.pages         tests/docs/check_docs.py: relative links resolve, blocks
#                      marked <!-- file: PATH --> equal PATH, no C++ program is
#                      left unbuilt, every ```console block's output is as shown
#   docs.doxygen       the Doxygen reference (public headers + docs/*.md): 0 warnings
#
# Run them alone with `ctest --preset default -R '^docs\.'`.
file(GLOB HRNEWS_DOC_EXAMPLES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/docs/examples/*.cpp)
foreach(source IN LISTS HRNEWS_DOC_EXAMPLES)
  get_filename_component(name ${source} NAME_WE)
  add_executable(doc_example_${name} ${source})
  target_link_libraries(doc_example_${name} PRIVATE hrnews::hrnews)
  hrnews_set_warnings(doc_example_${name})
  add_test(NAME docs.example.${name}
    COMMAND ${CMAKE_COMMAND} -DPROGRAM=$<TARGET_FILE:doc_example_${name}>
            -DEXPECTED=${PROJECT_SOURCE_DIR}/docs/examples/${name}.out
            -DWORKDIR=${PROJECT_SOURCE_DIR}/examples/data
            -P ${CMAKE_CURRENT_SOURCE_DIR}/docs/run_example.cmake)
  set_tests_properties(docs.example.${name} PROPERTIES LABELS docs TIMEOUT 60)
endforeach()

find_package(Python3 COMPONENTS Interpreter)
if(Python3_FOUND)
  add_test(NAME docs.pages
    COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/docs/check_docs.py
            --source ${PROJECT_SOURCE_DIR} --hrnews $<TARGET_FILE:hrnews_cli>
            --work ${CMAKE_CURRENT_BINARY_DIR}/docs-pages)
  set_tests_properties(docs.pages PROPERTIES LABELS docs TIMEOUT 300)
endif()

find_package(Doxygen QUIET)
if(DOXYGEN_FOUND AND Python3_FOUND)
  set(HRNEWS_DOXYGEN_OUTPUT ${CMAKE_CURRENT_BINARY_DIR}/doxygen)
  file(MAKE_DIRECTORY ${HRNEWS_DOXYGEN_OUTPUT})
  configure_file(${PROJECT_SOURCE_DIR}/docs/Doxyfile.in ${HRNEWS_DOXYGEN_OUTPUT}/Doxyfile @ONLY)
  add_test(NAME docs.doxygen
    COMMAND ${CMAKE_COMMAND} -DDOXYGEN=${DOXYGEN_EXECUTABLE} -DDOXYFILE=${HRNEWS_DOXYGEN_OUTPUT}/Doxyfile
            -DLOG=${HRNEWS_DOXYGEN_OUTPUT}/doxygen-warnings.log
            -P ${PROJECT_SOURCE_DIR}/docs/tools/doxygen_check.cmake
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}/docs)
  set_tests_properties(docs.doxygen PROPERTIES LABELS docs TIMEOUT 600)
else()
  message(STATUS "Doxygen or Python 3 not found: no docs.doxygen test (scripts/bootstrap.sh installs them)")
endif()
