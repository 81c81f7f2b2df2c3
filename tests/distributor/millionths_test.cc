// Tests for largest-remainder rounding to millionths, with hand-worked cases.
#include "distributor/millionths.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace reparto::distributor {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::vector<std::int64_t> Round(std::vector<Coefficient> ppb) { return RoundToMillionths(ppb); }

TEST(RoundToMillionths, ThreeEqualWeights) {
  // Floors 333333 x 3 = 999999; remainders 334, 333, 333: the first gets the missing millionth.
  EXPECT_THAT(Round({333333334, 333333333, 333333333}), ElementsAre(333334, 333333, 333333));
}

TEST(RoundToMillionths, LargestRemainderWinsWhereverItIs) {
  // Remainders 333, 333, 334: the last one gets it.
  EXPECT_THAT(Round({333333333, 333333333, 333333334}), ElementsAre(333333, 333333, 333334));
}

TEST(RoundToMillionths, TiesGoByListOrder) {
  // Floors 500000 + 499999 = 999999; remainders 500 and 500: the first in the list wins.
  EXPECT_THAT(Round({500000500, 499999500}), ElementsAre(500001, 499999));
  EXPECT_THAT(Round({499999500, 500000500}), ElementsAre(500000, 500000));
}

TEST(RoundToMillionths, SeveralExtraMillionths) {
  // Floors 1 + 1 + 999996 = 999998; remainders 999, 999, 2: the first two get one each.
  EXPECT_THAT(Round({1999, 1999, 999996002}), ElementsAre(2, 2, 999996));
  // Sevenths: 142857143 x 6 + 142857142; floors 142857 x 7 = 999999; remainders 143 x 6, 142.
  EXPECT_THAT(Round({142857143, 142857143, 142857143, 142857143, 142857143, 142857143, 142857142}),
              ElementsAre(142858, 142857, 142857, 142857, 142857, 142857, 142857));
}

TEST(RoundToMillionths, ExactValuesAndEdges) {
  EXPECT_THAT(Round({350000000, 650000000}), ElementsAre(350000, 650000));
  EXPECT_THAT(Round({1000000000}), ElementsAre(1000000));
  EXPECT_THAT(Round({0, 1000000000, 0}), ElementsAre(0, 1000000, 0));
  EXPECT_THAT(Round({}), IsEmpty());
}

TEST(RoundToMillionths, ClampsWhenThePreconditionIsBroken) {
  // Sum 2e9: nothing to add, floors kept.
  EXPECT_THAT(Round({1000000000, 1000000000}), ElementsAre(1000000, 1000000));
  // Sum 1 ppb: floors 0 + 0, 1000000 missing but at most one per entry is added.
  EXPECT_THAT(Round({1, 0}), ElementsAre(1, 1));
}

TEST(FormatMillionths, DecimalCommaAndSixDecimals) {
  EXPECT_EQ(FormatMillionths(350000), "0,350000");
  EXPECT_EQ(FormatMillionths(1000000), "1,000000");
  EXPECT_EQ(FormatMillionths(0), "0,000000");
  EXPECT_EQ(FormatMillionths(5), "0,000005");
}

}  // namespace
}  // namespace reparto::distributor
