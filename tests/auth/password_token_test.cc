// Passwords and tokens (src/auth/password.h, token.h): Argon2id hash strings that verify only
// the right password, the password policy, 256-bit session tokens as 43 base64url characters,
// their stored hashes, CSRF tokens derived from them, and the demo accounts' fixed hashes.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "auth/password.h"
#include "auth/token.h"
#include "jobs/demo_accounts.h"

namespace reparto::auth {
namespace {

const PasswordHashLimits kFast = PasswordHashLimits::ForTestsOnly();

bool IsBase64Url(const std::string& text) {
  return text.find_first_not_of(
             "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") ==
         std::string::npos;
}

TEST(Password, HashIsArgon2idAndVerifiesOnlyThePassword) {
  auto hash = HashPassword("correct horse battery", kFast);
  ASSERT_TRUE(hash.ok()) << hash.status().message();
  EXPECT_EQ(hash->rfind("$argon2id$v=19$", 0), 0u) << *hash;
  EXPECT_EQ(hash->find("correct"), std::string::npos);
  EXPECT_TRUE(VerifyPassword(*hash, "correct horse battery"));
  EXPECT_FALSE(VerifyPassword(*hash, "correct horse batterY"));
  EXPECT_FALSE(VerifyPassword(*hash, ""));
  EXPECT_FALSE(VerifyPassword("not a hash", "correct horse battery"));
  EXPECT_FALSE(VerifyPassword("", ""));
  // A fresh salt each time: two hashes of one password differ, both verify.
  auto again = HashPassword("correct horse battery", kFast);
  ASSERT_TRUE(again.ok());
  EXPECT_NE(*again, *hash);
  EXPECT_TRUE(VerifyPassword(*again, "correct horse battery"));
}

TEST(Password, TheDefaultIsInteractiveAndOtherLimitsNeedARehash) {
  auto fast = HashPassword("correct horse battery", kFast);
  ASSERT_TRUE(fast.ok());
  EXPECT_FALSE(NeedsRehash(*fast, kFast));
  EXPECT_TRUE(NeedsRehash(*fast));  // made with lower limits than INTERACTIVE
  EXPECT_TRUE(NeedsRehash("$argon2i$v=19$m=4096,t=3,p=1$c2FsdHNhbHQ$aGFzaA", kFast));
  // m=65536 KiB (64 MiB), t=2: libsodium's INTERACTIVE limits.
  const std::string demo = jobs::DemoAccounts()[0].password_hash;
  EXPECT_EQ(demo.rfind("$argon2id$v=19$m=65536,t=2,p=1$", 0), 0u);
  EXPECT_FALSE(NeedsRehash(demo));
}

TEST(Password, PolicyWantsTenCharactersCountedAsCodePoints) {
  EXPECT_TRUE(CheckPasswordPolicy("0123456789").ok());
  Status short_one = CheckPasswordPolicy("123456789");
  ASSERT_FALSE(short_one.ok());
  EXPECT_EQ(short_one.message(), "a password needs at least 10 characters, this one has 9");
  // "contraseña" is 10 characters in 11 bytes; "ñññññññññ" is 9 characters in 18 bytes.
  EXPECT_TRUE(CheckPasswordPolicy("contraseña").ok());
  EXPECT_FALSE(CheckPasswordPolicy("ñññññññññ").ok());
  EXPECT_FALSE(CheckPasswordPolicy(std::string(1025, 'x')).ok());
  EXPECT_TRUE(CheckPasswordPolicy(std::string(1024, 'x')).ok());
}

TEST(Password, DemoAccountHashesMatchTheirDocumentedPasswords) {
  ASSERT_EQ(jobs::DemoAccounts().size(), 4u);
  for (const jobs::DemoAccount& account : jobs::DemoAccounts()) {
    EXPECT_TRUE(CheckPasswordPolicy(account.password).ok()) << account.email;
    EXPECT_TRUE(VerifyPassword(account.password_hash, account.password)) << account.email;
    EXPECT_FALSE(VerifyPassword(account.password_hash, "demo-wrong-2025")) << account.email;
  }
}

TEST(Token, SessionTokensAre43Base64UrlCharactersAndDistinct) {
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    const std::string token = NewSessionToken();
    EXPECT_EQ(token.size(), 43u);  // ceil(32 * 8 / 6) = 43, no padding
    EXPECT_TRUE(IsBase64Url(token)) << token;
    EXPECT_TRUE(LooksLikeSessionToken(token));
    seen.insert(token);
  }
  EXPECT_EQ(seen.size(), 200u);
  EXPECT_FALSE(LooksLikeSessionToken(std::string(42, 'a')));
  EXPECT_FALSE(LooksLikeSessionToken(std::string(42, 'a') + "="));
  EXPECT_FALSE(LooksLikeSessionToken(std::string(42, 'a') + "+"));
}

TEST(Token, TheStoredHashIsBlake2bHexAndNotTheToken) {
  // BLAKE2b-256 of the empty string (RFC 7693 test vectors, 32-byte output).
  EXPECT_EQ(TokenHash(""), "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
  const std::string token = NewSessionToken();
  const std::string hash = TokenHash(token);
  EXPECT_EQ(hash.size(), 64u);
  EXPECT_EQ(hash.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_NE(hash, token);
  EXPECT_EQ(TokenHash(token), hash);
  EXPECT_NE(TokenHash(NewSessionToken()), hash);
}

TEST(Token, CsrfTokenIsDerivedFromTheSessionAndDiffersFromIt) {
  const std::string a = NewSessionToken();
  const std::string b = NewSessionToken();
  EXPECT_EQ(CsrfTokenFor(a), CsrfTokenFor(a));
  EXPECT_NE(CsrfTokenFor(a), CsrfTokenFor(b));
  EXPECT_NE(CsrfTokenFor(a), a);
  EXPECT_EQ(CsrfTokenFor(a).size(), 43u);
  EXPECT_TRUE(IsBase64Url(CsrfTokenFor(a)));
  // Keyed: not the plain hash of the token.
  EXPECT_NE(CsrfTokenFor(a), TokenHash(a));
}

TEST(Token, SameSecretComparesWholeStrings) {
  EXPECT_TRUE(SameSecret("abc", "abc"));
  EXPECT_FALSE(SameSecret("abc", "abd"));
  EXPECT_FALSE(SameSecret("abc", "abcd"));
  EXPECT_FALSE(SameSecret("", "a"));
  EXPECT_TRUE(SameSecret("", ""));
  EXPECT_EQ(Base64Url("\xfb\xff"), "-_8");  // '+' '/' of standard base64 become '-' '_'
}

}  // namespace
}  // namespace reparto::auth
