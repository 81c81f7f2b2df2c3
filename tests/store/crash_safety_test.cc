// Crash safety of the SQLite store, with the real `reparto` binary: an import killed (SIGKILL) in
// the middle of its transaction leaves the database consistent with all or none of the file; a
// full disk (the file-size limit, which works as root too) and a read-only database give a clear
// error and lose nothing.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <thread>

#include "fileio/read_file.h"
#include "store/sqlite/sqlite_store.h"
#include "store/store_factories.h"

namespace reparto {
namespace {

constexpr int kParticipants = 80;
constexpr int kDays = 90;

// A community of kParticipants consumers and a PV plant (Lisbon, 15 minutes) and a canonical CSV
// of kDays days of quarter-hours for all of them.
struct BigImport {
  std::string dir, db, toml, csv;
};

BigImport MakeBigImport() {
  BigImport b;
  b.dir = NewTempDir();
  chmod(b.dir.c_str(), 0755);
  b.db = b.dir + "/reparto.db";
  b.toml = b.dir + "/community.toml";
  b.csv = b.dir + "/big.csv";
  std::ofstream toml(b.toml);
  toml << "id = \"BIG\"\ncountry = \"PT\"\ntimezone = \"Europe/Lisbon\"\nstep_minutes = 15\n"
       << "[[participants]]\nid = \"PV\"\nrole = \"producer\"\n";
  for (int p = 0; p < kParticipants; ++p) {
    toml << "[[participants]]\nid = \"C" << p << "\"\nrole = \"consumer\"\n";
  }
  toml.close();
  std::string csv = "participant,start,consumption_kwh,injection_kwh,quality\n";
  char line[128];
  for (int d = 0; d < kDays; ++d) {
    const int month = d < 31 ? 1 : d < 59 ? 2 : 3;
    const int day = d < 31 ? d + 1 : d < 59 ? d - 30 : d - 58;
    for (int q = 0; q < 96; ++q) {
      for (int p = -1; p < kParticipants; ++p) {
        const int wh = p < 0 ? (q > 32 && q < 68 ? 900 : 0) : 40 + (p * 7 + q) % 60;
        std::snprintf(line, sizeof line, "%s%d,2024-%02d-%02dT%02d:%02d:00Z,0.%03d,0.%03d,real\n",
                      p < 0 ? "PV" : "C", p < 0 ? 0 : p, month, day, q / 4, (q % 4) * 15,
                      p < 0 ? 0 : wh, p < 0 ? wh : 0);
        if (p < 0) {  // "PV0" is not an id: write the plant's line without the index
          std::snprintf(line, sizeof line, "PV,2024-%02d-%02dT%02d:%02d:00Z,0.000,0.%03d,real\n",
                        month, day, q / 4, (q % 4) * 15, wh);
        }
        csv += line;
      }
    }
  }
  std::ofstream(b.csv) << csv;
  return b;
}

struct Child {
  pid_t pid = -1;
  std::string stderr_path;
};

// Starts `reparto args...` with standard error to a file; `setup` runs in the child before exec.
Child Start(const std::vector<std::string>& args, const std::string& dir,
            const std::function<void()>& setup = {}) {
  Child child;
  child.stderr_path = dir + "/stderr-" + std::to_string(std::rand()) + ".txt";
  child.pid = fork();
  if (child.pid == 0) {
    std::freopen(child.stderr_path.c_str(), "w", stderr);
    std::freopen("/dev/null", "w", stdout);
    if (setup) setup();
    std::vector<char*> argv;
    // A copy in the test's folder when there is one (see ReadOnlyDatabase...: an ordinary user
    // may not reach the build tree).
    std::string binary =
        std::filesystem::exists(dir + "/reparto") ? dir + "/reparto" : REPARTO_BINARY;
    argv.push_back(binary.data());
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(binary.c_str(), argv.data());
    _exit(127);
  }
  return child;
}

int Wait(const Child& child) {
  int status = 0;
  waitpid(child.pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

int RunReparto(const std::vector<std::string>& args, const std::string& dir,
               const std::function<void()>& setup = {}, std::string* error = nullptr) {
  Child child = Start(args, dir, setup);
  const int code = Wait(child);
  if (error) *error = ReadWholeFile(child.stderr_path).value();
  return code;
}

std::int64_t FileSize(const std::string& path) {
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  return ec ? 0 : static_cast<std::int64_t>(size);
}

// Participant-days of readings stored, or -1 when the store cannot be read.
std::int64_t StoredDays(const std::string& db) {
  auto store = sqlite::OpenStore(db);
  if (!store.ok()) return -1;
  auto days = (*store)->LoadReadings("BIG", "", {2024, 1, 1}, {2025, 1, 1});
  return days.ok() ? static_cast<std::int64_t>(days->size()) : -1;
}

std::string IntegrityCheck(const std::string& db) {
  sqlite3* handle = nullptr;
  sqlite3_open_v2(db.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr);
  std::string result;
  sqlite3_exec(
      handle, "PRAGMA integrity_check",
      [](void* out, int, char** values, char**) {
        *static_cast<std::string*>(out) += values[0];
        return 0;
      },
      &result, nullptr);
  sqlite3_close(handle);
  return result;
}

// The readings are in UTC; the last hour of 31 March is already 1 April in Lisbon (summer time
// began that morning), so the file touches kDays + 1 local days.
constexpr std::int64_t kAllDays = static_cast<std::int64_t>(kParticipants + 1) * (kDays + 1);

class CrashSafety : public ::testing::Test {
 protected:
  void SetUp() override {
    big_ = MakeBigImport();
    std::string error;
    ASSERT_EQ(RunReparto({"community", "add", "--file", big_.toml, "--db", big_.db}, big_.dir, {},
                         &error),
              0)
        << error;
  }
  std::vector<std::string> ImportArgs() const {
    return {"import", "--community", "BIG", "--db", big_.db, big_.csv};
  }
  BigImport big_;
};

TEST_F(CrashSafety, ImportKilledInItsTransactionLeavesAllOrNothing) {
  // Kill when the write-ahead log has grown by `wal_bytes`: the transaction is being written.
  int rolled_back = 0;
  for (std::int64_t wal_bytes : {std::int64_t{4} << 10, std::int64_t{256} << 10}) {
    SCOPED_TRACE(wal_bytes);
    const std::int64_t before = StoredDays(big_.db);
    Child child = Start(ImportArgs(), big_.dir);
    const std::string wal = big_.db + "-wal";
    const std::int64_t wal_start = FileSize(wal);
    bool killed = false;
    for (int i = 0; i < 60'000; ++i) {
      int status = 0;
      if (waitpid(child.pid, &status, WNOHANG) == child.pid) break;  // finished first
      if (FileSize(wal) - wal_start >= wal_bytes) {
        kill(child.pid, SIGKILL);
        killed = true;
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    if (killed) Wait(child);
    ASSERT_TRUE(killed) << "the import ended before it could be killed mid-transaction";
    EXPECT_EQ(IntegrityCheck(big_.db), "ok");
    const std::int64_t after = StoredDays(big_.db);
    EXPECT_TRUE(after == before || after == kAllDays) << "partial import: " << after << " days";
    rolled_back += after == before;
  }
  EXPECT_GE(rolled_back, 1) << "no kill landed before the commit";
  // The next import completes and brings the whole file, once.
  std::string error;
  ASSERT_EQ(RunReparto(ImportArgs(), big_.dir, {}, &error), 0) << error;
  EXPECT_EQ(StoredDays(big_.db), kAllDays);
  EXPECT_EQ(IntegrityCheck(big_.db), "ok");
}

TEST_F(CrashSafety, FullDiskGivesAClearErrorAndLosesNothing) {
  // The file-size limit stands in for a full disk: writes past it fail (EFBIG), as root too.
  const rlim_t limit = static_cast<rlim_t>(FileSize(big_.db) + (1 << 20));
  std::string error;
  const int code = RunReparto(
      ImportArgs(), big_.dir,
      [limit] {
        std::signal(SIGXFSZ, SIG_IGN);
        rlimit r{limit, limit};
        setrlimit(RLIMIT_FSIZE, &r);
      },
      &error);
  EXPECT_EQ(code, 1) << error;
  EXPECT_NE(error.find("disk is full"), std::string::npos) << error;
  EXPECT_NE(error.find(big_.db), std::string::npos) << error;
  EXPECT_EQ(error.find("SELECT"), std::string::npos);
  EXPECT_EQ(error.find("INSERT"), std::string::npos);
  EXPECT_EQ(IntegrityCheck(big_.db), "ok");
  EXPECT_EQ(StoredDays(big_.db), 0);
  // With room again, the same import succeeds.
  ASSERT_EQ(RunReparto(ImportArgs(), big_.dir, {}, &error), 0) << error;
  EXPECT_EQ(StoredDays(big_.db), kAllDays);
}

TEST_F(CrashSafety, ReadOnlyDatabaseGivesAClearErrorAndLosesNothing) {
  ASSERT_EQ(chmod(big_.db.c_str(), 0444), 0);
  // Root ignores file modes: run the import as an ordinary user then, from a copy of the binary
  // in the test's folder (the checkout may be under a folder only root can enter).
  std::function<void()> as_user;
  if (geteuid() == 0) {
    std::filesystem::copy_file(REPARTO_BINARY, big_.dir + "/reparto");
    chmod((big_.dir + "/reparto").c_str(), 0755);
    as_user = [] {
      if (setgid(65534) != 0 || setuid(65534) != 0) _exit(126);
    };
  }
  std::string error;
  const int code = RunReparto(ImportArgs(), big_.dir, as_user, &error);
  EXPECT_EQ(code, 1) << error;
  EXPECT_NE(error.find("read-only"), std::string::npos) << error;
  EXPECT_EQ(IntegrityCheck(big_.db), "ok");
  ASSERT_EQ(chmod(big_.db.c_str(), 0644), 0);
  EXPECT_EQ(StoredDays(big_.db), 0);
}

}  // namespace
}  // namespace reparto
