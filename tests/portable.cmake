# SPDX-License-Identifier: Apache-2.0
# The portable (non-SSE2) paths of the text scanners under test: the library
# sources that have an HRNEWS_SSE2 path (src/swar.hpp: the violation scan, language
# identification, the title's space count, the XML check-and-repair pass and line
# starts of src/feed/xml_input.cpp) compiled again with HRNEWS_NO_SSE2,
# and the tests of those scanners run against them (test names end in `(portable paths)`).
# Included by tests/CMakeLists.txt after the hrnews_tests target exists.
#
# The portable objects are linked before the static library: the linker then
# never takes the library's own copies of those files (were one pulled in, its
# symbols would clash with the portable ones and the link would fail).
get_target_property(_hrnews_portable_type hrnews TYPE)
if(NOT _hrnews_portable_type STREQUAL "STATIC_LIBRARY")
  message(STATUS "hrnews_tests_portable: not built (the library is ${_hrnews_portable_type}, not static)")
  return()
endif()

# The library's sources that select a path with HRNEWS_SSE2 (found again at each configure).
get_target_property(_hrnews_library_sources hrnews SOURCES)
set(_hrnews_portable_sources)
foreach(_source IN LISTS _hrnews_library_sources)
  cmake_path(ABSOLUTE_PATH _source BASE_DIRECTORY ${PROJECT_SOURCE_DIR}/src OUTPUT_VARIABLE _path)
  if(EXISTS ${_path})
    file(STRINGS ${_path} _uses_sse2 REGEX "HRNEWS_SSE2" LIMIT_COUNT 1)
    if(_uses_sse2)
      list(APPEND _hrnews_portable_sources ${_path})
    endif()
  endif()
endforeach()
if(NOT _hrnews_portable_sources)
  message(FATAL_ERROR "hrnews_tests_portable: no library source uses HRNEWS_SSE2")
endif()

add_library(hrnews_portable_scanners OBJECT ${_hrnews_portable_sources})
target_compile_definitions(hrnews_portable_scanners PRIVATE HRNEWS_NO_SSE2)
target_link_libraries(hrnews_portable_scanners PRIVATE hrnews::hrnews nlohmann_json::nlohmann_json pugixml::pugixml)
target_include_directories(hrnews_portable_scanners PRIVATE ${PROJECT_SOURCE_DIR}/src)
hrnews_set_warnings(hrnews_portable_scanners)

# The scanners' tests: property tests against plain references, and the
# classification tests that go through them, and the XML input tests (test_xml_input,
# test_hostile and the feed corpus) for the check-and-repair pass.
add_executable(hrnews_tests_portable
  main.cpp
  test_violation_scan.cpp
  test_language_scan.cpp
  test_language_stop.cpp
  test_language.cpp
  test_extract.cpp
  test_classify.cpp
  test_title_words.cpp
  test_language_plain.cpp
  test_language_tags.cpp
  test_heading_scan.cpp
  test_classify_short_title.cpp
  test_xml_input.cpp
  test_hostile.cpp
  test_feed_corpus.cpp
  $<TARGET_OBJECTS:hrnews_portable_scanners>)
target_link_libraries(hrnews_tests_portable PRIVATE hrnews::hrnews Catch2::Catch2 nlohmann_json::nlohmann_json
                      pugixml::pugixml)
target_compile_definitions(hrnews_tests_portable PRIVATE
  HRNEWS_TEST_DATA_DIR="${CMAKE_CURRENT_SOURCE_DIR}/data"
  HRNEWS_EXAMPLES_DATA_DIR="${PROJECT_SOURCE_DIR}/examples/data")
target_include_directories(hrnews_tests_portable PRIVATE ${PROJECT_SOURCE_DIR}/src)
hrnews_set_warnings(hrnews_tests_portable)
# Left out: the truncation tests of the three JSON readers (test_hostile.cpp; a
# minute of the suite's time, and no JSON reader has an HRNEWS_SSE2 path) and the
# hidden tests ("~[.]": a spec of exclusions only would list them).
catch_discover_tests(hrnews_tests_portable TEST_SUFFIX " (portable paths)"
  TEST_SPEC "~[.]" "~*truncated at every byte never crashes the canonical JSON reader"
            "~*truncated at every byte never crashes the JSON Lines reader"
            "~*truncated at every byte never crashes the JSON Feed reader")
# The feed corpus (tests/data/feeds/: its RSS and Atom files, many of them with a
# repair of the XML pass) read through the portable paths: one entry for the whole corpus
# (tests/feed_corpus.cmake has one entry per file against the SSE2 paths).
add_test(NAME "feed_corpus (portable paths)"
         COMMAND hrnews_tests_portable "Every file of the feed corpus reads as its sidecar expects")
