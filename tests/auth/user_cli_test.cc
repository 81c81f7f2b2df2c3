// `reparto user` over the real binary (REPARTO_BINARY) on a SQLite file: add with the password
// from a file or standard input (never argv), the policy and grant checks, list, grant/revoke,
// password change and remove; the stored hash is Argon2id and verifies the new password only.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "auth/auth_fixture.h"
#include "store/cli_runner.h"

namespace reparto::auth {
namespace {

class UserCli : public AuthFixture {
 protected:
  void SetUp() override {
    AuthFixture::SetUp();
    store_.reset();  // the binary opens the file itself
    db_ = " --db " + dir_ + "/reparto.db";
    std::ofstream(dir_ + "/pw.txt") << "a long secret phrase\n";
    std::ofstream(dir_ + "/new.txt") << "another long phrase\n";
  }
  std::unique_ptr<Store> Reopen() {
    auto store = sqlite::OpenStore(dir_ + "/reparto.db");
    EXPECT_TRUE(store.ok());
    return std::move(*store);
  }
  std::string db_;
};

TEST_F(UserCli, AddListGrantPasswordRemove) {
  Output add = Reparto(
      "user add --email Carla@Example.org --role member --name Carla --grant "
      "ES-DEMO/ES0031000000000003EF --password-file " +
      dir_ + "/pw.txt" + db_);
  ASSERT_EQ(add.code, 0) << add.text;
  EXPECT_NE(add.text.find("added member carla@example.org"), std::string::npos) << add.text;

  Output list = Reparto("user list" + db_);
  ASSERT_EQ(list.code, 0) << list.text;
  EXPECT_NE(list.text.find("ES-DEMO/ES0031000000000003EF"), std::string::npos) << list.text;
  EXPECT_NE(list.text.find("manager@example.org"), std::string::npos);

  Output grant =
      Reparto("user grant --email carla@example.org --grant ES-DEMO/" + std::string(kMemberPoint) +
              " --revoke ES-DEMO/ES0031000000000003EF" + db_);
  ASSERT_EQ(grant.code, 0) << grant.text;
  EXPECT_NE(grant.text.find("now sees: ES-DEMO/" + std::string(kMemberPoint)), std::string::npos)
      << grant.text;

  Output password =
      Reparto("user password --email carla@example.org --password-file " + dir_ + "/new.txt" + db_);
  ASSERT_EQ(password.code, 0) << password.text;
  {
    auto store = Reopen();
    auto user = store->Auth().FindUserByEmail("carla@example.org");
    ASSERT_TRUE(user.ok() && user->has_value());
    EXPECT_EQ((*user)->password_hash.rfind("$argon2id$", 0), 0u);
    EXPECT_TRUE(VerifyPassword((*user)->password_hash, "another long phrase"));
    EXPECT_FALSE(VerifyPassword((*user)->password_hash, "a long secret phrase"));
    const std::vector<Grant> grants = {{"ES-DEMO", kMemberPoint}};
    EXPECT_EQ(*store->Auth().LoadGrants((*user)->user.id), grants);
  }

  Output remove = Reparto("user remove --email carla@example.org" + db_);
  ASSERT_EQ(remove.code, 0) << remove.text;
  EXPECT_FALSE(Reopen()->Auth().FindUserByEmail("carla@example.org")->has_value());
}

TEST_F(UserCli, PasswordFromStandardInputAndClearErrors) {
  Output piped = Reparto("user add --email dora@example.org --role manager --grant ES-DEMO" + db_ +
                         " < " + dir_ + "/pw.txt");
  ASSERT_EQ(piped.code, 0) << piped.text;

  Output short_password =
      Reparto("user add --email eva@example.org --role admin" + db_ + " < /dev/null");
  EXPECT_EQ(short_password.code, 1);
  EXPECT_NE(short_password.text.find("at least 10 characters"), std::string::npos)
      << short_password.text;

  Output duplicate = Reparto("user add --email DORA@example.org --role admin --password-file " +
                             dir_ + "/pw.txt" + db_);
  EXPECT_EQ(duplicate.code, 1);
  EXPECT_NE(duplicate.text.find("already exists"), std::string::npos) << duplicate.text;

  Output member_of_all = Reparto(
      "user add --email f@example.org --role member --grant ES-DEMO "
      "--password-file " +
      dir_ + "/pw.txt" + db_);
  EXPECT_EQ(member_of_all.code, 1);
  EXPECT_NE(member_of_all.text.find("a member's grant names a supply point"), std::string::npos)
      << member_of_all.text;

  Output unknown = Reparto(
      "user add --email g@example.org --role manager --grant ES-NOPE "
      "--password-file " +
      dir_ + "/pw.txt" + db_);
  EXPECT_EQ(unknown.code, 1);
  EXPECT_NE(unknown.text.find("no community ES-NOPE"), std::string::npos) << unknown.text;
  EXPECT_FALSE(Reopen()->Auth().FindUserByEmail("g@example.org")->has_value());  // all or nothing

  Output nobody = Reparto("user remove --email nobody@example.org" + db_);
  EXPECT_EQ(nobody.code, 1);
  EXPECT_NE(nobody.text.find("no user with e-mail nobody@example.org"), std::string::npos);

  Output help = Reparto("user add --help");
  EXPECT_EQ(help.code, 0);
  EXPECT_NE(help.text.find("--password-file"), std::string::npos);
}

}  // namespace
}  // namespace reparto::auth
