// A progress bar on standard error for long runs ("allocating  [#####-----]  52%  190/365 days").
// Drawn only when standard error is a terminal, so logs and CI output stay clean.
#pragma once

#include <cstdint>
#include <string>

namespace reparto::cli {

class Progress {
 public:
  Progress(std::string label, std::int64_t total, std::string unit);
  ~Progress();
  void Advance(std::int64_t steps = 1);
  void Done();

 private:
  void Draw();
  std::string label_;
  std::int64_t total_;
  std::string unit_;
  std::int64_t done_ = 0;
  int last_percent_ = -1;
  bool enabled_;
  bool finished_ = false;
};

}  // namespace reparto::cli
