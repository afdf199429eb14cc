# SPDX-License-Identifier: Apache-2.0
# The bundled sample also ships as RSS and Atom (examples/data/omct-2015-11.rss
# and .atom). This test regenerates both from the JSON sample with
# `hrnews convert --to rss|atom` and compares them byte for byte (so they cannot
# go stale), then reads each back and checks that the collection is the JSON
# sample's (its canonical JSON is the sample file, byte for byte).
# Included by tests/CMakeLists.txt after the hrnews_tests target exists.
add_test(NAME hrnews_sample_feeds_are_current_and_lossless
         COMMAND ${CMAKE_COMMAND} -DHRNEWS=$<TARGET_FILE:hrnews_cli>
                 -DDATA=${PROJECT_SOURCE_DIR}/examples/data -DWORK=${CMAKE_CURRENT_BINARY_DIR}/sample-feeds
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/tools/check_sample_feeds.cmake)
