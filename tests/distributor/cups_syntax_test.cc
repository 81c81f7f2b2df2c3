// Tests for the CUPS and CAU syntax checks used by the coefficient file, with control letters
// worked by hand (CupsControlLetters comes from core/supply_point.h).
#include "distributor/cups_syntax.h"

#include "core/supply_point.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace reparto::distributor {
namespace {

using ::testing::HasSubstr;

std::string Letters(std::string_view digits) {
  auto letters = CupsControlLetters(digits);
  EXPECT_TRUE(letters.ok());
  return letters.ok() ? *letters : "";
}

TEST(CupsControlLetters, WorkedByHand) {
  // 0021000000000001 = 21000000000001; mod 529 = 44 = 1 * 23 + 21 -> table[1] 'R', table[21] 'K'.
  EXPECT_EQ(Letters("0021000000000001"), "RK");
  // ... + 1 -> 45 = 1 * 23 + 22 -> 'R', 'E'.
  EXPECT_EQ(Letters("0021000000000002"), "RE");
  // ... + 2 -> 46 = 2 * 23 + 0 -> 'W', 'T'.
  EXPECT_EQ(Letters("0021000000000003"), "WT");
  // 0 -> 'T', 'T'.
  EXPECT_EQ(Letters("0000000000000000"), "TT");
}

TEST(CupsProblem, AcceptsValidCups) {
  EXPECT_EQ(CupsProblem("ES0021000000000001RK0F"), "");
  EXPECT_EQ(CupsProblem("ES0021000000000001RK"), "");
  EXPECT_EQ(CupsProblem("ES0021000000000002RE1P"), "");
}

TEST(CupsProblem, RejectsEachKindOfMistake) {
  EXPECT_THAT(CupsProblem("ES0021000000000001R"), HasSubstr("got 19"));
  EXPECT_THAT(CupsProblem("PT0021000000000001RK0F"), HasSubstr("should start with 'ES'"));
  EXPECT_THAT(CupsProblem("ES00210000000000X1RK0F"), HasSubstr("character 17 should be a digit"));
  EXPECT_THAT(CupsProblem("ES0021000000000001rk0F"),
              HasSubstr("control letters should be 'RK', got 'rk'"));
  EXPECT_THAT(CupsProblem("ES0021000000000001RE0F"),
              HasSubstr("control letters should be 'RK', got 'RE'"));
  EXPECT_THAT(CupsProblem("ES0021000000000001RK0f"), HasSubstr("got '0f'"));
}

TEST(CauProblem, AcceptsCupsPlusAAndThreeDigits) {
  EXPECT_EQ(CauProblem("ES0021000000000001RK0FA001"), "");
  EXPECT_THAT(CauProblem("ES0021000000000001RK0FB001"), HasSubstr("'A' + 3 digits"));
  EXPECT_THAT(CauProblem("ES0021000000000001RKA001"), HasSubstr("24 characters"));
  EXPECT_THAT(CauProblem("ES0021000000000001RE0FA001"), HasSubstr("should be 'RK'"));
}

}  // namespace
}  // namespace reparto::distributor
