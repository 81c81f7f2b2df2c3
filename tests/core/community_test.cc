// Tests for the community model (src/core/community.h): rule sets, origins, validation messages,
// names, and exact decimal-to-ppb coefficient conversion. Coefficients in ppb (1e9 = the pool).
#include "core/community.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace reparto {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr Coefficient kHalf = kCoefficientScale / 2;

// Designated initializers with omitted members trip -Wmissing-field-initializers on GCC 12, so
// test objects are built field by field.
Participant MakeParticipant(std::string id, Role role = Role::kConsumer, std::string building = "",
                            Origin voltage = Origin::kLV) {
  Participant p;
  p.id = std::move(id);
  p.role = role;
  p.building = std::move(building);
  p.voltage = voltage;
  return p;
}

SharingPeriod MakePeriod(Method method, std::vector<Coefficient> fixed = {}) {
  SharingPeriod p;
  p.method = method;
  p.fixed = std::move(fixed);
  return p;
}

CoefficientRow Row(UtcSeconds start, std::vector<Coefficient> coefficients) {
  CoefficientRow row;
  row.start = start;
  row.coefficients = std::move(coefficients);
  return row;
}

PairwiseEntry Pair(int producer, int participant, Coefficient k,
                   UtcSeconds start = kBeginningOfTime) {
  PairwiseEntry e;
  e.producer = producer;
  e.participant = participant;
  e.start = start;
  e.coefficient = k;
  return e;
}

Suspension Suspend(int participant, UtcSeconds from, UtcSeconds to) {
  Suspension s;
  s.participant = participant;
  s.from = from;
  s.to = to;
  return s;
}

Community TwoConsumersOneProducer() {
  Community c;
  c.rules = RulesFor(Country::kPortugal);
  c.participants = {MakeParticipant("A", Role::kConsumer, "B1"),
                    MakeParticipant("B", Role::kConsumer, "B2"),
                    MakeParticipant("PV", Role::kProducer, "B1", Origin::kMV)};
  c.periods.push_back(MakePeriod(Method::kFixed, {kHalf, kHalf, 0}));
  return c;
}

int CountLines(const std::string& s) {
  return static_cast<int>(std::count(s.begin(), s.end(), '\n')) + 1;
}

TEST(RulesForTest, CountryDefaults) {
  const RuleSet es = RulesFor(Country::kSpain);
  EXPECT_EQ(es.step_seconds, 3600);
  EXPECT_EQ(es.default_method, Method::kFixed);  // contracted-power coefficients built by loader
  EXPECT_FALSE(es.no_imputation_to_net_injectors);
  const RuleSet pt = RulesFor(Country::kPortugal);
  EXPECT_EQ(pt.step_seconds, 900);
  EXPECT_EQ(pt.default_method, Method::kProportional);
  EXPECT_TRUE(pt.no_imputation_to_net_injectors);
  const RuleSet fr = RulesFor(Country::kFrance);
  EXPECT_EQ(fr.step_seconds, 900);
  EXPECT_EQ(fr.default_method, Method::kProportional);
  EXPECT_TRUE(fr.no_imputation_to_net_injectors);
  const RuleSet it = RulesFor(Country::kItaly);
  EXPECT_EQ(it.step_seconds, 3600);
  EXPECT_EQ(it.default_method, Method::kProportional);
  EXPECT_FALSE(it.no_imputation_to_net_injectors);
  EXPECT_EQ(it.country, Country::kItaly);
}

TEST(CommunityTest, IndexOf) {
  const Community c = TwoConsumersOneProducer();
  EXPECT_EQ(c.IndexOf("A"), 0);
  EXPECT_EQ(c.IndexOf("PV"), 2);
  EXPECT_EQ(c.IndexOf("pv"), -1);
  EXPECT_EQ(c.IndexOf(""), -1);
}

TEST(CommunityTest, OriginBetween) {
  const Community c = TwoConsumersOneProducer();
  EXPECT_EQ(OriginBetween(c.participants[2], c.participants[0]), Origin::kInternal);
  EXPECT_EQ(OriginBetween(c.participants[2], c.participants[1]), Origin::kMV);
  const Participant no_building = MakeParticipant("X");
  const Participant producer_no_building = MakeParticipant("P", Role::kProducer, "", Origin::kHV);
  // Two empty buildings are not "the same building".
  EXPECT_EQ(OriginBetween(producer_no_building, no_building), Origin::kHV);
}

TEST(ValidateTest, ValidCommunityPasses) { EXPECT_TRUE(Validate(TwoConsumersOneProducer()).ok()); }

TEST(ValidateTest, ReportsEveryParticipantProblemOnItsOwnLine) {
  Community c = TwoConsumersOneProducer();
  c.participants[1].id = "A";  // duplicate
  c.participants.push_back(MakeParticipant(""));
  c.participants[0].member_from = 100;
  c.participants[0].member_to = 100;
  c.periods[0].fixed.push_back(0);
  const Status s = Validate(c);
  ASSERT_FALSE(s.ok());
  EXPECT_THAT(s.message(), HasSubstr("participant 1 'A': duplicate id (also participant 0)"));
  EXPECT_THAT(s.message(), HasSubstr("participant 3: empty id"));
  EXPECT_THAT(s.message(), HasSubstr("participant 0 'A': membership ends before it starts"));
  EXPECT_EQ(CountLines(s.message()), 3) << s.message();
}

TEST(ValidateTest, FixedMustSumExactly) {
  Community c = TwoConsumersOneProducer();
  c.periods[0].fixed = {kHalf, kHalf - 1, 0};
  Status s = Validate(c);
  ASSERT_FALSE(s.ok());
  EXPECT_THAT(s.message(), HasSubstr("sum to 999999999 ppb, expected 1000000000"));

  c.periods[0].fixed = {kHalf, kHalf};
  s = Validate(c);
  EXPECT_THAT(s.message(), HasSubstr("2 coefficients for 3 participants"));

  // A producer's coefficient is rejected even when the total is right.
  c.periods[0].fixed = {kHalf, kHalf / 2, kHalf / 2};
  s = Validate(c);
  EXPECT_THAT(s.message(), HasSubstr("producer participant 2 'PV' has a coefficient"));

  c.periods[0].fixed = {kCoefficientScale + 5, -5, 0};
  s = Validate(c);
  EXPECT_THAT(s.message(), HasSubstr("participant 1 'B' has a negative coefficient -5"));
}

TEST(ValidateTest, PeriodsSortedAndDisjoint) {
  Community c = TwoConsumersOneProducer();
  c.periods[0].from = 0;
  c.periods[0].to = 1000;
  SharingPeriod second = MakePeriod(Method::kProportional);
  second.from = 500;
  second.to = 2000;
  c.periods.push_back(second);
  Status s = Validate(c);
  ASSERT_FALSE(s.ok());
  EXPECT_THAT(s.message(), HasSubstr("period 1 (proportional): overlaps period 0"));

  c.periods[1].from = 1000;  // touching is fine: [.., 1000) then [1000, 2000)
  EXPECT_TRUE(Validate(c).ok());

  c.periods[1].from = -10;
  c.periods[1].to = -20;
  s = Validate(c);
  EXPECT_THAT(s.message(), HasSubstr("period 1 (proportional): ends before it starts"));
  EXPECT_THAT(s.message(), HasSubstr("period 1 (proportional): periods are not sorted"));
}

TEST(ValidateTest, VariableRows) {
  Community c = TwoConsumersOneProducer();
  SharingPeriod& p = c.periods[0];
  p.method = Method::kVariable;
  p.rows = {Row(0, {kHalf, kHalf, 0}), Row(3600, {kCoefficientScale, 0, 0})};
  EXPECT_TRUE(Validate(c).ok()) << Validate(c).message();

  p.rows[1].start = 0;
  p.rows[1].coefficients = {kHalf, 1, 0};
  p.row_seconds = 0;
  const Status s = Validate(c);
  ASSERT_FALSE(s.ok());
  EXPECT_THAT(s.message(), HasSubstr("row_seconds is 0"));
  EXPECT_THAT(s.message(), HasSubstr("row 1 (start 1970-01-01T00:00:00Z): start is not after"));
  EXPECT_THAT(s.message(), HasSubstr("row 1 (start 1970-01-01T00:00:00Z): coefficients sum to "
                                     "500000001 ppb"));
  EXPECT_EQ(CountLines(s.message()), 3) << s.message();

  p.rows.clear();
  p.row_seconds = 3600;
  EXPECT_THAT(Validate(c).message(), HasSubstr("no coefficient rows"));
}

TEST(ValidateTest, Pairwise) {
  Community c = TwoConsumersOneProducer();
  SharingPeriod& p = c.periods[0];
  p.method = Method::kPairwise;
  p.pairs = {Pair(2, 0, 600'000'000), Pair(2, 1, 400'000'000), Pair(2, 0, kCoefficientScale, 3600)};
  EXPECT_TRUE(Validate(c).ok()) << Validate(c).message();

  p.pairs[1].coefficient = 400'000'001;    // constant set: 1 000 000 001 > scale
  p.pairs.push_back(Pair(0, 1, 1));        // a consumer as the source
  p.pairs.push_back(Pair(2, 7, 1));        // bad participant index
  p.pairs.push_back(Pair(2, 0, 1, 3600));  // duplicate of pair 2
  const Status s = Validate(c);
  ASSERT_FALSE(s.ok());
  EXPECT_THAT(s.message(),
              HasSubstr("coefficients of participant 2 'PV' at all times sum to 1000000001 ppb"));
  EXPECT_THAT(s.message(), HasSubstr("pair 3: participant 0 'A' is a consumer"));
  EXPECT_THAT(s.message(), HasSubstr("pair 4: participant index 7 out of range"));
  EXPECT_THAT(s.message(), HasSubstr("pair 5: duplicate coefficient"));
  EXPECT_THAT(s.message(), HasSubstr("at 1970-01-01T01:00:00Z sum to 1000000001 ppb"));
}

TEST(ValidateTest, PriorityGroups) {
  Community c = TwoConsumersOneProducer();
  c.participants.push_back(MakeParticipant("C"));
  SharingPeriod& p = c.periods[0];
  p.method = Method::kPriority;
  // Group 1 = A alone; group 2 = B and C 50/50.
  p.fixed = {kCoefficientScale, kHalf, 0, kHalf};
  p.group = {1, 2, 0, 2};
  EXPECT_TRUE(Validate(c).ok()) << Validate(c).message();

  p.group = {1, 2, 0, 0};  // C has a coefficient but no group; group 2 then sums to half
  const Status s = Validate(c);
  ASSERT_FALSE(s.ok());
  EXPECT_THAT(s.message(), HasSubstr("participant 3 'C' has a coefficient but no group"));
  EXPECT_THAT(s.message(), HasSubstr("group 2 coefficients sum to 500000000 ppb"));
  EXPECT_EQ(CountLines(s.message()), 2) << s.message();
}

TEST(ValidateTest, Suspensions) {
  Community c = TwoConsumersOneProducer();
  c.suspensions = {Suspend(-1, 0, 10), Suspend(1, 5, 6)};
  EXPECT_TRUE(Validate(c).ok());
  c.suspensions.push_back(Suspend(3, 10, 10));
  const Status s = Validate(c);
  EXPECT_THAT(s.message(), HasSubstr("suspension 2: ends before it starts"));
  EXPECT_THAT(s.message(), HasSubstr("suspension 2: participant index 3 out of range"));
}

TEST(NamesTest, ParseAcceptsAnyCaseAndRoundTrips) {
  EXPECT_EQ(*ParseCountry("es"), Country::kSpain);
  EXPECT_EQ(*ParseCountry("PT"), Country::kPortugal);
  EXPECT_EQ(*ParseRole("Prosumer"), Role::kProsumer);
  EXPECT_EQ(*ParseVoltage("ehv"), Origin::kEHV);
  EXPECT_EQ(*ParseMethod("PAIRWISE"), Method::kPairwise);
  EXPECT_EQ(*ParseRedistribution("iterative"), Redistribution::kIterative);
  for (Country c : {Country::kSpain, Country::kPortugal, Country::kFrance, Country::kItaly}) {
    EXPECT_EQ(*ParseCountry(CountryCode(c)), c);
  }
  for (Method m : {Method::kFixed, Method::kVariable, Method::kProportional, Method::kPairwise,
                   Method::kPriority}) {
    EXPECT_EQ(*ParseMethod(MethodName(m)), m);
  }
  EXPECT_EQ(RoleName(Role::kProducer), "producer");
  EXPECT_EQ(OriginName(Origin::kInternal), "internal");
  EXPECT_EQ(OriginName(Origin::kMV), "MV");
}

TEST(NamesTest, ErrorsListAcceptedValues) {
  EXPECT_EQ(ParseCountry("DE").status().message(),
            "unknown country 'DE' (expected ES, PT, FR or IT)");
  EXPECT_EQ(ParseMethod("dynamic").status().message(),
            "unknown method 'dynamic' (expected fixed, variable, proportional, pairwise or "
            "priority)");
  EXPECT_EQ(ParseVoltage("internal").status().message(),
            "unknown voltage 'internal' (expected LV, MV, HV or EHV)");
  EXPECT_FALSE(ParseRole("").ok());
  EXPECT_EQ(ParseRedistribution("some").status().message(),
            "unknown redistribution 'some' (expected none or iterative)");
}

TEST(ToExactCoefficientsTest, ThirdsByLargestRemainder) {
  auto r = ToExactCoefficients({1.0 / 3, 1.0 / 3, 1.0 / 3});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_THAT(*r, ElementsAre(333333334, 333333333, 333333333));
}

TEST(ToExactCoefficientsTest, ExactDecimalsStayExact) {
  auto r = ToExactCoefficients({0.5, 0.3, 0.2});
  ASSERT_TRUE(r.ok());
  EXPECT_THAT(*r, ElementsAre(500000000, 300000000, 200000000));
  r = ToExactCoefficients({0.1, 0.2, 0.7});
  ASSERT_TRUE(r.ok());
  EXPECT_THAT(*r, ElementsAre(100000000, 200000000, 700000000));
  r = ToExactCoefficients({1.0, 0.0});
  ASSERT_TRUE(r.ok());
  EXPECT_THAT(*r, ElementsAre(kCoefficientScale, 0));
}

TEST(ToExactCoefficientsTest, LargestRemainderNotFirst) {
  // 0.1234567891 -> 123456789.1 ; 0.4 -> 400000000 ; 0.4765432109 -> 476543210.9
  // floors sum to 999999999; the one ppb goes to the largest remainder (0.9), the third.
  auto r = ToExactCoefficients({0.1234567891, 0.4, 0.4765432109});
  ASSERT_TRUE(r.ok());
  EXPECT_THAT(*r, ElementsAre(123456789, 400000000, 476543211));
}

TEST(ToExactCoefficientsTest, SumWithinToleranceIsAccepted) {
  // 0.3333333333 * 3 = 0.9999999999: within 1e-9 of 1. Floors 333333333 each, remainders 0.3 each:
  // the one missing ppb goes to the first.
  auto r = ToExactCoefficients({0.3333333333, 0.3333333333, 0.3333333333});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_THAT(*r, ElementsAre(333333334, 333333333, 333333333));
}

TEST(ToExactCoefficientsTest, RejectsBadSums) {
  auto r = ToExactCoefficients({0.3333334, 0.3333334, 0.3333334});
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().message(), HasSubstr("sum to 1.0000002"));
  r = ToExactCoefficients({0.5, 0.4});
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().message(), HasSubstr("sum to 0.9,"));
  EXPECT_FALSE(ToExactCoefficients({}).ok());
}

TEST(ToExactCoefficientsTest, RejectsNegative) {
  auto r = ToExactCoefficients({1.5, -0.5});
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().message(), HasSubstr("coefficient 1 is -0.5"));
  EXPECT_THAT(r.status().message(), Not(HasSubstr("sum")));
}

}  // namespace
}  // namespace reparto
