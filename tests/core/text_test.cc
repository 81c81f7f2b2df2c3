// core/text.h: trimming blanks and comparing ASCII without case (UTF-8 bytes compared as they are).
#include "core/text.h"

#include <gtest/gtest.h>

namespace reparto {
namespace {

TEST(Text, TrimRemovesSpacesTabsAndLineEndsAtBothEndsOnly) {
  EXPECT_EQ(Trim("  gzip\t"), "gzip");
  EXPECT_EQ(Trim("\r\nreal \r\n"), "real");
  EXPECT_EQ(Trim("a b"), "a b");
  EXPECT_EQ(Trim(" \t "), "");
  EXPECT_EQ(Trim(""), "");
}

TEST(Text, EqualsIgnoreCaseFoldsAsciiLettersOnly) {
  EXPECT_TRUE(EqualsIgnoreCase("Real", "REAL"));
  EXPECT_TRUE(EqualsIgnoreCase("x-GZIP", "x-gzip"));
  EXPECT_FALSE(EqualsIgnoreCase("gzip", "gzip "));
  EXPECT_FALSE(EqualsIgnoreCase("[", "{"));  // 0x5B and 0x7B differ by 32 but are not letters
  EXPECT_TRUE(EqualsIgnoreCase("Injeção", "INJEção"));
  EXPECT_FALSE(EqualsIgnoreCase("Injeção", "INJEÇÃO"));  // no Unicode folding
}

}  // namespace
}  // namespace reparto
