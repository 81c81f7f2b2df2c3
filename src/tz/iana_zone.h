// IanaZone: core's TimeZone over the IANA database (Howard Hinnant's date::tz reading the system
// tzdata), for Europe/Madrid, Atlantic/Canary, Europe/Lisbon, Europe/Paris, Europe/Rome and any
// other IANA name. Offsets are in seconds east of UTC; instants are UtcSeconds.
//
// The date library reads only the explicit transitions of the compiled zone files, which stop in
// 2037; it ignores the rule that continues them, so from the first 2038 change on it answers with
// the last 2037 offset forever (Europe/Madrid stays at +01:00 after 2038-03-28T01:00Z). So every
// instant at or after the zone's `supported_until()` is rejected with a clear error instead of
// being answered wrongly, and so is every local day that does not end by then:
//   - supported_until() is kLastSupportedInstant (2038-03-28T00:00:00Z) for the European zones
//     above; a zone whose rules change earlier in 2038 gets an earlier limit (America/New_York:
//     2038-03-07, 52 weeks after its 2037-03-08 change).
//   - OffsetAt(t) fails for t >= supported_until().
//   - StartOfDay(d) and EndOfDay(d) fail unless the local day d ends at or before
//     supported_until(): the last supported day of the European zones is 2038-03-27.
//
//   auto zone = IanaZone::Load("Europe/Madrid");
//   if (!zone.ok()) return zone.status();
//   auto offset = (*zone)->OffsetAt(instant);   // 7200 in summer
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"
#include "core/time.h"

namespace reparto {

// 2038-03-28T00:00:00Z: the first instant this adapter refuses, whatever the zone.
inline constexpr UtcSeconds kLastSupportedInstant = 2153347200;

class IanaZone final : public TimeZone {
 public:
  // Fails with "unknown time zone 'X'" for a name the database does not have.
  static Result<std::unique_ptr<IanaZone>> Load(std::string_view name);
  ~IanaZone() override;

  std::string_view name() const override { return name_; }
  // Seconds east of UTC at `instant` (+3600 for CET, +7200 for CEST, 0 for WET).
  Result<int> OffsetAt(UtcSeconds instant) const override;
  // UTC instant of local 00:00 of `date` (the first valid local time if 00:00 does not exist).
  Result<UtcSeconds> StartOfDay(CivilDate date) const override;
  // UTC instant of local 00:00 of the day after `date`.
  Result<UtcSeconds> EndOfDay(CivilDate date) const override;

  // The first instant this zone refuses (at most kLastSupportedInstant).
  UtcSeconds supported_until() const { return supported_until_; }

 private:
  IanaZone(std::string name, const void* zone, UtcSeconds supported_until)
      : name_(std::move(name)), zone_(zone), supported_until_(supported_until) {}
  // UTC instant of local midnight at the start of `date`, without range checks.
  UtcSeconds LocalMidnight(CivilDate date) const;
  // Checks that the local day `date` is valid and ends by supported_until_; returns its end.
  Result<UtcSeconds> CheckedEnd(CivilDate date) const;

  std::string name_;
  const void* zone_;  // const date::time_zone*, kept opaque so no date header leaks out
  UtcSeconds supported_until_;
};

}  // namespace reparto
