// The CSV tokenizer shared by every CSV reader: fields, lines, columns, quotes, errors.
#include "fileio/csv.h"

#include <gtest/gtest.h>

namespace reparto {
namespace {

TEST(CsvCursorTest, FieldsLinesColumnsAndQuotes) {
  CsvCursor csv(
      "\xEF\xBB\xBF"
      "a,b\r\n\r\n\"x,1\",\"say \"\"hi\"\"\",\n3,\"multi\nline\"\n4,5",
      ',');
  ASSERT_TRUE(csv.Next());
  EXPECT_EQ(csv.line(), 1u);
  ASSERT_EQ(csv.size(), 2u);
  EXPECT_EQ(csv.field(1), "b");  // no '\r'
  ASSERT_TRUE(csv.Next());
  EXPECT_EQ(csv.line(), 3u);
  ASSERT_EQ(csv.size(), 3u);
  EXPECT_EQ(csv.field(0), "x,1");
  EXPECT_EQ(csv.field(1), "say \"hi\"");
  EXPECT_EQ(csv.field(2), "");
  EXPECT_EQ(csv.column(1), 7u);
  ASSERT_TRUE(csv.Next());
  EXPECT_EQ(csv.line(), 4u);
  EXPECT_EQ(csv.field(1), "multi\nline");
  ASSERT_TRUE(csv.Next());
  EXPECT_EQ(csv.line(), 6u);
  EXPECT_EQ(csv.field(1), "5");
  EXPECT_FALSE(csv.Next());
  EXPECT_TRUE(csv.error().empty());
}

TEST(CsvCursorTest, UnterminatedQuoteIsAnError) {
  CsvCursor csv("a;b\n1;\"oops\n", ';');
  ASSERT_TRUE(csv.Next());
  EXPECT_FALSE(csv.Next());
  EXPECT_EQ(csv.error(), "2:3: unterminated quoted field");
}

}  // namespace
}  // namespace reparto
