// AtomicFile: temporary file beside the target, renamed over it on Commit (POSIX). See
// atomic_file.h.
#include "fileio/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <random>
#include <utility>

namespace reparto {
namespace {

std::string Reason(int error) { return error != 0 ? std::strerror(error) : "unknown error"; }

}  // namespace

Result<AtomicFile> AtomicFile::Open(std::string path) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  std::random_device device;
  std::mt19937_64 random(device());
  std::string temp_path;
  int error = 0;
  for (int attempt = 0; attempt < 100; ++attempt) {
    temp_path = path + ".tmp-";
    for (int i = 0; i < 6; ++i) temp_path.push_back(kAlphabet[random() % (sizeof kAlphabet - 1)]);
    const int fd = ::open(temp_path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0) {
      error = errno;
      if (error == EEXIST) continue;
      break;
    }
    std::FILE* file = ::fdopen(fd, "wb");
    if (file == nullptr) {
      error = errno;
      ::close(fd);
      ::unlink(temp_path.c_str());
      break;
    }
    return AtomicFile(std::move(path), std::move(temp_path), file);
  }
  return Status::Error(path + ": cannot create temporary file " + temp_path + ": " + Reason(error));
}

AtomicFile::AtomicFile(AtomicFile&& other) noexcept
    : path_(std::move(other.path_)),
      temp_path_(std::move(other.temp_path_)),
      file_(std::exchange(other.file_, nullptr)),
      committed_(std::exchange(other.committed_, true)) {}

AtomicFile& AtomicFile::operator=(AtomicFile&& other) noexcept {
  if (this != &other) {
    Abandon();
    path_ = std::move(other.path_);
    temp_path_ = std::move(other.temp_path_);
    file_ = std::exchange(other.file_, nullptr);
    committed_ = std::exchange(other.committed_, true);
  }
  return *this;
}

AtomicFile::~AtomicFile() { Abandon(); }

void AtomicFile::Abandon() {
  if (file_ != nullptr) {
    std::fclose(file_);
    file_ = nullptr;
  }
  if (!committed_ && !temp_path_.empty()) {
    ::unlink(temp_path_.c_str());
    committed_ = true;  // nothing left to clean up
  }
}

Status AtomicFile::Commit() {
  if (file_ == nullptr) return Status::Error(path_ + ": already committed or abandoned");
  std::string failure;
  errno = 0;
  if (std::fflush(file_) != 0 || std::ferror(file_)) {
    failure = "write failed: " + Reason(errno);
  } else if (::fsync(::fileno(file_)) != 0) {
    failure = "sync failed: " + Reason(errno);
  }
  errno = 0;
  const int close_result = std::fclose(file_);
  file_ = nullptr;
  if (failure.empty() && close_result != 0) failure = "close failed: " + Reason(errno);
  if (failure.empty() && std::rename(temp_path_.c_str(), path_.c_str()) != 0) {
    failure = "cannot replace it with " + temp_path_ + ": " + Reason(errno);
  }
  if (!failure.empty()) {
    Abandon();
    return Status::Error(path_ + ": " + failure);
  }
  committed_ = true;
  return Status::Ok();
}

}  // namespace reparto
