// Whole-file reading and atomic whole-file writing (see read_file.h).
#include "fileio/read_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include "fileio/atomic_file.h"

namespace reparto {
namespace {

struct FileClose {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

}  // namespace

Result<std::string> ReadWholeFile(const std::string& path) {
  std::unique_ptr<std::FILE, FileClose> file(std::fopen(path.c_str(), "rb"));
  if (!file) return Status::Error(path + ": cannot open: " + std::strerror(errno));
  std::string content;
  if (std::fseek(file.get(), 0, SEEK_END) == 0) {
    const long size = std::ftell(file.get());
    if (size > 0) content.reserve(static_cast<std::size_t>(size));
    std::rewind(file.get());
  }
  char buffer[1 << 16];
  while (true) {
    const std::size_t n = std::fread(buffer, 1, sizeof buffer, file.get());
    content.append(buffer, n);
    if (n < sizeof buffer) break;
  }
  if (std::ferror(file.get())) return Status::Error(path + ": read error");
  return content;
}

Status WriteWholeFile(const std::string& path, std::string_view content) {
  auto file = AtomicFile::Open(path);
  if (!file.ok()) return file.status();
  if (std::fwrite(content.data(), 1, content.size(), file->file()) != content.size()) {
    return Status::Error(path + ": write failed: " + std::strerror(errno));
  }
  return file->Commit();
}

}  // namespace reparto
