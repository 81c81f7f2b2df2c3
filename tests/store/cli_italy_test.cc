// `reparto incentives` on an Italian community a manager sets up by hand: the community file, a
// day of meter readings, allocated, the zonal prices imported as a generic CSV and a billing file
// with the [italy] terms. The numbers are those worked by hand in tests/core/italy_test.cc
// (ItalianTermsCase), now from the store through the command line: shared 45 + 30 kWh at Pz 150
// €/MWh, incentive 8.25 €, valorisation 1.095 €, the community keeps 20 %.
#include <gtest/gtest.h>

#include <fstream>

#include "fileio/read_file.h"
#include "store/cli_runner.h"
#include "store/store_factories.h"

namespace reparto {
namespace {

void Write(const std::string& path, const std::string& text) { std::ofstream(path) << text; }

// One day in Rome (UTC+2 in June): hours 12 and 13 carry the worked case, the rest zero.
std::string Readings() {
  std::string csv = "participant,start,consumption_kwh,injection_kwh,quality\n";
  for (int h = 0; h < 24; ++h) {
    char start[40];
    std::snprintf(start, sizeof start, "2025-06-10T%02d:00:00+02:00", h);
    const bool noon = h == 12, one = h == 13;
    csv += std::string("A,") + start + "," + (noon ? "40" : one ? "10" : "0") + ",0,real\n";
    csv += std::string("B,") + start + "," + (noon ? "5" : one ? "30" : "0") + ",0,real\n";
    csv += std::string("PV,") + start + ",0," + (noon ? "50" : one ? "30" : "0") + ",real\n";
  }
  return csv;
}

// Pz = 150 €/MWh for every hour of June 2025 (Rome).
std::string ZonalPrices() {
  std::string csv = "start,price_eur_per_mwh\n";
  for (int day = 1; day <= 30; ++day) {
    for (int h = 0; h < 24; ++h) {
      char row[64];
      std::snprintf(row, sizeof row, "2025-06-%02dT%02d:00:00+02:00,150\n", day, h);
      csv += row;
    }
  }
  return csv;
}

class CliItaly : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = NewTempDir();
    db_ = " --db " + dir_ + "/it.db";
    Write(dir_ + "/community.toml", R"(id = "IT-CER-TEST"
country = "IT"
timezone = "Europe/Rome"

[italy]
plant_kw = 150

[sharing]
method = "proportional"

[[participants]]
id = "A"

[[participants]]
id = "B"

[[participants]]
id = "PV"
role = "producer"
)");
    Write(dir_ + "/readings.csv", Readings());
    Write(dir_ + "/pz.csv", ZonalPrices());
    Write(dir_ + "/billing.toml", R"([italy]
valorisation_eur_per_kwh = "0.0107"
avoided_losses_percent = "2.6"
retained_percent = 20
zonal_prices = "PZ-NORD"
)");
    for (const std::string& step :
         {"community add --file " + dir_ + "/community.toml",
          "import --community IT-CER-TEST " + dir_ + "/readings.csv",
          std::string("allocate --community IT-CER-TEST"),
          "prices import --format csv --name PZ-NORD " + dir_ + "/pz.csv"}) {
      Output out = Reparto(step + db_);
      ASSERT_EQ(out.code, 0) << step << "\n" << out.text;
    }
  }
  std::string dir_, db_;
};

TEST_F(CliItaly, IncentiveValorisationAndSplitFromTheStore) {
  Output config = Reparto("billing set-config --community IT-CER-TEST --file " + dir_ +
                          "/billing.toml --from 2025-01-01" + db_);
  ASSERT_EQ(config.code, 0) << config.text;
  const std::string csv = dir_ + "/incentives.csv";
  Output run = Reparto("incentives --community IT-CER-TEST --month 2025-06 --format csv --output " +
                       csv + db_);
  ASSERT_EQ(run.code, 0) << run.text;
  auto text = ReadWholeFile(csv);
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(*text,
            "participant,month,shared_kwh,incentive_eur,valorisation_eur,retained_eur,total_eur\n"
            "A,2025-06,47.500000,4.18,0.55,0.00,4.73\n"
            "B,2025-06,27.500000,2.42,0.32,0.00,2.74\n"
            "*community*,2025-06,75.000000,8.25,1.10,1.87,9.35\n");
  // The terminal table says the same, and that the other days of June have no results.
  Output table = Reparto("incentives --community IT-CER-TEST --month 2025-06" + db_);
  ASSERT_EQ(table.code, 0) << table.text;
  EXPECT_NE(table.text.find("29 day(s) have no allocation results"), std::string::npos)
      << table.text;
  EXPECT_NE(table.text.find("community"), std::string::npos);
  EXPECT_NE(table.text.find("9.35"), std::string::npos) << table.text;
}

TEST_F(CliItaly, RefusesMissingPricesAndNamesTheSeries) {
  // No billing file: the series must be named on the command line.
  Output unnamed = Reparto("incentives --community IT-CER-TEST --month 2025-06" + db_);
  EXPECT_NE(unnamed.code, 0);
  EXPECT_NE(unnamed.text.find("no billing file in force"), std::string::npos) << unnamed.text;
  // Named, but July has no prices: refused, naming the first day.
  Output july =
      Reparto("incentives --community IT-CER-TEST --month 2025-07 --zonal-prices PZ-NORD" + db_);
  EXPECT_NE(july.code, 0);
  EXPECT_NE(july.text.find("PZ-NORD"), std::string::npos) << july.text;
  EXPECT_NE(july.text.find("2025-07-01"), std::string::npos) << july.text;
  // With the series named and no billing file: default terms (no valorisation, nothing kept).
  Output plain =
      Reparto("incentives --community IT-CER-TEST --month 2025-06 --zonal-prices PZ-NORD" + db_);
  ASSERT_EQ(plain.code, 0) << plain.text;
  EXPECT_NE(plain.text.find("no valorisation, nothing retained"), std::string::npos) << plain.text;
  EXPECT_NE(plain.text.find("8.25"), std::string::npos) << plain.text;
}

TEST_F(CliItaly, RefusesACommunityThatIsNotItalian) {
  Write(dir_ + "/pt.toml", "id = \"PT-1\"\ncountry = \"PT\"\n[[participants]]\nid = \"X\"\n");
  ASSERT_EQ(Reparto("community add --file " + dir_ + "/pt.toml" + db_).code, 0);
  Output run = Reparto("incentives --community PT-1 --month 2025-06 --zonal-prices PZ-NORD" + db_);
  EXPECT_NE(run.code, 0);
  EXPECT_NE(run.text.find("is not Italian"), std::string::npos) << run.text;
}

}  // namespace
}  // namespace reparto
