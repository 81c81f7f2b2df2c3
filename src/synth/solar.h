// Solar geometry, clear-sky irradiance and transposition to a tilted plane.
//
// Units: angles in degrees; irradiance in W/m²; instants UTC (UtcSeconds); altitude in metres.
// Azimuths are measured from north, clockwise (90 = east, 180 = south, 270 = west).
//
// Models (sources in docs/synth.md):
//   - sun position: the Astronomical Almanac's low-precision formulas (mean longitude and anomaly
//     from the days since J2000, ecliptic longitude, obliquity; as in Michalsky 1988), about 0.01°
//     for the declination between 1950 and 2050; equation of time = mean longitude − right
//     ascension; hour angle from UTC, longitude and the equation of time;
//   - extraterrestrial irradiance: solar constant 1361 W/m² divided by the squared Earth-Sun
//     distance of the same formulas;
//   - clear-sky GHI: Ineichen and Perez (2002) with a Linke turbidity and Kasten-Young air mass;
//   - diffuse split: Erbs, Klein and Duffie (1982) from the clearness index kt;
//   - tilted plane: Liu and Jordan (1963) isotropic sky plus ground reflection.
//
//   const SunPosition sun = SolarPosition({.latitude_deg = 40.4, .longitude_deg = -3.7}, t);
//   if (sun.elevation_deg > 0) {
//     const double ghi = ClearSkyGhi(sun, /*altitude_m=*/650, /*linke_turbidity=*/3.2);
//     const double poa = PlaneOfArray(sun, SplitErbs(sun, ghi), {.tilt_deg = 30});
//   }
#pragma once

#include "core/time.h"

namespace reparto::synth {

inline constexpr double kSolarConstant = 1361;  // W/m² (Kopp and Lean 2011)

struct GeoPoint {
  double latitude_deg = 0;   // north positive
  double longitude_deg = 0;  // east positive
  double altitude_m = 0;
};

struct SunPosition {
  double declination_deg = 0;
  double equation_of_time_min = 0;  // apparent minus mean solar time, minutes
  double hour_angle_deg = 0;        // 0 at solar noon, negative in the morning
  double zenith_deg = 90;           // geometric, without refraction
  double elevation_deg = 0;         // 90 - zenith
  double azimuth_deg = 180;         // from north, clockwise
  double cos_zenith = 0;
  double extraterrestrial_w_m2 = kSolarConstant;  // on a plane normal to the sun's rays
};

// Position of the sun seen from `site` at `instant`.
[[nodiscard]] SunPosition SolarPosition(const GeoPoint& site, UtcSeconds instant);

// Kasten and Young (1989) relative optical air mass at `zenith_deg` (38.09 at the horizon; only
// meaningful while the sun is up).
[[nodiscard]] double RelativeAirMass(double zenith_deg);

// Clear-sky global horizontal irradiance (Ineichen-Perez); 0 when the sun is down.
[[nodiscard]] double ClearSkyGhi(const SunPosition& sun, double altitude_m, double linke_turbidity);

// Global horizontal irradiance split into its beam (normal to the rays) and diffuse parts.
struct Irradiance {
  double ghi = 0;  // global horizontal
  double dni = 0;  // direct normal
  double dhi = 0;  // diffuse horizontal
};

// Erbs diffuse fraction of the global irradiance for a clearness index kt = GHI / (I0 cos Z).
[[nodiscard]] double ErbsDiffuseFraction(double clearness_index);
// Splits `ghi` with the Erbs correlation. Below 2° of elevation all of it is diffuse (the beam
// projection would blow up).
[[nodiscard]] Irradiance SplitErbs(const SunPosition& sun, double ghi);

struct PlaneOrientation {
  double tilt_deg = 30;      // 0 = horizontal
  double azimuth_deg = 180;  // direction the plane faces, from north clockwise
  double albedo = 0.2;       // ground reflectance
};

// Cosine of the angle of incidence of the beam on the plane (may be negative: sun behind it).
[[nodiscard]] double CosIncidence(const SunPosition& sun, const PlaneOrientation& plane);
// Plane-of-array irradiance (Liu-Jordan isotropic): beam + sky diffuse + ground reflected.
[[nodiscard]] double PlaneOfArray(const SunPosition& sun, const Irradiance& irradiance,
                                  const PlaneOrientation& plane);

}  // namespace reparto::synth
