// Solar geometry, clear-sky irradiance and transposition (see solar.h).
#include "synth/solar.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace reparto::synth {
namespace {

constexpr double kDegree = std::numbers::pi / 180;

double Radians(double degrees) { return degrees * kDegree; }
double Degrees(double radians) { return radians / kDegree; }

}  // namespace

SunPosition SolarPosition(const GeoPoint& site, UtcSeconds instant) {
  // Days since J2000.0 (2000-01-01T12:00:00 UTC; the difference between UT and TT, about a
  // minute, is far below the accuracy sought here).
  const double n = static_cast<double>(instant - 946728000) / 86400;
  const double mean_longitude = 280.460 + 0.9856474 * n;
  const double mean_anomaly = Radians(357.528 + 0.9856003 * n);
  const double ecliptic_longitude =
      Radians(mean_longitude + 1.915 * std::sin(mean_anomaly) + 0.020 * std::sin(2 * mean_anomaly));
  const double obliquity = Radians(23.439 - 0.0000004 * n);
  const double decl = std::asin(std::sin(obliquity) * std::sin(ecliptic_longitude));
  const double right_ascension = Degrees(
      std::atan2(std::cos(obliquity) * std::sin(ecliptic_longitude), std::cos(ecliptic_longitude)));
  const double distance_au =
      1.00014 - 0.01671 * std::cos(mean_anomaly) - 0.00014 * std::cos(2 * mean_anomaly);

  SunPosition sun;
  sun.declination_deg = Degrees(decl);
  // Equation of time: mean longitude minus right ascension, 4 minutes a degree.
  double eot_deg = mean_longitude - right_ascension;
  eot_deg -= 360 * std::floor((eot_deg + 180) / 360);  // into [-180, 180)
  sun.equation_of_time_min = 4 * eot_deg;
  sun.extraterrestrial_w_m2 = kSolarConstant / (distance_au * distance_au);

  // True solar time in minutes, hour angle in degrees.
  const std::int64_t days = instant >= 0 ? instant / 86400 : (instant - 86399) / 86400;
  const double utc_min = static_cast<double>(instant - days * 86400) / 60;
  const double true_solar_min = utc_min + sun.equation_of_time_min + 4 * site.longitude_deg;
  double hour_angle = true_solar_min / 4 - 180;
  hour_angle -= 360 * std::floor((hour_angle + 180) / 360);  // into [-180, 180)
  sun.hour_angle_deg = hour_angle;

  const double lat = Radians(site.latitude_deg);
  const double ha = Radians(hour_angle);
  const double cos_zenith = std::clamp(
      std::sin(lat) * std::sin(decl) + std::cos(lat) * std::cos(decl) * std::cos(ha), -1.0, 1.0);
  sun.cos_zenith = cos_zenith;
  sun.zenith_deg = Degrees(std::acos(cos_zenith));
  sun.elevation_deg = 90 - sun.zenith_deg;
  const double azimuth = Degrees(
      std::atan2(std::sin(ha), std::cos(ha) * std::sin(lat) - std::tan(decl) * std::cos(lat)));
  sun.azimuth_deg = azimuth + 180;
  return sun;
}

double RelativeAirMass(double zenith_deg) {
  const double z = std::min(zenith_deg, 90.0);
  return 1 / (std::cos(Radians(z)) + 0.50572 * std::pow(96.07995 - z, -1.6364));
}

double ClearSkyGhi(const SunPosition& sun, double altitude_m, double linke_turbidity) {
  if (sun.cos_zenith <= 0) return 0;
  const double air_mass = RelativeAirMass(sun.zenith_deg) * std::exp(-altitude_m / 8434.5);
  const double fh1 = std::exp(-altitude_m / 8000);
  const double fh2 = std::exp(-altitude_m / 1250);
  const double cg1 = 5.09e-5 * altitude_m + 0.868;
  const double cg2 = 3.92e-5 * altitude_m + 0.0387;
  return cg1 * sun.extraterrestrial_w_m2 * sun.cos_zenith *
         std::exp(-cg2 * air_mass * (fh1 + fh2 * (linke_turbidity - 1)));
}

double ErbsDiffuseFraction(double clearness_index) {
  const double kt = std::clamp(clearness_index, 0.0, 1.0);
  if (kt <= 0.22) return 1 - 0.09 * kt;
  if (kt <= 0.80) {
    return 0.9511 - 0.1604 * kt + 4.388 * kt * kt - 16.638 * kt * kt * kt +
           12.336 * kt * kt * kt * kt;
  }
  return 0.165;
}

Irradiance SplitErbs(const SunPosition& sun, double ghi) {
  Irradiance out;
  out.ghi = std::max(ghi, 0.0);
  if (out.ghi == 0 || sun.elevation_deg < 2) {
    out.dhi = out.ghi;
    return out;
  }
  const double horizontal_extra = sun.extraterrestrial_w_m2 * sun.cos_zenith;
  out.dhi = out.ghi * ErbsDiffuseFraction(out.ghi / horizontal_extra);
  out.dni = std::min((out.ghi - out.dhi) / sun.cos_zenith, sun.extraterrestrial_w_m2);
  return out;
}

double CosIncidence(const SunPosition& sun, const PlaneOrientation& plane) {
  const double tilt = Radians(plane.tilt_deg);
  const double sin_zenith = std::sqrt(std::max(0.0, 1 - sun.cos_zenith * sun.cos_zenith));
  return sun.cos_zenith * std::cos(tilt) +
         sin_zenith * std::sin(tilt) * std::cos(Radians(sun.azimuth_deg - plane.azimuth_deg));
}

double PlaneOfArray(const SunPosition& sun, const Irradiance& irradiance,
                    const PlaneOrientation& plane) {
  const double cos_tilt = std::cos(Radians(plane.tilt_deg));
  const double beam = irradiance.dni * std::max(0.0, CosIncidence(sun, plane));
  const double sky = irradiance.dhi * (1 + cos_tilt) / 2;
  const double ground = irradiance.ghi * plane.albedo * (1 - cos_tilt) / 2;
  return beam + sky + ground;
}

}  // namespace reparto::synth
