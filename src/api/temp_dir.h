// A private temporary folder (mkdtemp under $TMPDIR or /tmp) removed with everything in it when
// the object goes away: for the writers and jobs that work on files (XLSX, PDF, coefficient
// tables, the distributor file).
#pragma once

#include <string>

namespace reparto::api {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  bool ok() const { return !path_.empty(); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace reparto::api
