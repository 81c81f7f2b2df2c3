// IanaZone: core's TimeZone over the IANA database (Howard Hinnant's date::tz reading the system
// tzdata), for Europe/Madrid, Atlantic/Canary, Europe/Lisbon, Europe/Paris, Europe/Rome and any
// other IANA name.
//
// The date library computes wrong offsets from 2038-03-28 on (its 32-bit transition tables stop
// there), so every instant or date at or after kLastSupportedInstant is rejected with a clear
// error instead of being answered wrongly.
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

// 2038-03-28T00:00:00Z: the first instant this adapter refuses.
inline constexpr UtcSeconds kLastSupportedInstant = 2153433600;

class IanaZone final : public TimeZone {
 public:
  // Fails with "unknown time zone 'X'" for a name the database does not have.
  static Result<std::unique_ptr<IanaZone>> Load(std::string_view name);
  ~IanaZone() override;

  std::string_view name() const override { return name_; }
  Result<int> OffsetAt(UtcSeconds instant) const override;
  Result<UtcSeconds> StartOfDay(CivilDate date) const override;

 private:
  IanaZone(std::string name, const void* zone) : name_(std::move(name)), zone_(zone) {}
  std::string name_;
  const void* zone_;  // const date::time_zone*, kept opaque so no date header leaks out
};

}  // namespace reparto
