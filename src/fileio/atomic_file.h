// AtomicFile: write an output file all or nothing. The content goes to a temporary file beside
// the target (`<path>.tmp-XXXXXX`, created exclusively with the usual 0666 & ~umask permissions);
// Commit() flushes, syncs, closes and renames it over the target in one step. If Commit() is not
// called or fails, the temporary file is removed and the target is left as it was, so a failed run
// of `reparto allocate` never leaves a half-written or truncated output.
//
//   auto file = AtomicFile::Open("out/diagram.csv");
//   if (!file.ok()) return file.status();
//   DiagramCsvWriter writer(file->file(), file->path(), grid, zone, ids);
//   ...
//   if (Status s = writer.Finish(); !s.ok()) return s;   // destructor removes the temporary
//   return file->Commit();
#pragma once

#include <cstdio>
#include <string>

#include "core/status.h"

namespace reparto {

class AtomicFile {
 public:
  // Creates the temporary file. Fails with "<path>: cannot create temporary file <tmp>: <reason>"
  // (for example when the directory does not exist).
  static Result<AtomicFile> Open(std::string path);

  AtomicFile(AtomicFile&& other) noexcept;
  AtomicFile& operator=(AtomicFile&& other) noexcept;
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  // Removes the temporary file unless committed.
  ~AtomicFile();

  // The stream to write to; null after Commit() or Abandon().
  std::FILE* file() const { return file_; }
  const std::string& path() const { return path_; }
  const std::string& temp_path() const { return temp_path_; }

  // fflush + fsync + fclose (each checked), then rename over the target. On any failure the
  // temporary file is removed and the error names the target and the reason (disk full, ...).
  Status Commit();
  // Closes and removes the temporary file now.
  void Abandon();

 private:
  AtomicFile(std::string path, std::string temp_path, std::FILE* file)
      : path_(std::move(path)), temp_path_(std::move(temp_path)), file_(file) {}

  std::string path_;
  std::string temp_path_;
  std::FILE* file_ = nullptr;
  bool committed_ = false;
};

}  // namespace reparto
