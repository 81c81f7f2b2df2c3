// Tests of supply-point identifier checks (src/core/supply_point.h): CUPS control letters worked
// by hand, wrong letters, lengths, suffixes; CPE and PRM syntax. No units.
#include "core/supply_point.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace reparto {
namespace {

using ::testing::HasSubstr;

// Hand computation of the control letters. Useful powers of ten modulo 529:
//   10^4  = 10000       = 18 x 529 + 478          -> 478
//   10^6  = 1000000     = 1890 x 529 + 190        -> 190
//   10^12 = (10^6)^2    -> 190^2 = 36100 = 68 x 529 + 128 -> 128
//   10^16 = 10^12 10^4  -> 128 x 478 = 61184 = 115 x 529 + 349 -> 349
// Letters: T0 R1 W2 A3 G4 M5 Y6 F7 P8 D9 X10 B11 N12 J13 Z14 S15 Q16 V17 H18 L19 C20 K21 E22.
//
// 0021000000000001 = 21 x 10^12 + 1 -> 21 x 128 + 1 = 2689 = 5 x 529 + 44 -> 44 = 1 x 23 + 21 ->
// "RK" 0021000000000002 -> 45 = 1 x 23 + 22                                              -> "RE"
// 0031000000000000 = 31 x 10^12 -> 31 x 128 = 3968 = 7 x 529 + 265 -> 265 = 11 x 23 + 12 -> "BN"
// 0000000000000000 -> 0 = 0 x 23 + 0                                                -> "TT"
// 9999999999999999 = 10^16 - 1 -> 349 - 1 = 348 = 15 x 23 + 3                        -> "SA"
// 0022000000000528 = 22 x 10^12 + 528 -> 22 x 128 + 528 = 3344 = 6 x 529 + 170
//                  -> 170 = 7 x 23 + 9                                              -> "FD"
TEST(CupsControlLetters, WorkedByHand) {
  EXPECT_EQ(*CupsControlLetters("0021000000000001"), "RK");
  EXPECT_EQ(*CupsControlLetters("0021000000000002"), "RE");
  EXPECT_EQ(*CupsControlLetters("0031000000000000"), "BN");
  EXPECT_EQ(*CupsControlLetters("0000000000000000"), "TT");
  EXPECT_EQ(*CupsControlLetters("9999999999999999"), "SA");
  EXPECT_EQ(*CupsControlLetters("0022000000000528"), "FD");
}

TEST(CupsControlLetters, NeedsSixteenDigits) {
  EXPECT_FALSE(CupsControlLetters("002100000000001").ok());    // 15
  EXPECT_FALSE(CupsControlLetters("00210000000000011").ok());  // 17
  auto letters = CupsControlLetters("00210000000000A1");
  ASSERT_FALSE(letters.ok());
  EXPECT_THAT(letters.status().message(), HasSubstr("'00210000000000A1'"));
}

TEST(ValidateCups, ValidWithAndWithoutSuffix) {
  for (const char* id : {"ES0021000000000001RK", "ES0021000000000001RK0F", "ES0021000000000001RK1P",
                         "ES0021000000000002RE", "ES0031000000000000BN", "ES0000000000000000TT",
                         "ES9999999999999999SA", "ES0022000000000528FD0F"}) {
    Status s = ValidateCups(id);
    EXPECT_TRUE(s.ok()) << s.message();
    EXPECT_TRUE(LooksLikeCups(id)) << id;
  }
}

TEST(ValidateCups, WrongControlLettersSayWhichAreRight) {
  Status s = ValidateCups("ES0021000000000001XX");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.message(), "CUPS 'ES0021000000000001XX': control letters should be 'RK', got 'XX'");
  // Swapped letters, one letter off, lower case, and a right pair for another number.
  EXPECT_THAT(ValidateCups("ES0021000000000001KR").message(),
              HasSubstr("should be 'RK', got 'KR'"));
  EXPECT_THAT(ValidateCups("ES0021000000000001RE0F").message(),
              HasSubstr("should be 'RK', got 'RE'"));
  EXPECT_THAT(ValidateCups("ES0021000000000001rk").message(),
              HasSubstr("should be 'RK', got 'rk'"));
  EXPECT_THAT(ValidateCups("ES0021000000000002RK").message(),
              HasSubstr("should be 'RE', got 'RK'"));
  // One digit changed changes the letters: a typo in the number is caught.
  EXPECT_FALSE(ValidateCups("ES0021000000000010RK").ok());
}

TEST(ValidateCups, WrongLength) {
  for (const char* id : {"ES002100000000001RK",      // 19: a digit missing
                         "ES00210000000000001RK",    // 21
                         "ES0021000000000001RK0FX",  // 23
                         "ES", ""}) {
    Status s = ValidateCups(id);
    ASSERT_FALSE(s.ok()) << id;
    EXPECT_THAT(s.message(), HasSubstr("'" + std::string(id) + "'"));
  }
  EXPECT_THAT(ValidateCups("ES002100000000001RK").message(), HasSubstr("got 19"));
  EXPECT_THAT(ValidateCups("ES00210000000000001RK").message(), HasSubstr("got 21"));
}

TEST(ValidateCups, WrongPrefixOrDigits) {
  EXPECT_THAT(ValidateCups("PT0021000000000001RK").message(),
              HasSubstr("should start with 'ES', got 'PT'"));
  EXPECT_THAT(ValidateCups("es0021000000000001RK").message(), HasSubstr("start with 'ES'"));
  EXPECT_THAT(ValidateCups("ES00210000O0000001RK").message(),
              HasSubstr("character 11 should be a digit, got 'O'"));
}

TEST(ValidateCups, Suffix) {
  EXPECT_THAT(ValidateCups("ES0021000000000001RKF0").message(),
              HasSubstr("suffix should be a digit and a letter such as '0F' or '1P', got 'F0'"));
  EXPECT_FALSE(ValidateCups("ES0021000000000001RK00").ok());
  EXPECT_FALSE(ValidateCups("ES0021000000000001RK0f").ok());
  EXPECT_FALSE(ValidateCups("ES0021000000000001RK  ").ok());
}

TEST(LooksLikeCups, PrefixAndLength) {
  EXPECT_TRUE(LooksLikeCups("ES0021000000000001XX"));  // looks like one, even if invalid
  EXPECT_TRUE(LooksLikeCups("ESxxxxxxxxxxxxxxxxxx"));
  EXPECT_FALSE(LooksLikeCups("ES002100000000001RK"));
  EXPECT_FALSE(LooksLikeCups("ES00210000000000001RK"));
  EXPECT_FALSE(LooksLikeCups("PT0021000000000001RK"));
  EXPECT_FALSE(LooksLikeCups("PV1"));
  EXPECT_FALSE(LooksLikeCups(""));
}

TEST(Cpe, Syntax) {
  EXPECT_TRUE(ValidateCpe("PT0002000012345678AB").ok());
  EXPECT_TRUE(LooksLikeCpe("PT0002000012345678AB"));
  EXPECT_FALSE(LooksLikeCpe("PT0002000012345678AB0F"));
  EXPECT_FALSE(LooksLikeCpe("ES0002000012345678AB"));
  EXPECT_THAT(ValidateCpe("PT000200001234567AB").message(), HasSubstr("got 19"));
  EXPECT_THAT(ValidateCpe("PT00020000123456X8AB").message(),
              HasSubstr("character 17 should be a digit, got 'X'"));
  EXPECT_THAT(ValidateCpe("PT0002000012345678A1").message(),
              HasSubstr("character 20 should be an upper-case letter, got '1'"));
  EXPECT_THAT(ValidateCpe("ES0002000012345678AB").message(), HasSubstr("start with 'PT'"));
  EXPECT_THAT(ValidateCpe("PT0002000012345678ab").message(), HasSubstr("'PT0002000012345678ab'"));
}

TEST(Prm, Syntax) {
  EXPECT_TRUE(ValidatePrm("12345678901234").ok());
  EXPECT_TRUE(LooksLikePrm("12345678901234"));
  EXPECT_FALSE(LooksLikePrm("1234567890123"));
  EXPECT_FALSE(LooksLikePrm("1234567890123A"));
  EXPECT_THAT(ValidatePrm("1234567890123").message(), HasSubstr("expected 14 digits, got 13"));
  EXPECT_THAT(ValidatePrm("1234567890123A").message(),
              HasSubstr("character 14 should be a digit, got 'A'"));
}

TEST(ValidateIfSupplyPoint, ChecksOnlyWhatLooksLikeAnIdentifier) {
  EXPECT_TRUE(ValidateIfSupplyPoint("A").ok());
  EXPECT_TRUE(ValidateIfSupplyPoint("PV1").ok());
  EXPECT_TRUE(ValidateIfSupplyPoint("ES-roof").ok());
  EXPECT_TRUE(ValidateIfSupplyPoint("12345678901234").ok());
  EXPECT_TRUE(ValidateIfSupplyPoint("ES0021000000000001RK0F").ok());
  EXPECT_TRUE(ValidateIfSupplyPoint("PT0002000012345678AB").ok());
  EXPECT_THAT(ValidateIfSupplyPoint("ES0021000000000001XX").message(),
              HasSubstr("control letters should be 'RK'"));
  EXPECT_THAT(ValidateIfSupplyPoint("ES002100000000001RK").message(), HasSubstr("got 19"));
  EXPECT_FALSE(ValidateIfSupplyPoint("PT0002000012345678A1").ok());
  EXPECT_FALSE(ValidateIfSupplyPoint("PT000200001234567AB").ok());
}

}  // namespace
}  // namespace reparto
