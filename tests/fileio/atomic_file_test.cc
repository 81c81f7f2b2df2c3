// Tests of AtomicFile: the target appears (or is replaced) only on Commit; otherwise no file and no
// temporary is left behind, and failures name the target and the reason.
#include "fileio/atomic_file.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace reparto {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

class AtomicFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "reparto-atomic-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::vector<std::string> Files() const {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir_)) {
      names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
  }
  static std::string Read(const fs::path& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }
  static void WriteText(const fs::path& path, const std::string& text) {
    std::ofstream(path) << text;
  }

  fs::path dir_;
};

TEST_F(AtomicFileTest, CommitCreatesTheFile) {
  const std::string target = (dir_ / "out.csv").string();
  auto file = AtomicFile::Open(target);
  ASSERT_TRUE(file.ok()) << file.status().message();
  EXPECT_THAT(file->temp_path(), ::testing::StartsWith(target + ".tmp-"));
  std::fputs("hello\n", file->file());
  EXPECT_FALSE(fs::exists(target));  // nothing visible before Commit
  ASSERT_TRUE(file->Commit().ok());
  EXPECT_EQ(Read(target), "hello\n");
  EXPECT_THAT(Files(), ElementsAre("out.csv"));
}

TEST_F(AtomicFileTest, CommitReplacesAnExistingFile) {
  const fs::path target = dir_ / "out.csv";
  WriteText(target, "old content that is longer\n");
  {
    auto file = AtomicFile::Open(target.string());
    ASSERT_TRUE(file.ok());
    std::fputs("new\n", file->file());
    std::fflush(file->file());
    EXPECT_EQ(Read(target), "old content that is longer\n");
    EXPECT_EQ(Files().size(), 2u);  // target and temporary
    ASSERT_TRUE(file->Commit().ok());
  }
  EXPECT_EQ(Read(target), "new\n");
  EXPECT_THAT(Files(), ElementsAre("out.csv"));
}

TEST_F(AtomicFileTest, NothingLeftWithoutCommit) {
  {
    auto file = AtomicFile::Open((dir_ / "out.csv").string());
    ASSERT_TRUE(file.ok());
    std::fputs("half a file", file->file());
  }
  EXPECT_THAT(Files(), IsEmpty());

  // An existing target is left untouched.
  WriteText(dir_ / "kept.csv", "kept\n");
  {
    auto file = AtomicFile::Open((dir_ / "kept.csv").string());
    ASSERT_TRUE(file.ok());
    std::fputs("replacement", file->file());
    file->Abandon();
    EXPECT_EQ(file->file(), nullptr);
    EXPECT_FALSE(file->Commit().ok());
  }
  EXPECT_EQ(Read(dir_ / "kept.csv"), "kept\n");
  EXPECT_THAT(Files(), ElementsAre("kept.csv"));
}

TEST_F(AtomicFileTest, OpenFailsInAMissingDirectory) {
  const std::string target = (dir_ / "no-such-dir" / "out.csv").string();
  auto file = AtomicFile::Open(target);
  ASSERT_FALSE(file.ok());
  EXPECT_THAT(file.status().message(), HasSubstr(target + ": cannot create temporary file"));
  EXPECT_THAT(file.status().message(), HasSubstr("No such file or directory"));
  EXPECT_THAT(Files(), IsEmpty());
}

TEST_F(AtomicFileTest, FailedCommitRemovesTheTemporary) {
  // The target is a non-empty directory: rename cannot replace it.
  const fs::path target = dir_ / "out.csv";
  fs::create_directory(target);
  WriteText(target / "inside", "x");
  auto file = AtomicFile::Open(target.string());
  ASSERT_TRUE(file.ok());
  std::fputs("data", file->file());
  const Status status = file->Commit();
  ASSERT_FALSE(status.ok());
  EXPECT_THAT(status.message(), HasSubstr(target.string() + ": cannot replace it with"));
  EXPECT_THAT(Files(), ElementsAre("out.csv"));
  EXPECT_TRUE(fs::is_directory(target));
}

TEST_F(AtomicFileTest, MovedFileCommitsOnce) {
  const std::string target = (dir_ / "out.csv").string();
  auto opened = AtomicFile::Open(target);
  ASSERT_TRUE(opened.ok());
  AtomicFile file = std::move(*opened);
  EXPECT_EQ(opened->file(), nullptr);
  std::fputs("moved\n", file.file());
  ASSERT_TRUE(file.Commit().ok());
  EXPECT_EQ(Read(target), "moved\n");
  EXPECT_THAT(Files(), ElementsAre("out.csv"));
}

}  // namespace
}  // namespace reparto
