// Tests of the exact decimal -> mWh parser and the text helpers (ingest/decimal.h, ingest/text.h).
#include "ingest/decimal.h"

#include <gtest/gtest.h>

#include "ingest/text.h"

namespace reparto::ingest {
namespace {

MilliWh Parse(std::string_view text, const DecimalFormat& format) {
  const DecimalParse p = ParseMilliWh(text, format);
  EXPECT_TRUE(p.ok()) << text;
  return p.value;
}

TEST(DecimalTest, KWhWithPointIsExact) {
  const auto kwh = DecimalFormat::KWh('.');
  EXPECT_EQ(Parse("0.120", kwh), 120000);
  EXPECT_EQ(Parse("0", kwh), 0);
  EXPECT_EQ(Parse("12", kwh), 12000000);
  EXPECT_EQ(Parse("0.000001", kwh), 1);
  EXPECT_EQ(Parse(" 1.5 ", kwh), 1500000);
  EXPECT_EQ(Parse("+2.25", kwh), 2250000);
  EXPECT_EQ(Parse(".5", kwh), 500000);
  EXPECT_EQ(Parse("3.", kwh), 3000000);
  // 0.1 + 0.2 in binary floats is not 0.3; here it is exactly 300000 mWh.
  EXPECT_EQ(Parse("0.1", kwh) + Parse("0.2", kwh), Parse("0.3", kwh));
}

TEST(DecimalTest, MoreThanSixDecimalsRoundHalfUp) {
  const auto kwh = DecimalFormat::KWh('.');
  EXPECT_EQ(Parse("0.0000005", kwh), 1);
  EXPECT_EQ(Parse("0.0000004999", kwh), 0);
  EXPECT_EQ(Parse("1.2345675", kwh), 1234568);
}

TEST(DecimalTest, CommaAndAlternativePoint) {
  const auto es = DecimalFormat::KWh(',', '.');
  EXPECT_EQ(Parse("0,412", es), 412000);
  EXPECT_EQ(Parse("0.412", es), 412000);
  const DecimalParse two_points = ParseMilliWh("0,4,1", es);
  EXPECT_EQ(two_points.error, DecimalError::kMalformed);
  EXPECT_EQ(two_points.position, 3u);
  // A point is not accepted where only a comma is.
  const DecimalParse p = ParseMilliWh("1.234", DecimalFormat::Wh(','));
  EXPECT_EQ(p.error, DecimalError::kMalformed);
  EXPECT_EQ(p.position, 1u);
  EXPECT_EQ(Parse("1234", DecimalFormat::Wh(',')), 1234000);
  EXPECT_EQ(Parse("51,5", DecimalFormat::Wh(',')), 51500);
}

TEST(DecimalTest, QuarterHourKilowattsAndXlsxDoubles) {
  const auto kw = DecimalFormat::QuarterHourKW('.', ',', false);
  EXPECT_EQ(Parse("0.228", kw), 57000);  // 0.228 kW x 0.25 h = 0.057 kWh
  EXPECT_EQ(Parse("0,001", kw), 250);
  EXPECT_EQ(Parse("2.844", kw), 711000);
  const auto xlsx = DecimalFormat::QuarterHourKW('.', '\0', true);
  EXPECT_EQ(Parse("0.22800000000000001", xlsx), 57000);
  EXPECT_EQ(Parse("4.8000000000000001E-2", xlsx), 12000);
  EXPECT_EQ(Parse("4.3999999999999997E-2", xlsx), 11000);
  EXPECT_EQ(Parse("1E3", xlsx), 250000000);
  EXPECT_EQ(ParseMilliWh("1E", xlsx).error, DecimalError::kMalformed);
  EXPECT_EQ(ParseMilliWh("1E3", kw).error, DecimalError::kMalformed);
}

TEST(DecimalTest, ErrorsSayWhatAndWhere) {
  const auto kwh = DecimalFormat::KWh('.');
  EXPECT_EQ(ParseMilliWh("", kwh).error, DecimalError::kEmpty);
  EXPECT_EQ(ParseMilliWh("  ", kwh).error, DecimalError::kEmpty);
  const DecimalParse negative = ParseMilliWh("-0.5", kwh);
  EXPECT_EQ(negative.error, DecimalError::kNegative);
  EXPECT_EQ(DescribeDecimalError(negative, "-0.5", "consumption", kwh),
            "negative consumption '-0.5'");
  EXPECT_TRUE(ParseMilliWh("-0", kwh).ok());
  const DecimalParse garbage = ParseMilliWh("12a", kwh);
  EXPECT_EQ(garbage.error, DecimalError::kMalformed);
  EXPECT_EQ(garbage.position, 2u);
  EXPECT_EQ(DescribeDecimalError(garbage, "12a", "injection", kwh),
            "malformed injection '12a' (expected a decimal number of kWh with '.' as decimal "
            "separator)");
  EXPECT_EQ(ParseMilliWh("-", kwh).error, DecimalError::kMalformed);
  EXPECT_EQ(ParseMilliWh("nan", kwh).error, DecimalError::kMalformed);
  EXPECT_EQ(ParseMilliWh("99999999999999999", kwh).error, DecimalError::kTooLarge);
  EXPECT_EQ(Parse("9223372036854.775807", kwh), 9223372036854775807);
}

TEST(TextTest, HeadersDatesAndClocks) {
  EXPECT_EQ(NormalizeHeader("Injeção registada (kW)"), "injecao_registada_kw");
  EXPECT_EQ(NormalizeHeader("Consumo registado, Ativa (kW)"), "consumo_registado_ativa_kw");
  EXPECT_EQ(NormalizeHeader("INV / VER"), "inv_ver");
  EXPECT_EQ(NormalizeHeader("REAL/ESTIMADO"), "real_estimado");
  EXPECT_EQ(NormalizeHeader("metodoObtencion"), "metodoobtencion");
  EXPECT_EQ(ParseFlexibleDate("27/10/2024"), (CivilDate{2024, 10, 27}));
  EXPECT_EQ(ParseFlexibleDate("2024/10/27"), (CivilDate{2024, 10, 27}));
  EXPECT_EQ(ParseFlexibleDate("2024-1-5"), (CivilDate{2024, 1, 5}));
  EXPECT_FALSE(ParseFlexibleDate("31/02/2024"));
  EXPECT_FALSE(ParseFlexibleDate("2024/10/27x"));
  EXPECT_EQ(ParseClockMinutes("00:15"), 15);
  EXPECT_EQ(ParseClockMinutes("24:00"), 1440);
  EXPECT_EQ(ParseClockMinutes("25"), 1500);
  EXPECT_EQ(ParseClockMinutes("7"), 420);
  EXPECT_FALSE(ParseClockMinutes("26"));
  EXPECT_FALSE(ParseClockMinutes("1:5"));
  EXPECT_EQ(ColumnLetters(7), "G");
  EXPECT_EQ(ColumnLetters(28), "AB");
}

}  // namespace
}  // namespace reparto::ingest
