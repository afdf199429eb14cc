# SPDX-License-Identifier: Apache-2.0
# Dependencies come from Debian packages (scripts/bootstrap.sh installs them).
# Boost.Date_Time is public (Timestamp holds a ptime); the others are private
# to the format adapters.
find_package(Boost 1.74 REQUIRED)
# Boost.Serialization: the opt-in header hrnews/serialization.hpp and the boost-* archive formats.
find_package(Boost 1.74 REQUIRED COMPONENTS serialization)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(pugixml 1.11 REQUIRED)
if(HRNEWS_BUILD_TESTS)
  find_package(Catch2 2 REQUIRED)
endif()
