// Tests for formatting and writing the coefficient file: exact bytes (CRLF, no final line end),
// the checks done on export, and the atomic write.
#include "distributor/coefficient_writer.h"

#include <unistd.h>

#include <fstream>
#include <sstream>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "test_support.h"

namespace reparto::distributor {
namespace {

using ::testing::HasSubstr;
using testing::kCau;
using testing::kCupsA;
using testing::kCupsB;
using testing::kCupsC;

std::vector<std::string> Cups(std::initializer_list<std::string_view> ids) {
  return {ids.begin(), ids.end()};
}

TEST(FormatFixedFile, ExactBytes) {
  const std::vector<Coefficient> ppb = {350000000, 400000000, 250000000};
  auto text = FormatFixedFile(Cups({kCupsA, kCupsB, kCupsC}), ppb);
  ASSERT_TRUE(text.ok()) << text.status().message();
  EXPECT_EQ(*text,
            "ES0021000000000001RK0F;0,350000\r\n"
            "ES0021000000000002RE0F;0,400000\r\n"
            "ES0021000000000003WT;0,250000");
}

TEST(FormatFixedFile, RoundsThirdsToSumOne) {
  const std::vector<Coefficient> ppb = {333333334, 333333333, 333333333};
  auto text = FormatFixedFile(Cups({kCupsA, kCupsB, kCupsC}), ppb);
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(*text,
            "ES0021000000000001RK0F;0,333334\r\n"
            "ES0021000000000002RE0F;0,333333\r\n"
            "ES0021000000000003WT;0,333333");
}

TEST(FormatHourlyFile, ExactBytesHourByHour) {
  // Hour 1: all to A. Hour 2: remainders 500 and 500, the tie goes to A. Hour 3: all to B.
  const std::vector<Coefficient> matrix = {1000000000, 0, 500000500, 499999500, 0, 1000000000};
  auto text = FormatHourlyFile(Cups({kCupsA, kCupsB}), matrix);
  ASSERT_TRUE(text.ok()) << text.status().message();
  EXPECT_EQ(*text,
            "ES0021000000000001RK0F;0001;1,000000\r\n"
            "ES0021000000000002RE0F;0001;0,000000\r\n"
            "ES0021000000000001RK0F;0002;0,500001\r\n"
            "ES0021000000000002RE0F;0002;0,499999\r\n"
            "ES0021000000000001RK0F;0003;0,000000\r\n"
            "ES0021000000000002RE0F;0003;1,000000");
}

TEST(FormatHourlyFile, RejectsASetNotSummingToOneNamingTheHour) {
  const std::vector<Coefficient> matrix = {1000000000, 0, 500000000, 499999999};
  auto text = FormatHourlyFile(Cups({kCupsA, kCupsB}), matrix);
  ASSERT_FALSE(text.ok());
  EXPECT_THAT(text.status().message(), HasSubstr("hour 0002"));
  EXPECT_THAT(text.status().message(), HasSubstr("999999999 ppb"));
}

TEST(FormatHourlyFile, RejectsBadShapes) {
  EXPECT_THAT(FormatHourlyFile(Cups({kCupsA, kCupsB}), std::vector<Coefficient>{1000000000})
                  .status()
                  .message(),
              HasSubstr("not a whole number of hours"));
  EXPECT_THAT(FormatHourlyFile(Cups({kCupsA, kCupsA}), std::vector<Coefficient>{1000000000, 0})
                  .status()
                  .message(),
              HasSubstr("listed twice"));
}

TEST(FormatFixedFile, RejectsBadCupsNegativesAndSizes) {
  EXPECT_THAT(
      FormatFixedFile(Cups({"ES0021000000000001RE0F"}), std::vector<Coefficient>{1000000000})
          .status()
          .message(),
      HasSubstr("should be 'RK'"));
  EXPECT_THAT(FormatFixedFile(Cups({kCupsA, kCupsB}), std::vector<Coefficient>{1000000001, -1})
                  .status()
                  .message(),
              HasSubstr("negative"));
  EXPECT_THAT(FormatFixedFile(Cups({kCupsA}), std::vector<Coefficient>{500000000, 500000000})
                  .status()
                  .message(),
              HasSubstr("2 coefficients for 1 CUPS"));
  EXPECT_FALSE(FormatFixedFile({}, std::vector<Coefficient>{}).ok());
}

TEST(CoefficientFileName, CauUnderscoreYear) {
  EXPECT_EQ(CoefficientFileName(kCau, 2025), "ES0021000000000001RK0FA001_2025.txt");
}

class WriteCoefficientFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("reparto_distributor_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override {
    std::filesystem::permissions(dir_, std::filesystem::perms::owner_all);
    std::filesystem::remove_all(dir_);
  }
  static std::string Read(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
  }
  std::filesystem::path dir_;
};

TEST_F(WriteCoefficientFileTest, WritesExactBytesUnderTheRightNameAndNoTempFile) {
  const std::string content = "ES0021000000000001RK0F;1,000000";
  ASSERT_TRUE(WriteCoefficientFile(dir_, kCau, 2025, content).ok());
  const auto path = dir_ / "ES0021000000000001RK0FA001_2025.txt";
  EXPECT_EQ(Read(path), content);
  // Overwrite: the new content replaces the old, and nothing else is left in the folder.
  ASSERT_TRUE(WriteCoefficientFile(dir_, kCau, 2025, "x").ok());
  EXPECT_EQ(Read(path), "x");
  int entries = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir_)) ++entries;
  EXPECT_EQ(entries, 1);
}

TEST_F(WriteCoefficientFileTest, ClearErrorsForMissingOrUnwritableFolders) {
  const Status missing = WriteCoefficientFile(dir_ / "nope", kCau, 2025, "x");
  ASSERT_FALSE(missing.ok());
  EXPECT_THAT(missing.message(), HasSubstr("nope' is not an existing directory"));
  // /proc refuses new files even for root.
  const Status proc = WriteCoefficientFile("/proc", kCau, 2025, "x");
  ASSERT_FALSE(proc.ok());
  EXPECT_THAT(proc.message(),
              HasSubstr("/proc/" + std::string(kCau) + "_2025.txt: cannot create temporary file"));
  if (::geteuid() != 0) {
    std::filesystem::permissions(
        dir_, std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
    const Status read_only = WriteCoefficientFile(dir_, kCau, 2025, "x");
    ASSERT_FALSE(read_only.ok());
    EXPECT_THAT(read_only.message(), HasSubstr("Permission denied"));
  }
}

TEST_F(WriteCoefficientFileTest, RejectsABadCauOrYear) {
  EXPECT_THAT(WriteCoefficientFile(dir_, "../evil", 2025, "x").message(), HasSubstr("CAU"));
  EXPECT_THAT(WriteCoefficientFile(dir_, kCau, 25, "x").message(), HasSubstr("not 4 digits"));
  EXPECT_TRUE(std::filesystem::is_empty(dir_));
}

}  // namespace
}  // namespace reparto::distributor
