// Tests for the community TOML loader (src/config/community_file.h): every sharing method, the
// extensions (membership dates, periods, tables, suspensions, Italy), and the error messages
// (file, line, key). Files are written to a fresh temporary directory by each test.
// Units: coefficients in ppb (1e9 = the pool); instants in UTC seconds.
#include "config/community_file.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

namespace reparto {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::StartsWith;

// 2024-05-20T00:00:00+01:00 (local midnight in Lisbon, summer time).
constexpr UtcSeconds kMay20Lisbon = 1716159600;
// 2024-05-22T00:00:00+01:00.
constexpr UtcSeconds kMay22Lisbon = 1716332400;
// 2024-05-20T10:00:00+01:00.
constexpr UtcSeconds kMay20TenLisbon = 1716195600;
// 2024-05-20T00:00:00+02:00 (local midnight in Madrid).
constexpr UtcSeconds kMay20Madrid = 1716156000;

class CommunityFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "reparto_config_XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& text) {
    const std::string path = dir_ + "/" + name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }
  Result<Community> Load(const std::string& toml) {
    return LoadCommunityFile(Write("community.toml", toml));
  }
  // The error message with the temp directory removed ("community.toml:3:1: ...").
  std::string ErrorOf(const Result<Community>& r) {
    EXPECT_FALSE(r.ok());
    std::string m = r.status().message();
    const std::string prefix = dir_ + "/";
    for (std::size_t pos; (pos = m.find(prefix)) != std::string::npos;) m.erase(pos, prefix.size());
    return m;
  }

  std::string dir_;
};

constexpr const char* kPortugalFixed = R"(
id = "edificio-sol"
country = "PT"
timezone = "Europe/Lisbon"
step_minutes = 15

[sharing]
method = "fixed"
redistribution = "none"

[[participants]]
id = "A"
role = "consumer"
coefficient = 0.5
building = "B1"

[[participants]]
id = "B"
role = "Prosumer"
coefficient = 0.3

[[participants]]
id = "C"
coefficient = 0.2

[[participants]]
id = "PV1"
role = "producer"
voltage = "mv"
building = "B1"
)";

TEST_F(CommunityFileTest, PortugalFixed) {
  auto r = Load(kPortugalFixed);
  ASSERT_TRUE(r.ok()) << r.status().message();
  const Community& c = *r;
  EXPECT_EQ(c.id, "edificio-sol");
  EXPECT_EQ(c.timezone, "Europe/Lisbon");
  EXPECT_EQ(c.rules.country, Country::kPortugal);
  EXPECT_EQ(c.rules.step_seconds, 900);
  EXPECT_TRUE(c.rules.no_imputation_to_net_injectors);
  ASSERT_EQ(c.participants.size(), 4u);
  EXPECT_EQ(c.participants[1].role, Role::kProsumer);
  EXPECT_EQ(c.participants[2].role, Role::kConsumer);  // role defaults to consumer
  EXPECT_EQ(c.participants[3].voltage, Origin::kMV);
  EXPECT_EQ(OriginBetween(c.participants[3], c.participants[0]), Origin::kInternal);
  EXPECT_EQ(OriginBetween(c.participants[3], c.participants[1]), Origin::kMV);
  ASSERT_EQ(c.periods.size(), 1u);
  EXPECT_EQ(c.periods[0].method, Method::kFixed);
  EXPECT_EQ(c.periods[0].from, kBeginningOfTime);
  EXPECT_EQ(c.periods[0].to, kEndOfTime);
  EXPECT_THAT(c.periods[0].fixed, ElementsAre(500000000, 300000000, 200000000, 0));
}

TEST_F(CommunityFileTest, ThirdsBecomeExactPpb) {
  auto r = Load(R"(
id = "x"
country = "FR"
[sharing]
method = "fixed"
redistribution = "iterative"
[[participants]]
id = "A"
coefficient = 0.3333333333
[[participants]]
id = "B"
coefficient = 0.3333333333
[[participants]]
id = "C"
coefficient = 0.3333333333
[[participants]]
id = "P"
role = "producer"
)");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->timezone, "Europe/Paris");  // default zone of the country
  EXPECT_EQ(r->periods[0].redistribution, Redistribution::kIterative);
  EXPECT_THAT(r->periods[0].fixed, ElementsAre(333333334, 333333333, 333333333, 0));
}

TEST_F(CommunityFileTest, CoefficientsNotSummingToOne) {
  auto r = Load(R"(id = "x"
country = "PT"
[sharing]
method = "fixed"
[[participants]]
id = "A"
coefficient = 0.3333334
[[participants]]
id = "B"
coefficient = 0.3333334
[[participants]]
id = "C"
coefficient = 0.3333334
)");
  EXPECT_THAT(ErrorOf(r), StartsWith("community.toml:3:1: sharing.coefficients: coefficients sum "
                                     "to 1.0000002, expected 1"));
}

TEST_F(CommunityFileTest, UnknownMethodNamesLineAndAcceptedValues) {
  auto r = Load(R"(id = "x"
country = "PT"
[sharing]
method = "dynamic"
[[participants]]
id = "A"
)");
  EXPECT_EQ(ErrorOf(r),
            "community.toml:4:10: sharing.method: unknown method 'dynamic' (expected fixed, "
            "variable, proportional, pairwise or priority)");
}

TEST_F(CommunityFileTest, DuplicateIdAndEveryErrorReported) {
  auto r = Load(R"(id = "x"
country = "XX"
step_minutes = 7
[[participants]]
id = "A"
[[participants]]
id = "A"
role = "seller"
colour = "red"
)");
  const std::string m = ErrorOf(r);
  EXPECT_THAT(m, HasSubstr("community.toml:2:11: country: unknown country 'XX' (expected ES, PT, "
                           "FR or IT)"));
  EXPECT_THAT(m, HasSubstr("community.toml:3:16: step_minutes: 7 does not divide a day"));
  EXPECT_THAT(m, HasSubstr("community.toml:7:6: participants[1].id: duplicate participant id 'A' "
                           "(first at line 5)"));
  EXPECT_THAT(m, HasSubstr("community.toml:8:8: participants[1].role: unknown role 'seller' "
                           "(expected consumer, producer or prosumer)"));
  EXPECT_THAT(m, HasSubstr("community.toml:9:10: participants[1].colour: unknown key"));
  EXPECT_EQ(std::count(m.begin(), m.end(), '\n'), 4) << m;
}

TEST_F(CommunityFileTest, TomlSyntaxErrorHasLineAndColumn) {
  auto r = Load("id = \"x\"\ncountry = PT\n");
  EXPECT_THAT(ErrorOf(r), StartsWith("community.toml:2:"));
}

TEST_F(CommunityFileTest, MissingFile) {
  auto r = LoadCommunityFile(dir_ + "/nope.toml");
  EXPECT_THAT(ErrorOf(r), HasSubstr("nope.toml: cannot open"));
}

TEST_F(CommunityFileTest, MembershipDatesAndInstants) {
  auto r = Load(R"(id = "x"
country = "PT"
[sharing]
method = "proportional"
[[participants]]
id = "A"
from = "2024-05-22"
[[participants]]
id = "B"
from = 2024-05-20
to = 2024-05-22T00:00:00+01:00
[[participants]]
id = "C"
from = "2024-05-20T10:00:00+01:00"
)");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->participants[0].member_from, kMay22Lisbon);
  EXPECT_EQ(r->participants[0].member_to, kEndOfTime);
  EXPECT_EQ(r->participants[1].member_from, kMay20Lisbon);
  EXPECT_EQ(r->participants[1].member_to, kMay22Lisbon);
  EXPECT_EQ(r->participants[2].member_from, kMay20TenLisbon);
  EXPECT_EQ(r->periods[0].method, Method::kProportional);
}

TEST_F(CommunityFileTest, BadDates) {
  auto r = Load(R"(id = "x"
country = "PT"
[[participants]]
id = "A"
from = "2024-13-01"
[[participants]]
id = "B"
from = 2024-05-20T10:00:00
[[participants]]
id = "C"
from = "2024-05-22"
to = "2024-05-21"
[[participants]]
id = "D"
from = "2040-01-01"
)");
  const std::string m = ErrorOf(r);
  EXPECT_THAT(m, HasSubstr("community.toml:5:8: participants[0].from: bad date '2024-13-01'"));
  EXPECT_THAT(m, HasSubstr("community.toml:8:8: participants[1].from: local date-time without a "
                           "UTC offset"));
  EXPECT_THAT(m, HasSubstr("community.toml:12:6: participants[2].to: membership ends before it "
                           "starts"));
  EXPECT_THAT(m, HasSubstr("community.toml:15:8: participants[3].from:"));
}

TEST_F(CommunityFileTest, NoSharingSectionUsesCountryDefault) {
  auto r = Load(R"(id = "x"
country = "ES"
[[participants]]
id = "A"
contracted_power_kw = 3.45
)");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_TRUE(r->periods.empty());
  EXPECT_EQ(r->rules.default_method, Method::kFixed);
  EXPECT_EQ(r->rules.step_seconds, 3600);
  EXPECT_EQ(r->timezone, "Europe/Madrid");
  EXPECT_DOUBLE_EQ(r->participants[0].contracted_power_kw, 3.45);
}

TEST_F(CommunityFileTest, SpainFixedWithoutCoefficientsIsContractedPower) {
  // 3450 W, 4600 W, 5750 W of 13800 W: 1/4, 1/3, 5/12 -> 250000000, 333333333.33, 416666666.67;
  // the missing ppb goes to the largest remainder (the third).
  auto r = Load(R"(id = "x"
country = "es"
[sharing]
method = "fixed"
[[participants]]
id = "A"
contracted_power_kw = 3.45
[[participants]]
id = "B"
contracted_power_kw = 4.6
[[participants]]
id = "C"
contracted_power_kw = 5.75
[[participants]]
id = "P"
role = "producer"
contracted_power_kw = 100
)");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_THAT(r->periods[0].fixed, ElementsAre(250000000, 333333333, 416666667, 0));
}

TEST_F(CommunityFileTest, FixedWithoutCoefficientsOutsideSpainIsAnError) {
  auto r = Load(R"(id = "x"
country = "PT"
[sharing]
method = "fixed"
[[participants]]
id = "A"
contracted_power_kw = 3.45
)");
  EXPECT_THAT(ErrorOf(r), StartsWith("community.toml:3:1: sharing.coefficients: the fixed method "
                                     "needs a coefficient for each consumer"));
}

TEST_F(CommunityFileTest, ProducerWithCoefficient) {
  auto r = Load(R"(id = "x"
country = "PT"
[sharing]
method = "fixed"
[[participants]]
id = "A"
coefficient = 0.5
[[participants]]
id = "P"
role = "producer"
coefficient = 0.5
)");
  EXPECT_THAT(ErrorOf(r), HasSubstr("community.toml:11:15: participant 'P': a producer cannot "
                                    "receive a coefficient"));
}

TEST_F(CommunityFileTest, VariableTable) {
  Write("coefficients.csv",
        "participant,start,coefficient\r\n"
        "A,2024-05-20T00:00:00+01:00,0.25\r\n"
        "B,2024-05-20T00:00:00+01:00,0.75\r\n"
        "B,2024-05-20T01:00:00+01:00,1/3\r\n");
  auto bad = Load(R"(id = "x"
country = "PT"
[sharing]
method = "variable"
table = "coefficients.csv"
[[participants]]
id = "A"
[[participants]]
id = "B"
)");
  EXPECT_EQ(ErrorOf(bad), "coefficients.csv:4: bad coefficient '1/3' (expected a decimal >= 0)");

  // Rows in any order; a participant absent from a row has 0.
  Write("coefficients.csv",
        "participant,start,coefficient\n"
        "B,2024-05-20T01:00:00+01:00,1\n"
        "A,2024-05-20T00:00:00+01:00,0.25\n"
        "B,2024-05-20T00:00:00+01:00,0.75\n");
  auto r = Load(R"(id = "x"
country = "PT"
[sharing]
method = "variable"
table = "coefficients.csv"
[[participants]]
id = "A"
[[participants]]
id = "B"
)");
  ASSERT_TRUE(r.ok()) << r.status().message();
  const SharingPeriod& p = r->periods[0];
  EXPECT_EQ(p.method, Method::kVariable);
  EXPECT_EQ(p.row_seconds, 3600);  // every start on a whole hour
  ASSERT_EQ(p.rows.size(), 2u);
  EXPECT_EQ(p.rows[0].start, kMay20Lisbon);
  EXPECT_THAT(p.rows[0].coefficients, ElementsAre(250000000, 750000000));
  EXPECT_EQ(p.rows[1].start, kMay20Lisbon + 3600);
  EXPECT_THAT(p.rows[1].coefficients, ElementsAre(0, 1000000000));
}

TEST_F(CommunityFileTest, VariableTableQuarterHourRows) {
  Write("k.csv",
        "participant,start,coefficient\n"
        "A,2024-05-20T00:00:00+01:00,1\n"
        "A,2024-05-20T00:15:00+01:00,1\n");
  auto r = Load(R"(id = "x"
country = "PT"
[sharing]
method = "variable"
table = "k.csv"
[[participants]]
id = "A"
)");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->periods[0].row_seconds, 900);
}

TEST_F(CommunityFileTest, VariableTableErrorsNameFileAndLine) {
  Write("coefficients.csv",
        "participant,start,coefficient\n"
        "A,2024-05-20T00:00:00+01:00,0.5\n"
        "Z,2024-05-20T00:00:00+01:00,0.5\n"
        "A,2024-05-20T00:00:00+01:00,0.5\n"
        "B,2024-05-20 midnight,0.5\n");
  auto r = Load(R"(id = "x"
country = "PT"
[sharing]
method = "variable"
table = "coefficients.csv"
[[participants]]
id = "A"
[[participants]]
id = "B"
)");
  const std::string m = ErrorOf(r);
  EXPECT_THAT(m, HasSubstr("coefficients.csv:3: unknown participant 'Z'"));
  EXPECT_THAT(m, HasSubstr("coefficients.csv:4: duplicate coefficient for 'A' at "
                           "2024-05-20T00:00:00+01:00 (also line 2)"));
  EXPECT_THAT(m, HasSubstr("coefficients.csv:5: "));
}

TEST_F(CommunityFileTest, VariableRowNotSummingToOne) {
  Write("coefficients.csv",
        "participant,start,coefficient\n"
        "A,2024-05-20T00:00:00+01:00,0.5\n"
        "B,2024-05-20T00:00:00+01:00,0.5\n"
        "A,2024-05-20T01:00:00+01:00,0.5\n"
        "B,2024-05-20T01:00:00+01:00,0.4\n");
  auto r = Load(R"(id = "x"
country = "PT"
[sharing]
method = "variable"
table = "coefficients.csv"
[[participants]]
id = "A"
[[participants]]
id = "B"
)");
  EXPECT_EQ(ErrorOf(r),
            "coefficients.csv:4: rows starting 2024-05-20T01:00:00+01:00: coefficients sum to "
            "0.9, expected 1 (within 1e-9)");
}

TEST_F(CommunityFileTest, VariableWithoutTableOrMissingFile) {
  auto r = Load(R"(id = "x"
country = "PT"
[sharing]
method = "variable"
[[participants]]
id = "A"
)");
  EXPECT_THAT(ErrorOf(r), HasSubstr("community.toml:3:1: sharing.table: missing"));
  r = Load(R"(id = "x"
country = "PT"
[sharing]
method = "variable"
table = "absent.csv"
[[participants]]
id = "A"
)");
  EXPECT_THAT(
      ErrorOf(r),
      HasSubstr("community.toml:5:9: sharing.table: absent.csv: cannot open: No such file"));
  EXPECT_THAT(ErrorOf(r), HasSubstr("absent.csv"));
}

TEST_F(CommunityFileTest, PairwiseTable) {
  Write("pairs.csv",
        "producer,participant,start,coefficient\n"
        "PV,A,,0.6\n"
        "PV,B,,0.4\n"
        "PV,A,2024-05-20T10:00:00+01:00,1\n");
  auto r = Load(R"(id = "x"
country = "PT"
[sharing]
method = "pairwise"
table = "pairs.csv"
[[participants]]
id = "A"
[[participants]]
id = "B"
[[participants]]
id = "PV"
role = "producer"
)");
  ASSERT_TRUE(r.ok()) << r.status().message();
  const auto& pairs = r->periods[0].pairs;
  ASSERT_EQ(pairs.size(), 3u);
  EXPECT_EQ(pairs[0].producer, 2);
  EXPECT_EQ(pairs[0].participant, 0);
  EXPECT_EQ(pairs[0].start, kBeginningOfTime);
  EXPECT_EQ(pairs[0].coefficient, 600000000);
  EXPECT_EQ(pairs[1].coefficient, 400000000);
  EXPECT_EQ(pairs[2].start, kMay20TenLisbon);
  EXPECT_EQ(pairs[2].coefficient, 1000000000);
}

TEST_F(CommunityFileTest, PairwiseErrors) {
  Write("pairs.csv",
        "producer,participant,start,coefficient\n"
        "PV,A,,0.6\n"
        "PV,B,,0.5\n"
        "A,B,,0.1\n"
        "PV,Q,,0.1\n");
  auto r = Load(R"(id = "x"
country = "PT"
[sharing]
method = "pairwise"
table = "pairs.csv"
[[participants]]
id = "A"
[[participants]]
id = "B"
[[participants]]
id = "PV"
role = "producer"
)");
  std::string m = ErrorOf(r);
  EXPECT_THAT(m, HasSubstr("pairs.csv:4: 'A' is a consumer, not a producer or prosumer"));
  EXPECT_THAT(m, HasSubstr("pairs.csv:5: unknown participant 'Q'"));

  Write("pairs.csv",
        "producer,participant,start,coefficient\n"
        "PV,A,,0.6\n"
        "PV,B,,0.5\n");
  r = Load(R"(id = "x"
country = "PT"
[sharing]
method = "pairwise"
table = "pairs.csv"
[[participants]]
id = "A"
[[participants]]
id = "B"
[[participants]]
id = "PV"
role = "producer"
)");
  // The core check runs last, prefixed by the file name: 0.6 + 0.5 > 1.
  EXPECT_THAT(ErrorOf(r), StartsWith("community.toml: period 0 (pairwise): coefficients of "
                                     "participant 2 'PV' at all times sum to 1100000000 ppb"));
}

TEST_F(CommunityFileTest, PriorityGroups) {
  auto r = Load(R"(id = "x"
country = "FR"
[sharing]
method = "priority"
[[participants]]
id = "A"
group = 1
coefficient = 1
[[participants]]
id = "B"
group = 2
coefficient = 0.5
[[participants]]
id = "C"
group = 2
coefficient = 0.5
[[participants]]
id = "PV"
role = "producer"
)");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_THAT(r->periods[0].fixed, ElementsAre(1000000000, 500000000, 500000000, 0));
  EXPECT_THAT(r->periods[0].group, ElementsAre(1, 2, 2, 0));

  r = Load(R"(id = "x"
country = "FR"
[sharing]
method = "priority"
[[participants]]
id = "A"
group = 1
coefficient = 1
[[participants]]
id = "B"
group = 2
coefficient = 0.5
[[participants]]
id = "C"
coefficient = 0.5
)");
  const std::string m = ErrorOf(r);
  EXPECT_THAT(m, HasSubstr("community.toml:15:15: participant 'C': has a coefficient but no "
                           "priority group"));
}

TEST_F(CommunityFileTest, PeriodsWithInlineCoefficients) {
  auto r = Load(R"(id = "x"
country = "PT"
[sharing]
method = "fixed"

[[sharing.periods]]
from = "2024-05-20"
coefficients = { A = 1 }

[[sharing.periods]]
from = "2024-05-22"
coefficients = { A = 0.5, B = 0.5 }

[[sharing.periods]]
from = "2024-05-27"
method = "proportional"

[[participants]]
id = "A"
[[participants]]
id = "B"
from = "2024-05-22"
)");
  ASSERT_TRUE(r.ok()) << r.status().message();
  const auto& periods = r->periods;
  ASSERT_EQ(periods.size(), 3u);
  EXPECT_EQ(periods[0].from, kMay20Lisbon);
  EXPECT_EQ(periods[0].to, kMay22Lisbon);  // `to` defaults to the next period's `from`
  EXPECT_THAT(periods[0].fixed, ElementsAre(1000000000, 0));
  EXPECT_EQ(periods[1].from, kMay22Lisbon);
  EXPECT_THAT(periods[1].fixed, ElementsAre(500000000, 500000000));
  EXPECT_EQ(periods[2].method, Method::kProportional);
  EXPECT_EQ(periods[2].to, kEndOfTime);
}

TEST_F(CommunityFileTest, PeriodErrors) {
  auto r = Load(R"(id = "x"
country = "PT"
[sharing]
method = "fixed"
table = "x.csv"

[[sharing.periods]]
from = "2024-05-20"
coefficients = { A = 1, Z = 0 }

[[sharing.periods]]
coefficients = { A = 1 }

[[participants]]
id = "A"
)");
  const std::string m = ErrorOf(r);
  EXPECT_THAT(m, HasSubstr("community.toml:5:9: sharing.table: not allowed beside "
                           "[[sharing.periods]]"));
  EXPECT_THAT(m, HasSubstr("community.toml:9:29: sharing.periods[0].coefficients.Z: unknown "
                           "participant 'Z'"));
  EXPECT_THAT(m, HasSubstr("community.toml:11:1: sharing.periods[1].from: missing"));
}

TEST_F(CommunityFileTest, OverlappingPeriodsReportedByCoreValidate) {
  auto r = Load(R"(id = "x"
country = "PT"
[[sharing.periods]]
from = "2024-05-22"
method = "proportional"
[[sharing.periods]]
from = "2024-05-20"
method = "proportional"
[[participants]]
id = "A"
)");
  EXPECT_THAT(ErrorOf(r), HasSubstr("community.toml: period 1 (proportional): periods are not "
                                    "sorted by start"));
}

TEST_F(CommunityFileTest, SuspensionsAndItaly) {
  auto r = Load(R"(id = "x"
country = "IT"
timezone = "Europe/Rome"

[italy]
plant_kw = 150
bonus_eur_per_mwh = 10

[sharing]
method = "proportional"

[[participants]]
id = "A"

[[suspensions]]
participant = "A"
from = "2024-05-20T10:00:00+01:00"
to = "2024-05-20T12:00:00+01:00"

[[suspensions]]
from = "2024-05-20"
to = "2024-05-21"
)");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->rules.country, Country::kItaly);
  EXPECT_DOUBLE_EQ(r->italy.plant_kw, 150);
  EXPECT_DOUBLE_EQ(r->italy.bonus_eur_per_mwh, 10);
  ASSERT_EQ(r->suspensions.size(), 2u);
  EXPECT_EQ(r->suspensions[0].participant, 0);
  EXPECT_EQ(r->suspensions[0].from, kMay20TenLisbon);
  EXPECT_EQ(r->suspensions[0].to, kMay20TenLisbon + 7200);
  EXPECT_EQ(r->suspensions[1].participant, -1);
  EXPECT_EQ(r->suspensions[1].from, kMay20Madrid);  // Rome midnight = Madrid midnight (+02:00)
  EXPECT_EQ(r->suspensions[1].to, kMay20Madrid + 86400);
}

TEST_F(CommunityFileTest, SuspensionOfUnknownParticipant) {
  auto r = Load(R"(id = "x"
country = "PT"
[[participants]]
id = "A"
[[suspensions]]
participant = "B"
from = "2024-05-20"
to = "2024-05-21"
)");
  EXPECT_EQ(ErrorOf(r), "community.toml:6:15: suspensions[0].participant: unknown participant 'B'");
}

TEST_F(CommunityFileTest, StepOverrideAndUnknownZone) {
  auto r = Load(R"(id = "x"
country = "PT"
step_minutes = 60
[[participants]]
id = "A"
)");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->rules.step_seconds, 3600);

  r = Load(R"(id = "x"
country = "PT"
timezone = "Europe/Atlantis"
[[participants]]
id = "A"
)");
  EXPECT_THAT(ErrorOf(r), StartsWith("community.toml:3:12: timezone: unknown time zone"));
}

TEST_F(CommunityFileTest, MissingRequiredKeys) {
  auto r = Load("country = \"PT\"\n");
  const std::string m = ErrorOf(r);
  EXPECT_THAT(m, HasSubstr("id: missing"));
  EXPECT_THAT(m, HasSubstr("participants: expected at least one [[participants]] table"));
}

TEST_F(CommunityFileTest, CupsControlLettersChecked) {
  auto r = Load(R"(id = "x"
country = "ES"
[[participants]]
id = "ES0021000000000001RK0F"
[[participants]]
id = "ES0021000000000001XX"
[[participants]]
id = "PV-roof"
role = "producer"
)");
  const std::string m = ErrorOf(r);
  EXPECT_THAT(m, StartsWith("community.toml:6:6: participants[1].id: "));
  EXPECT_THAT(m, HasSubstr("ES0021000000000001XX"));
  EXPECT_THAT(m, HasSubstr("RK"));
  EXPECT_EQ(std::count(m.begin(), m.end(), '\n'), 0) << m;
}

TEST(CommunityFileExamplesTest, PortugueseApartmentBuilding) {
  auto r = LoadCommunityFile(std::string(REPARTO_SOURCE_DIR) +
                             "/examples/pt-apartment-building/community.toml");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->rules.step_seconds, 900);
  ASSERT_EQ(r->participants.size(), 11u);
  ASSERT_EQ(r->periods.size(), 2u);
  EXPECT_EQ(r->periods[0].to, r->periods[1].from);
  // A8 (index 7) joins at local midnight of 23 May: 2024-05-22T23:00:00Z.
  EXPECT_EQ(r->participants[7].member_from, kMay22Lisbon + 86400);
  EXPECT_EQ(r->periods[1].from, kMay22Lisbon + 86400);
  EXPECT_EQ(r->periods[0].fixed[7], 0);  // no share before A8 joins
  // 5/44 written as 0.1136363636: the 10-decimal shares sum to 0.9999999999 and are completed
  // to exactly 1e9 ppb.
  Coefficient sum = 0;
  for (Coefficient k : r->periods[1].fixed) sum += k;
  EXPECT_EQ(sum, kCoefficientScale);
  const Participant& pv1 = r->participants[9];
  const Participant& pv2 = r->participants[10];
  EXPECT_EQ(OriginBetween(pv1, r->participants[0]), Origin::kInternal);
  EXPECT_EQ(OriginBetween(pv2, r->participants[0]), Origin::kLV);
}

TEST(CommunityFileExamplesTest, SpanishIndustrialEstate) {
  auto r = LoadCommunityFile(std::string(REPARTO_SOURCE_DIR) +
                             "/examples/es-industrial-estate/community.toml");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->rules.country, Country::kSpain);
  EXPECT_EQ(r->rules.step_seconds, 3600);
  ASSERT_EQ(r->periods.size(), 1u);
  const SharingPeriod& p = r->periods[0];
  EXPECT_EQ(p.method, Method::kVariable);
  EXPECT_EQ(p.from, kMay20Madrid);
  EXPECT_EQ(p.to, kMay20Madrid + 7 * 86400);
  EXPECT_EQ(p.row_seconds, 3600);
  ASSERT_EQ(p.rows.size(), 168u);  // one row per hour of the week
  EXPECT_EQ(p.rows.front().start, kMay20Madrid);
  EXPECT_EQ(p.rows.back().start, kMay20Madrid + 167 * 3600);
}

}  // namespace
}  // namespace reparto
