// Progress bar on standard error (see progress.h).
#include "progress.h"

#include <unistd.h>

#include <cstdio>

namespace reparto::cli {

Progress::Progress(std::string label, std::int64_t total, std::string unit)
    : label_(std::move(label)),
      total_(total > 0 ? total : 1),
      unit_(std::move(unit)),
      enabled_(isatty(STDERR_FILENO) != 0) {}

Progress::~Progress() { Done(); }

void Progress::Advance(std::int64_t steps) {
  done_ += steps;
  Draw();
}

void Progress::Draw() {
  if (!enabled_) return;
  const int percent = static_cast<int>(done_ * 100 / total_);
  if (percent == last_percent_) return;
  last_percent_ = percent;
  constexpr int kWidth = 30;
  const int filled = percent * kWidth / 100;
  std::fprintf(stderr, "\r%-12s [", label_.c_str());
  for (int i = 0; i < kWidth; ++i) std::fputc(i < filled ? '#' : '-', stderr);
  std::fprintf(stderr, "] %3d%%  %lld/%lld %s", percent, static_cast<long long>(done_),
               static_cast<long long>(total_), unit_.c_str());
  std::fflush(stderr);
}

void Progress::Done() {
  if (finished_) return;
  finished_ = true;
  if (enabled_ && last_percent_ >= 0) std::fputc('\n', stderr);
}

}  // namespace reparto::cli
