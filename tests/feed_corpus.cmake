# SPDX-License-Identifier: Apache-2.0
# The feed conformance corpus: one ctest entry per file of tests/data/feeds/
# that has a sidecar NAME.expect.json, named `feed_corpus/NAME`, each running
# the hidden Catch2 test "Every file of the feed corpus reads as its sidecar
# expects" restricted to the file's DYNAMIC_SECTION (`-c NAME`). So
# `ctest -R feed_corpus/` shows the corpus size and its pass count.
# Included by tests/CMakeLists.txt after the hrnews_tests target exists.
file(GLOB _hrnews_feed_expectations CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/data/feeds/*.expect.json)
foreach(_expect IN LISTS _hrnews_feed_expectations)
  get_filename_component(_name ${_expect} NAME)
  string(REGEX REPLACE "\\.expect\\.json$" "" _name "${_name}")
  add_test(NAME feed_corpus/${_name}
           COMMAND hrnews_tests "Every file of the feed corpus reads as its sidecar expects" -c "${_name}")
endforeach()
