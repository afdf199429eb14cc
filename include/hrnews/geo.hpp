// SPDX-License-Identifier: Apache-2.0
/// @file geo.hpp
/// @brief `GeoPoint`: a WGS 84 position.
#pragma once

namespace hrnews {

/// A point in WGS 84 degrees (GeoRSS `georss:point`, `geo:lat`/`geo:long`).
struct GeoPoint {
  double lat = 0;  ///< latitude, -90 to 90
  double lon = 0;  ///< longitude, -180 to 180
};

/// Points are equal when both coordinates are exactly equal.
inline bool operator==(const GeoPoint& a, const GeoPoint& b) noexcept {
  return a.lat == b.lat && a.lon == b.lon;
}
/// Negation of `==`.
inline bool operator!=(const GeoPoint& a, const GeoPoint& b) noexcept { return !(a == b); }

}  // namespace hrnews
